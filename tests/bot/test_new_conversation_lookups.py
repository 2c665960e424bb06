"""A new conversation's lookups in the case store (the draft left half-way, the trusted adults) run
at once where the store allows it, and take turns on the one connection of an in-memory SQLite."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from bot.service import ConversationService, Inbound
from flows.events import Event, Text
from flows.state import ConversationState
from storage.base import StateKey
from storage.cases import SqlCaseStore
from storage.memory import MemoryStateStore


class Lookups:
    """A draft store and an adults runtime that note when each lookup starts and ends."""

    def __init__(self) -> None:
        self.log: list[str] = []

    async def _look(self, name: str) -> None:
        self.log.append(f"{name} start")
        await asyncio.sleep(0.01)  # a round trip to the database
        self.log.append(f"{name} end")

    async def load(self, key: StateKey) -> dict[str, Any] | None:
        await self._look("draft")
        return {"category": "bullying"}

    async def put(self, key: StateKey, draft: Mapping[str, Any]) -> None:
        pass

    def forget(self, key: StateKey) -> None:
        pass

    async def close(self) -> None:
        pass

    async def mirror(self, key: StateKey) -> tuple[tuple[tuple[str, str], ...], str | None]:
        await self._look("adults")
        return (("l1", "Aunt"),), "Aru"

    async def carry_out(self, key: StateKey, state: ConversationState, action: object,
                        address: str | None) -> Event | None:
        return None


async def first_message(parallel: bool) -> tuple[list[str], ConversationState]:
    lookups = Lookups()
    states = MemoryStateStore(3600)
    service = ConversationService(states, None, secret="s", drafts=lookups,  # type: ignore[arg-type]
                                  parallel_reads=parallel)
    service.adults = lookups  # type: ignore[assignment]
    await service.handle(Inbound("telegram", "7", Text("/start"), "en"))
    data = await states.load(service.key_for("telegram", "7"))
    assert data is not None
    return lookups.log, ConversationState.from_dict(data)


async def test_the_draft_and_the_adults_are_looked_up_at_once() -> None:
    log, state = await first_message(parallel=True)
    assert log == ["draft start", "adults start", "draft end", "adults end"]
    assert (state.draft, state.adults, state.alias) == ({"category": "bullying"}, (("l1", "Aunt"),), "Aru")


async def test_they_take_turns_where_the_store_cannot_read_twice_at_once() -> None:
    log, state = await first_message(parallel=False)
    assert log == ["draft start", "draft end", "adults start", "adults end"]
    assert (state.draft, state.adults, state.alias) == ({"category": "bullying"}, (("l1", "Aunt"),), "Aru")


@pytest.mark.parametrize(("url", "parallel"), [("sqlite+aiosqlite://", False),
                                               ("sqlite+aiosqlite:///:memory:", False),
                                               ("sqlite+aiosqlite:///{tmp}/cases.db", True)])
async def test_only_an_in_memory_sqlite_store_reads_one_at_a_time(tmp_path: Path, url: str, parallel: bool) -> None:
    store = SqlCaseStore(url.format(tmp=tmp_path))
    try:
        assert store.parallel_reads is parallel
    finally:
        await store.close()
