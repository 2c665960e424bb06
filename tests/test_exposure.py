"""What the web app serves with ENVIRONMENT=production: the webhooks and health, nothing else.

An audit filed three critical cases through the simulator of a production deployment and read
/metrics and /openapi.json without credentials (issue 12).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.bot.delivery.support import free_port, running_app, settings
from tests.handlers.telegram.harness import TOKEN
from tests.support.databases import fresh_postgres_url, redis_url
from tests.support.fake_telegram import FakeTelegram

STRONG = "k3Y_9fQx-2LmZp7RtWv4BnCd8EhJs6Ua1"  # 33 characters, many kinds


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN) as server:
        yield server


@pytest.fixture
async def production(tmp_path: Path, fake: FakeTelegram) -> AsyncIterator[Settings]:
    async with fresh_postgres_url() as database_url, redis_url() as (url, prefix):
        yield settings(tmp_path, tg=fake, database_url=database_url, redis=(url, prefix), environment="production",
                       pseudonym_secret=STRONG, telegram_webhook_secret=STRONG, operator_chat_id=-100123,
                       operator_ids=[1], metrics_port=free_port(),
                       encryption_keys={"k1": "CxTiUTVM6dlE0na7ljd7onqKh+enStPLNivUTUEEn+o="}, encryption_key_id="k1")


async def _scrape(port: int) -> str:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET /metrics HTTP/1.0\r\n\r\n")
    answer = (await reader.read()).decode()
    writer.close()
    return answer


async def test_production_serves_no_simulator_schema_or_public_metrics(production: Settings) -> None:
    async with running_app(production) as (_, client):
        simulated = await client.post("/simulator/message", json={"user": "a", "text": "я сейчас прыгну с крыши"})
        assert simulated.status_code == 404
        for path in ("/", "/openapi.json", "/docs", "/redoc", "/metrics"):
            assert (await client.get(path)).status_code == 404, path
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/readyz")).status_code == 200
        assert production.metrics_port is not None
        scraped = await _scrape(production.metrics_port)
    assert scraped.startswith("HTTP/1.0 200") and "helpline_updates_received_total" in scraped
    assert await _count_cases(production) == 0


async def _count_cases(s: Settings) -> int:
    from tests.bot.delivery.conftest import count_cases

    return await count_cases(s.database_url)


async def test_development_keeps_the_simulator_and_metrics(tmp_path: Path) -> None:
    async with running_app(settings(tmp_path)) as (_, client):
        replies = await client.post("/simulator/message", json={"user": "a", "text": "hello"})
        assert replies.status_code == 200 and replies.json()
        assert (await client.get("/metrics")).status_code == 200
        assert (await client.get("/openapi.json")).status_code == 200


