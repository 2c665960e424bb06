"""Where no image is ever forwarded, kept or shown: conversations about sexual images of a child.

The one place that decides it (DESIGN.md, "Safety rules"): the engine refuses images with it, in a
report and with an operator, and the desk's cards hide evidence with it. A conversation enters the
context through what was reported (the sexual-images category, grooming, intimate-image blackmail)
or through what was said (a crisis reading of sextortion or grooming), and stays in it: a later
case about something else does not make an earlier disclosure safe to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flows.state import ConversationState

# Report categories (and blackmail's subcategory) that involve sexual images of a child.
SEXUAL_IMAGE_CATEGORIES = frozenset({"csam", "grooming"})
SEXUAL_IMAGE_SUBCATEGORIES = frozenset({("blackmail", "intimate")})
# Crisis readings (flows.crisis_phrases groups) that do.
SEXUAL_IMAGE_SIGNALS = frozenset({"sextortion", "grooming", "grooming_meeting"})


def report_involves_sexual_images(category: object, subcategory: object = None) -> bool:
    """A report of this category (and subcategory) is about sexual images of a child."""
    return category in SEXUAL_IMAGE_CATEGORIES or (category, subcategory) in SEXUAL_IMAGE_SUBCATEGORIES


def reasons_involve_sexual_images(reasons: Iterable[str]) -> bool:
    """Risk reasons (crisis readings, `category:<c>[/<sub>]` from triage) that involve them."""
    for reason in reasons:
        if reason in SEXUAL_IMAGE_SIGNALS:
            return True
        if reason.startswith("category:"):
            category, _, subcategory = reason.removeprefix("category:").partition("/")
            if report_involves_sexual_images(category, subcategory or None):
                return True
    return False


def draft_involves_sexual_images(draft: Mapping[str, Any]) -> bool:
    return report_involves_sexual_images(draft.get("category"), draft.get("subcategory"))


def sexual_image_context(state: ConversationState) -> bool:
    """No image of this conversation may be forwarded, kept or shown, to operators included."""
    return (state.media_refused_case or draft_involves_sexual_images(state.draft)
            or reasons_involve_sexual_images(state.risk_reasons))


def case_involves_sexual_images(category: str | None, subcategory: str | None, reasons: Iterable[str]) -> bool:
    """The same rule for a filed case, as the desk sees it (its category and risk reasons)."""
    return report_involves_sexual_images(category, subcategory) or reasons_involve_sexual_images(reasons)
