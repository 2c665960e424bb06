"""Updates set aside after repeated failures: `python -m bot set-aside list|replay|drop`, against the
real Redis. A replayed update goes to the END of its lane (behind what the lane holds), with a ticket
when the lane was empty, its attempts forgotten and its mark "queued" again (a saved reply is kept);
it is removed from the set-aside list in the same script, so it is never lost nor replayed twice."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis

from bot import logs
from bot.cli import main
from bot.delivery.intake import Entry, Submission
from bot.delivery.intake_redis import RedisIntake
from handlers.telegram.polling import run_polling
from handlers.telegram.route import TelegramRoute
from tests.bot.delivery.support import idle, post_telegram, redis_intake, running_app, settings, until
from tests.handlers.telegram.harness import Harness as TgHarness
from tests.support.databases import RedisTarget, redis_url
from tests.support.fake_telegram import FakeTelegram

LANE = "conv:telegram:pseudonym0001"


@pytest.fixture
async def intake() -> AsyncIterator[RedisIntake]:
    async with redis_intake() as parts:
        yield parts.intake


def sub(key: str, lane: str = LANE, payload: str = "{}", polled: bool = False) -> Submission:
    return Submission("telegram", key, lane, payload, polled)


async def lane_keys(intake: RedisIntake, lane: str) -> list[str]:
    return [json.loads(raw)["k"] for raw in await intake.redis.lrange(f"{intake.prefix}:in:lane:{lane}", 0, -1)]


async def set_aside_head(intake: RedisIntake, lane: str = LANE) -> Entry:
    head = await intake.head(lane)
    assert head is not None
    await intake.failed(head)
    await intake.set_aside(head, "ValueError")
    return head


async def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], redis: RedisTarget,
              *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("REDIS_URL", redis.url)
    monkeypatch.setenv("REDIS_PREFIX", redis.prefix)
    monkeypatch.setattr(logs, "configure", lambda *args: None)  # keep the test's logging (capsys swaps streams)
    capsys.readouterr()
    code = await asyncio.to_thread(main, ["set-aside", *args])
    found = capsys.readouterr()
    return code, found.out, found.err


# -- the intake's side ------------------------------------------------------------------------------
async def test_a_replay_goes_behind_the_work_its_lane_holds_and_forgets_its_attempts(intake: RedisIntake) -> None:
    assert await intake.submit([sub("1:1"), sub("1:2"), sub("1:3")]) == [True, True, True]
    [ticket] = await intake.tickets(10, 0.2)
    first = await set_aside_head(intake)
    [record] = await intake.set_aside_records()
    assert await intake.replay(record)
    # Behind the work waiting (a worker may hold the lane: only its tail is free), no second ticket.
    assert await lane_keys(intake, LANE) == ["1:2", "1:3", "1:1"]
    assert await intake.tickets(10, 0.05) == []
    assert await intake.redis.get(f"{intake.prefix}:mark:{first.token}") == "queued"
    assert not await intake.redis.exists(f"{intake.prefix}:in:tries:{first.token}")
    assert await intake.depth() == {"stored": 3, "tickets": 1, "set_aside": 0}
    assert not await intake.replay(record)  # replayed already: nothing twice
    assert await lane_keys(intake, LANE) == ["1:2", "1:3", "1:1"]
    await intake.ack(ticket)


async def test_set_aside_records_expire_and_the_list_itself_has_an_expiry(intake: RedisIntake) -> None:
    await intake.submit([sub("7:1", payload='{"text": "my number is 87011234567"}')])
    await set_aside_head(intake)
    ttl = await intake.redis.ttl(intake.aside_key)
    assert 0 < ttl <= intake.aside_ttl_seconds  # nothing stays forever, even if nobody runs purge
    assert await intake.prune_set_aside() == 0  # younger than the retention: kept
    assert len(await intake.set_aside_records()) == 1
    later = time.time() + intake.aside_ttl_seconds + 1
    assert await intake.prune_set_aside(now=later) == 1
    assert await intake.set_aside_records() == []
    assert await intake.depth() == {"stored": 0, "tickets": 1, "set_aside": 0}


async def test_forgetting_a_lane_erases_its_records_and_no_other(intake: RedisIntake) -> None:
    other = "conv:whatsapp:pseudonym0002"
    await intake.submit([sub("8:1"), sub("8:2", lane=other), sub("8:3")])
    await set_aside_head(intake)
    await set_aside_head(intake, other)
    await set_aside_head(intake)
    assert await intake.forget_lane(LANE) == 2
    assert [json.loads(r)["l"] for r in await intake.set_aside_records()] == [other]


async def test_purge_deletes_set_aside_records_past_their_retention(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    async with redis_url() as target:
        redis = Redis.from_url(target.url, decode_responses=True)
        intake = RedisIntake(redis, target.prefix)
        await intake.submit([sub("9:1"), sub("9:2")])
        await set_aside_head(intake)
        await set_aside_head(intake)
        old, fresh = await intake.set_aside_records()
        aged = json.dumps({**json.loads(old), "at": time.time() - 3 * 3600}, separators=(",", ":"))
        await redis.lset(intake.aside_key, 0, aged)  # set aside three hours ago
        monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/p.db")
        monkeypatch.setenv("SET_ASIDE_RETENTION_HOURS", "2")
        monkeypatch.setenv("REDIS_URL", target.url)
        monkeypatch.setenv("REDIS_PREFIX", target.prefix)
        monkeypatch.setattr(logs, "configure", lambda *args: None)
        assert await asyncio.to_thread(main, ["purge"]) == 0
        assert "1 update(s) set aside longer than 2 hours" in capsys.readouterr().out
        assert await intake._aside() == [fresh]
        await redis.aclose()


async def test_a_replay_into_an_empty_lane_brings_a_ticket_and_resets_the_mark(intake: RedisIntake) -> None:
    await intake.submit([sub("2:1", polled=True)])
    [ticket] = await intake.tickets(10, 0.2)
    entry = await set_aside_head(intake)
    await intake.ack(ticket)
    await intake.redis.set(f"{intake.prefix}:mark:{entry.token}", "done")
    [record] = await intake.set_aside_records()
    assert await intake.replay(record)
    assert [t.lane for t in await intake.tickets(10, 0.2)] == [LANE]
    head = await intake.head(LANE)
    assert head is not None and head.key == "2:1" and head.polled  # still known as polled
    assert head.accepted_at >= entry.accepted_at
    assert await intake.redis.get(f"{intake.prefix}:mark:{entry.token}") == "queued"


async def test_a_replay_keeps_a_saved_reply_so_the_state_does_not_take_the_update_twice(
        intake: RedisIntake) -> None:
    await intake.submit([sub("3:1")])
    entry = await set_aside_head(intake)
    mark = f"{intake.prefix}:mark:{entry.token}"
    await intake.redis.set(mark, 'reply:{"lang":"en","actions":[]}')
    [record] = await intake.set_aside_records()
    assert await intake.replay(record)
    assert await intake.redis.get(mark) == 'reply:{"lang":"en","actions":[]}'  # the worker sends it


async def test_drop_removes_the_record_and_nothing_else(intake: RedisIntake) -> None:
    await intake.submit([sub("4:1"), sub("4:2")])
    entry = await set_aside_head(intake)
    [record] = await intake.set_aside_records()
    assert await intake.drop(record)
    assert await intake.set_aside_records() == []
    assert not await intake.drop(record)
    assert await lane_keys(intake, LANE) == ["4:2"]
    assert await intake.redis.get(f"{intake.prefix}:mark:{entry.token}") == "queued"  # a late retry: a duplicate


# -- the command line -------------------------------------------------------------------------------
async def test_list_shows_no_content_and_drop_asks_for_yes(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    secrets = ["My stepfather hits me", "77011234567", "wamid.HBgLNzcwMTEyMzQ1NjcVAgASGBQzQTg", "554433",
               "pseudonymABCDEF", "99887766"]
    async with redis_url() as target:
        client = Redis.from_url(target.url, decode_responses=True)
        try:
            intake = RedisIntake(client, target.prefix)
            wa_payload = json.dumps({"entry": [{"changes": [{"value": {"messages": [{
                "from": "77011234567", "id": "wamid.HBgLNzcwMTEyMzQ1NjcVAgASGBQzQTg",
                "text": {"body": "My stepfather hits me"}}]}}]}]})
            tg_payload = json.dumps({"update_id": 554433, "message": {"chat": {"id": 99887766, "type": "private"},
                                                                      "text": "My stepfather hits me"}})
            await intake.submit([Submission("whatsapp", "1:wamid.HBgLNzcwMTEyMzQ1NjcVAgASGBQzQTg",
                                            "conv:whatsapp:pseudonymABCDEF", wa_payload),
                                 Submission("telegram", "123:554433", "conv:telegram:pseudonymABCDEF", tg_payload),
                                 Submission("whatsapp", "1:wamid.x:read", "status:whatsapp:pseudonymABCDEF", "{}")])
            for lane in ("conv:whatsapp:pseudonymABCDEF", "conv:telegram:pseudonymABCDEF",
                         "status:whatsapp:pseudonymABCDEF"):
                await set_aside_head(intake, lane)

            code, out, err = await cli(monkeypatch, capsys, target, "list")
            assert code == 0 and err == ""
            lines = out.splitlines()
            assert lines[0].startswith("3 update(s) set aside")
            assert [line.split()[1] for line in lines[1:]] == ["whatsapp", "telegram", "whatsapp"]
            assert [line.split()[5] for line in lines[1:]] == ["conv", "conv", "status"]
            assert all("ValueError" in line for line in lines[1:])
            for secret in secrets:
                assert secret not in out, secret

            code, out, err = await cli(monkeypatch, capsys, target, "drop", "2")
            assert code == 2 and "--yes" in err and len(await intake.set_aside_records()) == 3
            assert not any(secret in out + err for secret in secrets)
            code, out, _ = await cli(monkeypatch, capsys, target, "drop", "2", "--yes")
            assert code == 0 and "Dropped 1" in out
            assert [json.loads(r)["p"] for r in await intake.set_aside_records()] == ["whatsapp", "whatsapp"]
            code, _, err = await cli(monkeypatch, capsys, target, "replay", "7")
            assert code == 2 and "no #7" in err
            code, out, _ = await cli(monkeypatch, capsys, target, "drop", "--all", "--yes")
            assert code == 0 and "Dropped 2" in out and await intake.set_aside_records() == []
            code, out, _ = await cli(monkeypatch, capsys, target, "list")
            assert code == 0 and out.strip() == "Nothing is set aside."
        finally:
            await client.aclose()


async def test_an_unreadable_record_is_listed_and_can_only_be_dropped(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    async with redis_url() as target:
        client = Redis.from_url(target.url, decode_responses=True)
        try:
            await client.rpush(f"{target.prefix}:in:aside", "not json: a secret text")
            code, out, _ = await cli(monkeypatch, capsys, target, "list")
            assert code == 0 and "unreadable record" in out and "secret" not in out
            code, _, err = await cli(monkeypatch, capsys, target, "replay", "1")
            assert code == 1 and "drop it" in err
            code, out, _ = await cli(monkeypatch, capsys, target, "drop", "1", "--yes")
            assert code == 0 and await client.llen(f"{target.prefix}:in:aside") == 0
        finally:
            await client.aclose()


def test_without_redis_the_command_says_why_and_exits_2(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert main(["set-aside", "list"]) == 2
    assert "Set REDIS_URL" in capsys.readouterr().err


# -- end to end: a worker sets an update aside, a person replays it ----------------------------------
def break_route(app: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Every Telegram update fails (a bug) while `broken["on"]`."""
    route = app.state.application.pipeline.routes["telegram"]
    assert isinstance(route, TelegramRoute)
    original = route.process
    broken = {"on": True}

    async def process(entry: Entry) -> None:
        if broken["on"]:
            raise ValueError("a bug")
        await original(entry)

    monkeypatch.setattr(route, "process", process)
    return broken


