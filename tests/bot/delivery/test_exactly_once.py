"""Nothing lost, nothing twice, in order: every update delivered twice, in bursts, to two webhook
servers sharing Redis and PostgreSQL, many conversations at once; platforms that throttle."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx

from tests.bot.delivery.conftest import count_cases
from tests.bot.delivery.support import (
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
from tests.support.databases import RedisTarget
from tests.support.fake_graph import FakeGraph
from tests.support.fake_telegram import FakeTelegram

TG_USERS = [91_000 + i for i in range(12)]
WA_USERS = [f"7702{i:07d}" for i in range(8)]


async def _telegram_user(clients: list[httpx.AsyncClient], ref: Transcript, user: int, twice: bool) -> None:
    """The user's whole report as a burst: each update as soon as the last was answered 200."""
    for n, update in enumerate(telegram_for(u, user) for u in ref.updates):
        for k in range(2 if twice else 1):
            assert await post_telegram(clients[(n + k) % len(clients)], update) == 200


async def _whatsapp_user(clients: list[httpx.AsyncClient], ref: Transcript, wa_id: str, twice: bool) -> None:
    items = [whatsapp_for(item, wa_id) for item in ref.updates]
    batches: list[list[dict[str, Any]]] = [items[:3], *([i] for i in items[3:])]  # Meta batches messages too
    for n, batch in enumerate(batches):
        for k in range(2 if twice else 1):
            assert await post_whatsapp(clients[(n + k) % len(clients)], whatsapp_payload(*batch)) == 200


async def test_every_update_twice_in_bursts_to_two_servers(
        tmp: Path, tg_reference: Transcript, wa_reference: Transcript, database: str, redis: RedisTarget,
        fake: FakeTelegram, graph: FakeGraph) -> None:
    s = settings(tmp, tg=fake, graph=graph, database_url=database, redis=redis, worker_concurrency=8)
    async with running_app(s) as (one, first), running_app(s) as (two, second):
        clients = [first, second]
        await asyncio.gather(*(_telegram_user(clients, tg_reference, u, twice=True) for u in TG_USERS),
                             *(_whatsapp_user(clients, wa_reference, w, twice=True) for w in WA_USERS))
        expected = len(tg_reference.replies) * len(TG_USERS) + len(wa_reference.replies) * len(WA_USERS)
        await until(lambda: len(fake.of("sendMessage")) + len(graph.messages) >= expected, 60, "every reply")
        await idle(one)
        await idle(two)
        for user in TG_USERS:
            assert telegram_replies(fake, user) == tg_reference.replies, f"telegram user {user}"
        for wa_id in WA_USERS:
            assert whatsapp_replies(graph, wa_id) == wa_reference.replies, f"whatsapp user {wa_id}"
        for app in (one, two):
            assert (await app.state.application.pipeline.queue.depth())["set_aside"] == 0
        duplicates = sum(app.state.application.pipeline.metrics.value(
            "helpline_updates_duplicate_total", platform=p, stage="webhook")
            for app in (one, two) for p in ("telegram", "whatsapp"))
        assert duplicates == len(tg_reference.updates) * len(TG_USERS) + len(wa_reference.updates) * len(WA_USERS)
    assert await count_cases(database) == len(TG_USERS) + len(WA_USERS)


async def test_a_burst_of_five_from_one_user_sees_each_others_effects(
        tmp: Path, tg_reference: Transcript, database: str, redis: RedisTarget, fake: FakeTelegram) -> None:
    """Five updates of one conversation within 100 ms, posted concurrently-but-in-order to two servers:
    each is processed after the one before it (a pick for a step is only valid if the pick before
    it was applied), so the replies are exactly the reference."""
    s = settings(tmp, tg=fake, database_url=database, redis=redis)
    async with running_app(s) as (one, first), running_app(s) as (two, second):
        for user in (93_001, 93_002, 93_003):
            updates = [telegram_for(u, user) for u in tg_reference.updates]
            for start in range(0, len(updates), 5):
                for n, update in enumerate(updates[start:start + 5]):  # in arrival order, within ~100 ms
                    assert await post_telegram((first, second)[n % 2], update) == 200
                    await asyncio.sleep(0.02)
        await until(lambda: len(fake.of("sendMessage")) >= 3 * len(tg_reference.replies), 30, "every reply")
        await idle(one)
        await idle(two)
        for user in (93_001, 93_002, 93_003):
            assert telegram_replies(fake, user) == tg_reference.replies
    assert await count_cases(database) == 3


async def test_throttling_platforms_lose_nothing(
        tmp: Path, tg_reference: Transcript, wa_reference: Transcript, database: str, redis: RedisTarget,
        fake: FakeTelegram, graph: FakeGraph) -> None:
    too_many = {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                "parameters": {"retry_after": 1}}
    fake.fail("sendMessage", too_many, times=4)
    graph.fail_next(130429, times=4)  # the Cloud API's throughput limit
    graph.fail_next(131056, times=1)  # and its pair rate limit
    s = settings(tmp, tg=fake, graph=graph, database_url=database, redis=redis)
    async with running_app(s) as (app, client):
        app.state.application.channels["whatsapp"].client.pair_backoff = 0.2
        app.state.application.channels["whatsapp"].client.throughput_backoff = 0.2
        await asyncio.gather(*(_telegram_user([client], tg_reference, u, twice=False) for u in TG_USERS[:4]),
                             *(_whatsapp_user([client], wa_reference, w, twice=False) for w in WA_USERS[:3]))
        expected = len(tg_reference.replies) * 4 + len(wa_reference.replies) * 3
        await until(lambda: len(fake.of("sendMessage")) + len(graph.messages) >= expected, 60, "every reply")
        await idle(app)
        for user in TG_USERS[:4]:
            assert telegram_replies(fake, user) == tg_reference.replies
        for wa_id in WA_USERS[:3]:
            assert whatsapp_replies(graph, wa_id) == wa_reference.replies
        refused = [c for c in fake.calls if c.method == "sendMessage" and c.status == 429]
        assert len(refused) == 4 and len([c for c in graph.calls if c.answered != 200]) == 5
        counts = app.state.application.pipeline.outbox_counts
        assert counts["send_retries"] == 9 and not any(k.startswith("send_failed") for k in counts)
    assert await count_cases(database) == 7
