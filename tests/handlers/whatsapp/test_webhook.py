"""The webhook's gate: verification, signatures over raw bytes, sizes, shapes; every real payload."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.handlers.whatsapp.conftest import HarnessFactory
from tests.handlers.whatsapp.harness import FIXTURES, Harness, envelope, sign, text, value

FIXTURE_BYTES = {path.stem: path.read_bytes() for path in sorted(FIXTURES.glob("*.json"))}


async def nothing_happened(wa: Harness) -> None:
    await wa.drain()
    assert wa.graph.calls == []
    assert wa.channel.stats["received"] == 0
    assert not wa.channel.deliveries.statuses


# -- verification -------------------------------------------------------------------------------
async def test_verification_echoes_the_challenge(wa: Harness) -> None:
    response = await wa.http.get("/whatsapp/webhook", params={
        "hub.mode": "subscribe", "hub.verify_token": "verify", "hub.challenge": "1158201444"})
    assert response.status_code == 200
    assert response.text == "1158201444"
    assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize("params", [
    {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
    {"hub.mode": "unsubscribe", "hub.verify_token": "verify", "hub.challenge": "1"},
    {"hub.verify_token": "verify", "hub.challenge": "1"},
    {"hub.mode": "subscribe", "hub.challenge": "1"},
    {},
])
async def test_verification_refuses_anything_else(wa: Harness, params: dict[str, str]) -> None:
    response = await wa.http.get("/whatsapp/webhook", params=params)
    assert response.status_code == 403
    assert "verify" not in response.text


# -- signatures -----------------------------------------------------------------------------------
SIGNED_BODY = json.dumps(envelope(value([text("77010000001", "Hello")]))).encode()


# Named ids: the body holds the time, and pytest-xdist's processes must all collect the same test names.
@pytest.mark.parametrize(("signature", "status"), [
    (None, 401),
    ("", 401),
    ("sha256=" + "0" * 64, 403),
    ("sha256=" + sign(SIGNED_BODY, "another-secret").removeprefix("sha256="), 403),
    (sign(SIGNED_BODY + b" "), 403),  # signed bytes differ from the posted ones
    ("sha1=" + "0" * 40, 403),
    ("sha256=zzz", 403),
], ids=["missing", "empty", "zeros", "another-secret", "other-bytes", "sha1", "not-hex"])
async def test_a_missing_or_wrong_signature_is_rejected_and_nothing_processed(
        wa: Harness, signature: str | None, status: int) -> None:
    response = await wa.post(SIGNED_BODY, signature=signature)
    assert response.status_code == status
    assert sign(SIGNED_BODY).removeprefix("sha256=") not in response.text  # never the expected one
    assert "Hello" not in response.text and "77010000001" not in response.text  # never the body
    await nothing_happened(wa)


async def test_the_signature_covers_the_raw_bytes_not_a_reserialization(wa: Harness) -> None:
    raw = b'{"object":"whatsapp_business_account",   "entry": []}'
    assert (await wa.post(raw, signature=sign(raw))).status_code == 200
    redumped = json.dumps(json.loads(raw)).encode()
    assert (await wa.post(raw, signature=sign(redumped))).status_code == 403


# -- sizes and shapes ---------------------------------------------------------------------------
async def test_a_huge_body_is_refused_with_413(wa: Harness) -> None:
    huge = json.dumps(envelope(value([text("77010000002", "x" * (1024 * 1024))]))).encode()
    assert (await wa.post(huge)).status_code == 413
    assert (await wa.post(huge, signature=None)).status_code == 413


async def test_a_huge_body_without_content_length_is_refused(wa: Harness) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(40):
            yield b" " * 65536

    response = await wa.http.post("/whatsapp/webhook", content=chunks(),
                                  headers={"x-hub-signature-256": "sha256=" + "0" * 64})
    assert response.status_code == 413
    await nothing_happened(wa)


MALFORMED = [
    b"",
    b"{",
    b"not json",
    b"\xff\xfe{}",
    b"[" * 100_000 + b"]" * 100_000,  # deeper than the parser's recursion limit
    b'{"object": "whatsapp_business_account", "entry": [1e999999999999]}',
]


@pytest.mark.parametrize("raw", MALFORMED, ids=range(len(MALFORMED)))
async def test_malformed_json_is_a_400(wa: Harness, raw: bytes) -> None:
    response = await wa.post(raw)
    assert response.status_code == 400, response.text
    await nothing_happened(wa)


WRONG_SHAPES: list[Any] = [
    [],
    "text",
    42,
    None,
    {},
    {"object": 1, "entry": []},
    {"object": "whatsapp_business_account"},
    {"object": "whatsapp_business_account", "entry": {}},
    {"object": "whatsapp_business_account", "entry": ["x"]},
    {"object": "whatsapp_business_account", "entry": [{"id": "1"}]},
    {"object": "whatsapp_business_account", "entry": [{"changes": [None]}]},
    {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": []}]}]},
    {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": 7, "value": {}}]}]},
    {"object": "whatsapp_business_account",
     "entry": [{"changes": [{"field": "messages", "value": {"messages": {"id": "x"}}}]}]},
    {"object": "whatsapp_business_account",  # messages without metadata.phone_number_id
     "entry": [{"changes": [{"field": "messages",
                             "value": {"messages": [{"id": "w", "from": "1", "type": "text"}]}}]}]},
]


@pytest.mark.parametrize("payload", WRONG_SHAPES, ids=range(len(WRONG_SHAPES)))
async def test_a_wrong_shape_is_a_400_and_nothing_is_stored(wa: Harness, payload: Any) -> None:
    response = await wa.post(json.dumps(payload).encode())
    assert response.status_code == 400, response.text
    assert response.json()["ok"] is False
    await nothing_happened(wa)


async def test_odd_messages_inside_a_good_envelope_do_not_lose_the_others(wa: Harness) -> None:
    good = text("77010000003", "Hello")
    payload = envelope(value([good]))
    payload["entry"][0]["changes"][0]["value"]["messages"] = [7, {"type": "text"}, good]
    assert (await wa.post(payload)).status_code == 200
    await wa.drain()
    assert wa.channel.stats["received"] == 1 and wa.channel.stats["ignored"] == 2
    assert wa.graph.sent_to("77010000003")


async def test_other_objects_and_fields_are_acknowledged_and_ignored(wa: Harness) -> None:
    assert (await wa.post({"object": "page", "entry": []})).status_code == 200
    assert (await wa.post(FIXTURE_BYTES["echo_text_smb_message_echoes"])).status_code == 200
    await nothing_happened(wa)


# -- every real payload -------------------------------------------------------------------------
@pytest.fixture
async def fixture_app(make_harness: HarnessFactory) -> AsyncIterator[Harness]:
    # Most fixtures are addressed to this phone number id, so they are processed end to end.
    async with make_harness(phone_number_id="1122334455667") as harness:
        yield harness


@pytest.mark.parametrize("name", sorted(FIXTURE_BYTES))
async def test_every_real_payload_is_accepted_without_a_server_error(fixture_app: Harness, name: str) -> None:
    response = await fixture_app.post(FIXTURE_BYTES[name])  # signed exactly as the file's bytes
    assert response.status_code == 200, response.text
    await fixture_app.drain()
    assert fixture_app.channel.stats["errors"] == 0


async def test_all_real_payloads_in_a_row_and_again(fixture_app: Harness) -> None:
    """Posted twice, as Meta's retries do: every message is processed once."""
    for _ in range(2):
        for raw in FIXTURE_BYTES.values():
            assert (await fixture_app.post(raw)).status_code == 200
    await fixture_app.drain()
    stats = fixture_app.channel.stats
    assert stats["errors"] == 0
    metrics = fixture_app.app.state.application.pipeline.metrics
    duplicates = metrics.value("helpline_updates_duplicate_total", platform="whatsapp", stage="webhook")
    assert duplicates >= stats["received"] > 0


async def test_unconfigured_whatsapp_answers_404(graph: Any, tmp_path: Path) -> None:
    import httpx

    from bot.settings import Settings
    from webhook import create_app

    app = create_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/n.db", redis_url=None,
                              whatsapp_token=None, whatsapp_phone_number_id=None, whatsapp_app_secret=None))
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            assert (await http.post("/whatsapp/webhook", content=b"{}")).status_code == 404
            assert (await http.get("/whatsapp/webhook")).status_code == 404
