"""Light fake platforms for the benchmark: they answer like the Bot API and the Cloud API, note when
each message for a chat arrives, and can answer after a fixed latency (100 ms: a far API)."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict
from collections.abc import Callable

from aiohttp import web

TOKEN = "123456:BENCHBENCHBENCH"


class Arrivals:
    """Messages received per chat, with their times; waiters are woken as they come."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.texts: dict[str, list[str]] = defaultdict(list)
        self._waiters: dict[str, list[tuple[int, asyncio.Future[None]]]] = defaultdict(list)

    def arrived(self, chat: str, text: str) -> None:
        self.times[chat].append(time.perf_counter())
        self.texts[chat].append(text)
        count = len(self.times[chat])
        keep = []
        for wanted, future in self._waiters[chat]:
            if count >= wanted and not future.done():
                future.set_result(None)
            elif not future.done():
                keep.append((wanted, future))
        self._waiters[chat] = keep

    async def wait(self, chat: str, count: int, seconds: float) -> bool:
        if len(self.times[chat]) >= count:
            return True
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters[chat].append((count, future))
        try:
            await asyncio.wait_for(future, seconds)
        except TimeoutError:
            return False
        return True

    def total(self) -> int:
        return sum(len(t) for t in self.times.values())


class FakePlatforms:
    def __init__(self) -> None:
        self.arrivals = Arrivals()
        self.keyboards: dict[str, list[str]] = {}  # chat -> the choices of the newest menu sent to it
        self.latency = 0.0
        self._ids = itertools.count(1000)
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> str:
        app = web.Application(client_max_size=4 << 20)
        app.router.add_post("/bot{token}/{method}", self._telegram)
        app.router.add_post("/v21.0/{number}/messages", self._graph)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=2048)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _telegram(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.content_type == "application/json":
            params = await request.json()
        else:
            params = dict(await request.post())
        if self.latency:
            await asyncio.sleep(self.latency)
        if method == "getMe":
            return web.json_response({"ok": True, "result": {"id": 123456, "is_bot": True, "first_name": "B",
                                                              "username": "bench_bot"}})
        if method == "sendMessage":
            chat = str(params.get("chat_id"))
            markup = params.get("reply_markup")
            markup = json.loads(markup) if isinstance(markup, str) else markup
            if isinstance(markup, dict) and "inline_keyboard" in markup:
                self.keyboards[chat] = [b.get("callback_data", "") for row in markup["inline_keyboard"] for b in row]
            self.arrivals.arrived(chat, str(params.get("text", "")))
            return web.json_response({"ok": True, "result": {
                "message_id": next(self._ids), "date": int(time.time()),
                "chat": {"id": int(chat), "type": "private", "first_name": "U"}, "text": "x"}})
        if method in ("editMessageReplyMarkup", "editMessageText"):
            return web.json_response({"ok": True, "result": True})
        return web.json_response({"ok": True, "result": True})

    async def _graph(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.latency:
            await asyncio.sleep(self.latency)
        if body.get("status") == "read":
            return web.json_response({"success": True})
        to = str(body.get("to", ""))
        action = body.get("interactive", {}).get("action", {})
        if action:
            ids = [b["reply"]["id"] for b in action.get("buttons", [])]
            ids += [r["id"] for section in action.get("sections", []) for r in section["rows"]]
            self.keyboards[to] = ids
        self.arrivals.arrived(to, json.dumps(body.get("text") or body.get("interactive", {}).get("body"),
                                             ensure_ascii=False))
        return web.json_response({"messaging_product": "whatsapp", "contacts": [{"input": to, "wa_id": to}],
                                  "messages": [{"id": f"wamid.OUT{next(self._ids)}"}]})


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float], scale: float = 1000.0) -> str:
    if not values:
        return "n/a"
    p: Callable[[float], float] = lambda q: percentile(values, q) * scale  # noqa: E731
    return f"p50 {p(50):7.1f}  p95 {p(95):7.1f}  p99 {p(99):7.1f} ms"
