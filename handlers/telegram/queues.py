"""In-process work behind the webhook: one chat's updates one at a time, in arrival order
(a reply is sent before the next message of that chat is read); chats in parallel.

Every task is tracked, so shutdown waits for the updates already accepted. The queue is
in memory: an update accepted and not yet processed when the process dies is lost (a
durable queue is a later issue; see docs/telegram.md).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]
MAX_PENDING = 10_000  # accepted and not yet processed, over all chats


class ChatQueues:
    def __init__(self, max_pending: int = MAX_PENDING) -> None:
        self.max_pending = max_pending
        self._queues: dict[str, deque[Job]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._pending = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def pending(self) -> int:
        return self._pending

    def full(self) -> bool:
        return self._pending >= self.max_pending

    def submit(self, chat: str, job: Job) -> None:
        """Queue `job` behind the chat's earlier jobs; start the chat's worker if it has none."""
        self._pending += 1
        self._idle.clear()
        queue = self._queues.get(chat)
        if queue is not None:
            queue.append(job)
            return
        self._queues[chat] = deque([job])
        task = asyncio.create_task(self._drain(chat), name=f"telegram-chat-{len(self._tasks)}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _drain(self, chat: str) -> None:
        queue = self._queues[chat]
        try:
            while queue:
                job = queue.popleft()
                try:
                    await job()
                except Exception as error:  # one failed update must not stop the chat's queue
                    log.error("telegram update failed", extra={"error": type(error).__name__})
                    log.debug("telegram update failure", exc_info=True)
                finally:
                    self._pending -= 1
        finally:
            del self._queues[chat]
            if not self._queues:
                self._idle.set()

    async def wait_idle(self) -> None:
        """Until every accepted job has run."""
        await self._idle.wait()

    async def close(self, grace: float) -> None:
        """Let in-flight work finish for up to `grace` seconds, then cancel the rest."""
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=grace)
        for task in pending:
            task.cancel()
        if pending:
            log.warning("telegram updates cancelled at shutdown", extra={"count": self._pending})
            await asyncio.gather(*pending, return_exceptions=True)
