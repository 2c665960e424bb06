"""A new conversation's draft and trusted adults, read together (storage/first_look.py; issue 12, "Late when
the platform is slow", bench/README.md stop 23): the same as the two reads apart, on every backend; through
the application, one pool checkout and one statement on PostgreSQL where apart they took two of each; and
a draft not written yet (write-behind) still wins over the stored one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.app import Application, build_application
from bot.drafts import DraftKeeper
from bot.service import Inbound
from bot.settings import Settings
from flows.events import Pick, Text
from flows.state import ConversationState
from storage.adults import SqlAdultStore
from storage.base import DraftChange, FirstLook, StateKey
from storage.cases import SqlCaseStore
from storage.first_look import SqlFirstLook
from storage.models import utcnow
from tests.storage.conftest import FakeClock
from tests.support.databases import redis_url
from tests.support.pg_round_trips import count_round_trips, round_trips

HOUR = 3600.0


async def link(adults: SqlAdultStore, child: StateKey, adult: str, alias: str) -> str:
    made = await adults.add(child_platform=child.platform, child_user=child.user, child_alias=alias,
                            adult_platform="whatsapp", adult_user=adult, adult_address=f"7701{adult}",
                            adult_language="kk", limit=3)
    assert made is not None
    return made.id


async def apart(cases: SqlCaseStore, key: StateKey) -> FirstLook:
    """What the two reads of before gave (bot/adults.py's mirror of the links, the stored draft)."""
    links = await SqlAdultStore(cases).links_of(key.platform, key.user)
    return FirstLook(await cases.load_draft(key.platform, key.user), tuple((x.id, x.name) for x in links),
                     links[-1].child_alias if links else None)


async def test_it_reads_what_the_two_reads_apart_read(case_store: SqlCaseStore, clock: FakeClock) -> None:
    adults, look = SqlAdultStore(case_store), SqlFirstLook(case_store)
    nobody, drafting, linked, both = (StateKey("telegram", name) for name in ("nobody", "drafting", "linked", "both"))
    await case_store.save_draft("telegram", "drafting", {"category": "bullying", "description": "Мені жазады"})
    await case_store.save_draft("telegram", "both", {"category": "sextortion"})
    await case_store.save_draft("whatsapp", "linked", {"category": "other"})  # another platform's user
    first = await link(adults, linked, "a1", "Ару")
    clock.advance(seconds=1)
    second = await link(adults, linked, "a2", "Аружан")  # the newest link's alias is the child's now
    await adults.rename(second, "telegram", "linked", "Мама")
    for n in range(3):  # the most a child may have: the draft on each row
        clock.advance(seconds=1)
        await link(adults, both, f"b{n}", "Bo")

    assert await look.first_look(nobody) == FirstLook(None) == await apart(case_store, nobody)
    assert await look.first_look(drafting) == FirstLook({"category": "bullying", "description": "Мені жазады"})
    assert await look.first_look(linked) == FirstLook(None, ((first, ""), (second, "Мама")), "Аружан")
    found = await look.first_look(both)
    assert found.draft == {"category": "sextortion"} and len(found.adults) == 3 and found.alias == "Bo"
    for key in (drafting, linked, both):
        assert await look.first_look(key) == await apart(case_store, key)


@pytest.fixture
async def application(database_url: str, case_store: SqlCaseStore) -> AsyncIterator[Application]:
    """The app as production wires it (Redis state, drafts written behind), on an emptied database."""
    async with redis_url() as target:
        app = await build_application(Settings(
            database_url=database_url, redis_url=target.url, redis_prefix=target.prefix, telegram_bot_token=None,
            whatsapp_token=None, operator_chat_id=None, draft_flush_seconds=HOUR))
        try:
            yield app
        finally:
            await app.close()


async def new_conversation(app: Application, user: str) -> ConversationState:
    await app.service.handle(Inbound("telegram", user, Text("/start"), "en"))
    data = await app.states.load(app.service.key_for("telegram", user))
    assert data is not None
    return ConversationState.from_dict(data)


# PostgreSQL only (the pool's checkouts and round trips are its own), chosen here rather than skipped.
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_new_conversation_takes_one_connection_and_one_statement(application: Application,
                                                                        database_url: str) -> None:
    assert database_url.startswith("postgresql")
    cases = application.cases
    assert isinstance(cases, SqlCaseStore)
    counts = count_round_trips(cases.engine)
    await cases.engine.dispose()  # connections opened from now on are counted
    for user in ("warm-up", "warm-up 2"):  # connects, then prepares the statement
        await new_conversation(application, user)
    for user in ("11", "12", "13"):
        counts.clear()
        await new_conversation(application, user)
        # Apart: 2 checkouts, 2 statements, 12 round trips (each checkout's ping: BEGIN, ";", ROLLBACK;
        # each statement's BEGIN, execute, ROLLBACK). Together: 1, 1, 6; and 3 since stop 36, the connection
        # used a moment ago not pinged (tests/storage/test_pool_ping.py).
        assert (counts["checkout"], counts["statement"]) == (1, 1), counts
        assert round_trips(counts) == 3, counts


async def test_a_draft_not_written_yet_wins_and_the_adults_come_with_it(application: Application) -> None:
    service, cases = application.service, application.cases
    assert isinstance(service.drafts, DraftKeeper) and isinstance(cases, SqlCaseStore)
    key = service.key_for("telegram", "42")
    await link(SqlAdultStore(cases), key, "a1", "Ару")
    await service.handle(Inbound("telegram", "42", Text("hello"), "en"))
    for pick in (Pick("role", "child"), Pick("menu", "report"), Pick("r_category", "bullying")):
        await service.handle(Inbound("telegram", "42", pick, "en"))
    assert service.drafts.unwritten(key) is not None  # pending
    older = DraftChange("telegram", key.user, {"category": "other"}, utcnow() - timedelta(hours=1))
    await cases.write_drafts([older])  # the store has an older copy (another process's, written late)
    assert await cases.load_draft("telegram", key.user) == {"category": "other"}

    await application.states.delete(key)  # the state expired: the next message starts a new one
    state = await new_conversation(application, "42")
    assert state.draft == {"category": "bullying"}
    assert state.alias == "Ару" and [name for _, name in state.adults] == [""]

    await service.drafts.flush()  # written: the store's copy is the one read now
    await application.states.delete(key)
    assert (await new_conversation(application, "42")).draft == {"category": "bullying"}


async def test_a_dropped_draft_not_written_yet_stays_dropped(application: Application) -> None:
    service, cases = application.service, application.cases
    assert isinstance(cases, SqlCaseStore)
    key = service.key_for("telegram", "43")
    await cases.save_draft("telegram", key.user, {"category": "other"})
    await service.drafts.put(key, {})  # cancelled here, the drop not written yet
    state = await new_conversation(application, "43")
    assert state.draft == {} and state.adults == ()
