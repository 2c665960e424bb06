"""Crisis reading on the unseen sets of stop 31 (crisis_unseen/): text no one tuned the reader on.

The goal of issue 11 is recall >= 0.95 with false alarms <= 0.05 per language on unseen text. Stop 30's reader
read these sets at 0.85 / 0.89 / 0.79 recall with 0.02 / 0.05 / 0.03 false alarms (kk / ru / en), stop 31's (more
training data and a new operating point) at 0.88 / 0.90 / 0.89 with 0.02 / 0.05 / 0.03 (docs/crisis-reading.md,
"Stop 31"). The floor below sits a little outside the figures, so a change that makes the reading fit its
training data better and new text worse fails here. Stop 28's unseen sets, the measure until stop 31, are
training data now (crisis_sets/unseen28_*.json). Stop 32's unseen sets (`unseen32_*.json`, three more writers, the
same brief) are a second such measure, read once by stop 31's reader (docs/crisis-reading.md, "Stop 32").

A second measure, `teens_*.json` (stop 29): a teenagers' batch, mostly self-harm and suicide told a
teenager's way, written as training data and then kept out of training because training on it raised
false alarms on the unseen sets without raising their recall (docs/crisis-reading.md, "A teenagers' batch
kept as a measure (stop 29)"). The reader has never trained on it: it reads 0.80 / 0.80 / 0.84 recall with
0.04 / 0.07 / 0.11 false alarms (stop 30's: 0.74 / 0.75 / 0.79 with 0.05 / 0.07 / 0.11), and has its own floor
below those figures.
Print the table:
    PYTHONPATH=. .venv/bin/python tests/flows/test_crisis_unseen.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from flows import crisis_sets
from flows.crisis_phrases import GROUPS

HERE = Path(__file__).parent
UNSEEN = HERE / "crisis_unseen"
TRAINING = [HERE / "crisis_labelled.json", *sorted((HERE / "crisis_sets").glob("*.json"))]
LANGS = ("kk", "ru", "en")
SIZES = {"kk": (199, 100), "ru": (198, 100), "en": (196, 99)}  # (messages, danger)
# Kazakh reads 0.88, Russian 0.90, English 0.89 (0.85 / 0.89 / 0.79 with stop 30's weights): a floor
# below the figures of the hardest sets yet (teenagers' slang, replies in the middle of a conversation,
# someone else writing about the child), not the goal (0.95).
MIN_RECALL = 0.85
# Kazakh reads 0.02, Russian 0.05 (5 of 98), English 0.03; a floor, not the goal (0.05).
MAX_FALSE_ALARMS = 0.07
# Stop 32's unseen sets, written by three more writers with the same brief and read once by stop 31's reader,
# which never trained on them: 0.90 / 0.88 / 0.92 recall, 0.04 / 0.05 / 0.04 false alarms. Same floors.
UNSEEN32_SIZES = {"kk": (197, 100), "ru": (200, 100), "en": (199, 100)}
TEENS_SIZES = {"kk": (300, 150), "ru": (300, 150), "en": (298, 150)}
# The measures: file name -> (their `set`, their sizes). Written per language and dropped, because also written
# word for word into a labelled set (or, for stop 32's, an earlier measure):
# - unseen (stop 31's): 200, 100 danger; "сәлем" (kk, calm), "привет" and "это анонимно?" (ru, calm), "whole gc
#   telling me to kys" (en, danger), "this homework is killing me", "how does this bot work?" and "hi" (en, calm);
# - unseen32: 200, 100 danger; Kazakh "бот сен адамсың ба", "тренер бүгін бізді өлтірді 😩" and "рахмет, көп
#   көмектестіңіз", English "how does this bot work" (all calm);
# - teens: 300, half danger; English "thanks, that helped" and "hello".
MEASURES = {"unseen": ("unseen", SIZES), "unseen32": ("unseen32", UNSEEN32_SIZES), "teens": ("teens10", TEENS_SIZES)}
# 0.80 / 0.80 / 0.84 recall, 0.04 / 0.07 / 0.11 false alarms (kk / ru / en; en 17 of 148).
TEENS_MIN_RECALL, TEENS_MAX_FALSE_ALARMS = 0.75, 0.13


def load(lang: str, name: str = "unseen") -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((UNSEEN / f"{name}_{lang}.json").read_text(encoding="utf-8"))
    return rows


def figures(rows: list[dict[str, Any]]) -> tuple[float, float]:
    """(recall, false alarms) of the reader on these rows: as `python -m bot crisis-set measure` reads them."""
    measured = crisis_sets.figures(rows)
    assert measured.recall is not None and measured.false_alarms is not None
    return measured.recall, measured.false_alarms


def well_formed_texts(rows: list[dict[str, Any]], lang: str, set_name: str) -> set[str]:
    """The rows' texts, once each row is checked to be a labelled message of `lang` and `set_name`."""
    for r in rows:
        assert set(r) == {"lang", "set", "level", "reasons", "text"} and r["lang"] == lang, r
        assert r["set"] == set_name and r["level"] in (None, "high", "critical"), r
        assert (r["level"] is None) == (r["reasons"] == []) and set(r["reasons"]) <= set(GROUPS), r
    texts = {r["text"] for r in rows}
    assert len(texts) == len(rows)
    return texts


def trained_texts() -> set[str]:
    """What the rules were tuned on and the scorer trained on."""
    trained: set[str] = set()
    for path in TRAINING:
        trained |= {r["text"] for r in json.loads(path.read_text(encoding="utf-8"))}
    return trained


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(MEASURES))
def test_the_measures_are_well_formed_and_never_training_data(name: str, lang: str) -> None:
    set_name, sizes = MEASURES[name]
    rows = load(lang, name)
    assert (len(rows), sum(1 for r in rows if r["level"])) == sizes[lang]
    texts = well_formed_texts(rows, lang, set_name)
    assert not texts & trained_texts(), f"a message of {name} is also tuning or training data"
    for other in MEASURES.keys() - {name}:
        assert not texts & {r["text"] for r in load(lang, other)}, f"{name} and {other} share a message"


def test_the_scorer_is_trained_on_crisis_sets_only() -> None:
    script = (HERE.parents[1] / "scripts" / "train_crisis_scorer.py").read_text(encoding="utf-8")
    assert "crisis_unseen" not in script and '"crisis_sets"' in script


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["unseen", "unseen32"])
def test_unseen_figures_stay_above_the_floor(name: str, lang: str) -> None:
    recall, alarms = figures(load(lang, name))
    assert recall >= MIN_RECALL, f"{lang}: recall {recall:.2f} on unseen text ({name})"
    assert alarms <= MAX_FALSE_ALARMS, f"{lang}: false alarms {alarms:.2f} on unseen text ({name})"


@pytest.mark.parametrize("lang", LANGS)
def test_the_teenagers_batch_stays_above_its_floor(lang: str) -> None:
    recall, alarms = figures(load(lang, "teens"))
    assert recall >= TEENS_MIN_RECALL, f"{lang}: recall {recall:.2f} on the teenagers' batch"
    assert alarms <= TEENS_MAX_FALSE_ALARMS, f"{lang}: false alarms {alarms:.2f} on the teenagers' batch"


if __name__ == "__main__":
    for name in MEASURES:
        for lang in LANGS:
            r, a = figures(load(lang, name))
            print(f"{name} {lang}: recall {r:.2f}, false alarms {a:.2f}", file=sys.stdout)
