"""One crisis reading per incoming message, shared by whoever asks.

The crisis reader (flows/crisis.py, with its learned scorer) is the costliest pure step of a turn.
The runtime's flood check and the engine's several paths (first message, typed text, text while
waiting for a person, an alert's note, a caption) all need the same answer for the same message:
a `Reading` is made once per incoming event, passed along, and reads the text at most once, on
first use, so a press or a command nobody reads for danger costs nothing.
"""

from __future__ import annotations

from flows.crisis import CrisisSignal, detect
from flows.events import Event, Media, Text


class Reading:
    """The crisis reading of one message's text (a text message's words, a file's caption)."""

    __slots__ = ("_done", "_signal", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._done = False
        self._signal: CrisisSignal | None = None

    @classmethod
    def of(cls, event: Event) -> Reading:
        """The reading of an event's words; events without words read as calm."""
        if isinstance(event, Text):
            return cls(event.text)
        if isinstance(event, Media):
            return cls(event.caption or "")
        return cls("")

    @property
    def signal(self) -> CrisisSignal | None:
        """The most serious signal in the text, or None when calm; read on first use only."""
        if not self._done:
            self._signal = detect(self.text) if self.text else None
            self._done = True
        return self._signal
