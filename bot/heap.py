"""The heap of a long-running process once it has started: frozen, so the collector stops walking it."""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect once, then move every object alive now into the collector's permanent generation.

    A started worker holds some 200,000 objects that live as long as it does (aiogram's and pydantic's
    models, the phrase lists, SQLAlchemy's mappings); every full collection walked them all, 110-350 ms
    in which the process answered nobody, about once a second under load (bench/README.md, stop 20).
    Frozen, they are never collected, which costs nothing: they were never garbage. Called by the
    long-running entry points only (`serve`, `worker`), not by tests that build many applications.
    """
    gc.collect()
    gc.freeze()
