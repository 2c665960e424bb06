"""The operators' queue over SQLite and PostgreSQL: order, one place per user, waiting times."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from storage.cases import SqlCaseStore
from storage.models import Escalation
from tests.storage.conftest import FakeClock
from tests.storage.samples import new_case


async def escalate(store: SqlCaseStore, user: str, level: str, reason: str = "asked_for_person",
                   reference: str | None = None, platform: str = "telegram") -> str:
    return (await store.open_escalation(platform, user, "ru", level, reason, reference)).id


class TestQueue:
    async def test_most_serious_first_then_oldest_first(self, case_store: SqlCaseStore,
                                                        clock: FakeClock) -> None:
        ids = {}
        for user, level in (("a", "normal"), ("b", "high"), ("c", "critical"), ("d", "high"),
                            ("e", "low"), ("f", "critical")):
            ids[user] = await escalate(case_store, user, level)
            clock.advance(minutes=1)
        queue = await case_store.queue()
        assert [t.id for t in queue] == [ids[u] for u in "cfbdae"]
        assert [t.position for t in queue] == [1, 2, 3, 4, 5, 6]
        assert [t.level for t in queue] == ["critical", "critical", "high", "high", "normal", "low"]

    async def test_the_ticket_tells_the_position_when_queued(self, case_store: SqlCaseStore,
                                                             clock: FakeClock) -> None:
        first = await case_store.open_escalation("telegram", "a", "kk", "normal", "asked_for_person", None)
        clock.advance(seconds=1)
        second = await case_store.open_escalation("whatsapp", "b", "ru", "normal", "asked_for_person", None)
        clock.advance(seconds=1)
        urgent = await case_store.open_escalation("telegram", "c", "en", "critical", "sos", None)
        assert (first.position, second.position, urgent.position) == (1, 2, 1)
        assert (first.level, urgent.level) == ("normal", "critical")

    async def test_one_place_per_user(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        mine = await escalate(case_store, "me", "normal")
        clock.advance(minutes=1)
        await escalate(case_store, "other", "high")
        clock.advance(minutes=1)
        again = await case_store.open_escalation("telegram", "me", "ru", "low", "asked_for_person", None)
        assert (again.id, again.level, again.position) == (mine, "normal", 2)  # never lowered
        raised = await case_store.open_escalation("telegram", "me", "kk", "critical", "danger_now", None)
        assert (raised.id, raised.level, raised.position) == (mine, "critical", 1)  # keeps its age
        async with case_store.session() as session:
            row = await session.get(Escalation, mine)
            assert row is not None and (row.language, row.reason) == ("kk", "danger_now")
        assert len(await case_store.queue()) == 2
        other_platform = await escalate(case_store, "me", "low", platform="whatsapp")
        assert other_platform != mine

    async def test_concurrent_requests_of_one_user_share_a_place(self, case_store: SqlCaseStore) -> None:
        tickets = await asyncio.gather(*(case_store.open_escalation("telegram", "me", "ru", level, "x", None)
                                         for level in ("normal", "high", "normal", "low")))
        assert len({t.id for t in tickets}) == 1
        assert [t.level for t in await case_store.queue()] == ["high"]

    async def test_the_highest_of_many_requests_at_once_is_kept(self, case_store: SqlCaseStore) -> None:
        # Many requests of one user at once, the most serious among them: whatever order the database
        # runs them in, the queue keeps the most serious level (no request reads the old level and
        # writes a lower one back over it).
        for round_ in range(15):
            levels = ["low", "normal"] * 3
            levels.insert(round_ % len(levels), "critical")
            user = f"many-{round_}"
            await asyncio.gather(*(case_store.open_escalation("telegram", user, "ru", level, "x", None)
                                   for level in levels))
            async with case_store.session() as session:
                kept = (await session.scalars(select(Escalation.level).where(Escalation.user_id == user))).all()
            assert kept == ["critical"], (round_, kept)
        assert [t.level for t in await case_store.queue()] == ["critical"] * 15

    async def test_the_case_is_linked(self, case_store: SqlCaseStore) -> None:
        filed = await case_store.file_case(new_case())
        ticket_id = await escalate(case_store, "me", "normal")
        await escalate(case_store, "me", "normal", reference=filed.reference)
        await escalate(case_store, "me", "normal", reference="KZ-0000-0000")  # unknown: keeps the link
        async with case_store.session() as session:
            assert await session.scalar(select(Escalation.case_id).where(Escalation.id == ticket_id)) == filed.id

    async def test_unknown_level_is_rejected(self, case_store: SqlCaseStore) -> None:
        with pytest.raises(ValueError, match="unknown escalation level"):
            await escalate(case_store, "me", "urgent")

    async def test_taken_and_closed_escalations(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        ticket_id = await escalate(case_store, "me", "high")
        assert await case_store.take_escalation(ticket_id) is True
        assert await case_store.take_escalation(ticket_id) is False  # another operator was faster
        assert await case_store.queue() == []
        with_operator = await case_store.open_escalation("telegram", "me", "ru", "critical", "sos", None)
        assert (with_operator.id, with_operator.position) == (ticket_id, None)  # already with a person
        await case_store.close_escalation(ticket_id)
        clock.advance(minutes=5)
        assert await escalate(case_store, "me", "normal") != ticket_id  # a new request, a new place


class TestWaitingTime:
    async def test_no_estimate_without_history(self, case_store: SqlCaseStore) -> None:
        ticket = await case_store.open_escalation("telegram", "me", "ru", "high", "sos", None)
        assert ticket.wait_minutes is None

    async def test_average_of_recent_take_ups_rounded_up(self, case_store: SqlCaseStore,
                                                         clock: FakeClock) -> None:
        for user, seconds in (("a", 60), ("b", 150)):
            ticket_id = await escalate(case_store, user, "normal")
            clock.advance(seconds=seconds)
            assert await case_store.take_escalation(ticket_id)
        ticket = await case_store.open_escalation("telegram", "me", "ru", "high", "sos", None)
        assert ticket.wait_minutes == 2  # (60 s + 150 s) / 2 = 105 s -> 2 minutes

    async def test_only_the_last_twenty_count(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        slow = await escalate(case_store, "slow", "normal")
        clock.advance(hours=5)
        await case_store.take_escalation(slow)
        for i in range(20):
            ticket_id = await escalate(case_store, f"u{i}", "normal")
            clock.advance(seconds=30)
            await case_store.take_escalation(ticket_id)
        ticket = await case_store.open_escalation("telegram", "me", "ru", "high", "sos", None)
        assert ticket.wait_minutes == 1
