"""The intake in Redis: one list per lane, tickets in a stream read by a consumer group.

Keys (under the deployment's `REDIS_PREFIX`):
- `{p}:mark:{update token}`: the update's mark, shared with `RedisStateStore.marks`: "queued"
  when stored here, then the runtime's reply record, then "done". `SET NX` on it is the
  duplicate check, in the same script as the `RPUSH`, so an update is marked seen exactly when
  it is stored.
- `{p}:in:lane:{lane}`: the lane's entries (JSON), oldest first.
- `{p}:in:stream`, group `workers`: a ticket `{lane}` per lane that was empty when an entry
  came. A worker acknowledges (and deletes) its ticket only once the lane is drained, so the
  ticket of a worker that died stays pending and `XAUTOCLAIM` hands it to another after
  `CLAIM_IDLE_SECONDS`.
- `{p}:in:backlog`, group `workers` too: the tickets of lanes put back with work left, their fair share
  used (`Ticket.backlog`). Workers read `{p}:in:stream` first and hold only so many of these, so a
  new lane's ticket never waits in line behind a flood's lanes put back again and again.
- `{p}:sent:{update token}`: the update's outgoing messages already sent (bot/delivery/outbox.py), dropped
  with its reply when it is done; `{p}:lock:{lane}`: who holds the lane (bot/delivery/ordering.py).
- `{p}:in:stored` (entries not yet processed), `{p}:in:tries:{token}`, `{p}:in:aside` (entries
  that kept failing, for a person to look at, replay or drop: `python -m bot set-aside`). They hold
  the raw payload (a child's words, ids), so they expire after `SET_ASIDE_RETENTION_HOURS` (pruned
  at every write and read, and the list itself expires that long after its last write) and are
  erased with the user's data (`forget_lane`).

Redis must keep what it acknowledged: run it with `appendonly yes` (see docs/deployment.md).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import time
from collections.abc import Callable, Sequence
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError, ResponseError

from bot.context import IDEMPOTENCY_TTL_SECONDS, REPLY_PREFIX, update_token
from bot.delivery.intake import (
    BUSY,
    MAX_SET_ASIDE,
    SEEN_TTL_SECONDS,
    SET_ASIDE_TTL_SECONDS,
    Busy,
    Entry,
    Head,
    IntakeUnavailable,
    LaneRelease,
    Submission,
    Ticket,
)
from storage.base import StateKey, StateStore

log = logging.getLogger(__name__)

GROUP = "workers"
QUEUED = "queued"
TRIES_TTL_SECONDS = 86400

# KEYS: stream, stored, then (mark, lane) per update; ARGV: ttl, then (entry, lane name) per update.
_SUBMIT = """
local accepted = {}
for i = 1, (#KEYS - 2) / 2 do
  local mark, lane = KEYS[2 * i + 1], KEYS[2 * i + 2]
  if redis.call('SET', mark, 'queued', 'NX', 'EX', ARGV[1]) then
    if redis.call('RPUSH', lane, ARGV[2 * i]) == 1 then
      redis.call('XADD', KEYS[1], '*', 'lane', ARGV[2 * i + 1])
    end
    redis.call('INCR', KEYS[2])
    accepted[i] = 1
  else
    accepted[i] = 0
  end
end
return accepted
"""


# The head of a lane as a worker reads it: the entry, its update's mark, the update's messages already
# sent, and the conversation's records asked for (KEYS from `first`). The mark's and the sent records'
# keys are built from the entry, so these scripts need a single Redis, not a cluster.
_HEAD = """
local function head(lane, prefix, first)
  local entry = redis.call('LINDEX', lane, 0)
  if not entry then return false end
  local data = cjson.decode(entry)
  local update = 'update:' .. data['p'] .. ':' .. data['k']
  local found = {entry, redis.call('GET', prefix .. ':mark:' .. update),
                 redis.call('HKEYS', prefix .. ':sent:' .. update), redis.call('LLEN', lane)}
  for i = first, #KEYS do found[#found + 1] = redis.call('GET', KEYS[i]) end
  return found
end
"""

# KEYS: the lane, then the records; ARGV: the key prefix.
_PEEK = _HEAD + "return head(KEYS[1], ARGV[1], 2)"

# KEYS: the lane's lock, the lane, then the records; ARGV: the lock's token and ttl (ms), the key prefix.
# The lock as `SET NX PX` (0: someone else holds the lane), then the head as `_PEEK` (1: none).
_TAKE = _HEAD + """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
return head(KEYS[2], ARGV[3], 3) or 1
"""

# KEYS: the update's mark, its sent records, the lane, the stored counter, the lane's lock, the ticket's stream,
# then n rate counters, then the records; ARGV: the mark's ttl, the key prefix, the lock's token and the
# ticket ('' when the lane is not to be let go here), the consumer group, n, then each counter's window.
# The counters count one each (as `RedisStateStore.hit`: a window opened by its first hit), the update
# is done (its reply and sent records dropped) and popped; then the next head, or, the lane being
# empty, its lock released and its ticket acknowledged: 1.
_FINISH = _HEAD + """
local counters = tonumber(ARGV[6])
for i = 1, counters do
  redis.call('SET', KEYS[6 + i], 0, 'EX', ARGV[6 + i], 'NX')
  redis.call('INCR', KEYS[6 + i])
end
redis.call('SET', KEYS[1], 'done', 'EX', ARGV[1])
redis.call('DEL', KEYS[2])
redis.call('LPOP', KEYS[3])
redis.call('DECR', KEYS[4])
local found = head(KEYS[3], ARGV[2], 7 + counters)
if found or ARGV[3] == '' then return found end
if redis.call('GET', KEYS[5]) == ARGV[3] then redis.call('DEL', KEYS[5]) end
if ARGV[4] ~= '' then
  redis.call('XACK', KEYS[6], ARGV[5], ARGV[4])
  redis.call('XDEL', KEYS[6], ARGV[4])
end
return 1
"""

# KEYS: the lane's lock, the lane, the ticket's stream, the backlog's stream; ARGV: the lock's token ('' when
# not held here), the ticket ('' when none), the consumer group, '1' to put the lane behind the others when
# work is left, the lane's name. As `LaneQueue.let_go`: the lock released if still ours, then the ticket
# acknowledged unless work is left and the caller takes the lane again (put behind: a backlog's ticket);
# the entries left.
_LET_GO = """
if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
local left = redis.call('LLEN', KEYS[2])
if left > 0 and ARGV[4] == '' then return left end
if left > 0 then redis.call('XADD', KEYS[4], '*', 'lane', ARGV[5]) end
if ARGV[2] ~= '' then
  redis.call('XACK', KEYS[3], ARGV[3], ARGV[2])
  redis.call('XDEL', KEYS[3], ARGV[2])
end
return left
"""


def consumer_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


class RedisIntake:
    durable = True

    def __init__(self, redis: Redis, prefix: str, *, claim_idle_seconds: float = 15.0,
                 consumer: str | None = None, aside_ttl_seconds: float = SET_ASIDE_TTL_SECONDS) -> None:
        self.redis = redis
        self.prefix = prefix
        self.stream = f"{prefix}:in:stream"
        self.backlog_stream = f"{prefix}:in:backlog"
        self.stored_key = f"{prefix}:in:stored"
        self.aside_key = f"{prefix}:in:aside"
        self.aside_ttl_seconds = aside_ttl_seconds
        self.claim_idle_ms = max(1, int(claim_idle_seconds * 1000))
        self.consumer = consumer or consumer_name()
        self._submit = redis.register_script(_SUBMIT)
        self._peek = redis.register_script(_PEEK)
        self._finish = redis.register_script(_FINISH)
        self._take = redis.register_script(_TAKE)
        self._let_go = redis.register_script(_LET_GO)
        self._group_ready = False

    def _lane(self, lane: str) -> str:
        return f"{self.prefix}:in:lane:{lane}"

    # -- the webhook's side ---------------------------------------------------------------------
    async def submit(self, items: Sequence[Submission]) -> list[bool]:
        if not items:
            return []
        keys = [self.stream, self.stored_key]
        args: list[str | int] = [SEEN_TTL_SECONDS]
        now = round(time.time(), 3)
        for item in items:
            keys += [f"{self.prefix}:mark:{item.token}", self._lane(item.lane)]
            data: dict[str, Any] = {"p": item.platform, "k": item.key, "l": item.lane, "b": item.payload, "t": now}
            if item.polled:
                data["poll"] = 1  # only then: a webhook's entry stays as it was
            args += [json.dumps(data, ensure_ascii=False, separators=(",", ":")), item.lane]
        try:
            accepted = await self._submit(keys=keys, args=args)
        except (RedisError, OSError) as error:
            raise IntakeUnavailable(f"redis: {type(error).__name__}") from None
        return [bool(flag) for flag in accepted]

    async def ping(self) -> bool:
        try:
            return bool(await self.redis.ping())
        except (RedisError, OSError):
            return False

    # -- the worker's side ----------------------------------------------------------------------
    async def ensure_group(self) -> None:
        for stream in (self.stream, self.backlog_stream):
            try:
                await self.redis.xgroup_create(stream, GROUP, id="0", mkstream=True)
            except ResponseError as error:
                if "BUSYGROUP" not in str(error):
                    raise
        self._group_ready = True

    def _stream_of(self, ticket: Ticket | LaneRelease) -> str:
        backlog = ticket.backlog if isinstance(ticket, Ticket) else ticket.ticket_backlog
        return self.backlog_stream if backlog else self.stream

    async def tickets(self, count: int, wait_seconds: float, backlog: int | None = None) -> list[Ticket]:
        limit = count if backlog is None else max(0, min(backlog, count))
        found = await self._now(count, limit)
        if found or count <= 0:
            return found
        # Nothing yet: wait on both kinds, one of each at most, so the read never brings more than `count`
        # (with room for one lane only, on new lanes' tickets alone, and not long: a backlog's may come).
        if limit and count >= 2:
            found = await self._read({self.stream: ">", self.backlog_stream: ">"}, 1, wait_seconds)
        else:
            found = await self._read({self.stream: ">"}, 1, wait_seconds if not limit else min(wait_seconds, 0.1))
        if not found:
            return []
        # Then what else is there, without waiting again: Redis times a short BLOCK out only at its next
        # tick (up to 100 ms), so a second blocking read would hold the first ticket that long.
        return found + await self._now(count - len(found), limit - sum(t.backlog for t in found))

    async def _now(self, count: int, backlog: int) -> list[Ticket]:
        """New lanes' tickets first, then up to `backlog` of a backlog's, as many as there are now."""
        found = await self._read({self.stream: ">"}, count)
        return found + await self._read({self.backlog_stream: ">"}, min(backlog, count - len(found)))

    async def _read(self, streams: dict[Any, Any], count: int, wait_seconds: float | None = None) -> list[Ticket]:
        """XREADGROUP: without `wait_seconds`, what is there now (nothing blocks)."""
        if count <= 0:
            return []
        if not self._group_ready:
            await self.ensure_group()
        block = None if wait_seconds is None else max(1, int(wait_seconds * 1000))
        try:
            answer = await self.redis.xreadgroup(GROUP, self.consumer, streams, count=count, block=block)
        except ResponseError as error:
            if "NOGROUP" not in str(error):
                raise
            self._group_ready = False  # Redis lost the stream (restarted without its data): start again
            return []
        read: list[Any] = list(answer or [])
        return [Ticket(fields["lane"], entry_id, backlog=_name(stream) == self.backlog_stream)
                for stream, entries in read for entry_id, fields in entries if fields is not None]

    async def reclaim(self, count: int, backlog: int | None = None) -> list[Ticket]:
        found = await self._claim(self.stream, count)
        limit = count - len(found) if backlog is None else max(0, min(backlog, count - len(found)))
        return found + await self._claim(self.backlog_stream, limit)

    async def _claim(self, stream: str, count: int) -> list[Ticket]:
        if count <= 0:
            return []
        if not self._group_ready:
            await self.ensure_group()
        try:
            answer = await self.redis.xautoclaim(stream, GROUP, self.consumer, self.claim_idle_ms, "0-0", count=count)
        except ResponseError as error:
            if "NOGROUP" not in str(error):
                raise
            self._group_ready = False
            return []
        return [Ticket(fields["lane"], entry_id, reclaimed=True, backlog=stream == self.backlog_stream)
                for entry_id, fields in answer[1] if fields is not None]

    async def head(self, lane: str) -> Entry | None:
        raw = await self.redis.lindex(self._lane(lane), 0)
        return None if raw is None else _entry(raw if isinstance(raw, str) else raw.decode())

    async def peek(self, lane: str, marks: StateStore, records: Sequence[StateKey] = ()) -> Head | None:
        found = await self._peek(keys=[self._lane(lane), *(r.redis_key(self.prefix) for r in records)],
                                 args=[self.prefix])
        return _head(found, records) if found else None

    async def take(self, lane: str, lock: tuple[str, str, int], marks: StateStore,
                   records: Sequence[StateKey] = ()) -> Head | Busy | None:
        key, token, ttl_ms = lock
        found = await self._take(keys=[key, self._lane(lane), *(r.redis_key(self.prefix) for r in records)],
                                 args=[token, ttl_ms, self.prefix])
        if found == 0:
            return BUSY
        return _head(found, records) if isinstance(found, list) else None

    async def finish(self, entry: Entry, marks: StateStore, records: Sequence[StateKey] = (),
                     release: LaneRelease | None = None, counted: Sequence[tuple[str, int]] = ()) -> Head | None:
        keys = [f"{self.prefix}:mark:{entry.token}", f"{self.prefix}:sent:{entry.token}", self._lane(entry.lane),
                self.stored_key, release.lock_key if release else f"{self.prefix}:lock:-",
                self._stream_of(release) if release else self.stream,
                *(f"{self.prefix}:hit:{counter}" for counter, _ in counted),
                *(r.redis_key(self.prefix) for r in records)]
        found = await self._finish(keys=keys, args=[IDEMPOTENCY_TTL_SECONDS, self.prefix,
                                                    release.token if release else "",
                                                    release.ticket_id if release else "", GROUP, len(counted),
                                                    *(max(1, int(window)) for _, window in counted)])
        return _head(found, records) if isinstance(found, list) else None

    async def pop(self, lane: str) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.lpop(self._lane(lane))
            pipe.decr(self.stored_key)
            await pipe.execute()

    async def remaining(self, lane: str) -> int:
        return int(await self.redis.llen(self._lane(lane)))

    async def ack(self, ticket: Ticket) -> None:
        if not ticket.id:
            return
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.xack(self._stream_of(ticket), GROUP, ticket.id)
            pipe.xdel(self._stream_of(ticket), ticket.id)
            await pipe.execute()

    async def retry_later(self, ticket: Ticket, delay: float) -> None:
        return None  # left pending: XAUTOCLAIM hands it out again after CLAIM_IDLE_SECONDS

    async def let_go(self, ticket: Ticket, lock: tuple[str, str] | None, *, requeue: bool) -> int:
        key, token = lock if lock is not None else (f"{self.prefix}:lock:-", "")
        left = await self._let_go(keys=[key, self._lane(ticket.lane), self._stream_of(ticket), self.backlog_stream],
                                  args=[token, ticket.id, GROUP, "1" if requeue else "", ticket.lane])
        return int(left)

    async def failed(self, entry: Entry) -> int:
        key = f"{self.prefix}:in:tries:{entry.token}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, TRIES_TTL_SECONDS)
            count, _ = await pipe.execute()
        return int(count)

    async def set_aside(self, entry: Entry, reason: str) -> None:
        data: dict[str, Any] = {"p": entry.platform, "k": entry.key, "l": entry.lane, "b": entry.payload,
                                "t": entry.accepted_at, "reason": reason, "at": round(time.time(), 3)}
        if entry.polled:
            data["poll"] = 1  # kept for a replay (python -m bot set-aside)
        record = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.rpush(self.aside_key, record)
            pipe.ltrim(self.aside_key, -MAX_SET_ASIDE, -1)
            pipe.expire(self.aside_key, max(1, int(self.aside_ttl_seconds)))
            pipe.lpop(self._lane(entry.lane))
            pipe.decr(self.stored_key)
            await pipe.execute()
        await self.prune_set_aside()

    async def depth(self) -> dict[str, int]:
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.get(self.stored_key)
            pipe.llen(self.aside_key)
            pipe.xlen(self.stream)
            pipe.xlen(self.backlog_stream)
            stored, aside, tickets, backlog = await pipe.execute()
        return {"stored": int(stored or 0), "tickets": int(tickets or 0) + int(backlog or 0),
                "set_aside": int(aside or 0)}

    async def close(self) -> None:
        return None

    # -- updates set aside, for a person (`python -m bot set-aside`, bot/delivery/set_aside.py) ------------------
    async def set_aside_records(self) -> list[str]:
        """The records set aside, oldest first, as stored: JSON holding the update's payload (a child's
        words, ids): never print one (bot/delivery/set_aside.py shows a summary without them).
        Expired records are removed first, so none is ever shown or replayed."""
        await self.prune_set_aside()
        return await self._aside()

    async def _aside(self) -> list[str]:
        found = await self.redis.lrange(self.aside_key, 0, -1)
        return [item if isinstance(item, str) else item.decode() for item in found]

    async def prune_set_aside(self, now: float | None = None) -> int:
        """Remove the records set aside longer than the retention (`SET_ASIDE_RETENTION_HOURS`) ago.
        One that cannot be read stays for `set-aside drop` (the list's own expiry bounds it)."""
        cutoff = (time.time() if now is None else now) - self.aside_ttl_seconds
        return await self._remove(lambda data: not isinstance(data.get("at"), int | float) or data["at"] < cutoff)

    async def forget_lane(self, lane: str) -> int:
        """Erase the records set aside from one conversation's lane (the user asked to delete their
        data): their payloads hold the user's words and platform ids. Returns how many went."""
        return await self._remove(lambda data: data.get("l") == lane)

    async def _remove(self, doomed: Callable[[dict[str, Any]], bool]) -> int:
        chosen = []
        for record in await self._aside():
            try:
                data = json.loads(record)
            except ValueError:
                data = None
            if isinstance(data, dict) and doomed(data):
                chosen.append(record)
        if not chosen:
            return 0
        async with self.redis.pipeline(transaction=True) as pipe:
            for record in chosen:  # by value: positions shift as others are set aside meanwhile
                pipe.lrem(self.aside_key, 1, record)
            removed = await pipe.execute()
        return sum(int(count) for count in removed)

    async def replay(self, record: str) -> bool:
        """Put a set-aside record back at the END of its lane as a fresh entry, as if it had just
        arrived: behind whatever the lane holds (a worker may be in the middle of that lane: only its
        tail is free), with a ticket when the lane was empty, its failed attempts forgotten and its
        mark "queued" again so the worker processes it (a mark holding a saved reply is kept: the
        state already took the update, the worker sends that reply instead of applying it twice).
        One script, which also removes the record, so a crash never loses or duplicates it. False
        when the record was no longer set aside (replayed or dropped meanwhile): nothing done."""
        data = json.loads(record)
        entry: dict[str, Any] = {"p": data["p"], "k": data["k"], "l": data["l"], "b": data["b"],
                                 "t": round(time.time(), 3)}
        if data.get("poll"):
            entry["poll"] = 1
        token = update_token(str(data["p"]), str(data["k"]))
        keys = [self.aside_key, self._lane(str(data["l"])), self.stream, self.stored_key,
                f"{self.prefix}:mark:{token}", f"{self.prefix}:in:tries:{token}"]
        fresh = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        args: list[str | int] = [record, fresh, str(data["l"]), SEEN_TTL_SECONDS, REPLY_PREFIX]
        return bool(await self.redis.register_script(_REPLAY)(keys=keys, args=args))

    async def drop(self, record: str) -> bool:
        """Remove a set-aside record for good (its update is never processed). False when it was no
        longer there. The update's mark stays, so a late retry of the platform is still a duplicate."""
        try:
            data = json.loads(record)
            tries = f"{self.prefix}:in:tries:{update_token(str(data['p']), str(data['k']))}"
        except (ValueError, KeyError, TypeError):  # unreadable: it goes all the same
            tries = f"{self.prefix}:in:tries:-"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.lrem(self.aside_key, 1, record)
            pipe.delete(tries)
            removed, _ = await pipe.execute()
        return bool(removed)


def _head(found: list[Any], records: Sequence[StateKey]) -> Head:
    entry, mark, sent, queued, *values = found
    return Head(_entry(entry), mark if isinstance(mark, str) else None,
                {record: value if isinstance(value, str) else None for record, value in zip(records, values,
                                                                                             strict=True)},
                set(sent or ()), int(queued))


def _name(key: str | bytes) -> str:
    return key if isinstance(key, str) else key.decode()


def _entry(raw: str) -> Entry:
    data = json.loads(raw)
    return Entry(data["p"], data["k"], data["l"], data["b"], float(data["t"]), bool(data.get("poll")))


# KEYS: the set-aside list, the lane, the stream, the stored counter, the update's mark, its tries;
# ARGV: the record (removed by value: positions shift as others are set aside), the fresh entry, the
# lane's name, the mark's ttl, the prefix of a mark holding a saved reply (bot/context.py).
_REPLAY = """
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then return 0 end
if redis.call('RPUSH', KEYS[2], ARGV[2]) == 1 then
  redis.call('XADD', KEYS[3], '*', 'lane', ARGV[3])
end
redis.call('INCR', KEYS[4])
local mark = redis.call('GET', KEYS[5])
if not mark or string.sub(mark, 1, string.len(ARGV[5])) ~= ARGV[5] then
  redis.call('SET', KEYS[5], 'queued', 'EX', ARGV[4])
end
redis.call('DEL', KEYS[6])
return 1
"""
