"""A worker killed while its replies are being paced (issue 12, "Sent twice"): each message is
recorded as sent as soon as the platform accepted it, so the worker that takes over sends none of
them again.

Unlike test_worker_crash.py, the platform here *accepts* the message and the worker dies a moment
later, during the per-chat pacing wait before the next message of the same reply: the moment a
message used to stay unrecorded for about a second (`SEND_CHAT_INTERVAL_SECONDS`), because it was
recorded only when the next one started.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from aiohttp import web

from tests.bot.delivery.conftest import count_cases
from tests.bot.delivery.support import (
    Transcript,
    Workers,
    post_telegram,
    running_app,
    settings,
    telegram_for,
    telegram_replies,
    until,
)
from tests.handlers.telegram.harness import TOKEN
from tests.support.databases import RedisTarget
from tests.support.fake_telegram import FakeTelegram

USERS = [96_001, 96_002, 96_003, 96_004]
PACING_SECONDS = 0.6  # about Telegram's one message a second per chat, as in production
KILL_AFTER_SECONDS = 0.25  # well inside the pacing wait, well after the record's round trip


class KillAfterAccepting(FakeTelegram):
    """Answers every sendMessage; after the ones numbered in `kill_at`, kills the worker a moment later."""

    kill_at: set[int]
    spring: Callable[[], None]
    accepted = 0

    async def _handle(self, request: web.Request) -> web.Response:
        response = await super()._handle(request)
        if request.match_info["method"] == "sendMessage":
            self.accepted += 1
            if self.accepted in getattr(self, "kill_at", ()):
                asyncio.get_running_loop().call_later(KILL_AFTER_SECONDS, self.spring)
        return response


async def test_a_worker_killed_during_pacing_sends_nothing_twice(
        tmp: Path, tg_reference: Transcript, database: str, redis: RedisTarget) -> None:
    async with KillAfterAccepting(token=TOKEN) as fake:
        s = settings(tmp, tg=fake, database_url=database, redis=redis, serve_worker=False,
                     send_chat_interval_seconds=PACING_SECONDS, worker_concurrency=8)
        fake.kill_at = {2, 9, 17}  # early, middle and late in the users' conversations
        pool = Workers(s, tmp / "workers.log")
        workers = pool.started
        fake.spring = pool.replace
        try:
            async with running_app(s) as (_, client):
                for user in USERS:  # every user starts at once, as in the audit
                    for update in tg_reference.updates:
                        assert await post_telegram(client, telegram_for(update, user)) == 200
                await asyncio.to_thread(pool.start_next)  # the first worker, once every update is stored
                expected = len(tg_reference.replies) * len(USERS)
                await until(lambda: len(fake.of("sendMessage")) >= expected, 120, "every reply")
                await asyncio.sleep(2 * PACING_SECONDS)  # anything sent twice would come now
                assert len(workers) == 4, "every kill happened"
                duplicates = {user: len(telegram_replies(fake, user)) - len(tg_reference.replies) for user in USERS}
                assert duplicates == dict.fromkeys(USERS, 0), "messages a user received twice"
                for user in USERS:
                    assert telegram_replies(fake, user) == tg_reference.replies, f"user {user}"
        finally:
            pool.stop()
    assert await count_cases(database) == len(USERS)
