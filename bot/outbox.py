"""Durable outgoing messages: a reply is saved with the state, and each message is sent once.

How a reply survives, with no second copy of it to keep in step:
1. The runtime saves the conversation state and, in the same atomic write, the update's mark
   holding the reply still to send (bot/context.py `encode_reply`).
2. The channel renders and sends it through `DurableSender`: the n-th message an update sends to
   a chat has the id `sent:<platform>:<update>:<chat hash>:<n>`; ids already marked sent are
   skipped, and each message is marked right after the platform accepted it.
3. The worker then marks the update "done" (dropping the reply) and pops it from its lane.
A worker that dies between 1 and 3 leaves the update at the head of its lane with its reply in
the mark; whoever takes the lane over renders the same reply again (`Route.redeliver`) and sends
only the messages not marked. Pacing and retries stay those of `handlers.delivery.Sender`.

The one window left: a process killed after the platform accepted a message and before the mark
was written (a millisecond) sends that message again; the Bot API and the Cloud API take no
idempotency key that could close it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from redis.exceptions import RedisError

from bot.context import current_update
from bot.ordering import LockLost
from handlers.delivery import DeliveryReport, Sender
from storage.base import StateStore

log = logging.getLogger(__name__)

SENT_TTL_SECONDS = 86400  # consulted only while the update is unfinished; a day covers a long outage
MARK_ATTEMPTS = 60  # a sent message's mark is retried (up to ~30 s) rather than the message sent again
T = TypeVar("T")


class NotMarked(ConnectionError):
    """A sent message could not be marked (the store is down): the update stops and is retried later."""


@dataclass
class DurableSender(Sender):
    """A `Sender` that numbers the messages of the update being processed and sends each once."""

    marks: StateStore | None = None
    counts: Counter[str] = field(default_factory=Counter)
    unmarked: set[str] = field(default_factory=set)  # sent, but the store was down when marking them

    @classmethod
    def wrapping(cls, sender: Sender, marks: StateStore, counts: Counter[str]) -> DurableSender:
        return cls(pacer=sender.pacer, attempts=sender.attempts, base_delay=sender.base_delay,
                   max_delay=sender.max_delay, sleep=sender.sleep, marks=marks, counts=counts)

    async def send_all(self, deliver: Callable[[str, T], Awaitable[None]], chat: str,
                       items: Sequence[T]) -> DeliveryReport:
        context = current_update()
        if context is None or self.marks is None or not items:
            return await super().send_all(deliver, chat, items)
        marks = self.marks
        ids = [context.next_message_id(chat) for _ in items]
        found = await marks.marks(ids)
        todo = [(message_id, item) for message_id, item, mark in zip(ids, items, found, strict=True)
                if mark is None and message_id not in self.unmarked]
        if len(todo) < len(items):
            self.counts["messages_already_sent"] += len(items) - len(todo)
            log.info("messages already sent skipped", extra={"skipped": len(items) - len(todo)})

        async def send_once(to: str, pair: tuple[str, T]) -> None:
            if context.held is not None and not context.held():
                raise LockLost("the lane is no longer surely held: another worker goes on")
            await deliver(to, pair[1])
            await self._mark_sent(marks, pair[0])

        report = await super().send_all(send_once, chat, todo)
        self.counts["messages_sent"] += report.sent
        self.counts["send_retries"] += report.retries
        for kind in report.failed:
            self.counts[f"send_failed_{kind}"] += 1
        return report

    async def _mark_sent(self, marks: StateStore, message_id: str) -> None:
        pause = 0.05
        for attempt in range(MARK_ATTEMPTS):
            try:
                await marks.mark(message_id, "1", SENT_TTL_SECONDS)
                return
            except (RedisError, OSError) as error:
                if attempt == 0:
                    log.warning("sent message not marked yet, retrying", extra={"error": type(error).__name__})
                await asyncio.sleep(pause)
                pause = min(pause * 2, 1.0)
        self.unmarked.add(message_id)  # this process at least will not send it again
        raise NotMarked("a sent message could not be marked")
