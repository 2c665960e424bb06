"""Fair turns: who goes next when more want to go than may, by backlog rather than by order of asking.

Used for a worker's slots (bot/delivery/worker.py: a free slot to the lane with the least backlog) and
for the overall sending rate (bot/delivery/sending.py `Pacer`, bot/delivery/pacing.py `SharedPacer`: one
slot taker at a time, whose turn lasts until its slot is due). Kept apart from both so that sending.py
can use it without importing pacing.py (which imports sending.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

# A turn counts for this long, halving each time: long enough that a flood (a turn a second) ranks far
# behind a child walking a report (a turn every few seconds), short enough that a flood that stopped
# is soon forgotten.
TURNS_HALF_LIFE_SECONDS = 5.0

# Headroom: chats with a backlog (their lane has updates waiting, or more than one message waits to go)
# get at most this share of the overall sending rate between them; the rest stays free, so that a chat
# without one (a child's reply) finds a slot at once instead of waiting for the next one a flood left.
# The trade: while nobody else sends, a flood goes this much slower. Measured: bench/README.md (stop 24).
BACKLOG_SHARE = 0.8

# A lane's updates queued, read again before its message takes a turn of the rate, wait this long at most (as a
# call of the shared pacer does, bot/delivery/pacing.py CALL_TIMEOUT).
RECOUNT_SECONDS = 0.5


def has_backlog(queued: int) -> bool:
    """Whether a conversation with `queued` updates (or messages) waiting, the one at hand included, is
    held to BACKLOG_SHARE."""
    return queued > 1


class FairTurns:
    """`slots` turns at a time; when more want one, the next free turn goes to the one with the least
    backlog: its updates queued (when the caller knows them) plus the turns it had lately (a decaying
    count); the longest waiting first on a tie.

    With `queued_now` (how many `who` has queued at this moment) the backlog is read again when a turn is
    given, not only when it was asked for: a flood's messages all arrive at once, and the first of each
    chat would otherwise rank as a chat with one message. It costs a look at every waiter per turn, so it
    suits few turns a second (the sending rate), not a worker's slots."""

    def __init__(self, slots: int, *, half_life: float = TURNS_HALF_LIFE_SECONDS,
                 clock: Callable[[], float] = time.monotonic,
                 queued_now: Callable[[str], int] | None = None) -> None:
        self.slots = max(1, slots)
        self.taken = 0
        self.half_life = half_life
        self.clock = clock
        self.queued_now = queued_now
        # (rank when asked, order, who, its future, queued when asked): a heap, unless ranked at each turn
        self._queue: list[tuple[float, int, str, asyncio.Future[None], int]] = []
        self._order = itertools.count()
        self._lately: dict[str, tuple[float, float]] = {}  # who -> (turns, when counted)

    @property
    def waiting(self) -> int:
        return sum(1 for *_, future, _ in self._queue if not future.done())

    def backlog(self, who: str) -> float:
        turns, at = self._lately.get(who, (0.0, 0.0))
        return turns * 0.5 ** ((self.clock() - at) / self.half_life) if turns else 0.0

    def try_acquire(self, who: str) -> bool:
        """Take a turn now if one is free and nobody waits for one."""
        if self.taken < self.slots and not self.waiting:
            self._grant(who)
            return True
        return False

    async def acquire(self, who: str, queued: int = 0) -> None:
        if self.try_acquire(who):
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._queue, (queued + self.backlog(who), next(self._order), who, future, queued))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.release()  # granted just as it was cancelled: pass it on
            raise

    def release(self) -> None:
        self.taken = max(0, self.taken - 1)
        while self.taken < self.slots and self._queue:
            who, future = self._next()
            if not future.done():  # a cancelled waiter is skipped
                self._grant(who)
                future.set_result(None)

    @contextlib.asynccontextmanager
    async def turn(self, who: str, queued: int = 0) -> AsyncIterator[None]:
        await self.acquire(who, queued)
        try:
            yield
        finally:
            self.release()

    def _next(self) -> tuple[str, asyncio.Future[None]]:
        if self.queued_now is None:
            *_, who, future, _ = heapq.heappop(self._queue)
            return who, future
        queued_now = self.queued_now
        best = min(range(len(self._queue)), key=lambda n: (
            max(self._queue[n][4], queued_now(self._queue[n][2])) + self.backlog(self._queue[n][2]),
            self._queue[n][1]))
        _, _, who, future, _ = self._queue[best]
        self._queue[best] = self._queue[-1]
        self._queue.pop()
        heapq.heapify(self._queue)  # what is left stays a heap for `acquire`'s push
        return who, future

    def _grant(self, who: str) -> None:
        self.taken += 1
        self._lately[who] = (self.backlog(who) + 1.0, self.clock())
        if len(self._lately) > 10_000:  # forget those whose turns have decayed away
            self._lately = {w: v for w, v in self._lately.items() if self.backlog(w) > 0.01}


@dataclass(eq=False)  # one per lane's task: compared by identity
class Turn:
    """A lane's worker slot from `FairTurns`, given back while the lane only waits for pacing
    (bot.delivery.sending `parked`). While it waits so, the lane is `parked`: it holds no place among the
    lanes a worker works on either (bot/delivery/worker.py `_room`), and `on_park` says so."""

    turns: FairTurns
    who: str
    held: bool = False
    owner: asyncio.Task[None] | None = None  # the lane's task: tasks it starts (the menu close) share no slot
    queued: int = 0  # the lane's updates waiting, as last read with its head (0: not known yet)
    parked: bool = False
    on_park: Callable[[], None] | None = None
    count: Callable[[], Awaitable[int]] | None = None  # the lane's updates queued, read now (`LaneQueue.remaining`)

    async def recount(self) -> None:
        """Read `queued` again (bot/delivery/sending.py `recount_lane`). Pacing never stops a message: when
        the count fails or takes longer than RECOUNT_SECONDS, the one read with the head stands. Logged at
        debug only: Redis's outages are reported by the intake and the pacer, once each."""
        if self.count is None:
            return
        try:
            async with asyncio.timeout(RECOUNT_SECONDS):
                self.queued = await self.count()
        except Exception as error:
            log.debug("a lane's queue not counted again for pacing", extra={"error": type(error).__name__})

    async def take(self) -> None:
        if not self.held:
            self.parked = False  # wants to work again: holds a place while it waits for a slot
            await self.turns.acquire(self.who, self.queued)
            self.held = True

    def give_back(self) -> bool:
        if not self.held or (self.owner is not None and asyncio.current_task() is not self.owner):
            return False
        self.held = False
        self.parked = True
        self.turns.release()
        if self.on_park is not None:
            self.on_park()
        return True

    def drop(self, _: object = None) -> None:
        """The lane's task is over, however it ended: the slot is free again."""
        if self.held:
            self.held = False
            self.turns.release()
