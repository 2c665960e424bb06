"""Migrations on SQLite and PostgreSQL: up to head, down and up again, and no drift from the models."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, inspect, text
from sqlalchemy.engine import Connection

from storage.cases import SqlCaseStore
from storage.engine import make_engine
from storage.migrate import alembic_config, current_revision, downgrade, migrate
from storage.models import Base
from tests.support.databases import fresh_postgres_url

PROJECT = Path(__file__).resolve().parents[2]
TABLES = {"cases", "drafts", "escalations"}


def head() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


async def drift(database_url: str, metadata: MetaData) -> list[Any]:
    def compare(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                               "compare_server_default": True})
        return list(compare_metadata(context, metadata))

    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(compare)
    finally:
        await engine.dispose()


async def tables(database_url: str) -> set[str]:
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
async def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path}/not/yet/there/helpline.db"
        return
    async with fresh_postgres_url() as url:
        yield url


class TestMigrations:
    async def test_the_database_is_at_head(self, database_url: str, case_store: SqlCaseStore) -> None:
        assert head() is not None
        assert await current_revision(database_url) == head()
        assert TABLES <= await tables(database_url)

    async def test_models_and_migrations_agree(self, database_url: str, case_store: SqlCaseStore) -> None:
        assert await drift(database_url, Base.metadata) == []

    async def test_the_drift_check_would_notice(self, database_url: str, case_store: SqlCaseStore) -> None:
        changed = MetaData(naming_convention=Base.metadata.naming_convention)
        for table in Base.metadata.tables.values():
            table.to_metadata(changed)
        changed.tables["cases"].append_column(Column("unplanned", Integer))
        assert [d[0] for d in await drift(database_url, changed)] == ["add_column"]

    async def test_up_down_up_from_nothing(self, empty_database: str) -> None:
        await migrate(empty_database)
        await migrate(empty_database)  # start-up runs it every time: a second run changes nothing
        assert await current_revision(empty_database) == head()
        await downgrade(empty_database, "base")
        assert await tables(empty_database) & TABLES == set()
        await migrate(empty_database)
        assert TABLES <= await tables(empty_database)
        assert await drift(empty_database, Base.metadata) == []


async def test_start_ups_in_one_process_migrate_one_after_another(empty_database: str) -> None:
    await asyncio.wait_for(asyncio.gather(*(migrate(empty_database) for _ in range(4))), timeout=30)
    assert await current_revision(empty_database) == head()


async def test_workers_starting_together_migrate_once() -> None:
    """Separate processes on one PostgreSQL database: the advisory lock lets one migrate at a time."""
    script = "import asyncio, sys; from storage.migrate import migrate; asyncio.run(migrate(sys.argv[1]))"
    async with fresh_postgres_url() as url:
        workers = [await asyncio.create_subprocess_exec(sys.executable, "-c", script, url, cwd=PROJECT,
                                                        stderr=asyncio.subprocess.PIPE) for _ in range(3)]
        errors = await asyncio.wait_for(asyncio.gather(*(w.communicate() for w in workers)), timeout=60)
        assert [w.returncode for w in workers] == [0, 0, 0], [e.decode() for _, e in errors]
        assert await current_revision(url) == head()


async def test_sqlite_file_gets_its_folder_and_wal(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/data/deeper/helpline.db"
    await migrate(url)
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
            assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1
    finally:
        await engine.dispose()
    assert (tmp_path / "data" / "deeper" / "helpline.db").exists()
    migrating = make_engine(url, for_migrations=True)  # see storage.engine.make_engine
    try:
        async with migrating.connect() as connection:
            assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 0
    finally:
        await migrating.dispose()


async def test_the_documented_alembic_command_works(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/cli.db"
    command = [sys.executable, "-m", "alembic", "-c", "storage/alembic.ini", "-x", f"url={url}", "upgrade", "head"]
    process = await asyncio.create_subprocess_exec(*command, cwd=PROJECT, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, stderr.decode()
    assert await current_revision(url) == head()
