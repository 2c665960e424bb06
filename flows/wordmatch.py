"""Finding listed words in typed text, in any script (the small cousin of flows.crisis's matcher).

A phrase is written as people type it; it and the text are folded alike (`flows.textnorm.fold`).
A phrase matches at a word start and must end at a word end, unless it ends in "*" (a stem:
"травл*" reads "травля", "травлю"). Phrases are compiled once per list.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from flows.textnorm import fold


def _needles(phrase: str) -> tuple[str, ...]:
    stem = phrase.endswith("*")
    words = phrase.rstrip("*")
    folded = fold(words)
    if not folded:
        raise ValueError(f"phrase {phrase!r} folds to nothing")
    if not stem:
        return (f" {folded} ",)
    # A bare stem may fold unlike the words it starts ("нож" -> "noi", "ножом" -> "nojom"): the
    # fold with a vowel after it is the one words share; the bare word is searched as well.
    vowel = "u" if folded.endswith("o") else "o"
    before_vowel = fold(words + vowel)[:-1]
    return (f" {folded}",) if before_vowel == folded else (f" {before_vowel}", f" {folded} ")


@cache
def compiled(phrases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(needle, phrase) pairs of a phrase list; raises ValueError for a phrase that cannot match."""
    return tuple((needle, phrase) for phrase in phrases for needle in _needles(phrase))


def haystack(text: str) -> str:
    """The folded text, padded so every word has a space on both sides."""
    return f" {fold(text)} "


def found(hay: str, phrases: tuple[str, ...]) -> list[str]:
    """The phrases of the list found in a haystack (each once, in list order)."""
    hits: dict[str, None] = {}
    for needle, phrase in compiled(phrases):
        if phrase not in hits and needle in hay:
            hits[phrase] = None
    return list(hits)


def longest(hay: str, lists: Iterable[tuple[str, tuple[str, ...]]]) -> str | None:
    """The name of the list whose longest phrase found is longest (the first list on a tie)."""
    best: tuple[int, str] | None = None
    for name, phrases in lists:
        for needle, _ in compiled(phrases):
            if needle in hay and (best is None or len(needle.strip()) > best[0]):
                best = (len(needle.strip()), name)
    return best[1] if best else None
