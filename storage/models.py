"""The case database: cases, unfinished drafts, escalations. Change these with a migration.

Users appear only as pseudonymous ids (storage.pseudonym), in columns named `user_id`
(`user` is a reserved word in PostgreSQL) and `cases.reporter`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, ForeignKey, Index, Integer, MetaData, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from storage import crypto

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SHORT = 64  # codes from the flows (category, place, language...) and pseudonymous ids


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out, on every backend.

    SQLite keeps no offset (SQLAlchemy writes naive ISO text), so values are stored as naive
    UTC there and given their UTC zone back on reading; PostgreSQL uses timestamptz.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: use an aware one (storage.models.utcnow)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class EncryptedText(TypeDecorator[str]):
    """Free text encrypted at rest (storage/crypto.py); `purpose` (the column) binds each value to it."""

    impl = Text
    cache_ok = True

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else crypto.ring().encrypt(value, self.purpose)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else crypto.ring().decrypt(value, self.purpose)


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value encrypted at rest as one text (storage/crypto.py); None stays SQL NULL."""

    impl = Text
    cache_ok = True

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else crypto.ring().encrypt_json(value, self.purpose)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):  # a JSON column not migrated yet (0006) hands back the parsed value
            return value
        return crypto.ring().decrypt_json(value, self.purpose)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index(None, "platform", "reporter"),
        Index(None, "status", "closed_at"),
        Index(None, "created_at"),
        # The desk's inbox (migration 0005): most serious first, then oldest, within the usual filters.
        Index(None, "risk", "created_at"),
        Index(None, "status", "risk", "created_at"),
        Index(None, "category", "region"),  # the inbox's commonest narrow filter
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    platform: Mapped[str] = mapped_column(String(SHORT))
    language: Mapped[str] = mapped_column(String(SHORT))
    reporter: Mapped[str | None] = mapped_column(String(SHORT))  # pseudonymous; None once erased
    reporter_role: Mapped[str] = mapped_column(String(SHORT))
    victim: Mapped[str | None] = mapped_column(String(SHORT))
    category: Mapped[str] = mapped_column(String(SHORT))
    subcategory: Mapped[str | None] = mapped_column(String(SHORT))
    description: Mapped[str | None] = mapped_column(EncryptedText("cases.description"))
    place: Mapped[str | None] = mapped_column(String(SHORT))
    links: Mapped[list[str] | None] = mapped_column(EncryptedJSON("cases.links"))
    evidence: Mapped[list[dict[str, str]] | None] = mapped_column(JSON(none_as_null=True))  # file ids only
    danger: Mapped[str | None] = mapped_column(String(SHORT))
    age_group: Mapped[str | None] = mapped_column(String(SHORT))
    region: Mapped[str | None] = mapped_column(String(SHORT))
    anonymous: Mapped[bool]
    risk: Mapped[str] = mapped_column(String(SHORT))
    risk_reasons: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(32), default="received", server_default="received")
    refused_media: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str | None] = mapped_column(String(SHORT))  # storage.base.CASE_OUTCOMES; None: not yet
    assigned_to: Mapped[str | None] = mapped_column(String(32))  # a staff actor id ("w:<id>"); None: nobody
    # The raw chat id of a reporter who chose "you may write to me here"; erased when the case closes
    # and by forget_user (migration 0005, docs/storage.md). Never shown.
    reply_address: Mapped[str | None] = mapped_column(EncryptedText("cases.reply_address"))


