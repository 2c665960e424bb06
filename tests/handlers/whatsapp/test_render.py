"""render.py: WhatsApp's limits on texts, buttons and lists, paging, and formatting."""

from __future__ import annotations

from typing import Any

import pytest

from flows.definitions import REGIONS, STEPS
from flows.emergency import DEFAULT_EMERGENCY_LINES
from flows.screens import screen
from flows.state import ConversationState
from handlers.render import Button, OutMessage, render
from handlers.whatsapp import CATALOG_KEYS
from handlers.whatsapp.parse import parse_more
from handlers.whatsapp.render import (
    ListTexts,
    PagedMenu,
    fit,
    list_content,
    paginate,
    protect,
    render_message,
    split_body,
    text_contents,
)
from locales import Translator
from locales.translator import LANGUAGES
from tests.handlers.whatsapp.harness import choices

TEXTS = ListTexts("Choose", "More…")


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator.load()


def buttons(step: str, values: list[str]) -> tuple[Button, ...]:
    return tuple(Button(v.title(), f"{step}|{v}") for v in values)


def test_a_long_text_is_split_within_4096() -> None:
    text = ("line " * 30 + "\n") * 200
    parts = text_contents(text)
    assert len(parts) > 1
    assert all(len(p["text"]["body"]) <= 4096 and p["text"]["preview_url"] is False for p in parts)


def test_three_short_choices_are_reply_buttons() -> None:
    [content] = render_message(OutMessage("Pick one", buttons("s", ["a", "b", "sos"])), TEXTS, "en").contents
    assert content["interactive"]["type"] == "button"
    assert choices(content) == [("s|a", "A"), ("s|b", "B"), ("s|sos", "Sos")]


def test_four_choices_or_a_long_label_make_a_list() -> None:
    four = render_message(OutMessage("Pick", buttons("s", ["a", "b", "c", "d"])), TEXTS, "en")
    assert four.contents[0]["interactive"]["type"] == "list" and four.menu is None
    long = render_message(OutMessage("Pick", (Button("A label of 22 letters!", "s|a"),)), TEXTS, "en")
    assert long.contents[0]["interactive"]["type"] == "list"
    assert long.contents[0]["interactive"]["action"]["button"] == "Choose"


def test_labels_beyond_the_limit_are_cut_with_an_ellipsis() -> None:
    assert fit("x" * 30, 24) == "x" * 23 + "…"
    assert fit("short", 24) == "short"
    assert fit("  ", 20) == "…"


def region_buttons() -> tuple[Button, ...]:
    return buttons("r_region", [*REGIONS, "skip", "back", "cancel", "sos"])


def test_twenty_regions_are_paged_with_sos_on_every_page() -> None:
    pages = paginate(region_buttons())
    assert [len(p) for p in pages] == [9, 9, 8]
    assert all(p[-1].data == "r_region|sos" for p in pages)
    own = [b.data.partition("|")[2] for p in pages for b in p if not b.data.endswith("|sos")]
    assert own == [*REGIONS, "skip", "back", "cancel"]


def test_each_page_links_to_the_next_and_fits_ten_rows() -> None:
    rendered = render_message(OutMessage("Which region?", region_buttons()), TEXTS, "kk")
    assert rendered.menu == PagedMenu("r_region", "Which region?", region_buttons(), "kk")
    assert PagedMenu.from_dict(rendered.menu.to_dict()) == rendered.menu
    for page in range(3):
        rows = choices(list_content("Which region?", region_buttons(), TEXTS, page))
        assert len(rows) <= 10
        more = [parse_more(i) for i, _ in rows if i.startswith("~more:")]
        if page < 2:
            assert rows[-1] == (f"~more:r_region:{page + 1}", "More…")
            assert more and more[0] is not None and more[0].page == page + 1
        else:
            assert more == []
    assert choices(list_content("x", region_buttons(), TEXTS, 99)) == choices(
        list_content("x", region_buttons(), TEXTS, 2))  # out of range: the last page


def test_ten_choices_fit_one_list_without_paging() -> None:
    ten = buttons("s", [str(i) for i in range(10)])
    assert paginate(ten) == [list(ten)]
    assert render_message(OutMessage("x", ten), TEXTS, "en").menu is None


def test_a_long_body_goes_first_as_text_and_the_question_stays_with_the_choices() -> None:
    text = "Summary line\n" * 120 + "\nIs everything right?"
    rendered = render_message(OutMessage(text, buttons("r_review", ["send", "fix", "back", "cancel", "sos"])),
                              TEXTS, "en")
    *lead, menu = rendered.contents
    assert lead and all(c["type"] == "text" for c in lead)
    assert menu["interactive"]["body"]["text"] == "Is everything right?"
    lead_text, body = split_body("a" * 3000)
    assert len(body) <= 1024 and len(lead_text) + len(body) >= 2999


