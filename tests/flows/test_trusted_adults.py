"""The trusted adults' part of the engine (flows/adult_turn.py): only the child's own tap alerts an
adult, names show where they should, codes are read forgivingly, a location is never kept."""

from __future__ import annotations

import pytest

from flows.actions import AlertAdults, AnswerAlert, CreateLinkCode, Escalate, RedeemLinkCode, RemoveAdult
from flows.adults import parse_code
from flows.events import AdultsAlerted, Location, Pick
from flows.state import ConversationState
from tests.support.driver import Driver


def child(*names: str, step: str = "menu") -> Driver:
    adults = tuple((f"l{i}", name) for i, name in enumerate(names, 1))
    return Driver(hint="en", state=ConversationState(lang="en", role="child", step=step, alias="Aru", adults=adults))


@pytest.mark.parametrize(("typed", "code"), [
    ("7k4mq 2xdab", "7K4MQ-2XDAB"), ("/start 7K4MQ2XDAB", "7K4MQ-2XDAB"), ("код: 7К4МQ-2XDAB", "7K4MQ-2XDAB"),
    ("Code 7K4MQ–2XDAB ", "7K4MQ-2XDAB"), ("KZ-7K4M-Q2XD", None), ("whatsapped", None), ("ABCDEFGHJK", None),
    ("my code is 7K4MQ2XDAB please", None),
])
def test_codes_are_read_like_references(typed: str, code: str | None) -> None:
    assert parse_code(typed) == code


def test_a_crisis_never_alerts_the_adults_and_the_notice_says_so() -> None:
    driver = child("Mum")
    driver.text("I want to kill myself")
    assert not [a for a in driver.adult_actions if isinstance(a, AlertAdults)]
    assert driver.escalations  # the hotline hears of it; the adults do not
    assert "notice.adults" in driver.keys()
    # A report about someone at home alerts nobody either.
    driver = child("Mum")
    driver.pick("report")
    driver.pick("bullying")
    driver.pick("family")  # "someone at home"
    driver.text("my father hits my little brother every day")
    assert driver.state.draft["victim"] == "family"
    assert not [a for a in driver.adult_actions if isinstance(a, AlertAdults)]


def test_the_sos_screen_offers_the_alert_only_with_an_adult() -> None:
    alone = child(step="menu")
    alone.pick("sos")
    assert alone.options()[:2] == ["person", "add_adult"]
    one = child("Mum")
    one.pick("sos")
    assert one.options()[0] == "alert" and "add_adult" not in one.options()
    assert one.screen.options[0].label.params == {"name": "Mum"}
    two = child("Mum", "Dad")
    two.pick("sos")
    assert two.screen.options[0].label.key == "sos.alert_all"


def test_the_alert_is_one_tap_and_raises_the_level_like_sos() -> None:
    driver = child("Mum", "Dad")
    driver.pick("sos")
    driver.pick("alert")
    assert [type(a) for a in driver.adult_actions] == [AlertAdults]
    assert driver.adult_actions[0] == AlertAdults()  # no words, no location unless the child adds them
    assert driver.escalations == [Escalate("critical", "adult_alert")]
    assert driver.keys()[0] == "alert.sent" and driver.state.step == "alert_more"


def test_a_location_is_forwarded_in_the_alert_step_only_and_never_kept() -> None:
    driver = child("Mum")
    driver.send(Location(43.2, 76.9))
    assert driver.keys()[0] == "location.not_kept" and not driver.adult_actions
    driver.pick("sos")
    driver.pick("alert")
    driver.pick("location")
    driver.send(Location(43.2, 76.9))
    assert driver.adult_actions[-1] == AlertAdults(location=(43.2, 76.9))
    assert "43.2" not in str(driver.state.to_dict())
    assert "43.2" not in repr(Location(43.2, 76.9))


def test_an_adult_can_be_removed_and_nobody_left_is_said_plainly() -> None:
    driver = child("Mum", "Dad")
    driver.pick("adults")
    driver.pick("remove")
    assert [o.label.params.get("name") for o in driver.screen.options[:2]] == ["Mum", "Dad"]
    driver.pick("2")
    assert driver.adult_actions == [RemoveAdult("l2")] and driver.state.adults == (("l1", "Mum"),)
    # The stored links decide: when none is left, the child is told and given the numbers.
    driver.send(AdultsAlerted(()))
    assert driver.keys()[0] == "alert.nobody" and driver.state.adults == ()


def test_the_fourth_adult_is_refused_and_a_known_alias_is_not_asked_again() -> None:
    full = child("Mum", "Dad", "Gran")
    full.pick("adults")
    assert "add" not in full.options()
    fresh = child("Mum")
    fresh.pick("adults")
    fresh.pick("add")
    assert fresh.adult_actions == [CreateLinkCode("Aru")] and fresh.state.step == "adult_code"


def test_an_adult_answers_from_any_screen_and_a_forged_answer_is_stale() -> None:
    adult = Driver(hint="ru", state=ConversationState(lang="ru", role="parent", step="tips_card"))
    adult.send(Pick("adult_alert", "coming:0123456789abcdef"))
    assert adult.adult_actions == [AnswerAlert("0123456789abcdef", "coming")]
    adult.send(Pick("adult_alert", "shouting:0123"))
    assert adult.keys() == ["input.stale.adult"] and len(adult.adult_actions) == 1  # a parent: вы / сіз


def test_a_code_typed_inside_a_report_stays_the_report() -> None:
    driver = child()
    driver.pick("report")
    driver.pick("bullying")
    driver.pick("me")
    driver.text("7K4MQ-2XDAB")
    assert not [a for a in driver.adult_actions if isinstance(a, RedeemLinkCode)]
    assert driver.state.draft["description"] == "7K4MQ-2XDAB"


def test_a_new_adult_sees_the_confirmation_in_the_childs_language() -> None:
    adult = Driver(hint=None)
    adult.text("7K4MQ-2XDAB")
    assert adult.state.lang == "ru"  # the fake runtime's child has no language: the default
    assert adult.keys() == ["adults.confirm_intro", "adults.confirm_prompt"]


def test_the_alert_works_while_a_person_holds_the_chat() -> None:
    driver = Driver(hint="en", state=ConversationState(lang="en", role="child", step="human_wait", alias="Aru",
                                                       adults=(("l1", "Mum"),), with_operator=True))
    driver.pick("sos")
    driver.pick("alert")
    assert driver.adult_actions == [AlertAdults()]
    driver.pick("location")
    driver.send(Location(43.2, 76.9))
    driver.pick("note")
    driver.text("I'm at school")
    assert driver.adult_actions[1:] == [AlertAdults(location=(43.2, 76.9)), AlertAdults(note="I'm at school")]
    driver.text("thank you")  # anywhere else, words go to the person as before
    assert len(driver.adult_actions) == 3
    driver.pick("sos")
    driver.pick("person")  # the rest of SOS behaves as before with a person in the chat
    assert driver.keys() == ["operator.in_chat"]
