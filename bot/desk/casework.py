"""Working a case from the web desk: the inbox, a case as staff read it, and what they may do to it.

Channel-neutral rules: who may see and change what (bot/desk/staff.py PERMISSIONS), every change
a compare-and-set on the case as the person saw it (a stale press is refused), every change audited
and visible at once to a reporter who checks their reference (the bot reads the same row).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.desk.front import Delivery
from bot.desk.staff import SignedIn
from flows.crisis_sets import bot_reading, judged_reading
from flows.events import Event, OperatorMessage
from storage.base import CASE_OUTCOMES, CASE_STATUSES, CaseNotFound, CaseRecord, StateKey
from storage.inbox import InboxFilter, InboxPage, Note, SqlInbox
from storage.judgements import Judgement
from storage.models import utcnow
from storage.operators import AuditEntry, LoggedMessage, SqlOperatorStore

# Review deadlines per level (hours a case may wait "received" before it stands out); settings override.
DEFAULT_REVIEW_HOURS: Mapping[str, float] = {"critical": 1, "high": 4, "normal": 48, "low": 120}
SEXUAL_IMAGES = frozenset({"csam"})  # categories whose links are defanged and carry a warning
MAX_NOTE = 4000
# Direction overrides and invisible characters, which could disguise user text where staff read it.
_HIDDEN = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")


def readable(text: str | None) -> str:
    """User text as staff should read it: disguising characters shown as a visible mark (escape it still)."""
    return "" if text is None else _HIDDEN.sub("\ufffd", text)


def defang(link: str) -> str:
    """A link that no browser or chat makes clickable, nor any preview fetches."""
    return readable(link).replace("http", "hxxp", 1).replace(".", "[.]").replace("://", "[:]//", 1)


class Denied(Exception):
    """Not allowed, or not possible now; `reason` is a code (audited, and a catalog key of the desk)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # "filed", "audit", "note", "message"
    actor: str | None  # an actor id ("w:3", a Telegram id, "system", "user")
    action: str | None = None  # the audit action, for "audit"
    detail: Mapping[str, object] | None = None
    text: str | None = None  # a note's or a message's text (made readable; escape it)


@dataclass(frozen=True)
class CaseView:
    case: CaseRecord
    assigned_to: str | None
    links: tuple[str, ...]  # made readable; defanged for sexual-images categories
    links_defanged: bool
    description: str
    evidence_counts: Mapping[str, int]
    timeline: tuple[TimelineEntry, ...]
    escalation_ids: tuple[str, ...]
    overdue: bool
    can_write: bool  # the reporter chose "you may write to me here", and the case is open
    reading: tuple[str | None, tuple[str, ...]] = (None, ())  # the bot's crisis reading (level, reasons)
    judgement: Judgement | None = None  # an operator's verdict on that reading (docs/crisis-reading.md)


def review_deadlines(hours: Mapping[str, float]) -> dict[str, timedelta]:
    return {level: timedelta(hours=value) for level, value in hours.items()}


# Send an operator's event to a user's address on their platform (OperatorDesk.reach).
Reach = Callable[[StateKey, str, Event], Awaitable[Delivery]]


