"""Reading a child's own words where the bot offered buttons: pure functions over data lists.

- `typed_choice`: a typed button label ("Report a problem", "сообщить о проблеме!") is the button;
- `read_age` / `read_region`: "мне 15", "15 жаста", "Shymkent", "Нур-Султан" answer those steps;
- `suggest_category`: the report category a description suggests (flows.category_words);
- `describes_problem`: whether a message tells of a problem at all (then a report is offered).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from flows.actions import Option
from flows.answer_words import AGE_UNKNOWN, AGE_WORDS, REGION_NAMES
from flows.category_words import CATEGORY_WORDS, PROBLEM_WORDS
from flows.messages import N_
from flows.references import PREFIX, parse_reference
from flows.textnorm import fold
from flows.wordmatch import found, haystack, longest

# Catalog key of a label -> its folded forms in every language (built by the runtime from the catalogs).
LabelIndex = Mapping[str, frozenset[str]]

_NUMBER = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")
_AGE_LISTS = tuple((str(age), words) for age, words in AGE_WORDS.items())
MIN_PROBLEM_WORDS = 3  # a problem told without a category word needs at least this many words
# What the bot says about typed text, and the polite wording for parents and teachers.
ADULT_WORDING = {
    N_("freetext.kept"): N_("freetext.kept.adult"),
    N_("freetext.help"): N_("freetext.help.adult"),
    N_("freetext.menu_help"): N_("freetext.menu_help.adult"),
    N_("suggest.prompt"): N_("suggest.prompt.adult"),
    N_("suggest.prompt_plain"): N_("suggest.prompt_plain.adult"),
    N_("suggest.prompt_draft"): N_("suggest.prompt_draft.adult"),
}


def worded(key: str, role: str | None) -> str:
    """The key in the wording for this role (adults are addressed politely)."""
    return ADULT_WORDING.get(key, key) if role in ("parent", "teacher") else key


def fold_label(label: str) -> str:
    """A label as typed text is compared: folded (case, script, emoji and punctuation dropped)."""
    return fold(label)


def typed_choice(text: str, options: Iterable[Option], labels: LabelIndex) -> str | None:
    """The value of the shown option whose label (in any language) is the whole text, if any."""
    typed = fold_label(text)
    if not typed:
        return None
    for option in options:
        if not option.label.params and typed in labels.get(option.label.key, ()):
            return option.value
    return None


def looks_like_reference(text: str) -> bool:
    """A reference typed on the menu: it must hold a digit or start with KZ, so that eight letters
    of a child's own words ("blahblah", "помогите") are read as words, not as a report number."""
    stripped = text.strip()
    return parse_reference(stripped) is not None and (
        any(ch.isdigit() for ch in stripped) or stripped.upper().startswith(PREFIX))


def age_group(age: int) -> str:
    """The report's age group of an age in years."""
    if age < 10:
        return "under10"
    if age <= 13:
        return "10_13"
    if age <= 17:
        return "14_17"
    return "adult"


def read_age(text: str) -> str | None:
    """The age group a typed age names ("15", "мне 15 лет", "он бес жаста", "не знаю"); None if unclear."""
    numbers = {int(n) for n in _NUMBER.findall(text)}
    if len(numbers) == 1:
        (age,) = numbers
        return age_group(age) if 1 <= age <= 99 else None
    if numbers:
        return None  # "10-13", "my sons are 9 and 14": let the child choose
    hay = haystack(text)
    spelled = longest(hay, _AGE_LISTS)
    if spelled is not None:
        return age_group(int(spelled))
    return "unknown" if found(hay, AGE_UNKNOWN) else None


def read_region(text: str) -> str | None:
    """The region a typed name places ("Almaty" the city, "Алматы облысы" the region); None if none."""
    return longest(haystack(text), REGION_NAMES.items())


def suggest_category(text: str) -> str | None:
    """The category whose words the text holds most (the more serious on a tie); None if none."""
    hay = haystack(text)
    best: tuple[int, str] | None = None
    for category, phrases in CATEGORY_WORDS.items():
        score = len(found(hay, phrases))
        if score and (best is None or score > best[0]):
            best = (score, category)
    return best[1] if best else None


def describes_problem(text: str) -> bool:
    """A category word, or a sentence of some words about someone, a place or a problem."""
    if suggest_category(text) is not None:
        return True
    hay = haystack(text)
    return len(hay.split()) >= MIN_PROBLEM_WORDS and bool(found(hay, PROBLEM_WORDS))
