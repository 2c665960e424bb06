"""Durable intake: a webhook stores each update before it answers 200; workers process it later.

An update is a `Submission`: its platform, its idempotency key (Telegram `<bot>:<update_id>`,
WhatsApp `<number>:<wamid>`, statuses `<number>:<wamid>:<status>`), its lane (the conversation,
pseudonymous, whose updates are processed one at a time in arrival order) and the raw platform
JSON of that one update. `submit` answers, per update, True (stored) or False (a duplicate,
already stored), or raises `IntakeUnavailable` (nothing stored: the webhook answers 503 and the
platform retries).

Each lane is a FIFO of entries; a *ticket* tells the workers that a lane has work (one per
lane that was empty). A worker holding the lane (bot/delivery/ordering.py) drains it from the head, so
order holds across processes. Two implementations: `MemoryIntake` below (the embedded default,
one process, nothing survives a restart) and `RedisIntake` (bot/delivery/intake_redis.py: lists and a
stream with a consumer group, shared by every process, surviving restarts).
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.context import DONE, IDEMPOTENCY_TTL_SECONDS, update_token
from storage.base import StateKey, StateStore

SEEN_TTL_SECONDS = 8 * 86400  # WhatsApp retries a webhook for up to 7 days
MAX_PENDING = 10_000  # the in-memory intake refuses (503) beyond this many unprocessed updates
MAX_SET_ASIDE = 1000
SET_ASIDE_TTL_SECONDS = 7 * 86400  # the default of SET_ASIDE_RETENTION_HOURS: they hold raw payloads


class IntakeUnavailable(Exception):
    """The update could not be stored (the store is down or full): answer 503, the platform retries."""


@dataclass(frozen=True)
class Submission:
    platform: str
    key: str
    lane: str
    payload: str  # the raw JSON of this one update, as the platform sent it
    polled: bool = False  # fetched by polling (Telegram getUpdates), not posted to a webhook

    @property
    def token(self) -> str:
        return update_token(self.platform, self.key)


@dataclass(frozen=True)
class Entry:
    """A stored submission, as a worker reads it from the head of its lane."""

    platform: str
    key: str
    lane: str
    payload: str
    accepted_at: float  # wall clock, for the accepted -> processed latency
    polled: bool = False  # as its Submission: no webhook response answered anything for it

    @property
    def token(self) -> str:
        return update_token(self.platform, self.key)


@dataclass(frozen=True)
class Head:
    """The entry at the head of a held lane, its update's mark, and what was read with it: the
    conversation's records asked for (JSON as stored, None when absent; bot/delivery/prefetch.py) and the
    update's messages already sent (None when not read)."""

    entry: Entry
    mark: str | None
    known: dict[StateKey, str | None]
    sent: set[str] | None = None
    queued: int = 1  # the lane's entries, this one included: its backlog, for fair turns


class Busy(enum.Enum):
    """`take` found the lane held by someone else."""

    BUSY = "busy"


BUSY = Busy.BUSY


@dataclass(frozen=True)
class LaneRelease:
    """What the last `finish` of a lane needs to let it go in the same write: the lane's lock
    (bot/delivery/ordering.py) and the ticket to acknowledge."""

    lock_key: str
    token: str
    ticket_id: str
    ticket_backlog: bool = False  # the ticket is a lane put back with work left (`Ticket.backlog`)


@dataclass(frozen=True)
class Ticket:
    """A lane has work. `id` names the stream entry (Redis) to acknowledge when the lane is drained.

    `backlog`: the lane was put back with work left, its fair share used (a flood's lane, say); a lane
    that was empty when its work came has a ticket without. Workers take the latter first and hold only
    so many of the former (bot/delivery/worker.py), so a child's new lane never waits in line behind a
    flood's lanes put back again and again."""

    lane: str
    id: str = ""
    reclaimed: bool = False
    backlog: bool = False


class Intake(Protocol):
    """The webhook's side."""

    async def submit(self, items: Sequence[Submission]) -> list[bool]: ...

    async def ping(self) -> bool: ...


