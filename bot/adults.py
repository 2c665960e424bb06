"""The runtime's part for trusted adults (flows/adults.py; docs/families.md).

Carries out the engine's `CreateLinkCode`, `RedeemLinkCode`, `ConfirmAdultLink`, `AlertAdults`,
`AnswerAlert`... Codes live in the state store with a 15-minute life and are taken once; links
live in the case database (storage/adults.py). An alert goes straight to each adult's address in
the adult's language through the platform's `AdultLink` (wired by the composition root); the
child's own conversation is told of a confirmation or an adult's answer only after the adult's
conversation is released (`bot.service.after_release`), so two conversations are never held at once.
A location is forwarded and forgotten: never in a state, a record or a log.
"""

from __future__ import annotations

import json
import logging
import secrets
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.service import ConversationService, Reply, after_release
from flows.actions import (
    AdultAction,
    AlertAdults,
    AnswerAlert,
    ConfirmAdultLink,
    CreateLinkCode,
    DeclineAdultLink,
    NameAdult,
    Option,
    RedeemLinkCode,
    RemoveAdult,
    Say,
)
from flows.adults import ALERT_STEP, ANSWERS, CODE_MINUTES, CODE_SYMBOLS, MAX_ADULTS, format_code, is_code_shaped
from flows.emergency import numbers_block
from flows.events import (
    AdultAnswered,
    AdultLinked,
    AdultLinkMade,
    AdultsAlerted,
    AlertOutcome,
    Event,
    LinkCodeChecked,
    LinkCodeCreated,
)
from flows.messages import N_, Msg
from flows.references import ALPHABET
from flows.state import ConversationState
from storage.adults import Link, SqlAdultStore
from storage.base import StateKey

log = logging.getLogger(__name__)

# Send a reply (and a location after it) to a raw platform address; True when the platform took it.
AdultLink = Callable[[str, Reply, tuple[float, float] | None], Awaitable[bool]]

CODE_SECONDS = CODE_MINUTES * 60
ALERT_SECONDS = 12 * 3600  # an adult's "I'm coming" reaches the child this long after the alert
REDEEM_LIMIT = 5  # codes an adult may try an hour: guessing one of 2^50 is hopeless at this pace
REDEEM_WINDOW = 3600


def new_code() -> str:
    """A code from a cryptographic source, shaped so no word can be read as one."""
    while True:
        symbols = "".join(secrets.choice(ALPHABET) for _ in range(CODE_SYMBOLS))
        if is_code_shaped(symbols):
            return symbols


def _code_token(code: str) -> str:
    return "adult-code:" + code.replace("-", "")


def _pending_token(key: StateKey) -> str:
    return f"adult-pending:{key.platform}:{key.user}"


