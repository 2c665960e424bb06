"""Sending within Telegram's limits: 429 retry_after, server errors, blocked users, refusals."""

from __future__ import annotations

import copy

from bot.service import Reply
from flows.actions import Say
from flows.messages import Msg
from tests.handlers.telegram.harness import Harness
from tests.support.fake_telegram import api_response, fixture


async def test_a_429_is_retried_after_retry_after_and_nothing_is_lost(tg: Harness) -> None:
    tg.fake.fail("sendMessage", api_response("429_too_many_requests"))  # retry_after 14
    await tg.say(6001, "/start")
    attempts = tg.fake.of("sendMessage", 6001, ok_only=False)
    assert [c.status for c in tg.fake.calls if c.method == "sendMessage"][:2] == [429, 200]
    assert attempts[0]["text"] == attempts[1]["text"]
    assert tg.sleeps == [14.0]
    assert len(tg.fake.of("sendMessage", 6001)) == 2  # the greeting screen and the SOS button intro
    metrics = tg.channel.metrics()
    assert metrics["telegram_sent"] == 2 and metrics["telegram_retries"] == 1
    pipeline = tg.application.pipeline
    assert pipeline is not None and pipeline.metrics.value("helpline_updates_received_total", platform="telegram") == 1


async def test_server_errors_are_retried_with_backoff(tg: Harness) -> None:
    tg.fake.fail("sendMessage", {"ok": False, "error_code": 502, "description": "Bad Gateway"}, times=2)
    await tg.say(6002, "/start")
    assert len(tg.sleeps) == 2 and 0 < tg.sleeps[0] <= tg.sleeps[1] * 2
    assert len(tg.fake.of("sendMessage", 6002)) == 2


async def test_a_reply_that_cannot_be_sent_does_not_lose_the_users_message(tg: Harness) -> None:
    await tg.say(6003, "/start")
    for value in ("child", "report", "bullying", "me"):
        await tg.press(6003, value)
    tg.fake.fail("sendMessage", {"ok": False, "error_code": 500, "description": "Internal Server Error"}, times=None)
    await tg.say(6003, "They share my photos in a group.")
    state = await tg.application.states.load(tg.application.service.key_for("telegram", "6003"))
    assert state is not None and state["draft"]["description"] == "They share my photos in a group."
    assert state["step"] == "r_where"


async def test_a_refused_message_is_not_retried_and_the_rest_is_sent(tg: Harness) -> None:
    tg.fake.fail("sendMessage", api_response("400_message_too_long"))
    await tg.say(6004, "/start")
    statuses = [c.status for c in tg.fake.calls if c.method == "sendMessage"]
    assert statuses == [400, 200]
    assert tg.sleeps == []


async def test_html_telegram_cannot_parse_is_sent_again_as_plain_text(tg: Harness) -> None:
    tg.fake.fail("sendMessage", {"ok": False, "error_code": 400,
                                 "description": "Bad Request: can't parse entities: Unsupported start tag"})
    await tg.say(6005, "SOS")
    first, second = tg.fake.of("sendMessage", 6005, ok_only=False)[:2]
    assert first["parse_mode"] == "HTML" and "<b>" in first["text"]
    assert "parse_mode" not in second and "<b>" not in second["text"]


async def test_a_user_who_blocked_the_bot_gets_nothing_more(tg: Harness) -> None:
    await tg.say(6006, "/start")
    blocked = copy.deepcopy(fixture("my_chat_member_blocked"))
    blocked["update_id"] = tg.next_update_id()
    blocked["my_chat_member"]["chat"]["id"] = blocked["my_chat_member"]["from"]["id"] = 6006
    assert (await tg.post(blocked)).status_code == 200
    assert await tg.application.service.is_unreachable("telegram", "6006")
    before = len(tg.fake.calls)
    report = await tg.channel.deliver(6006, Reply("en", (Say(Msg("menu.prompt")),)))  # e.g. an operator's answer
    assert report.sent == 0 and len(tg.fake.calls) == before

    unblocked = copy.deepcopy(fixture("my_chat_member_unblocked"))
    unblocked["my_chat_member"]["chat"]["id"] = unblocked["my_chat_member"]["from"]["id"] = 6006
    await tg.post(unblocked)
    assert not await tg.application.service.is_unreachable("telegram", "6006")
    report = await tg.channel.deliver(6006, Reply("en", (Say(Msg("menu.prompt")),)))
    assert report.sent == 1


async def test_a_403_on_send_marks_the_user_unreachable_and_stops_the_reply(tg: Harness) -> None:
    tg.fake.block(6007)
    await tg.say(6007, "/start")
    assert [c.status for c in tg.fake.calls if c.method == "sendMessage"] == [403]  # not the rest, no retries
    assert tg.channel.metrics()["telegram_failed_recipient_gone"] == 1
    assert await tg.application.service.is_unreachable("telegram", "6007")
    assert tg.sleeps == []


async def test_a_deactivated_user_is_unreachable_too(tg: Harness) -> None:
    tg.fake.fail("sendMessage", api_response("403_user_deactivated"), chat_id=6008)
    await tg.say(6008, "/start")
    assert await tg.application.service.is_unreachable("telegram", "6008")


async def test_writing_again_after_a_block_makes_the_user_reachable(tg: Harness) -> None:
    # Telegram delivers nothing from a user who blocked the bot, so a message proves they are
    # back even if it arrives before the my_chat_member "member" update.
    await tg.application.service.set_unreachable("telegram", "6009", True)
    await tg.say(6009, "/start")
    assert not await tg.application.service.is_unreachable("telegram", "6009")
    assert tg.fake.of("sendMessage", 6009)


async def test_callback_answer_failure_does_not_stop_the_reply(tg: Harness) -> None:
    await tg.say(6010, "/start")
    tg.fake.fail("answerCallbackQuery", {"ok": False, "error_code": 400,
                                         "description": "Bad Request: query is too old and response timeout expired"})
    tg.fake.fail("editMessageReplyMarkup", {"ok": False, "error_code": 400,
                                            "description": "Bad Request: message is not modified"})
    before = len(tg.fake.of("sendMessage", 6010))
    message_id, data = tg.button(6010, "child")
    await tg.poll(tg.callback(6010, data, message_id))  # by polling: the worker answers it itself
    assert tg.fake.of("answerCallbackQuery", ok_only=False) and tg.fake.of("answerCallbackQuery") == []
    assert len(tg.fake.of("sendMessage", 6010)) == before + 1

