"""The case store on SQLAlchemy 2 async: SQLite file by default, PostgreSQL in production.

Run `storage.migrate.migrate(url)` before use; the store never creates tables itself.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from flows.references import ALPHABET, SYMBOLS, format_reference
from storage import escalations as esc
from storage import judgements
from storage.base import (
    CASE_OUTCOMES,
    CASE_STATUSES,
    CaseNotFound,
    CaseRecord,
    DraftChange,
    FiledCase,
    NewCase,
    Ticket,
)
from storage.drafts import upsert_draft, write_drafts
from storage.engine import DEFAULT_POOL_SIZE, make_engine
from storage.judgements import JudgedCase, Judgement
from storage.models import Case, CaseNote, ConversationMessage, CrisisJudgement, Draft, Escalation, utcnow
from storage.report_columns import case_columns

REFERENCE_ATTEMPTS = 5  # 40 random bits: a second collision in a row means something else is wrong
QUEUE_ATTEMPTS = 3  # a concurrent request of the same user can win the insert; then merge into it


def new_reference() -> str:
    """KZ-XXXX-XXXX from a cryptographic source, so references cannot be enumerated."""
    return format_reference("".join(secrets.choice(ALPHABET) for _ in range(SYMBOLS)))


def _rows(result: object) -> int:
    return int(cast(CursorResult[Any], result).rowcount)


class SqlCaseStore:
    def __init__(self, database_url: str, *, clock: Callable[[], datetime] = utcnow,
                 reference_factory: Callable[[], str] = new_reference, pool_size: int = DEFAULT_POOL_SIZE) -> None:
        self.engine = make_engine(database_url, pool_size=pool_size)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._now = clock
        self._new_reference = reference_factory

    # -- cases ------------------------------------------------------------------------------
    async def file_case(self, case: NewCase) -> FiledCase:
        """Store the case and drop the reporter's draft, in one transaction. A case with a stable
        `id` is filed once: filing it again returns the first filing (a retried update)."""
        for _ in range(REFERENCE_ATTEMPTS):
            if case.id is not None and (filed := await self._filed(case.id)) is not None:
                return filed
            now = self._now()
            row = Case(id=case.id or uuid.uuid4().hex, reference=self._new_reference(), created_at=now, updated_at=now,
                       platform=case.platform, language=case.language, reporter=case.reporter,
                       risk=case.risk, risk_reasons=list(case.risk_reasons), status="received",
                       **case_columns(case.report))
            row.reply_address = case.address if case.address and not row.anonymous else None
            try:
                async with self._sessions.begin() as session:
                    session.add(row)
                    await session.flush()
                    await session.execute(delete(Draft).where(Draft.platform == case.platform,
                                                              Draft.user_id == case.reporter))
            except IntegrityError:
                if case.id is not None and await self._filed(case.id) is not None:
                    continue  # filed meanwhile by another attempt at the same update
                if not await self._reference_taken(row.reference):
                    raise
                continue
            return FiledCase(id=row.id, reference=row.reference, created_at=row.created_at)
        raise RuntimeError(f"no free case reference after {REFERENCE_ATTEMPTS} attempts")

    async def _filed(self, case_id: str) -> FiledCase | None:
        async with self._sessions() as session:
            row = (await session.execute(select(Case.reference, Case.created_at).where(Case.id == case_id))).first()
        return None if row is None else FiledCase(id=case_id, reference=row.reference, created_at=row.created_at)

    async def _reference_taken(self, reference: str) -> bool:
        async with self._sessions() as session:
            return await session.scalar(select(Case.id).where(Case.reference == reference)) is not None

    async def get_case(self, reference: str) -> CaseRecord | None:
        async with self._sessions() as session:
            row = await session.scalar(select(Case).where(Case.reference == reference))
        return None if row is None else _record(row)

    async def status_of(self, reference: str) -> str | None:
        async with self._sessions() as session:
            return await session.scalar(select(Case.status).where(Case.reference == reference))

    async def set_status(self, reference: str, status: str) -> None:
        if status not in CASE_STATUSES:
            raise ValueError(f"unknown case status {status!r}; expected one of {CASE_STATUSES}")
        now = self._now()
        async with self._sessions.begin() as session:
            row = await session.scalar(select(Case).where(Case.reference == reference))
            if row is None:
                raise CaseNotFound(reference)
            if status == "closed" and row.status != "closed":
                row.closed_at = now
                row.reply_address = None  # nobody writes to the reporter of a closed case
            elif status != "closed":
                row.closed_at = None
            row.status, row.updated_at = status, now

    async def set_outcome(self, reference: str, outcome: str | None) -> None:
        """Record what the hotline did about the case (storage.base.CASE_OUTCOMES); None clears it."""
        if outcome is not None and outcome not in CASE_OUTCOMES:
            raise ValueError(f"unknown case outcome {outcome!r}; expected one of {CASE_OUTCOMES}")
        async with self._sessions.begin() as session:
            result = await session.execute(update(Case).where(Case.reference == reference)
                                           .values(outcome=outcome, updated_at=self._now()))
        if _rows(result) == 0:
            raise CaseNotFound(reference)

    # -- operators' verdicts on the crisis reading (storage/judgements.py) -------------------
    async def judge(self, case_id: str, verdict: str, level: str | None, reasons: Sequence[str],
                    actor: str) -> Judgement:
        """Record which crisis reading of a case is right, replacing any earlier verdict; CaseNotFound
        if the case is gone, ValueError for a reading that cannot be (storage.judgements.check)."""
        judgements.check(verdict, level, reasons)
        judgement = Judgement(case_id, verdict, level, tuple(reasons), actor[:64], self._now())
        async with self._sessions.begin() as session:
            if not await judgements.save(session, judgement):
                raise CaseNotFound(case_id)
        return judgement

    async def judgement(self, case_id: str) -> Judgement | None:
        async with self._sessions() as session:
            return await judgements.read(session, case_id)

    async def judged_cases(self, since: datetime | None = None) -> list[JudgedCase]:
        async with self._sessions() as session:
            return await judgements.judged(session, since)

    # -- drafts -----------------------------------------------------------------------------
    async def save_draft(self, platform: str, user: str, draft: Mapping[str, Any]) -> None:
        async with self._sessions.begin() as session:
            await upsert_draft(session, platform, user, dict(draft), self._now())

    async def load_draft(self, platform: str, user: str) -> dict[str, Any] | None:
        # Core on a connection, not an ORM session (bench/new_conversation.py). A new conversation of the
        # app reads its draft with its adults instead (storage/first_look.py).
        async with self.engine.connect() as connection:
            data = await connection.scalar(select(Draft.data).where(Draft.platform == platform,
                                                                    Draft.user_id == user))
        return None if data is None else dict(data)

    async def drop_draft(self, platform: str, user: str) -> None:
        async with self._sessions.begin() as session:
            await session.execute(delete(Draft).where(Draft.platform == platform, Draft.user_id == user))

    async def write_drafts(self, changes: Sequence[DraftChange]) -> None:
        """Save or drop many drafts in one transaction; a change never replaces a newer stored draft."""
        if not changes:
            return
        async with self._sessions.begin() as session:
            await write_drafts(session, changes)

    # -- escalations ------------------------------------------------------------------------
    async def open_escalation(self, platform: str, user: str, language: str, level: str, reason: str,
                              case_reference: str | None, address: str | None = None) -> Ticket:
        """Queue a user; `address` (the raw chat id that reaches them) is kept only while it is active."""
        esc.level_rank(level)
        for attempt in range(QUEUE_ATTEMPTS):
            try:
                async with self._sessions.begin() as session:
                    case_id = await esc.case_id_of(session, case_reference)
                    row = await esc.active_for(session, platform, user)
                    if row is None:
                        row = esc.new_escalation(platform, user, language, level, reason, case_id,
                                                 self._now(), address)
                        session.add(row)
                    else:
                        await esc.merge(session, row, language, level, reason, case_id, address)
                    await session.flush()
                    return await esc.ticket_for(session, row)
            except IntegrityError:
                if attempt + 1 == QUEUE_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")

    async def take_escalation(self, ticket_id: str) -> bool:
        """An operator takes an open escalation; False if it was not open (taken by someone else)."""
        async with self._sessions.begin() as session:
            result = await session.execute(update(Escalation)
                                           .where(Escalation.id == ticket_id, Escalation.status == "open")
                                           .values(status="taken", taken_at=self._now()))
        return _rows(result) == 1

    async def close_escalation(self, ticket_id: str) -> None:
        async with self._sessions.begin() as session:
            await session.execute(update(Escalation)
                                  .where(Escalation.id == ticket_id, Escalation.status != "closed")
                                  .values(status="closed", closed_at=self._now(), address=None))

    async def queue(self, limit: int = 100) -> list[Ticket]:
        """The open escalations in the order operators should take them, with positions."""
        async with self._sessions() as session:
            rows = await esc.queue(session, limit)
            wait = await esc.wait_minutes(session)
        return [Ticket(id=r.id, level=r.level, position=i, wait_minutes=wait) for i, r in enumerate(rows, 1)]

    # -- privacy and retention --------------------------------------------------------------
    async def forget_user(self, platform: str, user: str) -> int:
        """Erase who reported and what they wrote; keep what the statistics count.

        Kept: category, risk, language, platform, region, age group, dates and status.
        The user's escalations lose their user link and address, and those still active are
        closed: nobody is left to answer.
        """
        now = self._now()
        async with self._sessions.begin() as session:
            # Staff notes on their cases may retell what they wrote: erased with it; and verdicts on
            # the crisis reading of their words, which nothing can be measured on any more.
            theirs = select(Case.id).where(Case.platform == platform, Case.reporter == user)
            for model in (CaseNote, CrisisJudgement):
                await session.execute(delete(model).where(model.case_id.in_(theirs))
                                      .execution_options(synchronize_session=False))
            erased = await session.execute(
                update(Case).where(Case.platform == platform, Case.reporter == user)
                .values(reporter=None, description=None, links=None, evidence=None, reply_address=None,
                        updated_at=now))
            await session.execute(delete(Draft).where(Draft.platform == platform, Draft.user_id == user))
            mine = (Escalation.platform == platform, Escalation.user_id == user)
            await session.execute(delete(ConversationMessage).where(ConversationMessage.escalation_id.in_(
                select(Escalation.id).where(*mine))).execution_options(synchronize_session=False))
            await session.execute(update(Escalation).where(*mine, Escalation.status != "closed")
                                  .values(status="closed", closed_at=now))
            await session.execute(update(Escalation).where(*mine).values(user_id=None, address=None))
        return _rows(erased)

    async def purge_closed(self, older_than: timedelta) -> int:
        """Retention: delete cases closed before `older_than` ago, and escalations closed as long."""
        cutoff = self._now() - older_than
        expired = (Case.status == "closed", Case.closed_at < cutoff)
        async with self._sessions.begin() as session:
            await session.execute(update(Escalation)
                                  .where(Escalation.case_id.in_(select(Case.id).where(*expired)))
                                  .values(case_id=None).execution_options(synchronize_session=False))
            deleted = await session.execute(delete(Case).where(*expired)
                                            .execution_options(synchronize_session=False))
            gone = (Escalation.status == "closed", Escalation.closed_at < cutoff)
            await session.execute(delete(ConversationMessage).where(ConversationMessage.escalation_id.in_(
                select(Escalation.id).where(*gone))).execution_options(synchronize_session=False))
            await session.execute(delete(Escalation).where(*gone).execution_options(synchronize_session=False))
        return _rows(deleted)

    async def purge_drafts(self, older_than: timedelta) -> int:
        """Retention: delete drafts nobody touched for `older_than`."""
        async with self._sessions.begin() as session:
            result = await session.execute(delete(Draft).where(Draft.updated_at < self._now() - older_than))
        return _rows(result)

    # -- health -----------------------------------------------------------------------------
    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError):
            return False
        return True

    async def close(self) -> None:
        await self.engine.dispose()

    def session(self) -> AsyncSession:
        """A session for reports and the operator console (read the models directly)."""
        return self._sessions()


def _record(row: Case) -> CaseRecord:
    fields = {name: getattr(row, name) for name in (
        "reporter", "victim", "description", "place", "links", "evidence", "danger", "age_group",
        "region", "refused_media", "updated_at", "closed_at", "outcome")}
    return CaseRecord(id=row.id, reference=row.reference, created_at=row.created_at, platform=row.platform,
                      language=row.language, reporter_role=row.reporter_role, category=row.category,
                      subcategory=row.subcategory, risk=row.risk, risk_reasons=tuple(row.risk_reasons),
                      status=row.status, anonymous=row.anonymous, fields=fields)
