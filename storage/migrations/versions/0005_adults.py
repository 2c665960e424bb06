"""Trusted adults: the children's links to them and the count of SOS alerts (docs/families.md).

Revision ID: 0005_adults
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_adults"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "adult_links",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("child_platform", sa.String(64), nullable=False),
        sa.Column("child_user", sa.String(64), nullable=False),
        sa.Column("child_alias", sa.String(64), nullable=False),
        sa.Column("adult_platform", sa.String(64), nullable=False),
        sa.Column("adult_user", sa.String(64), nullable=False),
        sa.Column("adult_address", sa.Text(), nullable=False),
        sa.Column("adult_language", sa.String(64), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adult_links")),
    )
    op.create_index(op.f("ix_adult_links_child_platform_child_user_adult_platform_adult_user"), "adult_links",
                    ["child_platform", "child_user", "adult_platform", "adult_user"], unique=True)
    op.create_index(op.f("ix_adult_links_adult_platform_adult_user"), "adult_links",
                    ["adult_platform", "adult_user"])
    op.create_table(
        "adult_alerts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("adults", sa.Integer(), nullable=False),
        sa.Column("delivered", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adult_alerts")),
    )
    op.create_index(op.f("ix_adult_alerts_at"), "adult_alerts", ["at"])


def downgrade() -> None:
    op.drop_table("adult_alerts")
    op.drop_table("adult_links")
