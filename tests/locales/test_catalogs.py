"""The catalogs: complete, consistent, within the platforms' limits, and in real Kazakh."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from flows.catalog_keys import tip_keys, ui_keys
from flows.definitions import STEPS
from flows.screens import options_for
from flows.state import ConversationState
from locales import Translator
from locales.translator import LANGUAGES, LOCALES_DIR

KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
FORBIDDEN_TERMS = re.compile(r"porn|порн", re.IGNORECASE)


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator.load()


def test_every_key_is_translated_with_the_same_placeholders(translator: Translator) -> None:
    assert translator.check(ui_keys() | tip_keys()) == []


@pytest.mark.parametrize("po", sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po")),
                         ids=lambda p: str(p.relative_to(LOCALES_DIR)))
def test_catalog_has_no_untranslated_or_fuzzy_entry(po: Path) -> None:
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_no_catalog_says_child_pornography(translator: Translator) -> None:
    offenders = [(lang, key) for lang, entries in translator.catalogs.items()
                 for key, text in entries.items() if FORBIDDEN_TERMS.search(text)]
    assert offenders == []


def test_kazakh_is_written_with_kazakh_letters(translator: Translator) -> None:
    long_entries = {k: v for k, v in translator.catalogs["kk"].items() if len(v) > 60 and k not in ("lang.prompt",)}
    without = [k for k, v in long_entries.items() if not KAZAKH_LETTERS.search(v)]
    # Every longer Kazakh text needs some of ә ғ қ ң ө ұ ү һ і; one without any is Russian in disguise.
    assert without == []
    assert translator.catalogs["kk"]["greeting"] != translator.catalogs["ru"]["greeting"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_choice_labels_fit_whatsapp(translator: Translator, lang: str) -> None:
    """Reply buttons hold 20 characters (steps with at most 3 choices), list rows 24."""
    too_long = []
    for step in STEPS.values():
        for draft in ({}, {"category": "csam"}):
            state = ConversationState(lang=lang, step=step.id, trail=("menu",), draft=draft,
                                      tips_audience="parents", tips_topic="bullying")
            options = options_for(step, state)
            limit = 20 if len(options) <= 3 else 24
            for option in options:
                label = translator.text(option.label, lang)
                if len(label) > limit:
                    too_long.append(f"{step.id}: {label!r} ({len(label)} > {limit})")
    assert too_long == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_emergency_numbers_are_rendered_in_every_language(translator: Translator, lang: str) -> None:
    from flows.emergency import DEFAULT_EMERGENCY_LINES, numbers_block

    text = translator.text(numbers_block(DEFAULT_EMERGENCY_LINES), lang)
    for number in ("112", "102", "103", "111"):
        assert number in text


def test_user_text_is_escaped_but_templates_are_not(translator: Translator) -> None:
    import html

    from flows.messages import Msg

    msg = Msg("check.not_found", {"ref": "<b>&"})
    text = translator.text(msg, "en", html.escape)
    assert "&lt;b&gt;&amp;" in text


def test_trilingual_labels_are_the_same_in_every_catalog(translator: Translator) -> None:
    """Issue 11: the picker's and the SOS screen's way to a language is readable whatever the language."""
    for key in ("nav.menu_all", "nav.sos_all", "sos.language", "wa.list_button_languages"):
        texts = {translator.template(key, lang) for lang in LANGUAGES}
        assert len(texts) == 1, key
        (text,) = texts
        lowered = text.lower()
        assert any("а" <= ch <= "я" for ch in lowered) and any("a" <= ch <= "z" for ch in lowered), key
