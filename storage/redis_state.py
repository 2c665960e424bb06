"""Conversation state in Redis: one JSON string per conversation with a time to live; its draft (the
report being written: the child's own words, links) is encrypted (storage/crypto.py, `encode_state`).

Keys: `{prefix}:state:{platform}:{user}` (see StateKey.redis_key), `{prefix}:hit:{counter}`,
`{prefix}:claim:{token}`, `{prefix}:mark:{token}` and `{prefix}:sent:{update token}` (a hash of the
update's outgoing messages already sent).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from redis.asyncio import BlockingConnectionPool, Redis
from redis.exceptions import RedisError

from storage import crypto
from storage.base import StateKey
from storage.memory import DEFAULT_TTL_SECONDS

MAX_CONNECTIONS = 64  # per process
DRAFT_PURPOSE = "state.draft"


def encode_state(data: Mapping[str, Any]) -> str:
    """The state as stored: JSON, its draft an encrypted string."""
    stored = dict(data)
    if stored.get("draft"):
        stored["draft"] = crypto.ring().encrypt_json(stored["draft"], DRAFT_PURPOSE)
    return json.dumps(stored, ensure_ascii=False)


def decode_state(payload: str) -> dict[str, Any]:
    """A stored state back (a draft still a dict was written before encryption: read as it is)."""
    data: dict[str, Any] = json.loads(payload)
    if isinstance(data.get("draft"), str):
        data["draft"] = crypto.ring().decrypt_json(data["draft"], DRAFT_PURPOSE)
    return data


class RedisStateStore:
    def __init__(self, redis_url: str, prefix: str = "helpline",
                 ttl_seconds: float = DEFAULT_TTL_SECONDS) -> None:
        self.prefix = prefix
        self.ttl_ms = max(1, int(ttl_seconds * 1000))
        # A blocking pool: many conversations at once wait for a connection instead of failing.
        pool = BlockingConnectionPool.from_url(redis_url, decode_responses=True, max_connections=MAX_CONNECTIONS,
                                               timeout=10, socket_connect_timeout=5, health_check_interval=30)
        self._redis: Redis = Redis(connection_pool=pool)

    async def load(self, key: StateKey) -> dict[str, Any] | None:
        payload = await self._redis.get(key.redis_key(self.prefix))
        if payload is None:
            return None
        return decode_state(payload if isinstance(payload, str) else payload.decode())

    async def save(self, key: StateKey, data: Mapping[str, Any]) -> None:
        payload = encode_state(data)
        await self._redis.set(key.redis_key(self.prefix), payload, px=self.ttl_ms)

    async def delete(self, key: StateKey) -> None:
        await self._redis.delete(key.redis_key(self.prefix))

    async def claim(self, token: str, ttl_seconds: int) -> bool:
        """SET NX EX: only the first caller creates the key, atomically, across all workers."""
        created = await self._redis.set(f"{self.prefix}:claim:{token}", 1, ex=ttl_seconds, nx=True)
        return bool(created)

    async def hit(self, counter: str, window_seconds: int) -> int:
        """A fixed window that opens with its first hit.

        MULTI: `SET key 0 EX window NX` opens the window only if none is open, then INCR counts
        (INCR keeps the expiry). Unlike INCR-then-EXPIRE, a counter can never be left without
        an expiry, and it needs no Redis 7 `EXPIRE ... NX`.
        """
        key = f"{self.prefix}:hit:{counter}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.set(key, 0, ex=window_seconds, nx=True)
            pipe.incr(key)
            _, count = await pipe.execute()
        return int(count)

    async def marks(self, tokens: Sequence[str]) -> list[str | None]:
        if not tokens:
            return []
        values = await self._redis.mget([f"{self.prefix}:mark:{t}" for t in tokens])
        return [None if v is None else v if isinstance(v, str) else v.decode() for v in values]

    async def mark(self, token: str, value: str, ttl_seconds: int) -> None:
        await self._redis.set(f"{self.prefix}:mark:{token}", value, ex=ttl_seconds)

    async def save_marked(self, key: StateKey, data: Mapping[str, Any], token: str, value: str,
                          ttl_seconds: int) -> None:
        """MULTI/EXEC: the state and the mark are written together or not at all."""
        payload = encode_state(data)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.set(key.redis_key(self.prefix), payload, px=self.ttl_ms)
            pipe.set(f"{self.prefix}:mark:{token}", value, ex=ttl_seconds)
            await pipe.execute()

    async def sent(self, update: str) -> set[str]:
        found = await self._redis.hkeys(f"{self.prefix}:sent:{update}")
        return {item if isinstance(item, str) else item.decode() for item in found}

    async def record_sent(self, update: str, messages: Sequence[str], ttl_seconds: int) -> None:
        if not messages:
            return
        key = f"{self.prefix}:sent:{update}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping=dict.fromkeys(messages, 1))
            pipe.expire(key, ttl_seconds)
            await pipe.execute()

    async def ping(self) -> bool:
        try:
            return bool(await self._redis.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        await self._redis.aclose()
