"""A user waiting for a person: what they write is kept with the case, shown to the operators and
recapped at the take; the user is told honestly whether and when a person can answer."""

from __future__ import annotations

from bot.desk.front import Choice
from bot.desk.roster import Roster
from bot.service import Reply
from flows.actions import RelayWhileWaiting, Say
from flows.events import Media, MediaKind
from storage.operators import LoggedMessage
from tests.bot.desk.operator_world import AIGERIM, World

CHILD = "77011112233"


def said(reply: Reply) -> list[str]:
    return [a.text.key for a in reply.actions if isinstance(a, Say)]


async def ask_for_a_person(world: World, hint: str = "en") -> Reply:
    await world.user(CHILD, "hello", hint=hint)
    await world.press(CHILD, "role", "child")
    await world.press(CHILD, "menu", "human")
    return await world.press(CHILD, "human", "confirm")


def texts(log: list[LoggedMessage]) -> list[tuple[str, str, str | None]]:
    return [(m.sender, m.kind, m.text) for m in log]


class TestHeardWhileWaiting:
    async def test_what_a_waiting_child_writes_is_kept_shown_and_acknowledged(self, world: World) -> None:
        assert said(await ask_for_a_person(world))[-2:] == ["human.queued", "human.wait"]
        reply = await world.user(CHILD, "hello? is anyone there? they posted my photo")
        assert said(reply) == ["waiting.passed_on"]
        escalation = await world.escalation(CHILD)
        assert texts(await world.store.messages(escalation.id)) == [
            ("user", "text", "hello? is anyone there? they posted my photo")]
        (topic, relay), = world.front.relays
        assert topic == escalation.topic_id == "501"
        assert relay == RelayWhileWaiting(text="hello? is anyone there? they posted my photo")
        trail = await world.store.audit_trail(escalation.id)
        assert [(e.action, e.detail.get("waiting")) for e in trail] == [("message", True)]
        assert "posted my photo" not in repr([e.detail for e in trail])  # the audit keeps no text

    async def test_the_operator_who_takes_it_gets_the_recap_in_the_topic(self, world: World) -> None:
        await ask_for_a_person(world, hint="kk")
        await world.user(CHILD, "мен қорқамын, маған біреу жазыңызшы", hint="kk")
        world.clock.advance(minutes=2)
        await world.user(CHILD, Media(MediaKind.VOICE, "voice-1", "m1"), hint="kk")
        escalation = await world.escalation(CHILD)
        answer = await world.desk.press(AIGERIM, Choice("take", escalation.id))
        assert answer.ok
        recap = [p for p in world.front.posts if p.text.key == "op.heard_recap"]
        assert len(recap) == 1 and recap[0].topic == "501" and recap[0].text.params["count"] == "2"
        lines = recap[0].text.params["lines"]
        assert [line.params["time"] for line in lines] == ["10:00", "10:02"]  # type: ignore[union-attr]
        assert lines[0].params["text"] == "мен қорқамын, маған біреу жазыңызшы"  # type: ignore[index,union-attr]
        assert lines[1].params["text"].key == "op.heard_file"  # type: ignore[index,union-attr]
        # Once taken, what the child writes is relayed as before, and logged once.
        await world.user(CHILD, "рақмет", hint="kk")
        assert [m.text for m in await world.store.messages(escalation.id)] == [
            "мен қорқамын, маған біреу жазыңызшы", None, "рақмет"]

    async def test_a_crisis_written_while_waiting_raises_the_case(self, world: World) -> None:
        await ask_for_a_person(world, hint="ru")
        reply = await world.user(CHILD, "я хочу покончить с собой", hint="ru")
        assert "waiting.passed_on" in said(reply) and "crisis.selfharm" in said(reply)
        escalation = await world.escalation(CHILD)
        assert escalation.level in ("high", "critical")
        assert [m.text for m in await world.store.messages(escalation.id)] == ["я хочу покончить с собой"]
        assert world.front.cards and world.front.cards[-1][1].escalation.level == escalation.level

    async def test_no_image_from_a_sexual_image_conversation_is_kept_or_shown(self, world: World) -> None:
        await world.user(CHILD, "he threatens to post my nudes unless I send more")
        reply = await world.user(CHILD, Media(MediaKind.PHOTO, "photo-1", "m7"))
        assert "media.refused" in said(reply)
        escalation = await world.escalation(CHILD)
        assert await world.store.messages(escalation.id) == []
        assert world.front.relays == []

    async def test_a_case_closed_meanwhile_takes_nothing_and_promises_nothing(self, world: World) -> None:
        await ask_for_a_person(world)
        escalation = await world.escalation(CHILD)
        await world.cases.close_escalation(escalation.id)  # e.g. closed from the other front
        reply = await world.user(CHILD, "hello again")
        assert said(reply)[0] == "input.use_buttons" and "waiting.passed_on" not in said(reply)
        assert await world.store.messages(escalation.id) == []


class TestNeverPromiseAPersonWhoWillNotCome:
    async def test_in_hours_a_person_is_promised(self, world: World) -> None:
        reply = await world.user(CHILD, "I want to kill myself")
        assert "human.queued_selfharm" in said(reply) and "human.nobody" not in said(reply)

    async def test_with_no_operator_front_the_numbers_not_a_person(self, world: World) -> None:
        world.desk.front = None
        reply = await world.user(CHILD, "I want to kill myself")
        assert "human.nobody" in said(reply) and not {"human.queued", "human.queued_selfharm"} & set(said(reply))
        numbers = [a.text for a in reply.actions if isinstance(a, Say) and a.text.key == "human.numbers_now"]
        assert "112" in repr(numbers) and "111" in repr(numbers)
        reply = await world.user(CHILD, "hello? is anyone there?")
        assert said(reply) == ["waiting.kept_nobody"]
        escalation = await world.escalation(CHILD)
        assert [m.text for m in await world.store.messages(escalation.id)] == ["hello? is anyone there?"]

    async def test_with_nobody_allowed_to_act_nobody_is_promised(self, world: World) -> None:
        world.desk.roster = Roster([])
        assert "human.nobody" in said(await ask_for_a_person(world))

    async def test_out_of_hours_when_they_are_back_and_the_numbers_now(self, world: World) -> None:
        world.clock.advance(hours=13)  # 23:00 in Almaty
        reply = await ask_for_a_person(world, hint="ru")
        assert said(reply)[-3:] == ["human.after_hours", "human.numbers_now", "human.wait"]
        reply = await world.user(CHILD, "мне страшно, ответьте пожалуйста", hint="ru")
        assert said(reply) == ["waiting.kept_after_hours"]
        assert reply.actions[0].text.params["time"] == "09:00"  # type: ignore[union-attr]
