"""The PostgreSQL pool pings a connection before use only when it has been idle (storage/engine.py
`PING_AFTER_IDLE_SECONDS`; docs/decisions.md): one used a moment ago goes without the ping's three round trips,
and one whose server process ended while it was idle (a restarted server, a proxy's idle timeout) is replaced
before a statement fails on it. Against the real server: its backend is ended with `pg_terminate_backend`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import make_engine
from tests.support.pg_round_trips import count_round_trips, round_trips


@asynccontextmanager
async def _pool(url: str, ping_after: float) -> AsyncIterator[AsyncEngine]:
    """A one-connection pool on the test database, pinging connections idle `ping_after` seconds."""
    engine = make_engine(url, pool_size=1, ping_after_idle_seconds=ping_after)
    try:
        yield engine
    finally:
        await engine.dispose()


async def _backend(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def _end_backend(postgres_database: str, pid: int) -> None:
    async with _pool(postgres_database, 60.0) as other, other.connect() as connection:
        assert (await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})).scalar_one()


async def test_a_connection_used_a_moment_ago_is_not_pinged(postgres_database: str) -> None:
    for ping_after, expected in ((60.0, 3), (0.0, 6)):  # BEGIN, the statement, ROLLBACK; and the ping's three
        async with _pool(postgres_database, ping_after) as engine:
            counts = count_round_trips(engine)
            for _ in range(2):  # connects, then prepares the statement (and the ping's, when it pings)
                await _backend(engine)
            counts.clear()
            await _backend(engine)
            assert round_trips(counts) == expected, (ping_after, counts)


async def test_an_idle_connection_whose_server_process_ended_is_replaced(postgres_database: str) -> None:
    async with _pool(postgres_database, 0.2) as engine:
        first = await _backend(engine)
        await _end_backend(postgres_database, first)
        await asyncio.sleep(0.3)  # idle past the threshold: pinged, found dead, replaced
        assert await _backend(engine) != first


async def test_without_the_ping_the_dead_connection_fails_its_statement(postgres_database: str) -> None:
    # What the ping saves: the same dead connection, used within the idle threshold, fails its statement (as
    # an outage: the worker retries it), and the pool is connected again for the next one.
    async with _pool(postgres_database, 60.0) as engine:
        first = await _backend(engine)
        await _end_backend(postgres_database, first)
        with pytest.raises(DBAPIError) as failed:
            await _backend(engine)
        assert failed.value.connection_invalidated
        assert await _backend(engine) != first
