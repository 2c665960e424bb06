"""Records read with the update (bot/delivery/prefetch.py): reads inside the update see them, and its own writes."""

from __future__ import annotations

from bot.context import UpdateContext, processing
from bot.delivery.prefetch import ContextStates
from storage.base import StateKey
from storage.memory import MemoryStateStore

STATE = StateKey("telegram", "u1")
FLAG = StateKey("telegram-reach", "u1")
OTHER = StateKey("telegram", "u2")


async def test_reads_in_an_update_see_what_was_read_with_it_and_its_own_writes() -> None:
    inner = MemoryStateStore()
    states = ContextStates(inner)
    await inner.save(OTHER, {"step": "menu"})
    context = UpdateContext("telegram", "1:1", "conv:telegram:u1", known={STATE: '{"step": "role"}', FLAG: None})
    with processing(context):
        assert await states.load(STATE) == {"step": "role"}
        assert await states.load(FLAG) is None
        assert await states.load(OTHER) == {"step": "menu"}  # not read with the update: from the store
        await states.save_marked(STATE, {"step": "menu"}, context.token, "reply:{}", 60)
        await states.save(FLAG, {"unreachable": True})
        assert await states.load(STATE) == {"step": "menu"}
        assert await states.load(FLAG) == {"unreachable": True}
        await states.delete(FLAG)
        assert await states.load(FLAG) is None
    assert await inner.load(STATE) == {"step": "menu"}  # every write reached the store
    assert await inner.load(FLAG) is None
    assert await inner.marks([context.token]) == ["reply:{}"]


async def test_outside_an_update_every_read_goes_to_the_store() -> None:
    inner = MemoryStateStore()
    states = ContextStates(inner)
    await states.save(STATE, {"step": "lang"})
    assert await states.load(STATE) == {"step": "lang"}
    loaded = await states.load(STATE)
    assert loaded is not None
    loaded["step"] = "changed"  # a caller's change to what it read never leaks into the next read
    assert await states.load(STATE) == {"step": "lang"}
