"""A worker's lanes in hand beside a flood (issue 12, "Abuse and bad input"): lanes with a backlog hold at
most all but WORKER_CONCURRENCY of them, so a child's new lane is taken in at once, even when the flood's
lanes came in as new lanes themselves (each flooding account's first ticket is a new lane's: its thousand
messages come at once). Counted, not timed: how many of the flood's updates are processed before the
child's. The whole pipeline beside a flood: test_fair_turns.py; the reply times: bench/flood.py."""

from __future__ import annotations

import asyncio
from typing import cast

from bot.delivery.intake import Entry, MemoryIntake, Submission
from bot.delivery.metrics import Metrics
from bot.delivery.ordering import LocalOrdering
from bot.delivery.routes import Route
from bot.delivery.sending import Pacer, parked
from bot.delivery.worker import Worker
from storage.memory import MemoryStateStore

FLOOD = [f"conv:telegram:flood{n}" for n in range(6)]
CHILD = "conv:telegram:child"


class Flood:
    """A route that records the order updates were processed in. The flood's updates wait `pacing` seconds
    for their turn to send (the worker slot given back meanwhile, as bot/delivery/sending.py does); every
    update keeps its slot busy `work` seconds."""

    platform = "telegram"

    def __init__(self, *, pacing: float = 0.0, work: float = 0.0) -> None:
        self.pacing, self.work = pacing, work
        self.done: list[str] = []

    async def process(self, entry: Entry) -> None:
        if entry.lane != CHILD and self.pacing:
            async with parked():
                await asyncio.sleep(self.pacing)
        if self.work:
            await asyncio.sleep(self.work)
        self.done.append(entry.lane)


async def _run_until_child(queue: MemoryIntake, route: Flood) -> int:
    """Run a one-slot worker (four lanes in hand at most, three of them lanes with a backlog) until the
    child's update is processed; the flood's updates processed first."""
    flood_first = await _worker_until_child(queue, route, route.done, concurrency=1)
    print("flood updates processed before the child's:", flood_first)
    return flood_first


async def _worker_until_child(queue: MemoryIntake, route: object, order: list[str], *, concurrency: int = 64,
                              grace_seconds: float | None = None) -> int:
    """Run a worker on `route` until the child's lane shows in `order` (what the route records); its place there."""
    worker = Worker(queue, LocalOrdering(), MemoryStateStore(), {"telegram": cast(Route, route)}, Metrics(),
                    concurrency=concurrency)
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop, grace_seconds))
    try:
        for _ in range(500):
            if CHILD in order:
                break
            await asyncio.sleep(0.01)
    finally:
        stop.set()
        await running
    assert CHILD in order
    return order.index(CHILD)


async def test_a_childs_new_lane_is_taken_in_beside_a_floods_new_lanes() -> None:
    queue, route = MemoryIntake(), Flood(pacing=0.1)
    await queue.submit([Submission("telegram", f"{lane}:{n}", lane, "{}") for lane in FLOOD for n in range(10)])
    await queue.submit([Submission("telegram", "child:1", CHILD, "{}")])  # behind the six flood lanes' tickets
    flood_first = await _run_until_child(queue, route)
    # Before (lanes counted by their ticket alone): the four lanes in hand were the flood's first four, each
    # held for its fair share (0.25 s), and the child's ticket waited behind the other two: 12 of the flood's
    # updates went first.
    assert flood_first <= 3, route.done[:flood_first + 1]


async def test_lanes_waiting_for_pacing_leave_their_place_to_a_childs_new_lane() -> None:
    # Six accounts with one update each (new conversations, no backlog), each waiting long for the overall
    # rate (as a flood's first replies do, forty new conversations at once), then the child.
    queue, route = MemoryIntake(), Flood(pacing=0.5)
    await queue.submit([Submission("telegram", f"{lane}:0", lane, "{}") for lane in FLOOD])
    await queue.submit([Submission("telegram", "child:1", CHILD, "{}")])
    flood_first = await _run_until_child(queue, route)
    # Before (the parked lanes held their places): the four places went to the first four accounts, all
    # waiting half a second for the rate, and the child's lane was taken only when they were done: 4 first.
    assert flood_first == 0, route.done


async def test_a_lane_waits_for_a_slot_ranked_by_the_backlog_read_with_its_head() -> None:
    queue, route = MemoryIntake(), Flood(work=0.03)  # work, not waiting: every update keeps the slot busy
    await queue.submit([Submission("telegram", f"{lane}:{n}", lane, "{}") for lane in FLOOD[:4] for n in range(10)])
    await queue.submit([Submission("telegram", "child:1", CHILD, "{}")])
    flood_first = await _run_until_child(queue, route)
    # The first flood lane holds the one slot for its fair share (0.25 s: about eight updates); then the
    # child's lane, one update queued, goes before the three other flood lanes with ten each. Before (a lane
    # asked for its slot before its head was read, so every lane ranked as one with nothing queued): after
    # all four flood lanes' fair shares, 32 updates (now 8-9).
    assert flood_first <= 10, route.done[:flood_first + 1]


class FillingFlood:
    """A route whose flood lanes fill up while their first update is processed (the account's other messages
    stored meanwhile, as a flood's are), then send one reply each through `pacer`; the child's lane sends one.
    Records the order the replies went in."""

    platform = "telegram"

    def __init__(self, queue: MemoryIntake, pacer: Pacer) -> None:
        self.queue, self.pacer = queue, pacer
        self.sent: list[str] = []

    async def process(self, entry: Entry) -> None:
        if entry.lane != CHILD and entry.key.endswith(":0"):
            await self.queue.submit([Submission("telegram", f"{entry.lane}:{n}", entry.lane, "{}")
                                     for n in range(1, 10)])
        await self.pacer.wait(entry.lane)
        self.sent.append(entry.lane)


async def test_a_floods_first_replies_are_paced_as_a_backlog_once_their_lanes_fill() -> None:
    """The lane's updates queued are read again when its reply waits for the overall rate (issue 12): a flood's
    new conversations, their heads read with one update queued, have ten by their first replies, and a child's
    reply goes before those. Before (0c62007) they counted as chats without a backlog, and the child's reply
    took its turn after all six (bench.flood: normal replies 0.2-1.3 s late in some runs)."""
    queue = MemoryIntake()
    route = FillingFlood(queue, Pacer(per_chat=0.0, global_rate=20.0))
    await queue.submit([Submission("telegram", f"{lane}:0", lane, "{}") for lane in FLOOD])
    await queue.submit([Submission("telegram", "child:1", CHILD, "{}")])
    # The flood's rest is not waited for at the end.
    flood_first = await _worker_until_child(queue, route, route.sent, grace_seconds=0.5)
    print("flood replies sent before the child's:", flood_first)
    assert flood_first <= 1, route.sent[:flood_first + 1]
