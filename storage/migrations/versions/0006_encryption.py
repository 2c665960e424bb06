"""Encryption at rest: the free-text columns hold `enc1:<key id>:<ciphertext>` text (storage/crypto.py).

`cases.links` and `drafts.data` were JSON and `escalations.address` 64 characters: all become TEXT.
Values already there stay readable (plain text is read as it is); `python -m bot rotate-key`
encrypts them (docs/deployment.md). `cases.description` and `conversation_messages.text` are TEXT
already.

Revision ID: 0006_encryption
Revises: 0005_adults
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_encryption"
down_revision: str | None = "0005_adults"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column, the type before)
CHANGED = (
    ("cases", "links", sa.JSON()),
    ("drafts", "data", sa.JSON()),
    ("escalations", "address", sa.String(64)),
)


def upgrade() -> None:
    for table, column, before in CHANGED:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.Text(), existing_type=before,
                               postgresql_using=f"{column}::text")


def downgrade() -> None:
    # Only for a database whose values are plain (decrypted) again: ciphertext is not JSON.
    for table, column, before in CHANGED:
        cast = "json" if isinstance(before, sa.JSON) else "varchar(64)"
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=before, existing_type=sa.Text(),
                               postgresql_using=f"{column}::{cast}")
