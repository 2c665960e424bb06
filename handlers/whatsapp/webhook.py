"""The WhatsApp webhook: Meta's verification handshake, and signed notifications.

POST order: size limit, then the signature over the raw bytes (constant-time), then JSON,
then the shape. Nothing is parsed before the signature is checked, and no error answer
echoes the expected signature or the body. A good payload is stored (bot/delivery/intake.py, one
update per message and status) and answered 200, or 503 when it cannot be stored (Meta
retries); workers process it behind the answer.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from bot.delivery.intake import hand_over
from handlers.json_body import read_json
from handlers.whatsapp.channel import WhatsAppChannel
from handlers.whatsapp.parse import PayloadError, parse_payload

log = logging.getLogger(__name__)

PATH = "/whatsapp/webhook"
MAX_BODY_BYTES = 1024 * 1024  # Meta's notifications are a few kilobytes
MAX_CHALLENGE_CHARS = 256

router = APIRouter()


def _channel(request: Request) -> WhatsAppChannel | None:
    application = getattr(request.app.state, "application", None)
    channel = application.channels.get("whatsapp") if application is not None else None
    return channel if isinstance(channel, WhatsAppChannel) else None


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"ok": False, "detail": detail}, status_code=status)


@router.get(PATH)
async def verify(request: Request) -> Response:
    """Meta calls this once when the webhook is subscribed: echo the challenge."""
    channel = _channel(request)
    if channel is None:
        return PlainTextResponse("whatsapp is not configured", status_code=404)
    params = request.query_params
    challenge = params.get("hub.challenge", "")
    if channel.verify_ok(params.get("hub.mode"), params.get("hub.verify_token")) and \
            0 < len(challenge) <= MAX_CHALLENGE_CHARS:
        return PlainTextResponse(challenge)
    log.warning("whatsapp webhook verification refused")
    return PlainTextResponse("forbidden", status_code=403)


@router.post(PATH)
async def receive(request: Request) -> Response:
    channel = _channel(request)
    if channel is None:
        return _error(404, "whatsapp is not configured")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return _error(413, "body too large")
    body = await _read(request)
    if body is None:
        return _error(413, "body too large")
    signature = request.headers.get("x-hub-signature-256")
    if not signature:
        channel.stats["rejected_unsigned"] += 1
        return _error(401, "missing signature")
    if not channel.signature_ok(body, signature):
        channel.stats["rejected_signature"] += 1
        log.warning("whatsapp webhook with a wrong signature")
        return _error(403, "bad signature")
    payload = read_json(body)  # strict UTF-8 JSON whose every string the worker can write back
    if payload is None:
        channel.stats["rejected_json"] += 1
        return _error(400, "malformed JSON")
    try:
        parse_payload(payload)  # the shape, before anything is stored
    except PayloadError as error:
        channel.stats["rejected_shape"] += 1
        return _error(400, f"not a WhatsApp notification: {error}")
    if channel.closing:
        return _error(503, "shutting down")  # Meta retries later
    if await hand_over(request.app.state, channel.platform, payload, body) != 200:
        return _error(503, "cannot store the notification now, retry later")
    return JSONResponse({"ok": True})


async def _read(request: Request) -> bytes | None:
    """The raw body, or None beyond the limit (read no further than that)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
