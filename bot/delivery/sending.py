"""Sending within platform limits, with retries decided from one error taxonomy.

Each adapter maps its platform's errors onto these four kinds; the sender decides what to
do from the kind alone (the courier pattern): retry with backoff, wait `retry_after`, give
up and mark the user unreachable, or give up and record an invalid request.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import random
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from bot.delivery.turns import BACKLOG_SHARE, FairTurns, has_backlog

log = logging.getLogger(__name__)


class DeliveryError(Exception):
    """A message could not be delivered. Never carries the message text."""


class Retryable(DeliveryError):
    """A network error or a server error: try again later."""


class Throttled(DeliveryError):
    """The platform asks us to slow down: for this chat, or for every chat when `everyone`
    (the account's own limit, e.g. WhatsApp's throughput 130429)."""

    def __init__(self, retry_after: float, detail: str = "", *, everyone: bool = False) -> None:
        super().__init__(detail or f"throttled for {retry_after}s")
        self.retry_after = retry_after
        self.everyone = everyone


class RecipientGone(DeliveryError):
    """The user blocked the bot, was deactivated or cannot be reached: do not retry."""


class Invalid(DeliveryError):
    """The platform refused the request itself: retrying the same request cannot help."""


class Pacing(Protocol):
    """What a `Sender` needs of its pacer (this process's `Pacer`; shared by all: bot/delivery/pacing.py)."""

    async def wait(self, chat: str) -> None:
        """Return when a message may go to `chat`."""

    async def hold(self, chat: str | None, seconds: float) -> None:
        """The platform said wait `seconds`: later messages to `chat` (every chat when None) hold back too."""


class Parkable(Protocol):
    """A worker slot held by the lane being processed (bot/delivery/turns.py `Turn`)."""

    queued: int  # the lane's updates waiting: the larger, the later its turn when others wait

    async def recount(self) -> None:
        """Read `queued` again, now: it was read with the lane's head, and a flood's lane fills up while
        its first update is processed."""
        ...

    def give_back(self) -> bool:
        """False when there was nothing to give back here."""
        ...

    async def take(self) -> None: ...


# Set by the worker for the lane a task processes; None outside a worker (tests, the desk's sends).
current_turn: ContextVar[Parkable | None] = ContextVar("current_turn", default=None)


async def recount_lane() -> None:
    """Before a message of a lane that showed no backlog with its head takes a turn of the overall rate: its
    updates queued, read again. A flood's forty new conversations had one or two queued when their heads were
    read; by their first reply, 0.1-1 s later, twenty more. Counted as chats without a backlog, their replies
    took the turns of the slots kept for those, in order of asking, beside children's replies (bench.flood:
    normal replies waited 0.2-1.3 s in some runs; bench/README.md, stop 34)."""
    turn = current_turn.get()
    if turn is not None and not has_backlog(turn.queued):
        await turn.recount()


@contextlib.asynccontextmanager
async def parked() -> AsyncIterator[None]:
    """While a lane only waits for pacing (its chat's, or the overall rate's) it needs no worker slot:
    another conversation may use it meanwhile (WORKER_CONCURRENCY counts lanes that work, not lanes
    that wait their turn to send)."""
    turn = current_turn.get()
    if turn is None or not turn.give_back():
        yield
        return
    try:
        yield
    finally:
        await turn.take()


class Pacer:
    """At most one message per `per_chat` seconds to a chat, and `global_rate` per second overall,
    in this process. `scope` names whose limits these are (the platform account), for bot/delivery/pacing.py.

    Fair turns (bot/delivery/turns.py): a slot of the overall rate is taken only when it is due, by one
    waiting message at a time, and the next turn goes to the chat with the fewest messages queued here
    (or its lane's updates, if more) plus its turns lately. Booked in order of asking instead, a flood
    took every slot for seconds ahead and a child's reply waited behind all of it. A chat's messages
    take their turns one after another, each spaced from when the one before it went.

    Headroom: the overall rate is a GCRA with a tolerance of one interval (in any t seconds at most
    `global_rate * t + 2` messages), and chats with a backlog take turns of their own, spaced for
    `BACKLOG_SHARE` of the rate. So while a flood uses all it may, the rate still has a slot free now
    for a chat without a backlog, which therefore never waits behind a flood's turn."""

    def __init__(self, per_chat: float = 1.0, global_rate: float = 30.0,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, *, scope: str = "") -> None:
        self.per_chat = per_chat
        self.global_rate = global_rate
        self.scope = scope
        self.interval = 1.0 / global_rate if global_rate > 0 else 0.0
        self.clock = clock
        self.sleep = sleep
        self.tolerance = self.interval  # GCRA: one message may go an interval early (headroom, above)
        self.backlog_interval = self.interval / BACKLOG_SHARE
        self._next_chat: dict[str, float] = {}  # spacing and the platform's holds, per chat
        self._arrival = 0.0  # the overall rate's theoretical arrival time (GCRA)
        self._held_all = 0.0  # the end of a hold of every chat
        self._next_backlog = 0.0  # the next slot of the chats with a backlog
        self._turns = FairTurns(1, clock=clock, queued_now=self.queued_here)
        self._backlog_turns = FairTurns(1, clock=clock, queued_now=self.queued_here)
        self._queued: Counter[str] = Counter()  # messages in `wait`, per chat
        self._chats: dict[str, asyncio.Lock] = {}  # one message of a chat waiting for its turn at a time

    def queued_here(self, chat: str) -> int:
        """Messages to `chat` waiting in this pacer (the one asking included)."""
        return self._queued[chat]

    async def wait(self, chat: str) -> None:
        if self.per_chat <= 0 and self.interval <= 0:
            return  # pacing off (tests, the benchmark): `hold` keeps nothing either
        self._queued[chat] += 1
        lock = self._chats.setdefault(chat, asyncio.Lock())
        try:
            await recount_lane()
            backlog = self._backlog(chat)
            waits = (lock.locked() or self._turns_for(backlog).taken > 0
                     or max(self._next_chat.get(chat, 0.0), self._due(backlog)) > self.clock())
            # Only a message that waits gives its worker slot back: one that goes at once keeps it.
            async with parked() if waits else contextlib.nullcontext():
                async with lock:
                    self._spaced(chat, await self._go(chat))
            if waits:  # the worker slot may have come back late: the chat's next message is spaced from now
                self._spaced(chat, self.clock())
        finally:
            self._queued[chat] -= 1
            if self._queued[chat] <= 0:
                del self._queued[chat]
                self._chats.pop(chat, None)

    def _queued_of(self, chat: str) -> int:
        """`chat`'s messages waiting here, or its lane's updates queued if more (the one at hand included)."""
        lane = current_turn.get()
        return max(self._queued[chat], lane.queued if lane is not None else 0)

    def _backlog(self, chat: str) -> bool:
        return has_backlog(self._queued_of(chat))

    def _turns_for(self, backlog: bool) -> FairTurns:
        return self._backlog_turns if backlog else self._turns

    def _due(self, backlog: bool) -> float:
        """When the overall rate lets the next message go. A chat with a backlog waits for its own next
        slot and never uses the tolerance, which so stays free for a chat without one."""
        if self.interval <= 0:
            return self._held_all
        if backlog:
            return max(self._arrival, self._held_all, self._next_backlog)
        return max(self._arrival - self.tolerance, self._held_all)

    async def _go(self, chat: str) -> float:
        """With the chat's lock held: wait for the chat's time, then for a turn at the overall rate.
        Returns when the message goes."""
        while True:
            await self._until(lambda: self._next_chat.get(chat, 0.0))
            if self.interval <= 0:  # no overall rate: only a hold of every chat to wait for
                went = await self._until(lambda: self._held_all)
                if self._next_chat.get(chat, 0.0) > went:
                    continue  # this chat was told to wait meanwhile
                return went
            backlog = self._backlog(chat)
            async with self._turns_for(backlog).turn(chat, self._queued_of(chat)):
                slot = await self._until(functools.partial(self._due, backlog))
                if self._next_chat.get(chat, 0.0) > slot:
                    continue  # this chat was told to wait meanwhile: the slot goes to the next turn
                if not backlog and self._backlog(chat):
                    continue  # more of its messages came while it waited: a backlog's turn, not this one
                # From the slot, not from the wake-up: a late wake-up does not slow the rate down.
                self._arrival = max(self._arrival, slot) + self.interval
                if backlog:
                    self._next_backlog = slot + self.backlog_interval
                return slot

    async def _until(self, due: Callable[[], float]) -> float:
        """Sleep until `due()`, again if it moved later meanwhile (a platform's hold); the time reached."""
        when = max(due(), self.clock())
        while when > self.clock():
            await self.sleep(when - self.clock())
            if due() <= when:
                break
            when = due()
        return when

    def _spaced(self, chat: str, went: float) -> None:
        if self.per_chat <= 0:
            return
        self._next_chat[chat] = max(self._next_chat.get(chat, 0.0), went + self.per_chat)
        if len(self._next_chat) > 10_000:  # forget chats that are long past their slot
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > went}

    async def hold(self, chat: str | None, seconds: float) -> None:
        # With pacing off (both 0: tests, the benchmark) the sender's own wait is all there is.
        if seconds <= 0 or (self.per_chat <= 0 and self.interval <= 0):
            return
        until = self.clock() + seconds
        if chat is None:
            self._held_all = max(self._held_all, until)
        else:
            self._next_chat[chat] = max(self._next_chat.get(chat, 0.0), until)


