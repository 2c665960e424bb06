"""Data minimisation over SQLite and PostgreSQL: forgetting a user, and the retention period."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from storage.cases import SqlCaseStore
from storage.models import Case, Escalation
from tests.storage.conftest import FakeClock
from tests.storage.samples import ME, OTHER, count, new_case


class TestForgetUser:
    async def test_personal_fields_go_statistics_stay(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        mine = [await case_store.file_case(new_case()), await case_store.file_case(new_case(category="privacy"))]
        theirs = await case_store.file_case(new_case(reporter=OTHER))
        elsewhere = await case_store.file_case(new_case(platform="whatsapp"))  # same id, other platform
        clock.advance(hours=1)

        assert await case_store.forget_user("telegram", ME) == 2

        assert await count(case_store, Case) == 4  # the counts for the annual report are intact
        for filed, category in zip(mine, ("blackmail", "privacy"), strict=True):
            record = await case_store.get_case(filed.reference)
            assert record is not None
            assert {k: record.fields[k] for k in ("reporter", "description", "links", "evidence")} == dict.fromkeys(
                ("reporter", "description", "links", "evidence"))
            assert (record.category, record.risk, record.language, record.platform) == (
                category, "normal", "kk", "telegram")
            assert record.created_at == filed.created_at
            assert record.fields["updated_at"] == clock.now
            assert record.status == "received"  # the hotline can still see it was reported
        for untouched in (theirs, elsewhere):
            record = await case_store.get_case(untouched.reference)
            assert record is not None and record.fields["description"] is not None
        assert await case_store.forget_user("telegram", ME) == 0

    async def test_erased_json_fields_are_sql_null(self, case_store: SqlCaseStore) -> None:
        await case_store.file_case(new_case())
        await case_store.forget_user("telegram", ME)
        async with case_store.session() as session:
            # SQL NULL, not the JSON text 'null': "IS NULL" finds it, so reports can count erased cases.
            erased = await session.scalar(select(Case.id).where(Case.links.is_(None), Case.evidence.is_(None)))
        assert erased is not None

    async def test_drafts_and_queue_places_are_removed(self, case_store: SqlCaseStore) -> None:
        await case_store.save_draft("telegram", ME, {"description": "half written"})
        filed = await case_store.file_case(new_case(reporter=OTHER))
        await case_store.open_escalation("telegram", ME, "kk", "high", "sos", None)
        taken = await case_store.open_escalation("telegram", OTHER, "kk", "high", "sos", filed.reference)
        await case_store.forget_user("telegram", ME)
        assert await case_store.load_draft("telegram", ME) is None
        assert [t.id for t in await case_store.queue()] == [taken.id]
        async with case_store.session() as session:
            users = (await session.scalars(select(Escalation.user_id))).all()
        assert ME not in users and OTHER in users


class TestRetention:
    async def test_closed_cases_older_than_the_period_are_purged(self, case_store: SqlCaseStore,
                                                                 clock: FakeClock) -> None:
        old_closed = await case_store.file_case(new_case())
        old_open = await case_store.file_case(new_case())
        recently_closed = await case_store.file_case(new_case())
        await case_store.open_escalation("telegram", ME, "kk", "high", "sos", old_closed.reference)
        await case_store.set_status(old_closed.reference, "closed")
        clock.advance(days=300)
        await case_store.set_status(recently_closed.reference, "closed")
        clock.advance(days=65)

        assert await case_store.purge_closed(timedelta(days=365)) == 0
        assert await case_store.purge_closed(timedelta(days=90)) == 1

        assert await case_store.get_case(old_closed.reference) is None
        assert await case_store.status_of(old_open.reference) == "received"
        assert await case_store.status_of(recently_closed.reference) == "closed"
        queue = await case_store.queue()  # the open escalation stays, without its purged case
        assert len(queue) == 1
        async with case_store.session() as session:
            assert await session.scalar(select(Escalation.case_id)) is None

    async def test_closed_escalations_are_purged_with_them(self, case_store: SqlCaseStore,
                                                           clock: FakeClock) -> None:
        old = await case_store.open_escalation("telegram", ME, "kk", "normal", "asked_for_person", None)
        await case_store.close_escalation(old.id)
        clock.advance(days=100)
        still_open = await case_store.open_escalation("telegram", OTHER, "kk", "normal", "asked_for_person", None)
        await case_store.purge_closed(timedelta(days=90))
        async with case_store.session() as session:
            assert (await session.scalars(select(Escalation.id))).all() == [still_open.id]
