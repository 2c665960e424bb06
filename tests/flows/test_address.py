"""Parents and teachers are addressed as вы / сіз throughout a report; children keep ты / сен."""

from __future__ import annotations

import re

import pytest

from flows.actions import Say
from flows.address import ADULT_KEYS
from locales import Translator
from tests.support.driver import Driver

# The familiar pronouns; an adults' text holding one of them slipped back into the children's register.
FAMILIAR = {
    "ru": re.compile(r"\b(ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоих|твоим)\b", re.IGNORECASE),
    "kk": re.compile(r"\b(сен|сені|саған|сенің|сенімен|сенде|сенен)\b", re.IGNORECASE),
}


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator.load()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_adults_wording_uses_the_familiar_you(translator: Translator, lang: str) -> None:
    offenders = {key: FAMILIAR[lang].findall(translator.catalogs[lang][f"{key}.adult"])
                 for key in ADULT_KEYS if FAMILIAR[lang].search(translator.catalogs[lang][f"{key}.adult"])}
    assert offenders == {}


def report_as(role: str, lang: str) -> list[Say]:
    """A whole report, from the greeting to the case filed and its guide; every message shown."""
    d = Driver(hint=lang)
    d.text("hello")  # the greeting and the role question come before anyone is known
    shown: list[Say] = []
    for step in (lambda: d.pick(role), lambda: d.pick("report"),
                 lambda: d.pick("privacy"), lambda: d.pick("my_child"),
                 lambda: d.text("Одноклассники выкладывают обидные мемы"), lambda: d.pick("vk"),
                 lambda: d.text("no link here"), lambda: d.text("https://vk.com/wall1_2"),
                 lambda: d.text("a text instead of screenshots"), lambda: d.pick("done"),
                 lambda: d.pick("no"), lambda: d.pick("10_13"), lambda: d.pick("almaty_city"),
                 lambda: d.pick("reply_here"), lambda: d.pick("fix"), lambda: d.pick("region"),
                 lambda: d.pick("astana"), lambda: d.pick("send"), lambda: d.pick("guide")):
        shown += step()
    assert d.filed
    return shown


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("role", ["parent", "teacher"])
def test_a_parent_or_teacher_is_never_addressed_as_a_child(translator: Translator, lang: str, role: str) -> None:
    texts = [translator.text(say.text, lang) for say in report_as(role, lang)]
    familiar = [text for text in texts if FAMILIAR[lang].search(text)]
    assert familiar == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_child_keeps_the_familiar_you(translator: Translator, lang: str) -> None:
    texts = [translator.text(say.text, lang) for say in report_as("child", lang)]
    assert any(FAMILIAR[lang].search(text) for text in texts)


CRISIS_IN_A_REPORT = {
    "ru": "Незнакомый взрослый прислал сыну такие фото в личку",
    "kk": "Бейтаныс ересек адам ұлымнан жалаңаш суреттер сұрап, кездесуге шақырып жатыр",
}


def crisis_in_a_report(role: str, lang: str) -> tuple[Driver, list[Say]]:
    """A report on sexual images, the description read as a crisis, then the wait for a person."""
    d = Driver(hint=lang)
    d.text("hello")
    shown: list[Say] = []
    for step in (lambda: d.pick(role), lambda: d.pick("report"), lambda: d.pick("csam"),
                 lambda: d.pick("my_child"), lambda: d.text(CRISIS_IN_A_REPORT[lang])):
        shown += step()
    return d, shown


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("role", ["parent", "teacher"])
def test_a_parent_in_a_crisis_inside_a_report_is_answered_politely(
        translator: Translator, lang: str, role: str) -> None:
    _, shown = crisis_in_a_report(role, lang)
    keys = [say.text.key for say in shown]
    crisis = [key for key in keys if key.startswith(("crisis.", "human."))]
    assert crisis and all(key.endswith(".adult") for key in crisis), keys
    texts = [translator.text(say.text, lang) for say in shown]
    assert [text for text in texts if FAMILIAR[lang].search(text)] == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_child_in_a_crisis_inside_a_report_keeps_the_childs_wording(translator: Translator, lang: str) -> None:
    _, shown = crisis_in_a_report("child", lang)
    crisis = [say.text.key for say in shown if say.text.key.startswith(("crisis.", "human."))]
    assert crisis and not any(key.endswith(".adult") for key in crisis)
    assert any(FAMILIAR[lang].search(translator.text(say.text, lang)) for say in shown
               if say.text.key.startswith(("crisis.", "human.")))


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("key", sorted(k for k in ADULT_KEYS if k.startswith(("crisis.", "human.", "sos.", "waiting"))))
def test_the_adults_crisis_and_waiting_wording_keeps_the_placeholders(
        translator: Translator, lang: str, key: str) -> None:
    holes = re.compile(r"\{\w+\}")
    child, adult = translator.catalogs[lang][key], translator.catalogs[lang][f"{key}.adult"]
    assert sorted(holes.findall(adult)) == sorted(holes.findall(child))


def links_step_as(role: str, lang: str) -> list[Say]:
    """A report of sexual images of children up to its links step, and a text there with no link."""
    d = Driver(hint=lang)
    d.text("hello")
    shown: list[Say] = []
    for step in (lambda: d.pick(role), lambda: d.pick("report"), lambda: d.pick("csam"),
                 lambda: d.pick("my_child"), lambda: d.text("Незнакомый взрослый прислал такие фото в личку"),
                 lambda: d.pick("instagram"), lambda: d.pick("skip"), lambda: d.text("no link here")):
        shown += step()
    return shown


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_links_only_step_speaks_to_a_parent_as_an_adult(translator: Translator, lang: str) -> None:
    keys = [say.text.key for say in links_step_as("parent", lang)]
    assert "report.links_csam.adult" in keys and "report.links_needed.adult" in keys
    parent = [translator.text(say.text, lang) for say in links_step_as("parent", lang)]
    assert [text for text in parent if FAMILIAR[lang].search(text)] == []
    child = [say.text.key for say in links_step_as("child", lang)]
    assert "report.links_csam" in child and "report.links_needed" in child