class LaneQueue(Protocol):
    """The worker's side."""

    durable: bool

    async def tickets(self, count: int, wait_seconds: float, backlog: int | None = None) -> list[Ticket]:
        """Up to `count` lanes with work, waiting up to `wait_seconds` for some: lanes whose work is new
        first, then at most `backlog` lanes put back with work left (None: as many as fit)."""
        ...

    async def reclaim(self, count: int, backlog: int | None = None) -> list[Ticket]:
        """Tickets left unfinished for too long (their worker died or failed): take them over (at most
        `backlog` of them lanes put back with work left)."""
        ...

    async def head(self, lane: str) -> Entry | None: ...

    async def peek(self, lane: str, marks: StateStore, records: Sequence[StateKey] = ()) -> Head | None:
        """The head entry, its update's mark (bot/context.py) and `records`, in one round trip where possible."""
        ...

    async def pop(self, lane: str) -> None:
        """Remove the head entry (once its update is recorded as done)."""
        ...

    async def take(self, lane: str, lock: tuple[str, str, int], marks: StateStore,
                   records: Sequence[StateKey] = ()) -> Head | Busy | None:
        """Set the lane's lock (key, token, ttl in ms) unless someone holds it (BUSY), and `peek`, in one
        round trip where the lock lives with the lanes (bot/delivery/ordering.py `Acquire`)."""
        ...

    async def finish(self, entry: Entry, marks: StateStore, records: Sequence[StateKey] = (),
                     release: LaneRelease | None = None, counted: Sequence[tuple[str, int]] = ()) -> Head | None:
        """Mark the head entry's update done, remove it, and return the next head (as `peek`). When
        the lane is then empty and `release` is given, the lock is released and the ticket acknowledged
        in the same write (Redis: one round trip for all of it). `counted`: rate counters the update
        counted from their prefetched value, (counter, window), counted in the same write
        (`StateStore.hit`)."""
        ...

    async def remaining(self, lane: str) -> int: ...

    async def ack(self, ticket: Ticket) -> None:
        """The lane was drained: the ticket is finished."""
        ...

    async def let_go(self, ticket: Ticket, lock: tuple[str, str] | None, *, requeue: bool) -> int:
        """A lane held by `ticket` is let go: its Redis `lock` (key, token: bot/delivery/ordering.py
        `lock_of`) released, when given; then, the lane being empty, the ticket acknowledged; work left
        and `requeue` (a fair share was used), a new ticket behind the others (a backlog's:
        `Ticket.backlog`) and this one acknowledged; work left otherwise, nothing more (the caller holds
        the lane again). Returns the entries left. Redis: one script, so work stored meanwhile always finds a ticket."""
        ...

    async def retry_later(self, ticket: Ticket, delay: float) -> None:
        """Leave the ticket unfinished; it comes back after `delay` (Redis: when reclaimed)."""
        ...

    async def failed(self, entry: Entry) -> int:
        """Count a failed attempt at an entry; returns the attempts so far."""
        ...

    async def set_aside(self, entry: Entry, reason: str) -> None:
        """Move a head entry that keeps failing out of its lane (kept for a person to look at, for
        `SET_ASIDE_RETENTION_HOURS` at most)."""
        ...

    async def prune_set_aside(self, now: float | None = None) -> int:
        """Remove the entries set aside longer than the retention ago; returns how many went."""
        ...

    async def forget_lane(self, lane: str) -> int:
        """Erase the entries set aside from one conversation (the user's data); returns how many went."""
        ...

    async def depth(self) -> dict[str, int]:
        """Queue figures for /metrics: stored and not yet processed, tickets pending, set aside."""
        ...

    async def close(self) -> None: ...


