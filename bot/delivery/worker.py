"""Workers: take lanes with work, hold each (bot/delivery/ordering.py), process its updates from the head.

For each update at the head of a held lane:
- its mark says "done" (or it was set aside): a duplicate, dropped;
- its mark holds a reply (the state was saved, the reply not all sent when a worker stopped):
  the reply is sent again through the channel, skipping the messages already sent;
- otherwise the channel processes it; the runtime saves the state with the reply.
Then the update is marked "done" and popped. A failure stops the lane there, so nothing behind
it jumps the queue: an outage (Redis, PostgreSQL, network) leaves it for a later attempt as
often as needed; any other error counts an attempt, and after `UPDATE_MAX_ATTEMPTS` the update
is set aside (kept for a person) so the conversation moves on. A lane's ticket is acknowledged
only when the lane is empty: in Redis in the same script that records its last update done and
releases its lock (an update stored after that finds the lane empty and brings a new ticket);
in memory after the hold was let go and the lane found empty again. So work that arrives while
a lane is being released is never left behind.

Round trips per update in Redis, three: the head is read with its mark, the update's messages already
sent and the conversation's records (bot/delivery/prefetch.py); the runtime saves the state with the
reply; "done" is written with the next head read (or the lane let go) in one script, and records the
reply's last message too (bot/delivery/outbox.py; the messages before it are recorded as they go).
A lane let go otherwise (its fair share used, or found empty) is released, its ticket put back if
work is left and the old one acknowledged, in one script as well (`LaneQueue.let_go`).

Fair turns (bot/delivery/turns.py `FairTurns`): a process has WORKER_CONCURRENCY slots, and works on
up to 4x as many lanes besides those parked for pacing; a lane asks for a slot once its head is read, and
a free slot goes to the lane with the least backlog (its updates queued, read with each head, plus its
turns lately); a lane gives its slot and its place back while it only waits for pacing. Lanes with a
backlog hold at most all but WORKER_CONCURRENCY of the places, and their tickets wait in a line of their
own (`Ticket.backlog`). So a flood's lanes, however many updates they hold, do not keep a child's from
being taken in and processed.

`python -m bot worker` runs this against Redis, as many processes as wanted; `serve` runs it
in-process as well unless `SERVE_WORKER=false`.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import functools
import logging
import time
from collections.abc import Mapping, Sequence

from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot.context import DONE, UpdateContext, decode_reply, processing
from bot.delivery.intake import Busy, Entry, Head, LaneQueue, LaneRelease, Ticket
from bot.delivery.metrics import Metrics
from bot.delivery.ordering import Acquire, LockLost, LockTimeout, Ordering
from bot.delivery.outbox import SENT_TTL_SECONDS, record_sent
from bot.delivery.routes import Route
from bot.delivery.sending import current_turn
from bot.delivery.turns import FairTurns, Turn, has_backlog
from bot.service import Reply
from storage.base import StateKey, StateStore

log = logging.getLogger(__name__)

SET_ASIDE = "set_aside"


class _Lane(enum.Enum):
    """How a worker left a lane it held."""

    DRAINED = "drained"  # nothing at its head any more (look again after letting go)
    RELEASED = "released"  # drained, let go and its ticket acknowledged, in the last update's write
    FAIR_SHARE_USED = "fair share used"  # more work waits: behind the other lanes
    WAIT = "wait"  # its head must wait for a later attempt


class _After(enum.Enum):
    """What became of a lane after one of its entries, when no next head is in hand."""

    WAIT = "wait"  # the entry must wait for a later attempt
    EMPTY = "empty"  # the lane is empty and still held
    LET_GO = "let go"  # the lane was empty: let go and its ticket acknowledged with the entry's "done"
FAIR_SHARE_SECONDS = 0.25  # a lane with more work is put back behind the others after this long
# Lanes in hand at most, per WORKER_CONCURRENCY, besides those parked for pacing (twice that in all): those
# beyond the slots wait for one holding none, and cost a little memory (and, once started, a lock) each.
LANES_PER_SLOT = 4
# At shutdown, how long the lanes in hand (and, without Redis, the updates still in memory) may take to
# finish; within the 15 s Compose gives a container to stop (docs/deployment.md, "Upgrades").
SHUTDOWN_GRACE_SECONDS = 10.0
CANCEL_RECORD_SECONDS = 1.0  # a cancelled update's last sent message is recorded within this, or not at all


def is_outage(error: BaseException) -> bool:
    """A store or the network is down: retry as long as it takes, never give the update up."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, RedisError | OSError | TimeoutError | LockTimeout | LockLost | OperationalError
                      | InterfaceError
                      | DisconnectionError | PoolTimeout)


