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
- `{p}:in:stored` (entries not yet processed), `{p}:in:tries:{token}`, `{p}:in:aside` (entries
  that kept failing, for a person to look at).

Redis must keep what it acknowledged: run it with `appendonly yes` (see docs/deployment.md).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import time
from collections.abc import Sequence
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError, ResponseError

from bot.context import DONE, IDEMPOTENCY_TTL_SECONDS
from bot.intake import MAX_SET_ASIDE, SEEN_TTL_SECONDS, Entry, IntakeUnavailable, Submission, Ticket
from storage.base import StateStore

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


# KEYS: the lane; ARGV: the key prefix. The head entry and its update's mark (the mark's key is built
# from the entry, so this script needs a single Redis, not a cluster).
_PEEK = """
local entry = redis.call('LINDEX', KEYS[1], 0)
if not entry then return false end
local data = cjson.decode(entry)
return {entry, redis.call('GET', ARGV[1] .. ':mark:update:' .. data['p'] .. ':' .. data['k'])}
"""


def consumer_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


class RedisIntake:
    durable = True

    def __init__(self, redis: Redis, prefix: str, *, claim_idle_seconds: float = 15.0,
                 consumer: str | None = None) -> None:
        self.redis = redis
        self.prefix = prefix
        self.stream = f"{prefix}:in:stream"
        self.stored_key = f"{prefix}:in:stored"
        self.aside_key = f"{prefix}:in:aside"
        self.claim_idle_ms = max(1, int(claim_idle_seconds * 1000))
        self.consumer = consumer or consumer_name()
        self._submit = redis.register_script(_SUBMIT)
        self._peek = redis.register_script(_PEEK)
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
            args += [json.dumps({"p": item.platform, "k": item.key, "l": item.lane, "b": item.payload, "t": now},
                                ensure_ascii=False, separators=(",", ":")), item.lane]
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
        try:
            await self.redis.xgroup_create(self.stream, GROUP, id="0", mkstream=True)
        except ResponseError as error:
            if "BUSYGROUP" not in str(error):
                raise
        self._group_ready = True

    async def tickets(self, count: int, wait_seconds: float) -> list[Ticket]:
        if not self._group_ready:
            await self.ensure_group()
        try:
            answer = await self.redis.xreadgroup(GROUP, self.consumer, {self.stream: ">"}, count=count,
                                                 block=max(1, int(wait_seconds * 1000)))
        except ResponseError as error:
            if "NOGROUP" not in str(error):
                raise
            self._group_ready = False  # Redis lost the stream (restarted without its data): start again
            return []
        streams: list[Any] = list(answer or [])
        return [Ticket(fields["lane"], entry_id) for _, entries in streams for entry_id, fields in entries
                if fields is not None]

    async def reclaim(self, count: int) -> list[Ticket]:
        if not self._group_ready:
            await self.ensure_group()
        try:
            answer = await self.redis.xautoclaim(self.stream, GROUP, self.consumer, self.claim_idle_ms,
                                                 "0-0", count=count)
        except ResponseError as error:
            if "NOGROUP" not in str(error):
                raise
            self._group_ready = False
            return []
        return [Ticket(fields["lane"], entry_id, reclaimed=True) for entry_id, fields in answer[1]
                if fields is not None]

    async def head(self, lane: str) -> Entry | None:
        raw = await self.redis.lindex(self._lane(lane), 0)
        return None if raw is None else _entry(raw if isinstance(raw, str) else raw.decode())

    async def peek(self, lane: str, marks: StateStore) -> tuple[Entry, str | None] | None:
        found = await self._peek(keys=[self._lane(lane)], args=[self.prefix])
        if not found:
            return None
        return _entry(found[0]), (found[1] if isinstance(found[1], str) else None)

    async def finish(self, entry: Entry, marks: StateStore) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(f"{self.prefix}:mark:{entry.token}", DONE, ex=IDEMPOTENCY_TTL_SECONDS)
            pipe.lpop(self._lane(entry.lane))
            pipe.decr(self.stored_key)
            await pipe.execute()

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
            pipe.xack(self.stream, GROUP, ticket.id)
            pipe.xdel(self.stream, ticket.id)
            await pipe.execute()

    async def retry_later(self, ticket: Ticket, delay: float) -> None:
        return None  # left pending: XAUTOCLAIM hands it out again after CLAIM_IDLE_SECONDS

    async def requeue(self, lane: str) -> None:
        await self.redis.xadd(self.stream, {"lane": lane})

    async def failed(self, entry: Entry) -> int:
        key = f"{self.prefix}:in:tries:{entry.token}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, TRIES_TTL_SECONDS)
            count, _ = await pipe.execute()
        return int(count)

    async def set_aside(self, entry: Entry, reason: str) -> None:
        record = json.dumps({"p": entry.platform, "k": entry.key, "l": entry.lane, "b": entry.payload,
                             "t": entry.accepted_at, "reason": reason, "at": round(time.time(), 3)},
                            ensure_ascii=False, separators=(",", ":"))
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.rpush(self.aside_key, record)
            pipe.ltrim(self.aside_key, -MAX_SET_ASIDE, -1)
            pipe.lpop(self._lane(entry.lane))
            pipe.decr(self.stored_key)
            await pipe.execute()

    async def depth(self) -> dict[str, int]:
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.get(self.stored_key)
            pipe.llen(self.aside_key)
            pipe.xlen(self.stream)
            stored, aside, tickets = await pipe.execute()
        return {"stored": int(stored or 0), "tickets": int(tickets or 0), "set_aside": int(aside or 0)}

    async def close(self) -> None:
        return None


def _entry(raw: str) -> Entry:
    data = json.loads(raw)
    return Entry(data["p"], data["k"], data["l"], data["b"], float(data["t"]))
