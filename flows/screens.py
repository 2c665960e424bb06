"""Rendering a step into what the user sees: its prompt, its choices and the way out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flows.actions import Option, Say
from flows.address import addressed
from flows.adult_screens import (
    ADULT_CHOICES,
    adult_choice_shown,
    adult_prompt,
    choice_label,
)
from flows.definitions import REPORT_FIELDS, STEPS
from flows.emergency import EmergencyLine, numbers_block
from flows.freetext import worded
from flows.guides import OFFICIAL_CARD
from flows.images import draft_involves_sexual_images, sexual_image_context
from flows.messages import N_, Msg, Param
from flows.privacy import DEFAULT_PERIODS, KeepingPeriods
from flows.state import ConversationState
from flows.steps import Step
from flows.tips import AUDIENCE_TOPICS, deck, topic_heading

NAV_LABELS = {
    "back": N_("nav.back"),
    "cancel": N_("nav.cancel"),
    "menu": N_("nav.menu"),
    "sos": N_("nav.sos"),
    "skip": N_("nav.skip"),
}
# On the language picker nobody may read the conversation's language yet: its way out is in all three.
PICKER_NAV_LABELS = {
    "menu": N_("nav.menu_all"),
    "sos": N_("nav.sos_all"),
}


def media_refused(draft: Mapping[str, Any]) -> bool:
    """Reports where no image is ever accepted (flows/images.py: sexual images of children, grooming,
    intimate-image blackmail)."""
    return draft_involves_sexual_images(draft)


def nav_option(value: str, step_id: str = "") -> Option:
    labels = PICKER_NAV_LABELS if step_id == "lang" else NAV_LABELS
    return Option(value, Msg(labels.get(value, NAV_LABELS[value])))


def label_keys() -> set[str]:
    """Every catalog key a button can show: what a typed label is compared with (flows.freetext)."""
    keys = {c.label for step in STEPS.values() for c in step.choices}
    return keys | set(NAV_LABELS.values()) | set(PICKER_NAV_LABELS.values())


def options_for(step: Step, state: ConversationState) -> tuple[Option, ...]:
    """The step's own choices, then skip, back, cancel or menu, and SOS."""
    own = [_option(step, c.value, c.label, state) for c in step.choices if _shown(step, c.value, state)]
    if step.optional and not (step.id == "r_links" and state.draft.get("category") == "csam"):
        own.append(nav_option("skip", step.id))
    goes_to_menu = any(c.goto == "menu" for c in step.choices)
    if step.back and (state.trail or step.id == "tips_card"):
        own.append(nav_option("back", step.id))
    if step.in_report:
        own.append(nav_option("cancel", step.id))
    elif step.id != "menu" and not goes_to_menu:
        own.append(nav_option("menu", step.id))
    if step.id != "sos":
        own.append(nav_option("sos", step.id))
    return tuple(own)


def _option(step: Step, value: str, label: str, state: ConversationState) -> Option:
    if step.id == "suggest" and value == "yes" and state.offer.get("category"):
        return Option(value, Msg(label, {"category": Msg(f"category.{state.offer['category']}")}))
    return Option(value, choice_label(step.id, value, label, state))


def _shown(step: Step, value: str, state: ConversationState) -> bool:
    if step.id == "suggest":
        return value == _suggest_choices(state) or (value == "other" and _suggest_choices(state) == "yes")
    if step.id in ADULT_CHOICES:
        return adult_choice_shown(step.id, value, state)
    if step.id == "menu" and value == "resume":
        return bool(state.draft)
    if step.id == "tips_topics" and value not in ("audience", "guides"):
        return value in AUDIENCE_TOPICS.get(state.tips_audience or "children", ())
    if step.id == "r_links" and value == "no_link":
        return state.draft.get("category") == "csam"
    if step.id == "r_fix" and value == "evidence":
        return not sexual_image_context(state)
    if step.id == "r_done" and value == "guide":
        return state.guide_place is not None
    if step.id == "tips_card" and value == "next":
        cards = deck(state.tips_audience or "", state.tips_topic or "")
        return state.tips_card + 1 < len(cards)
    return True


