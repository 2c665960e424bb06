"""Sending to one user: inside the 24-hour window, in order, retried per the taxonomy.

A message that cannot go as free-form text (the window is closed, or Meta answers 131047)
is held and reported as needing a template, never dropped silently: it is kept in `held`,
logged at warning, and the caller gets `Outcome.NEEDS_TEMPLATE`.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from bot.delivery.sending import DeliveryError, Sender
from bot.service import ConversationService
from handlers.whatsapp.client import GraphClient, Undeliverable, WindowClosed, error_code
from handlers.whatsapp.render import Content
from handlers.whatsapp.window import CustomerWindow

log = logging.getLogger(__name__)

PLATFORM = "whatsapp"
MAX_HELD = 1000  # in memory until the durable queue exists; the oldest go first, with an error log


class Outcome(StrEnum):
    SENT = "sent"
    NEEDS_TEMPLATE = "needs_template"  # held: the 24-hour window is closed
    RECIPIENT_GONE = "recipient_gone"  # WhatsApp cannot deliver to this user (131026)
    FAILED = "failed"  # refused or given up after retries; see the delivery log
    NOTHING = "nothing"  # nothing to send


@dataclass(frozen=True)
class SendOutcome:
    outcome: Outcome
    sent: int = 0
    held: int = 0
    failed: tuple[str, ...] = ()

    @property
    def needs_template(self) -> bool:
        return self.outcome is Outcome.NEEDS_TEMPLATE


@dataclass(frozen=True)
class HeldMessage:
    """Messages for a user whose window closed: an operator must reach them with a template."""

    wa_id: str
    contents: tuple[Content, ...]
    reason: str
    at: float


@dataclass
class Outbox:
    client: GraphClient
    service: ConversationService
    window: CustomerWindow
    sender: Sender = field(default_factory=Sender)
    clock: Callable[[], float] = time.time
    held: deque[HeldMessage] = field(default_factory=lambda: deque(maxlen=MAX_HELD))
    counts: Counter[str] = field(default_factory=Counter)

    def user(self, wa_id: str) -> str:
        return self.service.key_for(PLATFORM, wa_id).user

    async def deliver(self, wa_id: str, contents: Sequence[Content]) -> SendOutcome:
        """Send the messages in order; hold them when the window is closed."""
        if not contents:
            return SendOutcome(Outcome.NOTHING)
        if not await self.window.is_open(self.user(wa_id)):
            return self.hold(wa_id, contents, "window_closed")
        if await self.service.is_unreachable(PLATFORM, wa_id):
            self.counts["skipped_unreachable"] += len(contents)
            return SendOutcome(Outcome.RECIPIENT_GONE, failed=("recipient_gone",))
        stopped: list[tuple[int, DeliveryError]] = []

        async def send(to: str, item: tuple[int, Content]) -> None:
            try:
                await self.client.send(to, item[1])
            except DeliveryError as error:
                code = error_code(error)
                self.counts[f"send_error:{code if code is not None else type(error).__name__}"] += 1
                if isinstance(error, WindowClosed | Undeliverable):
                    stopped.append((item[0], error))
                raise

        report = await self.sender.send_all(send, wa_id, list(enumerate(contents)))
        self.counts["sent"] += report.sent
        self.counts["retries"] += report.retries
        if stopped:
            index, error = stopped[-1]
            if isinstance(error, WindowClosed):
                outcome = self.hold(wa_id, contents[index:], "reengagement_131047")
                return SendOutcome(Outcome.NEEDS_TEMPLATE, report.sent, outcome.held, tuple(report.failed))
            await self.service.set_unreachable(PLATFORM, wa_id, True)
            log.warning("whatsapp user unreachable", extra={"code": error_code(error), "user": self.user(wa_id)})
            return SendOutcome(Outcome.RECIPIENT_GONE, report.sent, 0, tuple(report.failed))
        if report.failed:
            log.warning("whatsapp messages not delivered",
                        extra={"failed": report.failed, "user": self.user(wa_id)})
            return SendOutcome(Outcome.FAILED, report.sent, 0, tuple(report.failed))
        return SendOutcome(Outcome.SENT, report.sent)

    def hold(self, wa_id: str, contents: Sequence[Content], reason: str) -> SendOutcome:
        if len(self.held) == self.held.maxlen:
            log.error("held whatsapp messages overflow: the oldest is dropped", extra={"reason": self.held[0].reason})
        self.held.append(HeldMessage(wa_id, tuple(contents), reason, self.clock()))
        self.counts["held"] += len(contents)
        log.warning("whatsapp message held: the 24-hour window is closed, a template is needed",
                    extra={"reason": reason, "user": self.user(wa_id), "messages": len(contents)})
        return SendOutcome(Outcome.NEEDS_TEMPLATE, held=len(contents))
