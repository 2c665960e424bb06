"""Rendering a step into what the user sees: its prompt, its choices and the way out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flows.actions import Option, Say
from flows.definitions import ADULT_PROMPTS, ADULT_ROLES, REPORT_FIELDS, STEPS
from flows.emergency import EmergencyLine, numbers_block
from flows.images import sexual_image_context
from flows.messages import N_, Msg, Param
from flows.state import ConversationState
from flows.steps import Step
from flows.tips import AUDIENCE_TOPICS, deck, topic_label

NAV_LABELS = {
    "back": N_("nav.back"),
    "cancel": N_("nav.cancel"),
    "menu": N_("nav.menu"),
    "sos": N_("nav.sos"),
    "skip": N_("nav.skip"),
}


def nav_option(value: str) -> Option:
    return Option(value, Msg(NAV_LABELS[value]))


def options_for(step: Step, state: ConversationState) -> tuple[Option, ...]:
    """The step's own choices, then skip, back, cancel or menu, and SOS."""
    own = [Option(c.value, Msg(c.label)) for c in step.choices if _shown(step, c.value, state)]
    if step.optional and not (step.id == "r_links" and state.draft.get("category") == "csam"):
        own.append(nav_option("skip"))
    goes_to_menu = any(c.goto == "menu" for c in step.choices)
    if step.back and (state.trail or step.id == "tips_card"):
        own.append(nav_option("back"))
    if step.in_report:
        own.append(nav_option("cancel"))
    elif step.id != "menu" and not goes_to_menu:
        own.append(nav_option("menu"))
    if step.id != "sos":
        own.append(nav_option("sos"))
    return tuple(own)


def _shown(step: Step, value: str, state: ConversationState) -> bool:
    if step.id == "menu" and value == "resume":
        return bool(state.draft)
    if step.id == "tips_topics" and value != "audience":
        return value in AUDIENCE_TOPICS.get(state.tips_audience or "children", ())
    if step.id == "r_fix" and value == "evidence":
        return not sexual_image_context(state)
    if step.id == "tips_card" and value == "next":
        cards = deck(state.tips_audience or "", state.tips_topic or "")
        return state.tips_card + 1 < len(cards)
    return True


def prompt_key(step: Step, state: ConversationState) -> str:
    """The step's prompt, in the adults' wording where it has one and a parent or teacher writes."""
    if step.id in ADULT_PROMPTS and state.role in ADULT_ROLES:
        return f"{step.prompt}.adult"
    return step.prompt


def prompt_for(step: Step, state: ConversationState, emergency: tuple[EmergencyLine, ...],
               max_description: int) -> Msg:
    """The step's prompt with whatever it needs to show (numbers, a summary, a card)."""
    key = prompt_key(step, state)
    if step.id == "sos":
        return Msg(step.prompt, {"numbers": numbers_block(emergency)})
    if step.id == "r_review":
        return Msg(step.prompt, {"summary": summary(state.draft, images_refused=sexual_image_context(state))})
    if step.id == "r_what":
        return Msg(key, {"limit": str(max_description)})
    if step.id == "r_links" and state.draft.get("category") == "csam":
        return Msg(N_("report.links_csam"))
    if step.id == "r_evidence":
        return Msg(step.prompt, {"count": str(len(state.draft.get("evidence", [])))})
    if step.id == "tips_card":
        cards = deck(state.tips_audience or "", state.tips_topic or "")
        index = min(state.tips_card, max(len(cards) - 1, 0))
        return Msg(step.prompt, {
            "topic": Msg(topic_label(state.tips_topic or "")),
            "card": Msg(cards[index]) if cards else Msg(N_("tips.empty")),
            "position": f"{index + 1}/{max(len(cards), 1)}",
        })
    if step.id == "r_done":
        return Msg(step.prompt, {"ref": state.last_case or ""})
    return Msg(key)


def screen(step_id: str, state: ConversationState, emergency: tuple[EmergencyLine, ...],
           max_description: int) -> Say:
    """The whole screen of a step."""
    step = STEPS[step_id]
    return Say(prompt_for(step, state, emergency, max_description), options_for(step, state), step.id)


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
            shown = "\n".join(value) if value else Msg(N_("review.none"))
        elif field == "evidence":
            shown = Msg(N_("review.files"), {"count": str(len(value or []))})
        else:
            prefix = "age" if field == "age_group" else field
            shown = Msg(f"{prefix}.{value}") if value else Msg(N_("review.none"))
        if field == "evidence" and images_refused:
            continue
        rows.append(Msg(N_("review.row"), {"field": Msg(f"field.{field}"), "value": shown}))
    return Msg(N_("review.rows"), {"rows": tuple(rows)})

