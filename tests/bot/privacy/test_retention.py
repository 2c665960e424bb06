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
