"""Run the Alembic migrations from async code (the app upgrades its database at start-up)."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Connection

from storage.engine import make_engine

ALEMBIC_INI = Path(__file__).with_name("alembic.ini")
MIGRATION_LOCK_KEY = 0x4B5A_0001  # any constant; "KZ" 1

# Alembic keeps its running environment in one process-wide global (`alembic.context`), so two
# migrations in one process must not interleave: without this lock, concurrent calls hung.
_IN_PROCESS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()


def _process_lock() -> asyncio.Lock:
    loop = asyncio.get_running_loop()
    lock = _IN_PROCESS.get(loop)
    if lock is None:
        lock = _IN_PROCESS[loop] = asyncio.Lock()
    return lock


def alembic_config(database_url: str | None = None) -> Config:
    """The Config of storage/alembic.ini, pointed at `database_url` if given."""
    config = Config(str(ALEMBIC_INI))
    if database_url:
        config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))  # ini interpolation
    return config


async def migrate(database_url: str, revision: str = "head") -> None:
    """`alembic upgrade <revision>` on the database, in one transaction where the database allows."""
    await _run(database_url, lambda config: command.upgrade(config, revision))


async def downgrade(database_url: str, revision: str) -> None:
    """`alembic downgrade <revision>` (tests and operators' rollbacks; "base" drops every table)."""
    await _run(database_url, lambda config: command.downgrade(config, revision))


async def current_revision(database_url: str) -> str | None:
    def read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(read)
    finally:
        await engine.dispose()


async def _run(database_url: str, step: Callable[[Config], None]) -> None:
    engine = make_engine(database_url, for_migrations=True)

    def on(connection: Connection) -> None:
        if connection.dialect.name == "postgresql":
            # Several processes may start at once: one migrates, the others wait, then find nothing to do.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        config = alembic_config(database_url)
        config.attributes["connection"] = connection  # env.py uses it instead of its own engine
        step(config)

    try:
        async with _process_lock(), engine.begin() as connection:
            await connection.run_sync(on)
    finally:
        await engine.dispose()
