"""The web chat simulator: the same engine in a browser page, several users side by side.

It is a development tool: it runs on the embedded defaults and is served only on the
address the app listens on (127.0.0.1 unless told otherwise), and never with
ENVIRONMENT=production (webhook.py does not mount it: anyone could file cases with it).
"""

from __future__ import annotations

import html
from collections import deque
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from bot.adults import AdultLink
from bot.desk.front import Delivery, UserLink
from bot.service import ConversationService, Inbound, Reply
from flows.events import Event, Text
from handlers.render import DISCARD_NOTE, Discard, decode_choice, render, strip_markup
from locales import Translator

PLATFORM = "web"
INBOX_LIMIT = 50  # messages kept per simulated user until the page fetches them
PAGE = Path(__file__).with_name("simulator.html")
# Longer than any platform delivers, so the engine (not a 422) explains its own limits with the real
# numbers (flows/engine.py MAX_TEXT_CHARS, MAX_DESCRIPTION_CHARS); a bound, as for any web form.
MAX_SIMULATED_CHARS = 64 * 1024
router = APIRouter()


class SimulatorMessage(BaseModel):
    user: str = Field(min_length=1, max_length=64)
    lang: Literal["kk", "ru", "en", ""] = ""
    text: str | None = Field(default=None, max_length=MAX_SIMULATED_CHARS)
    choice: str | None = Field(default=None, max_length=64)


class SimulatorButton(BaseModel):
    label: str
    choice: str


class SimulatorReply(BaseModel):
    text: str
    buttons: list[SimulatorButton] = []


class SimulatorInbox:
    """Messages that reach a simulated user outside their own turn (a trusted adult's alert, a
    child told their adult confirmed): kept in memory until the page fetches them."""

    def __init__(self, translator: Translator) -> None:
        self.translator = translator
        self.pending: dict[str, deque[SimulatorReply]] = {}

    def link(self) -> AdultLink:
        async def send(address: str, reply: Reply, location: tuple[float, float] | None) -> bool:
            box = self.pending.setdefault(address, deque(maxlen=INBOX_LIMIT))
            box.extend(rendered(reply, self.translator))
            if location is not None:  # the real apps show a map; the simulator keeps no coordinates
                box.append(SimulatorReply(text="📍 (a location: shown on a map in Telegram and WhatsApp)"))
            return True

        return send

    def desk_link(self) -> UserLink:
        """The desk's link to simulated users (platform "web"): what an operator sends waits here."""
        async def send(address: str, reply: Reply) -> Delivery:
            self.pending.setdefault(address, deque(maxlen=INBOX_LIMIT)).extend(rendered(reply, self.translator))
            return Delivery.SENT

        return send

    def take(self, user: str) -> list[SimulatorReply]:
        return list(self.pending.pop(user, ()))


def rendered(reply: Reply, translator: Translator) -> list[SimulatorReply]:
    """A reply as the page shows it."""
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


def _inbox(request: Request) -> SimulatorInbox | None:
    found = getattr(request.app.state.application, "simulator_inbox", None)
    return found if isinstance(found, SimulatorInbox) else None


@router.get("/simulator/inbox")
async def inbox(user: str, request: Request) -> list[SimulatorReply]:
    """What reached a simulated user since the page last asked (the page polls)."""
    found = _inbox(request)
    return found.take(user[:64]) if found is not None else []


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
    found = _inbox(request)
    return rendered(reply, translator) + (found.take(body.user) if found is not None else [])
