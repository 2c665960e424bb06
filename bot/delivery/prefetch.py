"""Conversation records read with the update, instead of one round trip each.

A worker reads an update's head together with the records its processing is known to read
(the conversation state, the reachability and keyboard flags, WhatsApp's window and list pages, the
inbound limit's counter) in the same Redis script, while it holds the conversation
(bot/delivery/intake_redis.py). They travel
in the update's context (`UpdateContext.known`); `ContextStates` answers `load` from there and
keeps them current on every write, so the runtime and the adapters read the stores as before.

This is safe because the lane stays held from that read to the end of the update: nobody else
writes a conversation's records while its lane is held (the runtime's own `hold` is the same lock).

Every write first records the reply's last message if it was left for "done" (bot/delivery/outbox.py
`flush_sent`): a write after the reply (the SOS keyboard shown, the user gone) does not hold it up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.context import UpdateContext, current_update
from bot.delivery.outbox import flush_sent
from bot.records import CounterRecord
from storage.base import StateKey, StateStore
from storage.redis_state import decode_state, encode_state


class ContextStates:
    """A `StateStore` that serves `load` from the current update's prefetched records."""

    def __init__(self, inner: StateStore) -> None:
        self.inner = inner

    async def load(self, key: StateKey) -> dict[str, Any] | None:
        context = current_update()
        if context is not None and key in context.known:
            payload = context.known[key]
            if payload is None:
                return None
            return decode_state(payload)  # a fresh copy each time, as from the store
        return await self.inner.load(key)

    async def save(self, key: StateKey, data: Mapping[str, Any]) -> None:
        await flush_sent()
        await self.inner.save(key, data)
        _remember(key, data)

    async def delete(self, key: StateKey) -> None:
        await flush_sent()
        await self.inner.delete(key)
        _remember(key, None)

    async def claim(self, token: str, ttl_seconds: int) -> bool:
        await flush_sent()
        return await self.inner.claim(token, ttl_seconds)

    async def hit(self, counter: str, window_seconds: int) -> int:
        """From the counter read with the head, when it was (the lane is held: nobody else counts
        for this conversation meanwhile); the count itself is written with the update's "done". An
        update that fails before "done" is not counted, and is when retried: once in all."""
        context = current_update()
        record = _counter_in(context, counter) if context is not None else None
        if context is None or record is None:
            await flush_sent()
            return await self.inner.hit(counter, window_seconds)
        count = int(context.known[record] or 0) + 1
        context.known[record] = str(count)
        context.counted.append((counter, window_seconds))
        return count

    async def marks(self, tokens: Sequence[str]) -> list[str | None]:
        return await self.inner.marks(tokens)

    async def mark(self, token: str, value: str, ttl_seconds: int) -> None:
        await flush_sent()
        await self.inner.mark(token, value, ttl_seconds)

    async def save_marked(self, key: StateKey, data: Mapping[str, Any], token: str, value: str,
                          ttl_seconds: int) -> None:
        await flush_sent()
        await self.inner.save_marked(key, data, token, value, ttl_seconds)
        _remember(key, data)

    async def sent(self, update: str) -> set[str]:
        return await self.inner.sent(update)

    async def record_sent(self, update: str, messages: Sequence[str], ttl_seconds: int) -> None:
        await self.inner.record_sent(update, messages, ttl_seconds)

    async def ping(self) -> bool:
        return await self.inner.ping()

    async def close(self) -> None:
        await self.inner.close()


def _counter_in(context: UpdateContext, counter: str) -> CounterRecord | None:
    for key in context.known:
        if isinstance(key, CounterRecord) and key.counter == counter:
            return key
    return None


def _remember(key: StateKey, data: Mapping[str, Any] | None) -> None:
    context = current_update()
    if context is not None and key in context.known:
        context.known[key] = None if data is None else encode_state(data)
