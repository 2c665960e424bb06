"""The web desk's rules over SQLite and PostgreSQL: accounts and sign-in, sessions, permissions by
role, stale presses, closing with an outcome, and the inbox (bot/desk/staff.py, bot/desk/casework.py)."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest

from bot.desk.casework import CaseDesk, Denied, defang, readable
from bot.desk.staff import ACCOUNT_ATTEMPTS, SignedIn, SignIn, StaffDesk
from storage.base import NewCase
from storage.cases import SqlCaseStore
from storage.inbox import InboxFilter, SqlInbox
from storage.memory import MemoryStateStore
from storage.operators import SqlOperatorStore
from storage.staff import SqlStaffStore
from tests.storage.conftest import FakeClock
from tests.storage.samples import ME, OTHER, report

PASSWORD = "correct horse battery"
HERE = "10.0.0.1"


@pytest.fixture
def audit(case_store: SqlCaseStore, clock: FakeClock) -> SqlOperatorStore:
    return SqlOperatorStore(case_store, clock=clock)


def staff_desk(case_store: SqlCaseStore, audit: SqlOperatorStore, clock: FakeClock, *,
               require_totp: bool = False) -> StaffDesk:
    return StaffDesk(SqlStaffStore(case_store, clock=clock), audit, MemoryStateStore(3600), idle=timedelta(minutes=30),
                     require_totp=require_totp, clock=clock)


@pytest.fixture
def staff(case_store: SqlCaseStore, audit: SqlOperatorStore, clock: FakeClock) -> StaffDesk:
    return staff_desk(case_store, audit, clock)


@pytest.fixture
def cases(case_store: SqlCaseStore, audit: SqlOperatorStore, clock: FakeClock) -> CaseDesk:
    return CaseDesk(SqlInbox(case_store), audit, clock=clock)


async def member(staff: StaffDesk, username: str, role: str) -> SignedIn:
    await staff.add(username, username.title(), role, PASSWORD)
    result, token = await staff.sign_in(username, PASSWORD, HERE)
    assert result is SignIn.OK and token is not None
    signed = await staff.check(token)
    assert signed is not None
    return signed


async def file(case_store: SqlCaseStore, risk: str = "normal", user: str = ME, **fields: object) -> str:
    filed = await case_store.file_case(NewCase("telegram", user, "kk", risk, ("category",), report(**fields)))
    return filed.id


class TestSignIn:
    async def test_a_password_opens_a_session_and_every_step_is_audited(
            self, staff: StaffDesk, audit: SqlOperatorStore) -> None:
        signed = await member(staff, "aigerim", "operator")
        assert (await staff.sign_in("aigerim", "wrong password!", HERE))[0] is SignIn.WRONG
        assert (await staff.sign_in("nobody", PASSWORD, HERE))[0] is SignIn.WRONG  # the same answer
        await staff.sign_out(signed)
        assert await staff.check("no such token") is None
        actions = [(e.actor, e.action) for e in await audit.audit_trail()]
        me = signed.actor_id
        assert actions == [("cli", "staff"), (me, "signin"), (me, "signin_failed"),
                           ("web:nobody", "signin_failed"), (me, "signout")]
        stored = await staff.staff.by_username("aigerim")
        assert stored is not None and stored.password_hash.startswith("$argon2id$")

    async def test_a_session_ends_after_idle_time(self, staff: StaffDesk, clock: FakeClock) -> None:
        await staff.add("aigerim", "Aigerim", "operator", PASSWORD)
        _, token = await staff.sign_in("aigerim", PASSWORD, HERE)
        clock.advance(minutes=29)
        assert await staff.check(token) is not None  # and this use restarts the idle clock
        clock.advance(minutes=29)
        assert await staff.check(token) is not None
        clock.advance(minutes=31)
        assert await staff.check(token) is None

    async def test_attempts_are_limited_per_account_and_per_address(self, staff: StaffDesk) -> None:
        await staff.add("aigerim", "Aigerim", "operator", PASSWORD)
        for _ in range(ACCOUNT_ATTEMPTS):
            await staff.sign_in("aigerim", "wrong password!", "10.0.0.2")
        assert (await staff.sign_in("aigerim", PASSWORD, "10.0.0.3"))[0] is SignIn.LIMITED  # right, but too late
        for n in range(40):
            await staff.sign_in(f"guess{n}", "wrong password!", "10.0.0.9")
        await staff.add("dana", "Dana", "operator", PASSWORD)
        assert (await staff.sign_in("dana", PASSWORD, "10.0.0.9"))[0] is SignIn.LIMITED
        assert (await staff.sign_in("dana", PASSWORD, "10.0.0.4"))[0] is SignIn.OK

    async def test_totp_is_the_second_step_and_a_code_counts_once(
            self, case_store: SqlCaseStore, audit: SqlOperatorStore, clock: FakeClock) -> None:
        staff = staff_desk(case_store, audit, clock, require_totp=True)
        await staff.add("aigerim", "Aigerim", "operator", PASSWORD)
        result, token = await staff.sign_in("aigerim", PASSWORD, HERE)
        assert result is SignIn.NEEDS_ENROLMENT and token is not None
        assert await staff.check(token) is None  # nothing of the desk before the second factor
        secret = staff.new_totp_secret()
        code = pyotp.TOTP(secret).at(clock.now)
        assert await staff.enrol(token, secret, code, HERE) is SignIn.OK
        assert await staff.check(token) is not None

        clock.advance(seconds=60)
        result, second = await staff.sign_in("aigerim", PASSWORD, HERE)
        assert result is SignIn.NEEDS_CODE and second is not None
        assert await staff.check(second) is None
        assert await staff.give_code(second, "000000" if code != "000000" else "111111", HERE) is SignIn.WRONG
        fresh = pyotp.TOTP(secret).at(clock.now)
        assert await staff.give_code(second, fresh, HERE) is SignIn.OK
        assert await staff.check(second) is not None
        _, third = await staff.sign_in("aigerim", PASSWORD, HERE)
        assert third is not None
        assert await staff.give_code(third, fresh, HERE) is SignIn.WRONG  # replayed

    async def test_disabling_or_resetting_signs_out_everywhere(self, staff: StaffDesk) -> None:
        signed = await member(staff, "aigerim", "operator")
        token = signed.session.token_hash
        assert await staff.disable("aigerim")
        assert await staff.staff.session(token) is None
        assert (await staff.sign_in("aigerim", PASSWORD, HERE))[0] is SignIn.DISABLED
        assert await staff.enable("aigerim")
        assert await staff.reset_password("aigerim", "another long password")
        assert (await staff.sign_in("aigerim", PASSWORD, HERE))[0] is SignIn.WRONG

    async def test_web_staff_act_at_the_operator_desk_only_while_active_with_the_right(
            self, staff: StaffDesk) -> None:
        record = await staff.add("aigerim", "Aigerim", "operator", PASSWORD, languages=("kk", "ru"))
        operator = await staff.operator(record.actor_id)
        assert operator is not None and operator.languages == {"kk", "ru"} and operator.name == "Aigerim"
        assert await staff.operator("12345") is None  # a Telegram id is the roster's business
        await staff.disable("aigerim")
        assert await staff.operator(record.actor_id) is None


class TestPermissions:
    async def test_an_operator_cannot_assign_to_others_nor_read_figures_or_audit(
            self, staff: StaffDesk, cases: CaseDesk, case_store: SqlCaseStore) -> None:
        operator = await member(staff, "aigerim", "operator")
        supervisor = await member(staff, "dana", "supervisor")
        case_id = await file(case_store)
        assert not operator.can("figures.view") and not operator.can("audit.view")
        assert not operator.can("staff.manage") and not supervisor.can("staff.manage")
        with pytest.raises(Denied, match="forbidden"):
            await cases.assign(operator, case_id, None, supervisor.actor_id)
        await cases.assign(operator, case_id, None, operator.actor_id)  # to oneself: yes
        await cases.assign(supervisor, case_id, operator.actor_id, supervisor.actor_id)  # reassigned
        found = await cases.inbox.case(case_id)
        assert found is not None and found[1] == supervisor.actor_id

    async def test_a_stale_press_is_refused_and_audited(
            self, staff: StaffDesk, cases: CaseDesk, case_store: SqlCaseStore, audit: SqlOperatorStore) -> None:
        first = await member(staff, "aigerim", "operator")
        second = await member(staff, "dana", "operator")
        case_id = await file(case_store)
        await cases.assign(first, case_id, None, first.actor_id)
        with pytest.raises(Denied, match="changed"):
            await cases.assign(second, case_id, None, second.actor_id)  # the page still showed "nobody"
        await cases.set_status(first, case_id, "received", "in_review")
        with pytest.raises(Denied, match="changed"):
            await cases.set_status(second, case_id, "received", "content_reported")
        trail = await audit.audit_trail(case_id=case_id)
        last = trail[-1]
        assert (last.actor, last.action, last.detail.get("reason")) == (second.actor_id, "refused", "changed")


class TestWorkingACase:
    async def test_closing_needs_an_outcome_and_the_reporter_sees_every_status(
            self, staff: StaffDesk, cases: CaseDesk, case_store: SqlCaseStore, audit: SqlOperatorStore) -> None:
        signed = await member(staff, "aigerim", "operator")
        case_id = await file(case_store)
        view = await cases.view(signed, case_id)
        reference = view.case.reference
        for was, status in (("received", "in_review"), ("in_review", "referred_platform"),
                            ("referred_platform", "content_reported")):
            await cases.set_status(signed, case_id, was, status)
            assert await case_store.status_of(reference) == status  # what "check my report" reads
        with pytest.raises(Denied, match="needs_outcome"):
            await cases.set_status(signed, case_id, "content_reported", "closed")
        await cases.set_status(signed, case_id, "content_reported", "closed", "content_reported")
        closed = await case_store.get_case(reference)
        assert closed is not None and closed.status == "closed" and closed.fields["outcome"] == "content_reported"
        assert closed.fields["closed_at"] is not None  # so retention can purge it
        statuses = [e.detail["status"] for e in await audit.audit_trail(case_id=case_id) if e.action == "status"]
        assert statuses == ["in_review", "referred_platform", "content_reported", "closed"]

    async def test_the_timeline_has_notes_statuses_and_who(
            self, staff: StaffDesk, cases: CaseDesk, case_store: SqlCaseStore, clock: FakeClock) -> None:
        signed = await member(staff, "aigerim", "operator")
        case_id = await file(case_store)
        clock.advance(minutes=1)
        await cases.note(signed, case_id, "called the school \u202egnp.exe")
        clock.advance(minutes=1)
        await cases.set_status(signed, case_id, "received", "in_review")
        view = await cases.view(signed, case_id)
        kinds = [(e.kind, e.actor, e.action) for e in view.timeline]
        me = signed.actor_id
        assert kinds == [("filed", "user", None), ("note", me, None), ("audit", me, "status")]
        assert view.timeline[1].text == "called the school \ufffdgnp.exe"  # the override is shown, not obeyed

    async def test_sexual_images_links_are_defanged(self, staff: StaffDesk, cases: CaseDesk,
                                                    case_store: SqlCaseStore) -> None:
        signed = await member(staff, "aigerim", "operator")
        case_id = await file(case_store, category="csam", links=["https://bad.example/x"])
        view = await cases.view(signed, case_id)
        assert view.links_defanged and view.links == ("hxxps[:]//bad[.]example/x",)
        other = await cases.view(signed, await file(case_store, user=OTHER))
        assert not other.links_defanged and other.links == ("https://instagram.com/p/abc",)
        assert defang("http://a.b") == "hxxp[:]//a[.]b" and readable("a\u200bb") == "a\ufffdb"


class TestInbox:
    async def test_most_serious_first_then_longest_waiting_with_counts_and_pages(
            self, staff: StaffDesk, cases: CaseDesk, case_store: SqlCaseStore, clock: FakeClock) -> None:
        signed = await member(staff, "aigerim", "operator")
        made = []
        for risk in ("low", "critical", "normal", "critical", "high"):
            made.append((risk, await file(case_store, risk=risk)))
            clock.advance(minutes=1)
        page = await cases.page(signed, InboxFilter())
        assert [row.risk for row in page.rows] == ["critical", "critical", "high", "normal", "low"]
        assert page.rows[0].id == made[1][1]  # the older critical first
        assert page.total == 5 and page.by_status == {"received": 5}
        second = await cases.page(signed, InboxFilter(), offset=2, limit=2)
        assert [row.risk for row in second.rows] == ["high", "normal"]
        await cases.set_status(signed, made[0][1], "received", "closed", "advised")
        page = await cases.page(signed, InboxFilter())
        assert page.total == 4 and page.by_status == {"received": 4, "closed": 1}
        only = await cases.page(signed, InboxFilter(status=None, reference=page.rows[0].reference.lower()))
        assert [row.id for row in only.rows] == [page.rows[0].id]

    async def test_filters_and_overdue(self, staff: StaffDesk, cases: CaseDesk, case_store: SqlCaseStore,
                                       clock: FakeClock) -> None:
        signed = await member(staff, "aigerim", "operator")
        old_high = await file(case_store, risk="high", category="bullying")
        clock.advance(hours=5)  # past the 4 hours of a high case
        fresh_high = await file(case_store, risk="high", category="privacy", region="astana")
        page = await cases.page(signed, InboxFilter(), overdue_only=True)
        assert [row.id for row in page.rows] == [old_high]
        assert cases.is_overdue("received", "high", clock.now - timedelta(hours=5))
        assert [r.id for r in (await cases.page(signed, InboxFilter(category="privacy"))).rows] == [fresh_high]
        assert [r.id for r in (await cases.page(signed, InboxFilter(region="astana"))).rows] == [fresh_high]
        await cases.assign(signed, fresh_high, None, signed.actor_id)
        mine = await cases.page(signed, InboxFilter(assigned=signed.actor_id))
        nobody = await cases.page(signed, InboxFilter(assigned="nobody"))
        assert [r.id for r in mine.rows] == [fresh_high] and [r.id for r in nobody.rows] == [old_high]
        since = await cases.page(signed, InboxFilter(since=clock.now - timedelta(hours=1)))
        assert [r.id for r in since.rows] == [fresh_high]


async def test_notes_are_erased_with_the_users_data(staff: StaffDesk, cases: CaseDesk,
                                                    case_store: SqlCaseStore) -> None:
    signed = await member(staff, "aigerim", "operator")
    mine, other = await file(case_store), await file(case_store, user=OTHER)
    await cases.note(signed, mine, "she said her name is Dana")
    await cases.note(signed, other, "kept")
    await case_store.forget_user("telegram", ME)
    assert await cases.inbox.notes(mine) == [] and len(await cases.inbox.notes(other)) == 1


async def test_the_reply_address_is_kept_only_for_reporters_who_allowed_it_and_until_the_close(
        case_store: SqlCaseStore) -> None:
    inbox = SqlInbox(case_store)
    allowed = await case_store.file_case(NewCase("telegram", ME, "kk", "low", (), report(), address="555"))
    anonymous = await case_store.file_case(NewCase("telegram", OTHER, "kk", "low", (),
                                                   report(contact="anonymous"), address="666"))
    assert await inbox.reply_target(allowed.id) == ("telegram", ME, "555")
    assert await inbox.reply_target(anonymous.id) is None
    await case_store.set_status(allowed.reference, "closed")
    assert await inbox.reply_target(allowed.id) is None
    again = await case_store.file_case(NewCase("telegram", ME, "kk", "low", (), report(), address="555"))
    await case_store.forget_user("telegram", ME)
    assert await inbox.reply_target(again.id) is None
