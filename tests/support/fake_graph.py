"""A fake WhatsApp Cloud API (Graph API) on 127.0.0.1 and a random port, for end-to-end tests.

It records every call (path, JSON body, authorization), answers like the Cloud API, and can
be told to fail the next sends with the error bodies Meta returns (130429 throughput,
131056 pair rate limit, 131047 re-engagement, 131026 undeliverable).
"""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass
from typing import Any

from aiohttp import web

ERRORS: dict[int, tuple[str, str]] = {
    130429: ("Rate limit hit", "Message failed to send because there were too many messages sent from this "
                               "phone number in a short period of time"),
    131056: ("(Business Account, Consumer Account) pair rate limit hit",
             "Message failed to send because there were too many messages sent from this phone number to the "
             "same phone number in a short period of time"),
    131047: ("Re-engagement message", "Message failed to send because more than 24 hours have passed since the "
                                      "customer last replied to this number."),
    131026: ("Message Undeliverable", "Message failed to send because of an unknown error with your request "
                                      "parameters."),
    100: ("Invalid parameter", "Param interactive['action']['buttons'][0]['reply']['title'] is too long"),
    131000: ("Something went wrong", "Something went wrong"),
}


def error_body(code: int) -> dict[str, Any]:
    """A Graph API error response, shaped as Meta documents it."""
    title, details = ERRORS.get(code, ("Unknown error", "Unknown error"))
    return {"error": {
        "message": f"(#{code}) {title}",
        "type": "OAuthException",
        "code": code,
        "error_data": {"messaging_product": "whatsapp", "details": details},
        "fbtrace_id": "AFakeTraceId",
    }}


@dataclass(frozen=True)
class Call:
    path: str
    body: dict[str, Any]
    authorization: str
    answered: int  # the HTTP status the fake answered

    @property
    def is_read_receipt(self) -> bool:
        return self.body.get("status") == "read"


class FakeGraph:
    def __init__(self, version: str = "v21.0") -> None:
        self.version = version
        self.calls: list[Call] = []
        self._failures: deque[tuple[int, int]] = deque()  # (code, HTTP status) for the next sends
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/{version}/{phone_number_id}/messages", self._messages)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    @property
    def base(self) -> str:
        """The WHATSAPP_API_BASE to point the app at."""
        return f"{self.url}/{self.version}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def fail_next(self, code: int, times: int = 1, status: int = 400) -> None:
        """The next `times` message sends (not read receipts) fail with this Graph error code."""
        self._failures.extend([(code, status)] * times)

    # -- what the tests look at -------------------------------------------------------------
    @property
    def messages(self) -> list[dict[str, Any]]:
        """Messages accepted for sending (read receipts and refused calls left out)."""
        return [c.body for c in self.calls if not c.is_read_receipt and c.answered == 200]

    def sent_to(self, to: str) -> list[dict[str, Any]]:
        return [m for m in self.messages if m.get("to") == to]

    @property
    def read_receipts(self) -> list[str]:
        return [str(c.body.get("message_id")) for c in self.calls if c.is_read_receipt]

    def clear(self) -> None:
        self.calls.clear()

    async def _messages(self, request: web.Request) -> web.Response:
        body = await request.json()
        authorization = request.headers.get("Authorization", "")
        if request.match_info["version"] != self.version or not authorization.startswith("Bearer "):
            self.calls.append(Call(request.path, body, authorization, 401))
            return web.json_response(error_body(190), status=401)
        if body.get("status") == "read":
            self.calls.append(Call(request.path, body, authorization, 200))
            return web.json_response({"success": True})
        if self._failures:
            code, status = self._failures.popleft()
            self.calls.append(Call(request.path, body, authorization, status))
            return web.json_response(error_body(code), status=status)
        self.calls.append(Call(request.path, body, authorization, 200))
        to = str(body.get("to", ""))
        return web.json_response({
            "messaging_product": "whatsapp",
            "contacts": [{"input": to, "wa_id": to}],
            "messages": [{"id": f"wamid.FAKE{next(self._ids):06d}"}],
        })
