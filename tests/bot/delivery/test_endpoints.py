"""/metrics in the Prometheus text format (prometheus_client), /healthz and /readyz, on the embedded default."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from bot.delivery.metrics import Metrics
from tests.bot.delivery.support import (
    Transcript,
    free_port,
    idle,
    post_telegram,
    running_app,
    settings,
    telegram_for,
)
from tests.handlers.whatsapp.harness import envelope, message, sign, value
from tests.support.fake_graph import FakeGraph
from tests.support.fake_telegram import FakeTelegram


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of an exposition, parsed as Prometheus would (raises on a malformed line)."""
    return {(s.name, frozenset(s.labels.items())): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def sample(found: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str) -> float | None:
    return found.get((name, frozenset(labels.items())))


async def test_metrics_count_updates_duplicates_and_latency(tmp: Path, tg_reference: Transcript,
                                                            fake: FakeTelegram) -> None:
    async with running_app(settings(tmp, tg=fake)) as (app, client):
        for update in (telegram_for(u, 99_001) for u in tg_reference.updates[:3]):
            assert await post_telegram(client, update) == 200
            assert await post_telegram(client, update) == 200
        await idle(app)
        assert (await client.get("/readyz")).json() == {
            "ready": True, "failing": [],
            "checks": {"state_store": True, "case_store": True, "intake": True, "worker": True}}
        response = await client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    found = samples(response.text)
    assert sample(found, "helpline_updates_received_total", platform="telegram") == 3
    assert sample(found, "helpline_updates_duplicate_total", platform="telegram", stage="webhook") == 3
    assert sample(found, "helpline_updates_processed_total", platform="telegram") == 3
    assert sample(found, "helpline_queue", part="stored") == 0
    assert sample(found, "helpline_webhook_seconds_count", platform="telegram", status="200") == 6
    assert sample(found, "helpline_update_seconds_bucket", platform="telegram", le="+Inf") == 3
    assert (sample(found, "helpline_outbox_total", event="messages_sent") or 0) >= 1
    assert (sample(found, "helpline_channel_total", counter="telegram_sent") or 0) >= 1


async def test_every_counter_an_alert_reads_is_there_at_zero_with_the_process_figures(
        tmp: Path, fake: FakeTelegram) -> None:
    async with running_app(settings(tmp, tg=fake)) as (_, client):
        found = samples((await client.get("/metrics")).text)
    # The set-aside alert (docs/deployment.md) fires on an increase: it needs the 0 before the first one.
    assert sample(found, "helpline_updates_set_aside_total", platform="telegram") == 0
    assert sample(found, "helpline_update_failures_total", platform="telegram", kind="error") == 0
    assert sample(found, "helpline_webhook_unavailable_total", platform="telegram") == 0
    assert (sample(found, "process_resident_memory_bytes") or 0) > 0


async def test_a_signed_message_type_cannot_add_lines_to_metrics(tmp: Path, graph: FakeGraph) -> None:
    forged = "text\nhelpline_updates_set_aside_total{platform=\"telegram\"} 999"
    item = message("77010000001", forged, {"body": "hi"})
    body = json.dumps(envelope(value([item])), ensure_ascii=False).encode()
    async with running_app(settings(tmp, graph=graph)) as (app, client):
        response = await client.post("/whatsapp/webhook", content=body, headers={
            "X-Hub-Signature-256": sign(body), "Content-Type": "application/json"})
        assert response.status_code == 200
        await idle(app)
        first = await client.get("/metrics")
        second = await client.get("/metrics")
    assert first.status_code == second.status_code == 200
    found = samples(first.text)
    assert sample(found, "helpline_channel_total", counter="whatsapp_kind:other") == 1
    assert all("\n" not in label and "helpline_" not in label
               for _, labels in found for _, label in labels)


def test_a_label_no_metric_can_show_is_exposed_as_other() -> None:
    metrics = Metrics()
    metrics.inc("helpline_updates_received_total", platform="tele\ud800gram")
    metrics.inc("helpline_updates_received_total", platform='x"}\nfake 1')
    text = metrics.render({("helpline_channel_total", "kind:\udcff"): 2, ("helpline_channel_total", "a\nb"): 3})
    found = samples(text)
    assert sample(found, "helpline_updates_received_total", platform="other") == 2
    assert sample(found, "helpline_channel_total", counter="other") == 5
    assert "fake" not in text


async def test_metrics_port_serves_the_exposition_and_health_apart(tmp: Path, fake: FakeTelegram) -> None:
    port = free_port()
    async with running_app(settings(tmp, tg=fake, host="127.0.0.1", metrics_port=port)):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /metrics HTTP/1.0\r\n\r\n")
        answer = (await reader.read()).decode()
        writer.close()
    head, _, text = answer.partition("\r\n\r\n")
    assert head.startswith("HTTP/1.0 200")
    assert sample(samples(text), "helpline_updates_set_aside_total", platform="telegram") == 0


def test_a_counter_used_with_other_labels_is_logged_not_raised() -> None:
    metrics = Metrics()
    metrics.inc("helpline_updates_received_total", platform="telegram", extra="x")  # a bug, not an outage
    metrics.inc("helpline_updates_received_total", platform="telegram")
    assert metrics.value("helpline_updates_received_total", platform="telegram") == 1
