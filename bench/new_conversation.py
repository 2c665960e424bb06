"""A new conversation's reads: `.venv/bin/python -m bench.new_conversation` (a few seconds).

Every first message of a conversation (or one whose Redis state expired) asks PostgreSQL for the user's
draft and trusted adults, at once (bot/service.py); nothing else in a walk reads the database before the
reply. A phase of `bench.load` starts its users together, so its first second is a burst of these reads
and its reply tail is made of them (bench/README.md, stop 20). This prints their cost per new
conversation, one after another and 64 at once, in this process's CPU and wall time, and the PostgreSQL
connections the pool opened meanwhile, on a fresh database of the local PostgreSQL (TEST_DATABASE_URL's
server). `--pool-size N`: the case store's pool (DATABASE_POOL_SIZE) instead of the app's default.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from sqlalchemy import event

from bench.procs import Database
from storage.adults import SqlAdultStore
from storage.cases import SqlCaseStore
from storage.engine import DEFAULT_POOL_SIZE
from storage.migrate import migrate

USERS = 400


async def run(pool_size: int) -> None:
    database = await Database().create()
    try:
        await migrate(database.url)
        cases = SqlCaseStore(database.url, pool_size=pool_size)
        adults = SqlAdultStore(cases)
        opened = 0

        def connected(*_: Any) -> None:
            nonlocal opened
            opened += 1

        event.listen(cases.engine.sync_engine, "connect", connected)

        async def first_look(user: str) -> None:
            await asyncio.gather(cases.load_draft("telegram", user), adults.links_of("telegram", user))

        # The statements compiled and cached; two connections opened (the first burst opens the rest of the
        # pool, which the "64 at once" rounds count).
        for n in range(20):
            await first_look(f"warm{n}")
        for label, at_once in (("one after another", 1), ("64 at once", 64)):
            for rounds in range(2):
                wall, cpu, opened_before = time.perf_counter(), time.process_time(), opened
                for start in range(0, USERS, at_once):
                    await asyncio.gather(*(first_look(f"{label}{rounds}-{n}")
                                           for n in range(start, min(USERS, start + at_once))))
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                print(f"{label:<18} {wall / USERS * 1000:5.2f} ms wall, {cpu / USERS * 1000:5.2f} ms CPU "
                      f"per new conversation ({USERS}), {opened - opened_before:3d} connections opened")
        await cases.engine.dispose()
    finally:
        await database.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pool-size", type=int, default=DEFAULT_POOL_SIZE,
                        help=f"PostgreSQL connections kept by the case store (default {DEFAULT_POOL_SIZE})")
    asyncio.run(run(parser.parse_args().pool_size))
