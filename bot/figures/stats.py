"""`python -m bot stats`: counts and shares of cases by category, risk, language..., for a period.

    python -m bot stats --year 2026
    python -m bot stats --month 2026-03 --by category,outcome --format csv
    python -m bot stats --from 2026-01-01 --to 2026-06-30 --chart shares.png

Exit codes: 0 done (also when the period has no cases), 1 the database could not be read,
2 invalid arguments or settings. See docs/statistics.md.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import logging
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.settings import Settings
from flows.definitions import AGE_GROUPS, CATEGORIES, LANGUAGES, PLACES, REGIONS, ROLES
from flows.triage import LEVELS
from locales import CatalogError
from locales.translator import Translator
from storage import stats
from storage.adults import AdultFigures, figures
from storage.base import CASE_OUTCOMES
from storage.engine import make_engine
from storage.migrate import migrate
from storage.stats import DIMENSIONS, Period, PeriodError

PROG = "python -m bot stats"
DEFAULT_DIMENSIONS = ("category", "risk", "language", "platform", "reporter_role", "age_group", "outcome")
TITLES = {
    "category": "Category", "risk": "Risk level", "language": "Language of the conversation",
    "platform": "Channel (platform the report came through)", "reporter_role": "Reporter type",
    "age_group": "Age group", "outcome": "Outcome", "place": "Where it happened", "region": "Region",
}
# Codes shown even when no case has them, in this order among equal counts: a category that fell
# to zero is a finding of the annual report, not a missing row.
KNOWN_VALUES: Mapping[str, Sequence[str]] = {
    "category": CATEGORIES, "risk": tuple(reversed(LEVELS)), "language": LANGUAGES,
    "reporter_role": ROLES, "age_group": AGE_GROUPS, "outcome": CASE_OUTCOMES, "place": PLACES,
    "region": REGIONS,
}
LABEL_KEYS = {"category": "category", "age_group": "age", "place": "place", "region": "region"}  # catalog key prefixes
SHARE_UNITS = 1000  # shares in tenths of a percent


@dataclass(frozen=True)
class Row:
    value: str  # the code as stored (NULL as "none", or "open" for outcome)
    count: int
    tenths: int  # share in tenths of a percent; the rows of a table add up to exactly 1000

    @property
    def share(self) -> str:
        return f"{self.tenths / 10:.1f}"


@dataclass(frozen=True)
class Table:
    dimension: str
    rows: tuple[Row, ...]
    total: int


@dataclass(frozen=True)
class Report:
    period: Period
    total: int
    tables: tuple[Table, ...]
    by_year: Mapping[int, Table]  # category shares per local year (only when a chart is asked for)
    adults: AdultFigures | None = None  # trusted adults: links now, SOS alerts in the period (numbers only)


def largest_remainder(counts: Sequence[int], units: int = SHARE_UNITS) -> list[int]:
    """Split `units` in proportion to `counts`, in whole units that add up exactly to `units`.

    Each part is its exact quota rounded down; the units left over go to the largest remainders
    (ties: the larger count, then the earlier position). Every part is within one unit of its quota.
    """
    whole = sum(counts)
    if whole == 0:
        return [0] * len(counts)
    parts = [count * units // whole for count in counts]
    remainders = [count * units % whole for count in counts]
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in order[:units - sum(parts)]:
        parts[i] += 1
    return parts


def make_table(dimension: str, counts: Mapping[str, int]) -> Table:
    known = KNOWN_VALUES.get(dimension, ())
    filled = {**dict.fromkeys(known, 0), **counts}
    rank = {value: i for i, value in enumerate(known)}
    values = sorted(filled, key=lambda v: (-filled[v], rank.get(v, len(rank)), v))
    tenths = largest_remainder([filled[v] for v in values])
    return Table(dimension, tuple(Row(v, filled[v], t) for v, t in zip(values, tenths, strict=True)),
                 sum(filled.values()))


# -- reading the database ----------------------------------------------------------------------


async def collect(database_url: str, period: Period, dimensions: Sequence[str], *, years: bool = False) -> Report:
    """Migrate the database (as the app does at start-up), then count in it."""
    await migrate(database_url)
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                # One snapshot for every query, so the tables agree while cases keep arriving.
                await connection.execution_options(isolation_level="REPEATABLE READ")
            async with AsyncSession(bind=connection) as session:
                total = await stats.total(session, period)
                tables = [make_table(d, await stats.counts_by(session, d, period)) for d in dimensions]
                by_year = await stats.category_by_year(session, period) if years and total else {}
                adults = await figures(session, *period.utc_bounds())
    finally:
        await engine.dispose()
    return Report(period, total, tuple(tables),
                  {year: make_table("category", counts) for year, counts in by_year.items()}, adults)


# -- rendering ---------------------------------------------------------------------------------


def english_labels() -> Callable[[str, str], str]:
    """(dimension, code) -> an English name from the `en` catalog where there is one, else the code."""
    try:
        translator: Translator | None = Translator.load(languages=("en",))
    except (CatalogError, OSError):
        translator = None

    def label(dimension: str, value: str) -> str:
        prefix = LABEL_KEYS.get(dimension)
        if translator is None or prefix is None:
            return value
        key = f"{prefix}.{value}"
        found = translator.template(key, "en")
        return value if found == key else found

    return label


def render_table(report: Report, label: Callable[[str, str], str]) -> str:
    lines = [f"Cases received ({report.period.label}, dates in {report.period.tz.key}): {report.total}"]
    for table in report.tables:
        names = [label(table.dimension, row.value) for row in table.rows]
        width = max([len("Total"), len("Value"), *map(len, names)])
        lines += ["", TITLES.get(table.dimension, table.dimension),
                  f"  {'Value':<{width}}  {'Count':>7}  {'Share %':>7}"]
        lines += [f"  {name:<{width}}  {row.count:>7}  {row.share:>7}" for name, row in zip(names, table.rows,
                                                                                          strict=True)]
        lines.append(f"  {'Total':<{width}}  {table.total:>7}  {'100.0':>7}")
    if report.adults is not None:
        lines += ["", "Trusted adults (docs/families.md)",
                  f"  Links now: {report.adults.links}",
                  f"  SOS alerts to them in the period: {report.adults.alerts} "
                  f"({report.adults.alerts_delivered} adults reached)"]
    return "\n".join(lines) + "\n"


def render_csv(tables: Sequence[Table]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["dimension", "value", "count", "share"])
    for table in tables:
        writer.writerows([table.dimension, row.value, row.count, row.share] for row in table.rows)
    return out.getvalue()


def write_chart(report: Report, path: Path, label: Callable[[str, str], str]) -> None:
    from bot.figures.chart import draw_category_shares  # matplotlib is loaded only when a chart is asked for

    years = list(report.by_year)
    categories = list(CATEGORIES)  # the same stacking order every year, codes no longer used last
    for table in report.by_year.values():
        categories += [row.value for row in table.rows if row.value not in categories]
    shares = {year: {row.value: row.tenths / 10 for row in table.rows} for year, table in report.by_year.items()}
    series = {label("category", c): [shares[y].get(c, 0.0) for y in years] for c in categories}
    draw_category_shares(path, years, [report.by_year[y].total for y in years], series,
                         title=f"Cases by category: share of each year's cases, % ({report.period.label})")


# -- the command line --------------------------------------------------------------------------


def _year(text: str) -> Period:
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year: write four digits, e.g. 2026")
    try:
        return stats.year_period(int(text))
    except PeriodError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _month(text: str) -> Period:
    try:
        return stats.month_period(text)
    except PeriodError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _date(text: str) -> date:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            return date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD, e.g. 2026-01-31")


def _dimensions(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [name for name in chosen if name not in DIMENSIONS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown dimension {', '.join(map(repr, unknown)) or repr(text)}; "
                                         f"choose from {','.join(DIMENSIONS)}")
    return chosen


def _png(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"cannot write {text}: the folder {path.parent} does not exist")
    return path


def configure(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    when = parser.add_argument_group("period (local dates in Asia/Almaty; default: all cases)")
    when.add_argument("--year", type=_year, metavar="YYYY", help="one calendar year, e.g. 2026")
    when.add_argument("--month", type=_month, metavar="YYYY-MM", help="one month, e.g. 2026-03")
    when.add_argument("--from", dest="first", type=_date, metavar="YYYY-MM-DD", help="first day included")
    when.add_argument("--to", dest="last", type=_date, metavar="YYYY-MM-DD", help="last day included")
    parser.add_argument("--by", type=_dimensions, default=DEFAULT_DIMENSIONS, metavar="LIST",
                        help=f"comma-separated dimensions (default: {','.join(DEFAULT_DIMENSIONS)}; "
                             f"also: {','.join(d for d in DIMENSIONS if d not in DEFAULT_DIMENSIONS)})")
    parser.add_argument("--format", choices=("table", "csv"), default="table",
                        help="table (default) or csv with columns dimension,value,count,share")
    parser.add_argument("--chart", type=_png, metavar="FILE.png",
                        help="also write a PNG bar chart of category shares by year")
    return parser


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `stats` on the subparsers of `python -m bot` (argparse's add_subparsers())."""
    return configure(subparsers.add_parser(
        "stats", help="counts and shares of cases by category, risk, language... for a period",
        description="Counts and shares of cases for a year, a month or a date range (docs/statistics.md)."))


