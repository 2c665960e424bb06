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
# Sexual images of children are abuse, never "intimacy" (the Luxembourg Guidelines): no catalog may
# call them intimate, in any language or any word form (интимные, интимных, интим суреттер).
INTIMACY = re.compile(r"intima|интим", re.IGNORECASE)
# Russian written for "him or her" with bracketed endings: "одинок(а)", "увидел(а)", "доверился(-ась)",
# "согласен(на)", "сделал/а". Write a sentence that needs no gender instead.
# Calques and loanwords a Kazakh reader trips over (docs/glossary.md says what to write instead):
# "Бұл кіммен болды?" reads "who were you with?", "Сені естіп тұрмын" is a word-for-word "I hear you",
# "тірі адам" is "a living person", "интим" and "контент" are borrowings with plain Kazakh words.
KAZAKH_CALQUES = re.compile(r"кіммен болды|естіп тұрмын|тірі адам|интим|контент", re.IGNORECASE)
# The user's report is "шағым" everywhere; "өтініш" is left to the operators' texts (op.*), where a
# case in the queue is a request for a person, with or without a report.
KAZAKH_SECOND_REPORT_WORD = re.compile(r"өтініш", re.IGNORECASE)
GENDERED_ENDING = re.compile(r"[а-яё]\(-?[а-яё]{1,3}\)|[а-яё]л/а\b", re.IGNORECASE)


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


def test_no_catalog_frames_child_sexual_abuse_as_intimacy(translator: Translator) -> None:
    offenders = [(lang, key) for lang, entries in translator.catalogs.items()
                 for key, text in entries.items() if INTIMACY.search(text)]
    assert offenders == []


def test_the_intimacy_check_catches_what_it_is_for() -> None:
    for text in ("Интимные фото детей", "Балалар интим суреті", "intimate pictures of a young person"):
        assert INTIMACY.search(text)


def test_russian_is_written_without_bracketed_gender_endings(translator: Translator) -> None:
    offenders = {key: GENDERED_ENDING.findall(text) for key, text in translator.catalogs["ru"].items()
                 if GENDERED_ENDING.search(text)}
    assert offenders == {}


def test_the_gender_ending_check_catches_what_it_is_for() -> None:
    for text in ("Ты не одинок(а)", "увидел(а) это", "доверился(-ась) нам", "согласен(на)", "сделал/а"):
        assert GENDERED_ENDING.search(text), text
    assert not GENDERED_ENDING.search("Твоей вины здесь нет (112 — любая экстренная ситуация)")


def test_kazakh_has_none_of_the_known_calques(translator: Translator) -> None:
    offenders = {key: KAZAKH_CALQUES.findall(text) for key, text in translator.catalogs["kk"].items()
                 if KAZAKH_CALQUES.search(text)}
    assert offenders == {}


def test_kazakh_users_read_one_word_for_their_report(translator: Translator) -> None:
    offenders = [key for key, text in translator.catalogs["kk"].items()
                 if not key.startswith(("op.", "desk.")) and KAZAKH_SECOND_REPORT_WORD.search(text)]
    assert offenders == []
    assert "шағым" in translator.catalogs["kk"]["check.prompt"].lower()


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
