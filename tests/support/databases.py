"""Real servers for tests: a throw-away PostgreSQL database, and a private key prefix in Redis.

Reuse them in any suite:

    async with fresh_postgres_url(migrated=True) as database_url: ...
    async with redis_url() as (url, prefix): ...   # keys under `prefix:` are deleted afterwards

Settings: TEST_DATABASE_URL (any database on the server; new ones are created beside it) and
TEST_REDIS_URL. An unreachable server FAILS the test with a message saying so: a suite that
silently skips its storage tests proves nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, NamedTuple

import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from storage.migrate import migrate

DEFAULT_TEST_DATABASE_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
DEFAULT_TEST_REDIS_URL = "redis://127.0.0.1:6379/0"
CONNECT_TIMEOUT_SECONDS = 5
DATABASE_PREFIX = "helpline_test_"
ABANDONED_AFTER_SECONDS = 12 * 3600  # no test session lasts this long


class RedisTarget(NamedTuple):
    url: str
    prefix: str


def postgres_server_url() -> str:
    return os.environ.get("TEST_DATABASE_URL", DEFAULT_TEST_DATABASE_URL)


def redis_server_url() -> str:
    return os.environ.get("TEST_REDIS_URL", DEFAULT_TEST_REDIS_URL)


def _admin_engine(server: URL) -> AsyncEngine:
    connect_args: dict[str, Any] = {}
    if server.get_driver_name() == "asyncpg":
        connect_args["timeout"] = CONNECT_TIMEOUT_SECONDS
    # CREATE/DROP DATABASE cannot run inside a transaction.
    return create_async_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool,
                               connect_args=connect_args)


async def _drop_abandoned(connection: AsyncConnection) -> None:
    """Drop test databases of runs that were killed before they could clean up (named by birth time)."""
    names = (await connection.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                                      {"p": f"{DATABASE_PREFIX}%"})).scalars().all()
    for name in names:
        born = re.fullmatch(rf"{DATABASE_PREFIX}(\d+)_[0-9a-f]+", name)
        if born and time.time() - int(born.group(1)) > ABANDONED_AFTER_SECONDS:
            with contextlib.suppress(SQLAlchemyError):  # another run may be dropping it right now
                await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@asynccontextmanager
async def fresh_postgres_url(*, migrated: bool = False) -> AsyncIterator[str]:
    """A new, empty database (helpline_test_<epoch>_<random>) on the test server, dropped afterwards.

    Each test session (and each xdist worker) gets its own, so concurrent runs never meet.
    With `migrated=True` it is upgraded to the newest migration first.
    """
    server = make_url(postgres_server_url())
    if server.get_backend_name() != "postgresql":
        pytest.fail(f"TEST_DATABASE_URL must point to PostgreSQL, not {server.get_backend_name()}",
                    pytrace=False)
    name = f"{DATABASE_PREFIX}{int(time.time())}_{secrets.token_hex(4)}"
    admin = _admin_engine(server)
    try:
        async with admin.connect() as connection:
            await _drop_abandoned(connection)
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    except (SQLAlchemyError, OSError, TimeoutError) as error:
        await admin.dispose()
        pytest.fail(f"PostgreSQL is not usable at {server.render_as_string(hide_password=True)}: "
                    f"{type(error).__name__}: {error}\n"
                    "Start it (see .ci/run) or point TEST_DATABASE_URL at a server where this user "
                    "may CREATE DATABASE.", pytrace=False)
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        if migrated:
            await migrate(url)
        yield url
    finally:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


@asynccontextmanager
async def redis_url(prefix: str | None = None) -> AsyncIterator[RedisTarget]:
    """The test Redis and a key prefix of its own; every key under `prefix:` is deleted at the end.

    Never FLUSHDB: other suites and other runs share the server.
    """
    url = redis_server_url()
    prefix = prefix or f"helpline-test-{secrets.token_hex(6)}"
    client: Redis = Redis.from_url(url, socket_connect_timeout=CONNECT_TIMEOUT_SECONDS)
    try:
        await client.ping()
    except (RedisError, OSError) as error:
        await client.aclose()
        pytest.fail(f"Redis is not reachable at {make_url_safe(url)}: {type(error).__name__}: {error}\n"
                    "Start it (see .ci/run) or set TEST_REDIS_URL.", pytrace=False)
    try:
        yield RedisTarget(url, prefix)
    finally:
        try:
            batch: list[bytes] = []
            async for key in client.scan_iter(match=f"{prefix}:*", count=500):
                batch.append(key)
                if len(batch) >= 500:
                    await client.delete(*batch)
                    batch.clear()
            if batch:
                await client.delete(*batch)
        finally:
            await client.aclose()


def make_url_safe(url: str) -> str:
    """The URL without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        rest = "***@" + rest.split("@", 1)[1]
    return f"{scheme}{sep}{rest}"
