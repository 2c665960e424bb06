"""Waiting for a person: what the user writes meanwhile, honest answers when nobody can come, out of
working hours, and reminders while a critical case waits."""

from __future__ import annotations

import dataclasses

from flows.actions import DiscardMedia, Escalate, RelayWhileWaiting, Say
from flows.engine import handle
from flows.events import Escalated, Heard, Media, MediaKind, StillWaiting, Text
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


# -- heard while waiting ---------------------------------------------------------------------
WAITING = ConversationState(lang="en", role="child", step="human_wait", escalated="normal")


def test_text_while_waiting_is_kept_for_the_person_and_the_user_is_told() -> None:
    result = handle(WAITING, Text("hello? is anyone there? they posted my photo"))
    assert result.actions == (RelayWhileWaiting(text="hello? is anyone there? they posted my photo"),)
    told = handle(result.state, Heard(kept=True))
    assert keys(told.actions) == ["waiting.passed_on"]
    assert "input.use_buttons" not in keys(result.actions)


def test_a_waiting_parent_is_told_in_the_adults_wording() -> None:
    parent = dataclasses.replace(WAITING, role="parent")
    assert keys(handle(parent, Heard(kept=True)).actions) == ["waiting.passed_on.adult"]
    assert keys(handle(parent, Heard(kept=True, person=False)).actions) == ["waiting.kept_nobody.adult"]
    assert keys(handle(parent, Heard(kept=True, back_at="09:00")).actions) == ["waiting.kept_after_hours.adult"]
    assert keys(handle(WAITING, Heard(kept=True, person=False)).actions) == ["waiting.kept_nobody"]


def test_a_crisis_written_while_waiting_raises_the_case_and_is_kept_too() -> None:
    result = handle(WAITING, Text("I want to kill myself"))
    assert isinstance(result.actions[-1], RelayWhileWaiting)
    assert any(isinstance(a, Escalate) and a.level in ("high", "critical") for a in result.actions)
    assert result.state.risk in ("high", "critical") and "crisis.selfharm" in keys(result.actions)


def test_waiting_text_longer_than_a_description_is_refused_with_the_real_numbers() -> None:
    result = handle(WAITING, Text("a" * 1600))
    assert not any(isinstance(a, RelayWhileWaiting) for a in result.actions)
    (say,) = [a for a in result.actions if isinstance(a, Say)]
    assert say.text.key == "report.too_long" and say.text.params == {"limit": "1500", "length": "1600"}


def test_a_photo_while_waiting_goes_by_id_unless_images_are_refused() -> None:
    kept = handle(WAITING, Media(MediaKind.PHOTO, "file-7", "m7"))
    assert kept.actions == (RelayWhileWaiting(text=None, media_kind="photo", media_ref="file-7"),)
    sextortion = dataclasses.replace(WAITING, risk="high", risk_reasons=("sextortion",))
    refused = handle(sextortion, Media(MediaKind.PHOTO, "file-8", "m8", caption="he wants more"))
    assert not any(isinstance(a, RelayWhileWaiting) and a.media_ref for a in refused.actions)
    assert isinstance(refused.actions[0], DiscardMedia) and "media.refused" in keys(refused.actions)
    assert RelayWhileWaiting(text="he wants more") in refused.actions  # the words still reach the case


def test_text_while_waiting_in_a_report_is_kept_and_the_report_goes_on() -> None:
    in_report = dataclasses.replace(WAITING, step="r_where", draft={"category": "bullying"})
    result = handle(in_report, Text("is anyone reading this?"))
    assert result.actions[0] == RelayWhileWaiting(text="is anyone reading this?")
    assert isinstance(result.actions[-1], Say) and result.actions[-1].step == "r_where"


def test_when_the_case_was_closed_meanwhile_nothing_is_promised() -> None:
    result = handle(WAITING, Heard(kept=False))
    assert result.state.escalated is None and keys(result.actions)[0] == "input.use_buttons"


def test_out_of_hours_or_with_nobody_the_user_is_told_so_with_the_numbers() -> None:
    later = handle(WAITING, Heard(kept=True, back_at="09:00"))
    assert keys(later.actions) == ["waiting.kept_after_hours"]
    assert later.actions[0].text.params["time"] == "09:00"  # type: ignore[union-attr]
    nobody = handle(WAITING, Heard(kept=True, person=False))
    assert keys(nobody.actions) == ["waiting.kept_nobody"]
    assert "numbers" in nobody.actions[0].text.params  # type: ignore[union-attr]


# -- never promise a person who will not come ------------------------------------------------
ASKED = ConversationState(lang="en", role="child", step="human", escalated="normal")


def test_in_hours_a_person_is_promised_and_the_user_waits_here() -> None:
    result = handle(ASKED, Escalated("normal", "asked_for_person"))
    assert keys(result.actions) == ["human.queued", "human.wait"] and result.state.step == "human_wait"


def test_with_no_operator_front_nobody_is_promised_and_the_numbers_are_given() -> None:
    result = handle(ASKED, Escalated("high", "asked_for_person", person=False))
    assert keys(result.actions)[:2] == ["human.nobody", "human.numbers_now"]
    assert "human.queued" not in keys(result.actions) and result.state.step == "menu"


def test_a_crisis_with_nobody_on_shift_gets_the_numbers_not_a_promise() -> None:
    result = handle(ConversationState(lang="en"), Text("I want to kill myself"))
    assert isinstance(result.actions[-1], Escalate)
    told = handle(result.state, Escalated(result.actions[-1].level, result.actions[-1].reason, person=False))
    assert keys(told.actions) == ["human.nobody", "human.numbers_now"]


# -- the contact choice ----------------------------------------------------------------------
FILED_ANONYMOUS = ConversationState(lang="ru", role="child", step="r_done", case_anonymous=True, escalated="high")


def test_after_no_stay_anonymous_nobody_is_promised_to_write() -> None:
    result = handle(FILED_ANONYMOUS, Escalated("high", "case_filed"))
    assert keys(result.actions) == ["human.case_anonymous"]
    nobody = handle(FILED_ANONYMOUS, Escalated("high", "case_filed", person=False))
    assert keys(nobody.actions) == ["human.case_anonymous_saved", "human.numbers_now"]


def test_after_yes_write_to_me_a_person_is_promised() -> None:
    replied = dataclasses.replace(FILED_ANONYMOUS, case_anonymous=False)
    assert keys(handle(replied, Escalated("high", "case_filed")).actions) == ["human.queued"]
