"""client.py over real HTTP against the fake Graph API, and the error mapping as a table."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import pytest

from bot.delivery.sending import Invalid, RecipientGone, Retryable, Throttled
from handlers.whatsapp.client import (
    ApiInvalid,
    ApiRetryable,
    ApiThrottled,
    GraphClient,
    Undeliverable,
    WindowClosed,
    error_code,
    map_error,
)
from tests.support.fake_graph import FakeGraph, error_body


@pytest.fixture
async def client(graph: FakeGraph) -> AsyncIterator[GraphClient]:
    client = GraphClient(graph.base, "token-1", "123", pair_backoff=0.5, throughput_backoff=0.5)
    try:
        yield client
    finally:
        await client.aclose()


async def test_send_posts_the_message_and_returns_its_wamid(client: GraphClient, graph: FakeGraph) -> None:
    wamid = await client.send("77011234567", {"type": "text", "text": {"preview_url": False, "body": "Hi"}})
    assert wamid is not None and wamid.startswith("wamid.")
    [call] = graph.calls
    assert call.path == "/v21.0/123/messages"
    assert call.authorization == "Bearer token-1"
    assert call.body == {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "77011234567",
                         "type": "text", "text": {"preview_url": False, "body": "Hi"}}


async def test_mark_read(client: GraphClient, graph: FakeGraph) -> None:
    await client.mark_read("wamid.IN1")
    assert graph.read_receipts == ["wamid.IN1"]
    assert graph.calls[0].body == {"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.IN1"}


@pytest.mark.parametrize(("code", "kind"), [
    (130429, ApiThrottled), (131056, ApiThrottled), (131047, WindowClosed), (131026, Undeliverable),
    (100, ApiInvalid), (131000, ApiRetryable),
])
async def test_graph_errors_over_http_map_onto_the_taxonomy(client: GraphClient, graph: FakeGraph, code: int,
                                                            kind: type[Exception]) -> None:
    graph.fail_next(code)
    with pytest.raises(kind) as raised:
        await client.send("77011234567", {"type": "text", "text": {"body": "secret words"}})
    assert error_code(raised.value) == code
    assert "secret words" not in str(raised.value)  # errors never carry the text
    if isinstance(raised.value, Throttled):
        assert raised.value.retry_after == 0.5
        assert raised.value.everyone == (code == 130429)  # throughput holds every chat back, the pair rate one


async def test_a_network_failure_is_retryable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = GraphClient(f"http://127.0.0.1:{port}/v21.0", "t", "123", timeout=1.0)
    try:
        with pytest.raises(Retryable):
            await client.send("1", {"type": "text", "text": {"body": "x"}})
    finally:
        await client.aclose()


@pytest.mark.parametrize(("status", "body", "kind"), [
    (400, error_body(130429), Throttled),
    (400, error_body(131056), Throttled),
    (400, error_body(131047), RecipientGone),
    (400, error_body(131026), RecipientGone),
    (400, error_body(100), Invalid),
    (400, error_body(131048), Invalid),  # spam rate limit: slowing down does not help soon
    (401, error_body(190), Invalid),  # expired token: an operator must act
    (429, error_body(4), Retryable),
    (429, None, Retryable),
    (500, None, Retryable),
    (503, "<html>", Retryable),
    (400, {"error": {"code": "x"}}, Invalid),
    (404, None, Invalid),
    (400, {"error": {"code": True}}, Invalid),
])
def test_error_mapping_table(status: int, body: object, kind: type[Exception]) -> None:
    assert isinstance(map_error(status, body), kind)
