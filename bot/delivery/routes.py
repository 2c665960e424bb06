"""Per platform: a webhook body into stored updates (`split`), and a stored update back into the
channel's processing (`process`), or into sending a reply that was saved and not yet sent
(`redeliver`). Each stored update is the raw platform JSON of exactly one update, so the worker
reads it with the same adapter code as before.

Lanes (the conversations, processed one at a time in order) are pseudonymous: a private chat's
lane is its conversation (`conv:<platform>:<pseudonym>`, the same name the runtime holds), a
group's `chat:telegram:<pseudonym>`; a WhatsApp delivery status is its own lane.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Protocol

from bot.context import conversation_lane
from bot.delivery.intake import Entry, Submission
from bot.records import keyboard_record, pages_record, reach_record, window_record
from bot.service import ConversationService, Reply
from handlers.telegram.channel import TelegramChannel
from handlers.telegram.parse import Converse, Pressed
from handlers.whatsapp.channel import WhatsAppChannel
from handlers.whatsapp.parse import ErrorNotice, Ignored, Incoming, StatusUpdate, parse_payload
from storage.base import StateKey
from storage.pseudonym import pseudonymize

_TELEGRAM_KINDS = ("message", "edited_message", "callback_query", "my_chat_member", "chat_member",
                   "business_message", "edited_business_message", "channel_post", "edited_channel_post")


class Route(Protocol):
    platform: str

    def split(self, parsed: Any, body: bytes) -> list[Submission]: ...

    async def process(self, entry: Entry) -> None: ...

    def records(self, user: str) -> tuple[StateKey, ...]:
        """The records a conversation's update reads besides its state (read with it by the worker)."""
        ...

    async def redeliver(self, entry: Entry, reply: Reply) -> None: ...


def _digest(data: str) -> str:
    return hashlib.sha256(data.encode()).hexdigest()[:24]


class TelegramRoute:
    platform = "telegram"

    def __init__(self, channel: TelegramChannel, service: ConversationService) -> None:
        self.channel = channel
        self.service = service

    def split(self, parsed: Mapping[str, Any], body: bytes) -> list[Submission]:
        update_id = parsed["update_id"]
        return [Submission(self.platform, f"{self.channel.bot_id}:{update_id}", self.lane(parsed),
                           body.decode("utf-8"))]

    def records(self, user: str) -> tuple[StateKey, ...]:
        key = StateKey(self.platform, user)
        return key, reach_record(key), keyboard_record(key)

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


class WhatsAppRoute:
    platform = "whatsapp"

    def __init__(self, channel: WhatsAppChannel, service: ConversationService) -> None:
        self.channel = channel
        self.service = service

    def split(self, parsed: Mapping[str, Any], body: bytes) -> list[Submission]:
        """One stored update per message, status and error notice; each a payload of its own."""
        found: list[Submission] = []
        if parsed.get("object") != "whatsapp_business_account":
            self.channel.stats["ignored"] += 1
            return found
        for entry in parsed.get("entry") or []:
            for change in entry.get("changes") or []:
                value = change.get("value")
                if change.get("field") != "messages" or not isinstance(value, dict):
                    self.channel.stats["ignored"] += 1
                    continue
                base = {k: v for k, v in value.items() if k not in ("messages", "statuses", "errors", "contacts")}
                parts: list[dict[str, Any]] = [{"messages": [m]} for m in value.get("messages") or []]
                parts += [{"statuses": [s]} for s in value.get("statuses") or []]
                if value.get("errors"):
                    parts.append({"errors": value["errors"]})
                for part in parts:
                    one = {"object": parsed["object"], "entry": [{"id": entry.get("id"), "changes": [
                        {"field": "messages", "value": {**base, **part}}]}]}
                    submission = self._submission(one)
                    if submission is not None:
                        found.append(submission)
        return found

    def records(self, user: str) -> tuple[StateKey, ...]:
        key = StateKey(self.platform, user)
        return key, reach_record(key), window_record(key), pages_record(key)

    def _submission(self, payload: dict[str, Any]) -> Submission | None:
        records = parse_payload(payload)
        record = records[0] if records else Ignored("nothing")
        if isinstance(record, Ignored):
            self.channel.stats["ignored"] += 1
            return None
        if record.phone_number_id != self.channel.phone_number_id:
            self.channel.stats["foreign"] += 1  # another number of the same business account
            return None
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        if isinstance(record, Incoming):
            lane = conversation_lane(self.service.key_for(self.platform, record.sender))
            return Submission(self.platform, record.idempotency_key, lane, text)
        if isinstance(record, StatusUpdate):
            key = f"{record.phone_number_id}:{record.message_id}:{record.status}"
            return Submission(self.platform, key, f"status:{self.platform}:{_digest(record.message_id)}", text)
        key = f"{record.phone_number_id}:errors:{_digest(text)}"
        return Submission(self.platform, key, f"errors:{self.platform}:{record.phone_number_id}", text)

    async def process(self, entry: Entry) -> None:
        for record in parse_payload(json.loads(entry.payload)):
            if isinstance(record, Incoming):
                await self.channel.handle(record)
            elif isinstance(record, StatusUpdate):
                self.channel.deliveries.status(record)
            elif isinstance(record, ErrorNotice):
                self.channel.deliveries.notice(record)

    async def redeliver(self, entry: Entry, reply: Reply) -> None:
        for record in parse_payload(json.loads(entry.payload)):
            if isinstance(record, Incoming):
                await self.channel.reply(record.sender, reply)
