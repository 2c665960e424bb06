"""A family on two platforms, over real HTTP: children and adults on Telegram (the fake Bot API)
and WhatsApp (the fake Graph API), posting to the app's webhooks like Telegram and Meta do."""

from __future__ import annotations

import copy
import itertools
import json
import re
from typing import Any

from handlers.telegram.webhook import SECRET_HEADER
from tests.handlers.operators.harness import SECRET, Hotline
from tests.handlers.whatsapp.harness import envelope, message, reply, sign, text, value
from tests.support.fake_telegram import fixture

CODE = re.compile(r"\b[0-9A-Z]{5}-[0-9A-Z]{5}\b")
_update_ids = itertools.count(900_000)
_message_ids = itertools.count(9_000)


class Family:
    """Helpers over the hotline for people writing to the bot privately on either platform."""

    def __init__(self, hotline: Hotline) -> None:
        self.hotline = hotline

    # -- Telegram -------------------------------------------------------------------------------
    async def tg_post(self, update: dict[str, Any]) -> None:
        response = await self.hotline.http.post("/telegram/webhook", json=update, headers={SECRET_HEADER: SECRET})
        assert response.status_code == 200, response.text
        await self.hotline.settle()

    def tg_message(self, user: int, lang: str, **content: Any) -> dict[str, Any]:
        update = copy.deepcopy(fixture("text_message_private"))
        update["update_id"] = next(_update_ids)
        msg = update["message"]
        msg["message_id"] = next(_message_ids)
        msg["from"] = {"id": user, "is_bot": False, "first_name": "Ada", "language_code": lang}
        msg["chat"] = {"id": user, "first_name": "Ada", "type": "private"}
        msg.pop("text", None)
        msg.pop("entities", None)
        msg.update(content)
        return update

    async def tg_says(self, user: int, body: str, lang: str = "en") -> None:
        await self.tg_post(self.tg_message(user, lang, text=body))

    async def tg_location(self, user: int, latitude: float, longitude: float, lang: str = "en") -> None:
        await self.tg_post(self.tg_message(user, lang, location={"latitude": latitude, "longitude": longitude}))

    async def tg_presses(self, user: int, value_: str, lang: str = "en") -> None:
        """Press the button whose value is (or starts with) `value_` on the newest keyboard sent to the user."""
        calls = [c for c in self.hotline.tg.calls if c.method == "sendMessage" and c.status == 200
                 and c.params.get("chat_id") == user and "inline_keyboard" in (c.params.get("reply_markup") or {})]
        assert calls, f"no keyboard sent to {user}"
        rows = calls[-1].params["reply_markup"]["inline_keyboard"]
        found = [b["callback_data"] for row in rows for b in row
                 if b["callback_data"].split("|", 1)[1].split(":")[0] == value_]
        assert found, f"no button {value_!r} in {rows}"
        update = copy.deepcopy(fixture("callback_query"))
        update["update_id"] = next(_update_ids)
        query = update["callback_query"]
        query["id"] = f"cq-{update['update_id']}"
        query["from"] = {"id": user, "is_bot": False, "first_name": "Ada", "language_code": lang}
        query["message"]["message_id"] = int(calls[-1].result["message_id"])
        query["message"]["chat"] = {"id": user, "first_name": "Ada", "type": "private"}
        query["data"] = found[0]
        await self.tg_post(update)

    def tg_texts(self, user: int) -> list[str]:
        return self.hotline.tg.texts(user)

    def tg_labels(self, user: int) -> dict[str, str]:
        """Value -> label of the newest keyboard sent to the user."""
        calls = [c for c in self.hotline.tg.calls if c.method == "sendMessage" and c.status == 200
                 and c.params.get("chat_id") == user and "inline_keyboard" in (c.params.get("reply_markup") or {})]
        rows = calls[-1].params["reply_markup"]["inline_keyboard"]
        return {b["callback_data"].split("|", 1)[1]: b["text"] for row in rows for b in row}

    # -- WhatsApp -------------------------------------------------------------------------------
    async def wa_post(self, item: dict[str, Any]) -> None:
        raw = json.dumps(envelope(value([item])), ensure_ascii=False).encode()
        response = await self.hotline.http.post("/whatsapp/webhook", content=raw, headers={
            "content-type": "application/json", "x-hub-signature-256": sign(raw)})
        assert response.status_code == 200, response.text
        await self.hotline.settle()

    async def wa_says(self, wa_id: str, body: str) -> None:
        await self.wa_post(text(wa_id, body))

    async def wa_taps(self, wa_id: str, value_: str) -> None:
        """Tap the reply button whose value is (or starts with) `value_` on the newest buttons sent."""
        ids = self.hotline.child_buttons(wa_id)
        found = [i for i in ids if "|" in i and i.split("|", 1)[1].split(":")[0] == value_]
        assert found, f"no button {value_!r} in {ids}"
        await self.wa_post(reply(wa_id, found[0], found[0], list_reply=False))

    async def wa_location(self, wa_id: str, latitude: float, longitude: float) -> None:
        await self.wa_post(message(wa_id, "location", {"latitude": latitude, "longitude": longitude}))

    def wa_texts(self, wa_id: str) -> list[str]:
        return self.hotline.child_got(wa_id)

    def wa_sent(self, wa_id: str) -> list[dict[str, Any]]:
        return self.hotline.graph.sent_to(wa_id)


def code_in(texts: list[str]) -> str:
    found = [m for t in texts for m in CODE.findall(t)]
    assert found, texts[-3:]
    return found[-1]
