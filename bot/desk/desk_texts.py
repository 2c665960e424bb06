"""The web desk's catalog keys (locales/*/LC_MESSAGES/desk.po): those its templates and modules name,
and those made from data (roles, audit actions, errors, figures). The desk refuses to start on an
incomplete catalog, as the operator group does (bot/desk/texts.py)."""

from __future__ import annotations

import re
from pathlib import Path

from bot.desk.staff import ROLES
from flows.crisis_sets import VERDICTS
from storage.operators import AUDIT_ACTIONS

_ROOT = Path(__file__).resolve().parents[2]
_SCANNED = ("handlers/desk_web/templates/*.html", "handlers/desk_web/*.py")
_NAMED = re.compile(r"""["'](desk\.[a-z_]+(?:\.[a-z_]+)*)["']""")
ERRORS = ("csrf", "forbidden", "not_found", "changed", "needs_outcome", "bad_status", "empty", "too_long",
          "refused", "bad_period", "exists", "invalid", "cannot_write", "bad_verdict", "needs_level", "needs_reason",
          "was_calm")
STAFF_VERBS = ("enable", "disable", "reset_2fa")
DELIVERIES = ("sent", "held", "gone", "failed", "no_channel")
FIGURES = ("category", "risk", "language", "platform", "reporter_role", "age_group", "outcome", "region")
CHAT_STATES = ("open", "taken", "closed")
FILTERS = ("status", "level", "category", "platform", "language", "region", "age_group")


def desk_keys() -> frozenset[str]:
    keys: set[str] = set()
    for pattern in _SCANNED:
        paths = sorted(_ROOT.glob(pattern))
        if not paths:
            raise FileNotFoundError(f"no desk templates or modules at {_ROOT / pattern}")
        for path in paths:
            keys |= {k for k in _NAMED.findall(path.read_text(encoding="utf-8")) if not k.endswith(".")}
    return frozenset({
        *keys,
        *(f"desk.role.{role}" for role in ROLES),
        *(f"desk.audit.{action}" for action in AUDIT_ACTIONS),
        *(f"desk.error.{error}" for error in ERRORS),
        *(f"desk.figures.by.{name}" for name in FIGURES),
        *(f"desk.chat.state.{state}" for state in CHAT_STATES),
        *(f"desk.filter.{name}" for name in FILTERS),
        *(f"desk.staff.{verb}" for verb in STAFF_VERBS),
        *(f"desk.write.{delivery}" for delivery in DELIVERIES),
        *(f"desk.judge.verdict.{verdict}" for verdict in VERDICTS),
    })
