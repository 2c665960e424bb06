"""`python -m bot crisis-set export|measure`: real messages, judged by operators in the web desk, as a labelled
crisis set (the format of tests/flows/crisis_unseen/*.json), and the crisis reader's figures on such a set.

An export holds children's words (scrubbed of phones, e-mail addresses, links and handles, still theirs):
it stays with the hotline (docs/crisis-reading.md, "Real messages: operators judge, then measure").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.settings import Settings
from flows.crisis_sets import by_language, row, row_problem, scrub
from storage.cases import SqlCaseStore
from storage.judgements import JudgedCase
from storage.migrate import migrate
from storage.models import utcnow


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        "crisis-set", help="export the cases operators judged as a labelled crisis set; measure the reader on a set")
    actions = parser.add_subparsers(dest="crisis_set_command", required=True)
    export = actions.add_parser("export", help="write the judged cases as a crisis set (JSON), scrubbed")
    export.add_argument("--out", required=True, type=Path, help="the file to write")
    export.add_argument("--since", type=_day, default=None, help="only verdicts given on or after this day "
                        "(YYYY-MM-DD, the hotline's time zone)")
    export.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    measure = actions.add_parser("measure", help="the crisis reader's figures per language on a crisis set")
    measure.add_argument("file", type=Path)
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {text!r}") from None


def run(args: argparse.Namespace, settings: Settings, *, clock: Callable[[], datetime] = utcnow) -> int:
    if args.crisis_set_command == "measure":
        return measure(args.file)
    return export(settings, args.out, args.since, args.force, clock())


def export(settings: Settings, out: Path, since: date | None, force: bool, now: datetime) -> int:
    if out.exists() and not force:
        print(f"{out} exists: give another file, or --force to overwrite it.", file=sys.stderr)
        return 1
    zone = ZoneInfo(settings.timezone)
    judged = asyncio.run(_judged(settings, None if since is None else datetime.combine(since, time(), tzinfo=zone)))
    name = f"operators-{now.astimezone(zone):%Y%m%d}"
    rows = [row(j.language, name, j.judgement.level, j.judgement.reasons, scrub(j.description.strip()))
            for j in judged if j.description and j.description.strip()]
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        print(f"Cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    skipped = len(judged) - len(rows)
    print(f"Wrote {len(rows)} judged case(s) to {out} (set {name}); {skipped} skipped, their words empty or "
          "erased. It holds children's words: keep it with the hotline (docs/crisis-reading.md).")
    return 0


async def _judged(settings: Settings, since: datetime | None) -> list[JudgedCase]:
    await migrate(settings.database_url)
    cases = SqlCaseStore(settings.database_url, pool_size=settings.database_pool_size)
    try:
        return await cases.judged_cases(since)
    finally:
        await cases.close()


def measure(path: Path) -> int:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(f"No such file: {path}", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"Cannot read {path} as JSON: {error}", file=sys.stderr)
        return 2
    if not isinstance(rows, list) or not rows:
        print(f"{path} is not a crisis set: a JSON list of rows is expected.", file=sys.stderr)
        return 2
    for number, item in enumerate(rows, 1):
        problem = row_problem(item)
        if problem is not None:
            print(f"{path}, row {number}: {problem}.", file=sys.stderr)
            return 2
    print(f"{'lang':<5} {'danger':>6} {'calm':>5} {'recall':>7} {'false alarms':>13} {'level agreement':>16}")
    for lang, f in by_language(rows).items():
        print(f"{lang:<5} {f.danger:>6} {f.calm:>5} {_share(f.recall):>7} {_share(f.false_alarms):>13} "
              f"{_share(f.level_agreement):>16}")
    return 0


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
