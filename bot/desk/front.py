"""The seam between the operator desk (channel-neutral) and an operator front-end.

The first front-end is a Telegram supergroup with topics (handlers/operators/telegram_group.py);
a web console can implement the same `OperatorFront` later. The desk decides everything; a front
renders `Msg` texts in the operators' language, shows `Choice` buttons and reports what operators
do back to the desk (`OperatorDesk.press`, `OperatorDesk.wrote`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.desk.roster import Operator
from bot.service import Reply
from flows.actions import RelayToOperator, RelayWhileWaiting
from flows.messages import Msg
from storage.base import CaseRecord
from storage.operators import EscalationInfo


class Delivery(StrEnum):
    """What became of a message to a user (the channels' own outcomes, folded)."""

    SENT = "sent"
    HELD = "held"  # WhatsApp: the 24-hour window is closed; held until a template can go
    GONE = "gone"  # the user blocked the bot or cannot be reached
    FAILED = "failed"
    NO_CHANNEL = "no_channel"  # the user's platform is not connected in this process


# Send an engine reply to a user by the raw address kept on the active escalation.
UserLink = Callable[[str, Reply], Awaitable[Delivery]]


@dataclass(frozen=True)
class Actor:
    """Whoever pressed or wrote in the operator group: listed as an operator or not."""

    id: str  # their Telegram user id, as text
    name: str  # their display name in the group (for the other operators; never sent to users)


@dataclass(frozen=True)
class Choice:
    """A button: `verb` on escalation `escalation_id`, with an optional argument (an outcome, a status)."""

    verb: str
    escalation_id: str
    arg: str | None = None


@dataclass(frozen=True)
class Answer:
    """What the operator who pressed is told at once (a Telegram callback answer)."""

    ok: bool
    text: Msg


@dataclass(frozen=True)
class CaseCard:
    """Everything a case card shows. Never the user's platform id or address."""

    escalation: EscalationInfo
    case: CaseRecord | None
    title: Msg  # the topic's name: icon, reference, priority, language
    body: Msg
    choices: tuple[Choice, ...]
    offer_to: tuple[Operator, ...]  # notified first: those who speak the case's language
    evidence: tuple[tuple[str, str], ...] = ()  # (kind, Telegram file id) to show below the card


class OperatorFront(Protocol):
    async def open_case(self, card: CaseCard) -> str | None:
        """Make the case's place (a topic) and show the card there; return its id (None: not made)."""
        ...

    async def show_card(self, topic_id: str | None, card: CaseCard) -> None:
        """Show the card again in its topic (the level rose, a report was linked, the user asked again)."""
        ...

    async def retitle(self, topic_id: str, title: Msg) -> None:
        """Rename the case's place (e.g. marked done after the close)."""
        ...

    async def relay(self, topic_id: str | None, escalation: EscalationInfo,
                    relay: RelayToOperator | RelayWhileWaiting) -> None:
        """Show what the user sent (text, or a file by its id where the front can show it); a
        `RelayWhileWaiting` was written before anyone took the case."""
        ...

    async def erase(self, topic_id: str) -> None:
        """Remove the case's place with the card and everything relayed there (the user's data was
        erased, or retention reached it); where that fails, say in the general place that it must be
        removed by hand. Never shows what was erased."""
        ...

    async def post(self, topic_id: str | None, text: Msg, *, choices: Sequence[Choice] = (),
                   mention: Sequence[Operator] = ()) -> None:
        """A notice in a case's place (None: the group's general place), with buttons and mentions."""
        ...
