"""While a person holds the conversation, the bot relays and stays silent but for SOS."""

from __future__ import annotations

from flows.actions import RecordFeedback, RelayToOperator
from flows.engine import handle
from flows.events import Media, MediaKind, OperatorJoined, OperatorLeft, OperatorMessage, Pick, Text
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
    refused = handle(HELD.__class__(**{**HELD.__dict__, "media_refused_case": True}), Media(MediaKind.PHOTO, "x", "m"))
    assert not any(isinstance(a, RelayToOperator) for a in refused.actions)
    assert refused.actions[0].message_ref == "m"  # type: ignore[union-attr]


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
        assert not any(isinstance(a, RelayToOperator) for a in result.actions)
        assert result.actions[-1].text.key == "media.refused"  # type: ignore[union-attr]
