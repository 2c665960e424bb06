"""build_channel: off without a token, refused with a malformed token or incomplete catalogs."""

from __future__ import annotations

from typing import cast

import pytest

from bot.service import ConversationService
from bot.settings import Settings
from handlers.telegram import build_channel
from handlers.telegram.texts import TELEGRAM_KEYS
from locales import CatalogError, Translator
from locales.translator import LANGUAGES

SERVICE = cast(ConversationService, object())  # not used before the first update


def test_telegram_is_off_without_a_token() -> None:
    assert build_channel(Settings(telegram_bot_token=None), SERVICE, Translator.load()) is None


def test_a_malformed_token_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="TELEGRAM_BOT_TOKEN"):
        build_channel(Settings(telegram_bot_token="not-a-token"), SERVICE, Translator.load())


def test_incomplete_telegram_catalogs_stop_the_start() -> None:
    translator = Translator.load()
    del translator.catalogs["kk"]["tg.sos_button"]
    with pytest.raises(CatalogError, match=r"tg\.sos_button"):
        build_channel(Settings(telegram_bot_token="123:ABC"), SERVICE, translator)


def test_every_telegram_text_is_translated_and_kazakh_is_kazakh() -> None:
    translator = Translator.load()
    assert translator.check(TELEGRAM_KEYS) == []
    for key in TELEGRAM_KEYS:
        texts = {lang: translator.template(key, lang) for lang in LANGUAGES}
        assert len(set(texts.values())) == 3, key
        assert any(ch in texts["kk"] for ch in "әғқңөұүһі"), key
