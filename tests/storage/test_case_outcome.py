"""cases.outcome (migration 0002) and SqlCaseStore.set_outcome, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, select

from storage.base import CASE_OUTCOMES, CaseNotFound
from storage.cases import SqlCaseStore
from storage.engine import make_engine
from storage.migrate import downgrade, migrate
from storage.models import Case, Escalation
from tests.storage.conftest import FakeClock
from tests.storage.samples import new_case
from tests.support.databases import fresh_postgres_url


class TestSetOutcome:
    async def test_recorded_changed_and_cleared(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        filed = await case_store.file_case(new_case())
        record = await case_store.get_case(filed.reference)
        assert record is not None and record.fields["outcome"] is None  # a new case has none yet
        for outcome in (*CASE_OUTCOMES, None):
            clock.advance(minutes=5)
            await case_store.set_outcome(filed.reference, outcome)
            record = await case_store.get_case(filed.reference)
            assert record is not None
            assert (record.fields["outcome"], record.fields["updated_at"]) == (outcome, clock.now)

    async def test_unknown_outcomes_and_references_are_refused(self, case_store: SqlCaseStore) -> None:
        filed = await case_store.file_case(new_case())
        with pytest.raises(ValueError, match="unknown case outcome 'solved'"):
            await case_store.set_outcome(filed.reference, "solved")
        with pytest.raises(CaseNotFound):
            await case_store.set_outcome("KZ-0000-0000", "advised")
        record = await case_store.get_case(filed.reference)
        assert record is not None and record.fields["outcome"] is None


@pytest.fixture(params=["sqlite", "postgresql"])
async def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path}/helpline.db"
        return
    async with fresh_postgres_url() as url:
        yield url


async def test_0002_keeps_existing_cases_and_their_links(empty_database: str) -> None:
    """Up from 0001 with a case in the database, and down again (SQLite rebuilds the table)."""
    now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    await migrate(empty_database, "0001")
    engine = make_engine(empty_database)
    try:
        async with engine.begin() as connection:
            await connection.execute(insert(Case).values(
                id="c1", reference="KZ-AAAA-BBBB", created_at=now, updated_at=now, platform="telegram",
                language="kk", reporter_role="child", category="bullying", anonymous=True, risk="normal",
                risk_reasons=[]))
            await connection.execute(insert(Escalation).values(
                id="e1", platform="telegram", user_id="u1", language="kk", level="high", reason="category",
                case_id="c1", created_at=now))
        await migrate(empty_database, "0002")
        async with engine.connect() as connection:
            row = (await connection.execute(select(Case.id, Case.outcome))).one()
            assert tuple(row) == ("c1", None)
        await downgrade(empty_database, "0001")
        async with engine.connect() as connection:
            columns = await connection.run_sync(lambda c: {col["name"] for col in inspect(c).get_columns("cases")})
            assert "outcome" not in columns
            assert (await connection.execute(select(Case.id))).scalars().all() == ["c1"]
            assert (await connection.execute(select(Escalation.case_id))).scalars().all() == ["c1"]
    finally:
        await engine.dispose()
