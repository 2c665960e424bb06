"""The intake and ordering contracts, over the in-memory implementations and real Redis alike."""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.intake import IntakeUnavailable, MemoryIntake, Submission
from bot.intake_redis import RedisIntake
from bot.ordering import LocalOrdering, RedisOrdering
from storage.base import StateKey
from tests.delivery.support import free_port
from tests.support.databases import redis_url


def sub(key: str, lane: str = "conv:telegram:a", payload: str = "{}") -> Submission:
    return Submission("telegram", key, lane, payload)


@pytest.fixture(params=["memory", "redis"])
async def intake(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    if request.param == "memory":
        yield MemoryIntake()
        return
    async with redis_url() as (url, prefix):
        client = Redis.from_url(url, decode_responses=True)
        try:
            yield RedisIntake(client, prefix, claim_idle_seconds=0.2)
        finally:
            await client.aclose()


async def test_an_update_is_stored_once_and_its_lane_keeps_arrival_order(intake: Any) -> None:
    assert await intake.submit([sub("1:1"), sub("1:2"), sub("1:1")]) == [True, True, False]
    assert await intake.submit([sub("1:2"), sub("1:3", lane="conv:telegram:b")]) == [False, True]
    tickets = await intake.tickets(10, 0.2)
    assert sorted(t.lane for t in tickets) == ["conv:telegram:a", "conv:telegram:b"]  # one per lane with work
    assert (await intake.depth())["stored"] == 3
    first = await intake.head("conv:telegram:a")
    assert first is not None and first.key == "1:1" and first.accepted_at <= time.time()
    await intake.pop("conv:telegram:a")
    second = await intake.head("conv:telegram:a")
    assert second is not None and second.key == "1:2"
    assert await intake.remaining("conv:telegram:a") == 1
    assert await intake.failed(second) == 1 and await intake.failed(second) == 2
    await intake.set_aside(second, "ValueError")
    assert await intake.head("conv:telegram:a") is None
    for ticket in tickets:
        await intake.ack(ticket)
    assert await intake.depth() == {"stored": 1, "tickets": 0, "set_aside": 1}


async def test_a_lane_emptied_gets_a_new_ticket_with_its_next_update(intake: Any) -> None:
    await intake.submit([sub("2:1")])
    [ticket] = await intake.tickets(10, 0.2)
    await intake.submit([sub("2:2")])  # the lane has work already: no second ticket
    assert await intake.tickets(10, 0.05) == []
    await intake.pop(ticket.lane)
    await intake.pop(ticket.lane)
    await intake.ack(ticket)
    await intake.submit([sub("2:3")])
    assert [t.lane for t in await intake.tickets(10, 0.2)] == [ticket.lane]


async def test_a_dead_consumers_ticket_is_taken_over() -> None:
    async with redis_url() as (url, prefix):
        client = Redis.from_url(url, decode_responses=True)
        try:
            dead = RedisIntake(client, prefix, claim_idle_seconds=0.2, consumer="dead")
            alive = RedisIntake(client, prefix, claim_idle_seconds=0.2, consumer="alive")
            await dead.submit([sub("3:1")])
            [taken] = await dead.tickets(10, 0.2)  # ...and the consumer dies holding it
            assert await alive.reclaim(10) == []  # not idle long enough yet
            await asyncio.sleep(0.3)
            [again] = await alive.reclaim(10)
            assert (again.lane, again.id, again.reclaimed) == (taken.lane, taken.id, True)
        finally:
            await client.aclose()


async def test_an_unreachable_redis_refuses_at_once() -> None:
    client = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.5)
    try:
        started = time.monotonic()
        with pytest.raises(IntakeUnavailable):
            await RedisIntake(client, "nowhere").submit([sub("4:1")])
        assert not await RedisIntake(client, "nowhere").ping()
        assert time.monotonic() - started < 30
    finally:
        await client.aclose()


@pytest.fixture(params=["memory", "redis"])
async def orderings(request: pytest.FixtureRequest) -> AsyncIterator[tuple[Any, Any]]:
    """Two processes' view: two orderings sharing one store."""
    if request.param == "memory":
        shared = LocalOrdering()
        yield shared, shared
        return
    async with redis_url() as (url, prefix):
        client = Redis.from_url(url, decode_responses=True)
        one, two = (RedisOrdering(client, prefix, timeout_seconds=0.6) for _ in range(2))
        try:
            yield one, two
        finally:
            await one.close()
            await two.close()
            await client.aclose()


async def test_a_lane_is_held_by_one_at_a_time_and_re_entrantly(orderings: tuple[Any, Any]) -> None:
    one, two = orderings
    key = StateKey("telegram", "abc")
    async with one.lane("conv:telegram:abc") as held:
        assert held and one.valid("conv:telegram:abc")
        async with one.hold(key):  # the runtime inside the worker: no second lock
            pass
        other = asyncio.create_task(_try(two, "conv:telegram:abc"), context=contextvars.Context())
        assert await other is False
    assert await _try(two, "conv:telegram:abc") is True


async def test_a_waiting_hold_gets_the_conversation_when_it_is_let_go(orderings: tuple[Any, Any]) -> None:
    one, two = orderings
    key = StateKey("whatsapp", "def")
    order: list[str] = []

    async def second() -> None:
        async with two.hold(key):
            order.append("second")

    async with one.hold(key):
        waiting = asyncio.create_task(second(), context=contextvars.Context())  # another process
        await asyncio.sleep(0.05)
        order.append("first")
    await waiting
    assert order == ["first", "second"]


async def test_a_dead_holder_releases_the_conversation_after_the_timeout() -> None:
    async with redis_url() as (url, prefix):
        client = Redis.from_url(url, decode_responses=True)
        dead, alive = RedisOrdering(client, prefix, timeout_seconds=0.5), RedisOrdering(client, prefix)
        try:
            assert await dead._acquire("conv:telegram:gone") is not None  # acquired, then the process dies
            await dead.close()  # no more extensions
            assert await _try(alive, "conv:telegram:gone") is False
            await asyncio.sleep(0.6)
            assert await _try(alive, "conv:telegram:gone") is True
        finally:
            await alive.close()
            await client.aclose()


async def test_a_live_holder_keeps_its_lock_beyond_the_timeout() -> None:
    async with redis_url() as (url, prefix):
        client = Redis.from_url(url, decode_responses=True)
        one, two = RedisOrdering(client, prefix, timeout_seconds=0.3), RedisOrdering(client, prefix)
        try:
            async with one.lane("conv:telegram:slow") as held:
                assert held
                await asyncio.sleep(0.8)  # a 14 s retry_after, in small
                assert one.valid("conv:telegram:slow")
                other = asyncio.create_task(_try(two, "conv:telegram:slow"), context=contextvars.Context())
                assert await other is False
        finally:
            await one.close()
            await two.close()
            await client.aclose()


async def _try(ordering: Any, name: str) -> bool:
    async with ordering.lane(name) as held:
        return bool(held)
