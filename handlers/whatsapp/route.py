"""WhatsApp's route through the delivery pipeline (bot/delivery/routes.py): a webhook body into one
stored update per message, status and error notice; a stored update back into the channel."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from bot.context import conversation_lane
from bot.delivery.intake import Entry, Submission
from bot.delivery.sending import Sender
from bot.records import inbound_counter, pages_record, reach_record, window_record
from bot.service import ConversationService, Reply
from handlers.whatsapp.channel import WhatsAppChannel
from handlers.whatsapp.parse import ErrorNotice, Ignored, Incoming, StatusUpdate, parse_payload
from storage.base import StateKey


def _digest(data: str) -> str:
    return hashlib.sha256(data.encode()).hexdigest()[:24]


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
        return key, reach_record(key), window_record(key), pages_record(key), inbound_counter(key)

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
                await self.channel.redeliver(record, reply)

    def wrap_senders(self, wrap: Callable[[Sender], Sender]) -> None:
        self.channel.outbox.sender = wrap(self.channel.outbox.sender)

    def counters(self) -> dict[str, int]:
        return self.channel.metrics()