class Worker:
    def __init__(self, queue: LaneQueue, ordering: Ordering, states: StateStore, routes: Mapping[str, Route],
                 metrics: Metrics, *, concurrency: int = 64, max_attempts: int = 5, retry_seconds: float = 1.0,
                 reclaim_seconds: float = 1.0, prefetch: bool = False) -> None:
        self.queue = queue
        self.ordering = ordering
        self.states = states
        self.routes = routes
        self.metrics = metrics
        self.concurrency = max(1, concurrency)
        self.max_attempts = max(1, max_attempts)
        self.retry_seconds = retry_seconds
        self.reclaim_seconds = reclaim_seconds
        self.prefetch = prefetch  # the records live in the intake's Redis: read them with each head
        self.heartbeat = time.monotonic()
        self._active: dict[asyncio.Task[None], Turn] = {}  # the lanes in hand: each one's task and slot
        self._by_lane: dict[str, set[asyncio.Task[None]]] = {}  # the same tasks by lane (rarely more than one)
        # WORKER_CONCURRENCY slots, each free one to the lane with the least backlog; a lane gives
        # its slot back while it only waits for pacing (bot/delivery/sending.py `parked`).
        self.turns = FairTurns(self.concurrency)
        self.max_lanes = LANES_PER_SLOT * self.concurrency
        # Lanes put back with work left (a flood's) may hold all but `concurrency` of them: those stay for
        # lanes whose work is new, whose tickets are read first (`Ticket.backlog`).
        self.max_backlogged = self.max_lanes - self.concurrency
        self._backlogged: set[asyncio.Task[None]] = set()
        self._let_go = asyncio.Event()  # a lane's task ended, or one parked: room for another

    @property
    def active(self) -> int:
        return len(self._active)

    async def run(self, stop: asyncio.Event, grace_seconds: float | None = None) -> None:
        """Until `stop` is set; then let the lanes in hand finish for up to `grace_seconds`
        (SHUTDOWN_GRACE_SECONDS unless given)."""
        grace_seconds = SHUTDOWN_GRACE_SECONDS if grace_seconds is None else grace_seconds
        next_reclaim = 0.0
        pause = 0.1
        while not stop.is_set():
            self.heartbeat = time.monotonic()
            free = self._room()
            if free <= 0:
                await self._lane_let_go(1.0)
                continue
            try:
                found: list[Ticket] = []
                backlog = self.max_backlogged - len(self._backlogged)
                if time.monotonic() >= next_reclaim:
                    found = await self.queue.reclaim(free, backlog)
                    next_reclaim = time.monotonic() + self.reclaim_seconds
                if not found:
                    # With no room for a backlog's lanes, look again soon: one of them may be let go meanwhile.
                    found = await self.queue.tickets(free, wait_seconds=0.5 if backlog > 0 else 0.1,
                                                     backlog=backlog)
            except Exception as error:
                if not is_outage(error):
                    log.exception("worker loop error")
                else:
                    log.warning("intake unreachable, retrying", extra={"error": type(error).__name__})
                await _pause(stop, pause)
                pause = min(pause * 2, 5.0)
                continue
            pause = 0.1
            for ticket in found:
                self._spawn(ticket)
        deadline = time.monotonic() + grace_seconds
        while not self.queue.durable and time.monotonic() < deadline:  # memory: nothing survives, finish it
            if (await self.queue.depth())["stored"] == 0:
                break
            free = self._room()
            if free > 0:
                for ticket in await self.queue.tickets(free, wait_seconds=0.05):
                    self._spawn(ticket)
            else:
                await self._lane_let_go(0.05)
        if self._active:
            _, late = await asyncio.wait(set(self._active), timeout=max(0.0, deadline - time.monotonic()))
            for task in late:
                task.cancel()
            if late:
                log.warning("lanes cancelled at shutdown; they are taken up again later", extra={"lanes": len(late)})
                await asyncio.gather(*late, return_exceptions=True)

    def _room(self) -> int:
        """Lanes to take in now: up to `max_lanes` in hand that work (or wait for a slot), besides those
        parked while they wait for pacing, and twice that in all. Those beyond the free slots wait for one
        here, where it goes to the lane with the least backlog, not in the order their tickets came; and at
        most `max_backlogged` of them are lanes with a backlog, so a child's new lane is taken in at once
        beside a flood's (whose tickets it is never behind: `Ticket.backlog`). Parked lanes hold no place:
        a flood's first replies, 40 new conversations at once, wait for the overall rate a second and more,
        and held the places kept for new lanes meanwhile (bench/README.md, stop 26)."""
        working = sum(1 for turn in self._active.values() if not turn.parked)
        return min(self.max_lanes - working, 2 * self.max_lanes - len(self._active))

    def _may_hold(self, queued: int) -> bool:
        """Whether the lane at hand, its head read with `queued` updates in it, may go on: a lane with a
        backlog counts among the `max_backlogged` from the moment one shows, even when its ticket was a new
        lane's (a flood's first ticket of each account is one), and with none left it is put back behind
        the others before its next update."""
        task = asyncio.current_task()
        if task is None or not has_backlog(queued) or task in self._backlogged:
            return True
        if len(self._backlogged) >= self.max_backlogged:
            return False
        self._backlogged.add(task)
        return True

    async def _lane_let_go(self, seconds: float) -> None:
        """Until a lane in hand is let go or parks (or `seconds` passed). Not only when a worker slot is
        given back: a lane let go after waiting for pacing has none to give (a wait of a whole second beside
        a flood, stop 26)."""
        self._let_go.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._let_go.wait(), seconds)

    def _spawn(self, ticket: Ticket) -> None:
        turn = Turn(self.turns, ticket.lane, on_park=self._let_go.set,
                    count=functools.partial(self.queue.remaining, ticket.lane))
        turn.held = self.turns.try_acquire(ticket.lane)  # now: who is first comes from the ticket order
        task = asyncio.create_task(self._drain_in_turn(ticket, turn))
        turn.owner = task
        self._active[task] = turn
        self._by_lane.setdefault(ticket.lane, set()).add(task)
        if ticket.backlog:
            self._backlogged.add(task)
        task.add_done_callback(self._ended)
        task.add_done_callback(turn.drop)  # cancelled before it ran (at shutdown): its slot is not lost

    def _ended(self, task: asyncio.Task[None]) -> None:
        """A lane's task is over: its place is free, and the loop looks for new lanes."""
        turn = self._active.pop(task, None)
        if turn is not None:
            tasks = self._by_lane.get(turn.who)
            if tasks is not None:
                tasks.discard(task)
                if not tasks:
                    del self._by_lane[turn.who]
        self._backlogged.discard(task)
        self._let_go.set()

    async def _drain_in_turn(self, ticket: Ticket, turn: Turn) -> None:
        current_turn.set(turn)  # this task's own context: the sender's pacing finds it there
        try:
            # Its slot is taken once the lane's head is read (`_run_lane`): then its backlog is known and
            # ranks it among the lanes that wait for one, a flood's behind a child's.
            await self.drain(ticket)
        finally:
            turn.give_back()

    async def wait_idle(self) -> None:
        """Until nothing is stored and nothing is in hand (tests and benchmarks)."""
        while self._active or (await self.queue.depth())["stored"] > 0:  # noqa: ASYNC110 - polls the queue too
            await asyncio.sleep(0.002)

    # -- one lane ---------------------------------------------------------------------------------
    async def drain(self, ticket: Ticket) -> None:
        records = self.records(ticket.lane)
        try:
            while True:
                taken: list[Head | None] = []
                lock: tuple[str, str] | None = None
                # Still worked on by another task here, its lock lapsed in an outage longer than the lock lasts
                # (that task waiting for the store to record what it sent): taken again, it would be sent twice.
                if self._worked_on_elsewhere(ticket.lane):
                    await self._busy(ticket)
                    return
                async with self.ordering.lane(ticket.lane, self._taker(ticket.lane, records, taken)) as held:
                    if not held:  # its holder looks again once it lets go (or its ticket is reclaimed)
                        await self._busy(ticket)
                        return
                    if ticket.reclaimed:
                        self.metrics.inc("helpline_lane_reclaimed_total")
                    first = taken[0] if taken else await self.queue.peek(ticket.lane, self.states, records)
                    outcome = await self._run_lane(ticket, first, records)
                    if outcome in (_Lane.DRAINED, _Lane.FAIR_SHARE_USED):
                        # Its lock is released below, in `let_go`'s write, not in one of its own.
                        lock = self.ordering.lock_of(ticket.lane)
                        if lock is not None:
                            self.ordering.released(ticket.lane)
                if outcome is _Lane.RELEASED:  # let go and acknowledged with the lane's last update
                    return
                if outcome is _Lane.WAIT:
                    self.metrics.inc("helpline_update_retries_total")
                    await self.queue.retry_later(ticket, self.retry_seconds)
                    return
                # Fair share used: more work goes behind the other lanes that wait (a new ticket). Drained:
                # what came meanwhile is taken at once, the lane held again.
                fair_share_used = outcome is _Lane.FAIR_SHARE_USED
                if await self.queue.let_go(ticket, lock, requeue=fair_share_used) == 0 or fair_share_used:
                    return
        except asyncio.CancelledError:
            raise
        except Exception as error:
            kind = "transient" if is_outage(error) else "error"
            self.metrics.inc("helpline_update_failures_total", platform="-", kind=kind)
            log.warning("lane left for later", extra={"error": type(error).__name__})
            with contextlib.suppress(Exception):
                await self.queue.retry_later(ticket, self.retry_seconds)

    async def _busy(self, ticket: Ticket) -> None:
        self.metrics.inc("helpline_lane_busy_total")
        if self.queue.durable:
            await self.queue.retry_later(ticket, self.retry_seconds)

    def _worked_on_elsewhere(self, lane: str) -> bool:
        """Whether another task of this worker still works on `lane` (its Redis lock may have expired meanwhile)."""
        me = asyncio.current_task()
        return any(task is not me and not task.done() for task in self._by_lane.get(lane, ()))

    def _taker(self, lane: str, records: tuple[StateKey, ...], taken: list[Head | None]) -> Acquire:
        """The lane's lock and its head (with its records) in one round trip; the head goes to `taken`."""

        async def acquire(key: str, token: str, ttl_ms: int) -> bool:
            found = await self.queue.take(lane, (key, token, ttl_ms), self.states, records)
            if isinstance(found, Busy):
                return False
            taken.append(found)
            return True

        return acquire

    def records(self, lane: str) -> tuple[StateKey, ...]:
        """The records a conversation's updates read, fetched with each head (bot/delivery/prefetch.py)."""
        if not self.prefetch:
            return ()
        kind, _, rest = lane.partition(":")
        platform, _, user = rest.partition(":")
        route = self.routes.get(platform)
        return route.records(user) if kind == "conv" and route is not None and user else ()

    async def _run_lane(self, ticket: Ticket, head: Head | None, records: tuple[StateKey, ...]) -> _Lane:
        """Process the lane's entries in order from `head`, while it is held."""
        lane = ticket.lane
        lock = self.ordering.lock_of(lane) if self.queue.durable else None
        release = LaneRelease(lock[0], lock[1], ticket.id, ticket.backlog) if lock is not None and ticket.id else None
        started = time.monotonic()
        if head is None:
            return _Lane.DRAINED
        step: Head | _After = head
        turn = current_turn.get()
        while isinstance(step, Head):
            if turn is not None:
                turn.queued = step.queued
            if time.monotonic() - started > FAIR_SHARE_SECONDS or not self._may_hold(step.queued):
                return _Lane.FAIR_SHARE_USED  # behind the others: its ticket is a backlog's now
            if turn is not None:
                await turn.take()  # a no-op while it holds its slot
            if not self.ordering.valid(lane):  # Redis was away longer than the lock lasts
                log.warning("lane no longer surely held: left to whoever holds it now")
                return _Lane.WAIT
            step = await self._one(step, records, release)
        if step is _After.WAIT:
            return _Lane.WAIT
        if step is _After.LET_GO:
            self.ordering.released(lane)
            return _Lane.RELEASED
        return _Lane.DRAINED

    async def _one(self, head: Head, records: tuple[StateKey, ...],
                   release: LaneRelease | None) -> Head | _After:
        """Process the head entry; then the next head, or what became of the lane."""
        started = time.perf_counter()
        entry, mark = head.entry, head.mark
        route = self.routes.get(entry.platform)
        lane = entry.lane
        context = UpdateContext(entry.platform, entry.key, lane, checked=True, held=lambda: self.ordering.valid(lane),
                                known=dict(head.known), sent_before=head.sent)
        try:
            if route is None:  # this process has no such channel configured: leave it to one that has
                raise ConnectionRefusedError(f"no {entry.platform} channel in this process")
            if mark == DONE:
                self.metrics.inc("helpline_updates_duplicate_total", platform=entry.platform, stage="worker")
                log.info("duplicate update skipped", extra={"platform": entry.platform})
                return await self._finish(entry, records, release)
            with processing(context):
                saved = decode_reply(mark) if mark else None
                if saved is not None:
                    context.replying = True  # the saved reply: its last message recorded with "done"
                    await route.redeliver(entry, Reply(*saved))
                    self.metrics.inc("helpline_updates_redelivered_total", platform=entry.platform)
                    log.info("saved reply sent after a restart", extra={"platform": entry.platform})
                else:
                    await route.process(entry)
            following = await self._finish(entry, records, release, context.counted)
        except asyncio.CancelledError:
            await self._record_on_cancel(context)
            raise
        except Exception as error:
            await self._record_sent(context)
            if await self._failed(entry, error):  # set aside: the lane goes on
                return await self.queue.peek(lane, self.states, records) or _After.EMPTY
            return _After.WAIT
        now = time.perf_counter()
        log.debug("update processed", extra={"platform": entry.platform, "update": entry.key, "lane": entry.lane,
                                             "bytes": len(entry.payload), "ms": round((now - started) * 1000, 1)})
        self.metrics.inc("helpline_updates_processed_total", platform=entry.platform)
        self.metrics.observe("helpline_processing_seconds", now - started, platform=entry.platform)
        self.metrics.observe("helpline_update_seconds", max(0.0, time.time() - entry.accepted_at),
                             platform=entry.platform)
        return following

    async def _finish(self, entry: Entry, records: tuple[StateKey, ...], release: LaneRelease | None,
                      counted: Sequence[tuple[str, int]] = ()) -> Head | _After:
        following = await self.queue.finish(entry, self.states, records, release, counted)
        if following is not None:
            return following
        return _After.LET_GO if release is not None else _After.EMPTY

    async def _record_sent(self, context: UpdateContext) -> None:
        """An update stopped after sending (often: "done" could not be written because the store is
        down): record what it sent, waiting for the store, so its retry does not send it again."""
        if context.unrecorded and not await record_sent(self.states, context):
            log.error("sent messages not recorded: they may be sent again", extra={"messages": len(context.unrecorded)})

    async def _record_on_cancel(self, context: UpdateContext) -> None:
        """Cancelled (at shutdown) after the reply's last message went, before "done" recorded it:
        record it on the way out, one attempt, briefly (the process is stopping)."""
        if not context.unrecorded:
            return
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.states.record_sent(context.token, list(context.unrecorded), SENT_TTL_SECONDS),
                                   CANCEL_RECORD_SECONDS)

    async def _failed(self, entry: Entry, error: Exception) -> bool:
        outage = is_outage(error)
        self.metrics.inc("helpline_update_failures_total", platform=entry.platform,
                         kind="transient" if outage else "error")
        if outage:
            log.warning("update not processed, store or network down: retried later",
                        extra={"platform": entry.platform, "error": type(error).__name__})
            return False
        attempts = await self.queue.failed(entry)
        log.error("update failed", extra={"platform": entry.platform, "error": type(error).__name__,
                                          "attempt": attempts}, exc_info=log.isEnabledFor(logging.DEBUG))
        if attempts < self.max_attempts:
            return False
        await self.queue.set_aside(entry, type(error).__name__)
        self.metrics.inc("helpline_updates_set_aside_total", platform=entry.platform)
        log.error("update set aside after repeated failures", extra={"platform": entry.platform,
                                                                       "attempts": attempts})
        return True


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
