"""Staff accounts and their sessions, for the web desk (SQLite and PostgreSQL).

The rules (roles, permissions, hashing, second factor, idle expiry) live in bot/desk/staff.py;
this module only reads and writes rows. A session is stored by the hash of its token, so a
copy of the database does not let anyone in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from storage.cases import SqlCaseStore, _rows
from storage.models import Staff, StaffSession, utcnow


class StaffExists(ValueError):
    """The username is taken."""


@dataclass(frozen=True)
class StaffRecord:
    id: int
    username: str
    display_name: str
    role: str
    ui_language: str
    languages: tuple[str, ...]
    password_hash: str
    totp_secret: str | None
    totp_enabled: bool
    totp_last_step: int | None
    active: bool
    created_at: datetime
    last_signin_at: datetime | None

    @property
    def actor_id(self) -> str:
        """How the desk, the audit log and escalations name them (Telegram operators are bare ids)."""
        return f"w:{self.id}"


@dataclass(frozen=True)
class SessionRecord:
    token_hash: str
    staff_id: int
    csrf: str
    verified: bool
    created_at: datetime
    last_seen_at: datetime


def _staff(row: Staff) -> StaffRecord:
    return StaffRecord(row.id, row.username, row.display_name, row.role, row.ui_language, tuple(row.languages or ()),
                       row.password_hash, row.totp_secret, row.totp_enabled, row.totp_last_step, row.active,
                       row.created_at, row.last_signin_at)


def _session(row: StaffSession) -> SessionRecord:
    return SessionRecord(row.token_hash, row.staff_id, row.csrf, row.verified, row.created_at, row.last_seen_at)


class SqlStaffStore:
    def __init__(self, cases: SqlCaseStore, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.cases = cases
        self.clock = clock

    # -- accounts ---------------------------------------------------------------------------
    async def add(self, username: str, display_name: str, role: str, password_hash: str, *,
                  ui_language: str = "ru", languages: Sequence[str] = ()) -> StaffRecord:
        row = Staff(username=username, display_name=display_name, role=role, password_hash=password_hash,
                    ui_language=ui_language, languages=list(languages), totp_enabled=False, active=True,
                    created_at=self.clock())
        try:
            async with self.cases.session() as session, session.begin():
                session.add(row)
                await session.flush()
                return _staff(row)
        except IntegrityError:
            raise StaffExists(username) from None

    async def get(self, staff_id: int) -> StaffRecord | None:
        async with self.cases.session() as session:
            row = await session.get(Staff, staff_id)
        return None if row is None else _staff(row)

    async def by_username(self, username: str) -> StaffRecord | None:
        async with self.cases.session() as session:
            row = await session.scalar(select(Staff).where(Staff.username == username))
        return None if row is None else _staff(row)

    async def everyone(self) -> list[StaffRecord]:
        async with self.cases.session() as session:
            return [_staff(row) for row in await session.scalars(select(Staff).order_by(Staff.id))]

    async def update(self, staff_id: int, **values: object) -> bool:
        async with self.cases.session() as session, session.begin():
            result = await session.execute(update(Staff).where(Staff.id == staff_id).values(**values))
        return _rows(result) == 1

    async def use_totp_step(self, staff_id: int, step: int) -> bool:
        """Record the code's time step as used; False if it (or a later one) was used already (replay)."""
        async with self.cases.session() as session, session.begin():
            result = await session.execute(
                update(Staff).where(Staff.id == staff_id,
                                    (Staff.totp_last_step.is_(None)) | (Staff.totp_last_step < step))
                .values(totp_last_step=step))
        return _rows(result) == 1

    # -- sessions ---------------------------------------------------------------------------
    async def open_session(self, token_hash: str, staff_id: int, csrf: str, *, verified: bool) -> None:
        now = self.clock()
        async with self.cases.session() as session, session.begin():
            session.add(StaffSession(token_hash=token_hash, staff_id=staff_id, csrf=csrf, verified=verified,
                                     created_at=now, last_seen_at=now))

    async def session(self, token_hash: str) -> SessionRecord | None:
        async with self.cases.session() as session:
            row = await session.get(StaffSession, token_hash)
        return None if row is None else _session(row)

    async def touch_session(self, token_hash: str, **values: object) -> None:
        async with self.cases.session() as session, session.begin():
            await session.execute(update(StaffSession).where(StaffSession.token_hash == token_hash)
                                  .values(last_seen_at=self.clock(), **values))

    async def end_session(self, token_hash: str) -> None:
        async with self.cases.session() as session, session.begin():
            await session.execute(delete(StaffSession).where(StaffSession.token_hash == token_hash))

    async def end_sessions_of(self, staff_id: int) -> int:
        async with self.cases.session() as session, session.begin():
            result = await session.execute(delete(StaffSession).where(StaffSession.staff_id == staff_id))
        return _rows(result)
