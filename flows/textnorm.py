"""Folding typed text so one phrase list reads Kazakh, Russian and English in any script.

Users write Kazakh in Cyrillic, in the 2021 Latin alphabet (ä ö ü ū ı ğ ş ñ q j), in the older
apostrophe Latin (o'lgim), informally in Latin (olgim keledi), or with Russian look-alike letters
(к for қ, у for ұ/ү); and Russian in Latin letters (xochu umeret, xo4u, ubit' sebja). Everything is
folded to one plain Latin skeleton:

- lower case; in a word that mixes scripts, Latin look-alikes become Cyrillic ("сeбя" with a Latin e);
- Kazakh letters to their nearest Russian ones (ә→а, қ→к, ң→н, ө→о, ұ/ү→у, і→и, ...);
- Cyrillic transliterated; ж, zh, dzh and Kazakh Latin j all become "j";
- Latin spellings that mean one sound made one (kh/x→h, sch→sh, c→k but ch stays, q→k, gh→g, ng→n,
  w→v, y→i, 4 inside a word→ch, a final ja→ya, j before a consonant→i);
- diacritics and punctuation dropped, apostrophes inside a word dropped (don't → dont);
- repeated letters collapsed ("pomogiiite" = "pomogite"); digits are kept as typed ("112").

The function is pure and deterministic. Text and phrases must be folded the same way, so a change
here changes every phrase: run tests/flows/test_crisis.py after it.
"""

from __future__ import annotations

import re
import unicodedata

# Latin letters that look like Cyrillic ones, used when a word mixes the two scripts.
_LATIN_LOOKALIKES = str.maketrans("aceopxykmt", "асеорхукмт")
_HAS_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]")
_HAS_LATIN = re.compile(r"[a-z]")
_MIXED_WORD = re.compile(r"\w+")

_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіїў", "агкноуухиiу")
# Kazakh 2021 Latin and other letters that NFKD does not take apart the way we need.
_LATIN_SPECIALS = str.maketrans({"ı": "i", "ş": "sh", "ç": "ch", "ž": "zh", "ß": "ss", "ø": "o", "æ": "ae"})
# The older (2018) Kazakh Latin wrote ш and ч as s' and c'.
_APOSTROPHE_SH = re.compile(r"([sc])['’ʼ`´](?=[a-z])")
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`´‘](?=\w)")

_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "j", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
_CYRILLIC = str.maketrans(_CYRILLIC_TO_LATIN)
# Latin spellings that the transliteration above writes differently (order matters).
_LATIN_VARIANTS = (("zh", "j"), ("dj", "j"), ("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("gh", "g"), ("x", "h"),
                   ("w", "v"), ("q", "k"), ("ng", "n"))
_LONE_C = re.compile(r"c(?!h)")
_FOUR_IN_WORD = re.compile(r"(?<=[a-z])4|4(?=[a-z])")
_FINAL_JA = re.compile(r"ja\b")
_J_AS_I = re.compile(r"j(?![aeiouy])")  # j before a consonant or at a word end is й: moj, sejchas
# Combining marks that NFKD splits off letters (é = e + U+0301); any other non-letter becomes a space below.
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_REPEATS = re.compile(r"([a-z])\1+")
_SPACES = re.compile(r"\s+")


def _unmix(match: re.Match[str]) -> str:
    word = match.group()
    if _HAS_LATIN.search(word) and _HAS_CYRILLIC.search(word):
        return word.translate(_LATIN_LOOKALIKES)
    return word


def fold(text: str) -> str:
    """The plain Latin skeleton of a text, words separated by single spaces."""
    lowered = unicodedata.normalize("NFC", text).lower()
    if _HAS_LATIN.search(lowered) and _HAS_CYRILLIC.search(lowered):
        lowered = _MIXED_WORD.sub(_unmix, lowered)
    lowered = _APOSTROPHE_SH.sub(r"\1h", lowered.translate(_LATIN_SPECIALS))
    lowered = _APOSTROPHES.sub("", lowered)
    latin = lowered.translate(_KAZAKH_TO_RUSSIAN).translate(_CYRILLIC)
    for old, new in _LATIN_VARIANTS:
        latin = latin.replace(old, new)
    latin = _LONE_C.sub("k", latin)
    latin = _FOUR_IN_WORD.sub("ch", latin)
    latin = _J_AS_I.sub("i", _FINAL_JA.sub("ya", latin))
    stripped = latin if latin.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", latin))
    cleaned = _NON_WORD.sub(" ", stripped.replace("y", "i"))
    return _SPACES.sub(" ", _REPEATS.sub(r"\1", cleaned)).strip()
