"""The Bot API calls `BotApi` posts as JSON it builds itself are the ones aiogram would post."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, TelegramMethod

from handlers.render import Button
from handlers.telegram.api import BotApi, create_bot, keyboard_json, message_json, sos_keyboard_json
from handlers.telegram.render import PARSE_MODE, SendText

BUTTONS = (Button("Yes", "a|yes"), Button("No", "a|no"), Button("A label long enough for a row of its own", "a|z"),
           Button("Ещё", "~more:1"))


def aiogram_json(method: TelegramMethod[Any]) -> dict[str, Any]:
    bot = create_bot("123:ABC", "http://127.0.0.1:9")
    session = bot.session
    dumped = session.prepare_value(method.model_dump(warnings=False), bot=bot, files={}, _dumps_json=False)
    return dict(json.loads(session.json_dumps(dumped)))


@pytest.mark.parametrize("item", [SendText("hi <b>x</b>", BUTTONS), SendText("hi", (), "SOS"), SendText("plain")])
@pytest.mark.parametrize("parse_mode", [PARSE_MODE, None])
def test_send_message_as_aiogram_sends_it(item: SendText, parse_mode: str | None) -> None:
    markup = (keyboard_json(item.buttons) if item.buttons
              else sos_keyboard_json(item.sos_label) if item.sos_label else None)
    ours = json.loads(json.dumps(message_json(42, item.text, parse_mode, markup)))
    assert ours == aiogram_json(BotApi._message(42, item, parse_mode, item.text))


def test_answer_and_close_as_aiogram_sends_them() -> None:
    assert aiogram_json(AnswerCallbackQuery(callback_query_id="9", text=None)) == {"callback_query_id": "9"}
    assert aiogram_json(AnswerCallbackQuery(callback_query_id="9", text="old")) == {"callback_query_id": "9",
                                                                                     "text": "old"}
    assert aiogram_json(EditMessageReplyMarkup(chat_id=5, message_id=7)) == {"chat_id": 5, "message_id": 7}
