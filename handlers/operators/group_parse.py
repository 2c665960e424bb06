"""Updates from the operator group (Bot API JSON) -> what the desk must hear. Pure: no I/O.

Button data is "op:<verb>:<escalation id>[:<argument>]" (the ids are random uuid4 hex, never
sequential), at most 64 bytes, so it can never be mistaken for a user's "<step>|<value>" choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiogram.enums import ContentType
from aiogram.types import CallbackQuery, Message, Update
from pydantic import ValidationError

from bot.desk.front import Actor, Choice
from flows.steps import MAX_CALLBACK_BYTES

PREFIX = "op"
VERB_CODES = {"take": "t", "close": "c", "handback": "h", "status": "s", "outcome": "o", "set_status": "u"}
CODE_VERBS = {code: verb for verb, code in VERB_CODES.items()}
# What an operator writes that is not text: refused (only text goes to a child).
_CONTENT = frozenset({ContentType.PHOTO, ContentType.VIDEO, ContentType.VIDEO_NOTE, ContentType.ANIMATION,
                      ContentType.DOCUMENT, ContentType.VOICE, ContentType.AUDIO, ContentType.STICKER,
                      ContentType.LOCATION, ContentType.VENUE, ContentType.CONTACT, ContentType.POLL,
                      ContentType.DICE, ContentType.STORY, ContentType.PAID_MEDIA, ContentType.LIVE_PHOTO})


@dataclass(frozen=True)
class GroupPress:
    update_id: int
    callback_id: str
    actor: Actor
    choice: Choice | None  # None: a button this desk did not make


@dataclass(frozen=True)
class GroupMessage:
    update_id: int
    actor: Actor
    topic_id: str | None  # None: the group's General topic
    text: str | None  # None: not text (a photo, a sticker...)


@dataclass(frozen=True)
class GroupIgnored:
    update_id: int
    reason: str


GroupUpdate = GroupPress | GroupMessage | GroupIgnored


def encode_choice(choice: Choice) -> str:
    parts = [PREFIX, VERB_CODES[choice.verb], choice.escalation_id]
    if choice.arg is not None:
        parts.append(choice.arg)
    data = ":".join(parts)
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"operator button data too long: {data!r}")
    return data


def decode_choice(data: str | None) -> Choice | None:
    if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    parts = data.split(":")
    if len(parts) not in (3, 4) or parts[0] != PREFIX or parts[1] not in CODE_VERBS or not parts[2].isalnum():
        return None
    return Choice(CODE_VERBS[parts[1]], parts[2], parts[3] if len(parts) == 4 else None)


def chat_of(raw: Mapping[str, Any]) -> int | None:
    """The chat an update comes from, read without validation (to route it before parsing)."""
    for path in (("message", "chat"), ("edited_message", "chat"), ("callback_query", "message", "chat"),
                 ("my_chat_member", "chat")):
        node: Any = raw
        for step in path:
            node = node.get(step) if isinstance(node, Mapping) else None
        if isinstance(node, Mapping) and isinstance(node.get("id"), int):
            return int(node["id"])
    return None


def parse_group_update(raw: Mapping[str, Any]) -> GroupUpdate:
    uid = raw.get("update_id") if isinstance(raw.get("update_id"), int) else 0
    try:
        update = Update.model_validate(dict(raw))
    except ValidationError:
        return GroupIgnored(int(uid or 0), "not readable")
    if update.callback_query is not None:
        return _press(update.update_id, update.callback_query)
    if update.message is not None:
        return _message(update.update_id, update.message)
    return GroupIgnored(update.update_id, "not a message or a button")


def _press(uid: int, query: CallbackQuery) -> GroupUpdate:
    return GroupPress(uid, query.id, Actor(str(query.from_user.id), query.from_user.first_name),
                      decode_choice(query.data))


def _message(uid: int, message: Message) -> GroupUpdate:
    sender = message.from_user
    if sender is None or sender.is_bot:
        return GroupIgnored(uid, "not from a person")
    topic = str(message.message_thread_id) if message.is_topic_message and message.message_thread_id else None
    actor = Actor(str(sender.id), sender.first_name)
    if message.text is not None:
        return GroupMessage(uid, actor, topic, message.text)
    if ContentType(message.content_type) in _CONTENT:
        return GroupMessage(uid, actor, topic, None)
    return GroupIgnored(uid, f"service message {message.content_type}")
