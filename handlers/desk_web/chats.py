"""Live chats from the web: the same presses as the Telegram group's buttons, through the same desk
(bot/desk/desk.py), so one holder is checked at the moment of the press whichever front it came
from. New messages reach the open page by server-sent events."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse

from bot.desk.casework import readable
from bot.desk.front import Actor, Choice
from bot.desk.staff import SignedIn
from handlers.desk_web.web import checked_form, redirect, render, services, signed_in
from storage.base import CASE_OUTCOMES

router = APIRouter()
POLL_SECONDS = 1.0  # the SSE stream reads the conversation log this often
STREAM_SECONDS = 300  # then the browser reconnects (EventSource does so by itself)


def _actor(signed: SignedIn) -> Actor:
    return Actor(signed.actor_id, signed.staff.display_name)


@router.get("/chats")
async def chats(request: Request) -> Response:
    signed = await signed_in(request)
    if not signed.can("chats.work"):
        return render(request, "error.html", signed, 403, reason="forbidden")
    desk = services(request)
    escalations = await desk.operators.store.waiting(100)
    taken = [e for e in await desk.cases.inbox.open_escalations() if e.status == "taken"]
    return render(request, "chats.html", signed, waiting=escalations, taken=taken)


@router.get("/chat/{escalation_id}")
async def chat(request: Request, escalation_id: str) -> Response:
    signed = await signed_in(request)
    desk = services(request)
    escalation = await desk.operators.store.get(escalation_id)
    if escalation is None or not signed.can("chats.work"):
        return render(request, "error.html", signed, 404 if escalation is None else 403,
                      reason="not_found" if escalation is None else "forbidden")
    case = await desk.operators.store.case_of(escalation)
    messages = await desk.operators.store.messages(escalation_id)
    answer = request.query_params.get("answer")
    return render(request, "chat.html", signed, escalation=escalation, case=case, messages=messages,
                  readable=readable, outcomes=CASE_OUTCOMES, mine=escalation.operator_id == signed.actor_id,
                  answer=answer, last_id=len(messages))


@router.post("/chat/{escalation_id}/{verb}")
async def press(request: Request, escalation_id: str, verb: str) -> Response:
    signed, form = await checked_form(request)
    if not signed.can("chats.work"):
        return render(request, "error.html", signed, 403, reason="forbidden")
    desk = services(request).operators
    if verb == "say":
        answer = await desk.say(_actor(signed), escalation_id, form.get("text", ""))
    elif verb in ("take", "handback"):
        answer = await desk.press(_actor(signed), Choice(verb, escalation_id))
    elif verb == "close":
        answer = await desk.press(_actor(signed), Choice("outcome", escalation_id, form.get("outcome")))
    else:
        return render(request, "error.html", signed, 404, reason="not_found")
    if answer.ok:
        return redirect(f"/chat/{escalation_id}")
    text = services(request).translator.text(answer.text, signed.staff.ui_language)
    return render(request, "error.html", signed, 409, reason="refused", text=text,
                  back=f"/desk/chat/{escalation_id}")


@router.get("/chat/{escalation_id}/events")
async def events(request: Request, escalation_id: str) -> Response:
    """Messages after `after` (how many the page shows), as server-sent events."""
    await signed_in(request)
    store = services(request).operators.store
    try:
        after = max(0, int(request.query_params.get("after", "0")))
    except ValueError:
        after = 0

    async def stream() -> AsyncIterator[str]:
        shown = after
        for _ in range(int(STREAM_SECONDS / POLL_SECONDS)):
            if await request.is_disconnected():
                return
            messages = await store.messages(escalation_id)
            for message in messages[shown:]:
                data = {"sender": message.sender, "kind": message.kind, "text": readable(message.text),
                        "at": message.at.isoformat()}
                yield f"data: {json.dumps(data, ensure_ascii=False)}\n\n"
            shown = max(shown, len(messages))
            await asyncio.sleep(POLL_SECONDS)

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})
