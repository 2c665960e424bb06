"""The operator side's catalog keys (locales/*/LC_MESSAGES/operators.po), in OPERATOR_LANGUAGE.

Keys marked with N_ in the operator modules are found by scanning them; keys made
from data (levels, reasons, outcomes, statuses, platforms, languages, buttons) are listed here.
The application refuses to start an operator front-end on an incomplete catalog.
"""

from __future__ import annotations

import re
from pathlib import Path

from flows.definitions import LANGUAGES
from flows.triage import LEVELS
from storage.base import CASE_OUTCOMES

_ROOT = Path(__file__).resolve().parents[2]  # the repository: bot/desk/texts.py
_SCANNED = ("bot/desk/*.py", "handlers/operators/*.py")
_MARKED = re.compile(r"""N_\(\s*["'](op\.[^"']+)["']\s*\)""")

PLATFORMS = ("telegram", "whatsapp")
# Statuses an operator may set after the conversation (the reporter sees them by reference).
OPERATOR_STATUSES = ("in_review", "referred_platform", "content_reported", "content_removed", "passed_to_police",
                     "closed")
VERBS = ("take", "close", "handback", "status")
# Why a conversation reached a person: crisis readings (flows/crisis_phrases.py), the report's
# answers (flows/triage.py) and the user's requests (flows/engine.py). Others show their code.
REASONS = (
    "suicide_now", "abuse_now", "threat_now", "grooming_meeting", "self_harm", "abuse", "threat_violence",
    "sextortion", "grooming", "blackmail", "recruitment_drugs", "recruitment_extremism", "death_group",
    "incitement", "danger_now", "danger_unsure", "refused_media", "sos", "asked_for_person", "case_filed",
    "category", "adult_alert",
)


def level_key(level: str) -> str:
    return f"op.level.{level}"


def reason_key(reason: str) -> str:
    return f"op.reason.{reason}"


def outcome_key(outcome: str) -> str:
    return f"op.outcome.{outcome}"


def status_key(status: str) -> str:
    return f"op.status.{status}"


def verb_key(verb: str) -> str:
    return f"op.btn.{verb}"


def marked_keys() -> set[str]:
    keys: set[str] = set()
    for pattern in _SCANNED:
        paths = sorted(_ROOT.glob(pattern))
        if not paths:  # a moved module would otherwise drop its keys from the check without a word
            raise FileNotFoundError(f"no operator modules at {_ROOT / pattern}")
        for path in paths:
            keys |= set(_MARKED.findall(path.read_text(encoding="utf-8")))
    return keys


def operator_keys() -> frozenset[str]:
    """Every key the operator side can show."""
    return frozenset({
        *marked_keys(),
        *(level_key(level) for level in LEVELS),
        *(reason_key(reason) for reason in REASONS),
        *(outcome_key(outcome) for outcome in CASE_OUTCOMES),
        *(status_key(status) for status in OPERATOR_STATUSES),
        *(verb_key(verb) for verb in VERBS),
        *(f"op.platform.{platform}" for platform in PLATFORMS),
        *(f"op.lang.{lang}" for lang in LANGUAGES),
    })
