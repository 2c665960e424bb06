"""Crisis reading on the per-language sets of issue 11 (crisis_sets/).

The `test_*` sets were held out (written before the reader changed, never tuned on) until the second
round of issue 11; they were then read once more (0.92 / 0.88 / 0.88 recall, see docs/crisis-reading.md)
and became tuning data like the `tuning_*` sets. Text the reader has not seen is now measured on the
unseen sets in crisis_unseen/ (test_crisis_unseen.py). This test keeps the figures on the old
held-out sets above a floor (a change that loses what they hold fails), and keeps the sets well formed
and apart from each other. Print the table:
    PYTHONPATH=. .venv/bin/python tests/flows/test_crisis_heldout.py
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
# Floors on the old held-out sets, now tuning data: the reader reads them all (1.00 recall, no false
# alarm), so the floors only leave room for a borderline message or two.
MIN_HELDOUT_RECALL = 0.97
MAX_HELDOUT_FALSE_ALARMS = 0.03
MIN_TUNING_RECALL = 0.97
MAX_TUNING_FALSE_ALARMS = 0.03
MIN_TEST_MESSAGES = 150
# The second writer's sets (train_*, about 300 messages per language, stop 17): tuning data since they
# were measured once (docs/crisis-reading.md); the floors keep what the tuning on them gained.
MIN_TRAIN_RECALL = 0.95
MAX_TRAIN_FALSE_ALARMS = 0.03
# Stop 19's training data: the fourth to sixth writers' sets (train3_*, train4_kk/en, train5_kk, read at
# 0.91-0.98 recall and 0.02-0.05 false alarms after training on them) and stop 17's unseen sets (unseen17_*, 0.92-0.99
# / 0.01-0.02); the floors keep what training gained.
# 0.87 since stop 20: trained beside the new writers' hard calm messages, the scorer reads train5_kk at 0.89
# (0.92 before) and train7_en at 0.88; the veto cost none of them (docs/crisis-reading.md, stop 20).
MIN_STOP19_RECALL = 0.87
# 0.10 since stop 20: the scorer never vetoes self-harm (a child's own pain asked as a question reads calm
# to it), so the new writers' calm self-harm slang and topic talk fire: train6_en and train7_en read 0.10.
# 0.11 since stop 21: the scorer's threshold went from 2.0 to 1.5 (more danger caught on held-out sets, a few
# more false alarms) and train7_en reads 0.103.
MAX_STOP19_FALSE_ALARMS = 0.11
STOP19_SETS = sorted(p.stem for k in ("train3", "train4", "train5", "unseen17") for p in SETS.glob(f"{k}_*.json"))
# Stop 20's training data: the seventh and eighth writers' sets (train6_*, train7_*, measured once before: 0.75-0.88
# recall, 0.03-0.24 false alarms) and stop 19's unseen sets (unseen19_*, 0.94-0.97 / 0.02-0.06 as unseen text)
# keep the same floors, and so do stop 21's: the ninth writer's sets (train8_*, measured once before: 0.87-0.92 /
# 0.04-0.07) and stop 20's unseen sets (unseen20_*, 0.93-0.95 / 0.01-0.08 as unseen text).
# Stop 21's unseen sets (unseen21_*, 0.91-0.98 / 0.08-0.12 as unseen text) joined them in stop 23, and stop 23's
# (unseen23_*, 0.89-0.94 / 0.04-0.07 as unseen text) in stop 24, and stop 24's (unseen24_*, 0.88-0.94 / 0.03-0.08 as
# unseen text) in stop 25, and stop 25's (unseen25_*, 0.86-0.93 / 0.04-0.07 as unseen text) in stop 26, and stop 26's
# (unseen26_*, 0.90-0.95 / 0.04-0.07 as unseen text) in stop 27, and stop 27's (unseen27_*, 0.92-0.96 / 0.01-0.04 as
# unseen text) in stop 28, with the tenth writer's training batch (train9_*, measured once before: 0.84-0.88 /
# 0.04-0.09; 0.93-0.95 / 0.02-0.04 once trained on).
STOP19_SETS += sorted(
    p.stem for k in ("train6", "train7", "unseen19", "train8", "unseen20", "unseen21", "unseen23", "unseen24",
                     "unseen25", "unseen26", "unseen27", "train9")
    for p in SETS.glob(f"{k}_*.json")
)


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
    test, tuning, train = load("test", lang), load("tuning", lang), load("train", lang)
    assert len(test) >= MIN_TEST_MESSAGES
    for r in test + tuning + train:
        assert set(r) == {"lang", "set", "level", "reasons", "text"} and r["lang"] == lang, r
        assert r["level"] in (None, "high", "critical"), r
        assert (r["level"] is None) == (r["reasons"] == []) and set(r["reasons"]) <= set(GROUPS), r
    danger = sum(1 for r in test if r["level"])
    assert 0.4 * len(test) <= danger <= 0.6 * len(test)
    test_texts = {r["text"] for r in test}
    assert len(test_texts) == len(test)
    assert not test_texts & {r["text"] for r in tuning}, "a held-out message is also tuning data"
    train_texts = [r["text"] for r in train]
    assert len(set(train_texts)) == len(train_texts)
    assert not set(train_texts) & (test_texts | {r["text"] for r in tuning}), "a train message repeats another set"
    # A few short everyday sentences were written into both this set and the older labelled set
    # independently ("өгей әкем мені ұрады"); the docs give the figures without them too.
    labelled = {r["text"] for r in json.loads(LABELLED.read_text(encoding="utf-8"))}
    assert len(test_texts & labelled) <= 0.05 * len(test)


@pytest.mark.parametrize("lang", LANGS)
def test_reading_holds_on_the_old_held_out_sets(lang: str) -> None:
    recall, false_alarms, danger, calm = figures(load("test", lang))
    print(f"\n{lang} old held-out: recall {recall:.2f} of {danger}, false alarms {false_alarms:.2f} of {calm}")
    assert recall >= MIN_HELDOUT_RECALL
    assert false_alarms <= MAX_HELDOUT_FALSE_ALARMS


@pytest.mark.parametrize("lang", LANGS)
def test_reading_holds_on_the_tuning_sets(lang: str) -> None:
    recall, false_alarms, _, _ = figures(load("tuning", lang))
    assert recall >= MIN_TUNING_RECALL
    assert false_alarms <= MAX_TUNING_FALSE_ALARMS


@pytest.mark.parametrize("lang", LANGS)
def test_reading_holds_on_the_second_writers_sets(lang: str) -> None:
    recall, false_alarms, _, _ = figures(load("train", lang))
    assert recall >= MIN_TRAIN_RECALL
    assert false_alarms <= MAX_TRAIN_FALSE_ALARMS


@pytest.mark.parametrize("name", STOP19_SETS)
def test_reading_holds_on_the_stop_19_training_sets(name: str) -> None:
    kind, lang = name.split("_")
    rows = load(kind, lang)
    assert len(rows) >= 190
    for r in rows:
        assert set(r) == {"lang", "set", "level", "reasons", "text"} and r["lang"] == lang, r
        assert (r["level"] is None) == (r["reasons"] == []) and set(r["reasons"]) <= set(GROUPS), r
    recall, false_alarms, _, _ = figures(rows)
    assert recall >= MIN_STOP19_RECALL, f"{kind} {lang}: recall {recall:.2f}"
    assert false_alarms <= MAX_STOP19_FALSE_ALARMS, f"{kind} {lang}: false alarms {false_alarms:.2f}"


def report() -> str:
    lines = ["set      lang  danger  calm  recall  false-alarms"]
    for kind in ("test", "tuning", "train", "train3", "train4", "train5", "unseen17", "train6", "train7", "unseen19"):
        for lang in LANGS:
            if not (SETS / f"{kind}_{lang}.json").exists():
                continue
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
