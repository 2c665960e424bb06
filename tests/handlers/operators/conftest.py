"""The hotline end to end: the real app with both platforms and an operator group, over real HTTP
against the fake Bot API and the fake Graph API. "embedded" runs on SQLite and memory; "servers"
on the real PostgreSQL and Redis (it fails, never skips, when they are down)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.delivery.sending import Pacer, Sender
from bot.settings import Settings
from tests.handlers.operators.harness import GROUP, OPERATORS, SECRET, TOKEN, Hotline
from tests.handlers.whatsapp.harness import APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN
from tests.support.databases import fresh_postgres_url, redis_url
from tests.support.fake_forum import FakeForum, links_allowed
from tests.support.fake_graph import FakeGraph
from webhook import create_app

HotlineFactory = Callable[..., AbstractAsyncContextManager[Hotline]]


def no_pacing() -> Sender:
    async def no_wait(_seconds: float) -> None:
        return None

    return Sender(pacer=Pacer(per_chat=0.0, global_rate=0.0), sleep=no_wait)


@pytest.fixture
async def servers() -> AsyncIterator[tuple[FakeForum, FakeGraph]]:
    graph = FakeGraph()
    await graph.start()
    try:
        forum = FakeForum(token=TOKEN)
        with links_allowed():
            async with forum:
                yield forum, graph
    finally:
        await graph.stop()


@pytest.fixture
def make_hotline(servers: tuple[FakeForum, FakeGraph], tmp_path: Path) -> HotlineFactory:
    forum, graph = servers

    @asynccontextmanager
    async def make(backend: str = "embedded", **overrides: Any) -> AsyncIterator[Hotline]:
        async with AsyncExitStack() as stack:
            stores: dict[str, Any] = {"database_url": f"sqlite+aiosqlite:///{tmp_path}/hotline.db",
                                      "redis_url": None}
            if backend == "servers":
                target = await stack.enter_async_context(redis_url())
                stores = {"database_url": await stack.enter_async_context(fresh_postgres_url()),
                          "redis_url": target.url, "redis_prefix": target.prefix}
            settings = Settings(
                environment="development",
                telegram_bot_token=TOKEN, telegram_webhook_secret=SECRET, telegram_api_base=forum.url,
                whatsapp_token="t", whatsapp_phone_number_id=PHONE_NUMBER_ID, whatsapp_app_secret=APP_SECRET,
                whatsapp_verify_token=VERIFY_TOKEN, whatsapp_api_base=graph.base,
                operator_chat_id=GROUP, operators=OPERATORS,
                **{"working_hours": "00:00-24:00", **stores, **overrides},
            )
            app = create_app(settings)
            await stack.enter_async_context(app.router.lifespan_context(app))
            http = await stack.enter_async_context(
                httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://hotline.test"))
            hotline = Hotline(app, http, forum, graph)
            # Fast tests: no pacing and no real waiting (production uses the defaults).
            hotline.telegram.sender = no_pacing()
            hotline.whatsapp.outbox.sender = no_pacing()
            hotline.front.sender = no_pacing()
            assert hotline.application.watchdog is not None
            await hotline.application.watchdog.stop()  # the tests drive its tick themselves
            yield hotline

    return make
