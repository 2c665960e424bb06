"""`python -m bot purge`: closed cases past the retention period go, everything else stays."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from storage.base import NewCase
from storage.cases import SqlCaseStore
from storage.factory import build_case_store, migrate
from storage.operators import SqlOperatorStore
from tests.handlers.operators.harness import GROUP, TOKEN
from tests.support.fake_forum import FakeForum, links_allowed


async def test_purge_deletes_only_closed_cases_past_retention(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/p.db"
    await migrate(url)
    long_ago = datetime.now(UTC) - timedelta(days=400)
    old = SqlCaseStore(url, clock=lambda: long_ago)
    report = {"category": "bullying", "description": "x", "contact": "anonymous"}
    closed = await old.file_case(NewCase("telegram", "u1", "en", "low", (), report))
    still_open = await old.file_case(NewCase("telegram", "u2", "en", "low", (), report))
    await old.set_status(closed.reference, "closed")
    await old.close()

    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("RETENTION_DAYS", "365")
    assert await asyncio.to_thread(main, ["purge"]) == 0
    assert "Deleted 1 closed case" in capsys.readouterr().out
    cases = build_case_store(url)
    assert await cases.get_case(closed.reference) is None
    assert await cases.get_case(still_open.reference) is not None
    await cases.close()


async def test_purge_deletes_the_operator_topics_of_the_escalations_it_deletes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/p.db"
    await migrate(url)
    long_ago = datetime.now(UTC) - timedelta(days=400)
    old = SqlCaseStore(url, clock=lambda: long_ago)
    desk = SqlOperatorStore(old, clock=lambda: long_ago)
    topics = {}
    for user, topic in (("u1", "9001"), ("u2", "9002")):
        ticket = await old.open_escalation("telegram", user, "ru", "high", "sos", None)
        await desk.set_topic(ticket.id, topic)
        topics[user] = ticket.id
    expired = await desk.get(topics["u1"])
    assert expired is not None and await desk.close(expired, "advice")
    await old.close()

    with links_allowed():
        async with FakeForum(token=TOKEN) as forum:
            forum.topics.update({9001: "✅ old case", 9002: "🟠 still open"})
            for name, value in {"DATABASE_URL": url, "RETENTION_DAYS": "365", "TELEGRAM_BOT_TOKEN": TOKEN,
                                "TELEGRAM_API_BASE": forum.url, "OPERATOR_CHAT_ID": str(GROUP),
                                "OPERATOR_IDS": "1001"}.items():
                monkeypatch.setenv(name, value)
            assert await asyncio.to_thread(main, ["purge"]) == 0
            assert "1 operator topic(s)" in capsys.readouterr().out
            assert list(forum.deleted_topics) == [9001] and list(forum.topics) == [9002]
