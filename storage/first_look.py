"""A new conversation's reads, together: its draft and its trusted adults in one statement.

Every first message of a conversation (or one whose state expired) asks the case store for both
(bot/service.py), and a phase of users starting at once is a burst of them (bench/README.md, stop 20).
Apart they took two pool checkouts, each with its own liveness ping (now only for a connection that was
idle: storage/engine.py) and transaction; here they take one checkout and one statement
(bench/new_conversation.py counts both ways).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, and_, literal_column, select

from storage.base import FirstLook, StateKey
from storage.cases import SqlCaseStore
from storage.models import AdultLink, Draft

# One row to join both to: a child with no adults still gets their draft, one with no draft their adults.
_ONE = select(literal_column("1").label("one")).subquery("one")


def first_look_statement(platform: str, user: str) -> Select[tuple[dict[str, Any], str, str, str]]:
    """One row per adult (oldest first), each with the draft; one row of NULLs for neither (the outer joins
    make every column nullable). The draft repeats on each adult's row (at most flows.adults.MAX_ADULTS,
    decrypted once each): cheaper than a second statement."""
    return (select(Draft.data, AdultLink.id, AdultLink.name, AdultLink.child_alias)
            .select_from(_ONE.outerjoin(Draft, and_(Draft.platform == platform, Draft.user_id == user))
                         .outerjoin(AdultLink, and_(AdultLink.child_platform == platform,
                                                    AdultLink.child_user == user)))
            .order_by(AdultLink.created_at, AdultLink.id))


class SqlFirstLook:
    """`bot.service.FirstLookPort` over the SQL case store."""

    def __init__(self, cases: SqlCaseStore) -> None:
        self.cases = cases

    async def first_look(self, key: StateKey) -> FirstLook:
        async with self.cases.engine.connect() as connection:
            rows = (await connection.execute(first_look_statement(key.platform, key.user))).all()
        draft: dict[str, Any] | None = rows[0].data  # the same on every row
        adults = tuple((row.id, row.name) for row in rows if row.id is not None)
        alias = rows[-1].child_alias if adults else None  # the newest link's: how the child last asked to be known
        return FirstLook(None if draft is None else dict(draft), adults, alias)
