"""Save a draft in one statement (INSERT ... ON CONFLICT DO UPDATE), so two writers cannot collide."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Draft


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
