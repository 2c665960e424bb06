"""What the hotline did about a case: cases.outcome.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-15
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable, no default: existing cases simply have no outcome yet. A plain ADD COLUMN on both
    # backends (batch mode on SQLite adds it in place, without rebuilding the table).
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("outcome", sa.String(64), nullable=True))


def downgrade() -> None:
    # SQLite: batch mode rebuilds `cases` without the column (foreign keys are off while migrating,
    # see storage.engine.make_engine, so escalations keep their case links).
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("outcome")
