""""Delete my data" reaches the copies outside the database: the case's topic in the operators'
Telegram group (its card and the relayed messages) and the updates of the conversation set aside in
Redis. End to end over real HTTP; "servers" runs on the real PostgreSQL and Redis."""

from __future__ import annotations

import json

import pytest

from bot.context import conversation_lane
from bot.delivery.intake import Submission
from bot.delivery.intake_redis import RedisIntake
from tests.handlers.operators.conftest import HotlineFactory
from tests.handlers.operators.harness import AIGERIM, GROUP, Hotline

CHILD = "77011112233"
OTHER = "77017778899"
CRISIS = "я сейчас прыгну с крыши"
WORDS = "мой номер 87011234567, я в школе №5"


async def delete_my_data(hotline: Hotline, wa_id: str) -> None:
    await hotline.child_says(wa_id, "меню")
    for tap in ("menu|privacy", "privacy|delete", "privacy_delete|yes"):
        await hotline.child_taps(wa_id, tap)


async def set_aside_one(intake: RedisIntake, lane: str, payload: str) -> None:
    """An update of this conversation that kept failing, as the worker sets it aside."""
    await intake.submit([Submission("whatsapp", f"wamid.ASIDE-{lane[-6:]}", lane, payload)])
    head = await intake.head(lane)
    assert head is not None
    await intake.set_aside(head, "ValueError")


@pytest.mark.parametrize("backend", ["embedded", "servers"])
async def test_deleting_my_data_deletes_the_case_topic_in_the_operator_group(
        make_hotline: HotlineFactory, backend: str) -> None:
    async with make_hotline(backend) as hotline:
        await hotline.child_says(OTHER, "он угрожает меня убить")
        await hotline.child_says(CHILD, CRISIS)
        other, mine = list(hotline.tg.topics)
        await hotline.operator_presses(AIGERIM, hotline.buttons(mine)["✋ Взять"], mine)
        await hotline.child_says(CHILD, WORDS)
        assert any("87011234567" in text for text in hotline.topic_texts(mine))  # relayed, in the group
        await hotline.operator_presses(AIGERIM, hotline.buttons(mine)["↩️ Вернуть боту"], mine)

        await delete_my_data(hotline, CHILD)

        assert mine in hotline.tg.deleted_topics and mine not in hotline.tg.topics
        assert other in hotline.tg.topics  # someone else's case stays
        assert hotline.topic_texts(None)[-1].startswith("🗑")  # the General topic says why it went
        assert "87011234567" not in hotline.topic_texts(None)[-1]


async def test_when_the_bot_may_not_delete_the_topic_it_is_closed_and_the_group_is_told(
        make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        await hotline.child_says(CHILD, CRISIS)
        [mine] = list(hotline.tg.topics)
        hotline.tg.fail("deleteForumTopic", {"ok": False, "error_code": 400,
                                             "description": "Bad Request: not enough rights to delete"}, times=None)
        await delete_my_data(hotline, CHILD)
        assert hotline.tg.of("closeForumTopic", GROUP)[0]["message_thread_id"] == mine
        warning = hotline.topic_texts(None)[-1]
        assert warning.startswith("⚠️") and f"https://t.me/c/1234567489/{mine}" in warning


async def test_deleting_my_data_erases_my_updates_set_aside_and_only_mine(make_hotline: HotlineFactory) -> None:
    async with make_hotline("servers") as hotline:
        assert hotline.application.pipeline is not None
        intake = hotline.application.pipeline.intake
        assert isinstance(intake, RedisIntake)
        service = hotline.application.service
        mine = conversation_lane(service.key_for("whatsapp", CHILD))
        theirs = conversation_lane(service.key_for("whatsapp", OTHER))
        await set_aside_one(intake, mine, json.dumps({"from": CHILD, "text": WORDS}, ensure_ascii=False))
        await set_aside_one(intake, theirs, json.dumps({"from": OTHER, "text": "hello"}))
        assert len(await intake.set_aside_records()) == 2

        await hotline.child_says(CHILD, "привет")
        await delete_my_data(hotline, CHILD)

        left = await intake.set_aside_records()
        assert [json.loads(record)["l"] for record in left] == [theirs]
        assert "87011234567" not in json.dumps(await intake.redis.lrange(intake.aside_key, 0, -1))
