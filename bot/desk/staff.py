"""The web desk's staff: roles and what each may do (rules as data), passwords, the second factor,
sessions with idle expiry, and sign-in attempts limited per account and per address.

Channel-neutral: the web front (handlers/desk_web/) asks this module whether a request may go on;
it never decides that itself. Every sign-in, failure and sign-out is audited.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.desk.roster import Operator
from storage.base import StateStore
from storage.models import utcnow
from storage.operators import SqlOperatorStore
from storage.staff import SessionRecord, SqlStaffStore, StaffRecord

ROLES = ("operator", "supervisor", "administrator")
UI_LANGUAGES = ("ru", "kk", "en")
# What each role may do, as data (Aselo's HRM keeps its permission rules the same way).
_OPERATOR = frozenset({"cases.view", "cases.work", "chats.work"})
_SUPERVISOR = _OPERATOR | {"cases.assign_others", "audit.view", "figures.view"}
PERMISSIONS: Mapping[str, frozenset[str]] = {
    "operator": _OPERATOR,
    "supervisor": _SUPERVISOR,
    "administrator": _SUPERVISOR | {"staff.manage"},
}
MIN_PASSWORD = 12
# Sign-in attempts (passwords and codes, right or wrong) in the window, then the account or address waits.
ACCOUNT_ATTEMPTS = 10
ADDRESS_ATTEMPTS = 30  # many accounts tried from one place
ATTEMPT_WINDOW_SECONDS = 15 * 60
TOTP_ISSUER = "Helpline desk"
_HASHER = PasswordHasher()  # Argon2id with the library's current parameters (RFC 9106 low-memory)


@functools.cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    """Spent on unknown usernames too, so timing does not tell which accounts exist. Made at the first
    sign-in, not at import: every `python -m bot` command imports this module, few sign anyone in."""
    return hasher.hash("not a password of anyone")


def can(role: str, permission: str) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"a password needs at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def _password_ok(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SignIn(StrEnum):
    """What became of a sign-in step."""

    OK = "ok"
    NEEDS_CODE = "needs_code"  # the password was right; the second factor is next
    NEEDS_ENROLMENT = "needs_enrolment"  # production: enrol the second factor before anything else
    WRONG = "wrong"  # wrong username, password or code (the same answer for each)
    LIMITED = "limited"  # too many failures: wait
    DISABLED = "disabled"


@dataclass(frozen=True)
class SignedIn:
    """A request's staff member and session, once checked."""

    staff: StaffRecord
    session: SessionRecord

    @property
    def actor_id(self) -> str:
        return self.staff.actor_id

    def can(self, permission: str) -> bool:
        return can(self.staff.role, permission)


