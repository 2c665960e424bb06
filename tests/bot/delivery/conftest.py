"""Fixtures of the delivery fault tests: the reference transcripts (recorded once per session),
a fresh PostgreSQL database, a private Redis prefix, and the fake platforms."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from tests.bot.delivery.support import Transcript, telegram_reference, whatsapp_reference
from tests.handlers.telegram.harness import TOKEN
from tests.support.databases import RedisTarget, fresh_postgres_url, redis_url
from tests.support.fake_graph import FakeGraph
from tests.support.fake_telegram import FakeTelegram

_references: dict[str, Transcript] = {}


@pytest.fixture
async def tg_reference(tmp_path_factory: pytest.TempPathFactory) -> Transcript:
    if "tg" not in _references:
        _references["tg"] = await telegram_reference(tmp_path_factory.mktemp("tg-reference"))
    return _references["tg"]


@pytest.fixture
async def wa_reference(tmp_path_factory: pytest.TempPathFactory) -> Transcript:
    if "wa" not in _references:
        _references["wa"] = await whatsapp_reference(tmp_path_factory.mktemp("wa-reference"))
    return _references["wa"]


@pytest.fixture
async def database() -> AsyncIterator[str]:
    async with fresh_postgres_url(migrated=True) as url:
        yield url


@pytest.fixture
async def redis() -> AsyncIterator[RedisTarget]:
    async with redis_url() as target:
        yield target


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN) as server:
        yield server


@pytest.fixture
async def graph() -> AsyncIterator[FakeGraph]:
    server = FakeGraph()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def count_cases(database_url: str) -> int:
    engine = create_async_engine(database_url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            return int((await connection.execute(text("SELECT count(*) FROM cases"))).scalar_one())
    finally:
        await engine.dispose()


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    return tmp_path
