"""Fair turns beside a flood (issue 12, "Abuse and bad input"): accounts sending as fast as they can
do not make other users wait behind them. What a user sees is counted: how many of the flooders'
messages the platform receives between a normal user's message and that user's reply. Before fair
turns the flood had booked the overall sending rate ahead (and, with few worker slots, held the
slots while waiting for its own chats' pacing), so many of its messages went first. Both pacers are
tested: shared through Redis (bot/delivery/pacing.py) and this process's own (bot/delivery/sending.py
`Pacer`, without Redis). Before fair turns in the latter (fc58b9c), 12 of the flood's messages went before
each normal user's reply without Redis, with 64 and with 4 worker slots; now 1.

With 2 worker slots a process holds 8 lanes (bot/delivery/worker.py `LANES_PER_SLOT`), fewer than the 12
flooders: a normal user's new lane then waited in line behind the flood's lanes put back with work left, and
5 of the flood's messages went before each reply, with Redis and without (0198ced). Now those lanes' tickets
are read after new lanes' and hold at most 6 of the 8 (`Ticket.backlog`).

Pacing is scaled down from production (1 a second per chat, 30 overall) so that the flood asks for
several times the overall rate, as the audit's 40 accounts did. No timings are asserted: the order of
arrivals is (speed is measured in bench/flood.py).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from bot.delivery import worker as worker_module
from tests.bot.delivery.support import Transcript, post_telegram, running_app, settings, telegram_for, until
from tests.handlers.telegram.harness import TOKEN
from tests.support.databases import RedisTarget
from tests.support.fake_telegram import FakeTelegram

FLOODERS = [97_100 + n for n in range(12)]
NORMAL_USERS = [97_001, 97_002, 97_003]
MESSAGES_EACH = 12
PER_CHAT_SECONDS = 0.3  # the flood alone asks for 12 / 0.3 = 40 messages a second...
RATE = 8.0  # ...of the 8 the bot may send
MOST_FLOOD_FIRST = 2  # the flood's turns a normal user's reply may come after (a slot in use, one being given)


def flood_before_reply(fake: FakeTelegram, posted_at: int, user: int) -> int | None:
    """The flooders' messages accepted between `posted_at` (an index into the calls) and `user`'s reply."""
    calls = fake.calls[posted_at:]
    for n, call in enumerate(calls):
        if call.method == "sendMessage" and call.status == 200 and call.params.get("chat_id") == user:
            return sum(1 for c in calls[:n] if c.method == "sendMessage" and c.params.get("chat_id") in FLOODERS)
    return None


async def flood(client: httpx.AsyncClient, start: dict[str, object]) -> None:
    async def one(user: int) -> None:
        for _ in range(MESSAGES_EACH):
            assert await post_telegram(client, telegram_for(start, user)) == 200

    await asyncio.gather(*(one(user) for user in FLOODERS))


@pytest.mark.parametrize("shared", [True, False], ids=["with Redis", "without Redis"])
@pytest.mark.parametrize("concurrency", [64, 4, 2], ids=["slots to spare", "few worker slots",
                                                        "more flooders than lanes in hand"])
async def test_a_normal_users_reply_does_not_wait_behind_a_flood(
        tmp: Path, tg_reference: Transcript, database: str, redis: RedisTarget, concurrency: int,
        shared: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without Redis the flood's rest is in memory at the end: not worth the 10 s a real shutdown gives it.
    monkeypatch.setattr(worker_module, "SHUTDOWN_GRACE_SECONDS", 0.5)
    start = tg_reference.updates[0]  # /start: a reply every time, for flooders and normal users alike
    async with FakeTelegram(token=TOKEN) as fake:
        s = settings(tmp, tg=fake, database_url=database, redis=redis if shared else None, inbound_limit=0,
                     send_chat_interval_seconds=PER_CHAT_SECONDS, send_rate_per_second=RATE,
                     worker_concurrency=concurrency)
        async with running_app(s) as (_, client):
            await flood(client, start)
            await until(lambda: len(fake.of("sendMessage")) >= 2 * RATE, 30, "the flood to be under way")
            went_first: dict[int, int | None] = {}
            for user in NORMAL_USERS:  # one after another, each while the flood is still sending
                posted_at = len(fake.calls)
                assert await post_telegram(client, telegram_for(start, user)) == 200
                await until(lambda u=user: bool(fake.of("sendMessage", u)), 30, f"user {user}'s reply")
                went_first[user] = flood_before_reply(fake, posted_at, user)
            still_flooding = sum(1 for p in fake.of("sendMessage") if p.get("chat_id") in FLOODERS)
            assert still_flooding < len(FLOODERS) * MESSAGES_EACH, "the flood was still being answered"
    print("flood messages before each normal user's reply:", went_first)
    assert all(n is not None and n <= MOST_FLOOD_FIRST for n in went_first.values()), went_first
