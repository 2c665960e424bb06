"""One user sending far too many messages (issue 12, "Abuse and bad input"): one short notice, then
read without replies until the minute is over; SOS and crisis signals still answered; other users
answered as usual. Over real HTTP against the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.delivery.sending import Pacer, Sender
from flows.emergency import DEFAULT_EMERGENCY_LINES
from tests.handlers.telegram.harness import Harness, settings_for
from tests.support.fake_telegram import FakeTelegram
from webhook import create_app

LIMIT = 5
FLOODER, NEIGHBOUR = 7_001, 7_002


@pytest.fixture
async def limited(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Harness]:
    settings = settings_for(fake, tmp_path).model_copy(update={"inbound_limit": LIMIT, "inbound_window_seconds": 60})
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://tg.test") as client:
            harness = Harness(app, client, fake)
            harness.channel.sender = Sender(pacer=Pacer(per_chat=0.0, global_rate=0.0))
            yield harness


def notices(tg: Harness, user: int) -> list[str]:
    return [text for text in tg.texts(user) if "very fast" in text]


async def test_a_flood_gets_one_notice_then_silence_but_sos_and_crisis_are_answered(limited: Harness) -> None:
    tg = limited
    for _ in range(LIMIT):
        await tg.say(FLOODER, "hello")
    answered = len(tg.texts(FLOODER))
    assert answered >= LIMIT  # every message within the limit got its answer

    for _ in range(10):
        await tg.say(FLOODER, "hello")
    assert len(notices(tg, FLOODER)) == 1, "one notice, not one per message"
    notice = notices(tg, FLOODER)[0]
    assert all(line.number in notice for line in DEFAULT_EMERGENCY_LINES)  # help stays one step away
    assert len(tg.texts(FLOODER)) == answered + 1, "the rest are read without replies"

    await tg.say(FLOODER, "SOS")
    assert "112" in tg.last_text(FLOODER), "SOS is answered however many messages came before"
    before_crisis = len(tg.texts(FLOODER))
    await tg.say(FLOODER, "i want to kill myself")
    assert len(tg.texts(FLOODER)) > before_crisis, "a crisis signal is answered too"

    await tg.say(NEIGHBOUR, "hello")
    assert tg.texts(NEIGHBOUR), "another user is answered as usual"
    assert not notices(tg, NEIGHBOUR)


async def test_no_limit_when_it_is_zero(tg: Harness) -> None:
    """The default fixture's settings (INBOUND_LIMIT at its default, 30 a minute) answer a burst below it in
    full; 0 turns the limit off entirely (checked on the service)."""
    for _ in range(8):
        await tg.say(FLOODER, "hello")
    assert not notices(tg, FLOODER)
    tg.application.service.inbound_limit = 0
    for _ in range(40):
        await tg.say(FLOODER, "hello")
    assert not notices(tg, FLOODER)


async def test_a_child_waiting_for_a_person_is_never_cut_off(limited: Harness) -> None:
    """What a child writes while waiting for a person must reach the case, however fast it comes."""
    tg = limited
    await tg.say(FLOODER, "SOS")
    await tg.press(FLOODER, "person")
    for n in range(LIMIT + 5):
        await tg.say(FLOODER, f"they posted my photo again {n}")
    assert not notices(tg, FLOODER)
