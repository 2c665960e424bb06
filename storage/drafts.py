"""Save a draft in one statement (INSERT ... ON CONFLICT DO UPDATE), so two writers cannot collide;
and many drafts at once, newest change winning (the write-behind of bot/drafts.py)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.base import DraftChange
from storage.models import Draft

BATCH_ROWS = 500  # rows per statement: 2000 bind parameters, far below SQLite's and asyncpg's limits


async def upsert_draft(session: AsyncSession, platform: str, user: str, data: dict[str, Any],
                       now: datetime) -> None:
    values = {"platform": platform, "user_id": user, "data": data, "updated_at": now}
    dialect = session.bind.dialect.name if session.bind is not None else ""
    if dialect in ("postgresql", "sqlite"):
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(Draft).values(**values)
        await session.execute(statement.on_conflict_do_update(
            index_elements=[Draft.platform, Draft.user_id],
            set_={"data": statement.excluded.data, "updated_at": statement.excluded.updated_at}))
    else:  # another database: read-modify-write, still one transaction
        await session.merge(Draft(**values))


async def write_drafts(session: AsyncSession, changes: Sequence[DraftChange]) -> None:
    """Apply the changes in the session's transaction: one DELETE and one multi-row upsert per
    BATCH_ROWS. A change never overwrites or deletes a draft stored with a later `updated_at`, so
    a slower writer (another process's write-behind) cannot put an older draft back."""
    latest: dict[tuple[str, str], DraftChange] = {}
    for change in changes:  # one row per conversation: PostgreSQL refuses to upsert a row twice in one statement
        known = latest.get((change.platform, change.user))
        if known is None or known.at <= change.at:
            latest[(change.platform, change.user)] = change
    # In key order, so two processes writing overlapping batches lock rows in the same order (no deadlock).
    ordered = [latest[k] for k in sorted(latest)]
    drops = [c for c in ordered if not c.draft]
    saves = [c for c in ordered if c.draft]
    for chunk in _chunks(drops):
        await session.execute(delete(Draft).where(or_(*(
            and_(Draft.platform == c.platform, Draft.user_id == c.user, Draft.updated_at <= c.at) for c in chunk)))
            .execution_options(synchronize_session=False))
    dialect = session.bind.dialect.name if session.bind is not None else ""
    if dialect not in ("postgresql", "sqlite"):  # another database: read-modify-write, still one transaction
        for change in saves:
            row = await session.get(Draft, (change.platform, change.user))
            if row is None or row.updated_at <= change.at:
                await session.merge(Draft(platform=change.platform, user_id=change.user,
                                          data=dict(change.draft or {}), updated_at=change.at))
        return
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for chunk in _chunks(saves):
        statement = insert(Draft).values([{"platform": c.platform, "user_id": c.user, "data": dict(c.draft or {}),
                                           "updated_at": c.at} for c in chunk])
        await session.execute(statement.on_conflict_do_update(
            index_elements=[Draft.platform, Draft.user_id],
            set_={"data": statement.excluded.data, "updated_at": statement.excluded.updated_at},
            where=Draft.updated_at <= statement.excluded.updated_at))


def _chunks(changes: list[DraftChange]) -> Iterator[list[DraftChange]]:
    for start in range(0, len(changes), BATCH_ROWS):
        yield changes[start:start + BATCH_ROWS]
