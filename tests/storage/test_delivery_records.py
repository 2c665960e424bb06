"""What delivery needs from the stores: marks saved atomically with the state (memory and Redis),
and a case filed under a stable id only once (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import dataclasses

from sqlalchemy import func, select

from storage.base import StateKey, StateStore
from storage.cases import SqlCaseStore
from storage.models import Case
from tests.storage.samples import new_case

KEY = StateKey("telegram", "5b2e0f1a9c8d7e6f5a4b3c2d1e0f9a8b")


async def test_marks_round_trip_and_expire_unset(state_store: StateStore) -> None:
    assert await state_store.marks([]) == []
    assert await state_store.marks(["update:telegram:1:2", "sent:x"]) == [None, None]
    await state_store.mark("update:telegram:1:2", "done", 60)
    await state_store.mark("update:telegram:1:2", "done again", 60)  # overwrites
    assert await state_store.marks(["sent:x", "update:telegram:1:2"]) == [None, "done again"]


async def test_the_state_and_its_mark_are_saved_together(state_store: StateStore) -> None:
    await state_store.save_marked(KEY, {"step": "r_what", "lang": "kk"}, "update:whatsapp:9:wamid.A", "reply:{}", 60)
    assert await state_store.load(KEY) == {"step": "r_what", "lang": "kk"}
    assert await state_store.marks(["update:whatsapp:9:wamid.A"]) == ["reply:{}"]


async def test_a_state_that_cannot_be_stored_leaves_no_mark(state_store: StateStore) -> None:
    try:
        await state_store.save_marked(KEY, {"bad": object()}, "update:telegram:1:3", "reply:{}", 60)
    except TypeError:
        pass
    assert await state_store.marks(["update:telegram:1:3"]) == [None]
    assert await state_store.load(KEY) is None


async def test_a_case_with_a_stable_id_is_filed_once(case_store: SqlCaseStore) -> None:
    case = dataclasses.replace(new_case(), id="c0ffee" * 5 + "00")
    first = await case_store.file_case(case)
    again = await case_store.file_case(case)
    assert (again.id, again.reference) == (first.id, first.reference)
    together = await asyncio.gather(*(case_store.file_case(dataclasses.replace(case, id="beef" * 8))
                                      for _ in range(3)))
    assert len({filed.reference for filed in together}) == 1
    async with case_store.session() as session:
        assert await session.scalar(select(func.count()).select_from(Case)) == 2
