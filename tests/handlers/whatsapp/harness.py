"""Drive the real app over HTTP like Meta does: signed webhook posts in, recorded Graph calls out."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from handlers.whatsapp.channel import WhatsAppChannel
from tests.support.fake_graph import FakeGraph

APP_SECRET = "appsecret"
VERIFY_TOKEN = "verify"
PHONE_NUMBER_ID = "123"
_REPO = Path(__file__).resolve().parents[3]
_CANDIDATES = (_REPO.parent / "shared" / "fixtures" / "real" / "whatsapp",
               Path("/work/shared/fixtures/real/whatsapp"))
FIXTURES = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])
REFERENCE = re.compile(r"KZ-[0-9A-Z]{4}-[0-9A-Z]{4}")
_ids = itertools.count(1)


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def envelope(*values: dict[str, Any]) -> dict[str, Any]:
    """A webhook body with one entry and one `messages` change per value."""
    return {"object": "whatsapp_business_account", "entry": [{
        "id": "WABA-1",
        "changes": [{"field": "messages", "value": value} for value in values],
    }]}


def value(messages: list[dict[str, Any]] = (), statuses: list[dict[str, Any]] = (),  # type: ignore[assignment]
          phone_number_id: str = PHONE_NUMBER_ID) -> dict[str, Any]:
    body: dict[str, Any] = {"messaging_product": "whatsapp",
                            "metadata": {"display_phone_number": "15550001111", "phone_number_id": phone_number_id}}
    senders = {m["from"] for m in messages}
    if senders:
        body["contacts"] = [{"profile": {"name": "Test"}, "wa_id": s} for s in sorted(senders)]
    if messages:
        body["messages"] = list(messages)
    if statuses:
        body["statuses"] = list(statuses)
    return body


def message(wa_id: str, kind: str, content: dict[str, Any] | None = None, *, at: float | None = None,
            wamid: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"from": wa_id, "id": wamid or f"wamid.TEST{next(_ids):06d}",
                            "timestamp": str(int(at if at is not None else time.time())), "type": kind}
    if content is not None:
        item[kind] = content
    return item


def text(wa_id: str, body: str, **kw: Any) -> dict[str, Any]:
    return message(wa_id, "text", {"body": body}, **kw)


def reply(wa_id: str, reply_id: str, title: str, *, list_reply: bool) -> dict[str, Any]:
    kind = "list_reply" if list_reply else "button_reply"
    return message(wa_id, "interactive", {"type": kind, kind: {"id": reply_id, "title": title}})


def body_text(sent: dict[str, Any]) -> str:
    if sent["type"] == "text":
        return str(sent["text"]["body"])
    return str(sent["interactive"]["body"]["text"])


def choices(sent: dict[str, Any]) -> list[tuple[str, str]]:
    """(id, title) of an interactive message's buttons or rows."""
    if sent.get("type") != "interactive":
        return []
    interactive = sent["interactive"]
    if interactive["type"] == "button":
        return [(b["reply"]["id"], b["reply"]["title"]) for b in interactive["action"]["buttons"]]
    return [(row["id"], row["title"]) for section in interactive["action"]["sections"] for row in section["rows"]]


@dataclass
class Harness:
    app: FastAPI
    http: httpx.AsyncClient
    graph: FakeGraph
    inbound: list[str] = field(default_factory=list)

    @property
    def channel(self) -> WhatsAppChannel:
        channel = self.app.state.application.channels["whatsapp"]
        assert isinstance(channel, WhatsAppChannel)
        return channel

    async def post(self, payload: dict[str, Any] | bytes, *, signature: str | None = "auto",
                   headers: dict[str, str] | None = None) -> httpx.Response:
        raw = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
        sent_headers = {"content-type": "application/json", **(headers or {})}
        if signature == "auto":
            sent_headers["x-hub-signature-256"] = sign(raw)
        elif signature is not None:
            sent_headers["x-hub-signature-256"] = signature
        return await self.http.post("/whatsapp/webhook", content=raw, headers=sent_headers)

    async def deliver(self, *messages: dict[str, Any]) -> list[dict[str, Any]]:
        """Post the messages in one signed payload, wait for processing, return what was sent."""
        before = len(self.graph.messages)
        response = await self.post(envelope(value(list(messages))))
        assert response.status_code == 200, response.text
        await self.drain()
        self.inbound += [m["id"] for m in messages]
        return self.graph.messages[before:]

    async def drain(self) -> None:
        """Until every stored update is processed (bot/delivery/worker.py) and the channel is idle."""
        await self.app.state.application.pipeline.wait_idle()
        await self.channel.drain()

    async def say(self, wa_id: str, body: str) -> list[dict[str, Any]]:
        return await self.deliver(text(wa_id, body))

    def last_interactive(self, wa_id: str) -> dict[str, Any]:
        return [m for m in self.graph.sent_to(wa_id) if m["type"] == "interactive"][-1]

    async def tap(self, wa_id: str, value: str) -> list[dict[str, Any]]:
        """Tap the choice with this value on the last menu, paging with "More…" as a person would."""
        for _ in range(10):
            menu = self.last_interactive(wa_id)
            found = [(i, t) for i, t in choices(menu) if i.partition("|")[2] == value]
            is_list = menu["interactive"]["type"] == "list"
            if found:
                return await self.deliver(reply(wa_id, found[0][0], found[0][1], list_reply=is_list))
            more = [(i, t) for i, t in choices(menu) if i.startswith("~more:")]
            assert more, f"no choice {value!r} in {choices(menu)}"
            await self.deliver(reply(wa_id, more[0][0], more[0][1], list_reply=True))
        raise AssertionError(f"choice {value!r} not found after paging")
