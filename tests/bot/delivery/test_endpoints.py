"""/metrics in the Prometheus text format, /healthz and /readyz, on the embedded default."""

from __future__ import annotations

import re
from pathlib import Path

from tests.bot.delivery.support import Transcript, idle, post_telegram, running_app, settings, telegram_for
from tests.support.fake_telegram import FakeTelegram


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
    text = response.text
    assert 'helpline_updates_received_total{platform="telegram"} 3' in text
    assert 'helpline_updates_duplicate_total{platform="telegram",stage="webhook"} 3' in text
    assert 'helpline_updates_processed_total{platform="telegram"} 3' in text
    assert 'helpline_queue{part="stored"} 0' in text
    assert 'helpline_webhook_seconds_count{platform="telegram",status="200"} 6' in text
    assert 'helpline_update_seconds_bucket{platform="telegram",le="+Inf"} 3' in text
    assert re.search(r'helpline_outbox_total\{event="messages_sent"\} [1-9]', text)
    assert re.search(r'helpline_channel_total\{counter="telegram_sent"\} [1-9]', text)
    for line in text.splitlines():  # every sample line is `name{labels} number`
        assert line.startswith("#") or re.fullmatch(r'[a-z_]+(\{[^}]*\})? [0-9.e+-]+|.*_sum.* [0-9.e+-]+', line), line
