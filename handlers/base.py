"""What every platform adapter offers the composition root."""

from __future__ import annotations

from typing import Protocol


class Channel(Protocol):
    """A connected platform: it receives updates (webhook or polling) and sends replies."""

    platform: str

    async def close(self) -> None:
        """Release connections (HTTP sessions, background tasks)."""
        ...
