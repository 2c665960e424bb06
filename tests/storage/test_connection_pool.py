"""The case store's PostgreSQL pool under bursts of new conversations (issue 12, "replies late under load").

A phase of users starting together is a burst of new conversations, each reading its draft and its
trusted adults at once (bot/service.py). With overflow, every burst past the pool opened connections
and closed them again: 15, 25, 35, 45 opened over four bursts. A fixed pool opens its connections
once; past it, sessions wait for one instead of failing or connecting. Counted here by the engine's
`connect` event and checked against the server's own list of backends.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bot.settings import Settings
from storage.adults import SqlAdultStore
from storage.cases import SqlCaseStore
from storage.engine import DEFAULT_POOL_SIZE
from storage.factory import build_case_store
from tests.support.databases import fresh_postgres_url

BURSTS = 4
AT_ONCE = 64  # WORKER_CONCURRENCY's default: a worker's slots all taking a new conversation


@dataclass
class PoolWatch:
    """What the engine's pool did: server pids of the connections opened, per burst, and the most out at once."""

    opened: list[int] = field(default_factory=list)
    out: int = 0
    most_out: int = 0

    def attach(self, store: SqlCaseStore) -> None:
        engine = store.engine.sync_engine

        def connected(dbapi_connection: Any, _record: Any) -> None:
            self.opened.append(dbapi_connection.driver_connection.get_server_pid())

        def checked_out(*_: Any) -> None:
            self.out += 1
            self.most_out = max(self.most_out, self.out)

        def checked_in(*_: Any) -> None:
            self.out -= 1

        event.listen(engine, "connect", connected)
        event.listen(engine, "checkout", checked_out)
        event.listen(engine, "checkin", checked_in)


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    async with fresh_postgres_url(migrated=True) as url:
        yield url


def app_store(postgres_url: str, **settings: Any) -> SqlCaseStore:
    """The case store as the app builds it (bot/app.py), from settings."""
    configured = Settings(_env_file=None, database_url=postgres_url, **settings)  # type: ignore[call-arg]
    return build_case_store(configured.database_url, configured.database_pool_size)


async def backends(database_url: str) -> set[int]:
    """The server's backends on the database, seen from a connection of its own (not counted)."""
    engine = create_async_engine(database_url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"))
            return {int(pid) for pid in rows.scalars()}
    finally:
        await engine.dispose()


async def test_bursts_of_new_conversations_open_the_pool_once_and_never_more(postgres_url: str) -> None:
    store = app_store(postgres_url)
    adults = SqlAdultStore(store)
    watch = PoolWatch()
    watch.attach(store)

    async def first_look(user: str) -> None:
        draft, links = await asyncio.gather(store.load_draft("telegram", user), adults.links_of("telegram", user))
        assert draft is None and links == []

    async def held() -> None:
        # A checkout kept across a server round trip, so every burst surely asks for more than the pool.
        async with store.engine.connect() as connection:
            await connection.execute(text("SELECT pg_sleep(0.01)"))

    opened_by_burst: list[int] = []
    try:
        for burst in range(BURSTS):
            await asyncio.gather(*(first_look(f"b{burst}-{n}") for n in range(AT_ONCE)),
                                 *(held() for _ in range(DEFAULT_POOL_SIZE)))
            opened_by_burst.append(len(watch.opened))
        alive = await backends(postgres_url)
    finally:
        await store.close()

    assert opened_by_burst[0] <= DEFAULT_POOL_SIZE
    assert opened_by_burst == [opened_by_burst[0]] * BURSTS, f"connections opened after each burst: {opened_by_burst}"
    assert watch.most_out == DEFAULT_POOL_SIZE  # the bursts filled the pool and waited past it
    assert set(watch.opened) == alive  # kept open, every one of them, and no connection the event missed


async def test_past_the_pool_a_session_waits_for_a_connection_given_back(postgres_url: str) -> None:
    store = app_store(postgres_url, database_pool_size=2)
    watch = PoolWatch()
    watch.attach(store)
    try:
        async with AsyncExitStack() as held:
            first = await held.enter_async_context(store.engine.connect())
            await held.enter_async_context(store.engine.connect())
            third = asyncio.create_task(store.engine.connect().start())
            held.callback(third.cancel)  # if an assertion fails before it is served
            await asyncio.sleep(0.2)
            assert not third.done()  # neither an overflow connection nor an error: it waits
            await first.close()
            connection = await asyncio.wait_for(third, timeout=10)
            held.push_async_callback(connection.close)
            assert await connection.scalar(text("SELECT pg_backend_pid()")) == watch.opened[0]  # the first's
        assert len(watch.opened) == 2
    finally:
        await store.close()


async def test_the_pool_is_sized_by_database_pool_size(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings(_env_file=None).database_pool_size == DEFAULT_POOL_SIZE == 15  # type: ignore[call-arg]
    monkeypatch.setenv("DATABASE_POOL_SIZE", "7")
    store = app_store(postgres_url)
    try:
        assert store.engine.pool.size() == 7
    finally:
        await store.close()
    monkeypatch.setenv("DATABASE_POOL_SIZE", "0")
    with pytest.raises(ValidationError, match="database_pool_size"):
        Settings(_env_file=None)  # type: ignore[call-arg]
