"""The per-message crisis reading (flows/reading.py): the reader's answer, read once, and only when asked."""

from __future__ import annotations

from flows.crisis import detect
from flows.engine import handle
from flows.events import Media, MediaKind, Pick, Text
from flows.flood import always_answered
from flows.reading import Reading
from flows.state import ConversationState

CRY = "I want to kill myself"


def test_a_reading_gives_the_readers_answer() -> None:
    assert Reading(CRY).signal == detect(CRY)
    assert Reading(CRY).signal is not None
    assert Reading("what time is it?").signal is None


def test_the_text_is_read_once_however_often_it_is_asked(crisis_reads: list[str]) -> None:
    reading = Reading(CRY)
    assert reading.signal == reading.signal == reading.signal
    assert crisis_reads == [CRY]


def test_nothing_is_read_until_asked_nor_for_an_empty_text(crisis_reads: list[str]) -> None:
    reading = Reading(CRY)
    assert crisis_reads == []
    assert Reading("").signal is None
    assert crisis_reads == []
    assert reading.signal is not None


def test_an_event_is_read_by_its_words() -> None:
    assert Reading.of(Text(CRY)).text == CRY
    assert Reading.of(Media(MediaKind.PHOTO, caption=CRY)).text == CRY
    assert Reading.of(Media(MediaKind.PHOTO)).text == ""
    assert Reading.of(Pick("menu", "report")).signal is None


def test_the_flood_check_and_the_engine_share_one_reading(crisis_reads: list[str]) -> None:
    event = Text(CRY)
    reading = Reading.of(event)
    assert always_answered(event, reading)
    result = handle(ConversationState(lang="en", role="child", step="menu"), event, reading=reading)
    assert result.state.risk == "high"
    assert crisis_reads == [CRY]


def test_a_reading_passed_in_decides_as_the_engines_own_would() -> None:
    state = ConversationState(lang="en", role="child", step="menu")
    for text in (CRY, "they post mean comments under my photos", "hello"):
        assert handle(state, Text(text), reading=Reading(text)) == handle(state, Text(text))


def test_a_caption_while_waiting_is_read_once(crisis_reads: list[str]) -> None:
    waiting = ConversationState(lang="en", role="child", step="human_wait", escalated="normal")
    result = handle(waiting, Media(MediaKind.DOCUMENT, ref="f1", caption=CRY))
    assert result.state.risk == "high"
    assert crisis_reads == [CRY]