class MemoryIntake:
    """The embedded default: lanes and tickets in this process (lost on restart, like the state)."""

    durable = False

    def __init__(self, max_pending: int = MAX_PENDING, aside_ttl_seconds: float = SET_ASIDE_TTL_SECONDS) -> None:
        self.max_pending = max_pending
        self._lanes: dict[str, deque[Entry]] = {}
        self._tickets: deque[Ticket] = deque()  # lanes that were empty when their work came
        self._backlog: deque[Ticket] = deque()  # lanes put back with work left (`Ticket.backlog`)
        self._arrived = asyncio.Event()
        self._seen: dict[str, float] = {}  # token -> expires at (monotonic)
        self._tries: dict[str, int] = {}
        # (entry, reason, when): erased with the user's data, expired like Redis's (forget_lane, prune_set_aside).
        self.set_aside_entries: deque[tuple[Entry, str, float]] = deque(maxlen=MAX_SET_ASIDE)
        self.aside_ttl_seconds = aside_ttl_seconds
        self.pending = 0  # stored and not yet processed
        self._retries: set[asyncio.TimerHandle] = set()

    async def submit(self, items: Sequence[Submission]) -> list[bool]:
        now = time.monotonic()
        fresh = [item for item in items if self._seen.get(item.token, 0.0) <= now]
        if self.pending + len(fresh) > self.max_pending:
            raise IntakeUnavailable("the in-memory intake is full")
        if len(self._seen) > 4 * self.max_pending:
            self._seen = {token: until for token, until in self._seen.items() if until > now}
        accepted: list[bool] = []
        for item in items:
            if self._seen.get(item.token, 0.0) > now:
                accepted.append(False)
                continue
            self._seen[item.token] = now + SEEN_TTL_SECONDS
            lane = self._lanes.setdefault(item.lane, deque())
            lane.append(Entry(item.platform, item.key, item.lane, item.payload, time.time(), item.polled))
            self.pending += 1
            if len(lane) == 1:
                self._put(Ticket(item.lane))
            accepted.append(True)
        return accepted

    async def ping(self) -> bool:
        return True

    def _put(self, ticket: Ticket) -> None:
        (self._backlog if ticket.backlog else self._tickets).append(ticket)
        self._arrived.set()

    def _take(self, count: int, backlog: int | None) -> list[Ticket]:
        found = [self._tickets.popleft() for _ in range(min(count, len(self._tickets)))]
        more = min(count - len(found), len(self._backlog) if backlog is None else max(0, backlog))
        return found + [self._backlog.popleft() for _ in range(min(more, len(self._backlog)))]

    async def tickets(self, count: int, wait_seconds: float, backlog: int | None = None) -> list[Ticket]:
        found = self._take(count, backlog)
        if found:
            return found
        self._arrived.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._arrived.wait(), wait_seconds)
        return self._take(count, backlog)

    async def reclaim(self, count: int, backlog: int | None = None) -> list[Ticket]:
        return []  # one process: nobody else's tickets to take over

    async def head(self, lane: str) -> Entry | None:
        entries = self._lanes.get(lane)
        return entries[0] if entries else None

    async def peek(self, lane: str, marks: StateStore, records: Sequence[StateKey] = ()) -> Head | None:
        entry = await self.head(lane)
        if entry is None:
            return None
        return Head(entry, (await marks.marks([entry.token]))[0], {}, queued=len(self._lanes.get(lane, ())))

    async def take(self, lane: str, lock: tuple[str, str, int], marks: StateStore,
                   records: Sequence[StateKey] = ()) -> Head | Busy | None:
        return await self.peek(lane, marks, records)  # one process: its locks are asyncio's (LocalOrdering)

    async def finish(self, entry: Entry, marks: StateStore, records: Sequence[StateKey] = (),
                     release: LaneRelease | None = None, counted: Sequence[tuple[str, int]] = ()) -> Head | None:
        for counter, window in counted:
            await marks.hit(counter, window)
        await marks.mark(entry.token, DONE, IDEMPOTENCY_TTL_SECONDS)
        await self.pop(entry.lane)
        return await self.peek(entry.lane, marks, records)  # the lock is this process's: released on exit

    async def pop(self, lane: str) -> None:
        entries = self._lanes.get(lane)
        if entries:
            entries.popleft()
            self.pending -= 1
            if not entries:
                del self._lanes[lane]

    async def remaining(self, lane: str) -> int:
        return len(self._lanes.get(lane, ()))

    async def ack(self, ticket: Ticket) -> None:
        return None

    async def retry_later(self, ticket: Ticket, delay: float) -> None:
        loop = asyncio.get_running_loop()
        handle: asyncio.TimerHandle

        def again() -> None:
            self._retries.discard(handle)
            self._put(Ticket(ticket.lane, reclaimed=True, backlog=ticket.backlog))

        handle = loop.call_later(delay, again)
        self._retries.add(handle)

    async def let_go(self, ticket: Ticket, lock: tuple[str, str] | None, *, requeue: bool) -> int:
        left = len(self._lanes.get(ticket.lane, ()))  # its asyncio lock was let go already (LocalOrdering)
        if left and requeue:
            self._put(Ticket(ticket.lane, backlog=True))
        return left

    async def failed(self, entry: Entry) -> int:
        self._tries[entry.token] = self._tries.get(entry.token, 0) + 1
        return self._tries[entry.token]

    async def set_aside(self, entry: Entry, reason: str) -> None:
        self.set_aside_entries.append((entry, reason, time.time()))
        self._tries.pop(entry.token, None)
        await self.pop(entry.lane)
        await self.prune_set_aside()

    async def prune_set_aside(self, now: float | None = None) -> int:
        cutoff = (time.time() if now is None else now) - self.aside_ttl_seconds
        return self._remove(lambda entry, at: at < cutoff)

    async def forget_lane(self, lane: str) -> int:
        return self._remove(lambda entry, at: entry.lane == lane)

    def _remove(self, doomed: Callable[[Entry, float], bool]) -> int:
        kept = [item for item in self.set_aside_entries if not doomed(item[0], item[2])]
        gone = len(self.set_aside_entries) - len(kept)
        self.set_aside_entries = deque(kept, maxlen=MAX_SET_ASIDE)
        return gone

    async def depth(self) -> dict[str, int]:
        return {"stored": self.pending, "tickets": len(self._tickets) + len(self._backlog) + len(self._retries),
                "set_aside": len(self.set_aside_entries)}

    async def close(self) -> None:
        for handle in self._retries:
            handle.cancel()
        self._retries.clear()


class Submitter(Protocol):
    async def submit(self, platform: str, parsed: Any, body: bytes) -> int: ...


async def hand_over(app_state: Any, platform: str, parsed: Any, body: bytes) -> int:
    """For the webhook routes: store a verified update. The HTTP status to answer: 200 once it is
    stored (or was already), 503 when it cannot be (the platform retries later)."""
    pipeline: Submitter | None = getattr(getattr(app_state, "application", None), "pipeline", None)
    if pipeline is None:
        return 503
    return await pipeline.submit(platform, parsed, body)
