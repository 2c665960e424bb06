"""`python -m bot polling` on the webhook's pipeline with REDIS_URL: what was fetched is stored in Redis
before the offset confirms it to Telegram, survives the polling process, and is processed once; a
polled press is answered by the worker (no webhook response answered it)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from handlers.telegram.polling import run_polling
from tests.bot.delivery.support import idle, post_telegram, running_app, settings, until
from tests.handlers.telegram.harness import Harness as TgHarness
from tests.support.databases import RedisTarget
from tests.support.fake_telegram import FakeTelegram


async def poll_until_past(app: Any, fake: FakeTelegram, update_id: int) -> None:
    """Poll until a getUpdates confirms `update_id` (its offset is past it), then stop."""
    channel = app.state.application.channels["telegram"]
    earlier = len(fake.of("getUpdates"))
    stop = asyncio.Event()
    task = asyncio.create_task(run_polling(channel, app.state.application.pipeline, poll_timeout=1, stop=stop,
                                           register_commands=False))
    await until(lambda: any(int(c.get("offset") or 0) > update_id for c in fake.of("getUpdates")[earlier:]), 10,
                "the update stored and confirmed")
    stop.set()
    await asyncio.wait_for(task, 5)


async def test_polled_updates_survive_the_polling_process_and_a_press_is_answered_once(
        tmp: Path, database: str, redis: RedisTarget, fake: FakeTelegram) -> None:
    user = 96_001
    with_worker = settings(tmp, tg=fake, database_url=database, redis=redis)
    store_only = settings(tmp, tg=fake, database_url=database, redis=redis, serve_worker=False)
    async with running_app(with_worker) as (app, client):
        tg = TgHarness(app, client, fake)
        assert await post_telegram(client, tg.message(user, "/start")) == 200
        await until(lambda: bool(fake.of("sendMessage", user)), 10, "the menu")
        await idle(app)
        message_id, data = tg.button(user, "child")
    press = tg.callback(user, data, message_id)
    before = len(fake.of("sendMessage", user))

    async with running_app(store_only) as (app, _):  # polling, no worker: stored, then the process goes
        fake.push_update(press)
        await poll_until_past(app, fake, press["update_id"])
        assert (await app.state.application.pipeline.queue.depth())["stored"] == 1
    assert fake.of("answerCallbackQuery") == [] and len(fake.of("sendMessage", user)) == before

    fake.push_update(press)  # Telegram sends it again too (say the confirmation was lost)
    async with running_app(with_worker) as (app, _):
        await poll_until_past(app, fake, press["update_id"])
        await until(lambda: bool(fake.of("answerCallbackQuery")), 10, "the press answered")
        await idle(app)
        pipeline = app.state.application.pipeline
        assert pipeline.metrics.value("helpline_updates_duplicate_total", platform="telegram", stage="webhook") == 1
        assert (await pipeline.queue.depth())["stored"] == 0
    assert [a["callback_query_id"] for a in fake.of("answerCallbackQuery")] == [press["callback_query"]["id"]]
    assert fake.of("editMessageReplyMarkup", user) == [{"chat_id": user, "message_id": message_id}]
    assert len(fake.of("sendMessage", user)) > before
