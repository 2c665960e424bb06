"""The operators' queue: one active escalation per user, most serious first, then oldest first."""

from __future__ import annotations

import math
import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows.triage import LEVELS
from storage.base import Ticket
from storage.models import Case, Escalation

ESCALATION_STATUSES = ("open", "taken", "closed")  # waiting, with an operator, done
WAIT_HISTORY = 20  # the estimate averages this many most recent take-ups


def level_rank(level: str) -> int:
    if level not in LEVELS:
        raise ValueError(f"unknown escalation level {level!r}; expected one of {LEVELS}")
    return LEVELS.index(level)


def _rank_column() -> ColumnElement[int]:
    return case({name: i for i, name in enumerate(LEVELS)}, value=Escalation.level, else_=0)


async def active_for(session: AsyncSession, platform: str, user: str) -> Escalation | None:
    query = select(Escalation).where(Escalation.platform == platform, Escalation.user_id == user,
                                     Escalation.status != "closed")
    return (await session.scalars(query)).first()


async def case_id_of(session: AsyncSession, reference: str | None) -> str | None:
    if reference is None:
        return None
    return (await session.scalars(select(Case.id).where(Case.reference == reference))).first()


async def merge(session: AsyncSession, existing: Escalation, language: str, level: str, reason: str,
                case_id: str | None, address: str | None = None) -> None:
    """A new request from a user already in the queue raises their level; it never adds a place."""
    existing.language = language  # the user may have switched: operators answer in the latest one
    if address is not None:
        existing.address = address
    if case_id is not None:
        existing.case_id = case_id
    lower = [name for name in LEVELS if level_rank(name) < level_rank(level)]
    if not lower:
        return
    # One conditional UPDATE, not read-then-write: two requests at once may both have read the old
    # level, and the lower one must not write it back over the higher (on PostgreSQL and SQLite alike).
    await session.execute(update(Escalation).where(Escalation.id == existing.id, Escalation.level.in_(lower))
                          .values(level=level, reason=reason).execution_options(synchronize_session=False))
    await session.refresh(existing, ["level", "reason"])


def new_escalation(platform: str, user: str, language: str, level: str, reason: str,
                   case_id: str | None, now: datetime, address: str | None = None) -> Escalation:
    level_rank(level)
    return Escalation(id=uuid.uuid4().hex, platform=platform, user_id=user, language=language, level=level,
                      reason=reason, case_id=case_id, status="open", created_at=now, address=address,
                      realert_count=0)


async def position_of(session: AsyncSession, escalation: Escalation) -> int | None:
    """1 + the open escalations served before this one; None once an operator has taken it."""
    if escalation.status != "open":
        return None
    rank, mine = _rank_column(), level_rank(escalation.level)
    earlier = or_(
        Escalation.created_at < escalation.created_at,
        and_(Escalation.created_at == escalation.created_at, Escalation.id < escalation.id),
    )
    ahead = select(func.count()).select_from(Escalation).where(
        Escalation.status == "open",
        Escalation.id != escalation.id,
        or_(rank > mine, and_(rank == mine, earlier)),
    )
    return 1 + int(await session.scalar(ahead) or 0)


async def wait_minutes(session: AsyncSession) -> int | None:
    """The average time to take-up of the last escalations, rounded up; None without history."""
    query = (select(Escalation.created_at, Escalation.taken_at)
             .where(Escalation.taken_at.is_not(None))
             .order_by(Escalation.taken_at.desc())
             .limit(WAIT_HISTORY))
    waits = [(taken - created).total_seconds() for created, taken in (await session.execute(query)).all()
             if taken is not None]
    if not waits:
        return None
    return max(1, math.ceil(sum(waits) / len(waits) / 60))


async def ticket_for(session: AsyncSession, escalation: Escalation) -> Ticket:
    return Ticket(id=escalation.id, level=escalation.level, position=await position_of(session, escalation),
                  wait_minutes=await wait_minutes(session))


async def queue(session: AsyncSession, limit: int) -> list[Escalation]:
    """Open escalations in the order operators should take them."""
    query = (select(Escalation).where(Escalation.status == "open")
             .order_by(_rank_column().desc(), Escalation.created_at, Escalation.id).limit(limit))
    return list((await session.scalars(query)).all())