class TrustedAdults:
    """Carries out the engine's trusted-adult actions for `ConversationService`."""

    def __init__(self, service: ConversationService, store: SqlAdultStore, *, timezone: str = "Asia/Almaty",
                 redeem_limit: int = REDEEM_LIMIT, clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 code_factory: Callable[[], str] = new_code) -> None:
        self.service = service
        self.store = store
        self.states = service.states
        self.zone = ZoneInfo(timezone)
        self.redeem_limit = redeem_limit
        self.clock = clock
        self.new_code = code_factory
        self.links: dict[str, AdultLink] = {}  # by platform, set by the composition root
        # Telegram's deep link for a code ("https://t.me/<bot>?start=<code>"), when the bot is on Telegram.
        self.deep_link: Callable[[str], Awaitable[str | None]] | None = None
        # Tells the operators of an active case that the child alerted their adults (bot/desk/desk.py).
        self.operators_notice: Callable[[StateKey], Awaitable[None]] | None = None

    # -- the service's side -------------------------------------------------------------------
    async def forget(self, key: StateKey) -> None:
        """"Delete my data": the links go, the person's as a child and as an adult."""
        await self.store.forget(key.platform, key.user)

    async def carry_out(self, key: StateKey, state: ConversationState, action: AdultAction,
                        address: str | None) -> Event | None:
        if isinstance(action, CreateLinkCode):
            return await self._create(key, state, action, address)
        if isinstance(action, RedeemLinkCode):
            return await self._redeem(key, action, address)
        if isinstance(action, ConfirmAdultLink):
            return await self._confirm(key, state, address)
        if isinstance(action, DeclineAdultLink):
            await self.states.mark(_pending_token(key), "", 1)
        elif isinstance(action, NameAdult):
            await self.store.rename(action.link_id, key.platform, key.user, action.name)
        elif isinstance(action, RemoveAdult):
            await self.store.remove(action.link_id, key.platform, key.user)  # the adult is never told
        elif isinstance(action, AlertAdults):
            return await self._alert(key, action, address)
        elif isinstance(action, AnswerAlert):
            await self._answer(key, action)
        return None

    # -- linking ------------------------------------------------------------------------------
    async def _create(self, key: StateKey, state: ConversationState, action: CreateLinkCode,
                      address: str | None) -> Event:
        if address is None or len(await self.store.links_of(key.platform, key.user)) >= MAX_ADULTS:
            return LinkCodeCreated(None)
        code = self.new_code()
        record = {"platform": key.platform, "user": key.user, "alias": action.alias, "address": address,
                  "lang": state.lang or "ru"}
        await self.states.mark(_code_token(code), json.dumps(record), CODE_SECONDS)
        log.info("trusted adult code made")
        return LinkCodeCreated(format_code(code), CODE_MINUTES, await self._deep_link(code))

    async def _deep_link(self, code: str) -> str | None:
        if self.deep_link is None:
            return None
        try:
            return await self.deep_link(code)
        except Exception:  # the code alone is enough
            log.warning("no Telegram link for a trusted adult code", exc_info=True)
            return None

    async def _redeem(self, key: StateKey, action: RedeemLinkCode, address: str | None) -> Event:
        tries = await self.states.hit(f"adult-redeem:{key.platform}:{key.user}", REDEEM_WINDOW)
        if tries > self.redeem_limit:
            log.warning("trusted adult codes tried too often", extra={"platform": key.platform})
            return LinkCodeChecked(None, throttled=True)
        token = _code_token(action.code)
        found = (await self.states.marks([token]))[0]
        record = json.loads(found) if found else None
        if record is None or address is None or (record["platform"], record["user"]) == (key.platform, key.user):
            return LinkCodeChecked(None)
        if not await self.states.claim("used:" + token, CODE_SECONDS):
            return LinkCodeChecked(None)  # a code works once
        await self.states.mark(token, "", 1)
        await self.states.mark(_pending_token(key), found or "", CODE_SECONDS)
        return LinkCodeChecked(str(record["alias"]), lang=str(record["lang"]))

    async def _confirm(self, key: StateKey, state: ConversationState, address: str | None) -> Event:
        found = (await self.states.marks([_pending_token(key)]))[0]
        if not found or address is None:
            return AdultLinkMade(False, "expired")
        record = json.loads(found)
        child = StateKey(str(record["platform"]), str(record["user"]))
        if child == key:
            return AdultLinkMade(False, "self")
        link = await self.store.add(child_platform=child.platform, child_user=child.user,
                                    child_alias=str(record["alias"]), adult_platform=key.platform,
                                    adult_user=key.user, adult_address=address,
                                    adult_language=state.lang or "ru", limit=MAX_ADULTS)
        await self.states.mark(_pending_token(key), "", 1)
        if link is None:
            return AdultLinkMade(False, "full")
        log.info("trusted adult linked")
        child_address = str(record["address"])
        after_release(lambda: self._tell_child(child, child_address, AdultLinked(link.id)))
        return AdultLinkMade(True)

    async def _tell_child(self, child: StateKey, address: str, event: Event) -> None:
        reply = await self.service.handle_key(child, event)
        await self._send(child.platform, address, reply, None)

    # -- alerts -------------------------------------------------------------------------------
    async def _alert(self, key: StateKey, action: AlertAdults, address: str | None) -> Event:
        links = await self.store.links_of(key.platform, key.user)
        follow_up = action.note is not None or action.location is not None
        alert_id = uuid.uuid4().hex[:16]
        if address is not None and not follow_up:
            record = {"platform": key.platform, "user": key.user, "address": address}
            await self.states.mark(f"adult-alert:{alert_id}", json.dumps(record), ALERT_SECONDS)
        at = self.clock().astimezone(self.zone).strftime("%H:%M")
        outcomes: list[AlertOutcome] = []
        for link in links:
            reply = Reply(link.adult_language, self._alert_says(link, action, alert_id, at))
            sent = await self._send(link.adult_platform, link.adult_address, reply, action.location)
            outcomes.append(AlertOutcome(link.name, sent, at if sent else None, link.id))
        delivered = sum(o.delivered for o in outcomes)
        if not follow_up:
            await self.store.count_alert(len(links), delivered)
            if self.operators_notice is not None:
                await self.operators_notice(key)
        log.info("trusted adults alerted",
                 extra={"adults": len(outcomes), "delivered": delivered, "follow_up": follow_up})
        return AdultsAlerted(tuple(outcomes), follow_up)

    def _alert_says(self, link: Link, action: AlertAdults, alert_id: str, at: str) -> tuple[Say, ...]:
        numbers = numbers_block(self.service.config.emergency)
        if action.note is not None:
            return (Say(Msg(N_("alert.note_to_adult"), {"name": link.child_alias, "note": action.note})),)
        if action.location is not None:
            return (Say(Msg(N_("alert.location_to_adult"), {"name": link.child_alias})),)
        options = tuple(Option(f"{answer}:{alert_id}", Msg(f"alert.answer_button.{answer}")) for answer in ANSWERS)
        return (Say(Msg(N_("alert.to_adult"), {"name": link.child_alias, "time": at, "numbers": numbers}),
                    options, ALERT_STEP),)

    async def _answer(self, key: StateKey, action: AnswerAlert) -> None:
        found = (await self.states.marks([f"adult-alert:{action.alert_id}"]))[0]
        if not found:
            return
        record = json.loads(found)
        child = StateKey(str(record["platform"]), str(record["user"]))
        link = next((link for link in await self.store.links_of(child.platform, child.user)
                     if (link.adult_platform, link.adult_user) == (key.platform, key.user)), None)
        if link is None:  # removed since: the child decided, the adult's answer goes nowhere
            return
        child_address = str(record["address"])
        after_release(lambda: self._tell_child(child, child_address, AdultAnswered(link.name, action.answer)))

    async def _send(self, platform: str, address: str, reply: Reply, location: tuple[float, float] | None) -> bool:
        send = self.links.get(platform)
        if send is None:
            log.warning("trusted adult on a platform not connected here", extra={"platform": platform})
            return False
        try:
            return await send(address, reply, location)
        except Exception:
            log.exception("trusted adult message not sent", extra={"platform": platform})
            return False
