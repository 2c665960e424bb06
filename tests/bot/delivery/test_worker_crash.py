"""A worker process killed in the middle of reports: another takes its lanes over, nothing lost,
nothing twice (every update processed once, one reply per update, one case per report).

The kills are placed where they hurt: while a reply is being sent (the state and the reply are
saved, the message not yet accepted by the platform) and while a pressed button's menu is being
closed (before the state is saved; the press itself was answered in the webhook's response).
The fake platform sees the request, kills the worker with SIGKILL, and never answers it, so
nothing of it counts as delivered.

The menu is closed beside the reply (handlers/telegram/channel.py), so a kill can find a reply's
sendMessage already written to the socket: a real platform would accept it after the worker died,
unrecorded, and the next worker would send it again. That is the window the design admits (one
platform round trip plus one Redis round trip, bot/delivery/outbox.py): neither Bot API nor Cloud
API take an idempotency key. The fake therefore refuses (502) what reaches it just after a kill,
so the test asserts what is promised: nothing the platform accepted before the kill is sent again.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
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

USERS = [95_001, 95_002, 95_003]
# Far longer than a request the dead worker had in flight takes to be read (under a millisecond on
# loopback); a successor's request refused meanwhile is retried like any 502.
REFUSED_AFTER_KILL_SECONDS = 0.15


@dataclass
class Trap:
    method: str
    nth: int
    spring: Callable[[], None]
    seen: int = 0


class KillingTelegram(FakeTelegram):
    traps: list[Trap]
    killed_at: float = -math.inf

    async def _handle(self, request: web.Request) -> web.Response:
        if time.monotonic() - self.killed_at < REFUSED_AFTER_KILL_SECONDS:
            # Sent by the dead worker before the kill, read only now: inside the admitted window.
            return web.Response(status=502)
        method = request.match_info["method"]
        for trap in getattr(self, "traps", []):
            if trap.method == method and trap.seen < trap.nth:
                trap.seen += 1
                if trap.seen == trap.nth:
                    trap.spring()  # the worker dies while this request is in flight: never answered
                    self.killed_at = time.monotonic()
                    await asyncio.sleep(0.2)
                    return web.Response(status=502)
        return await super()._handle(request)


async def test_a_worker_killed_mid_report_loses_nothing_and_repeats_nothing(
        tmp: Path, tg_reference: Transcript, database: str, redis: RedisTarget) -> None:
    async with KillingTelegram(token=TOKEN) as fake:
        s = settings(tmp, tg=fake, database_url=database, redis=redis, serve_worker=False,
                     worker_concurrency=1)
        pool = Workers(s, tmp / "workers.log")
        workers = pool.started
        fake.traps = [Trap("sendMessage", 8, pool.replace), Trap("editMessageReplyMarkup", 14, pool.replace)]
        try:
            async with running_app(s) as (_, client):
                for user in USERS:  # every report stored at once, before any is processed
                    for update in tg_reference.updates:
                        assert await post_telegram(client, telegram_for(update, user)) == 200
                await asyncio.to_thread(pool.start_next)  # the first worker, once every update is stored
                expected = len(tg_reference.replies) * len(USERS)
                await until(lambda: len(fake.of("sendMessage")) >= expected, 60, "every reply")
                await asyncio.sleep(0.5)  # anything sent twice would come now
                assert len(workers) == 3, "both kills happened"
                assert all(w.process.returncode == -9 for w in workers[:2])
                for user in USERS:
                    assert telegram_replies(fake, user) == tg_reference.replies, f"user {user}"
                pipeline = client._transport.app.state.application.pipeline  # type: ignore[attr-defined]
                await until(lambda: _drained(pipeline), 10, "the intake to drain")
                assert (await pipeline.queue.depth())["set_aside"] == 0
        finally:
            codes = pool.stop()
            print((tmp / "workers.log").read_text(errors="replace")[-4000:])
        assert codes[-1] == 0, "the last worker stopped cleanly on SIGTERM"
    assert await count_cases(database) == len(USERS)


async def _drained(pipeline: object) -> bool:
    depth = await pipeline.queue.depth()  # type: ignore[attr-defined]
    return bool(depth["stored"] == 0)