class Draft(Base):
    """A report being written, so it outlives a restart or an expired conversation state."""

    __tablename__ = "drafts"

    platform: Mapped[str] = mapped_column(String(SHORT), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(SHORT), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("drafts.data"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Escalation(Base):
    """A conversation waiting for (open), or with (taken), a human operator."""

    __tablename__ = "escalations"
    __table_args__ = (
        # At most one active escalation per user; a second one is merged into it.
        Index("uq_escalations_active_user", "platform", "user_id", unique=True,
              sqlite_where=text("status != 'closed'"), postgresql_where=text("status != 'closed'")),
        Index(None, "status", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    platform: Mapped[str] = mapped_column(String(SHORT))
    user_id: Mapped[str | None] = mapped_column(String(SHORT))  # None once the user is forgotten
    language: Mapped[str] = mapped_column(String(SHORT))
    level: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(SHORT))
    case_id: Mapped[str | None] = mapped_column(
        String(32), ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open", server_default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # -- the operators' side (migration 0003; docs/operators.md) --------------------------------
    operator_id: Mapped[str | None] = mapped_column(String(32))  # who holds it (a Telegram user id)
    topic_id: Mapped[str | None] = mapped_column(String(32), index=True)  # its topic in the operator group
    # The raw platform chat id that reaches the user (Telegram chat id, WhatsApp wa_id). Kept only
    # while the escalation is active: erased on close and by forget_user (data minimisation).
    address: Mapped[str | None] = mapped_column(EncryptedText("escalations.address"))
    outcome: Mapped[str | None] = mapped_column(String(SHORT))  # storage.base.CASE_OUTCOMES, set on close
    helpful: Mapped[bool | None]  # the user's "did this help?" after the close
    last_user_message_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_operator_message_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # last re-alert or re-offer
    realert_count: Mapped[int] = mapped_column(Integer, server_default="0")  # set by new_escalation


class ConversationMessage(Base):
    """What was said where a person reads it: the user's words while waiting for and talking with an
    operator, and the operators' answers (docs/storage.md).

    Kept with its escalation (and through it, its case) so whoever takes the case reads what the user
    wrote; deleted with the user's data (`forget_user`) and with the escalation by retention. Never an
    image: a media message is logged by its kind only.
    """

    __tablename__ = "conversation_messages"
    __table_args__ = (Index(None, "escalation_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    escalation_id: Mapped[str] = mapped_column(String(32), ForeignKey("escalations.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    sender: Mapped[str] = mapped_column(String(16))  # storage.operators.MESSAGE_SENDERS
    author: Mapped[str | None] = mapped_column(String(SHORT))  # the operator's id, for their messages
    kind: Mapped[str] = mapped_column(String(16))  # "text", or a media kind ("photo", "refused_photo"...)
    text: Mapped[str | None] = mapped_column(EncryptedText("conversation_messages.text"))


class AuditLog(Base):
    """Who did what to which escalation, and when. Never a message text (docs/operators.md).

    No foreign keys: the trail outlives the escalations and cases that retention purges.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "escalation_id", "at"), Index(None, "case_id", "at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(SHORT))  # an operator's Telegram id, "system" or "user"
    action: Mapped[str] = mapped_column(String(16))  # storage.operators.AUDIT_ACTIONS
    escalation_id: Mapped[str | None] = mapped_column(String(32))
    case_id: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)


class AdultLink(Base):
    """A child's trusted adult (docs/families.md): who to alert, never anything about the child's
    cases. Both people appear as pseudonymous ids; `adult_address` is the raw chat id that reaches
    the adult (in one column, so it can be encrypted at rest with the other free text)."""

    __tablename__ = "adult_links"
    __table_args__ = (
        Index(None, "child_platform", "child_user", "adult_platform", "adult_user", unique=True),
        Index(None, "adult_platform", "adult_user"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    child_platform: Mapped[str] = mapped_column(String(SHORT))
    child_user: Mapped[str] = mapped_column(String(SHORT))
    child_alias: Mapped[str] = mapped_column(String(SHORT))  # how the child wants the adult to know them
    adult_platform: Mapped[str] = mapped_column(String(SHORT))
    adult_user: Mapped[str] = mapped_column(String(SHORT))
    adult_address: Mapped[str] = mapped_column(EncryptedText("adult_links.adult_address"))
    adult_language: Mapped[str] = mapped_column(String(SHORT))
    name: Mapped[str] = mapped_column(String(SHORT))  # the child's name for them
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AdultAlert(Base):
    """One SOS alert, counted for the hotline's figures: when, to how many, how many got it. Never who."""

    __tablename__ = "adult_alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    adults: Mapped[int] = mapped_column(Integer)
    delivered: Mapped[int] = mapped_column(Integer)


class Staff(Base):
    """A member of the hotline's staff who signs in to the web desk (bot/desk/staff.py)."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(SHORT), unique=True)
    display_name: Mapped[str] = mapped_column(String(SHORT))
    role: Mapped[str] = mapped_column(String(16))  # bot.desk.staff.ROLES
    ui_language: Mapped[str] = mapped_column(String(8), server_default="ru")
    languages: Mapped[list[str]] = mapped_column(JSON)  # the languages they answer users in
    password_hash: Mapped[str] = mapped_column(String(255))  # Argon2id, with its parameters
    totp_secret: Mapped[str | None] = mapped_column(String(64))  # set at enrolment
    totp_enabled: Mapped[bool] = mapped_column(server_default=text("false"))
    totp_last_step: Mapped[int | None] = mapped_column(Integer)  # a code is accepted once
    active: Mapped[bool] = mapped_column(server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_signin_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StaffSession(Base):
    """A signed-in browser: the cookie holds a random token, the database only its hash."""

    __tablename__ = "staff_sessions"
    __table_args__ = (Index(None, "staff_id"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int] = mapped_column(Integer, ForeignKey("staff.id", ondelete="CASCADE"))
    csrf: Mapped[str] = mapped_column(String(64))
    verified: Mapped[bool]  # False: password right, second factor still to give
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CaseNote(Base):
    """An internal note on a case: staff only, never sent to the reporter."""

    __tablename__ = "case_notes"
    __table_args__ = (Index(None, "case_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(32), ForeignKey("cases.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    author: Mapped[str] = mapped_column(String(SHORT))  # a staff actor id
    kind: Mapped[str] = mapped_column(String(16), server_default="note")  # "note", or "to_reporter" (sent)
    text: Mapped[str] = mapped_column(EncryptedText("case_notes.text"))


class CrisisJudgement(Base):
    """An operator's verdict on the bot's crisis reading of a case (docs/crisis-reading.md): one per case,
    a new one replaces the old; deleted with its case. The reading it says is right: `level` NULL and no
    `reasons` for calm, else a level of flows.crisis_sets.DANGER_LEVELS and reasons of the crisis groups."""

    __tablename__ = "crisis_judgements"

    case_id: Mapped[str] = mapped_column(String(32), ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    verdict: Mapped[str] = mapped_column(String(16))  # flows.crisis_sets.VERDICTS
    level: Mapped[str | None] = mapped_column(String(16))
    reasons: Mapped[list[str]] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(SHORT))  # a staff actor id ("w:<id>")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
