"""The privacy screen tells the truth: what is kept (a WhatsApp number too), for how long, who sees it."""

from __future__ import annotations

import pytest

from bot.settings import Settings
from flows.engine import EngineConfig, handle
from flows.events import Pick
from flows.messages import Msg
from flows.privacy import KeepingPeriods
from flows.state import ConversationState
from locales import Translator

# How each language names the number that is kept, and the words of the promise it must not make.
PHONE = {"en": "phone number", "ru": "номер телефона", "kk": "телефон нөмір"}
FALSE_PROMISE = {"en": "not stored", "ru": "не сохраняются", "kk": "сақталмайды"}


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator.load()


def privacy_screen(lang: str, config: EngineConfig | None = None, role: str = "child") -> Msg:
    state = ConversationState(lang=lang, role=role, step="menu")
    result = handle(state, Pick("menu", "privacy"), config=config)
    return result.actions[-1].text  # type: ignore[union-attr]


@pytest.mark.parametrize("role", ["child", "parent"])
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_privacy_screen_says_the_whatsapp_number_is_kept_while_a_person_answers(
        translator: Translator, lang: str, role: str) -> None:
    screen = privacy_screen(lang, role=role)
    text = translator.text(screen, lang)
    assert "WhatsApp" in text and PHONE[lang] in text
    # What is kept of the user (the trusted adults' paragraph beside it says a location is not kept).
    kept = translator.text(screen.params["text"], lang) if "text" in screen.params else text
    assert FALSE_PROMISE[lang] not in kept


@pytest.mark.parametrize("role", ["child", "teacher"])
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_privacy_screen_gives_the_periods_the_hotline_applies(translator: Translator, lang: str, role: str) -> None:
    config = EngineConfig(periods=KeepingPeriods(state_days=7, draft_days=14, retention_days=90))
    text = translator.text(privacy_screen(lang, config, role), lang)
    for days in ("7", "14", "90"):
        assert f" {days} " in text


def test_the_screens_default_periods_are_the_settings_defaults() -> None:
    fields = Settings.model_fields
    assert KeepingPeriods() == KeepingPeriods(
        state_days=fields["state_ttl_days"].default,
        draft_days=fields["draft_retention_days"].default,
        retention_days=fields["retention_days"].default,
    )
