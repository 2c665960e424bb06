"""The inbox, a case, and working it (assign, notes, status): the pages of bot/desk/casework.py."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import Response

from bot.desk.casework import Denied
from flows.crisis_phrases import GROUPS
from flows.crisis_sets import DANGER_LEVELS
from flows.definitions import AGE_GROUPS, CATEGORIES, LANGUAGES, REGIONS
from flows.triage import LEVELS
from handlers.desk_web.web import checked_form, redirect, render, services, signed_in
from storage.base import CASE_OUTCOMES, CASE_STATUSES
from storage.inbox import OPEN, InboxFilter

router = APIRouter()
PAGE_SIZE = 50
FILTERS = ("status", "level", "category", "platform", "language", "region", "age_group", "assigned", "reference",
           "since", "until", "overdue")
PLATFORMS = ("telegram", "whatsapp", "web")


def _day(text: str | None, zone: ZoneInfo) -> datetime | None:
    """A local date of the hotline (Asia/Almaty) as the aware moment its day starts."""
    try:
        return datetime.combine(date.fromisoformat(text or ""), time(), tzinfo=zone)
    except ValueError:
        return None


@router.get("/")
async def home(request: Request) -> Response:
    await signed_in(request)
    return redirect("/inbox")


@router.get("/inbox")
async def inbox(request: Request) -> Response:
    signed = await signed_in(request)
    desk = services(request)
    q = {name: request.query_params.get(name, "") for name in FILTERS}
    if "status" not in request.query_params:
        q["status"] = OPEN
    until = _day(q["until"], desk.timezone)
    f = InboxFilter(
        status=q["status"] or None, level=q["level"] or None, category=q["category"] or None,
        platform=q["platform"] or None, language=q["language"] or None, region=q["region"] or None,
        age_group=q["age_group"] or None, reference=q["reference"] or None,
        assigned=signed.actor_id if q["assigned"] == "me" else (q["assigned"] or None),
        since=_day(q["since"], desk.timezone),
        until=None if until is None else until + timedelta(days=1),  # the "to" day is included
    )
    try:
        offset = max(0, int(request.query_params.get("offset", "0")))
    except ValueError:
        offset = 0
    page = await desk.cases.page(signed, f, overdue_only=q["overdue"] == "1", offset=offset, limit=PAGE_SIZE)
    if q["reference"] and len(page.rows) == 1:
        return redirect(f"/case/{page.rows[0].id}")
    base = {k: v for k, v in q.items() if v}
    return render(request, "inbox.html", signed, page=page, q=q, offset=offset, size=PAGE_SIZE,
                  overdue=lambda row: desk.cases.is_overdue(row.status, row.risk, row.created_at),
                  status_link=lambda s: "?" + urlencode({**base, "status": s}),
                  next_link="?" + urlencode({**base, "offset": offset + PAGE_SIZE}),
                  prev_link="?" + urlencode({**base, "offset": max(0, offset - PAGE_SIZE)}),
                  choices={"status": (OPEN, *CASE_STATUSES), "level": tuple(reversed(LEVELS)),
                           "category": CATEGORIES, "platform": PLATFORMS, "language": LANGUAGES,
                           "region": REGIONS, "age_group": AGE_GROUPS})


@router.get("/case/{case_id}")
async def case(request: Request, case_id: str) -> Response:
    signed = await signed_in(request)
    desk = services(request)
    try:
        view = await desk.cases.view(signed, case_id)
    except Denied as denied:
        return render(request, "error.html", signed, 404 if denied.reason == "not_found" else 403,
                      reason=denied.reason)
    names = {member.actor_id: member.display_name for member in await desk.staff.staff.everyone()}
    return render(request, "case.html", signed, view=view, who=lambda actor: _who(actor, names),
                  statuses=[s for s in CASE_STATUSES if s != "received"], outcomes=CASE_OUTCOMES,
                  staff=sorted(names.items(), key=lambda item: item[1]), error=request.query_params.get("error"),
                  sent=request.query_params.get("sent"), danger_levels=DANGER_LEVELS, crisis_reasons=tuple(GROUPS))


def _who(actor: str | None, names: dict[str, str]) -> str:
    if actor is None:
        return ""
    if actor in names:
        return names[actor]
    if actor.isdigit():
        return f"Telegram #{actor}"
    return actor


@router.post("/case/{case_id}/assign")
async def assign(request: Request, case_id: str) -> Response:
    signed, form = await checked_form(request)
    to = form.get("to") or None
    return await _act(request, case_id, services(request).cases.assign(
        signed, case_id, form.get("expected") or None, signed.actor_id if to == "me" else to))


@router.post("/case/{case_id}/note")
async def note(request: Request, case_id: str) -> Response:
    signed, form = await checked_form(request)
    return await _act(request, case_id, services(request).cases.note(signed, case_id, form.get("text", "")))


@router.post("/case/{case_id}/status")
async def status(request: Request, case_id: str) -> Response:
    signed, form = await checked_form(request)
    return await _act(request, case_id, services(request).cases.set_status(
        signed, case_id, form.get("expected", ""), form.get("status", ""), form.get("outcome") or None))


@router.post("/case/{case_id}/judge")
async def judge(request: Request, case_id: str) -> Response:
    """An operator's verdict on the bot's crisis reading (docs/crisis-reading.md, real messages)."""
    signed, form = await checked_form(request)
    reasons = [r for r in (await request.form()).getlist("reasons") if isinstance(r, str)]
    return await _act(request, case_id, _judged(services(request).cases.judge(
        signed, case_id, form.get("verdict", ""), form.get("level") or None, reasons)))


async def _judged(judging: Awaitable[object]) -> None:
    await judging


@router.post("/case/{case_id}/write")
async def write(request: Request, case_id: str) -> Response:
    """Write to the reporter; the page says what became of it (sent, or why not)."""
    signed, form = await checked_form(request)
    try:
        delivery = await services(request).cases.write_to_reporter(signed, case_id, form.get("text", ""))
    except Denied as denied:
        return redirect(f"/case/{case_id}?error={denied.reason}")
    return redirect(f"/case/{case_id}?sent={delivery.value}")


async def _act(request: Request, case_id: str, action: Awaitable[None]) -> Response:
    try:
        await action
    except Denied as denied:
        if denied.reason == "forbidden":
            return render(request, "error.html", await signed_in(request), 403, reason="forbidden")
        return redirect(f"/case/{case_id}?error={denied.reason}")
    return redirect(f"/case/{case_id}")
