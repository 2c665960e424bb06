"""The trusted adults' codes through the runtime: they expire, work once, resist guessing, and
never link a person to themselves (bot/adults.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.adults import TrustedAdults
from bot.service import ConversationService, Inbound, Reply
from flows.actions import Say
from flows.events import Pick, Text
from storage.adults import SqlAdultStore
from storage.cases import SqlCaseStore
from storage.memory import MemoryStateStore
from storage.migrate import migrate

CHILD, ADULT, GUESSER = "100", "200", "300"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class World:
    service: ConversationService
    clock: Clock
    store: SqlAdultStore
    sent: list[tuple[str, Reply]] = field(default_factory=list)

    async def say(self, user: str, text: str) -> list[str]:
        reply = await self.service.handle(Inbound("telegram", user, Text(text), "en"))
        return keys(reply)

    async def pick(self, user: str, step: str, value: str) -> list[str]:
        return keys(await self.service.handle(Inbound("telegram", user, Pick(step, value), "en")))

    async def code(self) -> str:
        await self.say(CHILD, "/start")
        await self.pick(CHILD, "role", "child")
        await self.pick(CHILD, "menu", "adults")
        await self.pick(CHILD, "adults", "add")
        reply = await self.service.handle(Inbound("telegram", CHILD, Text("Aru"), "en"))
        return self.code_in(reply)

    async def another_code(self) -> str:
        await self.say(CHILD, "/menu")
        await self.pick(CHILD, "menu", "adults")
        return self.code_in(await self.service.handle(Inbound("telegram", CHILD, Pick("adults", "add"), "en")))

    @staticmethod
    def code_in(reply: Reply) -> str:
        said = [a for a in reply.actions if isinstance(a, Say) and a.text.key == "adults.code"]
        return str(said[0].text.params["code"])


def keys(reply: Reply) -> list[str]:
    return [a.text.key for a in reply.actions if isinstance(a, Say)]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    url = f"sqlite+aiosqlite:///{tmp_path}/adults.db"
    await migrate(url)
    cases = SqlCaseStore(url)
    clock = Clock()
    service = ConversationService(MemoryStateStore(86400, clock=clock), cases, secret="s")
    store = SqlAdultStore(cases)
    adults = TrustedAdults(service, store)
    made = World(service, clock, store)

    async def link(address: str, reply: Reply, location: tuple[float, float] | None) -> bool:
        made.sent.append((address, reply))
        return True

    adults.links["telegram"] = link
    service.adults = adults
    try:
        yield made
    finally:
        await cases.close()


async def test_a_code_expires_after_fifteen_minutes(world: World) -> None:
    code = await world.code()
    world.clock.now += 15 * 60 + 1
    assert "adults.code_bad" in await world.say(ADULT, code)


async def test_a_code_held_too_long_before_confirming_links_nothing(world: World) -> None:
    code = await world.code()
    assert "adults.confirm_intro" in await world.say(ADULT, code)
    world.clock.now += 15 * 60 + 1
    assert "adults.link_expired" in await world.pick(ADULT, "adult_confirm", "agree")
    assert await world.store.links_of("telegram", world.service.key_for("telegram", CHILD).user) == []


async def test_a_code_works_once_and_links_the_adult_who_confirmed(world: World) -> None:
    code = await world.code()
    assert "adults.confirm_intro" in await world.say(ADULT, code)
    assert "adults.code_bad" in await world.say(GUESSER, code)
    assert "adults.linked_adult" in await world.pick(ADULT, "adult_confirm", "agree")
    child = world.service.key_for("telegram", CHILD)
    links = await world.store.links_of(child.platform, child.user)
    assert [(link.adult_address, link.child_alias) for link in links] == [(ADULT, "Aru")]
    # The child was told on their own chat, after the adult's conversation was released.
    assert [(address, keys(reply)[0]) for address, reply in world.sent] == [(CHILD, "adults.linked_child")]


async def test_guessing_codes_is_stopped_after_five_tries_an_hour(world: World) -> None:
    code = await world.code()
    for guess in ("23456-7ABCD", "23456-7ABCE", "23456-7ABCF", "23456-7ABCG", "23456-7ABCH"):
        assert "adults.code_bad" in await world.say(GUESSER, guess)
    assert "adults.code_throttled" in await world.say(GUESSER, code)  # even the right one, now
    world.clock.now += 3601
    assert "adults.code_bad" in await world.say(GUESSER, code)  # an hour later the code is long gone
    assert "adults.confirm_intro" in await world.say(GUESSER, await world.another_code())


async def test_a_child_cannot_link_to_themselves(world: World) -> None:
    code = await world.code()
    assert "adults.code_bad" in await world.say(CHILD, code)
