"""The runtime around the pure engine: load state, run the engine, carry out its actions.

Adapters call `ConversationService.handle` with a channel-neutral `Inbound` and render the
`Reply`. Everything the engine cannot do itself (saving a case, queueing for a person,
looking up a report, erasing data) happens here, and its answer goes back into the engine.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol

from bot.context import IDEMPOTENCY_TTL_SECONDS, current_update, encode_reply, update_token
from bot.drafts import DraftPort, WriteThrough
from bot.records import inbound_counter, reach_record
from flows.actions import (
    AdultAction,
    DeleteUserData,
    DiscardMedia,
    Escalate,
    FileCase,
    LookupReport,
    RecordFeedback,
    RelayToOperator,
    RelayWhileWaiting,
    Say,
)
from flows.engine import EngineConfig, handle
from flows.events import CaseFiled, DataDeleted, Escalated, Event, Heard, ReportStatus
from flows.flood import always_answered, flood_notice
from flows.reading import Reading
from flows.state import ConversationState
from locales.labels import typed_labels
from storage.base import CaseStore, FirstLook, NewCase, StateKey, StateStore, Ticket
from storage.pseudonym import pseudonymize

log = logging.getLogger(__name__)

# Work on another conversation that an action asked for (bot/adults.py: tell a child their adult
# confirmed), run once this conversation is released, so no two conversations are ever held at once.
_AFTER_RELEASE: ContextVar[list[Callable[[], Awaitable[None]]] | None] = ContextVar("after_release", default=None)


def after_release(job: Callable[[], Awaitable[None]]) -> None:
    """Run `job` once the conversation being handled (`handle_key`) is released."""
    jobs = _AFTER_RELEASE.get()
    if jobs is None:
        raise RuntimeError("after_release outside ConversationService.handle_key")
    jobs.append(job)


MAX_ENGINE_ROUNDS = 8  # engine <-> runtime round trips for one inbound event
LOOKUP_WINDOW_SECONDS = 3600


@dataclass(frozen=True)
class Inbound:
    """One event from a user. `user_id` is the platform's raw id; it is pseudonymised here."""

    platform: str
    user_id: str
    event: Event
    hint: str | None = None


@dataclass(frozen=True)
class Reply:
    """What to send back, in the conversation's language."""

    lang: str
    actions: tuple[Say | DiscardMedia, ...]


class ConversationHold(Protocol):
    """Holds one conversation at a time (bot/delivery/ordering.py has the one shared by all processes)."""

    def hold(self, key: StateKey) -> AbstractAsyncContextManager[None]: ...


class ConversationLocks:
    """One conversation at a time in this process; different conversations in parallel."""

    def __init__(self) -> None:
        self._locks: dict[StateKey, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, key: StateKey) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


@dataclass(frozen=True)
class Availability:
    """Whether a person can answer a waiting user in the chat, and when: told to the engine, which
    must never promise a person who will not come."""

    person: bool  # an operator front-end is connected and someone may act
    back_at: str | None = None  # outside working hours: the local time operators are back ("09:00")


NOBODY = Availability(person=False)


class OperatorPort(Protocol):
    """The operators' side, as the conversation runtime sees it (bot/desk/desk.py OperatorDesk).
    Called inside the user's lock: quick, and never calling back into the same conversation."""

    async def queued(self, key: StateKey, ticket: Ticket) -> Availability:
        """Show a new or raised escalation to the operators; whether and when a person can answer."""
        ...

    async def heard(self, key: StateKey, relay: RelayWhileWaiting) -> Availability | None:
        """Keep what a waiting user sent with their escalation and show it to the operators;
        None when no escalation of theirs is waiting (closed meanwhile)."""
        ...

    async def relay(self, key: StateKey, relay: RelayToOperator) -> None:
        """Show what the user sent to the operator holding the conversation."""
        ...

    async def feedback(self, key: StateKey, helpful: bool) -> None:
        """Record the user's "did this help?" answer on their last escalation."""
        ...


