"""Staff accounts for administrators: list, add, disable or enable, reset the second factor
(the same actions as `python -m bot staff`, through bot/desk/staff.py, audited with who did them)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from bot.desk.staff import ROLES, UI_LANGUAGES
from handlers.desk_web.web import checked_form, redirect, render, services, signed_in
from storage.staff import StaffExists

router = APIRouter()


@router.get("/staff")
async def staff_page(request: Request) -> Response:
    signed = await signed_in(request)
    if not signed.can("staff.manage"):
        return render(request, "error.html", signed, 403, reason="forbidden")
    members = await services(request).staff.staff.everyone()
    return render(request, "staff.html", signed, members=members, roles=ROLES, languages=UI_LANGUAGES,
                  error=request.query_params.get("error"))


@router.post("/staff/{verb}")
async def staff_action(request: Request, verb: str) -> Response:
    signed, form = await checked_form(request)
    if not signed.can("staff.manage"):
        return render(request, "error.html", signed, 403, reason="forbidden")
    desk = services(request).staff
    username = form.get("username", "").strip()
    try:
        if verb == "add":
            await desk.add(username, form.get("name", "").strip(), form.get("role", ""), form.get("password", ""),
                           by=signed.actor_id, ui_language=form.get("ui", "ru"))
        elif verb in ("disable", "enable", "reset_2fa") and username != signed.staff.username:
            await {"disable": desk.disable, "enable": desk.enable, "reset_2fa": desk.reset_2fa}[verb](
                username, by=signed.actor_id)
        else:
            return redirect("/staff?error=forbidden")
    except StaffExists:
        return redirect("/staff?error=exists")
    except ValueError:
        return redirect("/staff?error=invalid")
    return redirect("/staff")
