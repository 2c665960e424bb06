"""While a person holds the conversation, the bot relays and stays silent but for SOS."""

from __future__ import annotations

import dataclasses

import pytest

from flows.actions import DiscardMedia, RecordFeedback, RelayToOperator
from flows.engine import handle
from flows.events import CaseFiled, Media, MediaKind, OperatorJoined, OperatorLeft, OperatorMessage, Pick, Text
from flows.images import sexual_image_context
from flows.state import ConversationState

HELD = ConversationState(lang="ru", role="child", step="human_wait", with_operator=True)


def test_operator_joining_tells_the_user_and_holds_the_conversation() -> None:
    result = handle(ConversationState(lang="en", role="child", step="human_wait"), OperatorJoined())
    assert result.state.with_operator
    assert [a.text.key for a in result.actions] == ["operator.joined"]  # type: ignore[union-attr]


def test_user_text_goes_to_the_operator_and_the_bot_says_nothing() -> None:
    result = handle(HELD, Text("мне страшно"))
    assert result.actions == (RelayToOperator(text="мне страшно"),)


def test_sos_still_answers_while_an_operator_holds() -> None:
    result = handle(HELD, Text("/sos"))
    assert result.state.step == "sos"
    assert result.actions[-1].text.key == "sos.prompt"  # type: ignore[union-attr]


def test_photos_are_relayed_by_id_but_never_after_a_links_only_case() -> None:
    relayed = handle(HELD, Media(MediaKind.PHOTO, "file-9", "m9"))
    assert relayed.actions == (RelayToOperator(text=None, media_kind="photo", media_ref="file-9"),)
    refused = handle(dataclasses.replace(HELD, media_refused_case=True), Media(MediaKind.PHOTO, "x", "m"))
    assert refused.actions[0] == DiscardMedia("m", "photo")
    # The operator is told one came, without the file.
    assert refused.actions[1] == RelayToOperator(text=None, media_kind="photo", media_ref=None, refused=True)
    assert refused.actions[2].text.key == "media.refused"  # type: ignore[union-attr]


@pytest.mark.parametrize("held", [
    dataclasses.replace(HELD, risk_reasons=("sextortion",)),  # the bot's own reading, before any case
    dataclasses.replace(HELD, risk_reasons=("grooming_meeting", "suicide_now")),
    dataclasses.replace(HELD, risk_reasons=("sextortion",), step="sos"),  # SOS -> person
    dataclasses.replace(HELD, draft={"category": "grooming"}),
    dataclasses.replace(HELD, draft={"category": "blackmail", "subcategory": "intimate"}),
], ids=["sextortion-signal", "grooming-meeting", "after-sos", "grooming-draft", "intimate-blackmail-draft"])
@pytest.mark.parametrize("kind", [MediaKind.PHOTO, MediaKind.VIDEO, MediaKind.DOCUMENT, MediaKind.STICKER])
def test_no_image_of_a_sexual_image_conversation_reaches_the_operator(held: ConversationState,
                                                                     kind: MediaKind) -> None:
    result = handle(held, Media(kind, "file-1", "msg-1", caption="вот"))
    relays = [a for a in result.actions if isinstance(a, RelayToOperator)]
    assert relays == [RelayToOperator(text="вот", media_kind=kind.value, media_ref=None, refused=True)]
    assert DiscardMedia("msg-1", kind.value) in result.actions
    assert "file-1" not in repr(result.state)


def test_words_read_as_sextortion_while_an_operator_holds_refuse_images_from_then_on() -> None:
    said = handle(HELD, Text("он требует еще фото иначе отправит всем мои нюдсы"))
    assert said.actions == (RelayToOperator(text="он требует еще фото иначе отправит всем мои нюдсы",
                                            images_refused_from_now=True),)  # the bot itself stays silent
    assert "sextortion" in said.state.risk_reasons and sexual_image_context(said.state)
    again = handle(said.state, Text("что мне делать"))
    assert again.actions == (RelayToOperator(text="что мне делать"),)  # told once
    photo = handle(again.state, Media(MediaKind.PHOTO, "file-2", "msg-3"))
    assert DiscardMedia("msg-3", "photo") in photo.actions


def test_a_voice_message_still_reaches_the_operator_in_such_a_conversation() -> None:
    held = dataclasses.replace(HELD, risk_reasons=("sextortion",))
    result = handle(held, Media(MediaKind.VOICE, "voice-1", "msg-2"))
    assert result.actions == (RelayToOperator(text=None, media_kind="voice", media_ref="voice-1"),)


def test_a_sextortion_signal_keeps_images_refused_after_a_later_unrelated_case() -> None:
    state = ConversationState(lang="ru", role="child", step="menu", risk_reasons=("sextortion",))
    filed = handle(dataclasses.replace(state, draft={"category": "bullying"}), CaseFiled("KZ-1"))
    assert filed.state.media_refused_case
    assert sexual_image_context(dataclasses.replace(filed.state, risk_reasons=()))


def test_operator_words_reach_the_user_as_user_text() -> None:
    result = handle(HELD, OperatorMessage("Привет <b>я</b> здесь"))
    say = result.actions[0]
    assert say.text.key == "operator.says"  # type: ignore[union-attr]
    assert say.text.params["text"] == "Привет <b>я</b> здесь"  # type: ignore[union-attr]


def test_closing_asks_did_this_help_and_records_the_answer() -> None:
    closed = handle(HELD, OperatorLeft(closed=True))
    assert not closed.state.with_operator and closed.state.step == "feedback"
    answered = handle(closed.state, Pick("feedback", "yes"))
    assert RecordFeedback(helpful=True) in answered.actions
    assert answered.state.step == "menu"


def test_handing_back_returns_to_the_menu() -> None:
    result = handle(HELD, OperatorLeft(closed=False))
    assert result.state.step == "menu" and not result.state.with_operator


def test_no_photo_is_relayed_once_the_conversation_read_as_grooming_or_sextortion() -> None:
    for reason in ("grooming", "sextortion"):
        held = HELD.__class__(**{**HELD.__dict__, "risk_reasons": (reason,)})
        result = handle(held, Media(MediaKind.PHOTO, "file-3", "m3"))
        relayed = [a for a in result.actions if isinstance(a, RelayToOperator)]
        # The operator is told one was refused (flows/images.py), never given the file.
        assert [(r.refused, r.media_ref) for r in relayed] == [(True, None)]
        assert result.actions[-1].text.key == "media.refused"  # type: ignore[union-attr]
