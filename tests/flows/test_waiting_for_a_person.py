"""Waiting for a person: out of working hours, and reminders while a critical case waits."""

from __future__ import annotations

from flows.actions import Say
from flows.engine import handle
from flows.events import Escalated, StillWaiting
from flows.state import ConversationState

QUEUED = ConversationState(lang="kk", role="child", step="sos", escalated="critical")


def keys(actions: tuple[object, ...]) -> list[str]:
    return [a.text.key for a in actions if isinstance(a, Say)]


def test_out_of_hours_says_when_operators_are_back_and_what_to_do_meanwhile() -> None:
    result = handle(QUEUED, Escalated("critical", "suicide_now", position=1, wait_minutes=4, back_at="09:00"))
    assert keys(result.actions) == ["human.after_hours", "human.numbers_now"]
    after_hours = result.actions[0]
    assert isinstance(after_hours, Say) and after_hours.text.params == {"time": "09:00"}


def test_within_hours_the_estimate_is_told_as_before() -> None:
    result = handle(QUEUED, Escalated("high", "self_harm", position=2, wait_minutes=7))
    assert keys(result.actions) == ["human.queued_estimate"]


def test_a_reminder_gives_the_numbers_again_without_moving_the_user() -> None:
    waiting = ConversationState(lang="ru", role="child", step="r_what", escalated="critical")
    result = handle(waiting, StillWaiting())
    assert keys(result.actions) == ["human.still_waiting"]
    assert "numbers" in result.actions[0].text.params  # type: ignore[union-attr]
    assert result.state == waiting


def test_no_reminder_once_a_person_holds_the_chat_or_nothing_is_queued() -> None:
    held = ConversationState(lang="ru", step="human_wait", escalated="critical", with_operator=True)
    assert handle(held, StillWaiting()).actions == ()
    assert handle(ConversationState(lang="ru", step="menu"), StillWaiting()).actions == ()
    assert handle(ConversationState(), StillWaiting()).actions == ()  # a forgotten or expired conversation
