"""A shift in the operator group, end to end over real HTTP: WhatsApp child, Telegram operators."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from handlers.operators.group_parse import decode_choice
from tests.handlers.operators.conftest import HotlineFactory
from tests.handlers.operators.harness import AIGERIM, DANIYAR, GROUP, MALLORY, Hotline

CHILD = "77011112233"
OTHER_CHILD = "77017778899"
CRISIS = "я сейчас прыгну с крыши"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def topic_of(hotline: Hotline, name_part: str) -> int:
    found = [thread for thread, name in hotline.tg.topics.items() if name_part in name]
    assert len(found) == 1, hotline.tg.topics
    return found[0]


@pytest.mark.parametrize("backend", ["embedded", "servers"])
async def test_a_whole_case_from_crisis_to_did_this_help(make_hotline: HotlineFactory, backend: str) -> None:
    async with make_hotline(backend) as hotline:
        await hotline.child_says(OTHER_CHILD, "он угрожает меня убить")  # high, and first in time
        await hotline.child_says(CHILD, CRISIS)

        # The child is helped at once and told a person will answer.
        got = hotline.child_got(CHILD)
        assert any("112" in text for text in got)
        # The case is in the group, in its own topic, at the top priority.
        creates = hotline.tg.of("createForumTopic")
        assert len(creates) == 2
        critical = topic_of(hotline, "критический")
        assert hotline.tg.topics[critical].startswith("🔴 #") and hotline.tg.topics[critical].endswith("· ru")
        assert [c["icon_color"] for c in creates] == [0xFF93B2, 0xFB6F5F]
        card = hotline.topic_posts(critical)[0]
        assert "Почему нужен человек:</b> риск самоубийства прямо сейчас" in card["text"]
        assert 'href="tg://user?id=1001"' in card["text"] and 'href="tg://user?id=1002"' in card["text"]
        assert CHILD not in str(hotline.tg.calls)  # the child's number never reaches the operators
        await hotline.operator_writes(DANIYAR, None, "/queue")
        queue = hotline.topic_texts(None)[-1]
        assert queue.index("критический") < queue.index("высокий")  # by priority, then age

        # Someone in the group who is not a listed operator presses "take": refused and audited.
        buttons = hotline.buttons(critical)
        await hotline.operator_presses(MALLORY, buttons["✋ Взять"], critical)
        assert hotline.answers()[-1] == (
            "Это могут делать только операторы из настроек бота. Попытка записана.", True)
        escalation = decode_choice(buttons["✋ Взять"])
        assert escalation is not None
        trail = await hotline.desk.store.audit_trail(escalation.escalation_id)
        assert [(e.actor, e.action, e.detail.get("reason")) for e in trail] == [("6666", "refused", "not_operator")]

        # An operator takes it; the child is told a person joined.
        await hotline.operator_presses(AIGERIM, buttons["✋ Взять"], critical)
        assert hotline.answers()[-1][1] is False
        assert "👤" in hotline.child_got(CHILD)[-1]
        assert "Aigerim" in hotline.topic_texts(critical)[-1]

        # Messages flow both ways, in order.
        for said in ("мне очень страшно", "я на крыше <школы> & один"):
            await hotline.child_says(CHILD, said)
        relayed = hotline.topic_texts(critical)[-2:]
        assert relayed == ["👤 <b>Пользователь:</b> мне очень страшно",
                           "👤 <b>Пользователь:</b> я на крыше &lt;школы&gt; &amp; один"]
        before = len(hotline.child_got(CHILD))
        await hotline.operator_writes(AIGERIM, critical, "Я рядом. Отойди от края, пожалуйста.")
        await hotline.operator_writes(AIGERIM, critical, "!note звонить 112 если не ответит")
        await hotline.operator_writes(AIGERIM, critical, "Ты можешь сесть на пол прямо сейчас?")
        answers = hotline.child_got(CHILD)[before:]
        assert len(answers) == 2
        assert "Я рядом. Отойди от края" in answers[0] and "Ты можешь сесть на пол" in answers[1]
        assert all("Aigerim" not in a and "Горячая линия" in a for a in answers)  # from the hotline, unsigned
        await hotline.operator_writes(DANIYAR, critical, "!sign Я тоже здесь")
        assert "Данияр" not in hotline.child_got(CHILD)[-1]  # not his case: refused in the topic
        assert "другого оператора" in hotline.topic_texts(critical)[-1]

        # Close with an outcome: the child gets the closing words and "did this help?".
        await hotline.operator_presses(AIGERIM, hotline.buttons(critical)["✅ Закрыть"], critical)
        outcomes = hotline.buttons(critical)
        assert list(outcomes) == ["💬 Дали совет", "👮 Направили в полицию", "📨 Направили платформе",
                                  "🚩 Подали жалобу на контент", "➖ Без действий"]
        await hotline.operator_presses(AIGERIM, outcomes["👮 Направили в полицию"], critical)
        assert hotline.child_buttons(CHILD)[:2] == ["feedback|yes", "feedback|no"]
        assert hotline.tg.topics[critical].startswith("✅")
        await hotline.child_taps(CHILD, "feedback|yes")
        assert "report" in " ".join(hotline.child_buttons(CHILD))  # back at the menu
        assert hotline.topic_texts(critical)[-1].startswith("👍")
        closed = await hotline.desk.store.get(escalation.escalation_id)
        assert closed is not None and (closed.status, closed.outcome, closed.address) == (
            "closed", "referred_police", None)

        trail = await hotline.desk.store.audit_trail(escalation.escalation_id)
        assert [(e.actor, e.action) for e in trail] == [
            ("6666", "refused"), ("1001", "take"), ("user", "message"), ("user", "message"),
            ("1001", "message"), ("1001", "note"), ("1001", "message"), ("1002", "refused"), ("1001", "close")]
        assert all("страшно" not in str(e.detail) and "Отойди" not in str(e.detail) for e in trail)


async def test_a_critical_case_nobody_takes_is_realerted(make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        await hotline.child_says(CHILD, CRISIS)
        watchdog = hotline.application.watchdog
        assert watchdog is not None
        clock = Clock(datetime.now(UTC) + timedelta(minutes=4))
        hotline.desk.clock = hotline.desk.store.clock = clock
        assert await watchdog.tick() == 0
        clock.now += timedelta(minutes=2)
        before = len(hotline.child_got(CHILD))
        assert await watchdog.tick() == 1
        await hotline.settle()
        alert = hotline.topic_posts(None)[-1]
        assert "никто не взял" in alert["text"] and "tg://user?id=1001" in alert["text"]
        take = next(b for row in alert["reply_markup"]["inline_keyboard"] for b in row)
        assert take["text"] == "✋ Взять"
        reminder = hotline.child_got(CHILD)[before:]
        assert len(reminder) == 1 and "112" in reminder[0]
        await hotline.operator_presses(DANIYAR, take["callback_data"])  # taken from the alert itself
        clock.now += timedelta(minutes=30)
        assert await watchdog.tick() == 0  # taken: nobody is alerted again


async def test_out_of_hours_the_child_is_told_when_operators_are_back(make_hotline: HotlineFactory) -> None:
    async with make_hotline(working_hours="09:00-21:00") as hotline:
        night = datetime(2025, 3, 3, 20, 30, tzinfo=UTC)  # 01:30 in Almaty
        hotline.desk.clock = Clock(night)
        await hotline.child_says(CHILD, "мне угрожают, он сказал что убьёт меня")
        got = " ".join(hotline.child_got(CHILD))
        assert "в 09:00" in got and "не работают" in got
        assert len(hotline.tg.of("createForumTopic")) == 1  # the case still waits in the group for the morning


async def test_group_chatter_and_other_groups_are_left_alone(make_hotline: HotlineFactory) -> None:
    async with make_hotline() as hotline:
        await hotline.operator_writes(AIGERIM, None, "доброе утро, коллеги")
        await hotline.operator_writes(MALLORY, None, "/queue")
        assert hotline.topic_texts(None)[-1].startswith("Это могут делать только операторы")
        assert GROUP in [p.get("chat_id") for p in hotline.tg.of("sendMessage")]
        assert hotline.child_got(CHILD) == []
