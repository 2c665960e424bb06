"""The operators' side of the escalations, and the audit log, over SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from storage.base import StateKey
from storage.cases import SqlCaseStore
from storage.engine import make_engine
from storage.migrate import current_revision, downgrade, migrate
from storage.models import AuditLog, Escalation
from storage.operators import EscalationInfo, SqlOperatorStore
from tests.storage.conftest import FakeClock
from tests.storage.samples import ME, OTHER, new_case

ADDRESS = "123456789"  # the raw chat id: kept only while the escalation is active


@pytest.fixture
def store(case_store: SqlCaseStore, clock: FakeClock) -> SqlOperatorStore:
    return SqlOperatorStore(case_store, clock=clock)


async def open_one(case_store: SqlCaseStore, store: SqlOperatorStore, user: str = ME, level: str = "critical",
                   reference: str | None = None) -> EscalationInfo:
    ticket = await case_store.open_escalation("telegram", user, "kk", level, "suicide_now", reference,
                                              address=ADDRESS)
    found = await store.get(ticket.id)
    assert found is not None
    return found


async def fresh(store: SqlOperatorStore, escalation: EscalationInfo) -> EscalationInfo:
    found = await store.get(escalation.id)
    assert found is not None
    return found


class TestAddress:
    async def test_kept_while_active_erased_on_close(self, case_store: SqlCaseStore, store: SqlOperatorStore) -> None:
        opened = await open_one(case_store, store)
        assert (opened.address, opened.key) == (ADDRESS, StateKey("telegram", ME))
        assert await store.take(opened, "42")
        assert await store.close(await fresh(store, opened), "advised")
        closed = await fresh(store, opened)
        assert (closed.status, closed.address, closed.outcome) == ("closed", None, "advised")

    async def test_a_merged_request_refreshes_it(self, case_store: SqlCaseStore, store: SqlOperatorStore) -> None:
        opened = await open_one(case_store, store, level="high")
        await case_store.open_escalation("telegram", ME, "ru", "critical", "sos", None, address="new-address")
        again = await fresh(store, opened)
        assert (again.address, again.level, again.language) == ("new-address", "critical", "ru")

    async def test_the_plain_close_erases_it(self, case_store: SqlCaseStore, store: SqlOperatorStore) -> None:
        opened = await open_one(case_store, store)
        await case_store.close_escalation(opened.id)
        assert (await fresh(store, opened)).address is None

    async def test_forgetting_the_user_erases_it(self, case_store: SqlCaseStore, store: SqlOperatorStore) -> None:
        opened = await open_one(case_store, store)
        other = await open_one(case_store, store, user=OTHER)
        await case_store.forget_user("telegram", ME)
        gone = await fresh(store, opened)
        assert (gone.user, gone.address, gone.status, gone.key) == (None, None, "closed", None)
        assert (await fresh(store, other)).address == ADDRESS


class TestTaking:
    async def test_only_one_of_two_racing_operators_wins(self, case_store: SqlCaseStore,
                                                          store: SqlOperatorStore, clock: FakeClock) -> None:
        opened = await open_one(case_store, store)
        clock.advance(minutes=3)
        results = await asyncio.gather(store.take(opened, "1"), store.take(opened, "2"))
        assert sorted(results) == [False, True]
        taken = await fresh(store, opened)
        assert taken.status == "taken" and taken.operator_id in ("1", "2")
        assert taken.taken_at == clock.now
        assert [t.id for t in await case_store.queue()] == []

    async def test_a_stale_snapshot_changes_nothing(self, case_store: SqlCaseStore, store: SqlOperatorStore) -> None:
        opened = await open_one(case_store, store)
        assert await store.take(opened, "1")
        assert not await store.take(opened, "2")  # the card still said "open"
        assert not await store.close(opened, "advised")
        assert (await fresh(store, opened)).operator_id == "1"

    async def test_silence_reoffer_and_take_over(self, case_store: SqlCaseStore, store: SqlOperatorStore,
                                                 clock: FakeClock) -> None:
        opened = await open_one(case_store, store)
        await store.take(opened, "1")
        clock.advance(minutes=1)
        await store.touch(opened.id, by_operator=True)
        clock.advance(minutes=1)
        await store.touch(opened.id, by_operator=False)
        waiting = await fresh(store, opened)
        assert waiting.user_waiting_since() == clock.now and not waiting.reoffered
        clock.advance(minutes=9)
        assert await store.silent(timedelta(minutes=10)) == []
        clock.advance(minutes=1)
        assert [e.id for e in await store.silent(timedelta(minutes=10))] == [opened.id]
        assert await store.mark_alerted(waiting, count=False)
        reoffered = await fresh(store, opened)
        assert reoffered.reoffered and reoffered.user_waiting_since() is None
        assert await store.silent(timedelta(minutes=10)) == []  # offered once per silence
        assert await store.take(reoffered, "2")
        taken_over = await fresh(store, opened)
        assert (taken_over.operator_id, taken_over.reoffered, taken_over.taken_at) == ("2", False, opened.taken_at
                                                                                        or taken_over.taken_at)

    async def test_the_holder_speaking_ends_the_reoffer(self, case_store: SqlCaseStore, store: SqlOperatorStore,
                                                         clock: FakeClock) -> None:
        opened = await open_one(case_store, store)
        await store.take(opened, "1")
        clock.advance(minutes=1)
        await store.touch(opened.id, by_operator=False)
        clock.advance(minutes=20)
        await store.mark_alerted(await fresh(store, opened), count=False)
        stale = await fresh(store, opened)
        clock.advance(seconds=5)
        await store.touch(opened.id, by_operator=True)
        assert not (await fresh(store, opened)).reoffered
        assert not await store.take(stale, "2")  # the holder answered after the offer was read


class TestRealerts:
    async def test_critical_cases_nobody_took(self, case_store: SqlCaseStore, store: SqlOperatorStore,
                                              clock: FakeClock) -> None:
        critical = await open_one(case_store, store)
        await open_one(case_store, store, user=OTHER, level="high")
        clock.advance(minutes=4)
        assert await store.due_realerts(timedelta(minutes=5)) == []
        clock.advance(minutes=1)
        due = await store.due_realerts(timedelta(minutes=5))
        assert [e.id for e in due] == [critical.id]
        assert await store.mark_alerted(due[0], count=True)
        assert not await store.mark_alerted(due[0], count=True)  # another process, same round: once only
        assert await store.due_realerts(timedelta(minutes=5)) == []
        clock.advance(minutes=5)
        again = await store.due_realerts(timedelta(minutes=5))
        assert [e.realert_count for e in again] == [1]
        await store.take(again[0], "1")
        assert not await store.mark_alerted(again[0], count=True)  # taken meanwhile: no re-alert
        assert not (await fresh(store, critical)).reoffered
        clock.advance(minutes=50)
        assert await store.due_realerts(timedelta(minutes=5)) == []


class TestFeedbackAndAudit:
    async def test_feedback_lands_on_the_last_closed_escalation(self, case_store: SqlCaseStore,
                                                                 store: SqlOperatorStore, clock: FakeClock) -> None:
        key = StateKey("telegram", ME)
        assert await store.record_feedback(key, True) is None
        opened = await open_one(case_store, store)
        await store.take(opened, "1")
        clock.advance(minutes=1)
        await store.close(await fresh(store, opened), None)
        recorded = await store.record_feedback(key, False)
        assert recorded is not None and (recorded.id, recorded.helpful) == (opened.id, False)

    async def test_the_trail_has_who_what_when_and_never_text(self, case_store: SqlCaseStore,
                                                               store: SqlOperatorStore, clock: FakeClock) -> None:
        filed = await case_store.file_case(new_case())
        opened = await open_one(case_store, store, reference=filed.reference)
        await store.audit("42", "take", opened)
        clock.advance(seconds=1)
        await store.audit("666", "refused", opened, verb="take", reason="not_operator")
        await store.audit("system", "realert", None)
        trail = await store.audit_trail(opened.id)
        assert [(e.actor, e.action, e.case_id) for e in trail] == [("42", "take", filed.id),
                                                                    ("666", "refused", filed.id)]
        assert trail[1].detail == {"verb": "take", "reason": "not_operator"} and trail[1].at == clock.now
        assert len(await store.audit_trail()) == 3
        with pytest.raises(ValueError, match="unknown audit action"):
            await store.audit("42", "read_everything", opened)
        async with case_store.session() as session:
            assert await session.scalar(select(AuditLog.id).where(AuditLog.escalation_id == opened.id)) is not None

    async def test_the_case_card_data(self, case_store: SqlCaseStore, store: SqlOperatorStore,
                                      clock: FakeClock) -> None:
        filed = await case_store.file_case(new_case())
        opened = await open_one(case_store, store, reference=filed.reference)
        record = await store.case_of(opened)
        assert record is not None and record.reference == filed.reference
        clock.advance(seconds=1)
        alone = await open_one(case_store, store, user=OTHER)
        assert await store.case_of(alone) is None
        await store.set_topic(alone.id, "77")
        found = await store.by_topic("77")
        assert found is not None and found.id == alone.id
        assert [e.id for e in await store.waiting()] == [opened.id, alone.id]


class TestConversationLog:
    async def test_kept_in_order_with_the_escalation_and_its_case(self, case_store: SqlCaseStore,
                                                                   store: SqlOperatorStore, clock: FakeClock) -> None:
        filed = await case_store.file_case(new_case())
        opened = await open_one(case_store, store, reference=filed.reference)
        await store.log_message(opened.id, "user", "hello? is anyone there?")
        clock.advance(seconds=5)
        await store.log_message(opened.id, "user", None, kind="photo")
        await store.log_message(opened.id, "operator", "I am here, Aigerim from the hotline", author="42")
        other = await open_one(case_store, store, user=OTHER)
        await store.log_message(other.id, "user", "not this case")
        lines = await store.messages(opened.id)
        assert [(m.sender, m.kind, m.text, m.author) for m in lines] == [
            ("user", "text", "hello? is anyone there?", None), ("user", "photo", None, None),
            ("operator", "text", "I am here, Aigerim from the hotline", "42")]
        assert lines[1].at == clock.now
        assert [m.text for m in await store.messages(case_id=filed.id)] == [m.text for m in lines]
        with pytest.raises(ValueError, match="unknown sender"):
            await store.log_message(opened.id, "bot", "x")

    async def test_erased_with_the_users_data(self, case_store: SqlCaseStore, store: SqlOperatorStore) -> None:
        opened = await open_one(case_store, store)
        await store.log_message(opened.id, "user", "my phone is 87011234567")
        other = await open_one(case_store, store, user=OTHER)
        await store.log_message(other.id, "user", "someone else's words")
        await case_store.forget_user("telegram", ME)
        assert await store.messages(opened.id) == []
        assert [m.text for m in await store.messages(other.id)] == ["someone else's words"]

    async def test_purged_with_the_escalation(self, case_store: SqlCaseStore, store: SqlOperatorStore,
                                              clock: FakeClock) -> None:
        opened = await open_one(case_store, store)
        await store.log_message(opened.id, "user", "old words")
        assert await store.close(await fresh(store, opened), "advised")
        clock.advance(days=100)
        fresh_one = await open_one(case_store, store, user=OTHER)
        await store.log_message(fresh_one.id, "user", "new words")
        await case_store.purge_closed(timedelta(days=90))
        assert await store.messages(opened.id) == []
        assert [m.text for m in await store.messages(fresh_one.id)] == ["new words"]


async def test_0003_down_to_0002_and_up_keeps_the_rows_and_the_one_place_rule(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/h.db"
    await migrate(url)
    store = SqlCaseStore(url)
    try:
        ticket = await store.open_escalation("telegram", ME, "kk", "high", "sos", None, address=ADDRESS)
    finally:
        await store.close()
    await downgrade(url, "0002")
    assert await current_revision(url) == "0002"
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            columns = await connection.run_sync(
                lambda c: {column["name"] for column in inspect(c).get_columns("escalations")})
            tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    finally:
        await engine.dispose()
    assert "address" not in columns and "audit_log" not in tables
    await migrate(url)
    store = SqlCaseStore(url)
    try:
        assert (await store.open_escalation("telegram", ME, "kk", "critical", "sos", None)).id == ticket.id
        async with store.session() as session:
            assert (await session.get(Escalation, ticket.id)) is not None
    finally:
        await store.close()
