"""Direction overrides and invisible characters cannot disguise user text where staff read it."""

from __future__ import annotations

import pytest

from handlers.staff_text import neutralise

CASES = [
    # A link whose end reads backwards: shown as "...exe.jpg" to the eye, an .exe in fact.
    ("https://files.kz/photo\u202egpj.exe", "https://files.kz/photo[U+202E]gpj.exe"),
    # The same trick with an isolate and its closing mark.
    ("смотри \u2067зиккәш\u2069 тут", "смотри [U+2067]зиккәш[U+2069] тут"),
    # A phone number with zero-width spaces: what is copied is not what is seen.
    ("мой номер 8701\u200b123\u200b4567", "мой номер 8701[U+200B]123[U+200B]4567"),
    # A word joiner, a BOM and a soft hyphen hidden in a username.
    ("@kai\u2060rat\ufeff_\u00adbot", "@kai[U+2060]rat[U+FEFF]_[U+00AD]bot"),
    # Left-to-right and Arabic letter marks, embeddings and the pop.
    ("a\u200eb\u061cc\u202ad\u202c", "a[U+200E]b[U+061C]c[U+202A]d[U+202C]"),
    # A zero-width joiner outside an emoji sequence is shown; inside one it is kept.
    ("he\u200dllo", "he[U+200D]llo"),
    ("мы 👨\u200d👩\u200d👧 и 👍🏽", "мы 👨\u200d👩\u200d👧 и 👍🏽"),
    ("❤\ufe0f\u200d🔥", "❤\ufe0f\u200d🔥"),
    # Line and paragraph separators become breaks; ordinary text in every script is untouched.
    ("a\u2028b\u2029c", "a\nb\n\nc"),
    ("Сәлем, мені қорлап жүр! Hello <b>", "Сәлем, мені қорлап жүр! Hello <b>"),
]


@pytest.mark.parametrize("typed,shown", CASES)
def test_invisible_characters_are_shown(typed: str, shown: str) -> None:
    assert neutralise(typed) == shown


def test_nothing_invisible_is_left_in_any_character_of_the_format_category() -> None:
    import sys
    import unicodedata

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf")
    assert not any(unicodedata.category(ch) == "Cf" for ch in neutralise(every))
