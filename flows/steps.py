"""The vocabulary flows are written in: steps, choices, and the checks a flow must pass.

A flow definition that cannot work fails when it is loaded (`validate`), with a message
that names the step and the problem, instead of leaving a child stuck at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

# Values every step understands; a step's own choices may not reuse them.
NAV_VALUES = frozenset({"back", "cancel", "menu", "sos"})

# Telegram allows 64 bytes of callback data; adapters encode "<step>|<value>".
MAX_CALLBACK_BYTES = 64


class Input(StrEnum):
    CHOICE = "choice"  # only the offered choices
    TEXT = "text"  # free text stored in `field`
    LINKS = "links"  # free text that must hold links
    EVIDENCE = "evidence"  # files, then "done"
    REFERENCE = "reference"  # a report's reference number


class FlowDefinitionError(ValueError):
    """A flow definition that cannot work; raised when the flows are loaded."""


@dataclass(frozen=True)
class Choice:
    """One choice of a step. `goto` overrides the step's `next`; `effect` names an
    engine effect run when it is picked (see `flows.effects.EFFECTS`)."""

    value: str
    label: str
    goto: str | None = None
    effect: str | None = None


@dataclass(frozen=True)
class Step:
    """One screen of a conversation, declared as data."""

    id: str
    prompt: str
    choices: tuple[Choice, ...] = ()
    input: Input = Input.CHOICE
    field: str | None = None  # the report field this step answers
    next: str | None = None
    optional: bool = False  # offers "skip"
    back: bool = True
    in_report: bool = False  # offers "cancel report" instead of "menu"

    def choice(self, value: str) -> Choice | None:
        """The choice with this value, if the step has it."""
        return next((c for c in self.choices if c.value == value), None)


def validate(steps: Mapping[str, Step], entry: Iterable[str], effects: Iterable[str]) -> None:
    """Raise FlowDefinitionError unless every target exists, every value fits a callback,
    every step can be reached from an entry step and every step has a way onwards."""
    known_effects = set(effects)
    problems: list[str] = []
    for key, step in steps.items():
        if key != step.id:
            problems.append(f"step registered as {key!r} has id {step.id!r}")
        targets = [step.next] + [c.goto for c in step.choices]
        for target in targets:
            if target is not None and target not in steps:
                problems.append(f"step {step.id!r} leads to unknown step {target!r}")
        values = [c.value for c in step.choices]
        if len(values) != len(set(values)):
            problems.append(f"step {step.id!r} repeats a choice value")
        for choice in step.choices:
            if choice.value in NAV_VALUES or choice.value == "skip":
                problems.append(f"step {step.id!r} reuses the reserved value {choice.value!r}")
            if len(f"{step.id}|{choice.value}".encode()) > MAX_CALLBACK_BYTES:
                problems.append(f"step {step.id!r} choice {choice.value!r} is too long for a callback")
            if choice.effect is not None and choice.effect not in known_effects:
                problems.append(f"step {step.id!r} choice {choice.value!r} names unknown effect {choice.effect!r}")
        if step.input is Input.CHOICE and not step.choices:
            problems.append(f"step {step.id!r} takes choices but offers none")
        if step.input is not Input.CHOICE and step.next is None and step.id != "check":
            problems.append(f"step {step.id!r} takes input but has no next step")
        if step.input is Input.CHOICE and step.next is None:
            dead = [c.value for c in step.choices if c.goto is None and c.effect is None]
            if dead:
                problems.append(f"step {step.id!r}: choices {dead} lead nowhere")
    reachable = _reachable(steps, entry)
    for key in steps:
        if key not in reachable:
            problems.append(f"step {key!r} cannot be reached")
    if problems:
        raise FlowDefinitionError("; ".join(problems))


def _reachable(steps: Mapping[str, Step], entry: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    todo = [e for e in entry if e in steps]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        step = steps[key]
        for target in [step.next] + [c.goto for c in step.choices]:
            if target is not None and target not in seen:
                todo.append(target)
    return seen
