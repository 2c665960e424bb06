"""Durable outgoing messages: a reply is saved with the state, and each message is sent once.

How a reply survives, with no second copy of it to keep in step:
1. The runtime saves the conversation state and, in the same atomic write, the update's mark
   holding the reply still to send (bot/context.py `encode_reply`).
2. The channel renders and sends it through `DurableSender`: the n-th message an update sends to
   a chat has the id `<chat hash>:<n>`, recorded under the update (`StateStore.record_sent`) as
   soon as the platform has accepted it, before the pacing wait for the next one; ids already
   recorded are skipped. The reply's last message is the exception: nothing but "done" follows it,
   and "done" covers it (it drops the records anyway), so it is left to "done" and costs no round
   trip of its own. Should anything come first, it is recorded first (`flush_sent`): another send,
   any write through the update's store (bot/delivery/prefetch.py), waiting for work started beside
   the reply that is still running (a menu's close, a read receipt: `record_before_waiting`), or the
   update failing or being cancelled (bot/delivery/worker.py).
3. The worker then marks the update "done" (dropping the reply and its records) and pops it from
   its lane, in one write.
A worker that dies between 1 and 3 leaves the update at the head of its lane with its reply in
the mark; whoever takes the lane over renders the same reply again (`Route.redeliver`) and sends
only the messages not marked. Pacing and retries stay those of `bot.delivery.sending.Sender`.

The main window left: a message whose request was on its way when the process was killed. The
platform may accept it after the kill (a request already written to the socket is read and
answered whoever is left to hear it), and nothing records it, so whoever takes the lane over sends
it again. The window runs from writing the request to its record reaching the store: one platform
round trip (tens to hundreds of milliseconds over the internet; bench.load assumes 100 ms) plus one
store round trip (p50 0.4 ms with Redis on loopback, python -m bench.outbox_window); for the reply's
last message that store round trip is "done", written as soon as the channel returns. The Bot API
and the Cloud API take no idempotency key that could close it. Recording only when the next message
started (as before) left it open for the whole per-chat pacing wait as well, about a second on
Telegram (tests/bot/delivery/test_kill_while_paced.py).

A store outage longer than the lane's lock: a message sent just before it stays unrecorded (retried every
MARK_PAUSE_MAX) while the lock expires. This worker does not take the lane again meanwhile (worker.py); another
could, between the store's return and the record (docs/deployment.md, "Exactly once, and its limits").
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from redis.exceptions import RedisError

from bot.context import UpdateContext, current_update
from bot.delivery.ordering import LockLost
from bot.delivery.sending import DeliveryReport, Sender
from storage.base import StateStore

log = logging.getLogger(__name__)

SENT_TTL_SECONDS = 86400  # consulted only while the update is unfinished; a day covers a long outage
MARK_SECONDS = 30.0  # a sent message's mark is retried this long rather than the message sent again
# Often, so that it is recorded as soon as the store is back: until then another worker that takes the lane
# over (its lock lapsed in a long outage) would send it again.
MARK_PAUSE_MAX = 0.1
T = TypeVar("T")


class NotMarked(ConnectionError):
    """A sent message could not be marked (the store is down): the update stops and is retried later."""


@dataclass
class DurableSender(Sender):
    """A `Sender` that numbers the messages of the update being processed and sends each once."""

    marks: StateStore | None = None
    counts: Counter[str] = field(default_factory=Counter)
    unmarked: set[tuple[str, str]] = field(default_factory=set)  # sent, the store down when recording them

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
        if context.sent_before is None:
            context.sent_before = await marks.sent(context.token)
        done = context.sent_before
        todo = [(message_id, item) for message_id, item in zip(ids, items, strict=True)
                if message_id not in done and (context.token, message_id) not in self.unmarked]
        if len(todo) < len(items):
            self.counts["messages_already_sent"] += len(items) - len(todo)
            log.info("messages already sent skipped", extra={"skipped": len(items) - len(todo)})

        last = todo[-1][0] if todo else None

        async def send_once(to: str, pair: tuple[str, T]) -> None:
            if context.held is not None and not context.held():
                raise LockLost("the lane is no longer surely held: another worker goes on")
            await self.record(marks, context)  # any left unrecorded (the store was down), before this one
            await deliver(to, pair[1])
            context.unrecorded.append(pair[0])
            done.add(pair[0])
            if context.replying and pair[0] == last:  # the reply's last: recorded with "done"
                context.flush = lambda: self.record(marks, context)
                return
            # At once, not when the next message starts: that comes only after the pacing wait.
            await self.record(marks, context)

        await self.record(marks, context)  # one left for "done" by an earlier send: before this one's pacing
        report = await super().send_all(send_once, chat, todo)
        self.counts["messages_sent"] += report.sent
        self.counts["send_retries"] += report.retries
        for kind in report.failed:
            self.counts[f"send_failed_{kind}"] += 1
        return report

    async def record(self, marks: StateStore, context: UpdateContext) -> None:
        """Record the update's messages sent and not yet recorded (retried while the store is down)."""
        pending = list(context.unrecorded)
        if pending and not await record_sent(marks, context):
            self.unmarked.update((context.token, message_id) for message_id in pending)  # this process won't resend
            raise NotMarked("a sent message could not be marked")


async def flush_sent() -> None:
    """Record now the current update's messages left unrecorded for its "done" (the reply's last),
    before the update writes anything else or waits for anything (bot/delivery/prefetch.py does it
    before every write). Raises `NotMarked` when the store stays down."""
    context = current_update()
    if context is not None and context.unrecorded and context.flush is not None:
        await context.flush()


async def record_before_waiting(*started: asyncio.Future[Any]) -> None:
    """About to wait for work started beside the reply (a menu's close, a read receipt, a record's
    write): if some of it is still running, the reply's last message is recorded first, so the
    duplicate window stays a platform round trip plus a store round trip (see above)."""
    if any(not future.done() for future in started):
        await flush_sent()


async def record_sent(marks: StateStore, context: UpdateContext) -> bool:
    """Record the update's messages sent and not yet recorded, retrying for up to MARK_SECONDS while the
    store is down rather than sending them again later. False when it stayed down."""
    pending = list(context.unrecorded)
    if not pending:
        return True
    pause = 0.02
    deadline = asyncio.get_running_loop().time() + MARK_SECONDS
    first = True
    while True:
        try:
            await marks.record_sent(context.token, pending, SENT_TTL_SECONDS)
            # By value: another task of the update (a write beside the reply) may have recorded some meanwhile.
            context.unrecorded[:] = [message for message in context.unrecorded if message not in pending]
            return True
        except (RedisError, OSError) as error:
            if first:
                log.warning("sent message not marked yet, retrying", extra={"error": type(error).__name__})
                first = False
            if asyncio.get_running_loop().time() + pause > deadline:
                return False
            await asyncio.sleep(pause)
            pause = min(pause * 2, MARK_PAUSE_MAX)
