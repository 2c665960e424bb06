"""SOS, crisis reading, talking to a person, checking a report, privacy, tips, language."""

from __future__ import annotations

import pytest

from flows.emergency import DEFAULT_EMERGENCY_LINES, EmergencyLine
from flows.engine import EngineConfig, handle
from flows.events import Text
from flows.messages import Msg
from flows.state import ConversationState
from tests.support.driver import Driver


def at_menu(hint: str = "en") -> Driver:
    d = Driver(hint=hint)
    d.text("hi")
    d.pick("child")
    return d


def numbers_in(msg: Msg) -> list[str]:
    block = msg.params["numbers"]
    assert isinstance(block, Msg)
    lines = block.params["lines"]
    assert isinstance(lines, tuple)
    return [str(line.params["number"]) for line in lines]


@pytest.mark.parametrize("word", ["SOS", "/sos", "help", "Помогите!", "көмек", "/sos@helpline_bot"])
def test_sos_words_open_the_numbers_from_any_screen(word: str) -> None:
    d = at_menu()
    d.pick("report")
    d.pick("bullying")
    d.text(word)
    assert d.state.step == "sos"
    assert numbers_in(d.screen.text) == ["112", "102", "103", "111"]
    assert "person" in d.options()
    d.pick("back")
    assert d.state.step == "r_victim"  # back to where the child was, nothing lost
    assert d.state.draft["category"] == "bullying"


def test_sos_as_the_very_first_message_helps_before_any_greeting() -> None:
    d = Driver(hint=None)
    d.text("помогите")
    assert d.state.step == "sos"
    assert d.state.lang == "ru"
    assert "greeting" not in d.keys()


def test_emergency_numbers_come_from_the_configuration() -> None:
    config = EngineConfig(emergency=(EmergencyLine("150", "children"), *DEFAULT_EMERGENCY_LINES[:1]))
    state = ConversationState(lang="en", role="child", step="menu")
    result = handle(state, Text("/sos"), config=config)
    assert numbers_in(result.actions[-1].text) == ["150", "112"]  # type: ignore[union-attr]


def test_sos_person_now_escalates_at_top_priority_and_waits_honestly() -> None:
    d = at_menu()
    d.text("SOS")
    d.pick("person")
    assert d.escalations[-1].level == "critical"
    assert d.keys()[:2] == ["human.queued", "human.meanwhile_critical"]
    assert d.state.step == "human_wait"


def test_asking_for_a_person_always_escalates() -> None:
    d = at_menu()
    d.pick("human")
    d.pick("confirm")
    assert d.escalations[-1].level == "normal"
    assert d.escalations[-1].reason == "asked_for_person"


@pytest.mark.parametrize("text,level", [
    ("I want to kill myself", "high"),
    ("хочу умереть", "high"),
    ("өлгім келеді", "high"),
])
def test_crisis_text_in_the_menu_shows_sos_and_raises_risk(text: str, level: str) -> None:
    d = at_menu()
    d.text(text)
    assert d.state.step == "sos"
    assert d.state.risk == level
    assert d.escalations and d.escalations[-1].level == level
    assert "notice.confidentiality" in d.keys()


def test_crisis_text_inside_a_report_answers_at_once_and_keeps_the_report() -> None:
    d = at_menu()
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text("They say they will kill me after school")
    assert d.keys()[0] == "crisis.inline"
    assert d.state.step == "r_where"
    assert d.state.draft["description"].startswith("They say")
    assert d.state.risk in ("high", "critical")


def test_confidentiality_notice_is_said_once() -> None:
    d = at_menu()
    d.text("I want to die")
    d.pick("back")
    d.text("I want to die")
    d.pick("menu")
    d.pick("report")
    d.pick("grooming")
    assert d.keys().count("notice.confidentiality") == 0


def test_check_a_report_by_its_number() -> None:
    d = at_menu()
    d.statuses["KZ-7K4M-Q2XD"] = "in_review"
    d.pick("check")
    d.text("kz 7k4m q2xd")
    assert d.last[0].text.key == "check.status"
    assert d.last[0].text.params["status"] == Msg("status.in_review")
    d.pick("check")
    d.text("KZ-0000-0000")
    assert d.last[0].text.key == "check.not_found"
    d.text("not a number")
    assert d.last[0].text.key == "check.bad_format"


def test_typing_a_reference_in_the_menu_checks_it() -> None:
    d = at_menu()
    d.statuses["KZ-7K4M-Q2XD"] = "closed"
    d.text("KZ-7K4M-Q2XD")
    assert d.last[0].text.key == "check.status"


def test_delete_my_data_asks_first_then_forgets() -> None:
    d = at_menu()
    d.pick("report")
    d.pick("bullying")
    d.pick("menu")
    d.pick("privacy")
    d.pick("delete")
    assert d.state.step == "privacy_delete"
    d.pick("yes")
    assert "privacy.deleted" in d.keys()
    assert d.state.draft == {} and d.state.role is None and d.state.lang == "en"


def test_tips_by_role_with_next_and_back() -> None:
    d = Driver(hint="en")
    d.text("hi")
    d.pick("parent")
    d.pick("tips")
    assert d.state.step == "tips_topics"
    assert "digital" in d.options()
    d.pick("bullying")
    assert d.screen.text.params["card"] == Msg("tip.parents.bullying.1")
    d.pick("next")
    assert d.screen.text.params["card"] == Msg("tip.parents.bullying.2")
    d.pick("back")
    assert d.screen.text.params["card"] == Msg("tip.parents.bullying.1")


def test_children_do_not_get_the_parents_only_topic() -> None:
    d = at_menu()
    d.pick("tips")
    assert "digital" not in d.options()
    d.pick("audience")
    d.pick("teachers")
    assert "digital" in d.options()


def test_language_can_be_switched_mid_report_and_returns_there() -> None:
    d = at_menu()
    d.pick("report")
    d.pick("bullying")
    d.text("/language")
    assert d.state.step == "lang"
    d.pick("kk")
    assert d.state.lang == "kk"
    assert d.state.step == "r_victim"


def test_voice_message_is_answered_kindly() -> None:
    from flows.events import Media, MediaKind

    d = at_menu()
    d.send(Media(MediaKind.VOICE, "v1"))
    assert d.keys()[0] == "media.voice"
    assert d.state.step == "menu"


def test_parents_and_teachers_are_addressed_as_adults() -> None:
    d = Driver(hint="ru")
    d.text("привет")
    d.pick("parent")
    assert d.screen.text.key == "menu.prompt.adult"
    d.pick("report")
    d.pick("bullying")
    d.pick("my_child")
    assert d.screen.text.key == "report.what.adult"
    child = at_menu()
    assert child.screen.text.key == "menu.prompt"
