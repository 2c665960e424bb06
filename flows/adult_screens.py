"""What the trusted-adult screens show: the adults' names in the labels and prompts, and the
choices that depend on how many adults a child has (flows/adults.py)."""

from __future__ import annotations

from flows.adults import MAX_ADULTS
from flows.messages import N_, Msg
from flows.state import ConversationState

ADULT_CHOICES = frozenset({"sos", "adults", "adults_remove"})
ADULT_PROMPTS_WITH_PARAMS = frozenset({"adults", "privacy"})


def _name(name: str) -> Msg | str:
    return name or Msg(N_("adults.unnamed"))


def adult_choice_shown(step_id: str, value: str, state: ConversationState) -> bool:
    """Alert only with an adult, add only below the limit, remove only what exists."""
    count = len(state.adults)
    if step_id == "sos":
        return {"alert": count > 0, "add_adult": count == 0}.get(value, True)
    if step_id == "adults":
        return {"add": count < MAX_ADULTS, "remove": count > 0}.get(value, True)
    return value.isdigit() and 0 < int(value) <= count


def choice_label(step_id: str, value: str, label: str, state: ConversationState) -> Msg:
    """A choice's label, with the adult's name where it names one."""
    if step_id == "sos" and value == "alert":
        if len(state.adults) == 1:
            return Msg(label, {"name": _name(state.adults[0][1])})
        return Msg(N_("sos.alert_all"))
    if step_id == "adults_remove" and value.isdigit() and 0 < int(value) <= len(state.adults):
        return Msg(label, {"name": _name(state.adults[int(value) - 1][1])})
    return Msg(label)


def adult_prompt(step_id: str, key: str | Msg, state: ConversationState) -> Msg:
    """The adults screen lists them, a line each, or says there are none yet; the privacy screen
    says what a trusted adult gets (its own key, so the privacy wording can change apart)."""
    if step_id == "privacy":
        text = key if isinstance(key, Msg) else Msg(key)
        return Msg(N_("privacy.with_adults"), {"text": text, "adults": Msg(N_("privacy.adults"))})
    rows = tuple(Msg(N_("adults.row"), {"name": _name(name)}) for _, name in state.adults)
    if not rows:
        return Msg(N_("adults.prompt_none"), {"limit": str(MAX_ADULTS)})
    return Msg(key if isinstance(key, str) else key.key, {"rows": rows, "limit": str(MAX_ADULTS)})
