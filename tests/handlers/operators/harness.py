"""The whole app over real HTTP: a child on WhatsApp (the fake Graph API), operators in a Telegram
forum group (the fake Bot API), both posting to the app's webhooks like Meta and Telegram do."""

from __future__ import annotations

import copy
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI

from bot.app import Application
from bot.desk.desk import OperatorDesk
from handlers.operators.telegram_group import TelegramGroupFront
from handlers.telegram.channel import TelegramChannel
from handlers.telegram.webhook import SECRET_HEADER
from handlers.whatsapp.channel import WhatsAppChannel
from tests.handlers.whatsapp.harness import envelope, message, reply, sign, text, value
from tests.support.fake_forum import FakeForum
from tests.support.fake_graph import FakeGraph
from tests.support.fake_telegram import fixture

TOKEN = "123:ABC"
SECRET = "s3cret"
GROUP = -1001234567489  # the operators' forum supergroup (the real fixtures' chat)
AIGERIM = (1001, "Aigerim")  # listed: speaks kk, ru
DANIYAR = (1002, "Daniyar")  # listed: speaks ru, en
MALLORY = (6666, "Mallory")  # in the group, not listed
OPERATORS = [{"id": 1001, "languages": ["kk", "ru"]}, {"id": 1002, "languages": ["ru", "en"], "name": "Данияр"}]


