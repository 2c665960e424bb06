"""The web chat simulator: the same engine in a browser page, several users side by side.

It is a development tool: it runs on the embedded defaults and is served only on the
address the app listens on (127.0.0.1 unless told otherwise).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from bot.desk.front import Delivery, UserLink
from bot.service import ConversationService, Inbound, Reply
from flows.events import Event, Text
from handlers.render import DISCARD_NOTE, Discard, decode_choice, render, strip_markup
from locales import Translator

PLATFORM = "web"
PAGE = Path(__file__).with_name("simulator.html")
router = APIRouter()


class SimulatorMessage(BaseModel):
    user: str = Field(min_length=1, max_length=64)
    lang: Literal["kk", "ru", "en", ""] = ""
    text: str | None = Field(default=None, max_length=4096)
    choice: str | None = Field(default=None, max_length=64)


class SimulatorButton(BaseModel):
    label: str
    choice: str


class SimulatorReply(BaseModel):
    text: str
    buttons: list[SimulatorButton] = []


class Mailbox:
    """What operators sent to simulated users (the desk's user link for the "web" platform), until read."""

    def __init__(self) -> None:
        self.waiting: dict[str, list[SimulatorReply]] = {}

    def link(self, translator: Translator) -> UserLink:
        async def send(address: str, reply: Reply) -> Delivery:
            self.waiting.setdefault(address, []).extend(_replies(reply, translator))
            return Delivery.SENT

        return send

    def take(self, user: str) -> list[SimulatorReply]:
        return self.waiting.pop(user, [])


MAILBOX = Mailbox()


@router.get("/", response_class=HTMLResponse)
async def page() -> HTMLResponse:
    return HTMLResponse(PAGE.read_text(encoding="utf-8"))


@router.post("/simulator/message")
async def message(body: SimulatorMessage, request: Request) -> list[SimulatorReply]:
    """One message from a simulated user; the replies as the user would see them."""
    application = request.app.state.application  # bot/app.py's Application, set by webhook.py
    service: ConversationService = application.service
    translator: Translator = application.translator
    event: Event | None = decode_choice(body.choice) if body.choice else None
    if event is None:
        event = Text(body.text or "")
    reply = await service.handle(Inbound(PLATFORM, body.user, event, body.lang or None))
    return _replies(reply, translator)


@router.get("/simulator/inbox")
async def inbox(user: str) -> list[SimulatorReply]:
    """What an operator sent this simulated user since the last look (the page polls it)."""
    return MAILBOX.take(user)


def _replies(reply: Reply, translator: Translator) -> list[SimulatorReply]:
    replies: list[SimulatorReply] = []
    for out in render(reply.actions, reply.lang, translator, html.escape, 4096):
        if isinstance(out, Discard):
            replies.append(SimulatorReply(text=DISCARD_NOTE))
        else:
            replies.append(SimulatorReply(
                text=strip_markup(out.text),
                buttons=[SimulatorButton(label=b.label, choice=b.data) for b in out.buttons],
            ))
    return replies
