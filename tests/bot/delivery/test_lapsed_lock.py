"""A lane whose lock lapsed while one of the worker's own tasks still works on it is not taken again by that
worker (issue 12, "Sent twice"). Redis down for longer than LOCK_TIMEOUT_SECONDS: the lock expires there, while
the task that sent a reply's message waits for the store to come back to record it. A reclaimed ticket of the
same lane then found the lock free, rendered the head's saved reply again and sent what was not recorded yet:
seen in test_outages.py's Redis outage, one run in many, and every few runs with the outage a little longer than
the lock. Counted without timing: how often the lane's head is processed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import cast

from bot.delivery.intake import Entry, MemoryIntake, Submission, Ticket
from bot.delivery.metrics import Metrics
from bot.delivery.ordering import Acquire, LocalOrdering
from bot.delivery.routes import Route
from bot.delivery.worker import Worker
from storage.memory import MemoryStateStore

LANE = "conv:telegram:child"


class LapsedOrdering(LocalOrdering):
    """Every lane's lock is free to take, as one that expired in Redis during an outage is."""

    @asynccontextmanager
    async def lane(self, name: str, acquire: Acquire | None = None) -> AsyncIterator[bool]:
        yield True


class Stalled:
    """A route whose first processing waits (as a task waits for the store to record a sent message) until told."""

    platform = "telegram"

    def __init__(self) -> None:
        self.processed: list[str] = []
        self.started = asyncio.Event()
        self.go_on = asyncio.Event()

    async def process(self, entry: Entry) -> None:
        self.processed.append(entry.key)
        if len(self.processed) == 1:
            self.started.set()
            await self.go_on.wait()


async def test_a_lane_still_worked_on_here_is_not_taken_again_when_its_lock_lapsed() -> None:
    queue, route = MemoryIntake(), Stalled()
    worker = Worker(queue, LapsedOrdering(), MemoryStateStore(), {"telegram": cast(Route, route)}, Metrics())
    await queue.submit([Submission("telegram", "update:1", LANE, "{}")])
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))
    try:
        await asyncio.wait_for(route.started.wait(), 5)
        # The lane's ticket, reclaimed while its first task still waits: it must leave the lane to that task.
        await asyncio.wait_for(worker.drain(Ticket(LANE, reclaimed=True)), 5)
        assert route.processed == ["update:1"]
        route.go_on.set()
        await asyncio.wait_for(worker.wait_idle(), 5)
    finally:
        route.go_on.set()
        stop.set()
        await running
    assert route.processed == ["update:1"]
    assert await queue.head(LANE) is None  # and the update was finished, once
