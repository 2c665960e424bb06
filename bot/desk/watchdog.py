"""No one left waiting: a periodic task that re-alerts and re-offers.

Every `interval` seconds it looks for critical cases nobody took within CRITICAL_REALERT_MINUTES
(the group is alerted again, the user told again where to get help now) and for taken cases
whose user has waited OPERATOR_SILENCE_MINUTES for an answer (offered to the other operators).
Tests call `tick()` directly with the clock they control; nothing waits for real.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.desk.desk import OperatorDesk

log = logging.getLogger(__name__)

CHECK_SECONDS = 30.0


class Watchdog:
    def __init__(self, desk: OperatorDesk, *, realert_after: timedelta, silence_after: timedelta,
                 interval: float = CHECK_SECONDS, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.desk = desk
        self.realert_after = realert_after
        self.silence_after = silence_after
        self.interval = interval
        self.sleep = sleep
        self._task: asyncio.Task[None] | None = None

    async def tick(self) -> int:
        """One round; returns how many escalations it acted on."""
        acted = 0
        for escalation in await self.desk.store.due_realerts(self.realert_after):
            acted += await self._guarded(self.desk.realert(escalation))
        for escalation in await self.desk.store.silent(self.silence_after):
            acted += await self._guarded(self.desk.reoffer(escalation))
        return acted

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="operator-watchdog")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        while True:
            await self.sleep(self.interval)
            try:
                await self.tick()
            except Exception as error:  # a database hiccup must not end the watch
                log.error("operator watchdog round failed", extra={"error": type(error).__name__})

    @staticmethod
    async def _guarded(work: Awaitable[None]) -> int:
        try:
            await work
        except Exception as error:  # one case failing must not keep the others waiting
            log.error("operator watchdog could not act on a case", extra={"error": type(error).__name__})
            return 0
        return 1
