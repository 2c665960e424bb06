"""A fake Telegram Bot API server on loopback, for end-to-end tests of the Telegram adapter.

It runs in the test's event loop on 127.0.0.1 with a random port, records every method call
(name and decoded parameters), answers like Telegram (`{"ok": true, "result": ...}` with
plausible Message objects), and can be scripted to fail: 429 with `retry_after`, 403 "bot was
blocked by the user", 400s, using the real error bodies from the shared fixtures.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web

_REPO = Path(__file__).resolve().parents[2]
_CANDIDATES = (_REPO.parent / "shared" / "fixtures" / "real" / "telegram",
               Path("/work/shared/fixtures/real/telegram"))
FIXTURES = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])

BLOCKED = {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
# Parameters Telegram takes as JSON-serialized objects; aiogram sends them as JSON strings.
_JSON_PARAMS = frozenset({"reply_markup", "commands", "allowed_updates", "entities", "link_preview_options",
                          "scope", "reply_parameters"})
_HTML_TOKEN = re.compile(r"</?(?P<name>b|strong|i|em|u|ins|s|strike|del|code|pre|tg-spoiler|blockquote)>"
                         r"|&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")
_INT_PARAMS = frozenset({"chat_id", "message_id", "offset", "limit", "timeout", "max_connections"})


def fixture(name: str) -> dict[str, Any]:
    """A real update from the shared fixtures, e.g. fixture("text_message_private")."""
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def api_response(name: str) -> dict[str, Any]:
    """A real Bot API error body, e.g. api_response("429_too_many_requests")."""
    data: dict[str, Any] = json.loads((FIXTURES / "api_responses" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Call:
    method: str
    params: dict[str, Any]
    status: int
    at: float
    result: Any = None  # what the fake answered (a Message for sendMessage)


@dataclass
class _Script:
    method: str
    body: dict[str, Any]
    status: int
    times: int | None  # None: for ever
    chat_id: int | None


@dataclass
class FakeTelegram:
    """`async with FakeTelegram() as tg:` then point the bot at `tg.url`."""

    token: str = "123:ABC"
    bot_username: str = "helpline_test_bot"
    calls: list[Call] = field(default_factory=list)
    max_poll_wait: float = 0.2  # getUpdates waits at most this long for an update
    latency: float = 0.0  # seconds before each answer, to catch callers that do not wait
    _scripts: list[_Script] = field(default_factory=list)
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _new_update: asyncio.Event = field(default_factory=asyncio.Event)
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(5000))
    _runner: web.AppRunner | None = None
    url: str = ""

    async def __aenter__(self) -> FakeTelegram:
        app = web.Application(client_max_size=4 << 20)
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- scripting --------------------------------------------------------------------------
    def fail(self, method: str, body: Mapping[str, Any], *, times: int | None = 1, chat_id: int | None = None) -> None:
        """Answer the next `times` calls of `method` (to `chat_id`, if given) with this error body."""
        status = int(body.get("error_code", 400))
        self._scripts.append(_Script(method, dict(body), status, times, chat_id))

    def block(self, chat_id: int) -> None:
        """From now on the user has blocked the bot: every call to their chat gets 403."""
        for method in ("sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage"):
            self.fail(method, BLOCKED, times=None, chat_id=chat_id)

    def push_update(self, update: Mapping[str, Any]) -> None:
        """Queue an update for getUpdates (polling)."""
        self._updates.append(dict(update))
        self._new_update.set()

    # -- reading the record -----------------------------------------------------------------
    def of(self, method: str, chat_id: int | None = None, *, ok_only: bool = True) -> list[dict[str, Any]]:
        """Parameters of the recorded calls of `method` (answered ok unless told), oldest first."""
        return [c.params for c in self.calls if c.method == method
                and (chat_id is None or c.params.get("chat_id") == chat_id)
                and (c.status == 200 or not ok_only)]

    def methods(self) -> list[str]:
        return [c.method for c in self.calls]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [str(p["text"]) for p in self.of("sendMessage", chat_id)]

    def clear(self) -> None:
        self.calls.clear()

    # -- the server -------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        if request.content_type == "application/json":  # how the bot calls (handlers/telegram/api.py)
            params = await request.json()
        else:
            params = _decode(await request.post())
        if self.latency:
            await asyncio.sleep(self.latency)
        scripted = self._scripted(method, params)
        if scripted is not None:
            self.calls.append(Call(method, params, scripted.status, time.monotonic()))
            return web.json_response(scripted.body, status=scripted.status)
        problem = _html_problem(params) if method in ("sendMessage", "editMessageText") else None
        if problem is not None:
            body = {"ok": False, "error_code": 400, "description": f"Bad Request: can't parse entities: {problem}"}
            self.calls.append(Call(method, params, 400, time.monotonic(), body))
            return web.json_response(body, status=400)
        call = Call(method, params, 200, time.monotonic())
        self.calls.append(call)
        if method == "getUpdates":
            result = await self._poll(params)
        else:
            result = self._result(method, params)
        if result is None:
            body = {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
            return web.json_response(body, status=404)
        self.calls[self.calls.index(call)] = Call(method, params, 200, call.at, result)
        return web.json_response({"ok": True, "result": result})

    def _scripted(self, method: str, params: Mapping[str, Any]) -> _Script | None:
        for script in self._scripts:
            if script.method != method or (script.times is not None and script.times <= 0):
                continue
            if script.chat_id is not None and params.get("chat_id") != script.chat_id:
                continue
            if script.times is not None:
                script.times -= 1
            return script
        return None

    def _result(self, method: str, params: Mapping[str, Any]) -> Any:
        if method in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            return self._message(method, params)
        if method == "getMe":
            return self._bot_user()
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": len(self._updates)}
        if method in ("answerCallbackQuery", "deleteMessage", "setWebhook", "deleteWebhook", "setMyCommands",
                      "deleteMyCommands", "sendChatAction"):
            return True
        return None

    def _message(self, method: str, params: Mapping[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 0))
        chat: dict[str, Any] = {"id": chat_id, "type": "private", "first_name": "User"}
        if chat_id < 0:
            chat = {"id": chat_id, "type": "supergroup", "title": "Group"}
        message_id = params.get("message_id") if method != "sendMessage" else next(self._message_ids)
        message: dict[str, Any] = {"message_id": message_id, "date": int(time.time()), "chat": chat,
                                   "from": self._bot_user(), "text": str(params.get("text", "menu"))}
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        return message

    def _bot_user(self) -> dict[str, Any]:
        return {"id": int(self.token.split(":")[0]), "is_bot": True, "first_name": "Helpline",
                "username": self.bot_username}

    async def _poll(self, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        self._updates = [u for u in self._updates if int(u["update_id"]) >= offset]
        if not self._updates:
            self._new_update.clear()
            wait = min(float(params.get("timeout") or 0), self.max_poll_wait)
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout=wait)
            except TimeoutError:
                return []
        return list(self._updates)


def _html_problem(params: Mapping[str, Any]) -> str | None:
    """What Telegram would refuse in an HTML text: a bare < or &, an unknown or unbalanced tag."""
    if str(params.get("parse_mode", "")).upper() != "HTML":
        return None
    text = str(params.get("text", ""))
    open_tags: list[str] = []
    position = 0
    for match in _HTML_TOKEN.finditer(text):
        if "<" in text[position:match.start()]:
            return f"unsupported start tag at byte offset {position}"
        position = match.end()
        token = match.group(0)
        if token.startswith("&"):
            continue
        if not token.startswith("</"):
            open_tags.append(match.group("name"))
        elif not open_tags or open_tags.pop() != match.group("name"):
            return f"unmatched end tag {token}"
    if "<" in text[position:]:
        return "unsupported start tag"
    if re.search(r"&(?![a-zA-Z]+;|#[0-9]+;|#x[0-9a-fA-F]+;)", text):
        return "bare & is not an entity"
    if open_tags:
        return f"unclosed tag {open_tags[-1]}"
    return None


def _decode(form: Mapping[str, Any]) -> dict[str, Any]:
    """Form fields as Telegram reads them: JSON objects decoded, ids as integers."""
    params: dict[str, Any] = {}
    for key, value in form.items():
        if not isinstance(value, str):
            params[key] = "<file>"
        elif key in _JSON_PARAMS:
            params[key] = json.loads(value)
        elif key in _INT_PARAMS and value.lstrip("-").isdigit():
            params[key] = int(value)
        else:
            params[key] = value
    return params
