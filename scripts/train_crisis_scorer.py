"""Train the learned crisis scorer (flows/crisis_scorer.py) and write its weights, flows/crisis_weights.py.

    .venv/bin/pip install -c constraints.txt -e '.[train]'                   # once: numpy, scipy, scikit-learn
    PYTHONPATH=. .venv/bin/python scripts/train_crisis_scorer.py          # train on every labelled message
    PYTHONPATH=. .venv/bin/python scripts/train_crisis_scorer.py --cv     # also print 10 random folds' figures
    PYTHONPATH=. .venv/bin/python scripts/train_crisis_scorer.py --hold-out tuning4  # train without a batch,
                                                                           # print the rules and rules+scorer on it
    PYTHONPATH=. .venv/bin/python scripts/train_crisis_scorer.py --hold-out file:train
                                                                           # without crisis_sets/train_*.json
    ... --max-cv-false-alarms 0.02 --nb-share 0.75 --veto-danger-share 0.0135  # other settings (stop 30's)

Data: tests/flows/crisis_labelled.json and tests/flows/crisis_sets/*.json (danger = a level). Model (stop 30):
NB-LR (Wang & Manning 2012): the binary features of `flows.crisis_scorer` (character 2-6-grams and words of the
folded text, idioms masked), each scaled by its naive-Bayes log-count ratio, then an L2 logistic regression
(scikit-learn, liblinear, deterministic), a gram's weight its coefficient times its ratio; averaged (NB_SHARE) with
a plain L2 logistic regression on the same features, so the reader at run time is the same pure-Python table
lookup. Chosen over the plain logistic regression of stops 17-29 by cross-validation grouped by batch (a batch's
writer shares phrasings, so a held-out batch is the closest to unseen text): docs/crisis-reading.md, "A better
learner (stop 30)".

Scale: the threshold is the lowest score whose false alarms, in that by-batch cross-validation, stay at or under
MAX_CV_FALSE_ALARMS in every language; the scores are then mapped linearly so that it reads THRESHOLD (1.5) and
so that the reader's veto point (flows.crisis.LEARNED_VETO, -1.5) leaves the same share of danger messages under
it as it did with the earlier model (VETO_DANGER_SHARE): the committed constants keep their meaning. One-vs-rest
weights per reason on the danger messages say which reason a hit resembles. Nothing is downloaded; about two
minutes.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:
    import numpy as np
    import scipy.sparse as sp
    import sklearn
    from sklearn.linear_model import LogisticRegression
except ImportError as missing:  # training only: not in the dev install
    raise SystemExit(f"train_crisis_scorer: {missing.name} is missing; install the train extra first:\n"
                     "    .venv/bin/pip install -c constraints.txt -e '.[train]'") from None

from flows.crisis import _haystack
from flows.crisis_scorer import _words, features

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "flows"
OUT = ROOT / "flows" / "crisis_weights.py"
LANGS = ("kk", "ru", "en")
SCALE = 1000
FOLDS = 10
# Chosen by the by-batch cross-validation of stop 30 (C 3-1000, smoothing 0.25-1, word pairs as features):
# C 100 with smoothing 0.25 read the most danger at 2 % false alarms (word pairs added nothing).
C, ALPHA, REASON_C = 100.0, 0.25, 100.0
# NB-LR alone read one distinctive word as enough in short calm look-alikes (tests/flows/test_crisis_patterns.py:
# "i wear long sleeves because its cold in class" scored 2.27); averaged with a plain logistic regression
# (C 300, as good as stop 29's model in cross-validation), every look-alike stays calm and the cross-validated
# recall is NB-LR's (docs/crisis-reading.md, "A better learner (stop 30)"). 3:1 until stop 31; at its operating
# point below, 0.65 keeps every look-alike calm where 0.75 let one fire, for the same recall.
NB_SHARE, PLAIN_C = 0.65, 300.0
THRESHOLD, VETO = 1.5, -1.5  # flows/crisis_weights.THRESHOLD as written, flows.crisis.LEARNED_VETO
# 0.02 until stop 31. Held out, stop 28's unseen sets read 2-3 more danger messages of 100 per language at 0.03 for
# at most two more false alarms; at 0.035 and more, calm look-alikes fire (docs/crisis-reading.md, "Stop 31").
MAX_CV_FALSE_ALARMS = 0.03
# The share of danger messages the earlier model (stop 29) scored under the veto point in by-batch
# cross-validation: the veto drops a topic word's reading below it, and must not drop more danger than before.
VETO_DANGER_SHARE = 0.0135
KEEP_DANGER, KEEP_REASON = 0.05, 0.1  # weights smaller than these are dropped from the table

# The reason a learned hit reports: the family of the message's first labelled reason.
REASON_OF = {
    "suicide_now": "self_harm", "self_harm": "self_harm", "death_group": "self_harm",
    "sextortion": "sextortion", "blackmail": "sextortion", "grooming": "grooming", "grooming_meeting": "grooming",
    "abuse": "abuse", "abuse_now": "abuse", "threat_now": "threat_violence", "threat_violence": "threat_violence",
    "incitement": "incitement", "recruitment_drugs": "recruitment_drugs",
    "recruitment_extremism": "recruitment_extremism",
}
Row = dict[str, Any]
Model = tuple[dict[str, float], float]  # gram -> weight, bias; a score is bias + sum / sqrt(grams)


def load() -> list[Row]:
    rows: list[Row] = json.loads((TESTS / "crisis_labelled.json").read_text(encoding="utf-8"))
    for row in rows:
        row["file"] = "crisis_labelled"
    for path in sorted((TESTS / "crisis_sets").glob("*.json")):
        batch = json.loads(path.read_text(encoding="utf-8"))
        for row in batch:
            row["file"] = path.stem.split("_")[0]  # test, tuning, train
        rows += batch
    return rows


def held_out(row: Row, batch: str) -> bool:
    """`--hold-out tuning4` holds out a batch (the `set` field); `--hold-out file:train` every row of
    crisis_sets/train_*.json (the second writer's sets, whose `set` field is "tuning" too)."""
    if batch.startswith("file:"):
        return bool(row["file"] == batch[5:])
    return bool(row["set"] == batch)


def feats(text: str) -> set[str]:
    return features(_haystack(text))


class Data:
    """The rows' features as a sparse 0/1 matrix (a row per message, a column per gram), each row scaled by
    1 / sqrt(its grams) as the reader scores it."""

    def __init__(self, rows: list[Row]) -> None:
        cache = [feats(r["text"]) for r in rows]
        self.grams = sorted(set().union(*cache))
        index = {g: i for i, g in enumerate(self.grams)}
        indptr, cols, values = [0], [], []
        for fs in cache:
            cols.extend(sorted(index[g] for g in fs))
            values.extend([1 / math.sqrt(len(fs)) if fs else 0.0] * len(fs))
            indptr.append(len(cols))
        self.x = sp.csr_matrix((np.array(values), np.array(cols, dtype=np.int32), np.array(indptr, dtype=np.int64)),
                               shape=(len(rows), len(self.grams)))
        self.y = np.array([1 if r["level"] else 0 for r in rows])
        self.langs = np.array([r["lang"] for r in rows])


def _regression(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, solver="liblinear", intercept_scaling=10, max_iter=1000, random_state=0)


def fit(x: sp.csr_matrix, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights per column and the bias: NB-LR's (coefficient times naive-Bayes ratio) and a plain logistic
    regression's, averaged by NB_SHARE."""
    present = (x > 0).astype(np.float64)
    p = ALPHA + np.asarray(present[y == 1].sum(0)).ravel()
    q = ALPHA + np.asarray(present[y == 0].sum(0)).ravel()
    ratio = np.log((p / p.sum()) / (q / q.sum()))
    nb = _regression(C).fit(x @ sp.diags(ratio), y)
    if NB_SHARE >= 1:
        return nb.coef_.ravel() * ratio, float(nb.intercept_[0])
    plain = _regression(PLAIN_C).fit(x, y)
    return (NB_SHARE * nb.coef_.ravel() * ratio + (1 - NB_SHARE) * plain.coef_.ravel(),
            NB_SHARE * float(nb.intercept_[0]) + (1 - NB_SHARE) * float(plain.intercept_[0]))


def batch_folds(rows: list[Row]) -> np.ndarray:
    """Each batch (file and set, its three languages together) in one fold, the folds about equal in size."""
    keys = [f"{r['file']}/{r['set']}" for r in rows]
    sizes, fold_of = [0] * FOLDS, {}
    for key, size in sorted(collections.Counter(keys).items(), key=lambda kv: (-kv[1], kv[0])):
        fold_of[key] = min(range(FOLDS), key=lambda f: (sizes[f], f))
        sizes[fold_of[key]] += size
    return np.array([fold_of[k] for k in keys])


def random_folds(n: int) -> np.ndarray:
    order = list(range(n))
    random.Random(1).shuffle(order)
    fold = np.empty(n, dtype=int)
    for position, i in enumerate(order):
        fold[i] = position % FOLDS
    return fold


def cross_scores(data: Data, fold: np.ndarray) -> np.ndarray:
    scores = np.zeros(len(data.y))
    for k in range(FOLDS):
        weights, bias = fit(data.x[fold != k], data.y[fold != k])
        scores[fold == k] = data.x[fold == k] @ weights + bias
    return scores


def figures(data: Data, scores: np.ndarray, threshold: float) -> dict[str, tuple[float, float]]:
    """Recall and false alarms per language at a threshold."""
    out = {}
    for lang in LANGS:
        mine = data.langs == lang
        out[lang] = (float((scores[mine & (data.y == 1)] > threshold).mean()),
                     float((scores[mine & (data.y == 0)] > threshold).mean()))
    return out


def lowest_threshold(data: Data, scores: np.ndarray) -> float:
    for threshold in np.unique(scores[data.y == 0]):
        if max(alarms for _, alarms in figures(data, scores, threshold).values()) <= MAX_CV_FALSE_ALARMS:
            return float(threshold)
    raise SystemExit("no threshold keeps the false alarms under the limit")


def shown(figs: dict[str, tuple[float, float]]) -> str:
    return "  ".join(f"{lang} recall {r:.3f} false alarms {a:.3f}" for lang, (r, a) in figs.items())


def train(rows: list[Row], *, random_cv: bool = False) -> tuple[Model, list[str], Data]:
    """The danger model on these rows, its scores mapped so that THRESHOLD and VETO keep their meaning."""
    data = Data(rows)
    scores = cross_scores(data, batch_folds(rows))
    threshold = lowest_threshold(data, scores)
    veto = float(np.quantile(scores[data.y == 1], VETO_DANGER_SHARE))
    scale = (THRESHOLD - VETO) / (threshold - veto)
    print(f"by-batch cross-validation, at the threshold: {shown(figures(data, scores, threshold))}")
    if random_cv:
        other = cross_scores(data, random_folds(len(rows)))
        print(f"10 random folds, at the same threshold: {shown(figures(data, other, threshold))}")
    weights, bias = fit(data.x, data.y)
    table = dict(zip(data.grams, (w * scale for w in weights.tolist()), strict=True))
    return (table, THRESHOLD + scale * (bias - threshold)), data.grams, data


def hold_out(rows: list[Row], batch: str) -> None:
    """Train without one batch; print the rules alone and the rules with the scorer (threshold and veto) on it."""
    from flows import crisis
    from flows.crisis import LEARNED_VETO, explain
    from flows.crisis_scorer import MIN_WORDS
    # The rules alone: the committed scorer may have read the batch, so neither its hits nor its veto count.
    crisis.LEARNED_THRESHOLD, crisis.LEARNED_VETO = math.inf, -math.inf
    (weights, bias), _, _ = train([r for r in rows if not held_out(r, batch)])

    def score(text: str) -> float:
        fs = feats(text)
        return bias + sum(weights.get(f, 0.0) for f in fs) / math.sqrt(len(fs)) if fs else -math.inf

    def read(text: str) -> tuple[bool, bool]:
        found = explain(text)
        learned = score(text) if len(set(_words(crisis._haystack(text)))) >= MIN_WORDS else -math.inf
        if not found:
            return False, learned > THRESHOLD
        vetoed = found[0][1] != "critical" and -math.inf < learned < LEARNED_VETO
        return True, not vetoed

    for lang in LANGS:
        held = [r for r in rows if held_out(r, batch) and r["lang"] == lang]
        danger = [r for r in held if r["level"]]
        calm = [r for r in held if not r["level"]]
        reads = [read(r["text"]) for r in held]
        rules = [rule for rule, _ in reads]
        both = [full for _, full in reads]
        print(f"{batch} {lang}: rules {sum(h for h, r in zip(rules, held, strict=True) if r['level'])}/{len(danger)}"
              f" false {sum(h for h, r in zip(rules, held, strict=True) if not r['level'])}/{len(calm)};"
              f" with the scorer {sum(h for h, r in zip(both, held, strict=True) if r['level'])}/{len(danger)}"
              f" false {sum(h for h, r in zip(both, held, strict=True) if not r['level'])}/{len(calm)}")


def write(rows: list[Row], random_cv: bool) -> None:
    (weights, bias), grams, data = train(rows, random_cv=random_cv)
    danger = data.y == 1
    family = [REASON_OF[r["reasons"][0]] for r in rows if r["level"]]
    reasons = sorted(set(family))
    per_reason = []
    for reason in reasons:
        model = _regression(REASON_C).fit(data.x[danger], np.array([1 if f == reason else 0 for f in family]))
        per_reason.append((model.coef_.ravel().tolist(), float(model.intercept_[0])))
    lines = []
    for j, gram in enumerate(grams):
        d = weights[gram]
        kept = {i: pw[j] for i, (pw, _) in enumerate(per_reason) if abs(pw[j]) >= KEEP_REASON}
        if abs(d) < KEEP_DANGER and not kept:
            continue
        extra = "".join(f" {i}:{round(w * SCALE)}" for i, w in kept.items())
        lines.append(f"{gram.replace(' ', '_')} {round(d * SCALE)}{extra}")
    OUT.write_text(
        '"""Weights of the learned crisis scorer (flows/crisis_scorer.py). Written by\n'
        f'scripts/train_crisis_scorer.py (NB-LR at {NB_SHARE} with a plain logistic regression, scikit-learn\n'
        f'{sklearn.__version__}) from the labelled messages in tests/flows; do not edit by hand.\n'
        f'{len(rows)} messages, {len(lines)} features; a line is "gram danger-weight reason:weight ...",\n'
        'weights times SCALE, "_" for a space."""\n\n'
        f"SCALE = {SCALE}\n"
        f"BIAS = {bias!r}\n"
        f"THRESHOLD = {THRESHOLD!r}\n"
        "REASONS: tuple[str, ...] = (\n" + "".join(f"    {r!r},\n" for r in reasons) + ")\n"
        "REASON_BIAS: tuple[float, ...] = (\n" + "".join(f"    {round(b, 4)!r},\n" for _, b in per_reason) + ")\n"
        'TABLE = """\\\n' + "\n".join(lines) + '\n"""\n',
        encoding="utf-8",
    )
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines)} features")


