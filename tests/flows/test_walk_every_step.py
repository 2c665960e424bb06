"""Walk every step of every flow, pressing every choice: nothing crashes, nobody is stuck,
every step is reachable, SOS is on every screen."""

from __future__ import annotations

import copy
from collections import deque

import pytest

from flows.definitions import STEPS
from flows.events import AdultLinked, Location, Media, MediaKind, OperatorLeft, Pick, Text
from flows.state import ConversationState
from flows.steps import Input
from tests.support.driver import Driver

SAMPLE_INPUTS = {
    Input.TEXT: "Someone keeps writing nasty things to me",
    Input.LINKS: "https://example.com/post/1",
    Input.REFERENCE: "KZ-7K4M-Q2XD",
    Input.EVIDENCE: None,
}
# Typed where buttons are offered: a problem in the child's own words (the way into "suggest").
FREE_TEXT = "my classmates are bullying me in a group chat"


def explore(hint: str) -> tuple[set[str], list[str]]:
    """Breadth-first over screens, from a new conversation; returns reached steps and problems."""
    problems: list[str] = []
    first = Driver(hint=hint)
    first.text("hello")
    # A restart with a half-finished report saved: the only way into "resume".
    restarted = Driver(hint=hint, state=ConversationState(draft={"category": "bullying", "victim": "me"}))
    restarted.text("hello")
    # An operator closing a conversation: the only way into "feedback".
    closed = Driver(hint=hint, state=ConversationState(lang=hint, role="child", step="human_wait",
                                                       with_operator=True))
    closed.send(OperatorLeft(closed=True))
    # A child with a trusted adult (the alert), one whose adult just confirmed (naming), and an
    # adult typing a child's code (the confirmation).
    linked = Driver(hint=hint, state=ConversationState(lang=hint, role="child", step="menu", alias="Aru",
                                                       adults=(("l1", "Mum"),)))
    linked.pick("sos")
    confirmed = Driver(hint=hint, state=ConversationState(lang=hint, role="child", step="menu", alias="Aru"))
    confirmed.send(AdultLinked("l2"))
    adult = Driver(hint=hint)
    adult.text(adult.code)
    # A links-only report (sexual images of children) at its links step: the way into "r_no_link"
    # lies deeper in a report than the capped walk reaches.
    links_only = Driver(hint=hint, state=ConversationState(lang=hint, role="parent", step="r_links",
                                                           draft={"category": "csam", "victim": "child"}))
    links_only.text("no links here")  # asked again, with its "I have no link" choice
    queue: deque[Driver] = deque([first, restarted, closed, linked, confirmed, adult, links_only])
    seen_steps: set[str] = set()
    seen_states: set[str] = set()
    while queue:
        driver = queue.popleft()
        step = driver.state.step
        signature = f"{step}|{sorted(driver.state.draft)}|{driver.state.tips_topic}|{driver.state.tips_card}"
        if signature in seen_states or len(seen_states) > 8000:
            continue
        seen_states.add(signature)
        seen_steps.add(step)
        screen = driver.screen
        values = [o.value for o in screen.options]
        if "sos" not in values and step != "sos":
            problems.append(f"{step}: no SOS choice")
        events: list[Pick | Text | Media | Location] = [Pick(step, v) for v in values]
        sample = SAMPLE_INPUTS.get(STEPS[step].input)
        if sample:
            events.append(Text(sample))
        if step in ("menu", "r_victim"):  # before and inside a report (more would only slow the walk)
            events.append(Text(FREE_TEXT))
        if step == "alert_location":
            events.append(Location(43.2, 76.9))
        if STEPS[step].input is Input.EVIDENCE:
            events.append(Media(MediaKind.PHOTO, "f1", "m1"))
        for event in events:
            nxt = copy.deepcopy(driver)
            try:
                says = nxt.send(event)
            except Exception as error:  # pragma: no cover - reported below
                problems.append(f"{step} + {event}: {error!r}")
                continue
            if not says or not any(s.options for s in says):
                problems.append(f"{step} + {event}: the user is left without choices")
                continue
            queue.append(nxt)
    return seen_steps, problems


@pytest.mark.parametrize("hint", ["kk", "ru", "en"])
def test_every_step_is_reached_and_no_one_is_stuck(hint: str) -> None:
    reached, problems = explore(hint)
    assert problems == []
    assert set(STEPS) - reached == set()


def test_stale_button_gets_a_polite_answer_and_the_current_screen() -> None:
    d = Driver()
    d.text("hi")
    d.pick("child")
    d.pick("report")
    d.send(Pick("menu", "tips"))  # a button from an older message
    assert d.keys()[0] == "input.stale"
    assert d.state.step == "r_category"


def test_forged_value_on_current_step_is_treated_as_stale() -> None:
    d = Driver()
    d.text("hi")
    d.pick("child")
    d.send(Pick("menu", "drop_tables"))
    assert d.keys()[0] == "input.stale"
    assert d.state.step == "menu"