def test_template_bold_becomes_whatsapp_bold_and_nothing_is_html_escaped() -> None:
    [content] = text_contents("<b>Where:</b> Instagram & co <3")
    assert content["text"]["body"] == "*Where:* Instagram & co <3"


def test_regression_user_typed_b_tag_paired_with_template_bold(translator: Translator) -> None:
    """A description holding "<b>" once paired with the next row's "</b>" and bolded half the
    review summary (found by the English full-report test)."""
    from flows.actions import Say
    from flows.messages import Msg

    rows = (Msg("review.row", {"field": Msg("field.description"), "value": "mean <b> memes"}),
            Msg("review.row", {"field": Msg("field.place"), "value": "Instagram"}))
    say = Say(Msg("review.rows", {"rows": rows}))
    [out] = render((say,), "en", translator, protect, 4096)
    assert isinstance(out, OutMessage)
    [content] = text_contents(out.text)
    body = content["text"]["body"]
    place = translator.template("field.place", "en")
    assert "mean <b> memes" in body and f"*{place}:* Instagram" in body


def states_for(step_id: str, lang: str) -> list[ConversationState]:
    return [ConversationState(lang=lang, step=step_id, trail=trail, draft=draft, tips_audience="parents",
                              tips_topic="bullying", last_case="KZ-TEST-0001")
            for trail in ((), ("menu",)) for draft in ({}, {"category": "csam"}, {"category": "bullying"})]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_screen_fits_whatsapp_without_cutting_a_label(translator: Translator, lang: str) -> None:
    texts = ListTexts(translator.template("wa.list_button", lang), translator.template("wa.more", lang))
    problems: list[str] = []
    for step_id in STEPS:
        for state in states_for(step_id, lang):
            say = screen(step_id, state, DEFAULT_EMERGENCY_LINES, 1500)
            for out in render((say,), lang, translator, protect, 4096):
                assert isinstance(out, OutMessage)
                rendered = render_message(out, texts, lang)
                contents: list[dict[str, Any]] = list(rendered.contents)
                if rendered.menu is not None:
                    contents += [list_content(rendered.menu.body, rendered.menu.buttons, texts, page)
                                 for page in range(1, len(paginate(rendered.menu.buttons)))]
                labels = {b.data: b.label for b in out.buttons}
                for content in contents:
                    for row_id, title in choices(content):
                        if row_id in labels and title != labels[row_id]:
                            problems.append(f"{step_id}: {labels[row_id]!r} cut to {title!r}")
                    if content["type"] == "interactive":
                        if len(content["interactive"]["body"]["text"]) > 1024:
                            problems.append(f"{step_id}: body over 1024")
                        if len(choices(content)) > 10:
                            problems.append(f"{step_id}: more than 10 rows")
    assert problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whatsapp_catalog_is_complete_and_fits(translator: Translator, lang: str) -> None:
    assert translator.check(CATALOG_KEYS) == []
    assert 0 < len(translator.template("wa.list_button", lang)) <= 20
    assert 0 < len(translator.template("wa.more", lang)) <= 24


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_picker_speaks_all_three_languages(translator: Translator, lang: str) -> None:
    """Issue 11: the picker's list button and its way out were Russian only ("Выбрать", "Главное меню")."""
    texts = ListTexts(translator.template("wa.list_button", lang), translator.template("wa.more", lang),
                      translator.template("wa.list_button_languages", lang))
    say = screen("lang", ConversationState(step="lang"), DEFAULT_EMERGENCY_LINES, 1500)
    [out] = render((say,), lang, translator, protect, 4096)
    assert isinstance(out, OutMessage)
    [content] = render_message(out, texts, lang).contents
    button = content["interactive"]["action"]["button"]
    titles = [title for _, title in choices(content)]
    assert button == "Тіл/Язык/Language" and len(button) <= 20
    assert titles == ["Қазақша", "Русский", "English", "Мәзір / Меню / Menu", "🆘 Көмек / Помощь / Help"]
    # Any other list keeps the conversation's own language.
    other = render_message(OutMessage("Pick", buttons("s", ["a", "b", "c", "d"])), texts, lang).contents[0]
    assert other["interactive"]["action"]["button"] == translator.template("wa.list_button", lang)


def test_kazakh_whatsapp_texts_are_kazakh(translator: Translator) -> None:
    assert translator.template("wa.list_button", "kk") != translator.template("wa.list_button", "ru")
    assert any(ch in "әғқңөұүһі" for key in CATALOG_KEYS for ch in translator.template(key, "kk").lower())
