"""The intake and ordering contracts, over the in-memory implementations and real Redis alike."""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.delivery.intake import BUSY, Head, IntakeUnavailable, LaneRelease, MemoryIntake, Submission
from bot.delivery.intake_redis import RedisIntake
from bot.delivery.ordering import LocalOrdering, RedisOrdering
from storage.base import StateKey
from storage.memory import MemoryStateStore
from storage.redis_state import RedisStateStore
from tests.bot.delivery.support import free_port, redis_intake
from tests.support.databases import redis_url


def sub(key: str, lane: str = "conv:telegram:a", payload: str = "{}") -> Submission:
    return Submission("telegram", key, lane, payload)


@pytest.fixture(params=["memory", "redis"])
async def intake(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    if request.param == "memory":
        yield MemoryIntake()
        return
    async with redis_intake() as parts:
        yield parts.intake


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


async def test_lanes_put_back_with_work_left_come_after_new_lanes_and_only_as_many_as_asked(intake: Any) -> None:
    """A flood's lanes are put back again and again (their fair share used): a child's new lane must not
    wait in line behind them, and a worker holds only so many of them (bot/delivery/worker.py)."""
    flood = [f"conv:telegram:f{n}" for n in range(3)]
    await intake.submit([sub(f"9:{lane}:{i}", lane=lane) for lane in flood for i in range(2)])
    first = await intake.tickets(10, 0.2)
    assert [t.lane for t in first] == flood and not any(t.backlog for t in first)
    for ticket in first:  # each used its fair share with work left: put back behind the others
        assert await intake.let_go(ticket, None, requeue=True) == 2
    await intake.submit([sub("9:child", lane="conv:telegram:child")])  # comes after all three were put back
    found = await intake.tickets(10, 0.2, backlog=1)
    assert [(t.lane, t.backlog) for t in found] == [("conv:telegram:child", False), (flood[0], True)]
    assert await intake.tickets(10, 0.05, backlog=0) == []  # no room for a backlog's lanes: none given
    rest = await intake.tickets(10, 0.2)
    assert [(t.lane, t.backlog) for t in rest] == [(flood[1], True), (flood[2], True)]
    for ticket in [*found, *rest]:
        await intake.ack(ticket)
    assert (await intake.depth())["tickets"] == 0


async def test_a_read_never_brings_more_tickets_than_asked_new_lanes_first(intake: Any) -> None:
    flood = [f"conv:telegram:f{n}" for n in range(2)]
    await intake.submit([sub(f"8:{lane}:{i}", lane=lane) for lane in flood for i in range(2)])
    for ticket in await intake.tickets(10, 0.2):
        await intake.let_go(ticket, None, requeue=True)  # both put back: two backlog tickets
    await intake.submit([sub(f"8:new{n}", lane=f"conv:telegram:n{n}") for n in range(3)])
    assert [t.lane for t in await intake.tickets(2, 0.2)] == ["conv:telegram:n0", "conv:telegram:n1"]
    assert [(t.lane, t.backlog) for t in await intake.tickets(2, 0.2)] == [("conv:telegram:n2", False),
                                                                           (flood[0], True)]
    assert [(t.lane, t.backlog) for t in await intake.tickets(2, 0.2)] == [(flood[1], True)]


async def test_a_worker_reads_again_once_redis_has_lost_its_streams_and_they_are_back() -> None:
    """Redis restarted without its data: no group to read from. The read finds nothing, no error, and the
    next one makes the group again."""
    async with redis_intake() as parts:
        await parts.intake.submit([sub("7:1")])
        assert len(await parts.intake.tickets(10, 0.2)) == 1
        await parts.client.delete(parts.intake.stream, parts.intake.backlog_stream)
        assert await parts.intake.tickets(10, 0.05) == []
        await parts.intake.submit([sub("7:2", lane="conv:telegram:b")])
        assert [t.lane for t in await parts.intake.tickets(10, 0.2)] == ["conv:telegram:b"]


async def test_a_backlog_ticket_waited_for_is_given_and_a_dead_consumers_is_taken_over() -> None:
    async with redis_url() as (url, prefix):
        client = Redis.from_url(url, decode_responses=True)
        try:
            dead = RedisIntake(client, prefix, claim_idle_seconds=0.2, consumer="dead")
            alive = RedisIntake(client, prefix, claim_idle_seconds=0.2, consumer="alive")
            await dead.submit([sub("10:1"), sub("10:2")])
            [taken] = await dead.tickets(10, 0.2)
            waiting = asyncio.create_task(dead.tickets(10, 2.0))  # blocks on both kinds of ticket
            await asyncio.sleep(0.1)
            assert await dead.let_go(taken, None, requeue=True) == 2
            [behind] = await waiting  # ...and the consumer dies holding it
            assert behind.backlog and behind.lane == taken.lane
            await asyncio.sleep(0.3)
            assert await alive.reclaim(10, backlog=0) == []
            [again] = await alive.reclaim(10)
            assert (again.lane, again.id, again.reclaimed, again.backlog) == (taken.lane, behind.id, True, True)
            await alive.ack(again)
            assert await alive.depth() == {"stored": 2, "tickets": 0, "set_aside": 0}
        finally:
            await client.aclose()


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


async def test_finishing_an_update_marks_it_done_and_hands_over_the_next_with_its_records(intake: Any) -> None:
    conversation = StateKey("telegram", "a")
    flag = StateKey("telegram-reach", "a")
    if isinstance(intake, RedisIntake):
        kwargs = intake.redis.connection_pool.connection_kwargs
        states: Any = RedisStateStore(f"redis://{kwargs['host']}:{kwargs['port']}/{kwargs.get('db', 0)}",
                                      prefix=intake.prefix)
    else:
        states = MemoryStateStore()
    try:
        await states.save(conversation, {"step": "menu"})
        await intake.submit([sub("5:1"), sub("5:2")])
        head = await intake.peek("conv:telegram:a", states, (conversation, flag))
        assert head is not None and head.entry.key == "5:1" and head.mark in (None, "queued")
        if isinstance(intake, RedisIntake):  # read in the same script as the head
            assert head.known == {conversation: '{"step": "menu"}', flag: None} and head.sent == set()
        await states.record_sent(head.entry.token, ["abc:0"], 60)
        following = await intake.finish(head.entry, states, (conversation, flag))
        assert following is not None and following.entry.key == "5:2"
        assert await states.marks([head.entry.token]) == ["done"]
        if isinstance(intake, RedisIntake):  # "done" supersedes the update's sent records: dropped with it
            assert await states.sent(head.entry.token) == set()
        assert await intake.finish(following.entry, states) is None
        assert (await intake.depth())["stored"] == 0
    finally:
        await states.close()


async def test_the_last_finish_of_a_lane_lets_it_go_and_acknowledges_its_ticket() -> None:
    async with redis_intake() as parts:
        client, intake, states = parts.client, parts.intake, parts.states
        ordering = RedisOrdering(client, parts.prefix, timeout_seconds=5)
        try:
            await intake.submit([sub("6:1")])
            (ticket,) = await intake.tickets(10, 0.2)
            async with ordering.lane(ticket.lane) as held:
                assert held
                lock = ordering.lock_of(ticket.lane)
                assert lock is not None and await client.get(lock[0]) == lock[1]
                head = await intake.peek(ticket.lane, states)
                assert head is not None
                release = LaneRelease(lock[0], lock[1], ticket.id)
                assert await intake.finish(head.entry, states, release=release) is None
                ordering.released(ticket.lane)
                assert await client.exists(lock[0]) == 0  # let go in the same write
            assert await client.xpending(intake.stream, "workers") == {
                "pending": 0, "min": None, "max": None, "consumers": []}
            assert await intake.depth() == {"stored": 0, "tickets": 0, "set_aside": 0}
            await intake.submit([sub("6:2")])  # the next update of the lane brings a new ticket
            assert [t.lane for t in await intake.tickets(10, 0.2)] == ["conv:telegram:a"]
        finally:
            await ordering.close()


async def test_finish_keeps_a_lane_that_someone_else_holds_now() -> None:
    async with redis_intake() as parts:
        client, intake, states = parts.client, parts.intake, parts.states
        await intake.submit([sub("7:1")])
        (ticket,) = await intake.tickets(10, 0.2)
        lock_key = f"{parts.prefix}:lock:{ticket.lane}"
        await client.set(lock_key, "someone-else")  # our lock expired and another worker took the lane
        head = await intake.peek(ticket.lane, states)
        assert head is not None
        assert await intake.finish(head.entry, states, release=LaneRelease(lock_key, "mine", ticket.id)) is None
        assert await client.get(lock_key) == "someone-else"


async def test_taking_a_lane_sets_its_lock_and_reads_its_head_unless_someone_holds_it() -> None:
    async with redis_intake() as parts:
        client, intake, states = parts.client, parts.intake, parts.states
        lock = f"{parts.prefix}:lock:conv:telegram:a"
        assert await intake.take("conv:telegram:a", (lock, "t1", 5000), states) is None  # held, nothing in it
        assert await client.get(lock) == "t1"
        await intake.submit([sub("8:1")])
        assert await intake.take("conv:telegram:a", (lock, "t2", 5000), states) is BUSY
        assert await client.get(lock) == "t1"  # the holder keeps it
        await client.delete(lock)
        head = await intake.take("conv:telegram:a", (lock, "t3", 5000), states)
        assert isinstance(head, Head) and head.entry.key == "8:1" and await client.get(lock) == "t3"
        assert 0 < await client.pttl(lock) <= 5000
