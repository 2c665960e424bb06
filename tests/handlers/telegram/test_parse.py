"""parse.py over every real payload in the shared fixtures: the expected event per file."""

from __future__ import annotations

import copy

import pytest

from flows.events import Location, Media, MediaKind, Pick, Text
from handlers.telegram.parse import (
    Converse,
    Edited,
    Elsewhere,
    Ignored,
    Incoming,
    Membership,
    Pressed,
    Unparseable,
    answerable_at_once,
    parse_update,
)
from tests.support.fake_telegram import FIXTURES, fixture

BIG_PHOTO = "AgACAgQAAxkBAAINhGKvijUVSn2i3980bQIIc1fqWGNCAAJpvDEbEmaBUfuA43fR-BnlAQADAgADeQADJAQ"
ANIMATED = "CAACAgIAAxkBAAESLdBjMImep-J0W8XaTN6S_Lz1-j1QIQACIwADsND4DGmmygHGlyggKQQ"

EXPECTED: dict[str, Incoming | type[Unparseable]] = {
    "anonymous_admin_forward_origin_chat": Ignored(900000005, "group message"),
    "callback_query": Pressed(2, "666728699048485871", 222222222, 222222222, 69587, None, "it"),
    "callback_query_complex_data": Pressed(2, "666728699048485871", 222222222, 222222222, 69587, None, "it"),
    "callback_query_inaccessible_message": Pressed(2, "666728699048485871", 222222222, 222222222, 69587, None, "it"),
    "callback_query_inline_message": Pressed(10000, "4382bfdwdsb323b2d9", 1111111, None, None, None, None),
    "channel_post": Ignored(1, "channel post"),
    "command_with_args_no_entities": Converse(3, 456, 456, Text("/register HR John Doe"), "en"),
    "command_with_entities": Converse(144064961, 10081232, 10081232, Text("/test"), "it"),
    "contact": Converse(123456789, 12345, 12345, Media(MediaKind.CONTACT, None, "123456"), "it"),
    "cyrillic_text_emoji": Converse(900000001, 250918540, 250918540, Text("Лол кек 😂"), "en"),
    "docs_example_missing_is_bot": Unparseable,
    "document_pdf": Converse(1, 456, 456, Media(MediaKind.DOCUMENT, "a1b2c34d5e6f7g8h9i", "123"), "en"),
    "edited_message_with_reply": Edited(62257549, 999999999, 999999999, "it"),
    "entities_emoji_utf16_offsets": Converse(123456, 321654, 321654, Text("test bold underline 😆👍 look here"), "en"),
    "forum_general_topic_message": Ignored(963407580, "group message"),
    "forum_topic_created": Ignored(900000004, "group message"),
    "forum_topic_message_reply": Ignored(963407580, "group message"),
    "forum_topic_reply_other_message": Ignored(963407601, "group message"),
    "forwarded_forward_origin_user": Converse(1, 456, 456, Text("Ciao"), "en"),
    "legacy_entities_bold_italic": Converse(10000, 1111111, 1111111, Text("Bold and italics"), None),
    "legacy_forward_from_chat": Converse(10000, 1111111, 1111111, Text("/start"), None),
    # Locations are events of their own, forwarded only to a child's trusted adults, never kept.
    "location": Converse(123456789, 12345, 12345, Location(41.899977, 12.501028), "it"),
    "message_reaction_custom_emoji": Ignored(1, "update type message_reaction"),
    "message_reaction_removed_anonymous_cyrillic": Ignored(767844136, "update type message_reaction"),
    "message_reaction_supergroup": Ignored(71651249, "update type message_reaction"),
    "my_chat_member_added_to_basic_group": Elsewhere(900000103, -4726613835, "en"),
    "my_chat_member_blocked": Membership(0, 0, 0, blocked=True),
    "my_chat_member_promoted_admin_forum": Unparseable,
    "my_chat_member_unblocked": Membership(900000101, 5342492667, 5342492667, blocked=False),
    "new_chat_members": Ignored(123456789, "service message new_chat_members"),
    "photo_caption_url_entity": Converse(900000003, 27433968, 27433968,
                                         Media(MediaKind.PHOTO, BIG_PHOTO, "3460", "www.example.com"), "en"),
    "photo_with_caption": Converse(144011148, 11111111, 11111111,
                                   Media(MediaKind.PHOTO, "SAAS", "456901", "asdasdasdasdasdasd"), "it"),
    "pinned_message": Ignored(123456789, "service message pinned_message"),
    "sticker": Converse(123456789, 12345, 12345, Media(MediaKind.STICKER, "yhufjikjhgjkghjffghgf", "123456"), "it"),
    "sticker_animated": Converse(900000002, 250918540, 250918540, Media(MediaKind.STICKER, ANIMATED, "199787"), "en"),
    "supergroup_report_command_reply_to_story": Ignored(439432600, "group message"),  # /report: not ours
    "text_message_private": Converse(123456789, 12345678, 12345678, Text("aaaaaaaaaa"), "it"),
    "text_private_real_capture": Converse(892252934, 218485655, 218485655, Text("hello there"), "en"),
    "venue": Converse(900000006, 0, 0, Location(0.0, 0.0), None),
    "video_note": Converse(123456789, 12345, 12345, Media(MediaKind.VIDEO, "dfgfdgdfgdfggdfgdf", "123456"), "it"),
    "voice": Converse(123456789, 12345, 12345, Media(MediaKind.VOICE, "dfghjjghdjhgd", "123456"), "it"),
}


