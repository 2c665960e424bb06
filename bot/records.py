"""A conversation's records in the state store besides its state, by name, in one place: the
runtime and the adapters read and write them, and the worker reads them with each update
(bot/delivery/prefetch.py), so the names must agree."""

from __future__ import annotations

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


def pages_record(key: StateKey) -> StateKey:
    """WhatsApp: the long list on show, for its next page."""
    return StateKey(f"{key.platform}-pages", key.user)
