"""Pressed buttons answered in the webhook's response (one Bot API call Telegram makes for us) when
the answer needs no state; by the worker otherwise, and always when the update came by polling."""

from __future__ import annotations

import copy

from bot.delivery.intake import MemoryIntake
from flows.messages import Msg
from tests.handlers.telegram.harness import Harness


async def test_a_fresh_press_is_answered_in_the_webhook_response_and_not_by_the_worker(tg: Harness) -> None:
    await tg.say(7101, "/start")
    message_id, data = tg.button(7101, "child")
    press = tg.callback(7101, data, message_id)
    before = len(tg.sent(7101))
    response = await tg.post(press)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"method": "answerCallbackQuery", "callback_query_id": press["callback_query"]["id"]}
    assert tg.fake.of("answerCallbackQuery") == []  # the worker made no call of its own
    assert tg.fake.of("editMessageReplyMarkup", 7101) == [{"chat_id": 7101, "message_id": message_id}]
    assert len(tg.sent(7101)) > before  # ...and the press was processed as ever


async def test_a_press_delivered_twice_is_answered_each_time_and_processed_once(tg: Harness) -> None:
    await tg.say(7102, "/start")
    message_id, data = tg.button(7102, "child")
    press = tg.callback(7102, data, message_id)
    first = await tg.post(press)
    sent = len(tg.sent(7102))
    again = await tg.post(copy.deepcopy(press))  # Telegram did not get the first answer, say
    assert first.json() == again.json() == {"method": "answerCallbackQuery",
                                            "callback_query_id": press["callback_query"]["id"]}
    assert len(tg.sent(7102)) == sent
    assert len(tg.fake.of("editMessageReplyMarkup", 7102)) == 1
    assert tg.fake.of("answerCallbackQuery") == []


async def test_data_this_bot_did_not_make_is_answered_by_the_worker_with_a_notice(tg: Harness) -> None:
    await tg.say(7103, "/start", lang="ru")
    response = await tg.post(tg.callback(7103, "c=uud&pid=1&bid=1", 4242, lang="ru"))
    assert response.json() == {"ok": True}
    (answer,) = tg.fake.of("answerCallbackQuery")
    assert answer["text"] == tg.application.translator.text(Msg("tg.stale"), "ru")


async def test_a_press_in_a_group_is_answered_by_the_worker_even_with_our_data(tg: Harness) -> None:
    await tg.say(7104, "/start")
    message_id, data = tg.button(7104, "child")
    press = tg.callback(7104, data, message_id)
    press["callback_query"]["message"]["chat"] = {"id": -1001234567489, "title": "A group", "type": "supergroup"}
    response = await tg.post(press)
    assert response.json() == {"ok": True}
    assert [a["callback_query_id"] for a in tg.fake.of("answerCallbackQuery")] == [press["callback_query"]["id"]]


async def test_nothing_is_answered_when_the_press_cannot_be_stored(tg: Harness) -> None:
    await tg.say(7105, "/start")
    message_id, data = tg.button(7105, "child")
    press = tg.callback(7105, data, message_id)
    assert tg.application.pipeline is not None
    intake = tg.application.pipeline.intake
    assert isinstance(intake, MemoryIntake)
    intake.max_pending = 0  # full: nothing more is stored
    refused = await tg.post(press)
    assert refused.status_code == 503
    assert "method" not in refused.json()
    assert tg.webhook_requests == [] and tg.fake.of("answerCallbackQuery") == []
    intake.max_pending = 10  # Telegram retries later, and the press is answered then
    retried = await tg.post(press)
    assert retried.json()["callback_query_id"] == press["callback_query"]["id"]
    assert tg.fake.of("editMessageReplyMarkup", 7105)


async def test_a_press_fetched_by_polling_is_answered_by_the_worker(tg: Harness) -> None:
    await tg.say(7106, "/start")
    message_id, data = tg.button(7106, "child")
    press = tg.callback(7106, data, message_id)
    before = len(tg.sent(7106))
    await tg.poll(press)
    (answer,) = tg.fake.of("answerCallbackQuery")
    assert answer["callback_query_id"] == press["callback_query"]["id"] and "text" not in answer
    assert tg.fake.of("editMessageReplyMarkup", 7106) == [{"chat_id": 7106, "message_id": message_id}]
    assert len(tg.sent(7106)) > before
    assert tg.webhook_requests == []
