"""Counts of cases for the hotline's statistics, aggregated in the database (GROUP BY).

A period is a span of local dates in the hotline's time zone (Asia/Almaty), turned into UTC
bounds [start, end) on `cases.created_at` (when the report was received). Kazakhstan moved from
UTC+6 to UTC+5 on 2024-03-01, so the bounds come from the time-zone database, never a fixed offset.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Integer, case, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.models import Case

HOTLINE_TIMEZONE = ZoneInfo("Asia/Almaty")
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)  # anything else is a typing mistake

# Dimension name -> column. `platform` is the channel the report came through (telegram,
# whatsapp, web...); `place` is where the problem happened (instagram, tiktok...).
DIMENSIONS: Mapping[str, InstrumentedAttribute[Any]] = {
    "category": Case.category,
    "risk": Case.risk,
    "language": Case.language,
    "platform": Case.platform,
    "reporter_role": Case.reporter_role,
    "age_group": Case.age_group,
    "outcome": Case.outcome,
    "place": Case.place,
    "region": Case.region,
}
NONE = "none"  # a question the reporter skipped (age group, place)
NULL_VALUES = {"outcome": "open"}  # no outcome recorded yet


class PeriodError(ValueError):
    """A period that cannot be: a malformed month, `from` after `to`, a date out of range."""


@dataclass(frozen=True)
class Period:
    """Local dates [start, end) in `tz`; None on a side means unbounded (all time)."""

    start: date | None = None
    end: date | None = None
    tz: ZoneInfo = HOTLINE_TIMEZONE

    def __post_init__(self) -> None:
        for day in (self.start, self.end):
            if day is not None and not FIRST_DAY <= day <= LAST_DAY + timedelta(days=1):
                raise PeriodError(f"{day.isoformat()} is out of range ({FIRST_DAY} to {LAST_DAY})")
        if self.start is not None and self.end is not None and self.start >= self.end:
            raise PeriodError("the period is empty: it must start before it ends")

    def utc_bounds(self) -> tuple[datetime | None, datetime | None]:
        return (None if self.start is None else local_midnight(self.start, self.tz),
                None if self.end is None else local_midnight(self.end, self.tz))

    @property
    def label(self) -> str:
        """'2026-01-01 to 2026-12-31' (both days included), 'from ...', 'until ...' or 'all time'."""
        first = None if self.start is None else self.start.isoformat()
        last = None if self.end is None else (self.end - timedelta(days=1)).isoformat()
        if first and last:
            return f"{first} to {last}"
        return f"from {first}" if first else f"until {last}" if last else "all time"


def local_midnight(day: date, tz: ZoneInfo = HOTLINE_TIMEZONE) -> datetime:
    """The UTC instant at which `day` begins in `tz`."""
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def year_period(year: int, tz: ZoneInfo = HOTLINE_TIMEZONE) -> Period:
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise PeriodError(f"year {year} is out of range ({FIRST_DAY.year} to {LAST_DAY.year})")
    return Period(date(year, 1, 1), date(year + 1, 1, 1), tz)


def month_period(text: str, tz: ZoneInfo = HOTLINE_TIMEZONE) -> Period:
    """A month written YYYY-MM, e.g. 2026-03."""
    found = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if found is None or not 1 <= int(found.group(2)) <= 12:
        raise PeriodError(f"{text!r} is not a month: write YYYY-MM, e.g. 2026-03")
    year, month = int(found.group(1)), int(found.group(2))
    first = date(year, month, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(first, following, tz)


def date_range(first: date | None, last: date | None, tz: ZoneInfo = HOTLINE_TIMEZONE) -> Period:
    """From `first` to `last`, both days included; None leaves that side open."""
    if first is not None and last is not None and first > last:
        raise PeriodError(f"the period starts ({first}) after it ends ({last})")
    if last is not None and last > LAST_DAY:
        raise PeriodError(f"{last.isoformat()} is out of range ({FIRST_DAY} to {LAST_DAY})")
    return Period(first, None if last is None else last + timedelta(days=1), tz)


def _within(period: Period) -> list[ColumnElement[bool]]:
    start, end = period.utc_bounds()
    conditions: list[ColumnElement[bool]] = []
    if start is not None:
        conditions.append(Case.created_at >= start)
    if end is not None:
        conditions.append(Case.created_at < end)
    return conditions


def null_value(dimension: str) -> str:
    return NULL_VALUES.get(dimension, NONE)


async def total(session: AsyncSession, period: Period) -> int:
    return int(await session.scalar(select(func.count()).select_from(Case).where(*_within(period))) or 0)


async def counts_by(session: AsyncSession, dimension: str, period: Period) -> dict[str, int]:
    """Value -> number of cases in the period, most frequent first (NULL as `null_value`)."""
    column = DIMENSIONS.get(dimension)
    if column is None:
        raise KeyError(f"unknown dimension {dimension!r}; expected one of {', '.join(DIMENSIONS)}")
    rows = await session.execute(select(column, func.count()).where(*_within(period)).group_by(column))
    counts: dict[str, int] = {}
    for value, count in rows:
        key = null_value(dimension) if value is None else str(value)
        counts[key] = counts.get(key, 0) + int(count)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


async def category_by_year(session: AsyncSession, period: Period) -> dict[int, dict[str, int]]:
    """Local year -> category -> cases, for the years of the period that have any.

    The year is worked out in the database with a CASE over the UTC instants at which each local
    year begins, which is exact across offset changes and the same SQL on SQLite and PostgreSQL.
    """
    first, last = (await session.execute(
        select(func.min(Case.created_at), func.max(Case.created_at)).where(*_within(period)))).one()
    if first is None or last is None:
        return {}
    years = range(first.astimezone(period.tz).year, last.astimezone(period.tz).year + 1)
    year: ColumnElement[Any] = literal(years[-1], Integer)
    if len(years) > 1:
        year = case(*((Case.created_at < local_midnight(date(y + 1, 1, 1), period.tz), literal(y, Integer))
                      for y in years[:-1]), else_=year)
    # A subquery, so that GROUP BY names the computed year instead of repeating the CASE:
    # PostgreSQL would see the repeated CASE's fresh bind parameters as a different expression.
    cases = select(year.label("year"), Case.category.label("category")).where(*_within(period)).subquery()
    rows = await session.execute(select(cases.c.year, cases.c.category, func.count())
                                 .group_by(cases.c.year, cases.c.category))
    result: dict[int, dict[str, int]] = {}
    for y, category, count in rows:
        result.setdefault(int(y), {})[str(category)] = int(count)
    return dict(sorted(result.items()))
