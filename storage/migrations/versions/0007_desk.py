"""The web case desk: staff accounts and their sessions, internal notes, who a case is assigned to,
and the indexes of the inbox (docs/operators.md).

Revision ID: 0007_desk
Revises: 0006_encryption
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_desk"
down_revision: str | None = "0006_encryption"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Open cases are few beside the closed ones (which retention keeps a year): reaching them through the
# status first beats an index of any filter (an index of assigned_to, mostly NULL, misled SQLite's planner).
# The inbox: most serious first, then oldest; and its commonest narrow filter, a category in a region.
CASE_INDEXES = (("risk", "created_at"), ("status", "risk", "created_at"), ("category", "region"))


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("assigned_to", sa.String(32), nullable=True))
        batch.add_column(sa.Column("reply_address", sa.Text(), nullable=True))  # encrypted (storage/crypto.py)
    for columns in CASE_INDEXES:
        op.create_index(op.f("ix_cases_" + "_".join(columns)), "cases", list(columns))
    op.create_index(op.f("ix_audit_log_case_id_at"), "audit_log", ["case_id", "at"])
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("ui_language", sa.String(8), server_default="ru", nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("totp_secret", sa.String(64), nullable=True),
        sa.Column("totp_enabled", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("totp_last_step", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_signin_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], ondelete="CASCADE",
                                name=op.f("fk_staff_sessions_staff_id_staff")),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_staff_sessions")),
    )
    op.create_index(op.f("ix_staff_sessions_staff_id"), "staff_sessions", ["staff_id"])
    op.create_table(
        "case_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), server_default="note", nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                name=op.f("fk_case_notes_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_notes")),
    )
    op.create_index(op.f("ix_case_notes_case_id_at"), "case_notes", ["case_id", "at"])


def downgrade() -> None:
    op.drop_table("case_notes")
    op.drop_table("staff_sessions")
    op.drop_table("staff")
    op.drop_index(op.f("ix_audit_log_case_id_at"), table_name="audit_log")
    for columns in CASE_INDEXES:
        op.drop_index(op.f("ix_cases_" + "_".join(columns)), table_name="cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("reply_address")
        batch.drop_column("assigned_to")