T = TypeVar("T")


@dataclass
class DeliveryReport:
    sent: int = 0
    retries: int = 0
    failed: list[str] = field(default_factory=list)  # error kinds, never texts
    recipient_gone: bool = False


@dataclass
class Sender:
    """Send items in order to one chat; retry per the taxonomy; stop at a gone recipient."""

    pacer: Pacing = field(default_factory=Pacer)
    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    async def send_all(self, deliver: Callable[[str, T], Awaitable[None]], chat: str,
                       items: Sequence[T]) -> DeliveryReport:
        report = DeliveryReport()
        for item in items:
            outcome = await self._send_one(deliver, chat, item, report)
            if outcome == "gone":
                report.recipient_gone = True
                break
        return report

    async def _send_one(self, deliver: Callable[[str, T], Awaitable[None]], chat: str, item: T,
                        report: DeliveryReport) -> str:
        for attempt in range(1, self.attempts + 1):
            await self.pacer.wait(chat)
            try:
                await deliver(chat, item)
            except Throttled as error:
                delay = min(max(error.retry_after, 0.0), self.max_delay * 4)
                await self.pacer.hold(None if error.everyone else chat, delay)  # the others hold back too
            except Retryable:
                delay = min(self.base_delay * 2 ** (attempt - 1), self.max_delay)
                delay *= random.uniform(0.5, 1.0)  # jitter, so retries of many chats spread out
            except RecipientGone:
                report.failed.append("recipient_gone")
                return "gone"
            except Invalid as error:
                log.warning("message refused by the platform", extra={"error": type(error).__name__})
                report.failed.append("invalid")
                return "invalid"
            else:
                report.sent += 1
                return "sent"
            if attempt < self.attempts:
                report.retries += 1
                await self.sleep(delay)
        report.failed.append("gave_up")
        log.error("message not delivered after retries", extra={"attempts": self.attempts})
        return "gave_up"
