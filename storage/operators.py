"""The operators' side of the escalations table, and the audit log (SQLite and PostgreSQL).

Every change an operator's press makes is a compare-and-set on the row as the desk read it
(`expected`), so two presses that race, or a press on a card that no longer tells the truth,
change nothing and are told so. Message texts are kept only in the conversation log
(`log_message`, table conversation_messages), never in the escalation or the audit log.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select, update

from storage import escalations as esc
from storage.base import CaseRecord, StateKey
from storage.cases import SqlCaseStore, _record, _rows
from storage.models import AuditLog, Case, ConversationMessage, Escalation, utcnow

SYSTEM = "system"  # the actor of what the bot does by itself (re-alerts, re-offers)
MESSAGE_SENDERS = ("user", "operator")
AUDIT_ACTIONS = ("take", "message", "note", "close", "handback", "status", "refused", "realert", "reoffer",
                 "erased",
                 # the web desk (bot/desk/staff.py, bot/desk/casework.py)
                 "signin", "signin_failed", "signout", "assign", "outcome", "staff", "view", "judged")


@dataclass(frozen=True)
class EscalationInfo:
    """One escalation as the operators' side sees it (a snapshot; the row may move on)."""

    id: str
    platform: str
    user: str | None  # pseudonymous; None once the user asked to be forgotten
    language: str
    level: str
    reason: str
    case_id: str | None
    status: str  # storage.escalations.ESCALATION_STATUSES
    created_at: datetime
    taken_at: datetime | None
    closed_at: datetime | None
    operator_id: str | None
    topic_id: str | None
    address: str | None
    outcome: str | None
    helpful: bool | None
    last_user_message_at: datetime | None
    last_operator_message_at: datetime | None
    alerted_at: datetime | None
    realert_count: int

    @property
    def key(self) -> StateKey | None:
        """The user's conversation, or None once they are forgotten."""
        return None if self.user is None else StateKey(self.platform, self.user)

    @property
    def reoffered(self) -> bool:
        """Taken, but offered to the others again because its operator fell silent (and still is)."""
        if self.status != "taken" or self.alerted_at is None:
            return False
        return self.alerted_at > _latest(self.taken_at, self.last_operator_message_at)

    def user_waiting_since(self) -> datetime | None:
        """When the user wrote last, if nobody answered (or took or re-offered the case) since."""
        wrote = self.last_user_message_at
        if self.status != "taken" or wrote is None:
            return None
        return wrote if wrote > _latest(self.taken_at, self.last_operator_message_at, self.alerted_at) else None


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    escalation_id: str | None
    case_id: str | None
    detail: Mapping[str, Any]


_NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class LoggedMessage:
    """One line of the conversation log, as staff read it (the text is the user's own: escape it)."""

    escalation_id: str
    at: datetime
    sender: str  # MESSAGE_SENDERS
    author: str | None  # the operator's id, for their messages
    kind: str  # "text", or a media kind
    text: str | None


def _latest(*times: datetime | None) -> datetime:
    return max((t for t in times if t is not None), default=_NEVER)


def _info(row: Escalation) -> EscalationInfo:
    return EscalationInfo(**{f.name: getattr(row, "user_id" if f.name == "user" else f.name)
                             for f in dataclasses.fields(EscalationInfo)})


def _is(column: Any, value: Any) -> ColumnElement[bool]:
    result: ColumnElement[bool] = column.is_(None) if value is None else column == value
    return result


