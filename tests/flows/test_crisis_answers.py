"""Crisis answers that fit the crisis, in kk, ru and en: what the child sees after a typed crisis.

Self-harm and suicide get "you matter, you are not alone, the numbers, a person", never advice about
someone hurting them; sextortion, grooming and threats get their own advice. "Danger now: yes" shows
the numbers once per message, and the confidentiality note comes at the first disclosure in every
report category.
"""

from __future__ import annotations

import html

import pytest

from flows.actions import Say
from flows.crisis_answers import FAMILY, family
from flows.crisis_phrases import GROUPS
from flows.definitions import CATEGORIES
from flows.engine import handle
from flows.events import Escalated
from flows.state import ConversationState
from handlers.render import Discard, OutMessage, render, strip_markup
from locales import Translator
from tests.support.driver import Driver

TRANSLATOR = Translator.load()

# (family, lang, message): one typed message per family and language, read outside a report.
CASES = [
    ("selfharm", "en", "I want to kill myself"),
    ("selfharm", "ru", "я хочу покончить с собой"),
    ("selfharm", "kk", "өзімді өлтіргім келеді"),
    ("selfharm", "kk", "olgim keledi"),
    ("sextortion", "en", "he says he'll post my nudes if i dont pay"),
    ("sextortion", "ru", "угрожает разослать мои фото если не заплачу"),
    ("sextortion", "kk", "ақша бермесем суреттерімді таратамын дейді"),
    ("grooming", "en", "he asked me to send pics"),
    ("grooming", "ru", "мой парень требует фото"),
    ("grooming", "kk", "бір ересек адам шешінген суретімді сұрап жатыр"),
    ("violence", "en", "they said they will stab me tomorrow"),
    ("violence", "ru", "он угрожает меня убить"),
    ("violence", "kk", "сені өлтіреміз деп жазды"),
]
# The SOS screen's bullying advice, which must never answer a child who wants to die.
BULLYING_ADVICE = {
    "en": "Don't reply to the person who is hurting you",
    "ru": "Не отвечай тому, кто тебе вредит",
    "kk": "Саған зиян келтіріп жүрген адамға жауап жазба",
}
FIRST_LINE = {  # the first words of each family's answer, as the child reads them
    ("selfharm", "en"): "I'm really glad you wrote to me. You matter, and you are not alone",
    ("selfharm", "ru"): "Спасибо, что пишешь мне. Твоя жизнь важна",
    ("selfharm", "kk"): "Маған жазғаның өте дұрыс. Сенің өмірің маңызды",
    ("sextortion", "en"): "It is not your fault: the person threatening you",
    ("sextortion", "ru"): "В этом нет твоей вины: плохо поступает тот, кто угрожает",
    ("sextortion", "kk"): "Бұған сен кінәлі емессің: қорқытып жүрген адам",
    ("grooming", "en"): "Thank you for telling me. An adult who asks a child for photos",
    ("grooming", "ru"): "Спасибо, что рассказываешь. Взрослый, который просит у ребёнка фото",
    ("grooming", "kk"): "Айтқаның үшін рақмет. Баладан сурет, құпия немесе кездесу сұрайтын",
    ("violence", "en"): "What you describe is not OK, and it is not your fault.",
    ("violence", "ru"): "Так быть не должно, и в этом нет твоей вины.",
    ("violence", "kk"): "Бұлай болмауы керек, бұған сен кінәлі емессің.",
}


def seen(d: Driver, lang: str) -> list[OutMessage]:
    """The last turn as the platform would send it (texts without buttons join the next message)."""
    out = render(tuple(d.last), lang, TRANSLATOR, html.escape, 4096)
    return [strip(m) for m in out if not isinstance(m, Discard)]


def strip(message: OutMessage) -> OutMessage:
    return OutMessage(strip_markup(message.text), message.buttons)


def at_menu(lang: str) -> Driver:
    d = Driver(hint=lang)
    d.text("/start")
    d.pick("child")
    return d


