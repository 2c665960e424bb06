"""A full report filed from Telegram, in each language, by pressing the real inline buttons."""

from __future__ import annotations

import pytest

from tests.handlers.telegram.harness import Harness

DESCRIPTION = {
    "kk": "Сыныптастарым күнде суреттеріме жаман пікір жазады.",
    "ru": "Одноклассники каждый день пишут гадости под моими фото.",
    "en": "Classmates post mean comments under my photos every day.",
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
async def test_a_full_report_is_filed_in_each_language(tg: Harness, lang: str) -> None:
    user = {"kk": 7001, "ru": 7002, "en": 7003}[lang]
    await tg.say(user, "/start", lang=lang)
    greeting = tg.sent(user)[0]
    assert greeting["parse_mode"] == "HTML"
    assert greeting["link_preview_options"] == {"is_disabled": True}
    presses = 0
    for value in ("child", "report", "bullying", "me"):
        await tg.press(user, value, lang=lang)
        presses += 1
    await tg.say(user, DESCRIPTION[lang], lang=lang)
    await tg.press(user, "instagram", lang=lang)
    await tg.say(user, "https://instagram.com/p/abc123 @mean_account", lang=lang)
    await tg.post(tg.photo(user, lang=lang))
    for value in ("done", "no", "14_17", "almaty_city", "anonymous", "send"):
        await tg.press(user, value, lang=lang)
    presses += 7

    reference = tg.reference(user)
    case = await tg.application.cases.get_case(reference)
    assert case is not None
    assert case.platform == "telegram" and case.language == lang
    assert case.category == "bullying"
    assert case.fields["description"] == DESCRIPTION[lang]
    assert case.fields["evidence"] == [{"kind": "photo", "ref": "SAAS"}]  # the largest size, never downloaded

    # Every press was acknowledged (in the webhook's response), and every pressed menu lost its keyboard.
    assert len(set(tg.answered_in_webhook())) == presses
    assert tg.fake.of("answerCallbackQuery") == []
    closed = tg.fake.of("editMessageReplyMarkup", user)
    assert len(closed) == presses and all("reply_markup" not in c for c in closed)
    assert all(c.method != "getFile" for c in tg.fake.calls)


async def test_the_engine_speaks_the_language_of_the_hint(tg: Harness) -> None:
    await tg.say(8001, "сәлем", lang="kk")
    await tg.say(8002, "привет", lang="ru")
    kk, ru = tg.last_text(8001), tg.last_text(8002)
    assert any(ch in kk for ch in "әғқңөұүһі")
    assert kk != ru


async def test_an_unknown_language_hint_asks_for_the_language(tg: Harness) -> None:
    await tg.say(8003, "ciao", lang="it")
    _, buttons = tg.keyboard(8003)
    assert [data for _, data in buttons][:3] == ["lang|kk", "lang|ru", "lang|en"]
