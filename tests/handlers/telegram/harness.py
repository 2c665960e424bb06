"""The real app, its real aiogram Bot pointed at the fake Bot API, and real update payloads.

Updates are built from the shared real fixtures with ids and texts changed, and posted to
/telegram/webhook over ASGI; `post` waits until the channel has processed them. A Bot API request
in a webhook response (Telegram makes it for the bot) is kept in `webhook_requests`; `poll` brings
updates by long polling instead (getUpdates on the fake).
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from bot.app import Application
from bot.settings import Settings
from handlers.telegram.channel import TelegramChannel
from handlers.telegram.polling import run_polling
from handlers.telegram.webhook import SECRET_HEADER
from tests.support.fake_telegram import FakeTelegram, fixture

SECRET = "s3cret"
TOKEN = "123:ABC"
REFERENCE = re.compile(r"KZ-[0-9A-Z]{4}-[0-9A-Z]{4}")


def settings_for(fake: FakeTelegram, tmp_path: Path) -> Settings:
    """The real settings of a Telegram deployment, on SQLite and in-memory state, against the fake."""
    return Settings(
        environment="development", telegram_bot_token=TOKEN, telegram_webhook_secret=SECRET,
        telegram_api_base=fake.url, database_url=f"sqlite+aiosqlite:///{tmp_path}/t.db", redis_url=None,
        whatsapp_token=None,
    )


@dataclass
class Harness:
    app: FastAPI
    client: httpx.AsyncClient
    fake: FakeTelegram
    sleeps: list[float] = field(default_factory=list)
    webhook_requests: list[dict[str, Any]] = field(default_factory=list)  # Bot API requests in 200 bodies
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(700_000))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(100))

    @property
    def application(self) -> Application:
        application: Application = self.app.state.application
        return application

    @property
    def channel(self) -> TelegramChannel:
        channel = self.application.channels["telegram"]
        assert isinstance(channel, TelegramChannel)
        return channel

    # -- posting ----------------------------------------------------------------------------
    async def post(self, update: dict[str, Any] | bytes | str, *, secret: str | None = SECRET,
                   headers: dict[str, str] | None = None) -> httpx.Response:
        sent = dict(headers or {})
        if secret is not None:
            sent[SECRET_HEADER] = secret
        if isinstance(update, dict):
            response = await self.client.post("/telegram/webhook", json=update, headers=sent)
        else:
            sent.setdefault("content-type", "application/json")
            response = await self.client.post("/telegram/webhook", content=update, headers=sent)
        if response.status_code == 200 and "method" in response.json():
            self.webhook_requests.append(response.json())  # Telegram would make this call now
        await self.wait_idle()
        return response

    def answered_in_webhook(self) -> list[str]:
        """The callback query ids answered in webhook responses, oldest first."""
        return [str(r["callback_query_id"]) for r in self.webhook_requests if r["method"] == "answerCallbackQuery"]

    async def poll(self, *updates: dict[str, Any]) -> None:
        """Bring updates by long polling (getUpdates on the fake), until each is processed."""
        stop = asyncio.Event()
        for update in updates:
            self.fake.push_update(update)
        assert self.application.pipeline is not None
        task = asyncio.create_task(run_polling(self.channel, self.application.pipeline, poll_timeout=1, stop=stop,
                                               register_commands=False))
        past = max(int(u["update_id"]) for u in updates) + 1
        async with asyncio.timeout(5):
            # A getUpdates past the last id means the batch was fetched and stored (bot/delivery/intake.py).
            while not any(int(p.get("offset") or 0) >= past for p in self.fake.of("getUpdates")):  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        await self.wait_idle()
        stop.set()
        await asyncio.wait_for(task, 5)

    async def wait_idle(self) -> None:
        """Until every stored update is processed (bot/delivery/worker.py) and the channel is idle."""
        assert self.application.pipeline is not None
        await self.application.pipeline.wait_idle()

    async def say(self, user: int, text: str, lang: str | None = "en", name: str = "Ada") -> httpx.Response:
        response = await self.post(self.message(user, text, lang=lang, name=name))
        assert response.status_code == 200, response.text
        return response

    async def press(self, user: int, value: str, lang: str | None = "en") -> httpx.Response:
        """Press the button with this value on the newest inline keyboard sent to the user."""
        message_id, data = self.button(user, value)
        response = await self.post(self.callback(user, data, message_id, lang=lang))
        assert response.status_code == 200, response.text
        return response

    # -- building real updates --------------------------------------------------------------
    def next_update_id(self) -> int:
        return next(self._update_ids)

    def message(self, user: int, text: str | None = None, *, lang: str | None = "en", name: str = "Ada",
                base: str = "text_message_private", **content: Any) -> dict[str, Any]:
        """A private message from `user`, from a real fixture with ids, text or content changed."""
        update = copy.deepcopy(fixture(base))
        update["update_id"] = self.next_update_id()
        message = update["message"]
        message["message_id"] = next(self._message_ids)
        sender = message.setdefault("from", {"is_bot": False})
        sender.update({"id": user, "first_name": name, "is_bot": False})
        sender.pop("language_code", None)
        if lang is not None:
            sender["language_code"] = lang
        message["chat"] = {"id": user, "first_name": name, "type": "private"}
        if text is not None:
            message["text"] = text
        message.update(content)
        return update

    def photo(self, user: int, lang: str | None = "en") -> dict[str, Any]:
        update = self.message(user, lang=lang, base="photo_with_caption")
        update["message"].pop("caption", None)
        return update

    def callback(self, user: int, data: str, message_id: int, *, lang: str | None = "en") -> dict[str, Any]:
        update = copy.deepcopy(fixture("callback_query"))
        update["update_id"] = self.next_update_id()
        query = update["callback_query"]
        query["id"] = f"cq-{update['update_id']}"
        query["from"].update({"id": user, "first_name": "Ada"})
        query["from"].pop("language_code", None)
        if lang is not None:
            query["from"]["language_code"] = lang
        query["message"]["message_id"] = message_id
        query["message"]["chat"] = {"id": user, "first_name": "Ada", "type": "private"}
        query["data"] = data
        return update

    # -- reading what the bot sent ----------------------------------------------------------
    def sent(self, user: int) -> list[dict[str, Any]]:
        return self.fake.of("sendMessage", user)

    def texts(self, user: int) -> list[str]:
        return self.fake.texts(user)

    def last_text(self, user: int) -> str:
        return self.texts(user)[-1]

    def keyboard(self, user: int) -> tuple[int, list[tuple[str, str]]]:
        """The newest inline keyboard sent to the user: (the message id, [(label, data)])."""
        calls = [c for c in self.fake.calls if c.method == "sendMessage" and c.status == 200
                 and c.params.get("chat_id") == user
                 and "inline_keyboard" in (c.params.get("reply_markup") or {})]
        assert calls, f"no inline keyboard was sent to {user}"
        message_id = int(calls[-1].result["message_id"])
        rows = calls[-1].params["reply_markup"]["inline_keyboard"]
        return message_id, [(b["text"], b["callback_data"]) for row in rows for b in row]

    def button(self, user: int, value: str) -> tuple[int, str]:
        message_id, buttons = self.keyboard(user)
        for _label, data in buttons:
            if data.endswith(f"|{value}"):
                return message_id, data
        raise AssertionError(f"no button {value!r} in {[d for _, d in buttons]}")

    def reference(self, user: int) -> str:
        found = REFERENCE.findall(self.last_text(user))
        assert found, self.last_text(user)
        return str(found[-1])
