"""Count what an engine's asyncpg connections ask PostgreSQL, one request and its answer at a time.

SQLAlchemy's events see statements, not the driver's own requests: the pool's liveness ping (on asyncpg
a BEGIN, ";" and ROLLBACK of its own), the BEGIN before a statement, the ROLLBACK when a connection goes
back. asyncpg sends every request through its connection's protocol object, so a stand-in for that object
counts them all: a simple query (BEGIN, ROLLBACK, the ping), a prepare, a bind-and-execute.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

_REQUESTS = frozenset({"query", "prepare", "bind_execute", "bind_execute_many", "bind", "execute", "close_statement"})


class _CountingProtocol:
    def __init__(self, protocol: Any, counts: Counter[str]) -> None:
        self._protocol = protocol
        self._counts = counts

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._protocol, name)
        if name not in _REQUESTS:
            return found

        def counted(*args: Any, **kwargs: Any) -> Awaitable[Any]:
            self._counts[name] += 1
            return found(*args, **kwargs)  # type: ignore[no-any-return]

        return counted


def count_round_trips(engine: AsyncEngine) -> Counter[str]:
    """Requests to the server by kind ("query", "bind_execute", ...) on every connection the engine opens
    from now on; their sum is the round trips. Also counts, beside them, "checkout": connections taken from
    the pool, and "statement": statements SQLAlchemy executed (the pool's ping is not one)."""
    counts: Counter[str] = Counter()

    def connected(dbapi_connection: Any, _record: Any) -> None:
        raw = dbapi_connection.driver_connection  # asyncpg.Connection
        raw._protocol = _CountingProtocol(raw._protocol, counts)

    def checked_out(*_: Any) -> None:
        counts["checkout"] += 1

    def executed(*_: Any) -> None:
        counts["statement"] += 1

    listen: Callable[..., None] = event.listen
    listen(engine.sync_engine, "connect", connected)
    listen(engine.sync_engine, "checkout", checked_out)
    listen(engine.sync_engine, "before_cursor_execute", executed)
    return counts


def round_trips(counts: Counter[str]) -> int:
    return sum(n for kind, n in counts.items() if kind not in ("checkout", "statement"))
