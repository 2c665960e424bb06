"""Routes: per platform, a webhook body into stored updates (`split`), and a stored update back
into the channel's processing (`process`), or into sending a reply that was saved and not yet sent
(`redeliver`). Each stored update is the raw platform JSON of exactly one update, so the worker
reads it with the same adapter code as before.

The pipeline knows routes only through `Route`; each adapter implements it
(`handlers/telegram/route.py`, `handlers/whatsapp/route.py`) and the composition root hands them in.

Lanes (the conversations, processed one at a time in order) are pseudonymous: a private chat's
lane is its conversation (`conv:<platform>:<pseudonym>`, the same name the runtime holds), a
group's `chat:telegram:<pseudonym>`; a WhatsApp delivery status is its own lane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from bot.delivery.intake import Entry, Submission
from bot.delivery.sending import Sender
from bot.service import Reply
from storage.base import StateKey


class Route(Protocol):
    platform: str

    def split(self, parsed: Any, body: bytes) -> list[Submission]: ...

    async def process(self, entry: Entry) -> None: ...

    def records(self, user: str) -> tuple[StateKey, ...]:
        """The records a conversation's update reads besides its state (read with it by the worker)."""
        ...

    async def redeliver(self, entry: Entry, reply: Reply) -> None: ...

    def wrap_senders(self, wrap: Callable[[Sender], Sender]) -> None:
        """Put `wrap(sender)` in place of the channel's senders (the pipeline makes them durable)."""
        ...

    def counters(self) -> dict[str, int]:
        """The channel's counters, flat, for /metrics (no texts, no ids)."""
        ...