class AdultPort(Protocol):
    """The trusted adults (bot/adults.py TrustedAdults), as the conversation runtime sees it."""

    async def carry_out(self, key: StateKey, state: ConversationState, action: AdultAction,
                        address: str | None) -> Event | None: ...

    async def forget(self, key: StateKey) -> None: ...


class FirstLookPort(Protocol):
    """A new conversation's reads from the case store, together: the stored draft and the trusted adults
    (storage/first_look.py: one pool checkout, one statement, where apart they took two of each)."""

    async def first_look(self, key: StateKey) -> FirstLook: ...


class ConversationService:
    def __init__(self, states: StateStore, cases: CaseStore, *, secret: str,
                 config: EngineConfig | None = None, lookup_limit: int = 10,
                 operators: OperatorPort | None = None, locks: ConversationHold | None = None,
                 drafts: DraftPort | None = None, inbound_limit: int = 0,
                 inbound_window_seconds: int = 60, first_look: FirstLookPort | None = None) -> None:
        self.operators = operators
        self.states = states
        self.cases = cases
        # The case store's copy of drafts: written through unless the builder chose write-behind (bot/drafts.py).
        self.drafts: DraftPort = drafts or WriteThrough(cases)
        self.secret = secret
        self.config = config or EngineConfig()
        if not self.config.labels:  # a typed button label is the button (docs/decisions.md)
            self.config = dataclasses.replace(self.config, labels=typed_labels())
        self.lookup_limit = lookup_limit
        # A new conversation's draft and adults in one read; without it (no SQL case store wired), the draft alone.
        self.first_look = first_look
        # A user's messages per window before the bot stops answering for the rest of it; 0: no limit.
        self.inbound_limit = inbound_limit
        self.inbound_window_seconds = inbound_window_seconds
        self.locks: ConversationHold = locks or ConversationLocks()
        self.adults: AdultPort | None = None  # bot/adults.py, set by the composition root
        # Copies of a user's data outside the stores, erased with it (the operator front's topics,
        # updates set aside): registered by the composition root, run before the case store forgets
        # who the user is. An eraser that fails fails the update, which is retried (all are idempotent).
        self.erasers: list[Callable[[StateKey], Awaitable[object]]] = []

    def key_for(self, platform: str, user_id: str) -> StateKey:
        return StateKey(platform, pseudonymize(self.secret, platform, user_id))

    async def first_delivery(self, platform: str, update_key: str) -> bool:
        """True unless this update (Telegram update_id, WhatsApp wamid) was processed before.

        In a worker (bot/delivery/worker.py) the update is recorded as done only with the state it changed,
        so one whose processing failed is processed again when retried. Without a worker (polling
        in development) the update is claimed at once, as before.
        """
        context = current_update()
        if context is None:
            return await self.states.claim(update_token(platform, update_key), IDEMPOTENCY_TTL_SECONDS)
        if context.checked and (context.platform, context.key) == (platform, update_key):
            return True
        return (await self.states.marks([update_token(platform, update_key)]))[0] is None

    async def set_unreachable(self, platform: str, user_id: str, unreachable: bool) -> None:
        """Record that a user blocked the bot (or unblocked it again)."""
        key = self._reach_key(platform, user_id)
        if unreachable:
            await self.states.save(key, {"unreachable": True})
        else:
            await self.states.delete(key)

    async def is_unreachable(self, platform: str, user_id: str) -> bool:
        data = await self.states.load(self._reach_key(platform, user_id))
        return bool(data and data.get("unreachable"))

    def _reach_key(self, platform: str, user_id: str) -> StateKey:
        return reach_record(self.key_for(platform, user_id))

    async def handle(self, inbound: Inbound) -> Reply:
        """Process one inbound event of a conversation and return what to send."""
        key = self.key_for(inbound.platform, inbound.user_id)
        reading = Reading.of(inbound.event)  # read for danger once: by the flood check and the engine
        if self.inbound_limit and not always_answered(inbound.event, reading):
            flooded = await self._flooded(key)
            if flooded is not None:
                return flooded
        return await self.handle_key(key, inbound.event, inbound.hint, address=inbound.user_id, reading=reading)

    async def _flooded(self, key: StateKey) -> Reply | None:
        """Past the user's limit: one notice, then nothing until the window is over (SOS and crisis
        signals are still answered: `always_answered`). Keeps one user's flood from taking the
        platform's sending budget, and the workers, from everyone else. A conversation waiting for or
        held by a person is never limited: what the child writes there must reach the case."""
        count = await self.states.hit(inbound_counter(key).counter, self.inbound_window_seconds)
        if count <= self.inbound_limit:
            return None
        data = await self.states.load(key)
        state = ConversationState.from_dict(data) if data else None
        if state is not None and (state.escalated is not None or state.with_operator):
            return None
        lang = state.lang if state is not None else None
        log.info("inbound limit reached", extra={"platform": key.platform, "count": count})
        if count == self.inbound_limit + 1:
            return Reply(lang or "ru", (flood_notice(self.config.emergency),))
        return Reply(lang or "ru", ())

    async def handle_key(self, key: StateKey, event: Event, hint: str | None = None, *,
                         address: str | None = None, reading: Reading | None = None) -> Reply:
        """Process an event for a conversation known by its pseudonymous key (the operators' side
        reaches users this way, never by a platform id). `address` is the raw chat id the user
        wrote from: kept on an escalation while it is active, so an operator's answer can reach them.
        `reading`: the event's crisis reading, when the caller has made it already."""
        jobs: list[Callable[[], Awaitable[None]]] = []
        token = _AFTER_RELEASE.set(jobs)
        try:
            async with self.locks.hold(key):
                state = await self._load(key)
                before = dict(state.draft)
                outward: list[Say | DiscardMedia] = []
                state = await self._run(key, state, event, hint, outward, address, reading=reading)
                reply = Reply(state.lang or "ru", tuple(outward))
                await self._persist(key, state, before, reply)
        finally:
            _AFTER_RELEASE.reset(token)
        for job in jobs:
            try:
                await job()
            except Exception:  # the conversation's own reply must still go
                log.exception("work after a conversation failed")
        context = current_update()
        if context is not None and context.owns(key):  # saved with the reply: what is sent now is the reply
            context.replying = True  # (its last message recorded with "done", bot/delivery/outbox.py)
        return reply

    async def _run(self, key: StateKey, state: ConversationState, event: Event, hint: str | None,
                   outward: list[Say | DiscardMedia], address: str | None = None, depth: int = 0,
                   reading: Reading | None = None) -> ConversationState:
        """Run the engine on one event; an action's answer is handled at once, so what it says
        comes where the action stood (an escalation's "a person will answer" before the next question)."""
        if depth >= MAX_ENGINE_ROUNDS:
            log.error("engine rounds exhausted", extra={"platform": key.platform, "step": state.step})
            return state
        result = handle(state, event, hint=hint, config=self.config, reading=reading)
        state = result.state
        for action in result.actions:
            if isinstance(action, Say | DiscardMedia):
                outward.append(action)
                continue
            answer = await self._carry_out(key, state, action, address)
            if answer is not None:
                state = await self._run(key, state, answer, hint, outward, address, depth + 1)
        return state

    async def _load(self, key: StateKey) -> ConversationState:
        data = await self.states.load(key)
        if data is not None:
            return ConversationState.from_dict(data)
        # A new or expired conversation: a report left half-way survives in the case store, and the
        # child's trusted adults live there.
        if self.first_look is None:
            return ConversationState(draft=await self.drafts.load(key) or {})
        # A draft not written yet (write-behind, bot/drafts.py) wins over the stored one. Taken before the
        # read: a flush that lands during it no longer lists the draft, and the read may predate the flush.
        unwritten = self.drafts.unwritten(key)
        found = await self.first_look.first_look(key)
        draft = found.draft if unwritten is None else unwritten.draft
        return ConversationState(draft=dict(draft or {}), adults=found.adults, alias=found.alias)

    async def _persist(self, key: StateKey, state: ConversationState, draft_before: dict[str, object],
                       reply: Reply) -> None:
        if dict(state.draft) != draft_before:
            await self.drafts.put(key, state.draft)  # an empty draft drops it
        context = current_update()
        if context is None or not context.owns(key):
            await self.states.save(key, state.to_dict())
        else:  # the update is done with its state, its reply kept until it is sent (bot/delivery/outbox.py)
            await self.states.save_marked(key, state.to_dict(), context.token,
                                          encode_reply(reply.lang, reply.actions), IDEMPOTENCY_TTL_SECONDS)

    async def _carry_out(self, key: StateKey, state: ConversationState,
                         action: FileCase | Escalate | LookupReport | DeleteUserData | RelayToOperator
                         | RelayWhileWaiting | RecordFeedback | AdultAction,
                         address: str | None = None) -> Event | None:
        if isinstance(action, RelayWhileWaiting):
            found = await self.operators.heard(key, action) if self.operators is not None else None
            if found is None:
                return Heard(kept=False)
            return Heard(kept=True, person=found.person, back_at=found.back_at)
        if not isinstance(action, FileCase | Escalate | LookupReport | DeleteUserData | RelayToOperator
                          | RecordFeedback):
            if self.adults is None:
                log.warning("no trusted adults runtime for an adult action", extra={"action": type(action).__name__})
                return None
            return await self.adults.carry_out(key, state, action, address)
        if isinstance(action, RelayToOperator | RecordFeedback):
            if self.operators is None:
                log.warning("no operator front-end for an operator action", extra={"action": type(action).__name__})
            elif isinstance(action, RelayToOperator):
                await self.operators.relay(key, action)
            else:
                await self.operators.feedback(key, action.helpful)
            return None
        if isinstance(action, FileCase):
            context = current_update()
            filed = await self.cases.file_case(NewCase(
                platform=key.platform, reporter=key.user, language=action.language, risk=action.risk,
                risk_reasons=action.reasons, report=action.report,
                id=context.case_id() if context is not None else None, address=address,
            ))
            self.drafts.forget(key)  # filing dropped the draft: a save still on its way must not bring it back
            log.info("case filed", extra={"case": filed.id, "risk": action.risk})
            return CaseFiled(filed.reference)
        if isinstance(action, Escalate):
            ticket = await self.cases.open_escalation(key.platform, key.user, state.lang or "ru", action.level,
                                                      action.reason, action.case_reference, address=address)
            log.info("escalated", extra={"ticket": ticket.id, "level": ticket.level})
            reach = await self.operators.queued(key, ticket) if self.operators is not None else NOBODY
            return Escalated(action.level, action.reason, ticket.position, ticket.wait_minutes, reach.back_at,
                             person=reach.person)
        if isinstance(action, LookupReport):
            attempts = await self.states.hit(f"lookup:{key.platform}:{key.user}", LOOKUP_WINDOW_SECONDS)
            if attempts > self.lookup_limit:
                return ReportStatus(action.reference, None, throttled=True)
            return ReportStatus(action.reference, await self.cases.status_of(action.reference))
        if isinstance(action, DeleteUserData):
            for erase in self.erasers:
                await erase(key)
            count = await self.cases.forget_user(key.platform, key.user)
            if self.adults is not None:
                await self.adults.forget(key)
            self.drafts.forget(key)  # nor may a draft waiting to be written survive the erasure
            await self.states.delete(key)
            return DataDeleted(count)
        return None
