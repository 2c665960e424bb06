"""POST /telegram/webhook: verify the secret, read the update, hand it over, answer at once.

Answers: 403 without the right X-Telegram-Bot-Api-Secret-Token (nothing read further);
413 for a body over MAX_BODY_BYTES and 400 for one that is not a Telegram update in strict
UTF-8 JSON (handlers/json_body.py; both final: nothing stored); 200 once the update is stored
(bot/delivery/intake.py), even one the installed aiogram cannot read (the worker logs it), so
Telegram never retries it forever; 503 when it cannot be stored (Redis down, the in-memory
queue full): Telegram retries later. Processing happens behind the answer, in workers.
A stored press whose answer needs no state
(`parse.answerable_at_once`) is answered in the 200's body, a Bot API request Telegram makes
for us ("Making requests when getting updates"); the worker then skips its answerCallbackQuery.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.delivery.intake import hand_over
from handlers.json_body import read_json

if TYPE_CHECKING:
    from handlers.telegram.channel import TelegramChannel

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 1 << 20  # a Telegram update is a few kilobytes; 1 MiB is generous

router = APIRouter()


class _TooLarge(Exception):
    pass


@router.post("/telegram/webhook")
async def telegram_webhook(request: Request) -> JSONResponse:
    channel = _channel(request)
    if channel is None:
        return _answer(404, "telegram is not configured")
    if not channel.secret_matches(request.headers.get(SECRET_HEADER)):
        log.warning("telegram webhook call with a wrong or missing secret token")
        return _answer(403, "forbidden")
    try:
        body = await _read_body(request, MAX_BODY_BYTES)
    except _TooLarge:
        return _answer(413, "body too large")
    update = _update_from(body)
    if update is None:
        return _answer(400, "not a Telegram update: a JSON object with an integer update_id is expected")
    if await hand_over(request.app.state, channel.platform, update, body) != 200:
        return _answer(503, "busy, retry later")  # nothing stored: no answer to the press either
    callback_id = channel.answered_in_webhook(update)
    if callback_id is not None:
        # Stored, so the worker will skip its own answerCallbackQuery: Telegram makes this one call
        # for us, and the spinner stops now even when the workers are behind.
        return JSONResponse({"method": "answerCallbackQuery", "callback_query_id": callback_id})
    return JSONResponse({"ok": True})


def _channel(request: Request) -> TelegramChannel | None:
    application = getattr(request.app.state, "application", None)
    channels = getattr(application, "channels", {})
    channel: TelegramChannel | None = channels.get("telegram")
    return channel


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _TooLarge
    return bytes(body)


def _update_from(body: bytes) -> dict[str, Any] | None:
    data = read_json(body)  # None: not UTF-8, not JSON, a lone surrogate, or nested beyond reason
    if not isinstance(data, dict):
        return None
    update_id = data.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        return None
    return data


def _answer(status: int, error: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": error}, status_code=status)
