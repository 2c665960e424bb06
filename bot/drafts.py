"""The case store's copy of unfinished reports: written through, or behind.

The draft lives in the conversation state; the case store keeps a copy so that it outlives the state
(an expired state, or a restart of the embedded default, whose state is in memory).

- `WriteThrough` (memory state): every change is written at once, as that copy is the only durable one.
- `DraftKeeper` (durable Redis state): the state already holds the draft durably, so the copy may lag
  by a few seconds. Only the newest draft of each conversation is kept, and all of them are written
  every `interval` seconds in one transaction: a few statements instead of one per step.

See docs/storage.md ("Drafts") and docs/decisions.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, Protocol

from storage.base import CaseStore, DraftChange, StateKey
from storage.models import utcnow

log = logging.getLogger(__name__)

FENCE_SECONDS = 30.0  # how long a filed or erased conversation's older drafts keep being deleted


class DraftPort(Protocol):
    """The drafts as `ConversationService` uses them."""

    async def load(self, key: StateKey) -> dict[str, Any] | None:
        """The conversation's newest draft, including one not written yet."""
        ...

    async def put(self, key: StateKey, draft: Mapping[str, Any]) -> None:
        """The draft changed; an empty one drops it."""
        ...

    def unwritten(self, key: StateKey) -> DraftChange | None:
        """The conversation's newest change not in the case store yet (its draft None: dropped), which
        wins over what the store holds; None when the store has the newest."""
        ...

    def forget(self, key: StateKey) -> None:
        """The case store dropped the draft itself (case filed, data deleted): nothing older may come back."""
        ...

    async def close(self) -> None: ...


class WriteThrough:
    """Every change written at once (the embedded default)."""

    def __init__(self, cases: CaseStore) -> None:
        self.cases = cases

    async def load(self, key: StateKey) -> dict[str, Any] | None:
        return await self.cases.load_draft(key.platform, key.user)

    async def put(self, key: StateKey, draft: Mapping[str, Any]) -> None:
        if draft:
            await self.cases.save_draft(key.platform, key.user, draft)
        else:
            await self.cases.drop_draft(key.platform, key.user)

    def unwritten(self, key: StateKey) -> DraftChange | None:
        return None  # every change is written before `put` returns

    def forget(self, key: StateKey) -> None:
        pass  # nothing is pending: file_case and forget_user dropped the draft in their transaction

    def start(self) -> None:
        pass

    async def close(self) -> None:
        pass


class DraftKeeper:
    """Write-behind: the newest change per conversation, written every `interval` seconds.

    Each change carries the time it was made, and the store applies it only over an older row, so
    of two processes holding changes of one conversation (it moved between workers) the newer wins,
    whichever writes last. A drop cannot leave such a mark, so `forget` sets a fence: for
    `fence_seconds`, every flush deletes the conversation's drafts older than the fence, undoing a
    save that was already on its way (this process's flush under way, or another process's).
    """

    def __init__(self, cases: CaseStore, *, interval: float = 2.0, fence_seconds: float = FENCE_SECONDS,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.cases = cases
        self.interval = interval
        self.fence_seconds = fence_seconds
        self._clock = clock
        self._pending: dict[StateKey, DraftChange] = {}
        self._writing: dict[StateKey, DraftChange] = {}  # the flush under way: still read, restored if it fails
        self._fences: dict[StateKey, DraftChange] = {}
        self._lock = asyncio.Lock()  # one flush at a time, so batches land in order
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def pending(self) -> int:
        """Conversations whose newest draft is not written yet."""
        return len(self._pending) + len(self._writing)

    async def load(self, key: StateKey) -> dict[str, Any] | None:
        change = self.unwritten(key)
        if change is not None:  # read-your-writes: the case store may not have it yet
            return dict(change.draft) if change.draft else None
        return await self.cases.load_draft(key.platform, key.user)

    def unwritten(self, key: StateKey) -> DraftChange | None:
        # The flush under way too: until it has succeeded, the store may not have its drafts.
        return self._pending.get(key) or self._writing.get(key)

    async def put(self, key: StateKey, draft: Mapping[str, Any]) -> None:
        at = self._clock()
        fence = self._fences.get(key)
        if fence is not None and at <= fence.at:  # a clock step back (or a coarse clock) must not let the fence win
            at = fence.at + timedelta(microseconds=1)
        # A shallow copy suffices: the engine replaces a draft's values, never changes them in place.
        self._pending[key] = DraftChange(key.platform, key.user, dict(draft) or None, at)

    def forget(self, key: StateKey) -> None:
        self._pending.pop(key, None)
        self._writing.pop(key, None)  # kept out of a failed flush's retry; a flush that succeeds, the fence undoes
        self._fences[key] = DraftChange(key.platform, key.user, None, self._clock())

    def start(self) -> None:
        if self._task is None:
            self._stop.clear()
            self._task = asyncio.create_task(self._run(), name="draft-keeper")

    async def close(self) -> None:
        """Stop the loop and write what is pending (before the case store closes)."""
        self._stop.set()
        if self._task is not None:
            await self._task
            self._task = None
        if not await self.flush():
            log.error("drafts not written at shutdown; their conversation states still hold them",
                      extra={"drafts": self.pending})

    async def flush(self) -> bool:
        """Write the pending changes and fences in one transaction. False if that failed: they are
        kept for the next flush (a change made meanwhile wins over the one kept)."""
        async with self._lock:
            if not self._pending and not self._fences:
                return True
            now = self._clock()
            self._writing, self._pending = self._pending, {}
            # Fences first: at an equal time a newer save of the same conversation wins (storage/drafts.py).
            batch = [*self._fences.values(), *self._writing.values()]
            try:
                await self.cases.write_drafts(batch)
            except BaseException as error:
                for key, change in self._writing.items():
                    self._pending.setdefault(key, change)
                self._writing = {}
                if not isinstance(error, Exception):
                    raise
                # The type only: a database error's text can quote the draft.
                log.warning("drafts not written; retrying at the next flush",
                            extra={"drafts": len(self._pending), "error": type(error).__name__})
                return False
            self._writing = {}
            oldest = now - timedelta(seconds=self.fence_seconds)
            self._fences = {key: fence for key, fence in self._fences.items() if fence.at > oldest}
            return True

    async def _run(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.interval)
            if self._stop.is_set():
                return  # close() writes the rest
            try:
                await self.flush()
            except Exception as error:  # never let the loop die: the drafts would stop being written
                log.error("draft flush failed", extra={"error": type(error).__name__})


def build_drafts(cases: CaseStore, *, durable_state: bool, interval: float) -> WriteThrough | DraftKeeper:
    """Write-behind only when the state store keeps drafts durably (Redis) and `interval` > 0."""
    if durable_state and interval > 0:
        return DraftKeeper(cases, interval=interval)
    return WriteThrough(cases)
