"""parse.py over every real payload: the records and events each one must give."""

from __future__ import annotations

import json
from typing import Any

import pytest

from flows.events import Location, Media, MediaKind, Pick, Text
from handlers.whatsapp.parse import (
    STALE,
    ErrorNotice,
    Ignored,
    Incoming,
    MorePage,
    PayloadError,
    Record,
    StatusUpdate,
    more_id,
    parse_more,
    parse_payload,
)
from tests.handlers.whatsapp.harness import FIXTURES, envelope, message, reply, value


def summary(record: Record) -> tuple[Any, ...]:
    if isinstance(record, Incoming):
        return ("message", record.kind, record.event)
    if isinstance(record, StatusUpdate):
        return ("status", record.status, tuple(e.code for e in record.errors))
    if isinstance(record, ErrorNotice):
        return ("errors", tuple(e.code for e in record.errors))
    return ("ignored", record.reason)


STALE_PICK = Pick(STALE, STALE)
W = "wamid.xyzxyz"
EXPECTED: dict[str, list[tuple[Any, ...]]] = {
    "audio_file": [("message", "audio", Media(MediaKind.AUDIO, "1234567890987654321", W))],
    "button_reply": [("message", "interactive", STALE_PICK)],  # "callback_data" is not this bot's id
    "contacts_shared": [("message", "contacts", Media(MediaKind.CONTACT, None, W))],  # numbers not kept
    "document_pdf_forwarded": [("message", "document",
                                Media(MediaKind.DOCUMENT, "1234567890987654321", W, "caption"))],
    "echo_text_smb_message_echoes": [("ignored", "field:smb_message_echoes")],
    "errors_rate_limit_130429": [("errors", (130429,))],
    "image": [("message", "image", Media(MediaKind.PHOTO, "65463453", W))],
    "image_with_caption": [("message", "image",
                            Media(MediaKind.PHOTO, "2754859441498128", "wamid.id", "This is a caption"))],
    "image_with_media_url": [("message", "image", Media(MediaKind.PHOTO, "65463453", W))],  # never downloaded
    "interactive_with_value_errors": [("message", "interactive", STALE_PICK), ("errors", (131000,))],
    "legacy_unknown_type_130501": [("message", "unknown",
                                    Media(MediaKind.OTHER, None, "wamid.ABGGFlA5FpafAgo6tHcNmNjXmuSf"))],
    "list_reply": [("message", "interactive", STALE_PICK)],
    "list_reply_with_description": [("message", "interactive", STALE_PICK)],
    # Coordinates are forwarded only to a child's trusted adults, never kept; names and addresses are dropped.
    "location_current": [("message", "location", Location(12.25089, 43.90539))],
    "location_named_place": [("message", "location", Location(37.4611978, -122.2164385))],
    "message_edited_image_caption": [("ignored", "type:edit")],
    "message_revoked_deleted": [("ignored", "type:revoke")],
    "meta_docs_text_message": [("message", "text", Text("Does it come in another color?"))],
    "meta_postman_text_message": [("message", "text", Text("Hello this is an answer"))],
    "meta_template_quick_reply_button": [("message", "button", Text("No"))],
    "order": [("message", "order", Media(MediaKind.OTHER, None, W))],
    "reaction": [("ignored", "type:reaction")],
    "reaction_removed_empty_emoji": [("ignored", "type:reaction")],
    "reaction_removed_no_emoji_key": [("ignored", "type:reaction")],
    "status_delivered": [("status", "delivered", ())],
    "status_failed_with_errors": [("status", "failed", (130472,))],
    "status_played_voice": [("status", "played", ())],
    "status_read": [("status", "read", ())],
    "status_read_bsuid": [("status", "read", ())],
    "status_read_group": [("status", "read", ())],
    "status_sent": [("status", "sent", ())],
    "status_sent_minimal": [("status", "sent", ())],
    "status_sent_with_biz_opaque_callback_data": [("status", "sent", ())],
    "sticker_animated": [("message", "sticker", Media(MediaKind.STICKER, "1234567890987654321", W))],
    "sticker_static": [("message", "sticker", Media(MediaKind.STICKER, "1234567890987654321", W))],
    "system_identity_changed": [("ignored", "type:system")],
    "system_user_changed_number": [("ignored", "type:system")],
    "template_quick_reply_button": [("message", "button", Text("title"))],
    "template_quick_reply_no_context_from_user_id": [("message", "button", Text("title"))],
    "text_forwarded": [("message", "text", Text("forwarded text"))],
    "text_frequently_forwarded": [("message", "text", Text("text forwarded many times"))],
    "text_from_ctwa_ad_referral": [("message", "text", Text("BODY"))],
    "text_message": [("message", "text", Text("Body Text"))],
    "text_message_bsuid_username": [("message", "text", Text("this is a text message"))],
    "text_reply_with_context": [("message", "text", Text("replied text"))],
    "text_with_identity_block": [("message", "text", Text("Hi from new number 3601"))],
    "unsupported_type": [("message", "unsupported", Media(MediaKind.OTHER, None, W))],
    "unsupported_type_poll": [("message", "unsupported", Media(MediaKind.OTHER, None, W))],
    "video_forwarded_with_caption": [("message", "video", Media(MediaKind.VIDEO, "765756756", W, "caption"))],
    "voice_note": [("message", "audio", Media(MediaKind.VOICE, "1234567890987654321", W))],
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_the_expected_records(name: str) -> None:
    payload = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    assert [summary(r) for r in parse_payload(payload)] == EXPECTED[name]


def test_ids_numbers_and_times_are_read() -> None:
    payload = json.loads((FIXTURES / "text_message.json").read_text(encoding="utf-8"))
    [record] = parse_payload(payload)
    assert isinstance(record, Incoming)
    assert (record.phone_number_id, record.message_id, record.sender, record.timestamp) == (
        "1122334455667", "wamid.xyzxyz", "972987654321", 1697043223)
    assert record.idempotency_key == "1122334455667:wamid.xyzxyz"
    failed = parse_payload(json.loads((FIXTURES / "status_failed_with_errors.json").read_text(encoding="utf-8")))
    assert isinstance(failed[0], StatusUpdate) and failed[0].errors[0].title.startswith("User's number")
    group = parse_payload(json.loads((FIXTURES / "status_read_group.json").read_text(encoding="utf-8")))
    assert isinstance(group[0], StatusUpdate) and group[0].group
    placeholder = parse_payload(json.loads((FIXTURES / "image_with_caption.json").read_text(encoding="utf-8")))
    assert isinstance(placeholder[0], Incoming) and placeholder[0].timestamp is None  # "<TIMESTAMP>"


def test_our_own_button_and_list_ids_become_picks() -> None:
    records = parse_payload(envelope(value([
        reply("7701", "r_victim|me", "Me", list_reply=False),
        reply("7701", "r_region|ulytau", "Ulytau region", list_reply=True),
        reply("7701", more_id("r_region", 2), "More…", list_reply=True),
        reply("7701", "~more:r_region:x", "More…", list_reply=True),
        message("7701", "button", {"payload": "r_done|to_menu", "text": "Menu"}),
        message("7701", "interactive", {"type": "nfm_reply", "nfm_reply": {"response_json": "{}"}}),
    ])))
    assert [r.event for r in records if isinstance(r, Incoming)] == [
        Pick("r_victim", "me"), Pick("r_region", "ulytau"), MorePage("r_region", 2), STALE_PICK,
        Pick("r_done", "to_menu"), STALE_PICK,
    ]


def test_several_entries_changes_and_messages_all_come_out_in_order() -> None:
    payload = {"object": "whatsapp_business_account", "entry": [
        {"changes": [{"field": "messages", "value": value([message("1", "text", {"body": "a"}),
                                                           message("2", "text", {"body": "b"})])},
                     {"field": "messages", "value": value(statuses=[
                         {"id": "w1", "status": "sent", "recipient_id": "1"}])}]},
        {"changes": [{"field": "messages", "value": value([message("1", "text", {"body": "c"})])}]},
    ]}
    assert [summary(r) for r in parse_payload(payload)] == [
        ("message", "text", Text("a")), ("message", "text", Text("b")), ("status", "sent", ()),
        ("message", "text", Text("c"))]


@pytest.mark.parametrize(("item", "reason"), [
    ("text", "message is not an object"),
    ({"from": "1", "type": "text", "text": {"body": "x"}}, "message without id or sender"),
    ({"id": "w", "type": "text", "text": {"body": "x"}}, "message without id or sender"),
    ({"id": "w", "from": 5, "type": "text"}, "message without id or sender"),
])
def test_odd_messages_are_ignored_with_a_reason(item: Any, reason: str) -> None:
    payload = envelope(value())
    payload["entry"][0]["changes"][0]["value"]["messages"] = [item]
    assert parse_payload(payload) == [Ignored(reason)]


def test_messages_missing_their_content_are_still_answered() -> None:
    records = parse_payload(envelope(value([message("1", "text"), message("1", "image", {"mime_type": "x"}),
                                            message("1", "audio", {"voice": True, "id": "a"})])))
    assert [r.event for r in records if isinstance(r, Incoming)] == [
        Media(MediaKind.OTHER, None, records[0].message_id),  # type: ignore[union-attr]
        Media(MediaKind.PHOTO, None, records[1].message_id),  # type: ignore[union-attr]
        Media(MediaKind.VOICE, "a", records[2].message_id),  # type: ignore[union-attr]
    ]


@pytest.mark.parametrize("payload", [
    [], {}, {"object": None}, {"object": "whatsapp_business_account"},
    {"object": "whatsapp_business_account", "entry": [[]]},
    {"object": "whatsapp_business_account", "entry": [{"changes": {}}]},
    {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages"}]}]},
    {"object": "whatsapp_business_account", "entry": [{"changes": [
        {"field": "messages", "value": {"statuses": "x", "metadata": {"phone_number_id": "1"}}}]}]},
    {"object": "whatsapp_business_account", "entry": [{"changes": [
        {"field": "messages", "value": {"messages": [{"id": "w", "from": "1"}]}}]}]},
])
def test_a_wrong_envelope_raises(payload: Any) -> None:
    with pytest.raises(PayloadError):
        parse_payload(payload)


def test_more_ids_round_trip() -> None:
    assert parse_more(more_id("r_region", 3)) == MorePage("r_region", 3)
    assert parse_more("r_region|ulytau") is None
    assert parse_more("~more:r_region:") is None
    assert parse_more("~more::1") is None
