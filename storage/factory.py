"""Build the stores from settings: Redis if a URL is given, else memory; SQL for cases."""

from __future__ import annotations

from storage.base import StateStore
from storage.cases import SqlCaseStore
from storage.engine import DEFAULT_POOL_SIZE
from storage.memory import MemoryStateStore
from storage.migrate import migrate
from storage.redis_state import RedisStateStore

__all__ = ["build_case_store", "build_state_store", "migrate"]


def build_state_store(redis_url: str | None, ttl_seconds: int, prefix: str = "helpline") -> StateStore:
    if redis_url:
        return RedisStateStore(redis_url, prefix=prefix, ttl_seconds=ttl_seconds)
    return MemoryStateStore(ttl_seconds=ttl_seconds)


def build_case_store(database_url: str, pool_size: int = DEFAULT_POOL_SIZE) -> SqlCaseStore:
    """The store only; run `await storage.migrate.migrate(database_url)` first, once, at start-up.

    `pool_size`: the PostgreSQL connections this process keeps (DATABASE_POOL_SIZE, storage.engine)."""
    return SqlCaseStore(database_url, pool_size=pool_size)
