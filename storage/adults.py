"""The trusted adults' links and the count of alerts, beside the cases (SQLite and PostgreSQL).

A link is made only from a code the child handed out (bot/adults.py); it holds pseudonymous ids,
the adult's address and language, the names the two chose; nothing about the child's cases.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import SqlCaseStore
from storage.models import AdultAlert, AdultLink


@dataclass(frozen=True)
class Link:
    id: str
    child_platform: str
    child_user: str
    child_alias: str
    adult_platform: str
    adult_user: str
    adult_address: str
    adult_language: str
    name: str


@dataclass(frozen=True)
class AdultFigures:
    """What the hotline's figures count: numbers only."""

    links: int
    alerts: int
    alerts_delivered: int


async def figures(session: AsyncSession, since: datetime | None = None, until: datetime | None = None) -> AdultFigures:
    """Links now, alerts in the period (`since` included, `until` not): counts only."""
    links = await session.scalar(select(func.count()).select_from(AdultLink)) or 0
    alerts = select(func.count(), func.coalesce(func.sum(AdultAlert.delivered), 0)).select_from(AdultAlert)
    if since is not None:
        alerts = alerts.where(AdultAlert.at >= since)
    if until is not None:
        alerts = alerts.where(AdultAlert.at < until)
    count, delivered = (await session.execute(alerts)).one()
    return AdultFigures(int(links), int(count), int(delivered))


def _link(row: AdultLink | Row[Any]) -> Link:
    return Link(row.id, row.child_platform, row.child_user, row.child_alias, row.adult_platform, row.adult_user,
                row.adult_address, row.adult_language, row.name)


class SqlAdultStore:
    def __init__(self, cases: SqlCaseStore) -> None:
        self.cases = cases

    async def links_of(self, platform: str, user: str) -> list[Link]:
        """A child's adults, oldest first."""
        # Core rows, not ORM objects (as SqlCaseStore.load_draft). A new conversation reads its adults
        # with its draft instead (storage/first_look.py).
        async with self.cases.engine.connect() as connection:
            rows = await connection.execute(select(*AdultLink.__table__.columns)
                                            .where(AdultLink.child_platform == platform, AdultLink.child_user == user)
                                            .order_by(AdultLink.created_at, AdultLink.id))
            return [_link(row) for row in rows]

    async def link(self, link_id: str) -> Link | None:
        async with self.cases.session() as session:
            row = await session.get(AdultLink, link_id)
            return None if row is None else _link(row)

    async def add(self, *, child_platform: str, child_user: str, child_alias: str, adult_platform: str,
                  adult_user: str, adult_address: str, adult_language: str, limit: int) -> Link | None:
        """Link an adult to a child; None when the child has `limit` adults already. Linking the same
        adult again renews their address, language and the child's alias (one link each)."""
        now = self.cases._now()
        async with self.cases._sessions.begin() as session:
            mine = (AdultLink.child_platform == child_platform, AdultLink.child_user == child_user)
            row = await session.scalar(select(AdultLink).where(*mine, AdultLink.adult_platform == adult_platform,
                                                               AdultLink.adult_user == adult_user))
            if row is None:
                count = await session.scalar(select(func.count()).select_from(AdultLink).where(*mine)) or 0
                if count >= limit:
                    return None
                row = AdultLink(id=uuid.uuid4().hex, child_platform=child_platform, child_user=child_user,
                                adult_platform=adult_platform, adult_user=adult_user, name="", created_at=now,
                                child_alias=child_alias, adult_address=adult_address, adult_language=adult_language)
                session.add(row)
            else:
                row.child_alias, row.adult_address, row.adult_language = child_alias, adult_address, adult_language
            try:
                await session.flush()
            except IntegrityError:  # the same adult confirmed twice at once: the other made it
                return None
            return _link(row)

    async def rename(self, link_id: str, child_platform: str, child_user: str, name: str) -> None:
        """Only the child who owns the link can name it."""
        async with self.cases._sessions.begin() as session:
            await session.execute(update(AdultLink).where(AdultLink.id == link_id,
                                                          AdultLink.child_platform == child_platform,
                                                          AdultLink.child_user == child_user).values(name=name))

    async def remove(self, link_id: str, child_platform: str, child_user: str) -> bool:
        """Only the child who owns the link can remove it."""
        async with self.cases._sessions.begin() as session:
            result = await session.execute(delete(AdultLink).where(AdultLink.id == link_id,
                                                                   AdultLink.child_platform == child_platform,
                                                                   AdultLink.child_user == child_user))
        return bool(getattr(result, "rowcount", 0))

    async def forget(self, platform: str, user: str) -> int:
        """"Delete my data": every link where the person is the child, and where they are the adult."""
        async with self.cases._sessions.begin() as session:
            as_child = await session.execute(delete(AdultLink).where(AdultLink.child_platform == platform,
                                                                     AdultLink.child_user == user))
            as_adult = await session.execute(delete(AdultLink).where(AdultLink.adult_platform == platform,
                                                                     AdultLink.adult_user == user))
        return int(getattr(as_child, "rowcount", 0)) + int(getattr(as_adult, "rowcount", 0))

    async def count_alert(self, adults: int, delivered: int) -> None:
        async with self.cases._sessions.begin() as session:
            session.add(AdultAlert(at=self.cases._now(), adults=adults, delivered=delivered))

    async def figures(self, since: datetime | None = None, until: datetime | None = None) -> AdultFigures:
        """Links now, alerts in the period: counts only."""
        async with self.cases.session() as session:
            return await figures(session, since, until)