@pytest.mark.parametrize(("fam", "lang", "text"), CASES)
def test_a_crisis_typed_on_the_menu_gets_the_answer_of_its_family(fam: str, lang: str, text: str) -> None:
    d = at_menu(lang)
    d.text(text)
    assert d.state.step == "sos"
    messages = seen(d, lang)
    screen = next(m for m in messages if m.buttons)
    assert screen.text.startswith(FIRST_LINE[(fam, lang)])
    assert "📞 112" in screen.text and "📞 111" in screen.text
    labels = [b.label for b in screen.buttons]
    assert TRANSLATOR.template("sos.person", lang) in labels  # a person is one press away
    assert all(BULLYING_ADVICE[lang] not in m.text for m in messages)
    assert d.escalations and d.escalations[-1].level in ("high", "critical")


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_a_first_message_about_suicide_gets_the_self_harm_answer(lang: str) -> None:
    text = {"en": "kms", "ru": "не хочу больше жить", "kk": "өмір сүргім келмейді"}[lang]
    d = Driver(hint=lang)
    d.text(text)
    screen = next(m for m in seen(d, lang) if m.buttons)
    assert screen.text.startswith(FIRST_LINE[("selfharm", lang)])
    assert BULLYING_ADVICE[lang] not in screen.text


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_self_harm_inside_a_report_gets_its_own_note_and_the_report_goes_on(lang: str) -> None:
    text = {"en": "they bully me and i want to die", "ru": "меня травят и я не хочу жить",
            "kk": "мені мазақтайды, өлгім келеді"}[lang]
    d = at_menu(lang)
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text(text)
    assert d.keys()[0] == "crisis.selfharm_inline"
    assert d.state.step == "r_where" and d.state.draft["description"] == text
    first = seen(d, lang)[0].text
    assert first.count("📞 112") == 1
    assert BULLYING_ADVICE[lang] not in first


def test_a_drug_recruitment_signal_keeps_the_general_sos_screen() -> None:
    d = at_menu("ru")
    d.text("предложили работу закладчиком")
    assert d.keys()[:2] == ["crisis.heard", "sos.prompt"]


def test_self_harm_chooses_the_answer_wherever_it_stands_among_the_reasons() -> None:
    assert family(("sextortion", "self_harm")) == "selfharm"
    assert family(("threat_now", "grooming")) == "violence"
    assert family(("recruitment_drugs",)) == "other"
    assert set(FAMILY) <= set(GROUPS)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_danger_now_yes_shows_the_numbers_once(lang: str) -> None:
    d = at_menu(lang)
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text("они пишут гадости" if lang == "ru" else "they write mean things")
    d.pick("instagram")
    d.pick("skip")
    d.pick("skip")
    d.pick("yes")
    assert d.escalations[-1].level == "critical"
    messages = seen(d, lang)
    assert [m.text.count("📞 112") for m in messages] == [1]  # one message, one emergency block


def test_a_crisis_inside_a_report_shows_the_numbers_once_though_a_person_is_called() -> None:
    d = at_menu("en")
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text("I'm standing on the roof right now")
    assert d.escalations[-1].level == "critical"
    assert [m.text.count("📞 112") for m in seen(d, "en")] == [1]


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_confidentiality_note_comes_at_the_first_disclosure_in_every_category(category: str) -> None:
    d = at_menu("kk")
    d.pick("report")
    d.pick(category)
    assert d.keys().count("notice.confidentiality") == 1
    d.pick("back")
    d.pick(category)
    assert "notice.confidentiality" not in d.keys()  # once per conversation


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_after_self_harm_the_wait_gives_no_bullying_advice(lang: str) -> None:
    d = at_menu(lang)
    d.text({"en": "i want to die", "ru": "хочу умереть", "kk": "өлгім келеді"}[lang])
    assert "human.queued_selfharm" in d.keys()
    d.pick("person")  # "talk to a person" on the self-harm screen
    assert d.keys()[0] == "human.queued_selfharm"
    assert all(BULLYING_ADVICE[lang] not in m.text for m in seen(d, lang))


def test_after_self_harm_out_of_hours_says_the_numbers_answer_now() -> None:
    state = ConversationState(lang="ru", role="child", step="sos", escalated="high", risk_reasons=("self_harm",))
    result = handle(state, Escalated("critical", "sos", back_at="09:00"))
    keys = [a.text.key for a in result.actions if isinstance(a, Say)]
    assert keys[:2] == ["human.after_hours_selfharm", "human.numbers_now"]


def test_other_crises_keep_the_usual_wait_text() -> None:
    d = at_menu("en")
    d.text("he says he'll post my nudes if i dont pay")
    assert "human.queued" in d.keys() and "human.queued_selfharm" not in d.keys()
