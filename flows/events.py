"""Channel-neutral input events: what a platform adapter hands to the engine."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MediaKind(StrEnum):
    PHOTO = "photo"
    VIDEO = "video"
    DOCUMENT = "document"
    VOICE = "voice"
    AUDIO = "audio"
    STICKER = "sticker"
    LOCATION = "location"
    CONTACT = "contact"
    OTHER = "other"

    @property
    def is_visual(self) -> bool:
        """Kinds that can carry an image of a person (refused where images are unsafe)."""
        return self in (MediaKind.PHOTO, MediaKind.VIDEO, MediaKind.DOCUMENT, MediaKind.STICKER)


@dataclass(frozen=True)
class Text:
    """Typed text (commands included)."""

    text: str


@dataclass(frozen=True)
class Pick:
    """A pressed choice. `step` is the step that showed it, to tell stale menus apart."""

    step: str
    value: str


@dataclass(frozen=True)
class Media:
    """A file or attachment. `ref` is the platform's file/media id, never the bytes;
    `message_ref` lets the adapter delete the message when it must not stay in the chat."""

    kind: MediaKind
    ref: str | None = None
    message_ref: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Location:
    """A location the user shared. Only ever forwarded to the child's trusted adults: never kept."""

    latitude: float
    longitude: float

    def __repr__(self) -> str:  # a location must not reach a log through a repr
        return "Location(<not shown>)"


# Events the runtime feeds back after it carried out an action for the engine.
@dataclass(frozen=True)
class CaseFiled:
    reference: str


@dataclass(frozen=True)
class ReportStatus:
    """Answer to a `LookupReport`: status is None when no report has that number."""

    reference: str
    status: str | None
    throttled: bool = False


@dataclass(frozen=True)
class DataDeleted:
    cases: int


@dataclass(frozen=True)
class Escalated:
    """The runtime queued the conversation for a person; position/wait are estimates."""

    level: str
    reason: str = ""
    position: int | None = None
    wait_minutes: int | None = None
    back_at: str | None = None  # outside working hours: the local time operators are back, e.g. "09:00"
    person: bool = True  # False: no operator desk is connected (or nobody may act): no person will come


@dataclass(frozen=True)
class Heard:
    """Answer to a `RelayWhileWaiting`: whether what the user wrote was kept with their waiting case,
    and whether a person can read it now (`person`), or when operators are back (`back_at`)."""

    kept: bool
    person: bool = True
    back_at: str | None = None


@dataclass(frozen=True)
class StillWaiting:
    """Nobody has taken the user's critical case yet: the runtime reminds them where to get help now."""


# Events from the operators' side, delivered to the user's conversation by the runtime.
@dataclass(frozen=True)
class OperatorJoined:
    """An operator took the conversation: from now on the user's messages go to them."""


@dataclass(frozen=True)
class OperatorMessage:
    """What an operator wrote; shown to the user as from the hotline (signed only if they chose)."""

    text: str
    signature: str | None = None


@dataclass(frozen=True)
class OperatorLeft:
    """The operator closed the conversation (`closed`) or handed it back to the bot."""

    closed: bool = True


# -- trusted adults (flows/adults.py) -------------------------------------------------------
@dataclass(frozen=True)
class LinkCodeCreated:
    """Answer to `CreateLinkCode`: the code (None when the child has the most adults already)."""

    code: str | None
    minutes: int = 15
    link: str | None = None  # Telegram's deep link with the code, when the bot is on Telegram


@dataclass(frozen=True)
class LinkCodeChecked:
    """Answer to `RedeemLinkCode`: `alias` is the child's chosen name when the code was good;
    `lang` the child's language, the adult's too until they choose one."""

    alias: str | None
    throttled: bool = False
    lang: str | None = None


@dataclass(frozen=True)
class AdultLinkMade:
    """Answer to `ConfirmAdultLink`: made, or why not ("expired", "full", "self")."""

    ok: bool
    problem: str | None = None


@dataclass(frozen=True)
class AdultLinked:
    """Delivered to the child's conversation: an adult confirmed the child's code."""

    link_id: str


@dataclass(frozen=True)
class AlertOutcome:
    """One adult's alert: delivered (at `at`, the local time) or not."""

    name: str
    delivered: bool
    at: str | None = None
    link_id: str | None = None  # the link as stored now: the conversation's copy follows it


@dataclass(frozen=True)
class AdultsAlerted:
    """Answer to `AlertAdults`: one outcome per linked adult (none left linked: empty)."""

    outcomes: tuple[AlertOutcome, ...]
    follow_up: bool = False


@dataclass(frozen=True)
class AdultAnswered:
    """Delivered to the child's conversation: a linked adult answered the alert."""

    name: str
    answer: str


Event = (Text | Pick | Media | CaseFiled | ReportStatus | DataDeleted | Escalated | Heard | StillWaiting
         | OperatorJoined | OperatorMessage | OperatorLeft | Location | LinkCodeCreated | LinkCodeChecked
         | AdultLinkMade | AdultLinked | AdultsAlerted | AdultAnswered)