class StaffDesk:
    """Accounts, sign-in and sessions. `require_totp` is true in production."""

    def __init__(self, staff: SqlStaffStore, audit: SqlOperatorStore, limits: StateStore, *,
                 idle: timedelta, require_totp: bool, clock: Callable[[], datetime] = utcnow) -> None:
        _dummy_hash(_HASHER)  # now, so that not even the first unknown username takes longer to refuse
        self.staff = staff
        self.audit = audit
        self.limits = limits
        self.idle = idle
        self.require_totp = require_totp
        self.clock = clock

    # -- accounts (the command line and the administrators' page) ------------------------------
    async def add(self, username: str, display_name: str, role: str, password: str, *, by: str = "cli",
                  ui_language: str = "ru", languages: tuple[str, ...] = ()) -> StaffRecord:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; expected one of {ROLES}")
        if ui_language not in UI_LANGUAGES:
            raise ValueError(f"unknown language {ui_language!r}; expected one of {UI_LANGUAGES}")
        if not username or len(username) > 64 or not username.replace(".", "").replace("_", "").isalnum():
            raise ValueError("a username is letters, digits, '.' and '_', at most 64")
        record = await self.staff.add(username, display_name or username, role, hash_password(password),
                                      ui_language=ui_language, languages=languages)
        await self.audit.audit_case(by, "staff", None, change="add", staff=record.id, role=role)
        return record

    async def disable(self, username: str, *, by: str = "cli") -> bool:
        return await self._change(username, by, "disable", active=False)

    async def enable(self, username: str, *, by: str = "cli") -> bool:
        return await self._change(username, by, "enable", active=True)

    async def reset_password(self, username: str, password: str, *, by: str = "cli") -> bool:
        return await self._change(username, by, "reset_password", password_hash=hash_password(password))

    async def reset_2fa(self, username: str, *, by: str = "cli") -> bool:
        return await self._change(username, by, "reset_2fa", totp_secret=None, totp_enabled=False,
                                  totp_last_step=None)

    async def anyone_active(self) -> bool:
        """Whether any account may sign in and answer: otherwise the web desk promises nobody."""
        return any(member.active for member in await self.staff.everyone())

    async def operator(self, actor_id: str) -> Operator | None:
        """A web desk member who may answer users now (the desk asks at every press), as an operator."""
        if not actor_id.startswith("w:") or not actor_id[2:].isdigit():
            return None
        record = await self.staff.get(int(actor_id[2:]))
        if record is None or not record.active or not can(record.role, "chats.work"):
            return None
        return Operator(actor_id, frozenset(record.languages), record.display_name)

    async def set_language(self, signed: SignedIn, language: str) -> None:
        if language in UI_LANGUAGES:
            await self.staff.update(signed.staff.id, ui_language=language)

    async def _change(self, username: str, by: str, change: str, **values: object) -> bool:
        record = await self.staff.by_username(username)
        if record is None:
            return False
        await self.staff.update(record.id, **values)
        await self.staff.end_sessions_of(record.id)  # every change to an account signs it out everywhere
        await self.audit.audit_case(by, "staff", None, change=change, staff=record.id)
        return True

    # -- signing in ----------------------------------------------------------------------------
    async def sign_in(self, username: str, password: str, address: str) -> tuple[SignIn, str | None]:
        """Check a password; on success a new session token (not yet verified if a code is due)."""
        if await self._limited(username, address):
            await self.audit.audit_case(f"web:{username[:40]}", "signin_failed", None, reason="limited")
            return SignIn.LIMITED, None
        record = await self.staff.by_username(username)
        if record is None:
            _password_ok(_dummy_hash(_HASHER), password)
            return await self._failed(username, address, "unknown"), None
        if not _password_ok(record.password_hash, password):
            return await self._failed(username, address, "password"), None
        if not record.active:
            await self.audit.audit_case(record.actor_id, "signin_failed", None, reason="disabled")
            return SignIn.DISABLED, None
        needs_code = record.totp_enabled
        token = await self._open(record, verified=not needs_code and not self.require_totp)
        if needs_code:
            return SignIn.NEEDS_CODE, token
        if self.require_totp:
            return SignIn.NEEDS_ENROLMENT, token
        await self._signed_in(record, "password")
        return SignIn.OK, token

    async def give_code(self, token: str, code: str, address: str) -> SignIn:
        """The second step: a TOTP code for a session whose password was right."""
        found = await self._pending(token)
        if found is None:
            return SignIn.WRONG
        record, session = found
        if await self._limited(record.username, address):
            return SignIn.LIMITED
        if record.totp_secret is None or not record.totp_enabled:
            return SignIn.WRONG
        step = self._code_step(record.totp_secret, code)
        if step is None or not await self.staff.use_totp_step(record.id, step):
            return await self._failed(record.username, address, "code")
        await self.staff.touch_session(session.token_hash, verified=True)
        await self._signed_in(record, "totp")
        return SignIn.OK

    def new_totp_secret(self) -> str:
        return pyotp.random_base32()

    @staticmethod
    def totp_uri(secret: str, username: str) -> str:
        return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=TOTP_ISSUER)

    async def enrol(self, token: str, secret: str, code: str, address: str) -> SignIn:
        """Turn on the second factor with the secret shown as a QR code, proven by a first code."""
        session = await self.staff.session(_token_hash(token))
        if session is None or self._expired(session):
            return SignIn.WRONG
        record = await self.staff.get(session.staff_id)
        if record is None or not record.active:
            return SignIn.WRONG
        step = self._code_step(secret, code)
        if step is None:
            return await self._failed(record.username, address, "enrol_code")
        await self.staff.update(record.id, totp_secret=secret, totp_enabled=True, totp_last_step=step)
        await self.audit.audit_case(record.actor_id, "staff", None, change="enrol_2fa", staff=record.id)
        if not session.verified:
            await self.staff.touch_session(session.token_hash, verified=True)
            await self._signed_in(record, "enrolment")
        return SignIn.OK

    async def sign_out(self, signed: SignedIn) -> None:
        await self.staff.end_session(signed.session.token_hash)
        await self.audit.audit_case(signed.actor_id, "signout", None)

    # -- every request -------------------------------------------------------------------------
    async def check(self, token: str | None, *, verified: bool = True) -> SignedIn | None:
        """The session behind a cookie, if it is alive (and, by default, past its second factor)."""
        if not token:
            return None
        session = await self.staff.session(_token_hash(token))
        if session is None:
            return None
        if self._expired(session):
            await self.staff.end_session(session.token_hash)
            return None
        if verified and not session.verified:
            return None
        record = await self.staff.get(session.staff_id)
        if record is None or not record.active:
            return None
        await self.staff.touch_session(session.token_hash)
        return SignedIn(record, session)

    @staticmethod
    def csrf_ok(signed: SignedIn, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(signed.session.csrf, token or "")

    # -- helpers -------------------------------------------------------------------------------
    async def _open(self, record: StaffRecord, *, verified: bool) -> str:
        token = secrets.token_urlsafe(32)
        await self.staff.open_session(_token_hash(token), record.id, secrets.token_urlsafe(32), verified=verified)
        return token

    async def _pending(self, token: str) -> tuple[StaffRecord, SessionRecord] | None:
        session = await self.staff.session(_token_hash(token))
        if session is None or self._expired(session) or session.verified:
            return None
        record = await self.staff.get(session.staff_id)
        return None if record is None or not record.active else (record, session)

    async def _signed_in(self, record: StaffRecord, how: str) -> None:
        await self.staff.update(record.id, last_signin_at=self.clock())
        await self.audit.audit_case(record.actor_id, "signin", None, method=how)

    async def _failed(self, username: str, address: str, reason: str) -> SignIn:
        record = await self.staff.by_username(username)
        actor = record.actor_id if record is not None else f"web:{username[:40]}"
        await self.audit.audit_case(actor, "signin_failed", None, reason=reason)
        return SignIn.WRONG

    async def _limited(self, username: str, address: str) -> bool:
        """Count this attempt; True when the account or the address has had too many in the window."""
        account = await self.limits.hit(self._account_counter(username), ATTEMPT_WINDOW_SECONDS)
        place = await self.limits.hit(self._address_counter(address), ATTEMPT_WINDOW_SECONDS)
        return account > ACCOUNT_ATTEMPTS or place > ADDRESS_ATTEMPTS

    @staticmethod
    def _account_counter(username: str) -> str:
        return "desk-signin:account:" + hashlib.sha256(username.lower().encode()).hexdigest()[:32]

    @staticmethod
    def _address_counter(address: str) -> str:
        return "desk-signin:address:" + hashlib.sha256(address.encode()).hexdigest()[:32]

    def _expired(self, session: SessionRecord) -> bool:
        return self.clock() - session.last_seen_at > self.idle

    def _code_step(self, secret: str, code: str) -> int | None:
        """The time step a code belongs to (this one or the one before: a phone's clock drifts), or None."""
        code = code.strip().replace(" ", "")
        if not code.isdigit() or len(code) != 6:
            return None
        totp = pyotp.TOTP(secret)
        now = self.clock()
        for back in (0, 1):
            at = now - timedelta(seconds=totp.interval * back)
            if hmac.compare_digest(totp.at(at), code):
                return int(at.timestamp()) // totp.interval
        return None
