"""Retention: `python -m bot purge` deletes closed cases and stale drafts past their periods.

Run it daily (cron or a systemd timer). Statistics should be exported before a year's cases
reach the retention period (docs/statistics.md).
"""

from __future__ import annotations

from datetime import timedelta

from bot.settings import Settings
from storage.factory import build_case_store, migrate


async def purge(settings: Settings) -> tuple[int, int]:
    """Delete closed cases older than RETENTION_DAYS and drafts idle for DRAFT_RETENTION_DAYS."""
    await migrate(settings.database_url)
    cases = build_case_store(settings.database_url)
    try:
        closed = await cases.purge_closed(timedelta(days=settings.retention_days))
        drafts = await cases.purge_drafts(timedelta(days=settings.draft_retention_days))
    finally:
        await cases.close()
    return closed, drafts
