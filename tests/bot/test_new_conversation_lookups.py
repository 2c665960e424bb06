"""A new conversation's lookups in the case store (the draft left half-way, the trusted adults): one read
through the first-look port (storage/first_look.py), a draft not written yet winning over the stored one,
even when the write-behind flush lands while the read is under way."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from bot.drafts import DraftKeeper
from bot.service import ConversationService, Inbound
from flows.events import Text
from flows.state import ConversationState
from storage.base import DraftChange, FirstLook, StateKey
from storage.memory import MemoryStateStore


class Store:
    """The case store's drafts, as the keeper writes them."""

    def __init__(self) -> None:
        self.drafts: dict[StateKey, dict[str, Any]] = {}

    async def write_drafts(self, changes: Sequence[DraftChange]) -> None:
        for change in changes:
            key = StateKey(change.platform, change.user)
            if change.draft:
                self.drafts[key] = dict(change.draft)
            else:
                self.drafts.pop(key, None)

    async def load_draft(self, platform: str, user: str) -> dict[str, Any] | None:
        return self.drafts.get(StateKey(platform, user))


class Looks:
    """The first-look port over `Store`, with something to run in the middle of the read."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.asked: list[StateKey] = []
        self.meanwhile: Callable[[], Awaitable[object]] | None = None

    async def first_look(self, key: StateKey) -> FirstLook:
        self.asked.append(key)
        draft = self.store.drafts.get(key)  # the row as the statement saw it
        if self.meanwhile is not None:
            await self.meanwhile()
        return FirstLook(draft, (("l1", "Aunt"),), "Aru")


def service_with(store: Store, looks: Looks | None) -> tuple[ConversationService, DraftKeeper]:
    keeper = DraftKeeper(store, interval=3600)  # type: ignore[arg-type]
    service = ConversationService(MemoryStateStore(3600), None, secret="s", drafts=keeper,  # type: ignore[arg-type]
                                  first_look=looks)
    return service, keeper


async def state_after(service: ConversationService, text: str = "/start") -> ConversationState:
    await service.handle(Inbound("telegram", "7", Text(text), "en"))
    data = await service.states.load(service.key_for("telegram", "7"))
    assert data is not None
    return ConversationState.from_dict(data)


async def test_one_read_per_new_conversation_gives_the_draft_and_the_adults() -> None:
    store = Store()
    looks = Looks(store)
    service, _ = service_with(store, looks)
    key = service.key_for("telegram", "7")
    store.drafts[key] = {"category": "bullying"}
    state = await state_after(service)
    assert (state.draft, state.adults, state.alias) == ({"category": "bullying"}, (("l1", "Aunt"),), "Aru")
    await state_after(service, "/menu")
    assert looks.asked == [key]  # a conversation under way reads its state only


async def test_a_draft_not_written_yet_wins_even_if_written_during_the_read() -> None:
    store = Store()
    looks = Looks(store)
    service, keeper = service_with(store, looks)
    key = service.key_for("telegram", "7")
    store.drafts[key] = {"category": "other"}  # an older copy
    await keeper.put(key, {"category": "bullying"})
    looks.meanwhile = keeper.flush  # the write-behind lands between the statement and the answer
    state = await state_after(service)
    assert state.draft == {"category": "bullying"} and keeper.unwritten(key) is None
    assert state.adults == (("l1", "Aunt"),)


async def test_a_drop_not_written_yet_wins_too() -> None:
    store = Store()
    service, keeper = service_with(store, Looks(store))
    key = service.key_for("telegram", "7")
    store.drafts[key] = {"category": "other"}
    await keeper.put(key, {})
    assert (await state_after(service)).draft == {}


async def test_without_the_port_the_draft_alone_is_read() -> None:
    store = Store()
    service, _ = service_with(store, None)
    key = service.key_for("telegram", "7")
    store.drafts[key] = {"category": "other"}
    state = await state_after(service)
    assert (state.draft, state.adults, state.alias) == ({"category": "other"}, (), None)
