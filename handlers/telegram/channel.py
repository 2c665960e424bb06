"""The Telegram channel: one update in, the engine's reply out, within Telegram's limits.

Webhook and polling both store raw update JSON (bot/delivery/intake.py) and a worker hands each to
`process_update`, so the two ways of running behave the same. The adapter decides nothing: the
engine does.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections import Counter
from collections.abc import Mapping
from typing import Any, Protocol

from aiogram import Bot

from bot.delivery.outbox import record_before_waiting
from bot.delivery.sending import DeliveryReport, Pacer, Sender
from bot.records import keyboard_record
from bot.service import ConversationService, Inbound, Reply
from flows.actions import Say
from flows.emergency import EmergencyLine, numbers_block
from flows.engine import language_from_hint
from flows.messages import Msg
from handlers.render import render
from handlers.telegram import texts
from handlers.telegram.api import BotApi
from handlers.telegram.parse import (
    Converse,
    Edited,
    Elsewhere,
    Ignored,
    Incoming,
    Membership,
    Pressed,
    Unparseable,
    answerable_at_once,
    parse_update,
)
from handlers.telegram.render import TEXT_LIMIT, SendLocation, SendText, escape, to_outgoing, with_sos_keyboard
from locales import Translator
from locales.translator import LANGUAGES

log = logging.getLogger(__name__)

PLATFORM = "telegram"
DEFAULT_LANG = "ru"
GROUP_NOTICE_TTL = 86400  # say "private chats only" (with the numbers) at most once a day per group
EDIT_NOTICE_TTL = 86400  # explain once a day at most that edits are not read


class OperatorInbox(Protocol):
    """The operator group's front-end (handlers/operators/telegram_group.py): it takes the updates
    whose chat is OPERATOR_CHAT_ID, before they are read as a user's."""

    def claims(self, raw: Mapping[str, Any]) -> bool: ...

    async def handle_update(self, raw: Mapping[str, Any]) -> None: ...


