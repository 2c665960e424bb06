"""Drafts written behind (bot/drafts.py) over SQLite and real PostgreSQL: what ends up stored."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from bot.app import build_application
from bot.drafts import DraftKeeper, WriteThrough
from bot.service import ConversationService, Inbound
from bot.settings import Settings
from flows.events import Event, Media, MediaKind, Pick, Text
from storage.base import DraftChange, StateKey
from storage.cases import SqlCaseStore
from storage.memory import MemoryStateStore
from storage.models import Case, Draft
from tests.storage.conftest import FakeClock
from tests.storage.samples import KAZAKH, ME, OTHER, new_case
from tests.support.databases import redis_url

KEY = StateKey("telegram", ME)
HOUR = 3600.0  # an interval the tests never wait for: they flush by hand


async def stored(store: SqlCaseStore) -> dict[tuple[str, str], dict[str, Any]]:
    """Every draft row: (platform, user) -> data."""
    async with store.session() as session:
        rows = (await session.execute(select(Draft.platform, Draft.user_id, Draft.data))).all()
    return {(r.platform, r.user_id): dict(r.data) for r in rows}


@pytest.fixture
def statements(case_store: SqlCaseStore) -> Iterator[list[str]]:
    """The SQL statements the store sends, in order."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement.split(None, 1)[0].upper())

    event.listen(case_store.engine.sync_engine, "before_cursor_execute", record)
    yield sent
    event.remove(case_store.engine.sync_engine, "before_cursor_execute", record)


