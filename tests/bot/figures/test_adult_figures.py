"""`python -m bot stats` counts trusted adults as numbers only: links now, alerts in the period."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.figures.stats import collect, english_labels, render_table
from storage.adults import SqlAdultStore
from storage.cases import SqlCaseStore
from storage.migrate import migrate
from storage.stats import year_period


async def test_links_and_alerts_are_counted_and_nothing_else(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/figures.db"
    await migrate(url)
    when = [datetime(2025, 6, 1, tzinfo=UTC)]
    cases = SqlCaseStore(url, clock=lambda: when[0])
    store = SqlAdultStore(cases)
    for adult in ("a1", "a2"):
        await store.add(child_platform="telegram", child_user="c1", child_alias="Ару", adult_platform="whatsapp",
                        adult_user=adult, adult_address="77010000001", adult_language="ru", limit=3)
    await store.count_alert(2, 1)
    when[0] = datetime(2026, 2, 1, tzinfo=UTC)
    await store.count_alert(2, 2)
    await cases.close()

    report = await collect(url, year_period(2025), ["platform"])
    assert report.adults is not None
    assert (report.adults.links, report.adults.alerts, report.adults.alerts_delivered) == (2, 1, 1)
    shown = render_table(report, english_labels())
    assert "Links now: 2" in shown and "SOS alerts to them in the period: 1 (1 adults reached)" in shown
    assert "Ару" not in shown and "77010000001" not in shown
