"""The chat simulator: a child and a parent side by side link and alert, like on the platforms."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.settings import Settings
from webhook import create_app


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/sim.db", redis_url=None))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def say(client: httpx.AsyncClient, user: str, **body: str) -> list[dict[str, Any]]:
    response = await client.post("/simulator/message", json={"user": user, "lang": "en", **body})
    assert response.status_code == 200, response.text
    replies: list[dict[str, Any]] = response.json()
    return replies


def choice(replies: list[dict[str, Any]], value: str) -> str:
    found = [b["choice"] for r in replies for b in r["buttons"] if b["choice"].split("|")[1].split(":")[0] == value]
    assert found, replies
    return found[-1]


async def test_a_child_and_a_parent_in_the_simulator(client: httpx.AsyncClient) -> None:
    await say(client, "kid", text="hi")
    menu = await say(client, "kid", choice="role|child")
    screen = await say(client, "kid", choice=choice(menu, "adults"))
    await say(client, "kid", choice=choice(screen, "add"))
    given = await say(client, "kid", text="Aru")
    code = re.findall(r"[0-9A-Z]{5}-[0-9A-Z]{5}", given[0]["text"])[0]
    intro = await say(client, "mum", text=code)
    assert "Aru asks you to be their trusted adult" in intro[0]["text"]
    await say(client, "mum", choice=choice(intro, "agree"))
    told = (await client.get("/simulator/inbox", params={"user": "kid"})).json()
    assert "Your adult confirmed the code" in told[0]["text"]
    await say(client, "kid", text="Mum")
    sos = await say(client, "kid", text="/sos")
    assert sos[-1]["buttons"][0]["label"] == "🔔 Alert Mum"
    sent = await say(client, "kid", choice=choice(sos, "alert"))
    assert "✅ Mum: delivered at" in sent[0]["text"]
    alert = (await client.get("/simulator/inbox", params={"user": "mum"})).json()
    assert alert[0]["text"].startswith("🆘 Aru pressed SOS at ")
    answered = await say(client, "mum", choice=choice(alert, "coming"))
    assert "The child sees your answer" in answered[0]["text"]
    assert (await client.get("/simulator/inbox", params={"user": "kid"})).json()[0]["text"] == "💬 Mum: «I'm coming!»"
    assert (await client.get("/simulator/inbox", params={"user": "kid"})).json() == []
