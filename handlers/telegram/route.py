"""Telegram's route through the delivery pipeline (bot/delivery/routes.py): a webhook body into one
stored update, a stored update back into the channel."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from bot.context import conversation_lane
from bot.delivery.intake import Entry, Submission
from bot.delivery.sending import Sender
from bot.records import inbound_counter, keyboard_record, reach_record
from bot.service import ConversationService, Reply
from handlers.telegram.api import pin_aiogram_response_types
from handlers.telegram.channel import TelegramChannel
from handlers.telegram.parse import Converse, Pressed
from storage.base import StateKey
from storage.pseudonym import pseudonymize

_TELEGRAM_KINDS = ("message", "edited_message", "callback_query", "my_chat_member", "chat_member",
                   "business_message", "edited_business_message", "channel_post", "edited_channel_post")


class TelegramRoute:
    platform = "telegram"

    def __init__(self, channel: TelegramChannel, service: ConversationService) -> None:
        pin_aiogram_response_types()
        self.channel = channel
        self.service = service

    def split(self, parsed: Mapping[str, Any], body: bytes) -> list[Submission]:
        update_id = parsed["update_id"]
        return [Submission(self.platform, f"{self.channel.bot_id}:{update_id}", self.lane(parsed),
                           body.decode("utf-8"))]

    def records(self, user: str) -> tuple[StateKey, ...]:
        key = StateKey(self.platform, user)
        return key, reach_record(key), keyboard_record(key), inbound_counter(key)

    def lane(self, update: Mapping[str, Any]) -> str:
        """From the raw JSON (no aiogram validation on the webhook's path)."""
        for kind in _TELEGRAM_KINDS:
            part = update.get(kind)
            if not isinstance(part, dict):
                continue
            chat = part.get("chat")
            if not isinstance(chat, dict) and isinstance(part.get("message"), dict):
                chat = part["message"].get("chat")  # a pressed button: the chat of its message
            if isinstance(chat, dict) and isinstance(chat.get("id"), int):
                if chat.get("type") == "private":
                    return conversation_lane(self.service.key_for(self.platform, str(chat["id"])))
                pseudonym = pseudonymize(self.service.secret, self.platform, f"chat:{chat['id']}")
                return f"chat:{self.platform}:{pseudonym}"
            break
        return f"update:{self.platform}:{update.get('update_id')}"

    async def process(self, entry: Entry) -> None:
        # An update posted to the webhook had a fresh press answered in the webhook's response
        # (answerable_at_once on this payload); one fetched by polling had no response: answer it here.
        await self.channel.process_update(json.loads(entry.payload), via_webhook=not entry.polled)

    async def redeliver(self, entry: Entry, reply: Reply) -> None:
        incoming = self.channel.read(json.loads(entry.payload))
        if isinstance(incoming, Converse | Pressed):
            await self.channel.deliver(incoming.user_id, reply)

    def wrap_senders(self, wrap: Callable[[Sender], Sender]) -> None:
        self.channel.sender = wrap(self.channel.sender)

    def counters(self) -> dict[str, int]:
        return self.channel.metrics()
