"""Crisis reading on text it was not tuned on: the held-out test sets per language (crisis_sets/).

The test sets were written and committed before the reader was changed for issue 11 and are never
used for tuning (the tuning sets beside them are). This test keeps the figures on them above a floor,
so a change that makes the reading fit its tuning data worse on other text fails. Print the table:
    PYTHONPATH=. .venv/bin/python tests/flows/test_crisis_heldout.py
The figures, before and after, are in docs/crisis-reading.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from flows.crisis import detect
from flows.crisis_phrases import GROUPS

SETS = Path(__file__).with_name("crisis_sets")
LABELLED = Path(__file__).with_name("crisis_labelled.json")
LANGS = ("kk", "ru", "en")
# Floors on the held-out sets, a little under what the reader reaches (0.88 to 0.92 recall, at most
# 0.03 false alarms): the goal of issue 11 is 0.95 / 0.05, not reached; see the docs.
MIN_HELDOUT_RECALL = 0.85
MAX_HELDOUT_FALSE_ALARMS = 0.05
MIN_TEST_MESSAGES = 150


def load(kind: str, lang: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((SETS / f"{kind}_{lang}.json").read_text(encoding="utf-8"))
    return rows


def figures(rows: list[dict[str, Any]]) -> tuple[float, float, int, int]:
    """(recall, false alarms, danger count, calm count) of the reader on these rows."""
    danger = [r for r in rows if r["level"]]
    calm = [r for r in rows if not r["level"]]
    hit = sum(1 for r in danger if detect(r["text"]) is not None)
    alarms = sum(1 for r in calm if detect(r["text"]) is not None)
    return hit / len(danger), alarms / len(calm), len(danger), len(calm)


@pytest.mark.parametrize("lang", LANGS)
def test_held_out_sets_are_well_formed_and_kept_apart_from_tuning(lang: str) -> None:
    test, tuning = load("test", lang), load("tuning", lang)
    assert len(test) >= MIN_TEST_MESSAGES
    for r in test + tuning:
        assert set(r) == {"lang", "set", "level", "reasons", "text"} and r["lang"] == lang, r
        assert r["level"] in (None, "high", "critical"), r
        assert (r["level"] is None) == (r["reasons"] == []) and set(r["reasons"]) <= set(GROUPS), r
    danger = sum(1 for r in test if r["level"])
    assert 0.4 * len(test) <= danger <= 0.6 * len(test)
    test_texts = {r["text"] for r in test}
    assert len(test_texts) == len(test)
    assert not test_texts & {r["text"] for r in tuning}, "a held-out message is also tuning data"
    # A few short everyday sentences were written into both this set and the older labelled set
    # independently ("өгей әкем мені ұрады"); the docs give the figures without them too.
    labelled = {r["text"] for r in json.loads(LABELLED.read_text(encoding="utf-8"))}
    assert len(test_texts & labelled) <= 0.05 * len(test)


@pytest.mark.parametrize("lang", LANGS)
def test_reading_holds_on_text_it_was_not_tuned_on(lang: str) -> None:
    recall, false_alarms, danger, calm = figures(load("test", lang))
    print(f"\n{lang} held-out: recall {recall:.2f} of {danger}, false alarms {false_alarms:.2f} of {calm}")
    assert recall >= MIN_HELDOUT_RECALL
    assert false_alarms <= MAX_HELDOUT_FALSE_ALARMS


def report() -> str:
    lines = ["set      lang  danger  calm  recall  false-alarms"]
    for kind in ("test", "tuning"):
        for lang in LANGS:
            recall, alarms, danger, calm = figures(load(kind, lang))
            lines.append(f"{kind:7}  {lang:4}  {danger:6}  {calm:4}  {recall:6.2f}  {alarms:12.2f}")
    labelled = {r["text"] for r in json.loads(LABELLED.read_text(encoding="utf-8"))}
    for lang in LANGS:
        unseen = [r for r in load("test", lang) if r["text"] not in labelled]
        recall, alarms, danger, calm = figures(unseen)
        lines.append(f"{'test*':7}  {lang:4}  {danger:6}  {calm:4}  {recall:6.2f}  {alarms:12.2f}")
    lines.append("test*: the test set without the messages that are also in crisis_labelled.json")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
    sys.exit(0)
