"""A desk in a test world: the real service and stores, a recording front-end, recording user links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.desk.desk import OperatorDesk
from bot.desk.front import Actor, CaseCard, Choice, Delivery
from bot.desk.roster import Operator, Roster
from bot.desk.shifts import WorkingHours
from bot.desk.watchdog import Watchdog
from bot.service import ConversationService, Inbound, Reply
from flows.actions import RelayToOperator, RelayWhileWaiting, Say
from flows.events import Event, Pick, Text
from flows.messages import Msg
from storage.base import StateKey
from storage.cases import SqlCaseStore
from storage.memory import MemoryStateStore
from storage.operators import EscalationInfo, SqlOperatorStore

AIGERIM = Actor("1001", "Aigerim")  # speaks kk, ru
DANIYAR = Actor("1002", "Daniyar")  # speaks ru, en
STRANGER = Actor("6666", "Mallory")  # a member of the group, not listed
ROSTER = Roster([Operator("1001", frozenset({"kk", "ru"}), "Айгерім"), Operator("1002", frozenset({"ru", "en"}))])
# 10:00 in Almaty (UTC+5): within 09:00-21:00.
MORNING = datetime(2025, 3, 3, 5, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = MORNING) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Post:
    topic: str | None
    text: Msg
    choices: tuple[Choice, ...]
    mention: tuple[str, ...]


@dataclass
class RecordingFront:
    """An OperatorFront that remembers what it was asked to show."""

    opened: list[CaseCard] = field(default_factory=list)
    cards: list[tuple[str | None, CaseCard]] = field(default_factory=list)
    titles: list[tuple[str, Msg]] = field(default_factory=list)
    relays: list[tuple[str | None, RelayToOperator | RelayWhileWaiting]] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    fail: bool = False

    async def open_case(self, card: CaseCard) -> str | None:
        self._maybe_fail()
        self.opened.append(card)
        return str(500 + len(self.opened))

    async def show_card(self, topic_id: str | None, card: CaseCard) -> None:
        self._maybe_fail()
        self.cards.append((topic_id, card))

    async def retitle(self, topic_id: str, title: Msg) -> None:
        self.titles.append((topic_id, title))

    async def relay(self, topic_id: str | None, escalation: EscalationInfo,
                    relay: RelayToOperator | RelayWhileWaiting) -> None:
        self._maybe_fail()
        self.relays.append((topic_id, relay))

    async def post(self, topic_id: str | None, text: Msg, *, choices: Sequence[Choice] = (),
                   mention: Sequence[Operator] = ()) -> None:
        self._maybe_fail()
        self.posts.append(Post(topic_id, text, tuple(choices), tuple(o.id for o in mention)))

    def keys(self, topic: str | None = "any") -> list[str]:
        return [p.text.key for p in self.posts if topic == "any" or p.topic == topic]

    def _maybe_fail(self) -> None:
        if self.fail:
            raise ConnectionError("the operator group is down")


@dataclass
class Inbox:
    """The users' side of the platform channels: what reached which address."""

    received: list[tuple[str, str, Reply]] = field(default_factory=list)  # (platform, address, reply)
    outcome: Delivery = Delivery.SENT

    def link(self, platform: str) -> Any:
        async def send(address: str, reply: Reply) -> Delivery:
            self.received.append((platform, address, reply))
            return self.outcome

        return send

    def keys(self, address: str) -> list[str]:
        return [a.text.key for _, to, reply in self.received if to == address
                for a in reply.actions if isinstance(a, Say)]

    def said(self, address: str, key: str) -> list[Msg]:
        return [a.text for _, to, reply in self.received if to == address
                for a in reply.actions if isinstance(a, Say) and a.text.key == key]


@dataclass
class World:
    service: ConversationService
    cases: SqlCaseStore
    store: SqlOperatorStore
    desk: OperatorDesk
    front: RecordingFront
    inbox: Inbox
    clock: Clock
    watchdog: Watchdog

    async def user(self, address: str, event: Event | str, platform: str = "whatsapp",
                   hint: str | None = "en") -> Reply:
        """The user writes (or presses); the desk's background posts are waited for."""
        if isinstance(event, str):
            event = Text(event)
        reply = await self.service.handle(Inbound(platform, address, event, hint))
        await self.desk.wait_idle()
        return reply

    async def press(self, address: str, step: str, value: str, platform: str = "whatsapp") -> Reply:
        return await self.user(address, Pick(step, value), platform)

    def key(self, address: str, platform: str = "whatsapp") -> StateKey:
        return self.service.key_for(platform, address)

    async def escalation(self, address: str, platform: str = "whatsapp") -> EscalationInfo:
        key = self.key(address, platform)
        async with self.cases.session() as session:
            from sqlalchemy import select

            from storage.models import Escalation
            row = (await session.scalars(select(Escalation.id).where(Escalation.platform == platform)
                                         .where(Escalation.user_id == key.user)
                                         .order_by(Escalation.created_at.desc()))).first()
        assert row is not None, "no escalation for this user"
        found = await self.store.get(row)
        assert found is not None
        return found


def make_world(database_url: str, clock: Clock, front: RecordingFront | None = None,
               hours: str = "09:00-21:00") -> World:
    cases = SqlCaseStore(database_url, clock=clock)
    service = ConversationService(MemoryStateStore(3600), cases, secret="test-secret")
    store = SqlOperatorStore(cases, clock=clock)
    inbox = Inbox()
    front = front or RecordingFront()
    desk = OperatorDesk(service=service, cases=cases, store=store, roster=ROSTER,
                        hours=WorkingHours.parse(hours, "Asia/Almaty"), front=front,
                        users={"whatsapp": inbox.link("whatsapp"), "telegram": inbox.link("telegram")}, clock=clock)
    service.operators = desk
    watchdog = Watchdog(desk, realert_after=timedelta(minutes=5), silence_after=timedelta(minutes=10))
    return World(service, cases, store, desk, front, inbox, clock, watchdog)
