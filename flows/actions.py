"""What the engine asks the world to do. Adapters render `Say`; the runtime does the rest."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from flows.messages import Msg


@dataclass(frozen=True)
class Option:
    """One choice: `value` goes back in a `Pick`; `label` is translated by the adapter."""

    value: str
    label: Msg


@dataclass(frozen=True)
class Say:
    """Send a message. `step` names the step the options belong to (for stale detection)."""

    text: Msg
    options: tuple[Option, ...] = ()
    step: str | None = None


@dataclass(frozen=True)
class FileCase:
    """Save a finished report. The runtime answers with a `CaseFiled` event."""

    report: Mapping[str, object]
    risk: str
    reasons: tuple[str, ...]
    language: str


@dataclass(frozen=True)
class Escalate:
    """Put the conversation in the operators' queue (linked to the last filed case, if any)."""

    level: str
    reason: str
    case_reference: str | None = None


@dataclass(frozen=True)
class LookupReport:
    """Look up a report by reference number. The runtime answers with `ReportStatus`."""

    reference: str


@dataclass(frozen=True)
class DeleteUserData:
    """Erase the user's state and the personal fields of their cases; answered by `DataDeleted`."""


@dataclass(frozen=True)
class DiscardMedia:
    """Remove a refused file from the chat where the platform allows it; keep nothing of it."""

    message_ref: str | None
    kind: str
    details: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RelayToOperator:
    """Pass what the user sent to the operator who holds the conversation (files by id only).

    `refused`: a file of a sexual-image conversation (flows.images) that was not kept; the operator
    is told one came, never shown it (`media_ref` is then None). `images_refused_from_now`: this
    message made the conversation one (what the user wrote read as sextortion or grooming): the
    operator is told that no image will be forwarded any more, and to delete any sent before.
    """

    text: str | None = None
    media_kind: str | None = None
    media_ref: str | None = None
    refused: bool = False
    images_refused_from_now: bool = False


@dataclass(frozen=True)
class RelayWhileWaiting:
    """Keep what the user sent while waiting for a person with their case, and show it to the
    operators (files by id only, never from a sexual-image context). Answered by `Heard`."""

    text: str | None = None
    media_kind: str | None = None
    media_ref: str | None = None


@dataclass(frozen=True)
class RecordFeedback:
    """The user's answer to "did this help?" after an operator closed the conversation."""

    helpful: bool


# -- trusted adults (flows/adults.py; carried out by bot/adults.py) --------------------------------
@dataclass(frozen=True)
class CreateLinkCode:
    """Make a one-time code for the child to give a trusted adult; answered by `LinkCodeCreated`.
    `alias` is how the child wants the adult to know them."""

    alias: str


@dataclass(frozen=True)
class RedeemLinkCode:
    """An adult typed a code: take it (it works once) and hold it for their confirmation;
    answered by `LinkCodeChecked`."""

    code: str


@dataclass(frozen=True)
class ConfirmAdultLink:
    """The adult agreed: make the link and tell the child; answered by `AdultLinkMade`."""


@dataclass(frozen=True)
class DeclineAdultLink:
    """The adult said no: forget the code they took. Nothing is made, the child is not told."""


@dataclass(frozen=True)
class NameAdult:
    """The child's name for a linked adult ("Mum", "Апа")."""

    link_id: str
    name: str


@dataclass(frozen=True)
class RemoveAdult:
    """Unlink an adult, silently: they are never told."""

    link_id: str


@dataclass(frozen=True)
class AlertAdults:
    """Send the child's SOS to every linked adult, or a follow-up to it: a few words (`note`) or
    the child's location, forwarded and never kept. Answered by `AdultsAlerted`."""

    note: str | None = None
    location: tuple[float, float] | None = None

    def __repr__(self) -> str:  # neither the child's words nor where they are may reach a log
        return f"AlertAdults(note={self.note is not None}, location={self.location is not None})"


@dataclass(frozen=True)
class AnswerAlert:
    """An adult's answer to an alert ("coming", "calling"), passed on to the child."""

    alert_id: str
    answer: str


Action = (Say | FileCase | Escalate | LookupReport | DeleteUserData | DiscardMedia | RelayToOperator
          | RelayWhileWaiting | RecordFeedback
          | CreateLinkCode | RedeemLinkCode | ConfirmAdultLink | DeclineAdultLink | NameAdult | RemoveAdult
          | AlertAdults | AnswerAlert)
AdultAction = (CreateLinkCode | RedeemLinkCode | ConfirmAdultLink | DeclineAdultLink | NameAdult | RemoveAdult
               | AlertAdults | AnswerAlert)