class TestWriteDrafts:
    async def test_saves_and_drops_in_one_call(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        await case_store.save_draft("telegram", OTHER, {"category": "other"})
        await case_store.write_drafts([DraftChange("telegram", ME, {"description": KAZAKH}, clock()),
                                       DraftChange("telegram", OTHER, None, clock()),
                                       DraftChange("whatsapp", ME, {"category": "bullying"}, clock())])
        assert await stored(case_store) == {("telegram", ME): {"description": KAZAKH},
                                            ("whatsapp", ME): {"category": "bullying"}}

    async def test_an_older_change_never_replaces_a_newer_one(self, case_store: SqlCaseStore,
                                                              clock: FakeClock) -> None:
        early, late = clock(), clock() + timedelta(seconds=1)
        await case_store.write_drafts([DraftChange("telegram", ME, {"n": 2}, late)])
        await case_store.write_drafts([DraftChange("telegram", ME, {"n": 1}, early)])  # a slower process
        await case_store.write_drafts([DraftChange("telegram", ME, None, early)])
        assert await stored(case_store) == {("telegram", ME): {"n": 2}}
        await case_store.write_drafts([DraftChange("telegram", ME, None, late)])
        assert await stored(case_store) == {}

    async def test_more_rows_than_one_statement_holds(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        changes = [DraftChange("telegram", f"user-{i}", {"n": i}, clock()) for i in range(1200)]
        await case_store.write_drafts(changes)
        rows = await stored(case_store)
        assert len(rows) == 1200 and rows[("telegram", "user-1199")] == {"n": 1199}
        await case_store.write_drafts([DraftChange(c.platform, c.user, None, clock()) for c in changes])
        assert await stored(case_store) == {}


class TestKeeper:
    async def test_many_saves_become_one_row_with_the_last_draft(self, case_store: SqlCaseStore, clock: FakeClock,
                                                                 statements: list[str]) -> None:
        keeper = DraftKeeper(case_store, interval=HOUR, clock=clock)
        for i in range(20):
            clock.advance(seconds=1)
            await keeper.put(KEY, {"category": "bullying", "description": f"{KAZAKH} {i}"})
            await keeper.put(StateKey("telegram", OTHER), {"n": i})
        assert statements == []  # nothing written yet
        assert await keeper.flush()
        assert await stored(case_store) == {("telegram", ME): {"category": "bullying", "description": f"{KAZAKH} 19"},
                                            ("telegram", OTHER): {"n": 19}}
        assert statements.count("INSERT") == 1  # forty changes of two conversations: one statement
        async with case_store.session() as session:
            assert await session.scalar(select(Draft.updated_at).where(Draft.user_id == ME)) == clock()
        statements.clear()
        assert await keeper.flush() and statements == []  # nothing pending: no transaction at all

    async def test_a_drop_after_a_save_and_a_save_after_a_drop(self, case_store: SqlCaseStore,
                                                               clock: FakeClock) -> None:
        keeper = DraftKeeper(case_store, interval=HOUR, clock=clock)
        await keeper.put(KEY, {"category": "bullying"})
        await keeper.flush()
        clock.advance(seconds=1)
        await keeper.put(KEY, {"category": "bullying", "victim": "me"})
        await keeper.put(KEY, {})  # cancelled
        assert await keeper.load(KEY) is None
        await keeper.flush()
        assert await stored(case_store) == {}
        clock.advance(seconds=1)
        await keeper.put(KEY, {})
        await keeper.put(KEY, {"category": "other"})  # a new report
        assert await keeper.load(KEY) == {"category": "other"}
        await keeper.flush()
        assert await stored(case_store) == {("telegram", ME): {"category": "other"}}

    async def test_the_newest_change_wins_between_processes(self, case_store: SqlCaseStore,
                                                             clock: FakeClock) -> None:
        first, second = (DraftKeeper(case_store, interval=HOUR, clock=clock) for _ in range(2))
        await first.put(KEY, {"step": 1})
        clock.advance(seconds=1)
        await second.put(KEY, {"step": 2})  # the conversation moved to another worker
        await second.flush()
        await first.flush()  # the first one writes last, with the older draft
        assert await stored(case_store) == {("telegram", ME): {"step": 2}}
        await first.put(KEY, {})  # an older drop cannot delete it either
        clock.advance(seconds=1)
        await second.put(KEY, {"step": 3})
        await second.flush()
        await first.flush()
        assert await stored(case_store) == {("telegram", ME): {"step": 3}}

    async def test_close_writes_what_is_pending(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        keeper = DraftKeeper(case_store, interval=HOUR, clock=clock)
        keeper.start()
        await keeper.put(KEY, {"description": KAZAKH})
        await keeper.close()
        assert await stored(case_store) == {("telegram", ME): {"description": KAZAKH}}
        assert keeper.pending == 0

    async def test_the_loop_writes_by_itself(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        keeper = DraftKeeper(case_store, interval=0.01, clock=clock)
        keeper.start()
        try:
            await keeper.put(KEY, {"description": KAZAKH})
            await wait_for(lambda: keeper.pending == 0)
            assert await stored(case_store) == {("telegram", ME): {"description": KAZAKH}}
        finally:
            await keeper.close()

    async def test_a_failed_flush_keeps_the_drafts_and_the_loop_retries(
            self, case_store: SqlCaseStore, clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
        down = SqlCaseStore("postgresql+asyncpg://postgres@127.0.0.1:1/helpline")  # nothing listens there
        switch = Switch(down)
        keeper = DraftKeeper(switch, interval=0.01, clock=clock)  # type: ignore[arg-type]
        keeper.start()
        try:
            with caplog.at_level(logging.WARNING, logger="bot.drafts"):
                await keeper.put(KEY, {"description": KAZAKH})
                await wait_for(lambda: switch.failures >= 3)  # the loop lives on
                await keeper.put(KEY, {"description": "newer"})  # made during the outage: it wins
                await wait_for(lambda: switch.failures >= 5)
            assert keeper.pending == 1
            assert "drafts not written" in caplog.text and KAZAKH not in caplog.text and "newer" not in caplog.text
            switch.target = case_store  # the database is back
            await wait_for(lambda: keeper.pending == 0)
            assert await stored(case_store) == {("telegram", ME): {"description": "newer"}}
        finally:
            await keeper.close()
            await down.close()

    async def test_a_save_under_way_cannot_bring_back_a_filed_draft(self, case_store: SqlCaseStore,
                                                                     clock: FakeClock) -> None:
        slow = Switch(case_store, hold=True)
        keeper = DraftKeeper(slow, interval=HOUR, clock=clock)  # type: ignore[arg-type]
        await keeper.put(KEY, {"description": KAZAKH})
        flushing = asyncio.create_task(keeper.flush())
        await slow.entered.wait()  # the flush has taken the draft and is writing it
        clock.advance(seconds=1)
        await case_store.file_case(new_case())  # the case is filed meanwhile, dropping the draft...
        keeper.forget(KEY)
        assert await keeper.load(KEY) is None
        slow.release.set()
        assert await flushing  # ...and the older save lands after it
        assert await stored(case_store) == {("telegram", ME): {"description": KAZAKH}}
        await keeper.flush()  # the fence deletes it at the next flush
        assert await stored(case_store) == {}

    async def test_another_process_cannot_bring_back_a_filed_draft(self, case_store: SqlCaseStore,
                                                                    clock: FakeClock) -> None:
        here, there = (DraftKeeper(case_store, interval=HOUR, clock=clock) for _ in range(2))
        await there.put(KEY, {"description": KAZAKH})  # an earlier step, handled by another worker
        clock.advance(seconds=1)
        await case_store.file_case(new_case())
        here.forget(KEY)
        await here.flush()
        await there.flush()  # it writes after the filing
        await here.flush()
        assert await stored(case_store) == {}
        clock.advance(seconds=1)
        await here.put(KEY, {"category": "other"})  # a new report is not fenced off
        await here.flush()
        await here.flush()
        assert await stored(case_store) == {("telegram", ME): {"category": "other"}}
        clock.advance(seconds=60)
        await here.flush()  # the fence is gone once its time is over
        assert not here._fences


class TestService:
    async def test_a_new_conversation_reads_a_draft_not_yet_written(self, case_store: SqlCaseStore,
                                                                     clock: FakeClock) -> None:
        chat = Chat(case_store, clock)
        await chat.start_report()
        assert await stored(case_store) == {}  # written behind: not yet
        await chat.states.delete(chat.key)  # the state is lost before the flush
        assert (await chat.service._load(chat.key)).draft == {"category": "bullying", "victim": "me"}
        await chat.say(Text("hello again"))
        assert (await chat.state())["step"] == "resume"  # offered to continue the report
        await chat.keeper.flush()
        assert await stored(case_store) == {("telegram", chat.key.user): {"category": "bullying", "victim": "me"}}

    async def test_filing_a_case_leaves_no_draft_behind(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        chat = Chat(case_store, clock)
        await chat.start_report()
        await chat.keeper.flush()
        await chat.finish_report()
        assert await stored(case_store) == {}
        await chat.keeper.flush()
        await chat.keeper.flush()
        assert await stored(case_store) == {}
        async with case_store.session() as session:
            assert await session.scalar(select(Case.description)) == "Classmates post mean comments every day."

    async def test_deleting_my_data_drops_a_draft_not_yet_written(self, case_store: SqlCaseStore,
                                                                   clock: FakeClock) -> None:
        chat = Chat(case_store, clock)
        await chat.say(Text("hello"))
        for value in ("child", "report", "bullying"):
            await chat.press(value)
        await chat.keeper.flush()
        assert await stored(case_store) == {("telegram", chat.key.user): {"category": "bullying"}}
        clock.advance(seconds=1)
        await chat.press("me")  # the draft changes again: pending, not written
        await chat.say(Text("/menu"))
        for value in ("privacy", "delete", "yes"):
            await chat.press(value)
        assert await stored(case_store) == {}
        assert await chat.keeper.load(chat.key) is None
        await chat.keeper.flush()
        assert await stored(case_store) == {}
        await chat.states.delete(chat.key)
        assert (await chat.service._load(chat.key)).draft == {}

    async def test_with_memory_state_every_change_is_written_at_once(self, case_store: SqlCaseStore,
                                                                     clock: FakeClock) -> None:
        chat = Chat(case_store, clock, keeper=False)
        assert isinstance(chat.service.drafts, WriteThrough)
        await chat.start_report()
        assert await stored(case_store) == {("telegram", chat.key.user): {"category": "bullying", "victim": "me"}}


async def test_the_application_writes_behind_only_with_redis(tmp_path: Path) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path}/helpline.db"
    base: dict[str, Any] = {"database_url": database_url, "telegram_bot_token": None, "whatsapp_token": None,
                            "operator_chat_id": None, "draft_flush_seconds": HOUR}
    embedded = await build_application(Settings(**base))
    try:
        assert isinstance(embedded.service.drafts, WriteThrough)
    finally:
        await embedded.close()
    async with redis_url() as target:
        app = await build_application(Settings(redis_url=target.url, redis_prefix=target.prefix, **base))
        closed = False
        try:
            assert isinstance(app.service.drafts, DraftKeeper)
            await app.service.handle(Inbound("telegram", "42", Text("hello"), "en"))
            await app.service.handle(Inbound("telegram", "42", Pick("role", "child"), "en"))
            await app.service.handle(Inbound("telegram", "42", Pick("menu", "report"), "en"))
            await app.service.handle(Inbound("telegram", "42", Pick("r_category", "bullying"), "en"))
            assert await app.cases.load_draft("telegram", app.service.key_for("telegram", "42").user) is None
            await app.close()  # writes the pending draft before closing the store
            closed = True
        finally:
            if not closed:
                await app.close()
    store = SqlCaseStore(database_url)
    try:
        assert await stored(store) == {("telegram", app.service.key_for("telegram", "42").user):
                                       {"category": "bullying"}}
    finally:
        await store.close()


# -- helpers -----------------------------------------------------------------------------------------


async def wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Let the keeper's loop run until `condition` holds (it ticks every 10 ms here)."""
    async with asyncio.timeout(seconds):
        while True:
            if condition():
                return
            await asyncio.sleep(0.005)


class Switch:
    """A case store whose `write_drafts` goes to `target` (a store that is down, then the real one),
    or waits to be released (a flush under way)."""

    def __init__(self, target: SqlCaseStore, *, hold: bool = False) -> None:
        self.target = target
        self.hold = hold
        self.failures = 0
        self.entered = asyncio.Event()
        self.release = asyncio.Event()

    async def write_drafts(self, changes: Sequence[DraftChange]) -> None:
        if self.hold:
            self.entered.set()
            await self.release.wait()
        try:
            await self.target.write_drafts(changes)
        except Exception:
            self.failures += 1
            raise

    async def load_draft(self, platform: str, user: str) -> dict[str, Any] | None:
        return await self.target.load_draft(platform, user)


class Chat:
    """One Telegram user talking to a service whose drafts are written behind (or through)."""

    def __init__(self, cases: SqlCaseStore, clock: FakeClock, *, keeper: bool = True) -> None:
        self.states = MemoryStateStore(3600)
        self.keeper = DraftKeeper(cases, interval=HOUR, clock=clock)
        self.service = ConversationService(self.states, cases, secret="test-secret",
                                           drafts=self.keeper if keeper else None)
        self.key = self.service.key_for("telegram", "123")

    async def state(self) -> dict[str, Any]:
        data = await self.states.load(self.key)
        assert data is not None
        return data

    async def say(self, event: Event) -> None:
        await self.service.handle(Inbound("telegram", "123", event, "en"))

    async def press(self, value: str) -> None:
        await self.say(Pick((await self.state())["step"], value))

    async def start_report(self) -> None:
        await self.say(Text("hello"))
        for value in ("child", "report", "bullying", "me"):
            await self.press(value)

    async def finish_report(self) -> None:
        await self.say(Text("Classmates post mean comments every day."))
        await self.press("instagram")
        await self.say(Text("here: https://instagram.com/p/abc123"))
        await self.say(Media(MediaKind.PHOTO, "AgAD-screenshot", "m-1"))
        for value in ("done", "no", "14_17", "almaty_city", "anonymous"):
            await self.press(value)
        assert (await self.state())["step"] == "r_review"
        await self.press("send")
        assert (await self.state())["draft"] == {}
