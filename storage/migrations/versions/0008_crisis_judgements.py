"""Operators' verdicts on the bot's crisis reading of a case, for labelled sets of real messages
(docs/crisis-reading.md, "Real messages: operators judge, then measure").

Revision ID: 0008_crisis_judgements
Revises: 0007_desk
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_crisis_judgements"
down_revision: str | None = "0007_desk"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "crisis_judgements",
        sa.Column("case_id", sa.String(32), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("level", sa.String(16), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                name=op.f("fk_crisis_judgements_case_id_cases")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_crisis_judgements")),
    )
    op.create_index(op.f("ix_crisis_judgements_at"), "crisis_judgements", ["at"])


def downgrade() -> None:
    op.drop_table("crisis_judgements")
