"""Every storage test runs over every backend: memory and Redis; SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from storage.base import StateStore
from storage.cases import SqlCaseStore
from storage.memory import MemoryStateStore
from storage.migrate import migrate
from storage.models import Base
from storage.redis_state import RedisStateStore
from tests.support.databases import fresh_postgres_url, redis_url

# -- conversation state ------------------------------------------------------------------------


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass(frozen=True)
class StateBackend:
    """Builds stores of one backend and lets time pass for them."""

    name: str
    make: Callable[[float], StateStore]  # ttl_seconds -> store
    elapse: Callable[[float], Awaitable[None]]


@pytest.fixture(params=["memory", "redis"])
async def state_backend(request: pytest.FixtureRequest) -> AsyncIterator[StateBackend]:
    if request.param == "memory":
        clock = FakeMonotonic()

        async def advance(seconds: float) -> None:
            clock.now += seconds

        yield StateBackend("memory", lambda ttl: MemoryStateStore(ttl, clock=clock), advance)
        return

    async with redis_url() as target:
        made: list[RedisStateStore] = []

        def make(ttl: float) -> StateStore:
            made.append(RedisStateStore(target.url, target.prefix, ttl))
            return made[-1]

        try:
            yield StateBackend("redis", make, asyncio.sleep)  # Redis expires keys by its own clock
        finally:
            for store in made:
                await store.close()


@pytest.fixture
def state_store(state_backend: StateBackend) -> StateStore:
    return state_backend.make(3600)


# -- cases -------------------------------------------------------------------------------------


class FakeClock:
    """The case store's clock: starts at a fixed UTC time and moves only when told."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def postgres_database() -> AsyncIterator[str]:
    """One migrated PostgreSQL database per test session; tests empty its tables first."""
    async with fresh_postgres_url(migrated=True) as url:
        yield url


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (faster than migrating each time)."""
    path = tmp_path_factory.mktemp("template") / "helpline.db"
    await migrate(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        shutil.copyfile(template, tmp_path / "helpline.db")
        return f"sqlite+aiosqlite:///{tmp_path}/helpline.db"
    url: str = request.getfixturevalue("postgres_database")
    return url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def case_store(database_url: str, clock: FakeClock) -> AsyncIterator[SqlCaseStore]:
    store = SqlCaseStore(database_url, clock=clock)
    async with store.engine.begin() as connection:  # the shared PostgreSQL database: start empty
        for table in reversed(Base.metadata.sorted_tables):
            await connection.execute(table.delete())
    try:
        yield store
    finally:
        await store.close()