class TelegramChannel:
    platform = PLATFORM

    def __init__(self, bot: Bot, service: ConversationService, translator: Translator, *,
                 webhook_secret: str | None, emergency: tuple[EmergencyLine, ...],
                 sender: Sender | None = None) -> None:
        self.bot = bot
        self.bot_id = bot.id
        self.api = BotApi(bot)
        self.service = service
        self.translator = translator
        self.webhook_secret = webhook_secret
        self.emergency = emergency
        self.sender = sender or Sender(pacer=Pacer(per_chat=1.0, global_rate=30.0, scope=PLATFORM))
        self.stats: Counter[str] = Counter()  # counts only: no texts, no ids
        self.sos_labels = frozenset(translator.template(texts.SOS_BUTTON, lang).strip() for lang in LANGUAGES)
        self.operators: OperatorInbox | None = None  # set when OPERATOR_CHAT_ID is (bot/desk_wiring.py)

    async def send_reply(self, address: str, reply: Reply) -> DeliveryReport:
        """Send a reply to a user known by the raw chat id kept on their escalation (the operator desk)."""
        return await self.deliver(int(address), reply)

    async def send_location(self, address: str, latitude: float, longitude: float) -> DeliveryReport:
        """Forward a child's location to their trusted adult (bot/adults.py): sent, never kept."""
        if await self.service.is_unreachable(PLATFORM, address):
            return DeliveryReport(failed=["recipient_gone"], recipient_gone=True)
        return self._count(await self.sender.send_all(self.api.send, address, [SendLocation(latitude, longitude)]))

    # -- intake -----------------------------------------------------------------------------
    def secret_matches(self, header: str | None) -> bool:
        """The webhook's X-Telegram-Bot-Api-Secret-Token, compared in constant time."""
        if not self.webhook_secret or header is None:
            return False
        return hmac.compare_digest(header.encode(), self.webhook_secret.encode())

    def read(self, raw: Mapping[str, Any]) -> Incoming | None:
        """Parse, or log an update the installed aiogram cannot read and return None."""
        try:
            return parse_update(raw, self.sos_labels)
        except Unparseable as error:
            log.warning("telegram update not readable by aiogram, dropped",
                        extra={"update_id": raw.get("update_id"), "reason": str(error)})
            return None

    def answered_in_webhook(self, raw: Mapping[str, Any]) -> str | None:
        """The callback query id the webhook answers in its HTTP response (`answerable_at_once`),
        never one of the operator group's (its front-end answers those after its checks)."""
        if self.operators is not None and self.operators.claims(raw):
            return None
        return answerable_at_once(raw)

    def metrics(self) -> dict[str, int]:
        """Every counter of the channel, flat, for a metrics endpoint (no texts, no ids)."""
        return {f"telegram_{name}": count for name, count in self.stats.items()}

    async def process_update(self, raw: Mapping[str, Any], *, via_webhook: bool = False) -> None:
        """Process one update now, start to end. `via_webhook`: it came in a webhook call, whose
        response answered the press already when `answered_in_webhook` says so (not by polling)."""
        if self.operators is not None and self.operators.claims(raw):
            await self.operators.handle_update(raw)
            return
        incoming = self.read(raw)
        if incoming is not None:
            await self.handle(incoming, answered=via_webhook and self.answered_in_webhook(raw) is not None)

    async def handle(self, incoming: Incoming, *, answered: bool = False) -> None:
        """`answered`: a press the webhook's response answered already (no answerCallbackQuery)."""
        if isinstance(incoming, Ignored):
            return
        if not await self.service.first_delivery(PLATFORM, f"{self.bot_id}:{incoming.update_id}"):
            log.info("duplicate telegram update skipped", extra={"update_id": incoming.update_id})
            self.stats["duplicates"] += 1
            return
        if isinstance(incoming, Converse):
            await self._converse(incoming.user_id, incoming)
        elif isinstance(incoming, Pressed):
            await self._pressed(incoming, answered)
        elif isinstance(incoming, Membership):
            await self.service.set_unreachable(PLATFORM, str(incoming.user_id), incoming.blocked)
            self.stats["users_blocked" if incoming.blocked else "users_restarted"] += 1
            log.info("telegram user %s the bot", "blocked" if incoming.blocked else "restarted")
        elif isinstance(incoming, Edited):
            await self._edited(incoming)
        elif isinstance(incoming, Elsewhere):
            await self._elsewhere(incoming)

    # -- what each update does --------------------------------------------------------------
    async def _converse(self, user_id: int, incoming: Converse | Pressed) -> None:
        user = str(user_id)
        event = incoming.event if isinstance(incoming, Converse) else incoming.pick
        if event is None:
            return
        if await self.service.is_unreachable(PLATFORM, user):
            # A blocked bot receives nothing from the user: writing to us means they came back
            # (the my_chat_member update may arrive after the message).
            await self.service.set_unreachable(PLATFORM, user, False)
        reply = await self.service.handle(Inbound(PLATFORM, user, event, incoming.hint))
        await self.deliver(user_id, reply)

    async def _pressed(self, pressed: Pressed, answered: bool = False) -> None:
        if answered:
            self.stats["callbacks_answered_in_webhook"] += 1
        else:  # always answered, here or in the webhook's response: no spinning clock
            notice = None
            if pressed.chat_id is not None and pressed.pick is None:
                notice = self.translator.text(Msg(texts.STALE), await self._lang_of(pressed.user_id, pressed.hint))
            await self.api.answer_callback(pressed.callback_id, notice)
        if pressed.chat_id is None:
            return
        if pressed.message_id is None:
            await self._converse(pressed.user_id, pressed)
            return
        # Closing the pressed menu runs beside the reply, not before it: the child's answer does
        # not wait for a Bot API round trip it does not need (issue 12, "Late when the platform is slow").
        closing = asyncio.ensure_future(self.api.close_menu(pressed.chat_id, pressed.message_id))
        # Its request goes first (one turn of the loop: written before the state is), as when the
        # inbound limit's counter was a round trip of its own; the reply does not wait for its answer.
        # So a worker killed while the close is on its way may have the reply's sendMessage in flight
        # too: the platform can accept it after the kill, unrecorded, and the next worker sends it again.
        # That is the outbox's one window (a platform round trip plus a store round trip,
        # bot/delivery/outbox.py), not a new one.
        await asyncio.sleep(0)
        try:
            await self._converse(pressed.user_id, pressed)
            await record_before_waiting(closing)  # the reply's last message is not left waiting on it
        finally:
            await closing

    async def _edited(self, edited: Edited) -> None:
        user = self.service.key_for(PLATFORM, str(edited.user_id)).user
        if await self.service.states.claim(f"tg-edited:{user}", EDIT_NOTICE_TTL):
            lang = await self._lang_of(edited.user_id, edited.hint)
            await self.deliver(edited.user_id, Reply(lang, (Say(Msg(texts.EDITED)),)))

    async def _elsewhere(self, group: Elsewhere) -> None:
        if not await self.service.states.claim(f"tg-group:{self.bot_id}:{group.chat_id}", GROUP_NOTICE_TTL):
            return
        lang = language_from_hint(group.hint) or DEFAULT_LANG
        text = self.translator.text(Msg(texts.PRIVATE_ONLY, {"numbers": numbers_block(self.emergency)}), lang, escape)
        self._count(await self.sender.send_all(self.api.send, str(group.chat_id), [SendText(text)]))

    # -- sending ----------------------------------------------------------------------------
    async def deliver(self, user_id: int, reply: Reply) -> DeliveryReport:
        """Send a reply to a user's private chat, unless the user blocked the bot."""
        user = str(user_id)
        if await self.service.is_unreachable(PLATFORM, user):
            log.info("telegram reply not sent: the user blocked the bot")
            return DeliveryReport()
        items = to_outgoing(render(reply.actions, reply.lang, self.translator, escape, TEXT_LIMIT))
        if not items:
            return DeliveryReport()
        keyboard_key = keyboard_record(self.service.key_for(PLATFORM, user))
        shown = await self.service.states.load(keyboard_key)
        with_keyboard = any(isinstance(i, SendText) for i in items) and (shown or {}).get("lang") != reply.lang
        if with_keyboard:
            label = self.translator.text(Msg(texts.SOS_BUTTON), reply.lang)
            intro = self.translator.text(Msg(texts.SOS_KEYBOARD), reply.lang, escape)
            items = with_sos_keyboard(items, label, intro)
        report = self._count(await self.sender.send_all(self.api.send, user, items))
        if report.recipient_gone:
            await self.service.set_unreachable(PLATFORM, user, True)
            log.info("telegram user unreachable, marked")
        elif with_keyboard and not report.failed:
            await self.service.states.save(keyboard_key, {"lang": reply.lang})
        return report

    def _count(self, report: DeliveryReport) -> DeliveryReport:
        self.stats["sent"] += report.sent
        self.stats["retries"] += report.retries
        for kind in report.failed:
            self.stats[f"failed_{kind}"] += 1
        return report

    async def _lang_of(self, user_id: int, hint: str | None) -> str:
        data = await self.service.states.load(self.service.key_for(PLATFORM, str(user_id)))
        lang = data.get("lang") if data else None
        return str(lang) if lang else language_from_hint(hint) or DEFAULT_LANG

    async def close(self) -> None:
        """Close the HTTP session (the pipeline's worker has finished the updates in hand)."""
        await self.bot.session.close()

