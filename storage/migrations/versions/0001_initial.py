"""Cases, drafts and escalations.

Revision ID: 0001
Revises:
Create Date: 2024-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("status != 'closed'")


def short() -> sa.String:
    return sa.String(64)


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("reference", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("platform", short(), nullable=False),
        sa.Column("language", short(), nullable=False),
        sa.Column("reporter", short(), nullable=True),
        sa.Column("reporter_role", short(), nullable=False),
        sa.Column("victim", short(), nullable=True),
        sa.Column("category", short(), nullable=False),
        sa.Column("subcategory", short(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("place", short(), nullable=True),
        sa.Column("links", sa.JSON(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=True),
        sa.Column("danger", short(), nullable=True),
        sa.Column("age_group", short(), nullable=True),
        sa.Column("region", short(), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("risk", short(), nullable=False),
        sa.Column("risk_reasons", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(32), server_default="received", nullable=False),
        sa.Column("refused_media", sa.Integer(), server_default="0", nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("reference", name=op.f("uq_cases_reference")),
    )
    op.create_index(op.f("ix_cases_platform_reporter"), "cases", ["platform", "reporter"])
    op.create_index(op.f("ix_cases_status_closed_at"), "cases", ["status", "closed_at"])
    op.create_index(op.f("ix_cases_created_at"), "cases", ["created_at"])

    op.create_table(
        "drafts",
        sa.Column("platform", short(), nullable=False),
        sa.Column("user_id", short(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("platform", "user_id", name=op.f("pk_drafts")),
    )

    op.create_table(
        "escalations",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("platform", short(), nullable=False),
        sa.Column("user_id", short(), nullable=True),
        sa.Column("language", short(), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("reason", short(), nullable=False),
        sa.Column("case_id", sa.String(32), nullable=True),
        sa.Column("status", sa.String(16), server_default="open", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_escalations_case_id_cases"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
    )
    op.create_index(op.f("ix_escalations_case_id"), "escalations", ["case_id"])
    op.create_index(op.f("ix_escalations_status_created_at"), "escalations", ["status", "created_at"])
    op.create_index("uq_escalations_active_user", "escalations", ["platform", "user_id"], unique=True,
                    sqlite_where=ACTIVE, postgresql_where=ACTIVE)


def downgrade() -> None:
    op.drop_table("escalations")
    op.drop_table("drafts")
    op.drop_table("cases")