class SqlOperatorStore:
    """Reads and compare-and-set writes of escalations for the operator desk, and the audit log."""

    def __init__(self, cases: SqlCaseStore, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.cases = cases
        self.clock = clock

    # -- reading ----------------------------------------------------------------------------
    async def get(self, escalation_id: str) -> EscalationInfo | None:
        async with self.cases.session() as session:
            row = await session.get(Escalation, escalation_id)
        return None if row is None else _info(row)

    async def by_topic(self, topic_id: str) -> EscalationInfo | None:
        """The newest escalation shown in this topic (a topic is made per escalation)."""
        return await self._first(select(Escalation).where(Escalation.topic_id == topic_id)
                                 .order_by(Escalation.created_at.desc()))

    async def active_for(self, key: StateKey) -> EscalationInfo | None:
        return await self._first(select(Escalation).where(
            Escalation.platform == key.platform, Escalation.user_id == key.user, Escalation.status != "closed"))

    async def topics_of(self, key: StateKey) -> list[EscalationInfo]:
        """Every escalation of the user that has a topic in the operator front, closed ones too
        (their cards and relayed messages are still there until erased)."""
        async with self.cases.session() as session:
            rows = (await session.scalars(select(Escalation).where(
                Escalation.platform == key.platform, Escalation.user_id == key.user,
                Escalation.topic_id.is_not(None)))).all()
        return [_info(row) for row in rows]

    async def topics_closed_before(self, cutoff: datetime) -> list[str]:
        """The topics of the escalations retention deletes (closed before `cutoff`): the same
        condition as `SqlCaseStore.purge_closed`, read before it runs."""
        async with self.cases.session() as session:
            found = (await session.scalars(select(Escalation.topic_id).where(
                Escalation.status == "closed", Escalation.closed_at < cutoff,
                Escalation.topic_id.is_not(None)))).all()
        return [str(topic) for topic in found if topic]

    async def waiting(self, limit: int = 50) -> list[EscalationInfo]:
        """Open escalations, most serious first, then oldest first (storage.escalations.queue)."""
        async with self.cases.session() as session:
            return [_info(row) for row in await esc.queue(session, limit)]

    async def case_of(self, escalation: EscalationInfo) -> CaseRecord | None:
        if escalation.case_id is None:
            return None
        async with self.cases.session() as session:
            row = await session.get(Case, escalation.case_id)
        return None if row is None else _record(row)

    async def due_realerts(self, after: timedelta, level: str = "critical") -> list[EscalationInfo]:
        """Open escalations of `level` that nobody took for `after` since they came or were last re-alerted."""
        cutoff = self.clock() - after
        query = select(Escalation).where(
            Escalation.status == "open", Escalation.level == level,
            or_(and_(Escalation.alerted_at.is_(None), Escalation.created_at <= cutoff),
                Escalation.alerted_at <= cutoff),
        ).order_by(Escalation.created_at)
        async with self.cases.session() as session:
            return [_info(row) for row in await session.scalars(query)]

    async def silent(self, after: timedelta) -> list[EscalationInfo]:
        """Taken escalations whose user has waited `after` for an answer, not re-offered yet."""
        cutoff = self.clock() - after
        query = select(Escalation).where(Escalation.status == "taken", Escalation.last_user_message_at <= cutoff)
        async with self.cases.session() as session:
            found = [_info(row) for row in await session.scalars(query)]
        return [e for e in found if (since := e.user_waiting_since()) is not None and since <= cutoff]

    async def _first(self, query: Any) -> EscalationInfo | None:
        async with self.cases.session() as session:
            row = (await session.scalars(query.limit(1))).first()
        return None if row is None else _info(row)

    # -- compare-and-set writes -------------------------------------------------------------
    async def take(self, expected: EscalationInfo, operator_id: str) -> bool:
        """Give the escalation to `operator_id`, if it is still as the desk read it."""
        now = self.clock()
        values: dict[str, Any] = {"status": "taken", "operator_id": operator_id, "alerted_at": None}
        if expected.status == "open":
            values["taken_at"] = now  # the first take-up counts for the waiting-time estimate
        else:
            values["last_operator_message_at"] = now  # taken over: the new operator's clock starts
        return await self._swap(expected, values)

    async def close(self, expected: EscalationInfo, outcome: str | None) -> bool:
        """Close (with an outcome) or hand back (None): the user's address is erased now."""
        return await self._swap(expected, {"status": "closed", "closed_at": self.clock(), "outcome": outcome,
                                           "address": None})

    async def _swap(self, expected: EscalationInfo, values: dict[str, Any], *also: ColumnElement[bool]) -> bool:
        unchanged = (Escalation.id == expected.id, Escalation.status == expected.status,
                     _is(Escalation.operator_id, expected.operator_id),
                     _is(Escalation.last_operator_message_at, expected.last_operator_message_at), *also)
        async with self.cases.session() as session, session.begin():
            result = await session.execute(update(Escalation).where(*unchanged).values(**values))
        return _rows(result) == 1

    # -- plain writes -----------------------------------------------------------------------
    async def set_topic(self, escalation_id: str, topic_id: str) -> None:
        await self._set(escalation_id, topic_id=topic_id)

    async def touch(self, escalation_id: str, *, by_operator: bool) -> None:
        """A message passed: from the operator to the user, or from the user to the operator."""
        field = "last_operator_message_at" if by_operator else "last_user_message_at"
        await self._set(escalation_id, **{field: self.clock()})

    async def mark_alerted(self, expected: EscalationInfo, *, count: bool) -> bool:
        """A re-alert (`count`: one more for a case nobody took) or a re-offer happens now; False
        if the escalation moved on meanwhile (taken, answered, closed), and then nothing is marked."""
        values: dict[str, Any] = {"alerted_at": self.clock()}
        if count:
            values["realert_count"] = Escalation.realert_count + 1
        # Also unchanged since the last alert: of several processes watching, one alerts.
        return await self._swap(expected, values, _is(Escalation.alerted_at, expected.alerted_at))

    async def record_feedback(self, key: StateKey, helpful: bool) -> EscalationInfo | None:
        """The user's "did this help?" on their most recently closed escalation."""
        async with self.cases.session() as session, session.begin():
            row = (await session.scalars(
                select(Escalation).where(Escalation.platform == key.platform, Escalation.user_id == key.user,
                                         Escalation.status == "closed", Escalation.closed_at.is_not(None))
                .order_by(Escalation.closed_at.desc()).limit(1))).first()
            if row is None:
                return None
            row.helpful = helpful
            await session.flush()
            return _info(row)

    async def _set(self, escalation_id: str, **values: Any) -> None:
        async with self.cases.session() as session, session.begin():
            await session.execute(update(Escalation).where(Escalation.id == escalation_id).values(**values))

    # -- the conversation log ----------------------------------------------------------------
    async def log_message(self, escalation_id: str, sender: str, text: str | None, *, kind: str = "text",
                          author: str | None = None) -> None:
        """Keep one message of the conversation with the escalation (`text` None for media)."""
        if sender not in MESSAGE_SENDERS:
            raise ValueError(f"unknown sender {sender!r}; expected one of {MESSAGE_SENDERS}")
        async with self.cases.session() as session, session.begin():
            session.add(ConversationMessage(escalation_id=escalation_id, at=self.clock(), sender=sender,
                                            author=author[:64] if author else None, kind=kind[:16], text=text))

    async def messages(self, escalation_id: str | None = None, *, case_id: str | None = None,
                       limit: int = 1000) -> list[LoggedMessage]:
        """The conversation log, oldest first: of one escalation, or of every escalation of a case."""
        query = select(ConversationMessage).order_by(ConversationMessage.id).limit(limit)
        if escalation_id is not None:
            query = query.where(ConversationMessage.escalation_id == escalation_id)
        elif case_id is not None:
            query = query.where(ConversationMessage.escalation_id.in_(
                select(Escalation.id).where(Escalation.case_id == case_id)))
        else:
            raise ValueError("messages of what? give an escalation_id or a case_id")
        async with self.cases.session() as session:
            rows = (await session.scalars(query)).all()
        return [LoggedMessage(r.escalation_id, r.at, r.sender, r.author, r.kind, r.text) for r in rows]

    # -- the audit log ----------------------------------------------------------------------
    async def audit(self, actor: str, action: str, escalation: EscalationInfo | None = None,
                    **detail: str | int | bool | None) -> None:
        """Record who did what, when. `detail` holds codes and counts, never a message text."""
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"unknown audit action {action!r}; expected one of {AUDIT_ACTIONS}")
        async with self.cases.session() as session, session.begin():
            session.add(AuditLog(at=self.clock(), actor=actor[:64], action=action,
                                 escalation_id=escalation.id if escalation else None,
                                 case_id=escalation.case_id if escalation else None, detail=detail))

    async def audit_case(self, actor: str, action: str, case_id: str | None,
                         **detail: str | int | bool | None) -> None:
        """Record who did what to a case (or, with no case, to the desk: a sign-in, an account)."""
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"unknown audit action {action!r}; expected one of {AUDIT_ACTIONS}")
        async with self.cases.session() as session, session.begin():
            session.add(AuditLog(at=self.clock(), actor=actor[:64], action=action, escalation_id=None,
                                 case_id=case_id, detail=detail))

    async def audit_trail(self, escalation_id: str | None = None, limit: int = 1000, *,
                          case_id: str | None = None, newest_first: bool = False) -> list[AuditEntry]:
        """The audit log, oldest first (of one escalation or one case, if given)."""
        order = (AuditLog.at.desc(), AuditLog.id.desc()) if newest_first else (AuditLog.at, AuditLog.id)
        query = select(AuditLog).order_by(*order).limit(limit)
        if escalation_id is not None:
            query = query.where(AuditLog.escalation_id == escalation_id)
        if case_id is not None:
            query = query.where(AuditLog.case_id == case_id)
        async with self.cases.session() as session:
            rows = (await session.scalars(query)).all()
        return [AuditEntry(r.at, r.actor, r.action, r.escalation_id, r.case_id, dict(r.detail)) for r in rows]