def _share(low: float, high: float) -> Callable[[str], float]:
    """An argparse type: a number from `low` to `high`, or a one-line error naming the range."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low}-{high}")
        return value

    return parse


def main() -> None:
    global NB_SHARE, MAX_CV_FALSE_ALARMS, VETO_DANGER_SHARE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="also print 10 random folds' figures")
    parser.add_argument("--hold-out", metavar="SET", help="train without this batch and measure on it; write nothing")
    parser.add_argument("--nb-share", type=_share(0, 1), default=NB_SHARE,
                        help="NB-LR's share of the average (1: NB-LR alone)")
    parser.add_argument("--max-cv-false-alarms", type=_share(0.001, 0.5), default=MAX_CV_FALSE_ALARMS,
                        help="the learned reading's false alarms in by-batch cross-validation, per language")
    parser.add_argument("--veto-danger-share", type=_share(0, 0.5), default=VETO_DANGER_SHARE,
                        help="the share of danger messages the veto point leaves under it in that cross-validation")
    args = parser.parse_args()
    NB_SHARE, MAX_CV_FALSE_ALARMS, VETO_DANGER_SHARE = args.nb_share, args.max_cv_false_alarms, args.veto_danger_share
    rows = load()
    if args.hold_out and not any(held_out(r, args.hold_out) for r in rows):  # before minutes of training
        batches = sorted({r["set"] for r in rows} | {f"file:{r['file']}" for r in rows})
        parser.error(f"no labelled message is in batch {args.hold_out!r}; the batches: {', '.join(batches)}")
    if args.hold_out:
        hold_out(rows, args.hold_out)
        return
    write(rows, args.cv)


if __name__ == "__main__":
    main()
