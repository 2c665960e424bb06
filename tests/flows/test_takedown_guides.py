"""Takedown guides: every place a report can name has one in each language, a filed report offers
the guide of its place, and the tips lead to every guide."""

from __future__ import annotations

import re

import pytest

from flows.definitions import PLACES
from flows.guides import GUIDE_PLACES, OFFICIAL_CARD, guide_deck
from flows.messages import Msg
from locales import Translator
from tests.support.driver import Driver

LANGS = ("kk", "ru", "en")
# Guides are read by children and adults alike: Russian steps are written without "ты" or "вы".
RUSSIAN_ADDRESS = re.compile(r"\b(ты|тебя|тебе|тобой|твой|твоя|твоё|твои|вы|вас|вам|ваш\w*)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator.load()


def filed_report_about(place: str, hint: str = "en") -> Driver:
    d = Driver(hint=hint)
    d.text("hello")
    d.pick("child")
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text("They post mean comments under my photos")
    d.pick(place)
    d.pick("skip")  # links
    d.pick("done")  # screenshots
    d.pick("no")
    d.pick("14_17")
    d.pick("skip")  # region
    d.pick("anonymous")
    d.pick("send")
    assert d.state.step == "r_done"
    return d


def card_of(driver: Driver) -> Msg:
    card = driver.screen.text.params["card"]
    assert isinstance(card, Msg)
    return card


def test_every_place_of_the_report_has_a_guide() -> None:
    assert GUIDE_PLACES == PLACES
    for place in PLACES:
        assert guide_deck(place) == (f"guide.{place}.report", f"guide.{place}.images", OFFICIAL_CARD)


@pytest.mark.parametrize("lang", LANGS)
def test_every_guide_is_written_in_every_language(translator: Translator, lang: str) -> None:
    for place in PLACES:
        for key in guide_deck(place):
            text = translator.catalogs[lang].get(key, "")
            assert text.startswith("<b>"), (lang, key)
            if key != OFFICIAL_CARD and lang != "en":
                assert text != translator.catalogs["en"][key], (lang, key)


@pytest.mark.parametrize("lang", LANGS)
def test_the_official_routes_name_the_ministry_complaint_and_the_numbers(translator: Translator, lang: str) -> None:
    d = filed_report_about("tiktok", hint=lang)
    d.pick("guide")
    d.pick("next")
    d.pick("next")
    card = card_of(d)
    assert card.key == OFFICIAL_CARD
    text = translator.text(card, lang)
    assert "eotinish.kz" in text
    for number in ("111", "102", "112"):
        assert number in text


def test_russian_guides_address_no_one_as_ty_or_vy(translator: Translator) -> None:
    offenders = {key: RUSSIAN_ADDRESS.findall(translator.catalogs["ru"][key])
                 for place in PLACES for key in guide_deck(place)
                 if RUSSIAN_ADDRESS.search(translator.catalogs["ru"][key])}
    assert offenders == {}


def test_a_filed_report_about_instagram_offers_the_instagram_guide(translator: Translator) -> None:
    d = filed_report_about("instagram")
    assert "guide" in d.options()
    d.pick("guide")
    assert d.state.step == "tips_card"
    assert card_of(d).key == "guide.instagram.report"
    heading = translator.text(d.screen.text, "en").split("\n")[0]
    assert heading.startswith("<b>Instagram: step by step</b>")
    d.pick("next")
    assert card_of(d).key == "guide.instagram.images"
    assert "takeitdown.ncmec.org" in translator.text(d.screen.text, "en")


@pytest.mark.parametrize("place", PLACES)
def test_a_filed_report_offers_the_guide_of_its_own_place(place: str) -> None:
    d = filed_report_about(place)
    d.pick("guide")
    assert card_of(d).key == f"guide.{place}.report"


def test_the_guide_is_offered_only_after_a_report_names_a_place() -> None:
    d = filed_report_about("youtube")
    d.pick("to_menu")
    d.pick("tips")
    assert d.state.step == "tips_topics"
    assert "guide" not in d.options()


@pytest.mark.parametrize("hint", LANGS)
def test_the_tips_lead_to_every_places_guide(hint: str) -> None:
    d = Driver(hint=hint)
    d.text("hello")
    d.pick("parent")
    d.pick("tips")
    assert "guides" in d.options()
    d.pick("guides")
    assert d.state.step == "tips_places"
    assert d.options()[:len(PLACES)] == list(PLACES)
    d.pick("whatsapp")
    assert card_of(d).key == "guide.whatsapp.report"
    d.pick("back")
    assert d.state.step == "tips_places"
