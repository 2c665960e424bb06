"""Fixtures: the fake Bot API on loopback, and the real app (SQLite, in-memory state) pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.delivery.sending import Pacer, Sender
from tests.handlers.telegram.harness import TOKEN, Harness, settings_for
from tests.support.fake_telegram import FakeTelegram
from webhook import create_app


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN) as server:
        yield server


@pytest.fixture
async def tg(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Harness]:
    app = create_app(settings_for(fake, tmp_path))
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://tg.test") as client:
            harness = Harness(app, client, fake)

            async def no_wait(seconds: float) -> None:  # record the delays asked for, wait none
                harness.sleeps.append(seconds)

            # Fast tests: no pacing, recorded instead of slept retry delays (production uses the defaults).
            harness.channel.sender = Sender(pacer=Pacer(per_chat=0.0, global_rate=0.0), sleep=no_wait)
            yield harness
