"""Send pacing shared through Redis (bot/delivery/pacing.py): two pacers with their own Redis clients stand for
two worker processes. Times are recorded when a pacer lets a message go; the tests count messages per
window (bounds generous enough for a slow machine), never how fast something ran."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.delivery.pacing import SharedPacer, pacer_for
from bot.delivery.sending import Pacer, Sender, Throttled, current_turn
from bot.delivery.turns import BACKLOG_SHARE
from bot.settings import Settings
from tests.bot.delivery.support import LaneSlot, RedisServer
from tests.support.databases import RedisTarget

RATE = 40.0  # messages a second, for the two together
GROUP = "-1001234567890"  # the operator group: a Telegram supergroup id


@asynccontextmanager
async def pacers(url: str, prefix: str, count: int = 2, **options: Any) -> AsyncIterator[list[SharedPacer]]:
    """`count` pacers of one scope, each with its own Redis client (as separate processes have)."""
    clients = [Redis.from_url(url, decode_responses=True) for _ in range(count)]
    try:
        yield [SharedPacer(client, prefix, "telegram", **options) for client in clients]
    finally:
        for client in clients:
            await client.aclose()


def most_in(times: list[float], window: float) -> int:
    """The most messages let go within any `window` seconds."""
    times = sorted(times)
    most, first = 0, 0
    for last, at in enumerate(times):
        while at - times[first] > window:
            first += 1
        most = max(most, last - first + 1)
    return most


async def send_for(pacer: SharedPacer, seconds: float, senders: int, sent: list[float], name: str) -> None:
    """`senders` conversations of one process, each sending as fast as its pacer lets it."""
    deadline = time.monotonic() + seconds

    async def conversation(n: int) -> None:
        while time.monotonic() < deadline:
            await pacer.wait(f"{name}{n}")
            sent.append(time.monotonic())

    await asyncio.gather(*(conversation(n) for n in range(senders)))


def recorded_waits(pacer: SharedPacer) -> list[float]:
    """The waits `pacer` asks for, recorded as it sleeps them."""
    waits: list[float] = []

    async def recorded(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(seconds)

    pacer.sleep = recorded
    return waits


async def backlogged(pacer: SharedPacer, name: str, sent: list[float]) -> None:
    """A process's lanes with a backlog (a flood), six conversations sending as fast as they may for 2 s."""
    current_turn.set(LaneSlot(queued=5))
    await send_for(pacer, 2.0, 6, sent, name)


async def spaced_replies(pacer: SharedPacer, count: int, every: float, prefix: str) -> list[float]:
    """Replies of chats without a backlog, one every `every` seconds, each to a chat of its own: when each went."""
    went = []
    for n in range(count):
        await asyncio.sleep(every)
        await pacer.wait(f"{prefix}{n}")
        went.append(time.monotonic())
    return went


async def test_two_processes_share_the_overall_rate(redis: RedisTarget) -> None:
    async with pacers(redis.url, redis.prefix, per_chat=0.0, global_rate=RATE) as (one, two):
        first: list[float] = []
        second: list[float] = []
        await asyncio.gather(send_for(one, 1.2, 6, first, "7"), send_for(two, 1.2, 6, second, "8"))
        both = first + second
        for window in (0.25, 0.5, 1.0):  # a slot may be used up to a lease late; a burst after a quiet spell
            assert most_in(both, window) <= RATE * (window + one.lease_seconds) + one.burst, window
        assert len(both) >= RATE * 1.2 / 2  # and the rate is used, not starved
        assert first and second
        # Slots come in batches: far fewer Redis calls than messages.
        assert one.counts["leases"] + two.counts["leases"] <= len(both) / 2
        assert one.counts["fallbacks"] == two.counts["fallbacks"] == 0