def _suggest_choices(state: ConversationState) -> str:
    """Which offer the suggest step makes: add to the draft, a category to confirm, or a plain start."""
    if state.draft:
        return "add"
    return "yes" if state.offer.get("category") else "start"


def prompt_key(step: Step, state: ConversationState) -> str:
    """The step's prompt, in the adults' wording where it has one and a parent or teacher writes."""
    return addressed(step.prompt, state.role)


def prompt_for(step: Step, state: ConversationState, emergency: tuple[EmergencyLine, ...],
               max_description: int, periods: KeepingPeriods = DEFAULT_PERIODS) -> Msg:
    """The step's prompt with whatever it needs to show (numbers, a summary, a card)."""
    key = prompt_key(step, state)
    if step.id == "adults":
        return adult_prompt(step.id, step.prompt, state)
    if step.id == "sos":
        return Msg(key, {"numbers": numbers_block(emergency)})
    if step.id == "r_review":
        return Msg(key, {"summary": summary(state.draft, images_refused=sexual_image_context(state))})
    if step.id == "r_what":
        return Msg(key, {"limit": str(max_description)})
    if step.id == "r_links" and state.draft.get("category") == "csam":
        return Msg(addressed(N_("report.links_csam"), state.role))
    if step.id == "r_evidence":
        return Msg(key, {"count": str(len(state.draft.get("evidence", [])))})
    if step.id == "tips_card":
        cards = deck(state.tips_audience or "", state.tips_topic or "")
        index = min(state.tips_card, max(len(cards) - 1, 0))
        return Msg(step.prompt, {
            "topic": topic_heading(state.tips_topic or ""),
            "card": _card(cards[index], emergency) if cards else Msg(N_("tips.empty")),
            "position": f"{index + 1}/{max(len(cards), 1)}",
        })
    if step.id == "suggest":
        offer = _suggest_choices(state)
        if offer == "yes":
            return Msg(worded(step.prompt, state.role), {"category": Msg(f"category.{state.offer['category']}")})
        return Msg(worded(N_("suggest.prompt_draft") if offer == "add" else N_("suggest.prompt_plain"), state.role))
    if step.id == "r_done":
        return Msg(key, {"ref": state.last_case or ""})
    if step.id == "privacy":  # what is kept and for how long, then what a trusted adult gets
        return adult_prompt(step.id, Msg(key, periods.params()), state)
    return Msg(key)


def _card(key: str, emergency: tuple[EmergencyLine, ...]) -> Msg:
    """A card; the guides' official-routes card ends with the emergency numbers, from their one place."""
    return Msg(key, {"numbers": numbers_block(emergency)}) if key == OFFICIAL_CARD else Msg(key)


def screen(step_id: str, state: ConversationState, emergency: tuple[EmergencyLine, ...],
           max_description: int, periods: KeepingPeriods = DEFAULT_PERIODS) -> Say:
    """The whole screen of a step."""
    step = STEPS[step_id]
    return Say(prompt_for(step, state, emergency, max_description, periods), options_for(step, state), step.id)


def summary(draft: Mapping[str, Any], *, images_refused: bool = False) -> Msg:
    """The report so far, a line per answered field, for the review step."""
    rows: list[Msg] = []
    for field, _step in REPORT_FIELDS:
        value = draft.get(field)
        if field == "category" and value:
            shown: Param = Msg(f"category.{value}")
            if draft.get("subcategory"):
                group = "blackmail" if value == "blackmail" else "groups"
                shown = Msg(N_("review.with_sub"), {"main": shown, "sub": Msg(f"{group}.{draft['subcategory']}")})
        elif field == "description":
            shown = str(value or "")
        elif field == "links":
            note = draft.get("place_note")
            shown = "\n".join(value) if value else (f"📍 {note}" if note else Msg(N_("review.none")))
        elif field == "evidence":
            shown = Msg(N_("review.files"), {"count": str(len(value or []))})
        else:
            prefix = "age" if field == "age_group" else field
            shown = Msg(f"{prefix}.{value}") if value else Msg(N_("review.none"))
        if field == "evidence" and images_refused:
            continue
        rows.append(Msg(N_("review.row"), {"field": Msg(f"field.{field}"), "value": shown}))
    return Msg(N_("review.rows"), {"rows": tuple(rows)})

