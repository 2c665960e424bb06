"""The inbound limit's counter in a worker (bot/delivery/prefetch.py `ContextStates.hit`): read with the
update's head, counted with its "done" in the same script, against the real Redis. It counts as
`RedisStateStore.hit` does (a window opened by its first hit), once per update processed."""

from __future__ import annotations

from pathlib import Path

from bot.context import UpdateContext, processing
from bot.delivery.intake import Submission
from bot.delivery.prefetch import ContextStates
from bot.records import inbound_counter
from storage.base import StateKey
from tests.bot.delivery.support import redis_intake, running_app, settings
from tests.handlers.telegram.harness import Harness
from tests.support.databases import RedisTarget
from tests.support.fake_telegram import FakeTelegram

CONVERSATION = StateKey("telegram", "c1")
COUNTER = inbound_counter(CONVERSATION)
LANE = "conv:telegram:c1"


def sub(key: str) -> Submission:
    return Submission("telegram", key, LANE, '{"update_id": 1}')


async def test_the_count_is_read_with_the_head_and_written_with_done() -> None:
    async with redis_intake() as parts:
        client, intake, states = parts.client, parts.intake, parts.states
        key = f"{parts.prefix}:hit:{COUNTER.counter}"
        records = (CONVERSATION, COUNTER)
        contexts = ContextStates(states)
        await intake.submit([sub("9:1"), sub("9:2"), sub("9:3")])
        head = await intake.peek(LANE, states, records)
        assert head is not None and head.known[COUNTER] is None

        context = UpdateContext("telegram", "9:1", LANE, checked=True, known=dict(head.known))
        with processing(context):
            assert await contexts.hit(COUNTER.counter, 60) == 1
            assert await contexts.hit(COUNTER.counter, 60) == 2  # a second count in the same update sees the first
        assert await client.exists(key) == 0, "no round trip of its own: written with done"
        assert context.counted == [(COUNTER.counter, 60), (COUNTER.counter, 60)]
        following = await intake.finish(head.entry, states, records, counted=context.counted)
        assert await client.get(key) == "2"
        assert 0 < await client.ttl(key) <= 60  # the window opened by the first count
        assert following is not None and following.known[COUNTER] == "2"  # the next head reads it after

        await client.expire(key, 30)  # later counts keep the window: they do not reopen it
        context = UpdateContext("telegram", "9:2", LANE, checked=True, known=dict(following.known))
        with processing(context):
            assert await contexts.hit(COUNTER.counter, 60) == 3
        # The update fails before "done": nothing counted, and its retry counts it once.
        assert await client.get(key) == "2"
        again = await intake.peek(LANE, states, records)
        assert again is not None and again.entry.key == "9:2" and again.known[COUNTER] == "2"
        context = UpdateContext("telegram", "9:2", LANE, checked=True, known=dict(again.known))
        with processing(context):
            assert await contexts.hit(COUNTER.counter, 60) == 3
        last = await intake.finish(again.entry, states, records, counted=context.counted)
        assert await client.get(key) == "3" and 0 < await client.ttl(key) <= 30
        assert last is not None and last.known[COUNTER] == "3"

        # An update that counts nothing (a duplicate, SOS) leaves the counter as it was.
        assert await intake.finish(last.entry, states, records) is None
        assert await client.get(key) == "3"


async def test_outside_a_worker_or_without_the_counter_read_it_counts_in_the_store() -> None:
    async with redis_intake() as parts:
        client, states = parts.client, parts.states
        contexts = ContextStates(states)
        assert await contexts.hit(COUNTER.counter, 60) == 1
        context = UpdateContext("telegram", "9:9", LANE, checked=True, known={CONVERSATION: None})
        with processing(context):
            assert await contexts.hit(COUNTER.counter, 60) == 2
        assert context.counted == []
        assert await client.get(f"{parts.prefix}:hit:{COUNTER.counter}") == "2"


async def test_a_flood_through_the_redis_worker_one_notice_then_silence(
        tmp_path: Path, redis: RedisTarget, fake: FakeTelegram) -> None:
    s = settings(tmp_path, tg=fake, redis=redis, inbound_limit=3, inbound_window_seconds=60)
    async with running_app(s) as (app, client):
        tg = Harness(app, client, fake)
        user = 7_101
        for _ in range(3):
            await tg.say(user, "hello")
        answered = len(tg.texts(user))
        assert answered >= 3
        for _ in range(3):
            await tg.say(user, "hello")
        assert len([t for t in tg.texts(user) if "very fast" in t]) == 1, "one notice, not one per message"
        assert len(tg.texts(user)) == answered + 1, "the rest are read without replies"
        await tg.say(user, "SOS")
        assert "112" in tg.last_text(user), "SOS is answered"
        pipeline = app.state.application.pipeline
        assert pipeline.worker.prefetch, "the worker reads the records (and the counter) with each head"
        pseudonym = app.state.application.service.key_for("telegram", str(user))
        assert await pipeline.redis.get(f"{redis.prefix}:hit:{inbound_counter(pseudonym).counter}") == "6", (
            "six messages counted once each; SOS not counted")
