"""Risk triage: one of four levels for each case, from its answers and the crisis reading.

The rules, in words, are in docs/triage.md; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

LEVELS = ("low", "normal", "high", "critical")

# Level implied by what was reported; the key is (category, subcategory or None).
CATEGORY_LEVEL: dict[tuple[str, str | None], str] = {
    ("bullying", None): "low",
    ("blackmail", "intimate"): "high",  # sextortion
    ("blackmail", "violence"): "high",  # threats of violence
    ("blackmail", "money"): "normal",
    ("blackmail", None): "high",  # unsure which kind: one level up
    ("grooming", None): "high",
    ("csam", None): "high",
    ("privacy", None): "normal",  # libel, fake accounts, leaked private data
    ("groups", "selfharm"): "high",
    ("groups", "drugs"): "high",
    ("groups", "extremism"): "high",
    ("groups", "fraud"): "normal",  # fraud, bank-card "droppers"
    ("groups", None): "high",
    ("other", None): "normal",  # unknown: one level up from self-help
}


def rank(level: str) -> int:
    return LEVELS.index(level)


def highest(levels: Iterable[str]) -> str:
    """The most serious of the levels (low if none)."""
    return max(levels, key=rank, default="low")


def one_up(level: str) -> str:
    return LEVELS[min(rank(level) + 1, len(LEVELS) - 1)]


def assess(draft: Mapping[str, Any], conversation_risk: str = "low",
           conversation_reasons: Iterable[str] = ()) -> tuple[str, tuple[str, ...]]:
    """The level of a report and the reasons for it, most serious first."""
    reasons: list[tuple[str, str]] = [(r, conversation_risk) for r in conversation_reasons]
    category = draft.get("category")
    if category:
        key = (category, draft.get("subcategory"))
        level = CATEGORY_LEVEL.get(key) or CATEGORY_LEVEL.get((category, None), "normal")
        sub = f"/{draft['subcategory']}" if draft.get("subcategory") else ""
        reasons.append((f"category:{category}{sub}", level))
    danger = draft.get("danger")
    if danger == "yes":
        reasons.append(("danger_now", "critical"))
    elif danger == "unsure":
        current = highest(level for _, level in reasons)
        reasons.append(("danger_unsure", one_up(current)))
    if draft.get("refused_media"):
        reasons.append(("refused_media", "high"))
    best: dict[str, str] = {}
    for reason, lvl in reasons:
        if reason not in best or rank(lvl) > rank(best[reason]):
            best[reason] = lvl
    level = highest([conversation_risk, *best.values()])
    return level, tuple(sorted(best, key=lambda r: -rank(best[r])))
