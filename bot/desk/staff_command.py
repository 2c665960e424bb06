"""`python -m bot staff add|list|disable|enable|reset-password|reset-2fa`: the web desk's accounts.

The first administrator is made here; passwords are read without echo (or one line from stdin when
it is not a terminal), never from the command line, where they would stay in the shell's history.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from datetime import timedelta
from typing import Any

from bot.desk.staff import MIN_PASSWORD, ROLES, UI_LANGUAGES, StaffDesk
from bot.settings import Settings
from flows.definitions import LANGUAGES
from storage.cases import SqlCaseStore
from storage.memory import MemoryStateStore
from storage.migrate import migrate
from storage.operators import SqlOperatorStore
from storage.staff import SqlStaffStore, StaffExists


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser("staff", help="the web desk's staff accounts")
    actions = parser.add_subparsers(dest="staff_command", required=True)
    add = actions.add_parser("add", help="create an account (asks for its password)")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="operator")
    add.add_argument("--name", default=None, help="the name colleagues see (default: the username)")
    add.add_argument("--ui", choices=UI_LANGUAGES, default="ru", help="the desk's language for them")
    add.add_argument("--languages", default="", help="languages they answer users in, e.g. kk,ru")
    actions.add_parser("list", help="list the accounts")
    for name, text in (("disable", "stop an account signing in (its sessions end)"),
                       ("enable", "let a disabled account sign in again"),
                       ("reset-password", "set a new password (asks for it; sessions end)"),
                       ("reset-2fa", "forget the second factor: they enrol again at the next sign-in")):
        actions.add_parser(name, help=text).add_argument("username")
    return parser


def _password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(f"Password (at least {MIN_PASSWORD} characters): ")
        if getpass.getpass("Again: ") != first:
            raise ValueError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    await migrate(settings.database_url)
    cases = SqlCaseStore(settings.database_url, pool_size=settings.database_pool_size)
    try:
        desk = StaffDesk(SqlStaffStore(cases), SqlOperatorStore(cases), MemoryStateStore(60),
                         idle=timedelta(minutes=settings.desk_session_idle_minutes),
                         require_totp=settings.environment == "production")
        command = args.staff_command
        if command == "list":
            for member in await desk.staff.everyone():
                print(f"{member.username:<20} {member.role:<14} {'active' if member.active else 'disabled':<9} "
                      f"2fa={'on' if member.totp_enabled else 'off':<4} ui={member.ui_language} "
                      f"name={member.display_name}")
            return 0
        if command == "add":
            languages = tuple(x.strip() for x in args.languages.split(",") if x.strip())
            unknown = set(languages) - set(LANGUAGES)
            if unknown:
                raise ValueError(f"unknown languages {sorted(unknown)}; known: {list(LANGUAGES)}")
            record = await desk.add(args.username, args.name or args.username, args.role, _password(),
                                    ui_language=args.ui, languages=languages)
            print(f"Created {record.username} ({record.role}). Sign in at /desk"
                  + ("; the second factor is enrolled at the first sign-in." if desk.require_totp else "."))
            return 0
        if command == "disable":
            changed = await desk.disable(args.username)
        elif command == "enable":
            changed = await desk.enable(args.username)
        elif command == "reset-password":
            changed = await desk.reset_password(args.username, _password())
        else:
            changed = await desk.reset_2fa(args.username)
        if not changed:
            print(f"No account named {args.username!r}.", file=sys.stderr)
            return 1
        print(f"Done: {command} {args.username}.")
        return 0
    finally:
        await cases.close()


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return asyncio.run(_run(args, settings))
    except StaffExists as error:
        print(f"An account named {error} exists already.", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"Not done: {error}", file=sys.stderr)
        return 2
