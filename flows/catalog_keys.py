"""Every catalog key the flows can produce, so tests and start-up can check the catalogs."""

from __future__ import annotations

import re
from pathlib import Path

from flows.address import ADULT_KEYS
from flows.definitions import AGE_GROUPS, REPORT_FIELDS, STEPS
from flows.emergency import SERVICES
from flows.screens import NAV_LABELS
from flows.tips import TOPICS, all_card_keys, topic_label

_MARKED = re.compile(r"""N_\(\s*["']([^"']+)["']\s*\)""")
STATUSES = ("received", "in_review", "referred_platform", "content_reported", "content_removed", "passed_to_police",
            "closed")


def marked_keys() -> set[str]:
    """Keys marked with N_() anywhere in flows/."""
    keys: set[str] = set()
    for path in Path(__file__).parent.glob("*.py"):
        keys |= set(_MARKED.findall(path.read_text(encoding="utf-8")))
    return keys


def ui_keys() -> set[str]:
    """Keys of the `messages` catalog: everything but the tip cards."""
    keys = marked_keys()
    for step in STEPS.values():
        keys.add(step.prompt)
        keys |= {c.label for c in step.choices}
    keys |= set(NAV_LABELS.values()) | set(SERVICES.values())
    keys |= {topic_label(t) for t in TOPICS}
    keys |= {f"status.{s}" for s in STATUSES}
    keys |= {f"field.{f}" for f, _ in REPORT_FIELDS}
    keys |= {f"age.{a}" for a in AGE_GROUPS}
    keys |= {f"{key}.adult" for key in ADULT_KEYS}
    return keys - all_card_keys()


def tip_keys() -> set[str]:
    """Keys of the `tips` catalog: the cards."""
    return all_card_keys()
