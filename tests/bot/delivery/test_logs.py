"""Logs carry ids, hashes, lengths and outcomes: never a child's words, a phone number, a name or
username, a token, a secret or a signature. Every record of a full report on both platforms
(through Redis and PostgreSQL, with a throttled send and a duplicate), formatted as text and as
JSON with all their fields, is searched for each of them."""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path
from typing import Any

from bot.logs import JsonFormatter, TextFormatter, quiet_libraries
from tests.bot.delivery.support import (
    Transcript,
    idle,
    post_telegram,
    post_whatsapp,
    running_app,
    settings,
    telegram_for,
    telegram_replies,
    whatsapp_for,
    whatsapp_payload,
    whatsapp_replies,
)
from tests.handlers.telegram.harness import SECRET, TOKEN
from tests.handlers.whatsapp.harness import APP_SECRET, sign
from tests.support.databases import RedisTarget
from tests.support.fake_graph import FakeGraph
from tests.support.fake_telegram import FakeTelegram

TG_USER = 735194628
WA_USER = "77051234987"
NAME, USERNAME, WA_NAME = "Zhanargul", "zhanar_private_2011", "Aigerim Secretname"
WA_TOKEN, VERIFY = "EAAGsecretGraphToken0987", "verify-token-5521"


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.text, self.json = TextFormatter(), JsonFormatter()

    def emit(self, record: logging.LogRecord) -> None:
        self.lines += [self.text.format(record), self.json.format(record)]


def _personal(update: dict[str, Any]) -> dict[str, Any]:
    update = copy.deepcopy(update)
    for part in ("message", "callback_query"):
        if part in update:
            for who in (update[part]["from"], update[part]["chat"] if part == "message"
                        else update[part]["message"]["chat"]):
                who.update({"first_name": NAME, "username": USERNAME})
    return update


async def test_a_full_report_logs_nothing_personal_or_secret(
        tmp: Path, tg_reference: Transcript, wa_reference: Transcript, database: str, redis: RedisTarget,
        fake: FakeTelegram, graph: FakeGraph) -> None:
    capture = Capture()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)  # everything, as in production but at DEBUG (bot/logs.configure)
    quiet_libraries()
    signatures: list[str] = []
    try:
        s = settings(tmp, tg=fake, graph=graph, database_url=database, redis=redis, whatsapp_token=WA_TOKEN,
                     whatsapp_verify_token=VERIFY)
        fake.fail("sendMessage", {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                                  "parameters": {"retry_after": 1}})
        graph.fail_next(131026)  # one WhatsApp message undeliverable: logged with its code
        async with running_app(s) as (app, client):
            assert (await client.get("/whatsapp/webhook", params={
                "hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "42"})).status_code == 200
            for update in tg_reference.updates:
                update = _personal(telegram_for(update, TG_USER))
                for _ in range(2):
                    assert await post_telegram(client, update) == 200
            await idle(app)
            graph.clear()
            await app.state.application.service.set_unreachable("whatsapp", WA_USER, False)
            for item in wa_reference.updates:
                payload = whatsapp_payload(whatsapp_for(item, WA_USER))
                payload["entry"][0]["changes"][0]["value"]["contacts"][0]["profile"]["name"] = WA_NAME
                signatures.append(sign(json.dumps(payload, ensure_ascii=False).encode()).split("=", 1)[1])
                assert await post_whatsapp(client, payload) == 200
            await idle(app)
            assert telegram_replies(fake, TG_USER) == tg_reference.replies
            assert whatsapp_replies(graph, WA_USER)[-1] == wa_reference.replies[-1]
    finally:
        root.removeHandler(capture)
        root.setLevel(old_level)
    assert len(capture.lines) > 100, "the run was logged"
    assert "update processed" in "".join(capture.lines) and "duplicate update" in "".join(capture.lines)
    logged = "\n".join(capture.lines)
    forbidden = {
        "the child's words": "mean comments", "the Telegram user id": str(TG_USER), "the phone number": WA_USER,
        "a first name": NAME, "a username": USERNAME, "a WhatsApp profile name": "Secretname",
        "the bot token": TOKEN, "the Graph token": WA_TOKEN, "the webhook secret": SECRET,
        "the app secret": APP_SECRET, "the verify token": VERIFY, "the pseudonym secret": s.pseudonym_secret,
    }
    for what, value in forbidden.items():
        assert value not in logged, f"{what} was logged"
    for signature in signatures:
        assert signature not in logged, "a signature was logged"
