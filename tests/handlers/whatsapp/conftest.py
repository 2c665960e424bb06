"""Fixtures: the fake Graph API on loopback, and the real app pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import httpx
import pytest

from bot.delivery.sending import Pacer, Sender
from bot.settings import Settings
from tests.handlers.whatsapp.harness import APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN, Harness
from tests.support.fake_graph import FakeGraph
from webhook import create_app

HarnessFactory = Callable[..., AbstractAsyncContextManager[Harness]]


@pytest.fixture
async def graph() -> AsyncIterator[FakeGraph]:
    fake = FakeGraph()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


def settings_for(graph: FakeGraph, tmp_path: Path, phone_number_id: str = PHONE_NUMBER_ID) -> Settings:
    return Settings(
        whatsapp_token="t", whatsapp_phone_number_id=phone_number_id, whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN, whatsapp_api_base=graph.base,
        database_url=f"sqlite+aiosqlite:///{tmp_path}/w.db", redis_url=None,
    )


@pytest.fixture
def make_harness(graph: FakeGraph, tmp_path: Path) -> HarnessFactory:
    @asynccontextmanager
    async def make(phone_number_id: str = PHONE_NUMBER_ID) -> AsyncIterator[Harness]:
        app = create_app(settings_for(graph, tmp_path, phone_number_id))
        async with app.router.lifespan_context(app):
            harness_http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://wa.test")
            async with harness_http as http:
                harness = Harness(app, http, graph)
                # Fast tests: no pacing, millisecond backoff (the production values are the defaults).
                harness.channel.outbox.sender = Sender(pacer=Pacer(per_chat=0.0, global_rate=0.0),
                                                       base_delay=0.001, max_delay=0.01)
                harness.channel.client.pair_backoff = 0.001
                harness.channel.client.throughput_backoff = 0.001
                yield harness
    return make


@pytest.fixture
async def wa(make_harness: HarnessFactory) -> AsyncIterator[Harness]:
    async with make_harness() as harness:
        yield harness
