"""The trusted adults' links on SQLite and PostgreSQL: made from a code, at most three, named and
removed only by the child, forgotten on "delete my data", counted only as numbers."""

from __future__ import annotations

from storage.adults import SqlAdultStore
from storage.cases import SqlCaseStore
from tests.storage.conftest import FakeClock

CHILD = ("telegram", "c" * 32)


async def add(store: SqlAdultStore, adult: str, platform: str = "whatsapp",
              child: tuple[str, str] = CHILD) -> str | None:
    link = await store.add(child_platform=child[0], child_user=child[1], child_alias="Ару", adult_platform=platform,
                           adult_user=adult, adult_address=f"addr-{adult}", adult_language="ru", limit=3)
    return None if link is None else link.id


class TestAdultLinks:
    async def test_a_child_has_at_most_three_adults_and_one_link_each(self, case_store: SqlCaseStore) -> None:
        store = SqlAdultStore(case_store)
        first = await add(store, "a1")
        assert first is not None
        assert await add(store, "a1") == first  # the same adult again renews the one link
        assert await add(store, "a2") is not None and await add(store, "a3") is not None
        assert await add(store, "a4") is None
        links = await store.links_of(*CHILD)
        assert sorted((link.adult_user, link.adult_address, link.child_alias) for link in links) == [
            ("a1", "addr-a1", "Ару"), ("a2", "addr-a2", "Ару"), ("a3", "addr-a3", "Ару")]

    async def test_only_the_child_names_or_removes_a_link(self, case_store: SqlCaseStore) -> None:
        store = SqlAdultStore(case_store)
        link = await add(store, "a1")
        assert link is not None
        await store.rename(link, "telegram", "someone-else", "Чужой")
        assert not await store.remove(link, "telegram", "someone-else")
        await store.rename(link, *CHILD, "Мама")
        assert [x.name for x in await store.links_of(*CHILD)] == ["Мама"]
        assert await store.remove(link, *CHILD)
        assert await store.links_of(*CHILD) == []

    async def test_forgetting_removes_their_links_as_child_and_as_adult(self, case_store: SqlCaseStore) -> None:
        store = SqlAdultStore(case_store)
        await add(store, "a1")
        await add(store, "c2", child=("whatsapp", "other-child"))
        await add(store, "a1", child=("whatsapp", "third-child"))
        assert await store.forget(*CHILD) == 1
        assert await store.links_of(*CHILD) == []
        assert await store.forget("whatsapp", "a1") == 1  # the adult asked to be forgotten
        assert await store.links_of("whatsapp", "third-child") == []
        assert len(await store.links_of("whatsapp", "other-child")) == 1

    async def test_figures_are_numbers_only(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        store = SqlAdultStore(case_store)
        await add(store, "a1")
        await add(store, "a2")
        await store.count_alert(2, 1)
        clock.advance(days=40)
        start = clock.now
        await store.count_alert(2, 2)
        everything = await store.figures()
        assert (everything.links, everything.alerts, everything.alerts_delivered) == (2, 2, 3)
        recent = await store.figures(since=start)
        assert (recent.alerts, recent.alerts_delivered) == (1, 2)
