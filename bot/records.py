"""A conversation's records in the state store besides its state, by name, in one place: the
runtime and the adapters read and write them, and the worker reads them with each update
(bot/delivery/prefetch.py), so the names must agree."""

from __future__ import annotations

from dataclasses import dataclass

from storage.base import StateKey


def reach_record(key: StateKey) -> StateKey:
    """Whether the user blocked the bot (written when a platform says so)."""
    return StateKey(f"{key.platform}-reach", key.user)


def keyboard_record(key: StateKey) -> StateKey:
    """Telegram: in which language the persistent SOS keyboard was last shown."""
    return StateKey(f"{key.platform}-keyboard", key.user)


def window_record(key: StateKey) -> StateKey:
    """WhatsApp: when the user last wrote (the 24-hour window)."""
    return StateKey(f"{key.platform}-window", key.user)


@dataclass(frozen=True)
class CounterRecord(StateKey):
    """A rate counter (`StateStore.hit`) read with the update's head like a record: its value, not a
    state. In a worker the count is then taken from it and written with the update's "done"
    (bot/delivery/prefetch.py `ContextStates.hit`), instead of a round trip of its own."""

    @property
    def counter(self) -> str:
        return f"{self.platform}:{self.user}"

    def redis_key(self, prefix: str) -> str:
        return f"{prefix}:hit:{self.counter}"  # the key `RedisStateStore.hit` counts under


def inbound_counter(key: StateKey) -> CounterRecord:
    """The user's messages in the current window (the inbound limit, bot/service.py)."""
    return CounterRecord(f"flood:{key.platform}", key.user)


def pages_record(key: StateKey) -> StateKey:
    """WhatsApp: the long list on show, for its next page."""
    return StateKey(f"{key.platform}-pages", key.user)