@dataclass
class Hotline:
    app: FastAPI
    http: httpx.AsyncClient
    tg: FakeForum
    graph: FakeGraph
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(800_000))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(300))

    @property
    def application(self) -> Application:
        application: Application = self.app.state.application
        return application

    @property
    def desk(self) -> OperatorDesk:
        assert self.application.desk is not None
        return self.application.desk

    @property
    def front(self) -> TelegramGroupFront:
        front = self.desk.front
        assert isinstance(front, TelegramGroupFront)
        return front

    @property
    def telegram(self) -> TelegramChannel:
        channel = self.application.channels["telegram"]
        assert isinstance(channel, TelegramChannel)
        return channel

    @property
    def whatsapp(self) -> WhatsAppChannel:
        channel = self.application.channels["whatsapp"]
        assert isinstance(channel, WhatsAppChannel)
        return channel

    async def settle(self) -> None:
        """Until the stored updates, the channels and the desk's posts are all done."""
        for _ in range(3):  # a processed update can leave desk work behind, and the other way round
            if self.application.pipeline is not None:
                await self.application.pipeline.wait_idle()
            await self.whatsapp.drain()
            await self.desk.wait_idle()

    # -- the child, on WhatsApp ---------------------------------------------------------------
    async def child_says(self, wa_id: str, body: str) -> None:
        raw = json.dumps(envelope(value([text(wa_id, body)])), ensure_ascii=False).encode()
        response = await self.http.post("/whatsapp/webhook", content=raw, headers={
            "content-type": "application/json", "x-hub-signature-256": sign(raw)})
        assert response.status_code == 200, response.text
        await self.settle()

    async def child_taps(self, wa_id: str, reply_id: str) -> None:
        """The child taps a reply button (by its id) of the last message with buttons."""
        raw = json.dumps(envelope(value([reply(wa_id, reply_id, reply_id, list_reply=False)])),
                         ensure_ascii=False).encode()
        response = await self.http.post("/whatsapp/webhook", content=raw, headers={
            "content-type": "application/json", "x-hub-signature-256": sign(raw)})
        assert response.status_code == 200, response.text
        await self.settle()

    async def child_sends_image(self, wa_id: str, media_id: str, caption: str | None = None) -> None:
        content = {"mime_type": "image/jpeg", "sha256": "x", "id": media_id}
        if caption:
            content["caption"] = caption
        raw = json.dumps(envelope(value([message(wa_id, "image", content)])), ensure_ascii=False).encode()
        response = await self.http.post("/whatsapp/webhook", content=raw, headers={
            "content-type": "application/json", "x-hub-signature-256": sign(raw)})
        assert response.status_code == 200, response.text
        await self.settle()

    # -- the child, on Telegram ---------------------------------------------------------------
    async def tg_child_says(self, user: int, body: str | None = None, *, base: str = "text_message_private",
                            lang: str = "ru") -> dict[str, Any]:
        """A private message from a child on Telegram (a real fixture, ids changed); returns it."""
        update = copy.deepcopy(fixture(base))
        update["update_id"] = next(self._update_ids)
        sent = update["message"]
        sent["message_id"] = next(self._message_ids)
        sent["from"] = {"id": user, "is_bot": False, "first_name": "Ada", "language_code": lang}
        sent["chat"] = {"id": user, "first_name": "Ada", "type": "private"}
        sent.pop("caption", None)
        if body is not None:
            sent["text"] = body
        await self.post_telegram(update)
        return update

    async def tg_child_sends_photo(self, user: int) -> dict[str, Any]:
        return await self.tg_child_says(user, base="photo_with_caption")

    def tg_child_got(self, user: int) -> list[str]:
        return self.tg.texts(user)

    def child_got(self, wa_id: str) -> list[str]:
        out = []
        for sent in self.graph.sent_to(wa_id):
            if sent["type"] == "text":
                out.append(str(sent["text"]["body"]))
            elif sent["type"] == "interactive":
                out.append(str(sent["interactive"]["body"]["text"]))
        return out

    def child_buttons(self, wa_id: str) -> list[str]:
        sent = [m for m in self.graph.sent_to(wa_id) if m["type"] == "interactive"][-1]["interactive"]
        if sent["type"] == "button":
            return [b["reply"]["id"] for b in sent["action"]["buttons"]]
        return [row["id"] for section in sent["action"]["sections"] for row in section["rows"]]

    # -- the operators, in the Telegram group -------------------------------------------------
    async def post_telegram(self, update: dict[str, Any]) -> None:
        response = await self.http.post("/telegram/webhook", json=update, headers={SECRET_HEADER: SECRET})
        assert response.status_code == 200, response.text
        assert "method" not in response.json()  # the group's presses are answered after the desk's checks
        await self.settle()

    async def operator_writes(self, who: tuple[int, str], thread_id: int | None, body: str) -> None:
        update = copy.deepcopy(fixture("forum_topic_message_reply" if thread_id else "forum_general_topic_message"))
        update["update_id"] = next(self._update_ids)
        message = update["message"]
        message["message_id"] = next(self._message_ids)
        message["from"] = {"id": who[0], "is_bot": False, "first_name": who[1], "language_code": "ru"}
        message["chat"]["id"] = GROUP
        message["text"] = body
        if thread_id:
            message["message_thread_id"] = thread_id
            message["reply_to_message"]["message_thread_id"] = thread_id
            message["reply_to_message"]["message_id"] = thread_id
            message["reply_to_message"]["chat"]["id"] = GROUP
        await self.post_telegram(update)

    async def operator_presses(self, who: tuple[int, str], data: str, thread_id: int | None = None) -> None:
        update = copy.deepcopy(fixture("callback_query"))
        update["update_id"] = next(self._update_ids)
        query = update["callback_query"]
        query["id"] = f"cq-{update['update_id']}"
        query["from"] = {"id": who[0], "is_bot": False, "first_name": who[1], "language_code": "ru"}
        query["message"]["chat"] = {"id": GROUP, "title": "Hotline operators", "is_forum": True,
                                    "type": "supergroup"}
        query["message"]["from"] = {"id": 123, "is_bot": True, "first_name": "Helpline"}
        if thread_id is not None:
            query["message"]["message_thread_id"] = thread_id
            query["message"]["is_topic_message"] = True
        query["data"] = data
        await self.post_telegram(update)

    def topic_posts(self, thread_id: int | None) -> list[dict[str, Any]]:
        return self.tg.in_topic(GROUP, thread_id)

    def topic_texts(self, thread_id: int | None) -> list[str]:
        return [str(p.get("text") or p.get("caption") or f"<{p['method']}>") for p in self.topic_posts(thread_id)]

    def buttons(self, thread_id: int | None) -> dict[str, str]:
        """Label -> callback data of the newest keyboard posted in the topic."""
        with_keys = [p for p in self.topic_posts(thread_id) if isinstance(p.get("reply_markup"), dict)]
        assert with_keys, f"no keyboard in topic {thread_id}"
        rows = with_keys[-1]["reply_markup"]["inline_keyboard"]
        return {b["text"]: b["callback_data"] for row in rows for b in row}

    def answers(self) -> list[tuple[str, bool]]:
        """The pop-ups shown to operators who pressed (text, as an alert)."""
        return [(str(p.get("text", "")), str(p.get("show_alert", "")).lower() == "true")
                for p in self.tg.of("answerCallbackQuery")]
