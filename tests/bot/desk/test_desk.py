"""The operator desk, channel-neutral: the real service and case store, a recording front-end."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from bot.desk.front import Choice, Delivery
from bot.desk.roster import Operator, Roster
from flows.events import Media, MediaKind
from storage.operators import AuditEntry
from tests.bot.desk.operator_world import AIGERIM, DANIYAR, STRANGER, World

CHILD = "77011112233"  # a WhatsApp number: the address, never shown to operators
OTHER_CHILD = "77019998877"
CRISIS = "I want to kill myself tonight"


async def crisis(world: World, address: str = CHILD, text: str = CRISIS, hint: str = "en") -> str:
    await world.user(address, text, hint=hint)
    return (await world.escalation(address)).id


async def taken(world: World, address: str = CHILD) -> str:
    escalation_id = await crisis(world, address)
    answer = await world.desk.press(AIGERIM, Choice("take", escalation_id))
    assert answer.ok, answer
    return escalation_id


def audit(entries: Sequence[AuditEntry]) -> list[tuple[str, str]]:
    return [(e.actor, e.action) for e in entries]


class TestQueueing:
    async def test_a_crisis_opens_a_topic_with_its_card_offered_to_speakers_first(self, world: World) -> None:
        reply = await world.user(CHILD, "мне страшно, я хочу покончить с собой прямо сейчас", hint="ru")
        assert any(a.text.key == "human.queued_selfharm" for a in reply.actions)  # type: ignore[union-attr]
        (card,) = world.front.opened
        assert card.escalation.level in ("critical", "high") and card.escalation.language == "ru"
        assert card.title.key == "op.topic" and card.title.params["lang"] == "ru"
        assert [o.id for o in card.offer_to] == ["1001", "1002"]  # both speak Russian
        assert [c.verb for c in card.choices] == ["take", "close", "handback"]
        escalation = await world.escalation(CHILD)
        assert escalation.topic_id == "501" and escalation.address == CHILD

    async def test_the_card_never_shows_the_address(self, world: World) -> None:
        await crisis(world)
        card = world.front.opened[0]
        assert CHILD not in repr(card.body) and CHILD not in repr(card.title)

    async def test_a_kazakh_case_is_offered_first_to_kazakh_speakers(self, world: World) -> None:
        await world.user(CHILD, "өзімді өлтіргім келеді", hint="kk")
        assert [o.id for o in world.front.opened[0].offer_to] == ["1001"]

    async def test_a_language_nobody_speaks_is_offered_to_everyone(self, world: World) -> None:
        world.desk.roster = Roster([Operator("1001", frozenset({"kk"})), Operator("1002", frozenset({"kk"}))])
        await crisis(world)
        assert [o.id for o in world.front.opened[0].offer_to] == ["1001", "1002"]

    async def test_a_raised_escalation_shows_the_card_again_in_the_same_topic(self, world: World) -> None:
        await world.user(CHILD, "he threatens to kill me")  # high
        await world.user(CHILD, CRISIS)  # critical: the same place, raised
        assert len(world.front.opened) == 1
        (topic, card), = world.front.cards
        assert topic == "501" and card.escalation.level == "critical"

    async def test_the_queue_by_priority_then_age(self, world: World) -> None:
        await world.user("1", "he threatens to kill me")
        world.clock.advance(minutes=1)
        await world.user("2", CRISIS)
        world.clock.advance(minutes=1)
        await world.user("3", "өзімді өлтіргім келеді", hint="kk")
        world.clock.advance(minutes=1)
        await world.desk.wrote(AIGERIM, None, "/queue")
        overview = world.front.posts[-1].text
        lines = overview.params["lines"]
        assert [(line.params["level"].key, line.params["lang"], line.params["mark"]) for line in lines] == [  # type: ignore[union-attr]
            ("op.level.critical", "en", "·"), ("op.level.high", "en", "·"), ("op.level.high", "kk", "★")]
        assert [line.params["minutes"] for line in lines] == ["2", "3", "1"]  # type: ignore[union-attr]

    async def test_the_operator_group_failing_never_breaks_the_childs_conversation(self, world: World) -> None:
        world.front.fail = True
        reply = await world.user(CHILD, CRISIS)
        assert any(a.text.key == "crisis.selfharm" for a in reply.actions)  # type: ignore[union-attr]
        assert (await world.escalation(CHILD)).topic_id is None


class TestTaking:
    async def test_an_operator_takes_and_the_child_is_told(self, world: World) -> None:
        escalation_id = await taken(world)
        assert world.inbox.keys(CHILD) == ["operator.joined"]
        escalation = await world.store.get(escalation_id)
        assert escalation is not None and (escalation.status, escalation.operator_id) == ("taken", AIGERIM.id)
        assert world.front.posts[-1].text.key == "op.taken" and world.front.posts[-1].topic == "501"
        assert audit(await world.store.audit_trail(escalation_id)) == [(AIGERIM.id, "take")]

    async def test_a_non_operator_is_refused_and_audited(self, world: World) -> None:
        escalation_id = await crisis(world)
        answer = await world.desk.press(STRANGER, Choice("take", escalation_id))
        assert not answer.ok and answer.text.key == "op.refused.not_operator"
        trail = await world.store.audit_trail(escalation_id)
        assert audit(trail) == [(STRANGER.id, "refused")]
        assert trail[0].detail == {"verb": "take", "reason": "not_operator"}
        assert (await world.store.get(escalation_id)).status == "open"  # type: ignore[union-attr]

    async def test_the_press_is_checked_against_now_not_against_the_card(self, world: World) -> None:
        escalation_id = await taken(world)
        answer = await world.desk.press(DANIYAR, Choice("take", escalation_id))  # his card still says "take"
        assert not answer.ok and answer.text.key == "op.refused.taken"
        assert (await world.store.audit_trail(escalation_id))[-1].detail["reason"] == "taken_by_other"

    async def test_two_operators_pressing_at_once_one_wins(self, world: World) -> None:
        escalation_id = await crisis(world)
        answers = await asyncio.gather(world.desk.press(AIGERIM, Choice("take", escalation_id)),
                                       world.desk.press(DANIYAR, Choice("take", escalation_id)))
        assert sorted(a.ok for a in answers) == [False, True]
        assert world.inbox.keys(CHILD) == ["operator.joined"]

    async def test_unknown_and_forged_presses(self, world: World) -> None:
        answer = await world.desk.press(AIGERIM, Choice("take", "0" * 32))
        assert answer.text.key == "op.refused.unknown"
        escalation_id = await crisis(world)
        assert not (await world.desk.press(AIGERIM, Choice("outcome", escalation_id, "advised"))).ok  # not taken
        assert not (await world.desk.press(AIGERIM, Choice("explode", escalation_id))).ok

    async def test_a_forgotten_user_cannot_be_taken(self, world: World) -> None:
        escalation_id = await crisis(world)
        await world.service.cases.forget_user("whatsapp", world.key(CHILD).user)
        answer = await world.desk.press(AIGERIM, Choice("take", escalation_id))
        assert not answer.ok and answer.text.key == "op.refused.closed"


class TestRelay:
    async def test_both_ways_in_order_marked_as_from_the_hotline(self, world: World) -> None:
        escalation_id = await taken(world)
        for text in ("first", "second", "third"):
            await world.user(CHILD, text)
        assert [r.text for _, r in world.front.relays] == ["first", "second", "third"]
        for text in ("Hello, I am here", "Are you safe now?"):
            await world.desk.wrote(AIGERIM, "501", text)
        said = world.inbox.said(CHILD, "operator.says")
        assert [m.params["text"] for m in said] == ["Hello, I am here", "Are you safe now?"]
        trail = await world.store.audit_trail(escalation_id)
        assert [(e.action, e.detail.get("direction")) for e in trail].count(("message", "from_user")) == 3
        assert [(e.action, e.detail.get("direction")) for e in trail].count(("message", "to_user")) == 2
        assert all("first" not in str(e.detail) and "Hello" not in str(e.detail) for e in trail)
        log = await world.store.messages(escalation_id)  # what the web desk's timeline shows
        assert [(m.sender, m.text) for m in log] == [
            ("user", "first"), ("user", "second"), ("user", "third"),
            ("operator", "Hello, I am here"), ("operator", "Are you safe now?")]
        assert {m.author for m in log if m.sender == "operator"} == {AIGERIM.id}

    async def test_signing_notes_and_files(self, world: World) -> None:
        escalation_id = await taken(world)
        await world.desk.wrote(AIGERIM, "501", "!sign I am with you")
        (signed,) = world.inbox.said(CHILD, "operator.says_signed")
        assert signed.params == {"text": "I am with you", "name": "Айгерім"}  # the name she chose to sign with
        await world.desk.wrote(AIGERIM, "501", "!note sounds 14, calls from school")
        await world.desk.wrote(AIGERIM, "501", None)  # a photo
        assert world.inbox.keys(CHILD) == ["operator.joined", "operator.says_signed"]
        assert world.front.posts[-1].text.key == "op.refused.not_text"
        actions = [e.action for e in await world.store.audit_trail(escalation_id)]
        assert actions[-2:] == ["note", "refused"]

    async def test_only_the_holder_writes_to_the_user(self, world: World) -> None:
        await taken(world)
        await world.desk.wrote(DANIYAR, "501", "hi from me")
        await world.desk.wrote(STRANGER, "501", "hi from a stranger")
        assert world.inbox.keys(CHILD) == ["operator.joined"]
        assert world.front.keys("501")[-2:] == ["op.refused.not_yours", "op.refused.not_operator"]

    async def test_a_photo_from_the_child_is_relayed_by_id(self, world: World) -> None:
        escalation_id = await taken(world)
        await world.user(CHILD, Media(MediaKind.PHOTO, "wa-media-1", "wamid.1"))
        (_, relay), = world.front.relays
        assert (relay.media_kind, relay.media_ref) == ("photo", "wa-media-1")
        (logged,) = await world.store.messages(escalation_id)
        assert (logged.kind, logged.text) == ("photo", None)  # the kind only: never the file

    async def test_a_message_that_cannot_be_delivered_is_reported_in_the_topic(self, world: World) -> None:
        await taken(world)
        world.inbox.outcome = Delivery.HELD
        await world.desk.wrote(AIGERIM, "501", "still there?")
        assert world.front.posts[-1].text.key == "op.not_delivered.held"


class TestClosing:
    async def test_close_with_an_outcome_then_did_this_help(self, world: World) -> None:
        await world.user(CHILD, "/start")
        await world.press(CHILD, "role", "child")
        escalation_id = await taken(world)
        assert (await world.desk.press(AIGERIM, Choice("close", escalation_id))).ok
        outcomes = world.front.posts[-1].choices
        assert [c.arg for c in outcomes] == ["advised", "referred_police", "referred_platform", "content_reported",
                                             "no_action"]
        assert (await world.desk.press(AIGERIM, outcomes[1])).ok
        assert world.inbox.keys(CHILD)[-2:] == ["operator.closed", "operator.feedback"]
        closed = await world.store.get(escalation_id)
        assert closed is not None and (closed.status, closed.outcome, closed.address) == (
            "closed", "referred_police", None)
        assert world.front.titles[-1][1].params["icon"] == "✅"
        reply = await world.press(CHILD, "feedback", "yes")
        assert any(a.text.key == "feedback.thanks" for a in reply.actions)  # type: ignore[union-attr]
        assert (await world.store.get(escalation_id)).helpful is True  # type: ignore[union-attr]
        assert world.front.posts[-1].text.key == "op.feedback.yes"
        assert [e.action for e in await world.store.audit_trail(escalation_id)] == ["take", "close"]

    async def test_only_the_holder_closes(self, world: World) -> None:
        escalation_id = await taken(world)
        answer = await world.desk.press(DANIYAR, Choice("outcome", escalation_id, "advised"))
        assert not answer.ok and answer.text.key == "op.refused.not_yours"

    async def test_hand_back_to_the_bot(self, world: World) -> None:
        escalation_id = await taken(world)
        await world.desk.wrote(AIGERIM, "501", "/handback")
        assert world.inbox.keys(CHILD)[-2:] == ["operator.handed_back", "menu.prompt"]
        handed = await world.store.get(escalation_id)
        assert handed is not None and (handed.status, handed.outcome, handed.address) == ("closed", None, None)
        reply = await world.user(CHILD, "hello?")  # the bot answers again
        assert reply.actions

    async def test_the_outcome_and_later_statuses_reach_the_case(self, world: World) -> None:
        child = "77015550000"
        await world.user(child, "/start")
        await world.press(child, "role", "child")
        for step, value in (("menu", "report"), ("r_category", "blackmail"), ("r_blackmail", "violence"),
                            ("r_victim", "me")):
            await world.press(child, step, value)
        await world.user(child, "A boy from school writes that he will beat me <b>tomorrow</b>")
        for step, value in (("r_where", "instagram"),):
            await world.press(child, step, value)
        await world.user(child, "https://instagram.com/p/xyz")
        for step, value in (("r_evidence", "done"), ("r_danger", "no"), ("r_age", "14_17"), ("r_region", "skip"),
                            ("r_contact", "reply_here"), ("r_review", "send")):
            await world.press(child, step, value)
        escalation = await world.escalation(child)
        case = await world.store.case_of(escalation)
        assert case is not None and escalation.level == "high"
        card = world.front.cards[-1][1]  # the threat in the description opened the topic; the filed report updates it
        assert card.case is not None and [c.verb for c in card.choices][-1] == "status"
        assert "<b>tomorrow</b>" in repr(card.body)  # the user's words, as typed: the front-end escapes them
        assert (await world.desk.press(DANIYAR, Choice("take", escalation.id))).ok
        assert await world.cases.status_of(case.reference) == "in_review"
        await world.desk.press(DANIYAR, Choice("outcome", escalation.id, "content_reported"))
        assert (await world.cases.get_case(case.reference)).fields["outcome"] == "content_reported"  # type: ignore[union-attr]
        await world.desk.press(AIGERIM, Choice("status", escalation.id))
        assert [c.arg for c in world.front.posts[-1].choices] == [
            "in_review", "referred_platform", "content_reported", "content_removed", "passed_to_police", "closed"]
        await world.desk.press(AIGERIM, Choice("set_status", escalation.id, "content_removed"))
        await world.press(child, "feedback", "no")
        reply = await world.user(child, case.reference)  # back at the menu, the reporter checks their reference
        status = [a.text for a in reply.actions if a.text.key == "check.status"]  # type: ignore[union-attr]
        assert status and status[0].params["status"].key == "status.content_removed"  # type: ignore[union-attr]
        assert [e.action for e in await world.store.audit_trail(escalation.id)] == ["take", "close", "status"]


class TestNoOneLeftWaiting:
    async def test_a_critical_case_nobody_takes_is_realerted_and_the_child_reminded(self, world: World) -> None:
        escalation_id = await crisis(world)
        world.clock.advance(minutes=4)
        assert await world.watchdog.tick() == 0
        world.clock.advance(minutes=1)
        assert await world.watchdog.tick() == 1
        alert = world.front.posts[-1]
        assert (alert.topic, alert.text.key, alert.text.params["minutes"]) == (None, "op.realert", "5")
        assert alert.choices == (Choice("take", escalation_id),) and alert.mention == ("1002", "1001")
        assert world.inbox.keys(CHILD) == ["human.still_waiting"]
        assert await world.watchdog.tick() == 0  # not again at once
        for _ in range(2):
            world.clock.advance(minutes=5)
            assert await world.watchdog.tick() == 1
        # The group is alerted every time; the child is reminded twice at most.
        assert world.inbox.keys(CHILD) == ["human.still_waiting"] * 2
        assert world.front.keys(None) == ["op.realert"] * 3
        assert audit(await world.store.audit_trail(escalation_id)) == [("system", "realert")] * 3

    async def test_a_high_case_is_not_realerted(self, world: World) -> None:
        await world.user(CHILD, "he threatens to kill me")
        world.clock.advance(minutes=30)
        assert await world.watchdog.tick() == 0

    async def test_a_silent_operator_and_the_case_offered_again(self, world: World) -> None:
        escalation_id = await taken(world)
        await world.desk.wrote(AIGERIM, "501", "I am here")
        world.clock.advance(minutes=1)
        await world.user(CHILD, "hello? are you there?")
        world.clock.advance(minutes=9)
        assert await world.watchdog.tick() == 0
        world.clock.advance(minutes=1)
        assert await world.watchdog.tick() == 1
        general, topic = world.front.posts[-2:]
        assert (general.topic, general.text.key, general.mention) == (None, "op.reoffer", ("1002",))
        assert (topic.topic, topic.text.key) == ("501", "op.reoffer_topic")
        assert (await world.desk.press(DANIYAR, Choice("take", escalation_id))).ok
        await world.desk.wrote(AIGERIM, "501", "sorry, I was away")
        assert world.front.posts[-1].text.key == "op.refused.not_yours"
        await world.desk.wrote(DANIYAR, "501", "Hi, I am taking over")
        assert world.inbox.said(CHILD, "operator.says")[-1].params["text"] == "Hi, I am taking over"
        trail = await world.store.audit_trail(escalation_id)
        assert [(e.actor, e.action) for e in trail if e.action in ("take", "reoffer")] == [
            (AIGERIM.id, "take"), ("system", "reoffer"), (DANIYAR.id, "take")]
        assert [e.detail["taken_over"] for e in trail if e.action == "take"] == [False, True]

    async def test_out_of_hours_the_child_is_told_when_operators_are_back(self, world: World) -> None:
        world.clock.advance(hours=13)  # 23:00 in Almaty
        reply = await world.user(CHILD, CRISIS)
        after = [a.text for a in reply.actions if a.text.key == "human.after_hours_selfharm"]  # type: ignore[union-attr]
        assert after and after[0].params == {"time": "09:00"}
        assert world.front.opened[0].body.params["lines"][-1].key == "op.card.no_report"  # type: ignore[index,union-attr]
        assert "op.card.out_of_hours" in repr(world.front.opened[0].body)
