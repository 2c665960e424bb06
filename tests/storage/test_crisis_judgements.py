"""Operators' verdicts on the crisis reading (migration 0008, storage/judgements.py), on SQLite and PostgreSQL:
one per case, replaced by a new one, and gone with the case (retention) or with the reporter's words (erasure)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from storage.base import CaseNotFound
from storage.cases import SqlCaseStore
from storage.models import CrisisJudgement
from tests.storage.conftest import FakeClock
from tests.storage.samples import ME, OTHER, new_case


async def stored(store: SqlCaseStore) -> int:
    async with store.session() as session:
        return int(await session.scalar(select(func.count()).select_from(CrisisJudgement)) or 0)


async def test_a_verdict_is_saved_replaced_and_read(case_store: SqlCaseStore, clock: FakeClock) -> None:
    filed = await case_store.file_case(new_case())
    assert await case_store.judgement(filed.id) is None
    await case_store.judge(filed.id, "false_alarm", None, (), "w:1")
    first = await case_store.judgement(filed.id)
    assert first is not None
    assert (first.verdict, first.level, first.reasons, first.actor, first.at) == ("false_alarm", None, (), "w:1",
                                                                                  clock.now)
    clock.advance(minutes=3)
    await case_store.judge(filed.id, "missed", "critical", ("suicide_now", "self_harm"), "w:2")
    second = await case_store.judgement(filed.id)
    assert second is not None
    assert (second.verdict, second.level, second.reasons, second.actor, second.at) == (
        "missed", "critical", ("suicide_now", "self_harm"), "w:2", clock.now)
    assert await stored(case_store) == 1  # one verdict per case
    [judged] = await case_store.judged_cases()
    assert (judged.language, judged.description, judged.judgement) == ("kk", new_case().report["description"],
                                                                      second)
    assert await case_store.judged_cases(since=clock.now + timedelta(seconds=1)) == []


async def test_impossible_readings_and_missing_cases_are_refused(case_store: SqlCaseStore) -> None:
    filed = await case_store.file_case(new_case())
    with pytest.raises(ValueError, match="unknown verdict"):
        await case_store.judge(filed.id, "maybe", None, (), "w:1")
    with pytest.raises(ValueError, match="danger level with reasons"):
        await case_store.judge(filed.id, "missed", "high", (), "w:1")
    with pytest.raises(ValueError, match="unknown crisis reasons"):
        await case_store.judge(filed.id, "missed", "high", ("category:bullying",), "w:1")
    with pytest.raises(CaseNotFound):
        await case_store.judge("0" * 32, "false_alarm", None, (), "w:1")
    assert await stored(case_store) == 0


async def test_a_verdict_goes_with_its_case_at_retention(case_store: SqlCaseStore, clock: FakeClock) -> None:
    old, kept = (await case_store.file_case(new_case()), await case_store.file_case(new_case(OTHER)))
    for filed in (old, kept):
        await case_store.judge(filed.id, "right", "high", ("sextortion",), "w:1")
    await case_store.set_status(old.reference, "closed")
    clock.advance(days=400)
    assert await case_store.purge_closed(timedelta(days=365)) == 1
    assert await case_store.judgement(old.id) is None
    assert await case_store.judgement(kept.id) is not None
    assert await stored(case_store) == 1


async def test_a_verdict_goes_with_the_reporters_words(case_store: SqlCaseStore) -> None:
    mine, theirs = (await case_store.file_case(new_case(ME)), await case_store.file_case(new_case(OTHER)))
    for filed in (mine, theirs):
        await case_store.judge(filed.id, "false_alarm", None, (), "w:1")
    assert await case_store.forget_user("telegram", ME) == 1
    assert await case_store.judgement(mine.id) is None
    assert [j.judgement.case_id for j in await case_store.judged_cases()] == [theirs.id]
