"""One conversation at a time, across every process: the holder reads the state, nobody else.

`LocalOrdering` (the embedded default) holds conversations with asyncio locks in this process;
`RedisOrdering` with a Redis lock per conversation (`SET NX PX` with a random token, released
and extended only by its holder), so webhook servers and workers on several machines agree. A
holder that dies releases the conversation when its lock times out (`LOCK_TIMEOUT_SECONDS`);
a live holder extends its locks every third of that time, so slow work (a 14 s `retry_after`)
keeps them. Holding is re-entrant within one task: a worker holding a conversation's lane
runs the runtime's own `hold` for the same conversation without a second lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.context import conversation_lane
from storage.base import StateKey

log = logging.getLogger(__name__)

_held: ContextVar[frozenset[tuple[int, str]]] = ContextVar("helpline_held", default=frozenset())

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_EXTEND = """
local lost = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[i + 1] then redis.call('PEXPIRE', key, ARGV[1]) else table.insert(lost, key) end
end
return lost
"""


# Sets a lane's lock (key, token, ttl in ms) as `SET NX PX` would, maybe reading more in the same
# round trip; True when it was set.
Acquire = Callable[[str, str, int], Awaitable[bool]]


class LockTimeout(TimeoutError):
    """A conversation stayed held by someone else for longer than the wait allows."""


class LockLost(ConnectionError):
    """This process can no longer be sure it holds the conversation (Redis was unreachable for
    longer than the lock lasts, or another holder took it): stop, someone else goes on."""


class Ordering(Protocol):
    def hold(self, key: StateKey) -> contextlib.AbstractAsyncContextManager[None]:
        """Wait for the conversation, hold it for the block (re-entrant)."""
        ...

    def lane(self, name: str, acquire: Acquire | None = None) -> contextlib.AbstractAsyncContextManager[bool]:
        """Try to hold `name` without waiting: yields False (and holds nothing) when someone else does.
        A Redis ordering takes its lock through `acquire` when given (a script that reads more in the
        same round trip); a local one has no Redis lock and never calls it."""
        ...

    def valid(self, name: str) -> bool:
        """Whether a lane held by this task is surely still held (checked before each side effect)."""
        ...

    def lock_of(self, name: str) -> tuple[str, str] | None:
        """The Redis key and token of a lane held here, for a store to release it in its own write."""
        ...

    def released(self, name: str) -> None:
        """A lane held here was released by such a write: nothing left to do when its hold ends."""
        ...

    async def close(self) -> None: ...


@asynccontextmanager
async def _marked(owner: object, name: str) -> AsyncIterator[None]:
    reset = _held.set(_held.get() | {(id(owner), name)})
    try:
        yield
    finally:
        _held.reset(reset)


def _holding(owner: object, name: str) -> bool:
    return (id(owner), name) in _held.get()


class LocalOrdering:
    """asyncio locks by name, created on demand and dropped when nobody waits for them."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, key: StateKey) -> AsyncIterator[None]:
        name = conversation_lane(key)
        if _holding(self, name):
            yield
            return
        lock = self._use(name)
        try:
            async with lock, _marked(self, name):
                yield
        finally:
            self._unuse(name)

    @asynccontextmanager
    async def lane(self, name: str, acquire: Acquire | None = None) -> AsyncIterator[bool]:
        if _holding(self, name):
            yield True
            return
        lock = self._use(name)
        try:
            if lock.locked():
                yield False
                return
            async with lock, _marked(self, name):
                yield True
        finally:
            self._unuse(name)

    def _use(self, name: str) -> asyncio.Lock:
        lock, users = self._locks.get(name, (asyncio.Lock(), 0))
        self._locks[name] = (lock, users + 1)
        return lock

    def _unuse(self, name: str) -> None:
        lock, users = self._locks[name]
        if users <= 1:
            del self._locks[name]
        else:
            self._locks[name] = (lock, users - 1)

    def valid(self, name: str) -> bool:
        return True

    def lock_of(self, name: str) -> tuple[str, str] | None:
        return None

    def released(self, name: str) -> None:
        return None

    async def close(self) -> None:
        return None


