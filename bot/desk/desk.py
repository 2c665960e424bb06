"""The operator desk: what happens when a conversation needs a person. Channel-neutral.

The conversation runtime calls it as its `OperatorPort` (queued, relay, feedback); an operator
front-end (the Telegram group today) calls `press` and `wrote`; the watchdog calls `realert`
and `reoffer`. Users are reached only through their escalation: its pseudonymous key for the
engine, and the raw address kept while it is active for the platform channel.

Every press is checked again when it arrives, against the escalation as it is now (not as the
card showed it), and written with a compare-and-set; refusals are audited.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime

from bot.desk.cards import build_card, handle_of, title
from bot.desk.front import Actor, Answer, Choice, Delivery, OperatorFront, UserLink
from bot.desk.roster import Operator, Roster
from bot.desk.shifts import WorkingHours
from bot.desk.texts import OPERATOR_STATUSES, level_key, outcome_key, status_key
from bot.jobs import SerialJobs
from bot.service import NOBODY, Availability, ConversationService
from flows.actions import RelayToOperator, RelayWhileWaiting
from flows.events import Event, OperatorJoined, OperatorLeft, OperatorMessage, StillWaiting
from flows.messages import N_, Msg
from storage.base import CASE_OUTCOMES, CaseNotFound, StateKey, Ticket
from storage.cases import SqlCaseStore
from storage.models import utcnow
from storage.operators import SYSTEM, EscalationInfo, SqlOperatorStore

log = logging.getLogger(__name__)

# Kinds of relayed files that could show a person (flows.events.MediaKind.is_visual), as the log names them.
FORWARDED_IMAGES = frozenset({"photo", "video", "document", "sticker"})
NOTE_PREFIX = "!note"  # stays in the topic: never sent to the user
SIGN_PREFIX = "!sign"  # sends this one message signed with the operator's name
MAX_USER_REMINDERS = 2  # "we have not forgotten you" at most this often per case; the group is alerted every time
QUEUE_SHOWN = 20
USER = "user"  # the audit actor of what the user sent (who they are is not the audit's business)
NOT_DELIVERED = {
    Delivery.HELD: N_("op.not_delivered.held"),
    Delivery.GONE: N_("op.not_delivered.gone"),
    Delivery.FAILED: N_("op.not_delivered.failed"),
    Delivery.NO_CHANNEL: N_("op.not_delivered.no_channel"),
}


class Refused(Exception):
    """A press or a message that is not allowed now; `reason` is audited, `text` told."""

    def __init__(self, reason: str, text: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.text = Msg(text)


class OperatorDesk:
    def __init__(self, *, service: ConversationService, cases: SqlCaseStore, store: SqlOperatorStore,
                 roster: Roster, hours: WorkingHours, front: OperatorFront | None = None,
                 users: Mapping[str, UserLink] | None = None, clock: Callable[[], datetime] = utcnow) -> None:
        self.service = service
        self.cases = cases
        self.store = store
        self.roster = roster
        self.hours = hours
        self.front = front
        self.users: dict[str, UserLink] = dict(users or {})
        self.clock = clock
        self.jobs = SerialJobs("operator-desk")
        # Staff of the web desk who may act, by actor id ("w:<id>"): active accounts with chats.work.
        self.staff: Callable[[str], Awaitable[Operator | None]] | None = None
        # Whether the web desk has anyone who may answer (an active account): set with `staff`.
        self.staff_present: Callable[[], Awaitable[bool]] | None = None

    # -- the conversation runtime's side (inside the user's lock: the group is told behind it) --
    async def queued(self, key: StateKey, ticket: Ticket) -> Availability:
        """A new or raised escalation: show it to the operators (behind the user's reply), and
        tell whether a person can answer now, later (out of hours), or not at all. The web desk
        reads the queue from the database, so only the Telegram group is shown the case here."""
        if self.front is not None:
            self.jobs.submit(ticket.id, lambda: self._show_case(ticket.id, ticket.position))
        return await self.availability()

    async def availability(self) -> Availability:
        """Nobody without a front where someone may act (the Telegram group with operators listed, or
        the web desk with an active account); out of hours, when they are back."""
        group = self.front is not None and len(self.roster) > 0
        web = self.staff_present is not None and await self.staff_present()
        if not (group or web):
            return NOBODY
        return Availability(person=True, back_at=self.hours.back_at(self.clock()))

    async def heard(self, key: StateKey, relay: RelayWhileWaiting) -> Availability | None:
        """What a user wrote while waiting: kept in the conversation log and shown in the case's
        topic as it arrives (after the card: the jobs of one escalation run in order)."""
        escalation = await self.store.active_for(key)
        if escalation is None:
            return None
        kind = relay.media_kind or "text"
        await self.store.log_message(escalation.id, USER, relay.text, kind=kind)
        await self.store.audit(USER, "message", escalation, direction="from_user", kind=kind, waiting=True)
        if self.front is not None:
            front, escalation_id = self.front, escalation.id
            self.jobs.submit(escalation_id, lambda: self._show_heard(front, escalation_id, relay))
        return await self.availability()

    async def relay(self, key: StateKey, relay: RelayToOperator) -> None:
        escalation = await self.store.active_for(key)
        if escalation is None or escalation.status != "taken":
            log.warning("a message for an operator, but no operator holds the conversation")
            return
        await self.store.touch(escalation.id, by_operator=False)
        kind = relay_kind(relay)
        await self.store.log_message(escalation.id, "user", relay.text or None, kind=kind)
        await self.store.audit(USER, "message", escalation, direction="from_user", kind=kind)
        if self.front is not None:  # no topic (it could not be made): the General topic
            front, topic = self.front, escalation.topic_id
            self.jobs.submit(escalation.id, lambda: front.relay(topic, escalation, relay))
        if relay.images_refused_from_now:
            earlier = [m for m in await self.store.messages(escalation.id) if m.kind in FORWARDED_IMAGES]
            self._post_later(escalation, Msg(N_("op.images_refused_earlier") if earlier
                                             else N_("op.images_refused_now")))

    async def forget(self, key: StateKey) -> None:
        """The user asked to delete their data: their cases' topics go from the operator front (card
        and relayed messages), behind the reply. Called before the case store forgets who they are."""
        for escalation in await self.store.topics_of(key):
            await self.store.audit(USER, "erased", escalation)
            if self.front is not None and escalation.topic_id is not None:
                self.jobs.submit(escalation.id, functools.partial(self.front.erase, escalation.topic_id))

    async def feedback(self, key: StateKey, helpful: bool) -> None:
        escalation = await self.store.record_feedback(key, helpful)
        if escalation is not None and escalation.topic_id is not None:
            text = Msg(N_("op.feedback.yes") if helpful else N_("op.feedback.no"))
            self._post_later(escalation, text)

    async def adult_alerted(self, key: StateKey) -> None:
        """The child alerted their trusted adults (bot/adults.py): say so in the case's topic, never who.
        A new escalation says it in its card's reason instead (`adult_alert`)."""
        escalation = await self.store.active_for(key)
        if escalation is not None and escalation.topic_id is not None and self.front is not None:
            self._post_later(escalation, Msg(N_("op.adult_alerted")))

    # -- what operators do -------------------------------------------------------------------
    async def press(self, actor: Actor, choice: Choice) -> Answer:
        """A button pressed in the operator front-end; the answer is shown to the one who pressed."""
        escalation = await self.store.get(choice.escalation_id)
        try:
            operator = await self._operator(actor)
            if escalation is None:
                raise Refused("unknown", N_("op.refused.unknown"))
            return await self._do(actor, operator, escalation, choice)
        except Refused as refused:
            await self.store.audit(actor.id, "refused", escalation, verb=choice.verb, reason=refused.reason)
            return Answer(False, refused.text)

    async def wrote(self, actor: Actor, topic_id: str | None, text: str | None) -> None:
        """A message in the operator front-end: in a case's topic it goes to the user, unless it is
        a note or a command. `text` is None for anything but text (a photo, a sticker...)."""
        stripped = (text or "").strip()
        escalation = await self.store.by_topic(topic_id) if topic_id is not None else None
        if stripped.startswith("/"):
            await self._command(actor, topic_id, escalation, stripped)
            return
        if escalation is None:
            return  # talk among operators outside a case's topic
        try:
            operator = await self._operator(actor)
            if stripped.lower().startswith(NOTE_PREFIX):
                await self.store.audit(actor.id, "note", escalation)
                return
            if text is None:
                raise Refused("not_text", N_("op.refused.not_text"))
            if not stripped:
                return
            self._check_holder(actor, escalation)
            await self._send(actor, operator, escalation, stripped)
        except Refused as refused:
            await self.store.audit(actor.id, "refused", escalation, verb="message", reason=refused.reason)
            await self._post(escalation.topic_id, refused.text)

    async def say(self, actor: Actor, escalation_id: str, text: str) -> Answer:
        """A message to the user from a front that names the escalation (the web desk), under the
        same rules as one written in a case's topic: the holder only, checked now."""
        escalation = await self.store.get(escalation_id)
        try:
            operator = await self._operator(actor)
            if escalation is None:
                raise Refused("unknown", N_("op.refused.unknown"))
            self._check_holder(actor, escalation)
            if not text.strip():
                raise Refused("empty", N_("op.refused.not_text"))
            await self._send(actor, operator, escalation, text.strip())
            if escalation.topic_id is not None:  # the Telegram group reads the conversation too
                self._post_later(escalation, Msg(N_("op.web_said"), {"name": actor.name, "text": text.strip()}))
            return Answer(True, Msg(N_("op.answer.done")))
        except Refused as refused:
            await self.store.audit(actor.id, "refused", escalation, verb="message", reason=refused.reason)
            return Answer(False, refused.text)

    # -- the watchdog's side -----------------------------------------------------------------
    async def realert(self, escalation: EscalationInfo) -> None:
        """A critical case nobody took in time: alert the group again, remind the user where help is now."""
        if not await self.store.mark_alerted(escalation, count=True):
            return
        count = escalation.realert_count + 1
        await self.store.audit(SYSTEM, "realert", escalation, count=count)
        case = await self.store.case_of(escalation)
        text = Msg(N_("op.realert"), {"ref": handle_of(escalation, case), "level": Msg(level_key(escalation.level)),
                                      "minutes": self._minutes_since(escalation.created_at)})
        await self._post(None, text, choices=(Choice("take", escalation.id),),
                         mention=self.roster.offer_order(escalation.language))
        if count <= MAX_USER_REMINDERS:
            await self._tell_user(escalation, StillWaiting())

    async def reoffer(self, escalation: EscalationInfo) -> None:
        """The operator holding a case fell silent while the user waits: offer it to the others."""
        since = escalation.user_waiting_since()
        if since is None or not await self.store.mark_alerted(escalation, count=False):
            return
        await self.store.audit(SYSTEM, "reoffer", escalation, holder=escalation.operator_id)
        case = await self.store.case_of(escalation)
        minutes = self._minutes_since(since)
        text = Msg(N_("op.reoffer"), {"ref": handle_of(escalation, case), "minutes": minutes})
        await self._post(None, text, choices=(Choice("take", escalation.id),),
                         mention=self.roster.offer_order(escalation.language, without=escalation.operator_id))
        await self._post(escalation.topic_id, Msg(N_("op.reoffer_topic"), {"minutes": minutes}))

    async def wait_idle(self) -> None:
        await self.jobs.wait_idle()

    async def close(self) -> None:
        await self.jobs.close()

    # -- presses -----------------------------------------------------------------------------
    async def _do(self, actor: Actor, operator: Operator, escalation: EscalationInfo, choice: Choice) -> Answer:
        if choice.verb == "take":
            return await self._take(actor, escalation)
        if choice.verb == "close":
            self._check_holder(actor, escalation)
            choices = tuple(Choice("outcome", escalation.id, outcome) for outcome in CASE_OUTCOMES)
            await self._post(escalation.topic_id, Msg(N_("op.choose_outcome")), choices=choices)
            return Answer(True, Msg(N_("op.answer.choose_outcome")))
        if choice.verb in ("outcome", "handback"):
            return await self._close(actor, operator, escalation, choice.arg if choice.verb == "outcome" else None)
        if choice.verb == "status":
            if escalation.case_id is None:
                raise Refused("no_case", N_("op.refused.no_case"))
            choices = tuple(Choice("set_status", escalation.id, status) for status in OPERATOR_STATUSES)
            await self._post(escalation.topic_id, Msg(N_("op.choose_status")), choices=choices)
            return Answer(True, Msg(N_("op.answer.choose_status")))
        if choice.verb == "set_status":
            return await self._set_status(actor, escalation, choice.arg)
        raise Refused("unknown_verb", N_("op.refused.unknown"))

    async def _take(self, actor: Actor, escalation: EscalationInfo) -> Answer:
        if escalation.status == "closed":
            raise Refused("closed", N_("op.refused.closed"))
        if escalation.status == "taken" and escalation.operator_id == actor.id:
            return Answer(False, Msg(N_("op.answer.already_yours")))
        if escalation.status == "taken" and not escalation.reoffered:
            raise Refused("taken_by_other", N_("op.refused.taken"))
        if escalation.key is None or escalation.address is None:
            raise Refused("unreachable", N_("op.refused.unreachable"))
        if not await self.store.take(escalation, actor.id):
            raise Refused("changed", N_("op.refused.changed"))
        taken_over = escalation.status == "taken"
        await self.store.audit(actor.id, "take", escalation, taken_over=taken_over)
        notice = N_("op.taken_over") if taken_over else N_("op.taken")
        await self._post(escalation.topic_id, Msg(notice, {"name": actor.name}))
        if not taken_over:
            await self._recap_heard(escalation)
            case = await self.store.case_of(escalation)
            if case is not None and case.status == "received":
                await self.cases.set_status(case.reference, "in_review")  # what the reporter sees now
            await self._report(escalation, await self._tell_user(escalation, OperatorJoined()))
        return Answer(True, Msg(N_("op.answer.taken")))

    async def _close(self, actor: Actor, operator: Operator, escalation: EscalationInfo,
                     outcome: str | None) -> Answer:
        """Close with an outcome, or hand back to the bot (no outcome); the user hears it either way."""
        self._check_holder(actor, escalation)
        if outcome is not None and outcome not in CASE_OUTCOMES:
            raise Refused("bad_outcome", N_("op.refused.unknown"))
        if not await self.store.close(escalation, outcome):  # the address is erased here...
            raise Refused("changed", N_("op.refused.changed"))
        case = await self.store.case_of(escalation)
        if case is not None and outcome is not None:
            await self.cases.set_outcome(case.reference, outcome)
        if outcome is None:
            await self.store.audit(actor.id, "handback", escalation)
            text = Msg(N_("op.handed_back"), {"name": actor.name})
        else:
            await self.store.audit(actor.id, "close", escalation, outcome=outcome)
            text = Msg(N_("op.closed"), {"name": actor.name, "outcome": Msg(outcome_key(outcome))})
        await self._post(escalation.topic_id, text)
        # ...and used one last time from the snapshot read before the close.
        await self._report(escalation, await self._tell_user(escalation, OperatorLeft(closed=outcome is not None)))
        if self.front is not None and escalation.topic_id is not None:
            await self.front.retitle(escalation.topic_id, title(escalation, case, done=True))
        return Answer(True, Msg(N_("op.answer.done")))

    async def _set_status(self, actor: Actor, escalation: EscalationInfo, status: str | None) -> Answer:
        case = await self.store.case_of(escalation)
        if case is None:
            raise Refused("no_case", N_("op.refused.no_case"))
        if status not in OPERATOR_STATUSES:
            raise Refused("bad_status", N_("op.refused.unknown"))
        try:
            await self.cases.set_status(case.reference, status)
        except CaseNotFound:
            raise Refused("no_case", N_("op.refused.no_case")) from None
        await self.store.audit(actor.id, "status", escalation, status=status)
        await self._post(escalation.topic_id, Msg(N_("op.status_set"), {"name": actor.name, "ref": case.reference,
                                                                        "status": Msg(status_key(status))}))
        return Answer(True, Msg(N_("op.answer.done")))

    # -- messages and commands ---------------------------------------------------------------
    async def _send(self, actor: Actor, operator: Operator, escalation: EscalationInfo, text: str) -> None:
        signature = None
        if text.lower().startswith(SIGN_PREFIX):
            text = text[len(SIGN_PREFIX):].strip()
            signature = operator.name or actor.name
            if not text:
                return
        delivery = await self._tell_user(escalation, OperatorMessage(text, signature))
        await self.store.touch(escalation.id, by_operator=True)
        await self.store.log_message(escalation.id, "operator", text, author=actor.id)
        await self.store.audit(actor.id, "message", escalation, direction="to_user", signed=signature is not None,
                               delivery=delivery.value)
        await self._report(escalation, delivery)

    async def _command(self, actor: Actor, topic_id: str | None, escalation: EscalationInfo | None,
                       text: str) -> None:
        name = text.split()[0][1:].split("@")[0].lower()
        if name == "help":
            await self._post(topic_id, Msg(N_("op.help")))
        elif name == "queue":
            operator = self.roster.get(actor.id) or (await self.staff(actor.id) if self.staff else None)
            if operator is None:
                await self.store.audit(actor.id, "refused", None, verb="queue", reason="not_operator")
                await self._post(topic_id, Msg(N_("op.refused.not_operator")))
            else:
                await self._post(topic_id, await self._queue_overview(operator))
        elif name in ("close", "handback", "status") and escalation is not None:
            answer = await self.press(actor, Choice(name, escalation.id))
            if not answer.ok:
                await self._post(topic_id, answer.text)

    async def _queue_overview(self, operator: Operator) -> Msg:
        waiting = await self.store.waiting(QUEUE_SHOWN)
        if not waiting:
            return Msg(N_("op.queue.empty"))
        lines = []
        for escalation in waiting:
            case = await self.store.case_of(escalation)
            lines.append(Msg(N_("op.queue.line"), {
                "mark": "★" if escalation.language in operator.languages else "·",
                "ref": handle_of(escalation, case), "level": Msg(level_key(escalation.level)),
                "lang": escalation.language, "minutes": self._minutes_since(escalation.created_at),
            }))
        return Msg(N_("op.queue"), {"count": str(len(waiting)), "lines": tuple(lines)})

    # -- helpers -----------------------------------------------------------------------------
    async def _operator(self, actor: Actor) -> Operator:
        operator = self.roster.get(actor.id)
        if operator is None and self.staff is not None:
            operator = await self.staff(actor.id)  # the web desk's staff, checked when they act
        if operator is None:
            raise Refused("not_operator", N_("op.refused.not_operator"))
        return operator

    @staticmethod
    def _check_holder(actor: Actor, escalation: EscalationInfo) -> None:
        if escalation.status == "closed":
            raise Refused("closed", N_("op.refused.closed"))
        if escalation.status == "open":
            raise Refused("not_taken", N_("op.refused.not_taken"))
        if escalation.operator_id != actor.id:
            raise Refused("not_yours", N_("op.refused.not_yours"))

    async def _tell_user(self, escalation: EscalationInfo, event: Event) -> Delivery:
        """Run the user's conversation on an operator's event and send its reply to their address."""
        key, address = escalation.key, escalation.address
        if key is None or address is None:
            return Delivery.GONE
        return await self.reach(key, address, event)

    async def reach(self, key: StateKey, address: str, event: Event) -> Delivery:
        """Run a user's conversation on an operator's event and send its reply to `address`, on their platform."""
        reply = await self.service.handle_key(key, event)
        link = self.users.get(key.platform)
        if link is None:
            log.error("no channel to reach a user", extra={"platform": key.platform})
            return Delivery.NO_CHANNEL
        try:
            return await link(address, reply)
        except Exception as error:
            log.error("reply to a user failed", extra={"platform": key.platform, "error": type(error).__name__})
            return Delivery.FAILED

    async def _report(self, escalation: EscalationInfo, delivery: Delivery) -> None:
        problem = NOT_DELIVERED.get(delivery)
        if problem is not None:
            await self._post(escalation.topic_id, Msg(problem))

    async def _recap_heard(self, escalation: EscalationInfo) -> None:
        """At the take, what the user wrote while waiting, together where the operator starts."""
        heard = [m for m in await self.store.messages(escalation.id) if m.sender == USER]
        if not heard:
            return
        lines = tuple(Msg(N_("op.heard_line"), {"time": self.hours.local(m.at).strftime("%H:%M"),
                                                 "text": m.text if m.text else Msg(N_("op.heard_file"),
                                                                                     {"kind": m.kind})})
                      for m in heard)
        await self._post(escalation.topic_id, Msg(N_("op.heard_recap"), {"count": str(len(heard)), "lines": lines}))

    async def _show_heard(self, front: OperatorFront, escalation_id: str, relay: RelayWhileWaiting) -> None:
        escalation = await self.store.get(escalation_id)  # read now: its topic may have been made since
        if escalation is not None:
            await front.relay(escalation.topic_id, escalation, relay)

    async def _show_case(self, escalation_id: str, position: int | None) -> None:
        escalation = await self.store.get(escalation_id)
        if self.front is None or escalation is None or escalation.status == "closed":
            return
        case = await self.store.case_of(escalation)
        card = build_card(escalation, case, self.roster, self.hours, position=position)
        if escalation.topic_id is None:
            topic_id = await self.front.open_case(card)
            if topic_id is not None:
                await self.store.set_topic(escalation.id, topic_id)
        else:
            await self.front.show_card(escalation.topic_id, card)
            await self.front.retitle(escalation.topic_id, card.title)

    async def _post(self, topic_id: str | None, text: Msg, *, choices: tuple[Choice, ...] = (),
                    mention: tuple[Operator, ...] = ()) -> None:
        if self.front is None:
            return
        try:
            await self.front.post(topic_id, text, choices=choices, mention=mention)
        except Exception as error:  # the operator side failing must not undo what was done
            log.error("operator notice not posted", extra={"error": type(error).__name__})

    def _post_later(self, escalation: EscalationInfo, text: Msg) -> None:
        topic = escalation.topic_id
        self.jobs.submit(escalation.id, lambda: self._post(topic, text))

    def _minutes_since(self, since: datetime) -> str:
        return str(max(0, int((self.clock() - since).total_seconds() // 60)))


def relay_kind(relay: RelayToOperator) -> str:
    """How a relayed message is logged: "text", a media kind, or "refused_<kind>" for a file of a
    sexual-image conversation that was deleted, not kept (flows.images)."""
    if relay.media_kind is None:
        return "text"
    return f"refused_{relay.media_kind}" if relay.refused else relay.media_kind
