"""One place that turns a DATABASE_URL into an async engine, for the app and for Alembic alike."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import InvalidatePoolError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/helpline.db"
# PostgreSQL connections a process keeps open (DATABASE_POOL_SIZE): the old QueuePool's ceiling (5 + 10
# overflow), now all kept, so a burst of new conversations never pays for connecting (docs/decisions.md).
DEFAULT_POOL_SIZE = 15
# A pooled PostgreSQL connection is pinged before use only when it has been idle this long: one in use a moment
# ago is alive, and the ping (on asyncpg a BEGIN, ";" and ROLLBACK of its own) was half of a new conversation's
# round trips (docs/decisions.md, "The pool pings connections that were idle").
PING_AFTER_IDLE_SECONDS = 5.0


def _sqlite_pragmas(foreign_keys: bool) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        # WAL: readers do not block the writer; NORMAL sync is durable across app crashes in WAL mode.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return on_connect


def is_memory_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def _ping_when_idle(engine: AsyncEngine, seconds: float) -> None:
    """Ping a connection as it leaves the pool if it came back more than `seconds` ago. A dead one is handled as
    `pool_pre_ping` handles it: the pool's older connections are invalidated (the server has probably restarted)
    and a new one is connected (`InvalidatePoolError` from a checkout handler). One used a moment ago that has
    died since fails its statement as an outage, which invalidates the pool as well and is retried."""

    def checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("idle_since", None)  # a new connection's info is empty: not pinged
        if since is None or time.monotonic() - since < seconds:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise InvalidatePoolError("an idle pooled connection failed its ping") from error
        if not alive:
            raise InvalidatePoolError("an idle pooled connection failed its ping")

    event.listen(engine.sync_engine, "checkin", checkin)
    event.listen(engine.sync_engine, "checkout", checkout)


def make_engine(database_url: str | URL, *, for_migrations: bool = False,
                pool_size: int = DEFAULT_POOL_SIZE,
                ping_after_idle_seconds: float = PING_AFTER_IDLE_SECONDS) -> AsyncEngine:
    """An async engine; for a SQLite file, its folder is created and WAL mode enabled.

    A server database gets a fixed pool of `pool_size` connections: with overflow, every burst past
    the pool opened connections and closed them again at once, so each burst paid PostgreSQL's
    connection start-up (a new backend process) many times. Past the pool, sessions wait their turn.

    SQLite enforces foreign keys only when asked, and we ask, except while migrating: Alembic's
    batch mode rebuilds a table by dropping it, and in SQLite a DROP TABLE deletes every row
    first, which would fire `ON DELETE SET NULL` on escalations (sqlite.org/foreignkeys.html, 5).
    """
    url = make_url(database_url)
    kwargs: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        if is_memory_sqlite(url):
            kwargs["poolclass"] = StaticPool  # one connection, or every session sees an empty database
        else:
            Path(str(url.database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
    else:
        kwargs.update(pool_size=pool_size, max_overflow=0)
    engine = create_async_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas(foreign_keys=not for_migrations))
    else:
        _ping_when_idle(engine, ping_after_idle_seconds)
    return engine
