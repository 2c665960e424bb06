"""A thin client of the WhatsApp Business Cloud API (Graph API): send a message, mark one read.

Graph API errors are mapped onto the delivery taxonomy by their `code` (Meta asks clients to
decide on the code, not on the HTTP status or the title). Exceptions carry the code and
Meta's short title, never the message text.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp

from bot.delivery.sending import DeliveryError, Invalid, RecipientGone, Retryable, Throttled

log = logging.getLogger(__name__)

THROUGHPUT = 130429  # Cloud API throughput reached
PAIR_RATE_LIMIT = 131056  # too many messages to the same user in a short time
REENGAGEMENT = 131047  # more than 24 hours since the user last wrote: only a template may go
UNDELIVERABLE = 131026  # not a WhatsApp user, an old app, or the user cannot receive it

# 1 unknown, 2 service, 4 app call limit, 80007 account rate limit, 131000 something went
# wrong, 131016 service unavailable: all pass, so try again with backoff.
RETRYABLE_CODES = frozenset({1, 2, 4, 80007, 131000, 131016})
PAIR_BACKOFF_SECONDS = 6.0  # Meta's pair rate: about one message every 6 seconds to one user
# The number's throughput is per second: every chat (in every process, bot/delivery/pacing.py) waits this long.
THROUGHPUT_BACKOFF_SECONDS = 1.0


class GraphErrorMixin:
    code: int | None = None


class ApiRetryable(GraphErrorMixin, Retryable):
    def __init__(self, code: int | None, detail: str) -> None:
        super().__init__(detail)
        self.code = code


class ApiThrottled(GraphErrorMixin, Throttled):
    def __init__(self, code: int | None, retry_after: float, detail: str, *, everyone: bool = False) -> None:
        super().__init__(retry_after, detail, everyone=everyone)
        self.code = code


class ApiInvalid(GraphErrorMixin, Invalid):
    def __init__(self, code: int | None, detail: str) -> None:
        super().__init__(detail)
        self.code = code


class WindowClosed(GraphErrorMixin, RecipientGone):
    """131047: the 24-hour customer-service window is closed; only a template can be sent."""

    def __init__(self, detail: str = "re-engagement message: the 24-hour window is closed") -> None:
        super().__init__(detail)
        self.code = REENGAGEMENT


class Undeliverable(GraphErrorMixin, RecipientGone):
    """131026: WhatsApp cannot deliver to this user."""

    def __init__(self, detail: str = "message undeliverable") -> None:
        super().__init__(detail)
        self.code = UNDELIVERABLE


def error_code(error: BaseException) -> int | None:
    return error.code if isinstance(error, GraphErrorMixin) else None


def map_error(status: int, body: Any, *, pair_backoff: float = PAIR_BACKOFF_SECONDS,
              throughput_backoff: float = THROUGHPUT_BACKOFF_SECONDS) -> DeliveryError:
    """A failed Graph API response -> the taxonomy the sender decides on."""
    error = body.get("error") if isinstance(body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    if not isinstance(code, int) or isinstance(code, bool):
        code = None
    title = str(error.get("message", ""))[:120] if isinstance(error, dict) else ""
    detail = f"graph error {code if code is not None else '-'} (HTTP {status}) {title}".strip()
    if code == REENGAGEMENT:
        return WindowClosed(detail)
    if code == UNDELIVERABLE:
        return Undeliverable(detail)
    if code == PAIR_RATE_LIMIT:
        return ApiThrottled(code, pair_backoff, detail)
    if code == THROUGHPUT:  # the number's limit, not this user's: every chat holds back
        return ApiThrottled(code, throughput_backoff, detail, everyone=True)
    if code in RETRYABLE_CODES or (code is None and (status >= 500 or status == 429)):
        return ApiRetryable(code, detail)
    return ApiInvalid(code, detail)


class GraphClient:
    """POST /{phone_number_id}/messages on `base_url` (the Graph API base with its version).

    On aiohttp, the HTTP client aiogram already brings: one HTTP client library in the bot, and
    a call costs about a quarter of httpx's CPU (docs/decisions.md)."""

    def __init__(self, base_url: str, token: str, phone_number_id: str, *, timeout: float = 15.0,
                 pair_backoff: float = PAIR_BACKOFF_SECONDS,
                 throughput_backoff: float = THROUGHPUT_BACKOFF_SECONDS) -> None:
        self.phone_number_id = phone_number_id
        self.pair_backoff = pair_backoff
        self.throughput_backoff = throughput_backoff
        self.url = f"{base_url.rstrip('/')}/{phone_number_id}/messages"
        self._headers = {"Authorization": f"Bearer {token}"}
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    def _http(self) -> aiohttp.ClientSession:
        # Made on first use: an aiohttp session belongs to the event loop it was made in.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(headers=self._headers, timeout=self._timeout)
        return self._session

    async def send(self, to: str, content: dict[str, Any]) -> str | None:
        """Send one message object to a user; returns the new message's wamid."""
        answer = await self._post({"messaging_product": "whatsapp", "recipient_type": "individual", "to": to,
                                   **content})
        messages = answer.get("messages")
        if isinstance(messages, list) and messages and isinstance(messages[0], dict):
            wamid = messages[0].get("id")
            return wamid if isinstance(wamid, str) else None
        return None

    async def mark_read(self, message_id: str) -> None:
        """Blue ticks on the user's message, so they see it arrived."""
        await self._post({"messaging_product": "whatsapp", "status": "read", "message_id": message_id})

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            async with self._http().post(self.url, json=body) as response:
                status, raw = response.status, await response.read()
        except TimeoutError as error:
            raise ApiRetryable(None, f"timeout: {type(error).__name__}") from None
        except aiohttp.ClientError as error:
            raise ApiRetryable(None, f"network: {type(error).__name__}") from None
        try:
            answer = json.loads(raw)
        except ValueError:
            answer = None
        if 200 <= status < 300:
            return answer if isinstance(answer, dict) else {}
        raise map_error(status, answer, pair_backoff=self.pair_backoff, throughput_backoff=self.throughput_backoff)
