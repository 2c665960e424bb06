"""The operators' side: who holds an escalation, its topic, the user's address while active, the
timers of "no one left waiting", the user's feedback and outcome; and the audit log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-01-16
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_COLUMNS = ("operator_id", "topic_id", "address", "outcome", "helpful", "last_user_message_at",
               "last_operator_message_at", "alerted_at", "realert_count")


def upgrade() -> None:
    # Nullable columns (and one with a server default): a plain ADD COLUMN on both backends.
    with op.batch_alter_table("escalations") as batch:
        batch.add_column(sa.Column("operator_id", sa.String(32), nullable=True))
        batch.add_column(sa.Column("topic_id", sa.String(32), nullable=True))
        batch.add_column(sa.Column("address", sa.String(64), nullable=True))
        batch.add_column(sa.Column("outcome", sa.String(64), nullable=True))
        batch.add_column(sa.Column("helpful", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("last_user_message_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("last_operator_message_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("alerted_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("realert_count", sa.Integer(), server_default="0", nullable=False))
    op.create_index(op.f("ix_escalations_topic_id"), "escalations", ["topic_id"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("escalation_id", sa.String(32), nullable=True),
        sa.Column("case_id", sa.String(32), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index(op.f("ix_audit_log_escalation_id_at"), "audit_log", ["escalation_id", "at"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_escalations_topic_id"), table_name="escalations")
    # SQLite: batch mode rebuilds `escalations` (foreign keys are off while migrating, see
    # storage.engine.make_engine), keeping its partial unique index.
    with op.batch_alter_table("escalations") as batch:
        for name in reversed(NEW_COLUMNS):
            batch.drop_column(name)
