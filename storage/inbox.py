"""The web desk's inbox and case reads: every case, filtered, most serious then longest waiting first.

Fast at 100,000 cases (bench/desk_inbox.py): one GROUP BY gives the counts per level and per
status, then each level is read in `created_at` order through an index of (risk, created_at),
so no query sorts the whole table by a computed rank.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, or_, select, update

from storage.base import CASE_STATUSES, CaseRecord
from storage.cases import SqlCaseStore, _record, _rows
from storage.models import Case, CaseNote, Escalation

SERIOUS_FIRST = ("critical", "high", "normal", "low")  # flows.triage.LEVELS, reversed
OPEN = "open"  # the status filter meaning "not closed"
OPEN_STATUSES = tuple(status for status in CASE_STATUSES if status != "closed")


@dataclass(frozen=True)
class InboxFilter:
    """What the inbox shows; None or empty means any."""

    status: str | None = OPEN
    level: str | None = None
    category: str | None = None
    platform: str | None = None
    language: str | None = None
    region: str | None = None
    age_group: str | None = None
    since: datetime | None = None  # created at or after (UTC)
    until: datetime | None = None  # created before (UTC)
    assigned: str | None = None  # an actor id, or "nobody"
    reference: str | None = None
    overdue_before: Mapping[str, datetime] = field(default_factory=dict)  # level -> received before: overdue only


@dataclass(frozen=True)
class InboxRow:
    id: str
    reference: str
    created_at: datetime
    status: str
    risk: str
    category: str
    platform: str
    language: str
    region: str | None
    age_group: str | None
    assigned_to: str | None
    outcome: str | None


@dataclass(frozen=True)
class InboxPage:
    rows: tuple[InboxRow, ...]
    total: int  # matching the filter
    by_status: Mapping[str, int]  # matching the filter but its status
    by_level: Mapping[str, int]


@dataclass(frozen=True)
class Note:
    at: datetime
    author: str
    text: str
    kind: str = "note"  # or "to_reporter": what the hotline wrote to the reporter


_ROW_COLUMNS = (Case.id, Case.reference, Case.created_at, Case.status, Case.risk, Case.category, Case.platform,
                Case.language, Case.region, Case.age_group, Case.assigned_to, Case.outcome)


def _conditions(f: InboxFilter, *, with_status: bool = True) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if f.reference:
        where.append(Case.reference == f.reference.strip().upper())
    if with_status and f.status:
        # IN, not "!= 'closed'": an index of (status, risk, created_at) then reaches the open cases only.
        where.append(Case.status.in_(OPEN_STATUSES) if f.status == OPEN else Case.status == f.status)
    for column, value in ((Case.risk, f.level), (Case.category, f.category), (Case.platform, f.platform),
                          (Case.language, f.language), (Case.region, f.region), (Case.age_group, f.age_group)):
        if value:
            where.append(column == value)
    if f.since is not None:
        where.append(Case.created_at >= f.since)
    if f.until is not None:
        where.append(Case.created_at < f.until)
    if f.assigned == "nobody":
        where.append(Case.assigned_to.is_(None))
    elif f.assigned:
        where.append(Case.assigned_to == f.assigned)
    if f.overdue_before:
        where.append(Case.status == "received")
        where.append(or_(*(and_(Case.risk == level, Case.created_at < cutoff)
                           for level, cutoff in f.overdue_before.items())))
    return where


class SqlInbox:
    def __init__(self, cases: SqlCaseStore) -> None:
        self.cases = cases

    async def page(self, f: InboxFilter, *, offset: int = 0, limit: int = 50) -> InboxPage:
        where = _conditions(f)
        async with self.cases.session() as session:
            by_level: dict[str, int] = {row[0]: row[1] for row in await session.execute(
                select(Case.risk, func.count()).where(*where).group_by(Case.risk))}
            others = _conditions(f, with_status=False)
            # Grouped by the column itself, SQLite walks the status index and reads each row from it
            # (slow when other filters need the rows); by an expression, it reads the table through.
            sqlite = self.cases.engine.dialect.name == "sqlite"  # PostgreSQL's planner needs no such help
            status = func.coalesce(Case.status, "") if others and sqlite else Case.status
            by_status: dict[str, int] = {row[0]: row[1] for row in await session.execute(
                select(status, func.count()).where(*others).group_by(status))}
            # Likewise, ordered by the column, SQLite walks the (risk, created_at) index past every row the
            # other filters reject; by an expression, it finds the few that match first, then sorts them.
            oldest = func.coalesce(Case.created_at, Case.created_at) if others and sqlite else Case.created_at
            rows: list[InboxRow] = []
            skip = offset
            for level in (*SERIOUS_FIRST, *sorted(set(by_level) - set(SERIOUS_FIRST))):
                count = by_level.get(level, 0)
                if len(rows) >= limit:
                    break
                if skip >= count:
                    skip -= count
                    continue
                found = await session.execute(select(*_ROW_COLUMNS).where(*where, Case.risk == level)
                                              .order_by(oldest, Case.id).offset(skip)
                                              .limit(limit - len(rows)))
                rows.extend(InboxRow(*row) for row in found)  # type: ignore[call-arg]  # the columns, in order
                skip = 0
        return InboxPage(tuple(rows), sum(by_level.values()), by_status, by_level)

    async def case(self, case_id: str) -> tuple[CaseRecord, str | None] | None:
        """The case and who it is assigned to."""
        async with self.cases.session() as session:
            row = await session.get(Case, case_id)
        return None if row is None else (_record(row), row.assigned_to)

    async def escalations_of(self, case_id: str) -> list[str]:
        """The ids of the case's escalations (its conversations with a person), newest first."""
        async with self.cases.session() as session:
            return list(await session.scalars(select(Escalation.id).where(Escalation.case_id == case_id)
                                              .order_by(Escalation.created_at.desc())))

    async def assign(self, case_id: str, expected: str | None, to: str | None) -> bool:
        """Assign the case to `to` if it is still assigned to `expected` (a stale press changes nothing)."""
        held = Case.assigned_to.is_(None) if expected is None else Case.assigned_to == expected
        async with self.cases.session() as session, session.begin():
            result = await session.execute(update(Case).where(Case.id == case_id, held).values(assigned_to=to))
        return _rows(result) == 1

    async def add_note(self, case_id: str, author: str, text: str, at: datetime, kind: str = "note") -> None:
        async with self.cases.session() as session, session.begin():
            session.add(CaseNote(case_id=case_id, author=author[:64], text=text, at=at, kind=kind))

    async def reply_target(self, case_id: str) -> tuple[str, str | None, str] | None:
        """(platform, pseudonymous reporter, raw address) of a case whose reporter may be written to."""
        async with self.cases.session() as session:
            row = await session.get(Case, case_id)
        if row is None or row.reply_address is None or row.anonymous or row.status == "closed":
            return None
        return row.platform, row.reporter, row.reply_address

    async def notes(self, case_id: str) -> list[Note]:
        async with self.cases.session() as session:
            rows = await session.scalars(select(CaseNote).where(CaseNote.case_id == case_id)
                                         .order_by(CaseNote.at, CaseNote.id))
            return [Note(r.at, r.author, r.text, r.kind) for r in rows]

    async def open_escalations(self, limit: int = 100) -> Sequence[Escalation]:
        """Escalations not closed, for the live chats list (storage.escalations order for the open ones)."""
        async with self.cases.session() as session:
            return list(await session.scalars(select(Escalation).where(Escalation.status != "closed")
                                              .order_by(Escalation.created_at).limit(limit)))

    async def set_status(self, case_id: str, expected: str, status: str, outcome: str | None, at: datetime) -> bool:
        """Move the case from `expected` to `status` (with its outcome when it closes); False if it moved meanwhile."""
        values: dict[str, object] = {"status": status, "updated_at": at,
                                     "closed_at": at if status == "closed" else None}
        if status == "closed":
            values["reply_address"] = None  # nobody writes to the reporter of a closed case
        if outcome is not None:
            values["outcome"] = outcome
        async with self.cases.session() as session, session.begin():
            result = await session.execute(update(Case).where(Case.id == case_id, Case.status == expected)
                                           .values(**values))
        return _rows(result) == 1
