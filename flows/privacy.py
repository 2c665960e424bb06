"""How long the hotline keeps what, as the privacy screen tells it. The runtime passes its settings
(STATE_TTL_DAYS, DRAFT_RETENTION_DAYS, RETENTION_DAYS) so the screen never promises other periods
than the ones the purge and the state store apply."""

from __future__ import annotations

from dataclasses import dataclass

# The settings' defaults (bot/settings.py); a test keeps the two equal.
DEFAULT_STATE_DAYS = 30
DEFAULT_DRAFT_DAYS = 30
DEFAULT_RETENTION_DAYS = 365


@dataclass(frozen=True)
class KeepingPeriods:
    """Days: a conversation's state after its last change, an untouched draft, a closed case."""

    state_days: int = DEFAULT_STATE_DAYS
    draft_days: int = DEFAULT_DRAFT_DAYS
    retention_days: int = DEFAULT_RETENTION_DAYS

    def params(self) -> dict[str, str]:
        """The privacy screen's parameters."""
        return {"state_days": str(self.state_days), "draft_days": str(self.draft_days),
                "retention_days": str(self.retention_days)}


DEFAULT_PERIODS = KeepingPeriods()
