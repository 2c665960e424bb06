"""Conversation state in this process's memory: the embedded default, and the tests' twin of Redis.

Values go through a JSON round trip, so they behave exactly as in Redis (tuples come back as
lists, and what Redis could not store fails here too). Expiry uses a monotonic clock, which
the tests may replace.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from storage.base import StateKey

DEFAULT_TTL_SECONDS = 7 * 24 * 3600
SWEEP_EVERY = 1000  # writes between two sweeps of expired entries


class MemoryStateStore:
    """A dict with a time to live per entry, idempotency claims and fixed-window counters."""

    def __init__(self, ttl_seconds: float = DEFAULT_TTL_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_seconds = ttl_seconds
        self._clock = clock
        self._states: dict[StateKey, tuple[float, str]] = {}  # key -> (expires at, JSON)
        self._counters: dict[str, tuple[float, int]] = {}  # counter -> (window ends at, count)
        self._claims: dict[str, float] = {}  # token -> expires at
        self._marks: dict[str, tuple[float, str]] = {}  # token -> (expires at, value)
        self._sent: dict[str, tuple[float, set[str]]] = {}  # update -> (expires at, messages sent)
        self._writes = 0

    async def load(self, key: StateKey) -> dict[str, Any] | None:
        entry = self._states.get(key)
        if entry is None:
            return None
        expires_at, payload = entry
        if self._clock() >= expires_at:
            del self._states[key]
            return None
        data: dict[str, Any] = json.loads(payload)
        return data

    async def save(self, key: StateKey, data: Mapping[str, Any]) -> None:
        payload = json.dumps(dict(data), ensure_ascii=False)
        self._states[key] = (self._clock() + self.ttl_seconds, payload)
        self._wrote()

    async def delete(self, key: StateKey) -> None:
        self._states.pop(key, None)

    async def claim(self, token: str, ttl_seconds: int) -> bool:
        now = self._clock()
        if self._claims.get(token, now) > now:
            return False
        self._claims[token] = now + ttl_seconds
        self._wrote()
        return True

    async def hit(self, counter: str, window_seconds: int) -> int:
        now = self._clock()
        ends_at, count = self._counters.get(counter, (now, 0))
        if now >= ends_at:
            ends_at, count = now + window_seconds, 0
        self._counters[counter] = (ends_at, count + 1)
        self._wrote()
        return count + 1

    async def marks(self, tokens: Sequence[str]) -> list[str | None]:
        now = self._clock()
        found: list[str | None] = []
        for token in tokens:
            entry = self._marks.get(token)
            found.append(entry[1] if entry is not None and entry[0] > now else None)
        return found

    async def mark(self, token: str, value: str, ttl_seconds: int) -> None:
        self._marks[token] = (self._clock() + ttl_seconds, value)
        self._wrote()

    async def save_marked(self, key: StateKey, data: Mapping[str, Any], token: str, value: str,
                          ttl_seconds: int) -> None:
        payload = json.dumps(dict(data), ensure_ascii=False)  # fails before anything is written
        self._states[key] = (self._clock() + self.ttl_seconds, payload)
        await self.mark(token, value, ttl_seconds)

    async def sent(self, update: str) -> set[str]:
        entry = self._sent.get(update)
        return set(entry[1]) if entry is not None and entry[0] > self._clock() else set()

    async def record_sent(self, update: str, messages: Sequence[str], ttl_seconds: int) -> None:
        found = await self.sent(update)
        self._sent[update] = (self._clock() + ttl_seconds, found | set(messages))
        self._wrote()

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        return None

    def _wrote(self) -> None:
        self._writes += 1
        if self._writes % SWEEP_EVERY == 0:
            now = self._clock()
            self._states = {k: v for k, v in self._states.items() if v[0] > now}
            self._counters = {k: v for k, v in self._counters.items() if v[0] > now}
            self._claims = {k: v for k, v in self._claims.items() if v > now}
            self._marks = {k: v for k, v in self._marks.items() if v[0] > now}
            self._sent = {k: v for k, v in self._sent.items() if v[0] > now}