def _period(args: argparse.Namespace) -> Period:
    ranged = args.first is not None or args.last is not None
    if sum((args.year is not None, args.month is not None, ranged)) > 1:
        raise PeriodError("choose one of --year, --month, or --from/--to")
    if args.year is not None or args.month is not None:
        chosen: Period = args.year or args.month
        return chosen
    return stats.date_range(args.first, args.last) if ranged else Period()


def charts_installed() -> bool:
    """Whether the `charts` extra (matplotlib) is installed: `pip install -e '.[charts]'`."""
    try:
        import matplotlib.backends.backend_agg  # noqa: F401
    except ImportError:
        return False
    return True


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace, settings: Settings | None = None) -> int:
    """Carry out parsed `stats` arguments: print the report, write the chart; return the exit code."""
    try:
        period = _period(args)
        database_url = (settings or Settings()).database_url
    except PeriodError as error:
        return _fail(str(error))
    except ValidationError as error:
        return _fail(f"the settings are not valid:\n{error}")
    if args.chart is not None and not charts_installed():
        print(f"{PROG}: error: --chart needs matplotlib, an optional part of the bot. Install it with\n"
              f"    pip install -e '.[charts]'\n(in the project folder, inside .venv; scripts/bootstrap does it)",
              file=sys.stderr)
        return 2
    logging.getLogger("alembic").setLevel(logging.WARNING)  # the start-up migration is not news here
    try:
        report = asyncio.run(collect(database_url, period, args.by, years=args.chart is not None))
    except (SQLAlchemyError, OSError) as error:
        print(f"{PROG}: cannot read the case database: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    if report.total == 0:
        empty = f"No cases in this period ({period.label}, dates in {period.tz.key})."
        if args.format == "csv":
            sys.stdout.write(render_csv([]))
        print(empty + (" No chart written." if args.chart else ""),
              file=sys.stderr if args.format == "csv" else sys.stdout)
        return 0
    label = english_labels()
    sys.stdout.write(render_csv(report.tables) if args.format == "csv" else render_table(report, label))
    if args.chart is not None:
        sys.stdout.flush()  # the report first, then what happened to the chart (stderr)
        try:
            write_chart(report, args.chart, label)
        except OSError as error:
            print(f"{PROG}: cannot write the chart: {error}", file=sys.stderr)
            return 1
        print(f"Chart written to {args.chart}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.figures.stats ...` on its own (the same as `python -m bot stats ...`)."""
    parser = configure(argparse.ArgumentParser(prog=PROG, description="Counts and shares of cases for a period."))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the message
        return exit_.code if isinstance(exit_.code, int) else 2
    return run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