async def set_aside_count(app: Any) -> int:
    return int((await app.state.application.pipeline.queue.depth())["set_aside"])


async def anything_set_aside(app: Any) -> bool:
    return await set_aside_count(app) > 0


async def test_an_update_set_aside_then_replayed_is_processed_and_answered_once(
        tmp: Path, database: str, redis: RedisTarget, fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    s = settings(tmp, tg=fake, database_url=database, redis=redis, update_max_attempts=2, claim_idle_seconds=0.2)
    async with running_app(s) as (app, client):
        tg = TgHarness(app, client, fake)
        broken = break_route(app, monkeypatch)
        update = tg.message(95_001, "/start")
        assert await post_telegram(client, update) == 200
        await until(lambda: anything_set_aside(app), 15, "the update set aside")
        assert fake.of("sendMessage", 95_001) == []

        code, out, _ = await cli(monkeypatch, capsys, redis, "list")
        assert code == 0 and "telegram" in out and " conv " in out and "ValueError" in out
        [record] = await app.state.application.pipeline.queue.set_aside_records()
        for secret in ("/start", "95001", json.loads(record)["l"].split(":")[-1], str(update["update_id"])):
            assert secret not in out, secret

        broken["on"] = False  # the bug is fixed
        assert await post_telegram(client, tg.message(95_002, "/start")) == 200  # for comparison
        code, out, _ = await cli(monkeypatch, capsys, redis, "replay", "1")
        assert code == 0 and "Replayed 1" in out
        await until(lambda: bool(fake.of("sendMessage", 95_001)), 15, "the replayed update's reply")
        await idle(app)
        assert fake.texts(95_001) == fake.texts(95_002) != []  # answered once, as a fresh /start
        assert await set_aside_count(app) == 0
        assert await post_telegram(client, update) == 200  # Telegram sends it again: a duplicate
        code, _, err = await cli(monkeypatch, capsys, redis, "replay", "1")
        assert code == 2 and "no #1" in err  # nothing left to replay
        await idle(app)
        assert fake.texts(95_001) == fake.texts(95_002)
        metrics = app.state.application.pipeline.metrics
        assert metrics.value("helpline_updates_set_aside_total", platform="telegram") == 1


async def test_a_polled_press_set_aside_and_replayed_is_answered_once_by_the_worker(
        tmp: Path, database: str, redis: RedisTarget, fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    s = settings(tmp, tg=fake, database_url=database, redis=redis, update_max_attempts=2, claim_idle_seconds=0.2)
    async with running_app(s) as (app, client):
        tg = TgHarness(app, client, fake)
        assert await post_telegram(client, tg.message(95_101, "/start")) == 200
        await until(lambda: bool(fake.of("sendMessage", 95_101)), 15, "the menu")
        await idle(app)
        message_id, data = tg.button(95_101, "child")
        press = tg.callback(95_101, data, message_id)
        broken = break_route(app, monkeypatch)
        stop = asyncio.Event()
        fake.push_update(press)
        polling = asyncio.create_task(run_polling(tg.channel, app.state.application.pipeline, poll_timeout=1,
                                                  stop=stop, register_commands=False))
        await until(lambda: anything_set_aside(app), 15, "the press set aside")
        stop.set()
        await asyncio.wait_for(polling, 5)
        assert fake.of("answerCallbackQuery") == []
        broken["on"] = False
        code, _, _ = await cli(monkeypatch, capsys, redis, "replay", "--all")
        assert code == 0
        await until(lambda: bool(fake.of("answerCallbackQuery")), 15, "the press answered")
        await idle(app)
        # No webhook response answered it: the worker does, once.
        assert [a["callback_query_id"] for a in fake.of("answerCallbackQuery")] == [press["callback_query"]["id"]]
        assert fake.of("editMessageReplyMarkup", 95_101) == [{"chat_id": 95_101, "message_id": message_id}]


async def test_an_update_set_aside_last_in_its_lane_leaves_no_lock_behind(
        tmp: Path, database: str, redis: RedisTarget, fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch) -> None:
    # A lock lasting 30 s: one left behind would hold the child's next message for that long.
    s = settings(tmp, tg=fake, database_url=database, redis=redis, update_max_attempts=2, claim_idle_seconds=0.2)
    s = s.model_copy(update={"lock_timeout_seconds": 30.0})
    async with running_app(s) as (app, client):
        tg = TgHarness(app, client, fake)
        broken = break_route(app, monkeypatch)
        assert await post_telegram(client, tg.message(95_201, "/start")) == 200
        await until(lambda: anything_set_aside(app), 15, "the update set aside")
        await idle(app)
        probe = Redis.from_url(redis.url, decode_responses=True)
        try:
            assert await probe.keys(f"{redis.prefix}:lock:*") == []  # the lane was let go
            assert (await probe.xpending(f"{redis.prefix}:in:stream", "workers"))["pending"] == 0
        finally:
            await probe.aclose()
        broken["on"] = False
        assert await post_telegram(client, tg.message(95_201, "/start")) == 200
        await until(lambda: bool(fake.of("sendMessage", 95_201)), 5, "the next message answered at once")
