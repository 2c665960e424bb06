"""Which messages a flood still gets answers to (flows/flood.py)."""

from __future__ import annotations

from flows.emergency import DEFAULT_EMERGENCY_LINES
from flows.events import Media, MediaKind, Pick, Text
from flows.flood import always_answered, flood_notice


def test_sos_and_crisis_are_always_answered() -> None:
    assert always_answered(Text("SOS"))
    assert always_answered(Text("/sos"))
    assert always_answered(Pick("menu", "sos"))
    assert always_answered(Text("я сейчас прыгну с крыши"))
    assert always_answered(Text("i want to kill myself"))


def test_everything_else_waits() -> None:
    assert not always_answered(Text("hello"))
    assert not always_answered(Text("привет как дела"))
    assert not always_answered(Pick("menu", "report"))
    assert not always_answered(Media(MediaKind.PHOTO, "ref"))


def test_the_notice_carries_the_numbers() -> None:
    notice = flood_notice(DEFAULT_EMERGENCY_LINES)
    assert notice.text.key == "flood.notice"
    assert "numbers" in notice.text.params
