"""Figures for supervisors (the same as `python -m bot stats`: bot/figures/stats.py) and the audit log."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import Response

from bot.figures.stats import DEFAULT_DIMENSIONS, collect, render_csv
from handlers.desk_web.web import render, services, signed_in
from storage.stats import Period, PeriodError, month_period, year_period

router = APIRouter()
DIMENSIONS = (*DEFAULT_DIMENSIONS, "region")
LABEL_PREFIXES = {"category": "category", "age_group": "age", "region": "region", "risk": "op.level",
                  "outcome": "op.outcome", "platform": "op.platform", "language": "op.lang"}


def _period(request: Request) -> Period:
    q = request.query_params
    if q.get("month"):
        return month_period(q["month"])
    if q.get("year"):
        return year_period(int(q["year"]))
    start = date.fromisoformat(q["from"]) if q.get("from") else None
    end = date.fromisoformat(q["to"]) + timedelta(days=1) if q.get("to") else None
    return Period(start, end)


@router.get("/figures")
async def figures(request: Request) -> Response:
    signed = await signed_in(request)
    if not signed.can("figures.view"):
        return render(request, "error.html", signed, 403, reason="forbidden")
    try:
        period = _period(request)
    except (PeriodError, ValueError):
        return render(request, "error.html", signed, 400, reason="bad_period")
    report = await collect(services(request).database_url, period, DIMENSIONS)
    if request.query_params.get("format") == "csv":
        return Response(render_csv(report.tables), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="figures.csv"'})
    return render(request, "figures.html", signed, report=report, prefixes=LABEL_PREFIXES,
                  query=request.url.query)


@router.get("/audit")
async def audit(request: Request) -> Response:
    signed = await signed_in(request)
    if not signed.can("audit.view"):
        return render(request, "error.html", signed, 403, reason="forbidden")
    entries = await services(request).operators.store.audit_trail(limit=200, newest_first=True)
    return render(request, "audit.html", signed, entries=entries)
