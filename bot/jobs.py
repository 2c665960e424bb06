"""Background work in order per key (one escalation's posts), keys in parallel, tracked for shutdown.

The desk posts to the operator group behind the user's reply, so a slow or failing Telegram
never delays or breaks a child's conversation; per key, the order is kept (the topic is made
before the card, the card before the messages relayed into it).
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections import deque
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]


MAX_PENDING = 10_000  # accepted and not yet run, over all keys


class SerialJobs:
    """Jobs run one at a time per key, in submission order; keys run in parallel.

    `fresh_context` starts each key's worker in an empty context, so it inherits no
    conversation hold or update context from whoever submitted it (the desk's posts);
    otherwise the worker copies the submitter's context, as asyncio does by default.
    """

    def __init__(self, name: str = "jobs", *, max_pending: int = MAX_PENDING, fresh_context: bool = True) -> None:
        self.name = name
        self.max_pending = max_pending
        self.fresh_context = fresh_context
        self._queues: dict[str, deque[Job]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._pending = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def pending(self) -> int:
        """Jobs submitted and not yet finished."""
        return self._pending

    def full(self) -> bool:
        return self._pending >= self.max_pending

    def submit(self, key: str, job: Job) -> None:
        self._pending += 1
        self._idle.clear()
        queue = self._queues.get(key)
        if queue is not None:
            queue.append(job)
            return
        self._queues[key] = deque([job])
        # A fresh context: the job must not inherit the submitting update's conversation hold or
        # update context (bot/delivery/ordering.py, bot/context.py), whose conversation it does not own.
        context = contextvars.Context() if self.fresh_context else None
        task = asyncio.create_task(self._drain(key), name=f"{self.name}-{key[:8]}", context=context)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _drain(self, key: str) -> None:
        queue = self._queues[key]
        try:
            while queue:
                job = queue.popleft()
                try:
                    await job()
                except Exception as error:  # one failed job must not stop the ones behind it
                    log.error("%s: background job failed", self.name, extra={"error": type(error).__name__})
                    log.debug("%s: background job failure", self.name, exc_info=True)
                finally:
                    self._pending -= 1
        finally:
            del self._queues[key]
            if not self._queues:
                self._idle.set()

    async def wait_idle(self) -> None:
        """Until every submitted job has run (tests; shutdown)."""
        await self._idle.wait()

    async def close(self, grace: float = 10.0) -> None:
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=grace)
        for task in pending:
            task.cancel()
        if pending:
            log.warning("%s: background jobs cancelled at shutdown", self.name, extra={"count": len(pending)})
            await asyncio.gather(*pending, return_exceptions=True)
