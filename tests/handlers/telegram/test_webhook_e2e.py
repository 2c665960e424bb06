"""The webhook's edges: the secret, bad bodies, duplicates, unreadable updates, every real payload."""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from bot.delivery.sending import Pacer, Sender
from bot.settings import Settings
from tests.handlers.telegram.harness import SECRET, TOKEN, Harness, settings_for
from tests.support.fake_telegram import FIXTURES, FakeTelegram, fixture
from webhook import create_app


@pytest.mark.parametrize("secret", [None, "", "wrong", "s3cret ", "S3CRET"])
async def test_a_wrong_or_missing_secret_is_refused_and_nothing_is_processed(tg: Harness, secret: str | None) -> None:
    update = tg.message(5001, "/start")
    response = await tg.post(update, secret=secret)
    assert response.status_code == 403
    assert tg.fake.calls == []
    # Nothing was claimed either: the same update with the right secret is processed.
    assert (await tg.post(update)).status_code == 200
    assert tg.fake.of("sendMessage", 5001)


async def test_without_a_configured_secret_every_call_is_refused(tg: Harness) -> None:
    tg.channel.webhook_secret = None
    assert (await tg.post(tg.message(5005, "/start"), secret="")).status_code == 403
    assert (await tg.post(tg.message(5005, "/start"), secret="None")).status_code == 403
    assert tg.fake.calls == []


def test_production_refuses_to_start_without_a_webhook_secret() -> None:
    with pytest.raises(ValidationError, match="TELEGRAM_WEBHOOK_SECRET"):
        Settings(environment="production", pseudonym_secret="p" * 32, telegram_bot_token=TOKEN,
                 telegram_webhook_secret=None)


@pytest.mark.parametrize("body", [
    b"", b"not json", b"\xff\xfe", b"[]", b"42", b'"update"', b"{}", b'{"update_id": "1"}', b'{"update_id": true}',
    b'{"update_id": 1.5}', b"[" * 100_000,
])
async def test_a_malformed_body_gets_a_4xx_and_nothing_is_stored(tg: Harness, body: bytes) -> None:
    response = await tg.post(body)
    assert 400 <= response.status_code < 500
    assert tg.fake.calls == []
    assert tg.application.pipeline is not None and (await tg.application.pipeline.queue.depth())["stored"] == 0


async def test_an_oversized_body_gets_413(tg: Harness) -> None:
    update = tg.message(5002, "x" * (2 << 20))
    response = await tg.post(json.dumps(update).encode())
    assert response.status_code == 413
    assert tg.fake.calls == []


async def test_get_is_not_served(tg: Harness) -> None:
    response = await tg.client.get("/telegram/webhook")
    assert response.status_code == 405


async def test_a_duplicate_update_is_processed_once(tg: Harness) -> None:
    update = tg.message(5003, "/start")
    for _ in range(3):
        assert (await tg.post(update)).status_code == 200
    texts_once = len(tg.fake.of("sendMessage", 5003))
    assert texts_once >= 1
    other = copy.deepcopy(update)
    other["update_id"] = tg.next_update_id()
    await tg.post(other)
    assert len(tg.fake.of("sendMessage", 5003)) > texts_once  # a new update id is a new message


@pytest.mark.parametrize("name", ["docs_example_missing_is_bot", "my_chat_member_promoted_admin_forum"])
async def test_an_update_aiogram_cannot_read_is_logged_and_answered_200(
        tg: Harness, name: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="handlers.telegram.channel"):
        response = await tg.post(fixture(name))
    assert response.status_code == 200
    assert tg.fake.calls == []
    logged = [r for r in caplog.records if "not readable by aiogram" in r.getMessage()]
    assert len(logged) == 1
    assert logged[0].update_id == fixture(name)["update_id"]  # type: ignore[attr-defined]


PAYLOADS = {path.stem: path.read_bytes() for path in sorted(FIXTURES.glob("*.json"))}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
async def test_every_real_payload_is_answered_without_a_server_error(tg: Harness, name: str) -> None:
    response = await tg.post(PAYLOADS[name])
    assert response.status_code == 200, response.text
    assert all(c.status == 200 for c in tg.fake.calls)


async def test_the_webhook_answers_first_and_shutdown_waits_for_the_paced_work(fake: FakeTelegram,
                                                                              tmp_path: Path) -> None:
    fake.latency = 0.05  # a slow Bot API: the webhook must not wait for it
    app = create_app(settings_for(fake, tmp_path))
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://tg.test") as client:
            harness = Harness(app, client, fake)
            harness.channel.sender = Sender(pacer=Pacer(per_chat=0.3))  # production: 1.0
            update = harness.message(5004, "/start")
            response = await client.post("/telegram/webhook", json=update,
                                         headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
            assert response.status_code == 200
            pipeline = harness.application.pipeline
            assert pipeline is not None
            assert (await pipeline.queue.depth())["stored"] == 1  # answered before the work was done
    sends = [c for c in fake.calls if c.method == "sendMessage"]
    assert len(sends) == 2  # ...and the shutdown waited for it,
    assert sends[1].at - sends[0].at >= 0.25  # pacing the chat's messages (0.3 s, give or take the clocks)
