"""Telegram updates (Bot API JSON) -> channel-neutral events. Pure: no I/O, no clock.

The update is validated with the installed aiogram's types first, so what this adapter
accepts is exactly what aiogram can read; anything else raises `Unparseable` (the webhook
logs it and answers 200, so Telegram does not retry it forever).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from aiogram.enums import ChatMemberStatus, ChatType, ContentType
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message, Update
from pydantic import ValidationError

from flows.commands import read_command
from flows.events import Event, Location, Media, MediaKind, Pick, Text
from handlers.render import decode_choice

SOS_COMMAND = "/sos"

# Content a person sends; everything else in a message is a service note (pinned, joined...).
_MEDIA_KINDS: dict[ContentType, MediaKind] = {
    ContentType.PHOTO: MediaKind.PHOTO,
    ContentType.VIDEO: MediaKind.VIDEO,
    ContentType.VIDEO_NOTE: MediaKind.VIDEO,
    ContentType.ANIMATION: MediaKind.VIDEO,  # a GIF can show a person as much as a video
    ContentType.LIVE_PHOTO: MediaKind.PHOTO,
    ContentType.PAID_MEDIA: MediaKind.PHOTO,
    ContentType.DOCUMENT: MediaKind.DOCUMENT,
    ContentType.VOICE: MediaKind.VOICE,
    ContentType.AUDIO: MediaKind.AUDIO,
    ContentType.STICKER: MediaKind.STICKER,
    ContentType.LOCATION: MediaKind.LOCATION,
    ContentType.VENUE: MediaKind.LOCATION,
    ContentType.CONTACT: MediaKind.CONTACT,
    ContentType.STORY: MediaKind.OTHER,
    ContentType.DICE: MediaKind.OTHER,
    ContentType.GAME: MediaKind.OTHER,
    ContentType.POLL: MediaKind.OTHER,
    ContentType.CHECKLIST: MediaKind.OTHER,
}
_GROUPS = (ChatType.GROUP, ChatType.SUPERGROUP)
_PRESENT = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.CREATOR)


class Unparseable(ValueError):
    """An update the installed aiogram cannot read. Carries the reason, never the payload."""


@dataclass(frozen=True)
class Converse:
    """A private message for the engine."""

    update_id: int
    chat_id: int
    user_id: int
    event: Event
    hint: str | None = None


@dataclass(frozen=True)
class Pressed:
    """A pressed inline button. `pick` is None for data this bot did not make;
    `chat_id` is None when the button is not in a private chat with the bot."""

    update_id: int
    callback_id: str
    user_id: int
    chat_id: int | None
    message_id: int | None
    pick: Pick | None
    hint: str | None = None


@dataclass(frozen=True)
class Edited:
    """The user edited an earlier message in a private chat."""

    update_id: int
    chat_id: int
    user_id: int
    hint: str | None = None


@dataclass(frozen=True)
class Membership:
    """The user blocked the bot (`blocked`) or started it again."""

    update_id: int
    chat_id: int
    user_id: int
    blocked: bool


@dataclass(frozen=True)
class Elsewhere:
    """Someone addressed the bot in a group (a command, or adding the bot): private chats only."""

    update_id: int
    chat_id: int
    hint: str | None = None


@dataclass(frozen=True)
class Ignored:
    update_id: int
    reason: str


Incoming = Converse | Pressed | Edited | Membership | Elsewhere | Ignored


def read_update(raw: Mapping[str, Any]) -> Update:
    """Validate with aiogram's types; `Unparseable` names the first failing field."""
    try:
        return Update.model_validate(dict(raw))
    except ValidationError as error:
        details = error.errors()
        where = ".".join(str(part) for part in details[0]["loc"]) if details else "?"
        kind = details[0]["type"] if details else "?"
        raise Unparseable(f"{error.error_count()} error(s), first at {where}: {kind}") from None


def parse_update(raw: Mapping[str, Any], sos_labels: Collection[str] = ()) -> Incoming:
    """One update into what the adapter must do. `sos_labels` are the texts of the
    persistent SOS button in every language; pressing it reads as /sos."""
    update = read_update(raw)
    uid = update.update_id
    if update.message is not None:
        return _message(uid, update.message, sos_labels)
    if update.callback_query is not None:
        return _callback(uid, update.callback_query)
    if update.edited_message is not None:
        edited = update.edited_message
        if edited.chat.type != ChatType.PRIVATE or _from_bot(edited):
            return Ignored(uid, "edited message outside a private chat")
        return Edited(uid, edited.chat.id, _sender(edited), _hint(edited))
    if update.my_chat_member is not None:
        return _membership(uid, update.my_chat_member)
    if update.channel_post is not None or update.edited_channel_post is not None:
        return Ignored(uid, "channel post")
    return Ignored(uid, f"update type {_kind(update)}")


