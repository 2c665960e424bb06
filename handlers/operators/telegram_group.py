"""The operators' Telegram front-end: a supergroup with topics, one topic per escalated case.

Out: createForumTopic named with the reference, priority and language; the case card with its
buttons; evidence re-sent by Telegram file id; what the user writes; notices. In: the buttons
pressed and the messages written in the group (routed here by the Telegram channel when the
update's chat is OPERATOR_CHAT_ID), handed to the desk, which checks and decides.

The bot must be an administrator of the group with "Manage topics" (createForumTopic needs it,
and an administrator bot receives every message, not only commands). Telegram allows about 20
messages a minute into one group: the sender paces with the Telegram channel's pacer (bot/desk_wiring.py;
with REDIS_URL bot/delivery/pacing.py keeps every process under it) and waits out a 429 (bot/delivery/sending.py).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeVar

from aiogram import Bot
from aiogram.exceptions import AiogramError, TelegramBadRequest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message

from bot.delivery.sending import Pacer, Sender
from bot.desk.cards import platform_label
from bot.desk.desk import OperatorDesk
from bot.desk.front import CaseCard, Choice
from bot.desk.roster import Operator
from bot.desk.texts import outcome_key, status_key, verb_key
from flows.actions import RelayToOperator, RelayWhileWaiting
from flows.messages import N_, Msg
from handlers.operators.group_parse import (
    GroupIgnored,
    GroupMessage,
    GroupPress,
    chat_of,
    encode_choice,
    parse_group_update,
)
from handlers.staff_text import neutralise
from handlers.telegram.errors import classify
from handlers.telegram.render import PARSE_MODE, TEXT_LIMIT, split_html
from locales import Translator
from storage.operators import EscalationInfo

log = logging.getLogger(__name__)

T = TypeVar("T")
TOPIC_NAME_LIMIT = 128
CAPTION_LIMIT = 1024
ANSWER_LIMIT = 200  # answerCallbackQuery text
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # a reported link is never unfolded in the group
# createForumTopic accepts only these colours.
ICON_COLORS = {"critical": 0xFB6F5F, "high": 0xFF93B2, "normal": 0xFFD67E, "low": 0x6FB9F0}
ROW_VERBS = frozenset({"take", "close", "handback", "status"})  # short labels share a row
FirstDelivery = Callable[[str], Awaitable[bool]]


class TelegramGroupFront:
    """OperatorFront on a Telegram forum supergroup; set `desk` before updates arrive."""

    def __init__(self, bot: Bot, chat_id: int, translator: Translator, lang: str, *,
                 sender: Sender | None = None, first_delivery: FirstDelivery | None = None) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.translator = translator
        self.lang = lang
        self.sender = sender or Sender(pacer=Pacer(per_chat=1.0, global_rate=30.0))
        self.first_delivery = first_delivery
        self.desk: OperatorDesk | None = None
        self._titles: dict[str, str] = {}

    # -- OperatorFront -----------------------------------------------------------------------
    async def open_case(self, card: CaseCard) -> str | None:
        name = self._plain(card.title)[:TOPIC_NAME_LIMIT]
        color = ICON_COLORS.get(card.escalation.level)
        topic = await self._call(lambda: self.bot.create_forum_topic(chat_id=self.chat_id, name=name,
                                                                     icon_color=color))
        if topic is None:
            log.error("operator topic not created: the card goes to the General topic")
            await self.show_card(None, card)
            return None
        topic_id = str(topic.message_thread_id)
        self._titles[topic_id] = name
        await self.show_card(topic_id, card)
        return topic_id

    async def show_card(self, topic_id: str | None, card: CaseCard) -> None:
        await self.post(topic_id, card.body, choices=card.choices, mention=card.offer_to)
        for kind, file_id in card.evidence:
            await self._send_file(topic_id, kind, file_id, None)

    async def retitle(self, topic_id: str, title: Msg) -> None:
        name = self._plain(title)[:TOPIC_NAME_LIMIT]
        if self._titles.get(topic_id) == name:
            return
        done = await self._call(lambda: self.bot.edit_forum_topic(chat_id=self.chat_id,
                                                                  message_thread_id=int(topic_id), name=name))
        if done is not None:
            self._titles[topic_id] = name

    async def relay(self, topic_id: str | None, escalation: EscalationInfo,
                    relay: RelayToOperator | RelayWhileWaiting) -> None:
        waiting = isinstance(relay, RelayWhileWaiting)  # written before anyone took the case: marked so
        label = N_("op.from_user_waiting") if waiting else N_("op.from_user")
        caption = self._html(Msg(label, {"text": relay.text or ""})) if relay.text or waiting else None
        if isinstance(relay, RelayToOperator) and relay.refused:  # sexual images: told, never shown (flows.images)
            note = Msg(N_("op.user_file_refused") if escalation.platform == "telegram"
                       else N_("op.user_file_refused_kept_in_chat"),
                       {"kind": relay.media_kind or "", "platform": platform_label(escalation.platform)})
            await self._send_text(topic_id, "\n\n".join(filter(None, (self._html(note), caption))), None)
        elif relay.media_kind is None:
            await self._send_text(topic_id, caption or "", None)
        elif escalation.platform == "telegram" and relay.media_ref and relay.media_kind in SENDERS:
            await self._send_file(topic_id, relay.media_kind, relay.media_ref, caption)
        else:
            note = Msg(N_("op.user_file"), {"kind": relay.media_kind, "platform": platform_label(escalation.platform)})
            await self._send_text(topic_id, "\n\n".join(filter(None, (self._html(note), caption))), None)

    async def erase(self, topic_id: str) -> None:
        """Delete the case's topic with all its messages (deleteForumTopic: the card, what the user
        sent, the operators' answers). Where the bot may not (it lacks "delete messages"), the topic
        is closed and the General topic says it must be deleted by hand."""
        done = await self._call(lambda: self.bot.delete_forum_topic(chat_id=self.chat_id,
                                                                    message_thread_id=int(topic_id)))
        self._titles.pop(topic_id, None)
        if done:
            await self.post(None, Msg(N_("op.erased")))
            return
        log.error("operator topic not deleted: it must be deleted by hand", extra={"topic": topic_id})
        await self._call(lambda: self.bot.close_forum_topic(chat_id=self.chat_id, message_thread_id=int(topic_id)))
        await self.post(None, Msg(N_("op.erase_failed"), {"link": _topic_link(self.chat_id, topic_id)}))

    async def post(self, topic_id: str | None, text: Msg, *, choices: Sequence[Choice] = (),
                   mention: Sequence[Operator] = ()) -> None:
        body = self._html(text)
        if mention:
            body += "\n" + " ".join(_mention(operator) for operator in mention)
        await self._send_text(topic_id, body, self._keyboard(choices) if choices else None)

    # -- intake ------------------------------------------------------------------------------
    def claims(self, raw: Mapping[str, Any]) -> bool:
        """True for updates from the operator group (the channel routes them here)."""
        return chat_of(raw) == self.chat_id

    async def handle_update(self, raw: Mapping[str, Any]) -> None:
        update = parse_group_update(raw)
        if isinstance(update, GroupIgnored) or self.desk is None:
            return
        if self.first_delivery is not None and not await self.first_delivery(str(update.update_id)):
            return  # Telegram delivered it again
        if isinstance(update, GroupPress):
            await self._pressed(update, self.desk)
        elif isinstance(update, GroupMessage):
            await self.desk.wrote(update.actor, update.topic_id, update.text)

    async def _pressed(self, press: GroupPress, desk: OperatorDesk) -> None:
        if press.choice is None:
            await self._answer(press.callback_id, self._plain(Msg(N_("op.refused.unknown"))), alert=True)
            return
        answer = await desk.press(press.actor, press.choice)
        await self._answer(press.callback_id, self._plain(answer.text), alert=not answer.ok)

    # -- Bot API -----------------------------------------------------------------------------
    async def _send_text(self, topic_id: str | None, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
        parts = split_html(text, TEXT_LIMIT)
        for index, part in enumerate(parts):
            await self._call(self._message(topic_id, part, keyboard if index == len(parts) - 1 else None))

    def _message(self, topic_id: str | None, text: str,
                 keyboard: InlineKeyboardMarkup | None) -> Callable[[], Awaitable[Message]]:
        return lambda: self.bot.send_message(chat_id=self.chat_id, message_thread_id=_thread(topic_id), text=text,
                                             parse_mode=PARSE_MODE, reply_markup=keyboard,
                                             link_preview_options=NO_PREVIEW)

    async def _send_file(self, topic_id: str | None, kind: str, file_id: str, caption: str | None) -> None:
        send = SENDERS.get(kind)
        if send is None:
            return
        text = caption[:CAPTION_LIMIT] if caption and len(caption) <= CAPTION_LIMIT else None
        await self._call(lambda: send(self.bot, self.chat_id, _thread(topic_id), file_id, text))
        if caption and text is None:
            await self._send_text(topic_id, caption, None)

    async def _answer(self, callback_id: str, text: str, *, alert: bool) -> None:
        try:
            await self.bot.answer_callback_query(callback_query_id=callback_id, text=text[:ANSWER_LIMIT],
                                                 show_alert=alert)
        except AiogramError as error:
            log.warning("operator button not answered", extra={"error": type(classify(error)).__name__})

    async def _call(self, make: Callable[[], Awaitable[T]]) -> T | None:
        """One Bot API request, retried per the delivery taxonomy; None if it failed for good."""
        results: list[T] = []

        async def deliver(_chat: str, request: Callable[[], Awaitable[T]]) -> None:
            try:
                results.append(await request())
            except AiogramError as error:
                raise classify(error) from error

        report = await self.sender.send_all(deliver, str(self.chat_id), [make])
        if report.failed:
            log.error("operator group request failed", extra={"failed": report.failed})
        return results[0] if results else None

    # -- rendering ---------------------------------------------------------------------------
    def _html(self, text: Msg) -> str:
        return self.translator.text(text, self.lang, _escape)

    def _plain(self, text: Msg) -> str:
        return html.unescape(self.translator.text(text, self.lang).replace("<b>", "").replace("</b>", ""))

    def _keyboard(self, choices: Sequence[Choice]) -> InlineKeyboardMarkup:
        rows: list[list[InlineKeyboardButton]] = []
        for choice in choices:
            button = InlineKeyboardButton(text=self._plain(Msg(_label(choice))), callback_data=encode_choice(choice))
            if choice.verb in ROW_VERBS and rows and rows[-1] and len(rows[-1]) < 4:
                rows[-1].append(button)
            else:
                rows.append([button])
        return InlineKeyboardMarkup(inline_keyboard=rows)


FileSender = Callable[[Bot, int, int | None, str, str | None], Awaitable[Any]]

# Files re-sent by their Telegram file id (never downloaded). Stickers carry no caption.
SENDERS: dict[str, FileSender] = {
    "photo": lambda b, c, t, f, cap: b.send_photo(chat_id=c, message_thread_id=t, photo=f, caption=cap,
                                                  parse_mode=PARSE_MODE),
    "video": lambda b, c, t, f, cap: b.send_video(chat_id=c, message_thread_id=t, video=f, caption=cap,
                                                  parse_mode=PARSE_MODE),
    "document": lambda b, c, t, f, cap: b.send_document(chat_id=c, message_thread_id=t, document=f, caption=cap,
                                                        parse_mode=PARSE_MODE),
    "voice": lambda b, c, t, f, cap: b.send_voice(chat_id=c, message_thread_id=t, voice=f, caption=cap,
                                                  parse_mode=PARSE_MODE),
    "audio": lambda b, c, t, f, cap: b.send_audio(chat_id=c, message_thread_id=t, audio=f, caption=cap,
                                                  parse_mode=PARSE_MODE),
    "sticker": lambda b, c, t, f, cap: b.send_sticker(chat_id=c, message_thread_id=t, sticker=f),
}


def _label(choice: Choice) -> str:
    if choice.verb == "outcome" and choice.arg:
        return outcome_key(choice.arg)
    if choice.verb == "set_status" and choice.arg:
        return status_key(choice.arg)
    return verb_key(choice.verb)


def _mention(operator: Operator) -> str:
    return f'<a href="tg://user?id={int(operator.id)}">{_escape(operator.name or "👤")}</a>'


def _thread(topic_id: str | None) -> int | None:
    return int(topic_id) if topic_id is not None else None


def _escape(text: str) -> str:
    """User text (and every other parameter) as staff read it: invisible characters shown, then escaped."""
    return html.escape(neutralise(text), quote=False)


def _topic_link(chat_id: int, topic_id: str) -> str:
    """The topic's address for the group's members (t.me/c/<id without -100>/<topic>)."""
    return f"https://t.me/c/{str(chat_id).removeprefix('-100')}/{int(topic_id)}"


async def delete_topics(bot: Bot, chat_id: int, topics: Sequence[str]) -> int:
    """Retention (`python -m bot purge`): delete these topics of the operator group with everything
    in them. A topic already gone counts as deleted. Returns how many could not be deleted."""
    left = 0
    for topic in topics:
        try:
            await bot.delete_forum_topic(chat_id=chat_id, message_thread_id=int(topic))
        except TelegramBadRequest as error:
            if not any(word in str(error).lower() for word in ("not found", "invalid")):
                left += 1
                log.error("operator topic not deleted by retention", extra={"topic": topic})
        except (AiogramError, ValueError):
            left += 1
            log.error("operator topic not deleted by retention", extra={"topic": topic})
    return left