def test_every_fixture_has_an_expectation() -> None:
    names = {path.stem for path in FIXTURES.glob("*.json")}
    assert names == set(EXPECTED), f"add expectations for {sorted(names - set(EXPECTED))}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_parses_to_the_expected_event(name: str) -> None:
    expected = EXPECTED[name]
    if expected is Unparseable:
        with pytest.raises(Unparseable):
            parse_update(fixture(name))
    else:
        assert parse_update(fixture(name)) == expected


def test_largest_photo_is_kept_even_when_not_listed_last() -> None:
    # photo_with_caption lists 240x320, 720x960, 600x800: the biggest is in the middle.
    parsed = parse_update(fixture("photo_with_caption"))
    assert isinstance(parsed, Converse) and isinstance(parsed.event, Media)
    assert parsed.event.ref == "SAAS"


def test_our_callback_data_becomes_a_pick() -> None:
    update = copy.deepcopy(fixture("callback_query"))
    update["callback_query"]["data"] = "r_category|bullying"
    parsed = parse_update(update)
    assert isinstance(parsed, Pressed)
    assert parsed.pick == Pick("r_category", "bullying")


@pytest.mark.parametrize("label", ["🆘 Help now", "🆘 Помощь сейчас", "🆘 Қазір көмек керек"])
def test_the_sos_button_reads_as_the_sos_command(label: str) -> None:
    labels = {"🆘 Help now", "🆘 Помощь сейчас", "🆘 Қазір көмек керек"}
    update = copy.deepcopy(fixture("text_message_private"))
    update["message"]["text"] = label
    parsed = parse_update(update, labels)
    assert isinstance(parsed, Converse) and parsed.event == Text("/sos")


def test_command_with_bot_name_stays_text_for_the_engine() -> None:
    update = copy.deepcopy(fixture("command_with_entities"))
    update["message"]["text"] = "/sos@helpline_test_bot"
    parsed = parse_update(update)
    assert isinstance(parsed, Converse) and parsed.event == Text("/sos@helpline_test_bot")


@pytest.mark.parametrize("kind, field, value, expected", [
    ("video", "video", {"file_id": "VID", "file_unique_id": "v", "width": 1, "height": 1, "duration": 1},
     MediaKind.VIDEO),
    ("animation", "animation", {"file_id": "GIF", "file_unique_id": "g", "width": 1, "height": 1, "duration": 1},
     MediaKind.VIDEO),
    ("audio", "audio", {"file_id": "AUD", "file_unique_id": "a", "duration": 1}, MediaKind.AUDIO),
    ("dice", "dice", {"emoji": "🎲", "value": 3}, MediaKind.OTHER),
])
def test_other_content_maps_to_media_kinds(kind: str, field: str, value: dict[str, object],
                                           expected: MediaKind) -> None:
    update = copy.deepcopy(fixture("text_message_private"))
    del update["message"]["text"]
    update["message"][field] = value
    parsed = parse_update(update)
    assert isinstance(parsed, Converse) and isinstance(parsed.event, Media), kind
    assert parsed.event.kind is expected
    assert parsed.event.ref == value.get("file_id")


@pytest.mark.parametrize("text", ["/sos", "/start@helpline_test_bot", "/help"])
def test_our_commands_in_a_group_ask_for_the_private_chat_notice(text: str) -> None:
    update = copy.deepcopy(fixture("supergroup_report_command_reply_to_story"))
    update["message"]["text"] = text
    assert parse_update(update) == Elsewhere(439432600, -1001293752024, "en")


def test_a_message_from_a_bot_is_ignored() -> None:
    update = copy.deepcopy(fixture("text_message_private"))
    update["message"]["from"]["is_bot"] = True
    assert isinstance(parse_update(update), Ignored)


def test_unparseable_names_the_field_not_the_content() -> None:
    with pytest.raises(Unparseable) as caught:
        parse_update(fixture("docs_example_missing_is_bot"))
    assert "is_bot" in str(caught.value)
    assert "/start" not in str(caught.value)


def _pressed_variants() -> dict[str, dict[str, object]]:
    """Every real payload, and the real presses with our data: in a private chat, in a group, on an
    inaccessible message, from an inline message, with data too long or not ours."""
    found: dict[str, dict[str, object]] = {name: fixture(name) for name in sorted(EXPECTED)}
    for name in ("callback_query", "callback_query_inaccessible_message", "callback_query_inline_message"):
        for label, data in (("ours", "r_category|bullying"), ("too_long", "r|" + "x" * 63), ("empty", "")):
            update = copy.deepcopy(fixture(name))
            update["callback_query"]["data"] = data
            found[f"{name}/{label}"] = update
    group = copy.deepcopy(fixture("callback_query"))
    group["callback_query"]["data"] = "r_category|bullying"
    group["callback_query"]["message"]["chat"] = {"id": -1001234567489, "title": "Hotline operators",
                                                  "type": "supergroup", "is_forum": True}
    found["callback_query/group"] = group
    return found


@pytest.mark.parametrize("name, raw", sorted(_pressed_variants().items()))
def test_the_webhook_answers_exactly_the_presses_the_worker_would_answer_without_a_text(
        name: str, raw: dict[str, object]) -> None:
    try:
        parsed: Incoming | None = parse_update(raw)
    except Unparseable:
        parsed = None
    plain = isinstance(parsed, Pressed) and parsed.chat_id is not None and parsed.pick is not None
    expected = parsed.callback_id if isinstance(parsed, Pressed) and plain else None
    assert answerable_at_once(raw) == expected, name
    if name.endswith("/ours") and "inline" not in name:
        assert expected is not None  # the cases that matter are covered, not only the refusals
