"""The web desk over HTTP (httpx, no socket): an app on a fresh SQLite file, staff made through the desk."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from bot.settings import Settings
from webhook import create_app

PASSWORD = "correct horse battery"


@dataclass
class Desk:
    app: FastAPI
    http: httpx.AsyncClient

    async def add(self, username: str, role: str = "operator") -> None:
        await self.app.state.application.web_desk.staff.add(username, username.title(), role, PASSWORD,
                                                            ui_language="en")

    async def sign_in(self, username: str, password: str = PASSWORD) -> httpx.Response:
        page = await self.http.get("/desk/signin")
        token = hidden(page.text, "csrf")
        return await self.http.post("/desk/signin", data={"csrf": token, "username": username, "password": password})

    async def csrf(self, path: str = "/desk/inbox") -> str:
        return hidden((await self.http.get(path)).text, "csrf")

    async def report(self, user: str, text: str = "they post my photos", *, category: str = "bullying",
                     danger: str = "no", links: str | None = None, contact: str = "reply_here") -> str:
        """File a report through the bot as a user of the simulator; its reference."""
        return await file_report(self.http, user, text, category=category, danger=danger, links=links,
                                 contact=contact)

    async def say(self, user: str, **step: str) -> list[dict[str, object]]:
        replies: list[dict[str, object]] = (await self.http.post(
            "/simulator/message", json={"user": user, "lang": "en", **step})).json()
        return replies


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no {name} field"
    return found.group(1)


async def file_report(http: httpx.AsyncClient, user: str, text: str, *, category: str = "bullying",
                      danger: str = "no", links: str | None = None, contact: str = "reply_here") -> str:
    steps: list[dict[str, str]] = [
        {"text": "hi"}, {"choice": "role|child"}, {"choice": "menu|report"}, {"choice": f"r_category|{category}"},
        {"choice": "r_victim|me"}, {"text": text}, {"choice": "r_where|instagram"},
        {"text": links} if links else {"choice": "r_links|skip"}, {"choice": "r_evidence|skip"},
        {"choice": f"r_danger|{danger}"}, {"choice": "r_age|14_17"}, {"choice": "r_region|astana"},
        {"choice": f"r_contact|{contact}"}, {"choice": "r_review|send"},
    ]
    said = ""
    for step in steps:
        replies = (await http.post("/simulator/message", json={"user": user, "lang": "en", **step})).json()
        said = " ".join(r["text"] for r in replies)
    found = re.search(r"KZ-[A-Z0-9]{4}-[A-Z0-9]{4}", said)
    assert found, said
    return found.group(0)


@pytest.fixture
async def desk(tmp_path: Path) -> AsyncIterator[Desk]:
    app = create_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/desk.db", redis_url=None))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield Desk(app, http)
