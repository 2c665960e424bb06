"""WhatsApp's 24-hour customer-service window, per user.

A business may send free-form messages only within 24 hours of the user's last message;
after that only an approved template. The last inbound time lives in the state store under
the user's pseudonymous id (never the phone number), so it survives restarts with Redis.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.records import window_record
from storage.base import StateKey, StateStore

WINDOW_SECONDS = 24 * 3600


class CustomerWindow:
    def __init__(self, states: StateStore, clock: Callable[[], float] = time.time,
                 seconds: float = WINDOW_SECONDS) -> None:
        self.states = states
        self.clock = clock
        self.seconds = seconds

    async def touch(self, user: str, sent_at: int | None) -> None:
        """The user wrote at `sent_at` (WhatsApp's timestamp; now when it has none or lies ahead)."""
        now = self.clock()
        at = float(sent_at) if sent_at is not None and sent_at <= now else now
        key = window_record(StateKey("whatsapp", user))
        stored = await self.states.load(key)
        last = float(stored.get("last", 0)) if stored else 0.0
        if at > last:
            await self.states.save(key, {"last": at})

    async def is_open(self, user: str) -> bool:
        stored = await self.states.load(window_record(StateKey("whatsapp", user)))
        if not stored:
            return False
        return self.clock() - float(stored.get("last", 0)) < self.seconds
