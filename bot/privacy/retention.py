"""Retention: `python -m bot purge` deletes closed cases and stale drafts past their periods, with
the copies kept elsewhere: the operator front's topics of the escalations it deletes (their cards and
relayed messages) and updates set aside past `SET_ASIDE_RETENTION_HOURS` (wired by bot/cli.py, the
composition root: this package reaches neither the Telegram group nor the intake).

Run it daily (cron or a systemd timer). Statistics should be exported before a year's cases
reach the retention period (docs/statistics.md).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from bot.settings import Settings
from storage.factory import build_case_store, migrate
from storage.models import utcnow
from storage.operators import SqlOperatorStore

# Deletes the topics (by id) from the operator front; returns how many could NOT be deleted.
TopicEraser = Callable[[Sequence[str]], Awaitable[int]]


@dataclass(frozen=True)
class Purged:
    closed: int  # cases
    drafts: int
    topics: int  # operator topics deleted
    topics_left: int  # operator topics that could not be deleted (to delete by hand)


async def purge(settings: Settings, erase_topics: TopicEraser | None = None) -> Purged:
    """Delete closed cases older than RETENTION_DAYS (and the escalations closed as long, with their
    topics) and drafts idle for DRAFT_RETENTION_DAYS."""
    await migrate(settings.database_url)
    cases = build_case_store(settings.database_url, settings.database_pool_size)
    try:
        older_than = timedelta(days=settings.retention_days)
        topics = await SqlOperatorStore(cases).topics_closed_before(utcnow() - older_than)
        # The topics first: once the escalations are gone nothing says which topics were theirs.
        left = await erase_topics(topics) if erase_topics is not None and topics else len(topics)
        closed = await cases.purge_closed(older_than)
        drafts = await cases.purge_drafts(timedelta(days=settings.draft_retention_days))
    finally:
        await cases.close()
    return Purged(closed, drafts, len(topics) - left, left)
