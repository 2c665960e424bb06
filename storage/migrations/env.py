"""Alembic environment of the case database (async engines: aiosqlite, asyncpg).

Where the database comes from, first match wins:
1. a connection handed over in `config.attributes["connection"]` (storage.migrate, at start-up);
2. `-x url=...` on the alembic command line;
3. `sqlalchemy.url` set on the Config programmatically;
4. the DATABASE_URL environment variable;
5. the default SQLite file (storage.engine.DEFAULT_DATABASE_URL).
"""

from __future__ import annotations

import asyncio
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection

from storage.engine import DEFAULT_DATABASE_URL, make_engine
from storage.models import Base

config = context.config
target_metadata = Base.metadata


def database_url() -> str:
    return (context.get_x_argument(as_dictionary=True).get("url")
            or config.get_main_option("sqlalchemy.url")
            or os.environ.get("DATABASE_URL")
            or DEFAULT_DATABASE_URL)


def configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )


def run_on(connection: Connection) -> None:
    configure(connection)
    with context.begin_transaction():
        context.run_migrations()


async def run_async() -> None:
    engine = make_engine(database_url(), for_migrations=True)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(run_on)
            await connection.commit()
    finally:
        await engine.dispose()


def run_offline() -> None:
    url = database_url()
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=url.startswith("sqlite"), dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    shared = config.attributes.get("connection")
    if shared is not None:
        run_on(shared)
        return
    if config.config_file_name is not None:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    if context.is_offline_mode():
        run_offline()
    else:
        asyncio.run(run_async())


main()