class RedisOrdering:
    """Locks `{prefix}:lock:{name}` in Redis, extended while held, released by their holder only."""

    def __init__(self, redis: Redis, prefix: str, *, timeout_seconds: float = 30.0,
                 wait_seconds: float = 120.0) -> None:
        self.redis = redis
        self.prefix = prefix
        self.ttl_ms = max(100, int(timeout_seconds * 1000))
        self.wait_seconds = wait_seconds
        self.lost = 0  # locks found taken over by someone else while held (a stalled holder)
        self._mine: dict[str, str] = {}  # lock key -> token, for extension
        self._until: dict[str, float] = {}  # lock key -> until when it is surely ours (monotonic clock)
        self._release = redis.register_script(_RELEASE)
        self._extend = redis.register_script(_EXTEND)
        self._extender: asyncio.Task[None] | None = None

    @asynccontextmanager
    async def hold(self, key: StateKey) -> AsyncIterator[None]:
        name = conversation_lane(key)
        if _holding(self, name):
            yield
            return
        deadline = asyncio.get_running_loop().time() + self.wait_seconds
        pause = 0.002
        while (token := await self._acquire(name)) is None:
            if asyncio.get_running_loop().time() > deadline:
                raise LockTimeout(f"conversation held elsewhere for over {self.wait_seconds:.0f}s")
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.05)
        try:
            async with _marked(self, name):
                yield
        finally:
            await self._let_go(name, token)

    @asynccontextmanager
    async def lane(self, name: str, acquire: Acquire | None = None) -> AsyncIterator[bool]:
        if _holding(self, name):
            yield True
            return
        token = await self._acquire(name, acquire)
        if token is None:
            yield False
            return
        try:
            async with _marked(self, name):
                yield True
        finally:
            await self._let_go(name, token)

    def valid(self, name: str) -> bool:
        key = f"{self.prefix}:lock:{name}"
        return key in self._mine and asyncio.get_running_loop().time() < self._until.get(key, 0.0)

    def lock_of(self, name: str) -> tuple[str, str] | None:
        key = f"{self.prefix}:lock:{name}"
        token = self._mine.get(key)
        return None if token is None else (key, token)

    def released(self, name: str) -> None:
        key = f"{self.prefix}:lock:{name}"
        self._mine.pop(key, None)
        self._until.pop(key, None)

    def _sure_until(self, asked_at: float) -> float:
        return asked_at + self.ttl_ms / 1000 * 0.8  # the lock was set after we asked; keep a margin

    async def _acquire(self, name: str, acquire: Acquire | None = None) -> str | None:
        token = secrets.token_hex(8)
        key = f"{self.prefix}:lock:{name}"
        asked_at = asyncio.get_running_loop().time()
        if acquire is not None:
            if not await acquire(key, token, self.ttl_ms):
                return None
        elif not await self.redis.set(key, token, nx=True, px=self.ttl_ms):
            return None
        self._mine[key] = token
        self._until[key] = self._sure_until(asked_at)
        if self._extender is None or self._extender.done():
            self._extender = asyncio.create_task(self._extend_held(), name="helpline-lock-extender")
        return token

    async def _let_go(self, name: str, token: str) -> None:
        key = f"{self.prefix}:lock:{name}"
        if self._mine.get(key) != token:  # released already, in the same write as the lane's last update
            return
        self._mine.pop(key, None)
        self._until.pop(key, None)
        try:
            await self._release(keys=[key], args=[token])
        except (RedisError, OSError) as error:  # it times out by itself
            log.warning("lock not released", extra={"error": type(error).__name__})

    async def _extend_held(self) -> None:
        while self._mine:
            await asyncio.sleep(self.ttl_ms / 3000)
            held = dict(self._mine)
            if not held:
                continue
            asked_at = asyncio.get_running_loop().time()
            try:
                lost = await self._extend(keys=list(held), args=[self.ttl_ms, *held.values()])
            except (RedisError, OSError) as error:
                log.warning("locks not extended", extra={"error": type(error).__name__, "held": len(held)})
                continue
            for key in held.keys() - set(lost):
                if self._mine.get(key) == held[key]:
                    self._until[key] = self._sure_until(asked_at)
            still_held = [key for key in lost if self._mine.get(key) == held.get(key)]  # not released meanwhile
            for key in still_held:
                self._until[key] = 0.0
            if still_held:
                self.lost += len(still_held)
                log.error("conversation locks lost while held", extra={"lost": len(still_held)})

    async def close(self) -> None:
        if self._extender is not None:
            self._extender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._extender