async def test_a_chat_without_a_backlog_finds_a_slot_free_beside_a_flood(redis: RedisTarget) -> None:
    """Headroom (issue 12, the flood beside normal users): two processes' lanes with a backlog send as fast
    as they may; a third process's chat without one never has to wait for a slot (its pacer is never asked
    to sleep), and the flood gets about BACKLOG_SHARE of the rate. Before (d2e381c) every slot was the
    flood's and the chat waited for the next one."""
    async with pacers(redis.url, redis.prefix, count=3, per_chat=0.0, global_rate=RATE) as (one, two, free):
        waits = recorded_waits(free)
        flood: list[float] = []

        *_, went = await asyncio.gather(backlogged(one, "7", flood), backlogged(two, "8", flood),
                                        spaced_replies(free, 5, 0.3, "500"))
        assert len(went) == 5 and waits == [], waits
        # The flood used its share, no more: BACKLOG_SHARE of the rate, a lease late at most, and a burst.
        assert most_in(flood, 1.0) <= RATE * BACKLOG_SHARE * (1.0 + one.lease_seconds) + one.burst
        assert len(flood) >= RATE * BACKLOG_SHARE * 2.0 / 2  # and it was not starved


async def test_the_operator_group_gets_20_a_minute_from_all_processes_together(redis: RedisTarget) -> None:
    async with pacers(redis.url, redis.prefix, per_chat=0.05, global_rate=RATE) as (one, two):
        sent: list[float] = []

        async def post(pacer: SharedPacer) -> None:
            await pacer.wait(GROUP)
            sent.append(time.monotonic())

        tasks = [asyncio.create_task(post(pacer)) for pacer in (one, two, one, two, one, two)]
        await asyncio.sleep(1.0)
        # A burst of 3, then one every 60/18 s: no minute holds more than 20.
        assert len(sent) == 3
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        # Private chats are not held up by the group (its next slot is 1.8 s away).
        await asyncio.wait_for(asyncio.gather(one.wait("4242"), two.wait("4343")), 1.5)


async def test_a_retry_after_seen_by_one_process_holds_the_others(redis: RedisTarget) -> None:
    async with pacers(redis.url, redis.prefix, per_chat=0.05, global_rate=RATE) as (one, two):
        await one.hold("4242", 0.4)  # Telegram's 429 for a private chat
        await one.hold(GROUP, 0.4)  # and for the operator group
        started = time.monotonic()
        order: list[tuple[str, float]] = []

        async def send(pacer: SharedPacer, chat: str) -> None:
            await pacer.wait(chat)
            order.append((chat, time.monotonic() - started))

        await asyncio.gather(send(two, "4242"), send(two, GROUP), send(two, "5151"))
        assert order[0][0] == "5151"  # a chat nobody was told about goes first
        assert all(after >= 0.3 for chat, after in order if chat != "5151"), order

        # WhatsApp's 130429 (the number's throughput), through a Sender: every chat of every process holds,
        # from its next lease (the slots it holds already are used: a lease's worth at most).
        await asyncio.sleep(two.lease_seconds + 0.05)
        refusals = [Throttled(0.4, "130429", everyone=True)]

        async def deliver(_chat: str, _item: str) -> None:
            if refusals:
                raise refusals.pop()

        async def no_wait(_seconds: float) -> None:
            return None

        told = asyncio.Event()

        class Telling:  # one's pacer, saying when the hold is written
            async def wait(self, chat: str) -> None:
                await one.wait(chat)

            async def hold(self, chat: str | None, seconds: float) -> None:
                await one.hold(chat, seconds)
                told.set()

        sending = asyncio.create_task(Sender(pacer=Telling(), sleep=no_wait).send_all(deliver, "6161", ["hello"]))
        await asyncio.wait_for(told.wait(), 2.0)
        started = time.monotonic()
        await two.wait("7171")  # its lease has run out; the next one brings the hold
        assert time.monotonic() - started >= 0.2
        report = await sending
        assert report.sent == 1 and report.retries == 1


