"""Signing in (password, then TOTP), enrolling the second factor with a QR code, signing out."""

from __future__ import annotations

import hmac

import segno
from fastapi import APIRouter, Request
from fastapi.responses import Response

from bot.desk.staff import SignIn, StaffDesk
from handlers.desk_web.web import (
    COOKIE,
    PRE_COOKIE,
    address,
    checked_form,
    pre_token,
    redirect,
    render,
    services,
    set_cookie,
    signed_in,
)

router = APIRouter()
MESSAGES = {SignIn.WRONG: "desk.signin.wrong", SignIn.LIMITED: "desk.signin.limited",
            SignIn.DISABLED: "desk.signin.wrong"}


async def _pre_form(request: Request) -> dict[str, str] | None:
    """A sign-in form, if its double-submit token matches its cookie (no session exists yet)."""
    form = {key: value for key, value in (await request.form()).items() if isinstance(value, str)}
    cookie = request.cookies.get(PRE_COOKIE)
    if not cookie or not hmac.compare_digest(cookie, form.get("csrf", "")):
        return None
    return form


def _signin_page(request: Request, error: str | None = None, status_code: int = 200) -> Response:
    token = pre_token(request)
    response = render(request, "signin.html", None, status_code, error=error, pre=token)
    set_cookie(response, request, PRE_COOKIE, token)
    return response


@router.get("/signin")
async def signin_page(request: Request) -> Response:
    return _signin_page(request)


@router.post("/signin")
async def signin(request: Request) -> Response:
    form = await _pre_form(request)
    if form is None:
        return _signin_page(request, "desk.error.csrf", 403)
    result, token = await services(request).staff.sign_in(form.get("username", "").strip(),
                                                          form.get("password", ""), address(request))
    if token is None:
        return _signin_page(request, MESSAGES.get(result, "desk.signin.wrong"), 401)
    response = redirect({SignIn.OK: "/inbox", SignIn.NEEDS_CODE: "/code"}.get(result, "/enrol"))
    set_cookie(response, request, COOKIE, token)
    return response


@router.get("/code")
async def code_page(request: Request) -> Response:
    token = pre_token(request)
    response = render(request, "code.html", None, pre=token, error=None)
    set_cookie(response, request, PRE_COOKIE, token)
    return response


@router.post("/code")
async def code(request: Request) -> Response:
    form = await _pre_form(request)
    token = request.cookies.get(COOKIE)
    if form is None or token is None:
        return redirect("/signin")
    result = await services(request).staff.give_code(token, form.get("code", ""), address(request))
    if result is SignIn.OK:
        return redirect("/inbox")
    return render(request, "code.html", None, 401, pre=form.get("csrf"), error=MESSAGES.get(result))


@router.get("/enrol")
async def enrol_page(request: Request) -> Response:
    desk = services(request)
    signed = await desk.staff.check(request.cookies.get(COOKIE), verified=False)
    if signed is None:
        return redirect("/signin")
    secret = desk.staff.new_totp_secret()
    return _enrol(request, desk.staff, signed.staff.username, secret, signed.session.csrf, None, 200)


def _enrol(request: Request, staff: StaffDesk, username: str, secret: str, csrf: str, error: str | None,
           status_code: int) -> Response:
    qr = segno.make(staff.totp_uri(secret, username), error="m").svg_inline(scale=5)
    return render(request, "enrol.html", None, status_code, qr=qr, secret=secret, csrf_enrol=csrf, error=error)


@router.post("/enrol")
async def enrol(request: Request) -> Response:
    desk = services(request)
    token = request.cookies.get(COOKIE)
    signed = await desk.staff.check(token, verified=False)
    form = {key: value for key, value in (await request.form()).items() if isinstance(value, str)}
    if signed is None or token is None or not StaffDesk.csrf_ok(signed, form.get("csrf")):
        return redirect("/signin")
    secret = form.get("secret", "")
    result = await desk.staff.enrol(token, secret, form.get("code", ""), address(request))
    if result is SignIn.OK:
        return redirect("/inbox")
    return _enrol(request, desk.staff, signed.staff.username, secret, signed.session.csrf, "desk.signin.wrong", 401)


@router.post("/signout")
async def signout(request: Request) -> Response:
    signed, _ = await checked_form(request)
    await services(request).staff.sign_out(signed)
    response = redirect("/signin")
    response.delete_cookie(COOKIE, path="/desk")
    return response


@router.post("/language")
async def language(request: Request) -> Response:
    signed, form = await checked_form(request)
    await services(request).staff.set_language(signed, form.get("lang", ""))
    back = form.get("back", "/inbox")
    return redirect(back if back.startswith("/") and not back.startswith("//") else "/inbox")


@router.get("/account")
async def account(request: Request) -> Response:
    signed = await signed_in(request)
    desk = services(request)
    secret = desk.staff.new_totp_secret()
    return _enrol(request, desk.staff, signed.staff.username, secret, signed.session.csrf, None, 200)
