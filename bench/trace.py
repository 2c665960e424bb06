"""A worker's timeline for the benchmarks: `BENCH_TRACE=<file>` (bench/worker.py) writes one line per step of
each lane, "<perf_counter> <step> <lane or chat> <detail>", when the worker stops. perf_counter is
CLOCK_MONOTONIC, the measuring process's clock too, so the lines line up with when an update was posted.

Steps: `ticket` (a lane taken in; detail 1 for a backlog's ticket), `head` (its head read; detail: updates
queued), `slot?` / `slot` (asking for a worker slot, given it), `update` / `processed` (one update),
`pace` / `paced` (one message waiting for pacing, let go), `lease` (a lease of the shared pacer; who: `backlog` or
`free`; detail: slots asked for, slots now in hand, ms from the call to the first slot).
Found with it: the flood's first second (stop 28, bench/README.md). Costs a list append per step.
"""

from __future__ import annotations

import atexit
import time
from collections.abc import Awaitable, Callable
from typing import Any

_lines: list[tuple[float, str, str, object]] = []


def note(step: str, who: str, detail: object = "") -> None:
    _lines.append((time.perf_counter(), step, who, detail))


def _write(path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(f"{at:.6f} {step} {who} {detail}\n" for at, step, who, detail in _lines)


def install(path: str) -> None:
    """Wrap the worker's steps so that each one notes itself; the timeline is written at exit."""
    from bot.delivery import pacing, sending, turns, worker

    spawn, run_lane, one = worker.Worker._spawn, worker.Worker._run_lane, worker.Worker._one
    take = turns.Turn.take

    def traced_spawn(self: worker.Worker, ticket: Any) -> None:
        note("ticket", ticket.lane, int(ticket.backlog))
        spawn(self, ticket)

    async def traced_run_lane(self: worker.Worker, ticket: Any, head: Any, records: Any) -> Any:
        note("head", ticket.lane, head.queued if head is not None else 0)
        return await run_lane(self, ticket, head, records)

    async def traced_take(self: turns.Turn) -> None:
        if self.held:
            return
        note("slot?", self.who, self.queued)
        await take(self)
        note("slot", self.who, self.queued)

    async def traced_one(self: worker.Worker, head: Any, records: Any, release: Any) -> Any:
        note("update", head.entry.lane)
        try:
            return await one(self, head, records, release)
        finally:
            note("processed", head.entry.lane)

    def traced(wait: Callable[[Any, str], Awaitable[None]]) -> Callable[[Any, str], Awaitable[None]]:
        async def traced_wait(self: Any, chat: str) -> None:
            note("pace", chat)
            await wait(self, chat)
            note("paced", chat)

        return traced_wait

    lease = pacing.SharedPacer._lease

    async def traced_lease(self: pacing.SharedPacer, want: int, backlog: bool = False) -> float | None:
        asked = self.clock()
        first = await lease(self, want, backlog)
        kept = self._backlogged if backlog else self._free
        note("lease", "backlog" if backlog else "free",
             f"{want} {len(kept.slots)} {round((first - asked) * 1000, 1) if first is not None else '-'}")
        return first

    pacing.SharedPacer._lease = traced_lease  # type: ignore[method-assign]
    worker.Worker._spawn = traced_spawn  # type: ignore[method-assign]
    worker.Worker._run_lane = traced_run_lane  # type: ignore[method-assign]
    worker.Worker._one = traced_one  # type: ignore[method-assign]
    turns.Turn.take = traced_take  # type: ignore[method-assign]
    sending.Pacer.wait = traced(sending.Pacer.wait)  # type: ignore[method-assign]
    pacing.SharedPacer.wait = traced(pacing.SharedPacer.wait)  # type: ignore[method-assign]
    atexit.register(_write, path)