class CaseDesk:
    def __init__(self, inbox: SqlInbox, operators: SqlOperatorStore, *,
                 deadlines: Mapping[str, timedelta] | None = None, clock: Callable[[], datetime] = utcnow,
                 reach: Reach | None = None) -> None:
        self.inbox = inbox
        self.operators = operators
        self.reach = reach
        self.deadlines = dict(deadlines or review_deadlines(DEFAULT_REVIEW_HOURS))
        self.clock = clock

    # -- reading ---------------------------------------------------------------------------------
    async def page(self, signed: SignedIn, f: InboxFilter, *, overdue_only: bool = False, offset: int = 0,
                   limit: int = 50) -> InboxPage:
        _need(signed, "cases.view")
        if overdue_only:
            f = InboxFilter(**{**f.__dict__, "overdue_before": self.overdue_cutoffs()})
        return await self.inbox.page(f, offset=offset, limit=limit)

    def overdue_cutoffs(self) -> dict[str, datetime]:
        now = self.clock()
        return {level: now - wait for level, wait in self.deadlines.items()}

    def is_overdue(self, status: str, level: str, created_at: datetime) -> bool:
        wait = self.deadlines.get(level)
        return status == "received" and wait is not None and self.clock() - created_at > wait

    async def view(self, signed: SignedIn, case_id: str) -> CaseView:
        _need(signed, "cases.view")
        found = await self.inbox.case(case_id)
        if found is None:
            raise Denied("not_found")
        case, assigned = found
        fields = case.fields
        defanged = case.category in SEXUAL_IMAGES
        links = tuple(defang(link) if defanged else readable(link) for link in fields.get("links") or ())
        counts: dict[str, int] = {}
        for item in fields.get("evidence") or ():
            counts[str(item.get("kind") or "file")] = counts.get(str(item.get("kind") or "file"), 0) + 1
        refused = int(fields.get("refused_media") or 0)
        if refused:
            counts["refused"] = refused
        # Reading a child's report is itself recorded: who looked, and when (not shown in its timeline).
        await self.operators.audit_case(signed.actor_id, "view", case.id)
        timeline = await self._timeline(case)
        escalations = await self.inbox.escalations_of(case.id)
        return CaseView(case, assigned, links, defanged, readable(fields.get("description")), counts,
                        tuple(timeline), tuple(escalations), self.is_overdue(case.status, case.risk, case.created_at),
                        self.reach is not None and await self.inbox.reply_target(case.id) is not None,
                        bot_reading(case.risk_reasons), await self.inbox.cases.judgement(case.id))

    async def _timeline(self, case: CaseRecord) -> list[TimelineEntry]:
        entries = [TimelineEntry(case.created_at, "filed", "user")]
        audit: list[AuditEntry] = await self.operators.audit_trail(case_id=case.id)
        entries += [TimelineEntry(a.at, "audit", a.actor, a.action, a.detail) for a in audit
                    if a.action not in ("note", "view")  # shown below, with their text
                    and not (a.action == "message" and a.escalation_id)]
        notes: list[Note] = await self.inbox.notes(case.id)
        entries += [TimelineEntry(n.at, "note" if n.kind == "note" else "to_reporter", n.author,
                                  text=readable(n.text)) for n in notes]
        messages: list[LoggedMessage] = await self.operators.messages(case_id=case.id)
        entries += [TimelineEntry(m.at, "message", m.author if m.sender == "operator" else "user", m.kind,
                                  text=readable(m.text)) for m in messages]
        return sorted(entries, key=lambda e: e.at)

    # -- working -----------------------------------------------------------------------------------
    async def assign(self, signed: SignedIn, case_id: str, expected: str | None, to: str | None) -> None:
        """Assign to oneself (any operator) or to a colleague / nobody (supervisors)."""
        _need(signed, "cases.work")
        if to != signed.actor_id or (expected is not None and expected != signed.actor_id):
            _need(signed, "cases.assign_others")
        if not await self.inbox.assign(case_id, expected, to):
            await self._refused(signed, case_id, "assign", "changed")
        await self.operators.audit_case(signed.actor_id, "assign", case_id, to=to, was=expected)

    async def note(self, signed: SignedIn, case_id: str, text: str) -> None:
        _need(signed, "cases.work")
        text = text.strip()
        if not text:
            raise Denied("empty")
        if len(text) > MAX_NOTE:
            raise Denied("too_long")
        if await self.inbox.case(case_id) is None:
            raise Denied("not_found")
        await self.inbox.add_note(case_id, signed.actor_id, text, self.clock())
        await self.operators.audit_case(signed.actor_id, "note", case_id)

    async def set_status(self, signed: SignedIn, case_id: str, expected: str, status: str,
                         outcome: str | None = None) -> None:
        """Move the case on; closing needs an outcome. The reporter sees the new status at once."""
        _need(signed, "cases.work")
        if status not in CASE_STATUSES or status == "received":
            raise Denied("bad_status")
        if status == "closed" and outcome not in CASE_OUTCOMES:
            raise Denied("needs_outcome")
        if status != "closed":
            outcome = None
        if not await self.inbox.set_status(case_id, expected, status, outcome, self.clock()):
            await self._refused(signed, case_id, "status", "changed")
        await self.operators.audit_case(signed.actor_id, "status", case_id, status=status, was=expected,
                                        outcome=outcome)

    async def judge(self, signed: SignedIn, case_id: str, verdict: str, level: str | None = None,
                    reasons: Sequence[str] = ()) -> Judgement:
        """An operator's verdict on the bot's crisis reading of a case: right, a false alarm (it was calm),
        or missed / wrong (with the right level and reasons). A new verdict replaces the old one."""
        _need(signed, "cases.work")
        found = await self.inbox.case(case_id)
        if found is None:
            raise Denied("not_found")
        try:
            right_level, right_reasons = judged_reading(verdict, found[0].risk_reasons, level or None, reasons)
        except ValueError as error:
            raise Denied(str(error)) from None
        try:
            judgement = await self.inbox.cases.judge(case_id, verdict, right_level, right_reasons, signed.actor_id)
        except CaseNotFound:
            raise Denied("not_found") from None
        await self.operators.audit_case(signed.actor_id, "judged", case_id, verdict=verdict, level=right_level,
                                        reasons=",".join(right_reasons) or None)
        return judgement

    async def write_to_reporter(self, signed: SignedIn, case_id: str, text: str) -> Delivery:
        """A message to a reporter who chose "you may write to me here", on their platform, as from the
        hotline. What became of it is returned, so the desk can say why it did not go (WhatsApp's
        24-hour window closed: held; the user blocked the bot: gone)."""
        _need(signed, "cases.work")
        text = text.strip()
        if not text:
            raise Denied("empty")
        if len(text) > MAX_NOTE:
            raise Denied("too_long")
        target = await self.inbox.reply_target(case_id)
        if target is None or self.reach is None:
            raise Denied("cannot_write")
        platform, reporter, address = target
        if reporter is None:
            raise Denied("cannot_write")
        delivery = await self.reach(StateKey(platform, reporter), address, OperatorMessage(text))
        if delivery is Delivery.SENT:
            await self.inbox.add_note(case_id, signed.actor_id, text, self.clock(), kind="to_reporter")
        await self.operators.audit_case(signed.actor_id, "message", case_id, direction="to_user",
                                        delivery=delivery.value)
        return delivery

    async def _refused(self, signed: SignedIn, case_id: str, verb: str, reason: str) -> None:
        await self.operators.audit_case(signed.actor_id, "refused", case_id, verb=verb, reason=reason)
        raise Denied(reason)


def _need(signed: SignedIn, permission: str) -> None:
    if not signed.can(permission):
        raise Denied("forbidden")
