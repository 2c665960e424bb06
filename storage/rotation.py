"""`python -m bot rotate-key`: every encrypted column re-encrypted with the current key.

Batched (one transaction per batch, walking each table by primary key), idempotent (a value already
under the current key is left alone) and resumable (a stopped run is run again: what it did stays
done, the walk starts over and skips it). Each value is written back only if it is still the one
read (compare-and-set), so a row the bot changed meanwhile is left as the bot wrote it (already
under the current key). Plain text written before encryption is encrypted too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.crypto import KeyRing
from storage.models import Base


@dataclass(frozen=True)
class EncryptedColumn:
    table: str
    keys: tuple[str, ...]  # the primary key
    column: str

    @property
    def purpose(self) -> str:
        """The associated data of its values (storage/models.py names its columns the same way)."""
        return f"{self.table}.{self.column}"


COLUMNS = (
    EncryptedColumn("cases", ("id",), "description"),
    EncryptedColumn("cases", ("id",), "links"),
    EncryptedColumn("drafts", ("platform", "user_id"), "data"),
    EncryptedColumn("escalations", ("id",), "address"),
    EncryptedColumn("conversation_messages", ("id",), "text"),
    EncryptedColumn("adult_links", ("id",), "adult_address"),
    EncryptedColumn("cases", ("id",), "reply_address"),
    EncryptedColumn("case_notes", ("id",), "text"),
)


async def rotate(engine: AsyncEngine, ring: KeyRing, *, batch: int = 500,
                 progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Re-encrypt every value not under `ring.current`; returns how many per column."""
    done: dict[str, int] = {}
    for column in COLUMNS:
        done[column.purpose] = await _rotate_column(engine, ring, column, batch, progress)
    return done


async def _rotate_column(engine: AsyncEngine, ring: KeyRing, column: EncryptedColumn, batch: int,
                         progress: Callable[[str, int], None] | None) -> int:
    # The value as plain TEXT here: the raw stored text, not the models' decrypting type.
    model = Base.metadata.tables[column.table]
    table = sa.table(column.table, *(sa.column(key, model.c[key].type) for key in column.keys),
                     sa.column(column.column, sa.Text))
    keys = [table.c[key] for key in column.keys]
    value = table.c[column.column]
    after: tuple[object, ...] | None = None
    changed = 0
    while True:
        query = sa.select(*keys, value).where(value.is_not(None)).order_by(*keys).limit(batch)
        if after is not None:
            query = query.where(sa.tuple_(*keys) > sa.tuple_(*after))
        async with engine.begin() as connection:
            rows = (await connection.execute(query)).all()
            for row in rows:
                raw = row[-1]
                if raw is None or ring.is_current(raw):
                    continue
                fresh = ring.encrypt(ring.decrypt(raw, column.purpose), column.purpose)
                where = [key == row[i] for i, key in enumerate(keys)]
                result = await connection.execute(sa.update(table).where(*where, value == raw).values(
                    {column.column: fresh}))
                changed += result.rowcount or 0
        if not rows:
            return changed
        after = tuple(rows[-1][: len(keys)])
        if progress is not None:
            progress(column.purpose, changed)
