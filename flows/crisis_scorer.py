"""A small learned scorer beside the phrase rules: character n-grams and linear weights (issue 11).

The rules (`flows.crisis`) read what their lists and patterns name; a message phrased in a way nobody
listed is missed. This scorer reads the folded text as character 2- to 6-grams and whole words, adds
their weights (trained offline on the labelled messages in tests/flows by `scripts/train_crisis_scorer.py`:
NB-LR averaged with a plain logistic regression; the weights are committed in `flows.crisis_weights`) and says
"danger" when the sum passes a threshold chosen in cross-validation for few false alarms. A second
set of weights per reason says which reason a danger message most resembles. Pure Python, no I/O: the
weights are a string in a module, parsed once at import.

`flows.crisis.explain` asks it only when no rule fired; its reading is always `high` (a person looks),
never `critical`. How it was measured and why it was adopted: docs/crisis-reading.md, docs/decisions.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from operator import itemgetter

from flows import crisis_weights as cw

# 6-grams since stop 30: 2 points more recall in cross-validation by batch (docs/crisis-reading.md), 35 MiB more memory.
NGRAMS = (2, 3, 4, 5, 6)
MAX_SCORED_CHARS = 2_000  # a long text is read by the rules to MAX_CHARS; the scorer reads its start
# Shorter messages are left to the rules: "что мне делать?", "груминг деген не" scored as danger, since
# such words stand in many danger messages, and a short danger message is what the rules read best.
MIN_WORDS = 5


def _words(folded: str) -> list[str]:
    """The words of a folded text, its sentence marks ('|') and masked idioms ('#') read as spaces."""
    return folded.replace("|", " ").replace("#", " ").split()


def features(folded: str) -> set[str]:
    """The n-grams (spaces kept) and words ("w:" + word) of a folded text, '|' and '#' as spaces."""
    text = " " + " ".join(_words(folded)) + " "
    out = {text[i:i + n] for n in NGRAMS for i in range(len(text) - n + 1)}
    out.update("w:" + word for word in text.split())
    return out


def _parse() -> dict[str, tuple[int, ...]]:
    """gram -> (danger weight, reason index, weight, reason index, weight, ...), integers scaled by cw.SCALE.

    Integers only, in one flat tuple per gram: the garbage collector stops tracking a tuple that holds no
    containers, so the table's 79,000 entries cost nothing in a full collection. As (weight, {reason:
    weight}) pairs they were half the objects a worker's collector walked, about 110 ms a time."""
    table: dict[str, tuple[int, ...]] = {}
    for line in cw.TABLE.split("\n"):
        if not line:
            continue
        gram, danger, *per_reason = line.split(" ")
        entry = [int(danger)]
        for item in per_reason:
            index, _, weight = item.partition(":")
            entry += (int(index), int(weight))
        table[gram.replace("_", " ")] = tuple(entry)
    return table


_FIRST: Callable[[tuple[int, ...]], int] = itemgetter(0)  # an entry's danger weight

# Parsed when the module loads (about 0.1 s), so the first message is read as fast as the others.
_TABLE = _parse()


def score(folded: str) -> tuple[float, str]:
    """(danger score, the reason it most resembles) of a folded text; danger when score > cw.THRESHOLD.

    A text of fewer than MIN_WORDS different words scores minus infinity."""
    entries, norm = _entries(folded)
    if not norm:
        return -math.inf, cw.REASONS[0]
    return _danger(entries, norm), _reason(entries, norm)


def danger(folded: str) -> float:
    """`score`'s danger alone, without weighing the reasons."""
    entries, norm = _entries(folded)
    return _danger(entries, norm) if norm else -math.inf


def above(folded: str, threshold: float) -> tuple[float, str] | None:
    """`score` when the danger passes `threshold`, else None: the reasons are weighed only then (most
    messages are calm, and weighing them is half of reading one that is not)."""
    entries, norm = _entries(folded)
    if not norm:
        return None
    learned = _danger(entries, norm)
    return (learned, _reason(entries, norm)) if learned > threshold else None


def _entries(folded: str) -> tuple[list[tuple[int, ...]], float]:
    """The table's entries of a text's features, and the norm they are weighed with (0: too few words)."""
    head = folded[:MAX_SCORED_CHARS]
    # Counted before the n-grams are built: most calm messages are short, and building them is the cost.
    if len(set(_words(head))) < MIN_WORDS:
        return [], 0.0
    feats = features(head)
    # map and filter, not a comprehension: iterated in C, the lookups are most of a message's reading.
    return list(filter(None, map(_TABLE.get, feats))), 1 / math.sqrt(len(feats))


def _danger(entries: list[tuple[int, ...]], norm: float) -> float:
    return cw.BIAS + sum(map(_FIRST, entries)) * norm / cw.SCALE


def _reason(entries: list[tuple[int, ...]], norm: float) -> str:
    per_reason = [0] * len(cw.REASONS)
    for entry in entries:
        for at in range(1, len(entry), 2):
            per_reason[entry[at]] += entry[at + 1]
    best = max(range(len(cw.REASONS)), key=lambda i: cw.REASON_BIAS[i] + per_reason[i] * norm / cw.SCALE)
    return cw.REASONS[best]
