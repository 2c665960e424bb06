"""What every page of the web desk shares: templates in the staff member's language, the session
cookie, CSRF on every form, and the desk services of the running application.

The rules themselves (who may do what, sessions, one holder) live in bot/desk/; this front only
asks them and renders the answers.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.desk.casework import CaseDesk
from bot.desk.desk import OperatorDesk
from bot.desk.staff import SignedIn, StaffDesk
from locales import Translator

HERE = Path(__file__).parent
COOKIE = "desk_session"
PRE_COOKIE = "desk_pre"  # the double-submit token of the sign-in forms (before there is a session)
PREFIX = "/desk"
ENV = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                  trim_blocks=True, lstrip_blocks=True)


# No caching of case pages, no framing, no referrer leaving with a link, scripts only from the desk.
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
}


class NotSignedIn(Exception):
    """No live session: pages send to the sign-in page, actions are refused."""


class BadCsrf(Exception):
    """A form without the session's CSRF token."""


@dataclass(frozen=True)
class DeskServices:
    staff: StaffDesk
    cases: CaseDesk
    operators: OperatorDesk
    translator: Translator
    timezone: ZoneInfo
    database_url: str
    secure_cookies: bool


def services(request: Request) -> DeskServices:
    found: DeskServices | None = getattr(request.app.state.application, "web_desk", None)
    if found is None:
        raise NotSignedIn()
    return found


def address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


async def signed_in(request: Request) -> SignedIn:
    """The request's staff member, or NotSignedIn."""
    signed = await services(request).staff.check(request.cookies.get(COOKIE))
    if signed is None:
        raise NotSignedIn()
    return signed


async def checked_form(request: Request) -> tuple[SignedIn, dict[str, str]]:
    """A signed-in member's form, its CSRF token checked (synchronizer token kept with the session)."""
    signed = await signed_in(request)
    form = {key: value for key, value in (await request.form()).items() if isinstance(value, str)}
    if not StaffDesk.csrf_ok(signed, form.get("csrf") or request.headers.get("x-csrf-token")):
        raise BadCsrf()
    return signed, form


def set_cookie(response: Response, request: Request, name: str, value: str, *, max_age: int | None = None) -> None:
    secure = request.url.scheme == "https" or services(request).secure_cookies
    response.set_cookie(name, value, httponly=True, samesite="strict", secure=secure, path=PREFIX, max_age=max_age)


def pre_token(request: Request) -> str:
    return request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)


def render(request: Request, template: str, signed: SignedIn | None, status_code: int = 200,
           lang: str | None = None, **values: Any) -> HTMLResponse:
    desk = services(request)
    language = lang or (signed.staff.ui_language if signed is not None else _accepted(request))

    def t(key: str, **params: Any) -> str:
        text = desk.translator.template(key, language)
        return text.format(**params) if params else text

    def label(prefix: str, code: str | None) -> str:
        if code is None:
            return "—"
        key = f"{prefix}.{code}"
        found = desk.translator.template(key, language)
        return code if found == key else found

    def local(at: datetime | None) -> str:
        return "" if at is None else at.astimezone(desk.timezone).strftime("%Y-%m-%d %H:%M")

    html = ENV.get_template(template).render(request=request, signed=signed, t=t, label=label, local=local,
                                             lang=language, csrf=signed.session.csrf if signed else "",
                                             prefix=PREFIX, **values)
    response = HTMLResponse(html, status_code=status_code)
    response.headers.update(HEADERS)
    return response


def redirect(path: str) -> RedirectResponse:
    return RedirectResponse(PREFIX + path, status_code=303)


def _accepted(request: Request) -> str:
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        code = part.split(";")[0].strip()[:2].lower()
        if code in ("ru", "kk", "en"):
            return code
    return "ru"
