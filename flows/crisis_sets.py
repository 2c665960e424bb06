"""Labelled crisis sets (tests/flows/crisis_unseen/*.json): operators' verdicts on the bot's reading,
the rows an export writes, the scrubbing of what could name someone, and the reader's figures on a set.

Pure: the desk validates a verdict here, `python -m bot crisis-set` writes and measures files with it,
and the tests measure the unseen sets with the same `figures` (docs/crisis-reading.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flows.crisis_phrases import GROUPS
from flows.triage import rank

if TYPE_CHECKING:  # the reader is loaded only to measure: the store and the desk validate verdicts here
    from flows.crisis import CrisisSignal

Reader = Callable[[str], "CrisisSignal | None"]

VERDICTS = ("right", "false_alarm", "missed")
DANGER_LEVELS = ("high", "critical")  # a crisis set's levels; None is calm
ROW_KEYS = frozenset({"lang", "set", "level", "reasons", "text"})

# What could name or reach someone, replaced before a text leaves the desk. Links before handles and
# e-mail addresses before handles ("x@mail.kz" is not a handle); phones are 7+ digits with separators.
_SCRUBS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)(?:\b(?:https?://|www\.)|\b(?:t\.me|wa\.me|vk\.com|instagram\.com|tiktok\.com)/)\S*?"
                r"(?=[.,;:!?)\"'»]*(?:\s|$))"), "<link>"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "<email>"),
    (re.compile(r"(?<![\w@])@\w{2,}"), "<handle>"),
    (re.compile(r"\+?\d(?:[\s()-]{0,2}\d){6,}"), "<phone>"),
)


def scrub(text: str) -> str:
    """The text with phone numbers and long digit runs, e-mail addresses, links and @handles replaced."""
    for pattern, placeholder in _SCRUBS:
        text = pattern.sub(placeholder, text)
    return text


def level_of(reasons: Iterable[str]) -> str | None:
    """The most serious level of these crisis reasons (None: none of them is one)."""
    levels = [GROUPS[r].level for r in reasons if r in GROUPS]
    return max(levels, key=rank, default=None)


def bot_reading(risk_reasons: Iterable[str]) -> tuple[str | None, tuple[str, ...]]:
    """The crisis reading kept with a case: the reasons of its risk that are crisis groups, and their level."""
    reasons = tuple(r for r in risk_reasons if r in GROUPS)
    return level_of(reasons), reasons


def judged_reading(verdict: str, bot_reasons: Iterable[str], level: str | None = None,
                   reasons: Sequence[str] = ()) -> tuple[str | None, tuple[str, ...]]:
    """The reading an operator's verdict says is right; ValueError (a short code) when it cannot be.

    right: the bot's own reading; false_alarm: calm (only of a reading of danger); missed: the level and
    reason(s) the operator chose."""
    if verdict == "right":
        return bot_reading(bot_reasons)
    if verdict == "false_alarm":
        if not bot_reading(bot_reasons)[1]:  # read as calm already: "right" says that, a false alarm cannot be
            raise ValueError("was_calm")
        return None, ()
    if verdict != "missed":
        raise ValueError("bad_verdict")
    chosen = tuple(dict.fromkeys(reasons))
    if not chosen or any(r not in GROUPS for r in chosen):
        raise ValueError("needs_reason")
    if level not in DANGER_LEVELS:
        raise ValueError("needs_level")
    return level, chosen


def row(lang: str, set_name: str, level: str | None, reasons: Sequence[str], text: str) -> dict[str, Any]:
    return {"lang": lang, "set": set_name, "level": level, "reasons": list(reasons), "text": text}


def row_problem(item: object) -> str | None:
    """Why this is not a row of a crisis set (None: it is one)."""
    if not isinstance(item, Mapping) or set(item) != ROW_KEYS:
        return f"a row needs exactly the keys {sorted(ROW_KEYS)}"
    if not isinstance(item["text"], str) or not isinstance(item["lang"], str):
        return "lang and text are strings"
    if not isinstance(item["reasons"], list) or not all(isinstance(r, str) for r in item["reasons"]):
        return "reasons are a list of crisis groups (flows.crisis_phrases.GROUPS)"
    return reading_problem(item["level"], item["reasons"])


def reading_problem(level: object, reasons: Sequence[str]) -> str | None:
    """Why this is not a crisis reading (None: it is one): a danger level with crisis reasons, or calm.
    One rule for a set's rows and for the verdicts the case store keeps (storage/judgements.py)."""
    if unknown := sorted(set(reasons) - set(GROUPS)):
        return f"reasons are crisis groups (flows.crisis_phrases.GROUPS): unknown crisis reasons {unknown}"
    if level not in (None, *DANGER_LEVELS) or (level is None) != (not reasons):
        return "level is high or critical with reasons (a danger level with reasons), or null (calm) with none"
    return None


@dataclass(frozen=True)
class Figures:
    danger: int
    calm: int
    recall: float | None  # of the danger rows, the share read as danger (None: no danger rows)
    false_alarms: float | None  # of the calm rows, the share read as danger (None: no calm rows)
    level_agreement: float | None  # of the danger rows read as danger, the share read at the same level


def figures(rows: Sequence[Mapping[str, Any]], read: Reader | None = None) -> Figures:
    """The reader's figures on these rows (flows.crisis.detect unless another reader is given)."""
    if read is None:
        from flows.crisis import detect

        read = detect
    danger = [r for r in rows if r["level"]]
    calm = [r for r in rows if not r["level"]]
    readings = [(r, read(str(r["text"]))) for r in danger]
    hits = [(r, signal) for r, signal in readings if signal is not None]
    alarms = sum(1 for r in calm if read(str(r["text"])) is not None)
    same = sum(1 for r, signal in hits if signal.level == r["level"])
    return Figures(len(danger), len(calm), len(hits) / len(danger) if danger else None,
                   alarms / len(calm) if calm else None, same / len(hits) if hits else None)


def by_language(rows: Sequence[Mapping[str, Any]], read: Reader | None = None) -> dict[str, Figures]:
    langs = sorted({str(r["lang"]) for r in rows})
    return {lang: figures([r for r in rows if r["lang"] == lang], read) for lang in langs}
