"""The storage contracts. Backends: in-memory and Redis for conversation state; SQLAlchemy
(SQLite by default, PostgreSQL in production) for cases. The same tests run on all of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

# What the reporter sees when they check their reference; the desk moves a case through them.
CASE_STATUSES = ("received", "in_review", "referred_platform", "content_reported", "content_removed",
                 "passed_to_police", "closed")
# What the hotline did about a case, recorded by the operator who closes it (NULL: none yet).
CASE_OUTCOMES = ("advised", "referred_police", "referred_platform", "content_reported", "no_action")


class CaseNotFound(LookupError):
    """No case has this reference (raised by `CaseStore.set_status`)."""


@dataclass(frozen=True)
class StateKey:
    """One conversation. `user` is the pseudonymous id (see storage.pseudonym), never the raw one."""

    platform: str
    user: str

    def redis_key(self, prefix: str) -> str:
        return f"{prefix}:state:{self.platform}:{self.user}"


class StateStore(Protocol):
    """Conversation state (JSON-ready dicts) with a time to live, and rate-limit counters."""

    async def load(self, key: StateKey) -> dict[str, Any] | None: ...

    async def save(self, key: StateKey, data: Mapping[str, Any]) -> None: ...

    async def delete(self, key: StateKey) -> None: ...

    async def claim(self, token: str, ttl_seconds: int) -> bool:
        """True the first time `token` is claimed within `ttl_seconds` (idempotency keys)."""
        ...

    async def hit(self, counter: str, window_seconds: int) -> int:
        """Count one event under `counter` and return the count within the current window."""
        ...

    async def marks(self, tokens: Sequence[str]) -> list[str | None]:
        """The values recorded under these tokens (None: never recorded, or expired). Delivery records
        which updates and outgoing messages are done this way (bot/delivery/outbox.py)."""
        ...

    async def mark(self, token: str, value: str, ttl_seconds: int) -> None:
        """Record `value` under `token` for `ttl_seconds` (overwriting)."""
        ...

    async def save_marked(self, key: StateKey, data: Mapping[str, Any], token: str, value: str,
                          ttl_seconds: int) -> None:
        """Save the state and record the token in one atomic write: neither is stored without the other."""
        ...

    async def sent(self, update: str) -> set[str]:
        """The outgoing messages of an unfinished update recorded as sent (bot/delivery/outbox.py)."""
        ...

    async def record_sent(self, update: str, messages: Sequence[str], ttl_seconds: int) -> None:
        """Record these outgoing messages of `update` as sent, for `ttl_seconds`."""
        ...

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class NewCase:
    """A finished report as the engine filed it, plus who sent it (pseudonymously)."""

    platform: str
    reporter: str  # pseudonymous user id
    language: str
    risk: str
    risk_reasons: tuple[str, ...]
    report: Mapping[str, Any]  # the engine's draft: category, description, links, evidence...
    # A stable id (32 hex) derived from the update that filed it: filing the same id again returns
    # the case filed the first time, so a retried update never files a case twice. None: random.
    id: str | None = None
    # The raw chat id the report came from: kept (as `cases.reply_address`) only when the reporter chose
    # "you may write to me here", and only until the case closes or the user deletes their data.
    address: str | None = None


@dataclass(frozen=True)
class FiledCase:
    id: str  # random, never sequential
    reference: str  # human-readable, hard to guess: KZ-XXXX-XXXX
    created_at: datetime


@dataclass(frozen=True)
class Ticket:
    """An open escalation: where the user stands in the operators' queue."""

    id: str
    level: str
    position: int | None = None
    wait_minutes: int | None = None


@dataclass(frozen=True)
class CaseRecord:
    """A stored case as the hotline sees it."""

    id: str
    reference: str
    created_at: datetime
    platform: str
    language: str
    reporter_role: str
    category: str
    subcategory: str | None
    risk: str
    risk_reasons: tuple[str, ...]
    status: str
    anonymous: bool
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DraftChange:
    """A conversation's newest draft as of `at` (when it changed); None or empty drops it."""

    platform: str
    user: str  # pseudonymous user id
    draft: Mapping[str, Any] | None
    at: datetime


@dataclass(frozen=True)
class FirstLook:
    """What the case store holds for a new (or expired) conversation state: the stored copy of its
    draft, and its trusted adults as (link id, the child's name for them), oldest first, with the
    alias the child gave in their newest link."""

    draft: dict[str, Any] | None
    adults: tuple[tuple[str, str], ...] = ()
    alias: str | None = None


class CaseStore(Protocol):
    """Cases, unfinished drafts and escalations, in a relational database."""

    async def file_case(self, case: NewCase) -> FiledCase: ...

    async def get_case(self, reference: str) -> CaseRecord | None: ...

    async def status_of(self, reference: str) -> str | None: ...

    async def set_status(self, reference: str, status: str) -> None: ...

    async def set_outcome(self, reference: str, outcome: str | None) -> None:
        """Record what the hotline did (one of CASE_OUTCOMES), or None to clear it."""
        ...

    async def save_draft(self, platform: str, user: str, draft: Mapping[str, Any]) -> None: ...

    async def load_draft(self, platform: str, user: str) -> dict[str, Any] | None: ...

    async def drop_draft(self, platform: str, user: str) -> None: ...

    async def write_drafts(self, changes: Sequence[DraftChange]) -> None:
        """Save or drop many drafts in one transaction (bot/drafts.py's write-behind). Each change
        applies only over a stored draft no newer than its `at`: the newest change wins, whoever
        writes last."""
        ...

    async def open_escalation(self, platform: str, user: str, language: str, level: str, reason: str,
                              case_reference: str | None, address: str | None = None) -> Ticket:
        """Queue a user for a person; one open escalation per user (raised, linked, not doubled).
        `address` is the raw chat id that reaches the user, kept only while the escalation is active."""
        ...

    async def forget_user(self, platform: str, user: str) -> int:
        """Erase the personal fields of the user's cases and drafts; return how many cases."""
        ...

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...
