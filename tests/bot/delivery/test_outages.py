"""When something is down: Redis (our own redis-server, killed and started again mid-run) and
PostgreSQL (reached through a gate we shut): webhooks answer 503 only when nothing could be
stored, the health endpoints say which part fails, and everything recovers by itself."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.bot.delivery.conftest import count_cases
from tests.bot.delivery.support import (
    RedisServer,
    TcpGate,
    Transcript,
    idle,
    post_telegram,
    post_whatsapp,
    running_app,
    settings,
    telegram_for,
    telegram_replies,
    until,
    whatsapp_for,
    whatsapp_payload,
    whatsapp_replies,
)
from tests.support.fake_graph import FakeGraph
from tests.support.fake_telegram import FakeTelegram

TG_USERS = [97_001, 97_002, 97_003]
WA_USERS = ["77030000001", "77030000002"]


# Down 1 s, and longer than the tests' 2 s lock (support.settings): every lock held then expires in Redis while
# the tasks that hold them wait to record what they sent (test_lapsed_lock.py).
@pytest.mark.parametrize("down_seconds", [1.0, 2.6])
async def test_redis_killed_and_restarted_mid_run_loses_nothing(
        down_seconds: float, tmp: Path, tg_reference: Transcript, wa_reference: Transcript, database: str,
        fake: FakeTelegram, graph: FakeGraph) -> None:
    server = RedisServer()
    server.start()
    try:
        s = settings(tmp, tg=fake, graph=graph, database_url=database, redis=(server.url, "outage"))
        async with running_app(s) as (app, client):

            async def telegram_user(user: int) -> None:
                for update in tg_reference.updates:
                    assert await post_telegram(client, telegram_for(update, user)) == 200  # retried on 503
                    await asyncio.sleep(0.03)

            async def whatsapp_user(wa_id: str) -> None:
                for item in wa_reference.updates:
                    assert await post_whatsapp(client, whatsapp_payload(whatsapp_for(item, wa_id))) == 200
                    await asyncio.sleep(0.03)

            users = asyncio.gather(*(telegram_user(u) for u in TG_USERS), *(whatsapp_user(w) for w in WA_USERS))
            await until(lambda: len(fake.of("sendMessage")) >= 12, 30, "the run to be under way")
            server.kill()
            ready = await client.get("/readyz")
            assert ready.status_code == 503 and "intake" in ready.json()["failing"]
            health = await client.get("/healthz")
            assert health.status_code == 503 and {"intake", "state_store"} <= set(health.json()["failing"])
            assert "case_store" not in health.json()["failing"]
            update = telegram_for(tg_reference.updates[0], 97_999)
            assert await post_telegram(client, update, retry=False) == 503  # not stored: Telegram retries
            await asyncio.sleep(down_seconds)
            server.start()  # same port, same folder: the append-only file brings every stored update back
            await users
            expected = len(tg_reference.replies) * len(TG_USERS) + len(wa_reference.replies) * len(WA_USERS)
            await until(lambda: len(fake.of("sendMessage")) + len(graph.messages) >= expected, 60, "every reply")
            await idle(app)
            assert (await client.get("/readyz")).status_code == 200
            for user in TG_USERS:
                assert telegram_replies(fake, user) == tg_reference.replies, f"telegram user {user}"
            for wa_id in WA_USERS:
                assert whatsapp_replies(graph, wa_id) == wa_reference.replies, f"whatsapp user {wa_id}"
            metrics = (await client.get("/metrics")).text
            assert 'helpline_webhook_unavailable_total{platform="telegram"}' in metrics
    finally:
        server.close()
    assert await count_cases(database) == len(TG_USERS) + len(WA_USERS)


async def test_postgresql_down_keeps_the_update_and_retries_it(
        tmp: Path, tg_reference: Transcript, database: str, fake: FakeTelegram) -> None:
    url = make_url(database)
    gate = TcpGate(url.port or 5432, url.host or "127.0.0.1")
    await gate.start()
    try:
        through_gate = url.set(host="127.0.0.1", port=gate.port).render_as_string(hide_password=False)
        s = settings(tmp, tg=fake, database_url=through_gate)  # the embedded intake: the same guarantees
        async with running_app(s) as (app, client):
            user = 97_101
            updates = [telegram_for(u, user) for u in tg_reference.updates]
            for update in updates[:-1]:
                assert await post_telegram(client, update) == 200
            await idle(app)
            await gate.shut()  # PostgreSQL is down
            assert await post_telegram(client, updates[-1], retry=False) == 200  # stored all the same
            await until(lambda: _failures(app) >= 2, 10, "the update to be tried and kept")
            health = await client.get("/healthz")
            assert health.status_code == 503 and health.json()["failing"] == ["case_store"]
            assert (await client.get("/readyz")).status_code == 200  # still taking webhooks
            assert len(fake.of("sendMessage", user)) == len(tg_reference.replies) - 1
            gate.reopen()
            await until(lambda: len(fake.of("sendMessage", user)) >= len(tg_reference.replies), 30, "the reply")
            await idle(app)
            assert telegram_replies(fake, user) == tg_reference.replies
            assert (await app.state.application.pipeline.queue.depth())["set_aside"] == 0
    finally:
        await gate.close()
    assert await count_cases(database) == 1


def _failures(app: object) -> float:
    metrics = app.state.application.pipeline.metrics  # type: ignore[attr-defined]
    return float(metrics.value("helpline_update_failures_total", platform="telegram", kind="transient"))
