"""The language of a first message, read from its words (kk, ru, en), for a user with no language hint.

Letters decide when they can: Kazakh's own letters (ә ғ қ ң ө ұ ү һ і) mean Kazakh. Otherwise the
words do: each folded word found in a language's list (flows.language_words) counts for it, and a
word no list knows counts for Kazakh when it ends like a Kazakh word ("-мын", "-ңызшы"). English is
never read in Cyrillic text. The most words win; None when no word is known (the bot then asks).
Measured on a labelled set written before tuning (tests/flows/language_labelled.json): see
docs/decisions.md.
"""

from __future__ import annotations

import re

from flows.language_words import ENGLISH, KAZAKH, KAZAKH_ENDINGS, RUSSIAN
from flows.textnorm import fold
from flows.wordmatch import compiled

_KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC = re.compile("[а-яёА-ЯЁ]")
_LETTER = re.compile(r"[^\W\d_]")
_ENDINGS = tuple(sorted({fold(e) for e in KAZAKH_ENDINGS}, key=len, reverse=True))
# On a tie the language read most widely here comes first.
_ORDER = ("ru", "kk", "en")


def _count(words: list[str], phrases: tuple[str, ...]) -> tuple[int, set[int]]:
    """How many words a list knows, and which (by position), stems and two-word phrases included."""
    hay = f" {' '.join(words)} "
    starts = {hay.index(f" {w} ", sum(len(x) + 1 for x in words[:i])): i for i, w in enumerate(words)}
    known: set[int] = set()
    for needle, _ in compiled(phrases):
        pos = hay.find(needle)
        while pos >= 0:
            if pos in starts:
                known.add(starts[pos])
            pos = hay.find(needle, pos + 1)
    return len(known), known


def guess_language(text: str) -> str | None:
    """'kk', 'ru' or 'en' for what the words say; None when nothing in them is known."""
    if _KAZAKH_LETTERS.search(text):
        return "kk"
    if not _LETTER.search(text):
        return None
    words = fold(text).split()
    if not words:
        return None
    cyrillic = _CYRILLIC.search(text) is not None
    kk, kk_known = _count(words, KAZAKH)
    ru, ru_known = _count(words, RUSSIAN)
    en, en_known = _count(words, ENGLISH) if not cyrillic else (0, set())
    unknown = [w for i, w in enumerate(words) if i not in kk_known | ru_known | en_known]
    kk += sum(1 for w in unknown if len(w) > 4 and w.endswith(_ENDINGS))
    scores = {"kk": kk, "ru": ru, "en": en}
    best = max(_ORDER, key=lambda lang: scores[lang])
    if scores[best] == 0:
        return "ru" if cyrillic else None
    return best