async def test_redis_killed_paces_each_process_alone_then_shares_again(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.delivery.pacing")
    server = RedisServer()
    server.start()
    try:
        async with pacers(server.url, "pace", per_chat=0.0, global_rate=20.0) as (one, two):
            for _ in range(2):  # a lease each, then each sees the other: 2 peers
                await asyncio.gather(one.wait("1001"), two.wait("1002"))
            assert one.shared and two.shared and one.peers == two.peers == 2
            server.kill()
            sent: list[float] = []
            # Never blocked for ever, never raised: each paces alone at its share of the rate (20 / 2 peers).
            await asyncio.wait_for(asyncio.gather(send_for(one, 1.2, 4, sent, "9"), send_for(two, 1.2, 4, sent, "8")),
                                   5.0)
            assert one.counts["fallbacks"] >= 1 and two.counts["fallbacks"] >= 1
            assert len(sent) >= 5
            assert most_in(sent, 1.0) <= 20.0 * 1.0 + 2 + 2  # the rate, a first slot each, a permit in hand
            warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
            assert len(warnings) == 2  # once per process and outage
            for record in warnings:  # the scope and the error type: no chat, no id
                assert not any(c.isdigit() for c in record.getMessage())
                assert (getattr(record, "scope", None), getattr(record, "peers", None)) == ("telegram", 2)
            server.start()
            leases = one.counts["leases"], two.counts["leases"]
            for _ in range(50):  # Redis is tried again after RETRY_SECONDS
                await asyncio.gather(one.wait("5001"), two.wait("5002"))
                if one.counts["leases"] > leases[0] and two.counts["leases"] > leases[1]:
                    break
                await asyncio.sleep(0.1)
            assert one.shared and two.shared
            assert one.counts["leases"] > leases[0] and two.counts["leases"] > leases[1]
            assert sum("shared through Redis again" in r.getMessage() for r in caplog.records) == 2
    finally:
        server.close()


async def test_durable_senders_get_the_platform_limits_shared_only_with_redis() -> None:
    telegram = Pacer(per_chat=1.0, global_rate=30.0, scope="telegram")
    alone = Settings(redis_url=None)
    assert pacer_for(telegram, alone, None) is telegram  # the embedded default: this process's pacer
    assert isinstance(chosen := pacer_for(telegram, Settings(send_rate_per_second=5.0), None), Pacer)
    assert (chosen.per_chat, chosen.global_rate) == (1.0, 5.0)
    client = Redis.from_url("redis://127.0.0.1:6379/0")  # not connected: nothing is sent here
    try:
        shared = pacer_for(telegram, Settings(redis_url="redis://127.0.0.1:6379/0"), client)
        assert isinstance(shared, SharedPacer)
        assert (shared.scope, shared.per_chat, shared.global_rate, shared.enabled) == ("telegram", 1.0, 30.0, True)
        off = pacer_for(telegram, Settings(send_chat_interval_seconds=0, send_rate_per_second=0), client)
        assert isinstance(off, SharedPacer) and not off.enabled  # the benchmark: no pacing, no Redis call
    finally:
        await client.aclose()


async def test_a_local_pacer_spreads_a_hold_to_other_chats_only_when_pacing() -> None:
    now = [100.0]
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    pacer = Pacer(per_chat=0.0, global_rate=10.0, clock=lambda: now[0], sleep=sleep)
    await pacer.hold(None, 2.0)  # the whole account
    await pacer.wait("a")
    assert waits == [2.0]
    off = Pacer(per_chat=0.0, global_rate=0.0, clock=lambda: now[0], sleep=sleep)
    await off.hold(None, 2.0)
    await off.wait("a")
    assert waits == [2.0]  # pacing off: only the throttled sender's own wait


async def test_replies_arriving_together_beside_a_flood_find_slots_free(redis: RedisTarget) -> None:
    """Headroom for a few at once (issue 12): chats with a backlog leave HEADROOM_SLOTS (2) of the rate free, so two
    or three replies of chats without one that come within one slot's interval all go at once. Before (23e25c9)
    the flood kept the schedule at now and the second of two such replies waited for the next slot (bench.flood
    with two workers: 9-24 ms in the slot wait for most normal replies 1-4 s into the flood)."""
    async with pacers(redis.url, redis.prefix, count=3, per_chat=0.0, global_rate=RATE) as (one, two, free):
        waits = recorded_waits(free)
        flood: list[float] = []
        went: list[float] = []

        async def reply(chat: str) -> None:
            await free.wait(chat)
            went.append(time.monotonic())

        async def children() -> None:
            for n in range(4):
                await asyncio.sleep(0.4)
                await asyncio.gather(*(reply(f"50{n}{k}") for k in range(3)))

        await asyncio.gather(backlogged(one, "7", flood), backlogged(two, "8", flood), children())
        assert len(went) == 4 * 3
        assert waits == [], waits  # none of them was ever asked to wait for a slot
        assert len(flood) >= RATE * BACKLOG_SHARE * 2.0 / 2  # and the flood was not starved


@dataclass
class FillingLane(LaneSlot):
    """A lane whose head was read with one update queued and which has `now` queued by the time it sends: a
    flood's new conversation, its account's other messages stored while its first was processed."""

    now: int = 20

    async def recount(self) -> None:
        self.queued = self.now


async def test_a_floods_first_replies_count_as_a_backlog_when_they_go(redis: RedisTarget) -> None:
    """A lane's updates queued are read again before its message takes a turn of the rate (issue 12). A flood's
    new conversations read their heads with one update queued; by their first replies they have twenty. Before
    (0c62007) those replies counted as chats without a backlog, leased the slots kept for children, and a
    child's reply in another process waited behind them (bench.flood: 0.2-1.3 s in some runs)."""
    async with pacers(redis.url, redis.prefix, count=3, per_chat=0.0, global_rate=RATE) as (one, two, free):
        waits = recorded_waits(free)
        flood: list[float] = []

        async def new_conversations(pacer: SharedPacer, name: str) -> None:
            current_turn.set(FillingLane(queued=1))
            await send_for(pacer, 2.0, 6, flood, name)

        *_, went = await asyncio.gather(new_conversations(one, "7"), new_conversations(two, "8"),
                                        spaced_replies(free, 6, 0.3, "500"))
        assert len(went) == 6 and waits == [], waits
        assert most_in(flood, 1.0) <= RATE * BACKLOG_SHARE * (1.0 + one.lease_seconds) + one.burst  # a backlog's share
        assert len(flood) >= RATE * BACKLOG_SHARE * 2.0 / 2


async def test_a_reply_does_not_wait_behind_slots_another_process_leased_for_nothing(redis: RedisTarget) -> None:
    """Leases for chats without a backlog ask for the messages waiting, not for what the process used lately
    (issue 12). Beside a flood (which keeps the shared schedule at the headroom), two processes' normal users
    reply one message at a time; a reply in a third process never has to wait for a slot. Before (7bafc76)
    each leased up to 8 slots at a time for its one message, the schedule passed now, and the reply waited
    behind slots that then went unused: here 4 of 20 replies waited 8-76 ms, in every run (bench.flood with
    two workers: 30-70 ms in the slot wait, 1-4 s into the flood), and the flood got a third fewer slots."""
    async with pacers(redis.url, redis.prefix, count=4, per_chat=0.0, global_rate=RATE) as pacing:
        flooded, *busy, other = pacing
        waits = recorded_waits(other)
        flood: list[float] = []
        sent: list[float] = []

        async def steady(pacer: SharedPacer, name: str) -> None:  # one message at a time, a quarter of the rate
            deadline = time.monotonic() + 2.0
            n = 0
            while time.monotonic() < deadline:
                await pacer.wait(f"{name}{n % 7}")
                sent.append(time.monotonic())
                n += 1
                await asyncio.sleep(4 / RATE)

        *_, went = await asyncio.gather(backlogged(flooded, "8", flood), steady(busy[0], "5"), steady(busy[1], "6"),
                                        spaced_replies(other, 20, 0.09, "70"))
        assert len(went) == 20
        assert waits == [], waits  # never asked to wait for a slot
        assert len(sent) >= RATE * 2.0 / 2 / 2  # the busy processes sent what they had
        assert len(flood) >= RATE * BACKLOG_SHARE * 2.0 / 4  # and the flood was not starved
