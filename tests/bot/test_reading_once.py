"""The crisis reader runs at most once per incoming message through the runtime (flows/reading.py):
the flood check and the engine's paths (first message, typed text, text and captions while
waiting for a person, an alert's note) share one reading. Before, a typed message was read twice."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.service import ConversationService, Inbound
from flows.events import Event, Media, MediaKind, Pick, Text
from storage.cases import SqlCaseStore
from storage.memory import MemoryStateStore
from storage.migrate import migrate

USER = "4242"


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[ConversationService]:
    url = f"sqlite+aiosqlite:///{tmp_path}/cases.db"
    await migrate(url)
    cases = SqlCaseStore(url)
    # The production default's inbound limit, so the flood check reads messages too.
    made = ConversationService(MemoryStateStore(86400), cases, secret="s", inbound_limit=30)
    try:
        yield made
    finally:
        await cases.close()


async def reads_per_update(service: ConversationService, crisis_reads: list[str], events: list[Event]) -> list[int]:
    counts = []
    for event in events:
        before = len(crisis_reads)
        await service.handle(Inbound("telegram", USER, event, "en"))
        counts.append(len(crisis_reads) - before)
    return counts


async def test_a_first_message_that_is_a_cry_for_help_is_read_once(
        service: ConversationService, crisis_reads: list[str]) -> None:
    assert await reads_per_update(service, crisis_reads, [Text("I want to kill myself")]) == [1]


async def test_every_typed_message_of_a_walk_is_read_once_and_presses_not_at_all(
        service: ConversationService, crisis_reads: list[str]) -> None:
    walk: list[Event] = [Text("/start"), Pick("role", "child"), Text("classmates post mean comments about me"),
                         Pick("menu", "report"), Text("I want to kill myself"),
                         Text("they are still writing to me, I am scared"),
                         Media(MediaKind.DOCUMENT, ref="f1", caption="I cannot live like this")]
    counts = await reads_per_update(service, crisis_reads, walk)
    assert counts == [1, 0, 1, 0, 1, 1, 1]