def _message(uid: int, message: Message, sos_labels: Collection[str]) -> Incoming:
    if message.chat.type in _GROUPS:
        # Only this bot's own commands (/start, /sos...) are answered; other bots' are not ours.
        addressed = bool(message.text and message.text.startswith("/") and read_command(message.text))
        return Elsewhere(uid, message.chat.id, _hint(message)) if addressed else Ignored(uid, "group message")
    if message.chat.type != ChatType.PRIVATE:
        return Ignored(uid, f"{message.chat.type} chat")
    if _from_bot(message):
        return Ignored(uid, "message from a bot")
    event = _event(message, sos_labels)
    if event is None:
        return Ignored(uid, f"service message {ContentType(message.content_type).value}")
    return Converse(uid, message.chat.id, _sender(message), event, _hint(message))


def _event(message: Message, sos_labels: Collection[str]) -> Event | None:
    if message.text is not None:
        text = message.text
        return Text(SOS_COMMAND if text.strip() in sos_labels else text)
    where = message.location or (message.venue.location if message.venue else None)
    if where is not None:
        # Forwarded only to the child's trusted adults (bot/adults.py), never kept.
        return Location(where.latitude, where.longitude)
    kind = _MEDIA_KINDS.get(ContentType(message.content_type))
    if kind is None:
        return None
    return Media(kind, _file_id(message), str(message.message_id), message.caption)


def _file_id(message: Message) -> str | None:
    """The Telegram file id kept as evidence (never the bytes). Locations and contacts keep
    nothing: a child's whereabouts or a phone number are not evidence we need."""
    if message.photo:
        largest = max(message.photo, key=lambda size: (size.width * size.height, size.file_size or 0))
        return largest.file_id
    for media in (message.video, message.video_note, message.animation, message.document, message.voice,
                  message.audio, message.sticker):
        if media is not None:
            return media.file_id
    return None


def answerable_at_once(raw: Mapping[str, Any]) -> str | None:
    """The callback query id of a press whose answer needs no state, else None.

    A button this bot made (`decode_choice`), pressed in a private chat: the worker would answer
    it without a text whatever the conversation holds, so the webhook answers it in its HTTP
    response and the worker skips its own call. Data that does not decode (the answer carries a
    notice in the user's language), a press outside a private chat (the operator group's answers
    are texts after checks) and one without a message stay the worker's. Pure, on the raw JSON,
    read without aiogram (the webhook's path validates nothing): the webhook and the worker call
    it on the same stored payload, so they always agree.
    """
    query = raw.get("callback_query")
    if not isinstance(query, Mapping):
        return None
    query_id, data, message = query.get("id"), query.get("data"), query.get("message")
    if not isinstance(query_id, str) or not query_id or not isinstance(data, str) or not data:
        return None
    chat = message.get("chat") if isinstance(message, Mapping) else None
    if not isinstance(chat, Mapping) or chat.get("type") != ChatType.PRIVATE.value:
        return None
    return query_id if decode_choice(data) is not None else None


def _callback(uid: int, query: CallbackQuery) -> Pressed:
    pick = decode_choice(query.data) if query.data else None
    chat_id = message_id = None
    message = query.message
    if message is not None:
        message_id = message.message_id
        if message.chat.type == ChatType.PRIVATE:
            chat_id = message.chat.id
    hint = query.from_user.language_code
    return Pressed(uid, query.id, query.from_user.id, chat_id, message_id, pick, hint)


def _membership(uid: int, change: ChatMemberUpdated) -> Incoming:
    new_status = change.new_chat_member.status
    old_status = change.old_chat_member.status
    if change.chat.type == ChatType.PRIVATE:
        if new_status == ChatMemberStatus.KICKED:
            return Membership(uid, change.chat.id, change.from_user.id, blocked=True)
        if new_status == ChatMemberStatus.MEMBER:
            return Membership(uid, change.chat.id, change.from_user.id, blocked=False)
        return Ignored(uid, f"private chat member status {new_status}")
    if change.chat.type in _GROUPS and new_status in _PRESENT and old_status not in _PRESENT:
        return Elsewhere(uid, change.chat.id, change.from_user.language_code)
    return Ignored(uid, f"{change.chat.type} chat member status {new_status}")


def _sender(message: Message) -> int:
    # In a private chat the chat id is the user's id; some payloads carry no "from".
    return message.from_user.id if message.from_user is not None else message.chat.id


def _from_bot(message: Message) -> bool:
    return message.from_user is not None and message.from_user.is_bot


def _hint(message: Message) -> str | None:
    return message.from_user.language_code if message.from_user is not None else None


def _kind(update: Update) -> str:
    try:
        return update.event_type
    except Exception:  # aiogram raises for update types it does not know
        return "unknown"
