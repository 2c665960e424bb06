"""A new conversation's reads: `.venv/bin/python -m bench.new_conversation` (about ten seconds).

Every first message of a conversation (or one whose Redis state expired) asks PostgreSQL for the user's
draft and trusted adults (bot/service.py); nothing else in a walk reads the database before the reply. A
phase of `bench.load` starts its users together, so its first second is a burst of these reads and its
reply tail is made of them (bench/README.md, stops 20 and 23). This prints their cost per new
conversation, one after another and 64 at once, in this process's CPU and wall time, the PostgreSQL
connections the pool opened meanwhile, and per new conversation the connections taken from the pool and
the round trips to the server (tests/support/pg_round_trips.py), on a fresh database of the local
PostgreSQL (TEST_DATABASE_URL's server), for each way of reading:

- "apart": the draft and the adults on two connections at once (`load_draft`, `links_of`: before stop 23);
- "one connection": both statements, one after the other, on one connection (a step between, not adopted);
- "one statement": the app's way since stop 23 (storage/first_look.py).

`--pool-size N`: the case store's pool (DATABASE_POOL_SIZE) instead of the app's default.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import event, select

from bench.procs import Database
from storage.adults import SqlAdultStore
from storage.base import StateKey
from storage.cases import SqlCaseStore
from storage.engine import DEFAULT_POOL_SIZE
from storage.first_look import SqlFirstLook
from storage.migrate import migrate
from storage.models import AdultLink, Draft
from tests.support.pg_round_trips import count_round_trips, round_trips

USERS = 400


def readers(cases: SqlCaseStore) -> dict[str, Callable[[str], Awaitable[object]]]:
    adults, together = SqlAdultStore(cases), SqlFirstLook(cases)

    async def apart(user: str) -> object:
        return await asyncio.gather(cases.load_draft("telegram", user), adults.links_of("telegram", user))

    async def one_connection(user: str) -> object:
        async with cases.engine.connect() as connection:
            draft = await connection.scalar(select(Draft.data).where(Draft.platform == "telegram",
                                                                     Draft.user_id == user))
            links = await connection.execute(select(*AdultLink.__table__.columns)
                                             .where(AdultLink.child_platform == "telegram",
                                                    AdultLink.child_user == user)
                                             .order_by(AdultLink.created_at, AdultLink.id))
            return draft, links.all()

    async def one_statement(user: str) -> object:
        return await together.first_look(StateKey("telegram", user))

    return {"apart": apart, "one connection": one_connection, "one statement": one_statement}


async def run(pool_size: int) -> None:
    database = await Database().create()
    try:
        await migrate(database.url)
        cases = SqlCaseStore(database.url, pool_size=pool_size)
        counts = count_round_trips(cases.engine)
        opened = 0

        def connected(*_: Any) -> None:
            nonlocal opened
            opened += 1

        event.listen(cases.engine.sync_engine, "connect", connected)
        ways = readers(cases)
        # The statements compiled, cached and prepared on a few connections (the first burst opens the rest
        # of the pool, which the first "64 at once" round counts).
        for name, read in ways.items():
            for n in range(20):
                await read(f"warm-{name}-{n}")
        for label, at_once in (("one after another", 1), ("64 at once", 64)):
            for rounds in range(2):
                for name, read in ways.items():
                    counts.clear()
                    wall, cpu, opened_before = time.perf_counter(), time.process_time(), opened
                    for start in range(0, USERS, at_once):
                        await asyncio.gather(*(read(f"{name}-{label}{rounds}-{n}")
                                               for n in range(start, min(USERS, start + at_once))))
                    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                    print(f"{label:<18} {name:<15} {wall / USERS * 1000:5.2f} ms wall, "
                          f"{cpu / USERS * 1000:5.2f} ms CPU per new conversation ({USERS}); per one: "
                          f"{counts['checkout'] / USERS:4.2f} checkouts, {round_trips(counts) / USERS:5.2f} "
                          f"round trips; {opened - opened_before:3d} connections opened")
        await cases.engine.dispose()
    finally:
        await database.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pool-size", type=int, default=DEFAULT_POOL_SIZE,
                        help=f"PostgreSQL connections kept by the case store (default {DEFAULT_POOL_SIZE})")
    asyncio.run(run(parser.parse_args().pool_size))
