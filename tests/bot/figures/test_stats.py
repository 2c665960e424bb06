"""`python -m bot stats` over a generated set of cases, on SQLite and on the real PostgreSQL.

Every count and share is checked against counts computed here, from the generated list, by a
different route: a case belongs to a period when its local (Asia/Almaty) date falls inside it.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import random
import struct
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio

from bot import cli
from bot.figures.stats import collect, english_labels, largest_remainder, main
from flows.definitions import AGE_GROUPS, CATEGORIES, LANGUAGES, PLACES, REGIONS, ROLES
from flows.triage import LEVELS
from storage.base import CASE_OUTCOMES, NewCase
from storage.cases import SqlCaseStore
from storage.migrate import migrate
from storage.stats import DIMENSIONS, Period, date_range, month_period, year_period
from tests.support.databases import fresh_postgres_url

ROOT = Path(__file__).resolve().parents[3]
ALMATY = ZoneInfo("Asia/Almaty")
SEED = 20260115
RANDOM_CASES = 420
FIRST = datetime(2022, 12, 31, 18, 0, tzinfo=UTC)  # 2023-01-01 00:00 in Almaty (UTC+6 then)
LAST = datetime(2025, 12, 31, 19, 0, tzinfo=UTC)  # 2026-01-01 00:00 in Almaty (UTC+5 since 2024-03-01)


@dataclass(frozen=True)
class Generated:
    created_at: datetime  # UTC
    category: str
    risk: str
    language: str
    platform: str
    reporter_role: str
    age_group: str | None
    place: str | None
    outcome: str | None
    region: str | None = None

    def value(self, dimension: str) -> str:
        found: str | None = getattr(self, dimension)
        return found if found is not None else ("open" if dimension == "outcome" else "none")

    def local_date(self) -> date:
        return self.created_at.astimezone(ALMATY).date()


# Cases on the edges of periods, told apart by their platform. Times are written in UTC by hand.
EDGES = {
    "eve2023": datetime(2023, 12, 31, 17, 30, tzinfo=UTC),  # 23:30 on 31 Dec 2023 in Almaty (+6): 2023
    "newyear2024": datetime(2023, 12, 31, 18, 0, tzinfo=UTC),  # midnight, 1 Jan 2024: 2024
    "leap_before_change": datetime(2024, 2, 29, 17, 30, tzinfo=UTC),  # 23:30 (+6) on 29 Feb 2024
    "leap_repeated_hour": datetime(2024, 2, 29, 18, 30, tzinfo=UTC),  # 23:30 again (+5): still February
    "march_first": datetime(2024, 2, 29, 19, 0, tzinfo=UTC),  # 00:00 on 1 Mar 2024 (+5): March
    "eve2024": datetime(2024, 12, 31, 18, 30, tzinfo=UTC),  # 23:30 on 31 Dec 2024 (+5): 2024
    "newyear2025": datetime(2024, 12, 31, 19, 0, tzinfo=UTC),  # midnight, 1 Jan 2025: 2025
    "eve2025": datetime(2025, 12, 31, 18, 30, tzinfo=UTC),  # 23:30 on 31 Dec 2025 (+5): 2025
}


def generate() -> list[Generated]:
    rng = random.Random(SEED)
    span = int((LAST - FIRST).total_seconds())

    def pick(values: tuple[str, ...], weights: list[float] | None = None) -> str:
        return rng.choices(values, weights)[0]

    def one(created_at: datetime, platform: str) -> Generated:
        return Generated(
            created_at=created_at,
            category=pick(CATEGORIES, [33, 8, 6, 1, 25, 7, 20]),  # roughly the hotline's mix
            risk=pick(LEVELS, [30, 50, 15, 5]),
            language=pick(LANGUAGES, [45, 45, 10]),
            platform=platform,
            reporter_role=pick(ROLES),
            age_group=rng.choice((*AGE_GROUPS, None)),
            place=rng.choice((*PLACES, None)),
            outcome=rng.choice((*CASE_OUTCOMES, None, None)),
            region=rng.choice((*REGIONS, None)),
        )

    made = [one(FIRST + timedelta(seconds=rng.randrange(span)), pick(("telegram", "whatsapp", "web"), [6, 3, 1]))
            for _ in range(RANDOM_CASES)]
    made += [one(moment, name) for name, moment in EDGES.items()]
    rng.shuffle(made)
    return made


CASES = generate()


async def populate(database_url: str) -> None:
    now = FIRST
    store = SqlCaseStore(database_url, clock=lambda: now)
    try:
        for i, case in enumerate(CASES):
            now = case.created_at
            report = {"category": case.category, "reporter": case.reporter_role, "age_group": case.age_group,
                      "place": case.place, "region": case.region, "description": "generated"}
            filed = await store.file_case(NewCase(platform=case.platform, reporter=f"user{i}",
                                                  language=case.language, risk=case.risk,
                                                  risk_reasons=("category",), report=report))
            if case.outcome is not None:
                await store.set_outcome(filed.reference, case.outcome)
    finally:
        await store.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('stats')}/helpline.db"
    await migrate(url)
    await populate(url)
    return url


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def postgresql_database() -> AsyncIterator[str]:
    async with fresh_postgres_url(migrated=True) as url:
        await populate(url)
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest) -> str:
    url: str = request.getfixturevalue(f"{request.param}_database")
    return url


def expected(period: Period) -> list[Generated]:
    first = period.start or date.min
    last = period.end - timedelta(days=1) if period.end else date.max
    return [case for case in CASES if first <= case.local_date() <= last]


def assert_shares(counts: dict[str, int], shares: dict[str, str]) -> None:
    """Each share within a tenth of its exact value, and the column adds up to exactly 100.0."""
    whole = sum(counts.values())
    assert sum(round(float(share) * 10) for share in shares.values()) == 1000
    for value, share in shares.items():
        assert abs(float(share) * 10 - counts.get(value, 0) * 1000 / whole) < 1, (value, share)


PERIODS: dict[str, Callable[[], Period]] = {
    "all time": Period,
    "2023": lambda: year_period(2023),
    "2024": lambda: year_period(2024),
    "2025": lambda: year_period(2025),
    "2024-02": lambda: month_period("2024-02"),
    "2024-03": lambda: month_period("2024-03"),
    "range": lambda: date_range(date(2024, 6, 15), date(2025, 3, 10)),
    "from": lambda: date_range(date(2025, 7, 1), None),
}


class TestCounts:
    @pytest.mark.parametrize("name", list(PERIODS))
    async def test_every_count_and_share_matches(self, database: str, name: str) -> None:
        period = PERIODS[name]()
        cases = expected(period)
        assert cases, "the generated set should reach every period tested"
        report = await collect(database, period, list(DIMENSIONS), years=True)
        assert report.total == len(cases)
        for table in report.tables:
            counts = Counter(case.value(table.dimension) for case in cases)
            assert {row.value: row.count for row in table.rows if row.count} == counts, table.dimension
            assert table.total == len(cases)
            assert_shares(counts, {row.value: row.share for row in table.rows})
        by_year: dict[int, Counter[str]] = {}
        for case in cases:
            by_year.setdefault(case.local_date().year, Counter())[case.category] += 1
        assert {y: {r.value: r.count for r in t.rows if r.count} for y, t in report.by_year.items()} == by_year
        for year, table in report.by_year.items():
            assert_shares(by_year[year], {row.value: row.share for row in table.rows})

    async def test_known_codes_are_listed_even_at_zero(self, database: str) -> None:
        report = await collect(database, month_period("2024-03"), ["category", "risk", "outcome"])
        for table, known in zip(report.tables, (CATEGORIES, LEVELS, CASE_OUTCOMES), strict=True):
            assert set(known) <= {row.value for row in table.rows}
            counts = [row.count for row in table.rows]
            assert counts == sorted(counts, reverse=True)

    @pytest.mark.parametrize(("period", "edges"), [
        (year_period(2023), {"eve2023"}),
        (year_period(2024), {"newyear2024", "leap_before_change", "leap_repeated_hour", "march_first", "eve2024"}),
        (year_period(2025), {"newyear2025", "eve2025"}),
        (month_period("2024-02"), {"leap_before_change", "leap_repeated_hour"}),
        (month_period("2024-03"), {"march_first"}),
        (date_range(date(2023, 12, 31), date(2023, 12, 31)), {"eve2023"}),
        (year_period(2026), set()),
    ], ids=["2023", "2024", "2025", "2024-02", "2024-03", "2023-12-31", "2026"])
    async def test_period_edges_follow_almaty_dates(self, database: str, period: Period, edges: set[str]) -> None:
        report = await collect(database, period, ["platform"])
        found = {row.value for row in report.tables[0].rows} - {"telegram", "whatsapp", "web"}
        assert found == edges


class TestPeriods:
    def test_bounds_are_almaty_midnights_in_utc(self) -> None:
        # Kazakhstan moved from UTC+6 to UTC+5 on 2024-03-01.
        assert year_period(2024).utc_bounds() == (datetime(2023, 12, 31, 18, tzinfo=UTC),
                                                  datetime(2024, 12, 31, 19, tzinfo=UTC))
        assert month_period("2024-02").utc_bounds() == (datetime(2024, 1, 31, 18, tzinfo=UTC),
                                                        datetime(2024, 2, 29, 19, tzinfo=UTC))
        assert month_period("2026-12").utc_bounds() == (datetime(2026, 11, 30, 19, tzinfo=UTC),
                                                        datetime(2026, 12, 31, 19, tzinfo=UTC))
        assert date_range(date(2026, 1, 1), date(2026, 6, 30)) == Period(date(2026, 1, 1), date(2026, 7, 1))

    def test_labels(self) -> None:
        assert year_period(2026).label == "2026-01-01 to 2026-12-31"
        assert date_range(date(2026, 1, 1), None).label == "from 2026-01-01"
        assert date_range(None, date(2026, 6, 30)).label == "until 2026-06-30"
        assert Period().label == "all time"


class TestLargestRemainder:
    def test_thirds_add_up_to_exactly_a_hundred(self) -> None:
        assert largest_remainder([1, 1, 1]) == [334, 333, 333]
        assert largest_remainder([2, 1]) == [667, 333]
        assert largest_remainder([0, 0]) == [0, 0]
        assert largest_remainder([5, 0]) == [1000, 0]

    def test_random_counts(self) -> None:
        rng = random.Random(SEED)
        for _ in range(500):
            counts = [rng.choice((0, 1, 2, 3, rng.randrange(1000))) for _ in range(rng.randrange(1, 12))]
            if not sum(counts):
                continue
            parts = largest_remainder(counts)
            assert sum(parts) == 1000
            assert all(abs(p - c * 1000 / sum(counts)) < 1 for p, c in zip(parts, counts, strict=True))


# -- the command --------------------------------------------------------------------------------


@pytest.fixture
def use_database(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    def use(url: str) -> None:
        monkeypatch.setenv("DATABASE_URL", url)

    return use


async def run_main(*argv: str) -> int:
    """`main` in a thread: it starts its own event loop, as it does from the command line."""
    return await asyncio.to_thread(main, list(argv))


def parse_csv(text: str) -> Iterator[tuple[str, str, int, str]]:
    reader = csv.reader(io.StringIO(text))
    assert next(reader) == ["dimension", "value", "count", "share"]
    for dimension, value, count, share in reader:
        yield dimension, value, int(count), share


class TestCommand:
    async def test_csv_parses_back_to_the_same_numbers(self, database: str, use_database: Callable[[str], None],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
        use_database(database)
        assert await run_main("--year", "2024", "--format", "csv", "--by", ",".join(DIMENSIONS)) == 0
        cases = expected(year_period(2024))
        rows = list(parse_csv(capsys.readouterr().out))
        assert [d for d in dict.fromkeys(d for d, *_ in rows)] == list(DIMENSIONS)
        for dimension in DIMENSIONS:
            counts = Counter(case.value(dimension) for case in cases)
            mine = [(value, count, share) for d, value, count, share in rows if d == dimension]
            assert {value: count for value, count, _ in mine if count} == counts
            assert_shares(counts, {value: share for value, _, share in mine})

    async def test_table_shows_names_counts_shares_and_total(self, sqlite_database: str,
                                                             use_database: Callable[[str], None],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
        use_database(sqlite_database)
        assert await run_main("--month", "2024-02", "--by", "category,outcome") == 0
        out = capsys.readouterr().out
        cases = expected(month_period("2024-02"))
        assert out.startswith(f"Cases received (2024-02-01 to 2024-02-29, dates in Asia/Almaty): {len(cases)}\n")
        label = english_labels()
        for dimension, title in (("category", "Category"), ("outcome", "Outcome")):
            section = out.split(f"\n{title}\n", 1)[1].split("\n\n", 1)[0].splitlines()
            assert section[0].split() == ["Value", "Count", "Share", "%"]
            assert section[-1].split() == ["Total", str(len(cases)), "100.0"]
            shown = {" ".join(line.split()[:-2]): int(line.split()[-2]) for line in section[1:-1]}
            counts = Counter(label(dimension, case.value(dimension)) for case in cases)
            assert {name: n for name, n in shown.items() if n} == counts
        assert "Bullying, insults" in out and "\nbullying" not in out  # names from the en catalog

    async def test_chart_is_a_png(self, sqlite_database: str, use_database: Callable[[str], None],
                                  tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        use_database(sqlite_database)
        chart = tmp_path / "shares.png"
        assert await run_main("--by", "category", "--chart", str(chart)) == 0
        data = chart.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
        width, height = struct.unpack(">II", data[16:24])
        assert width > 400 and height > 300 and len(data) > 10_000
        assert f"Chart written to {chart}" in capsys.readouterr().err

    async def test_empty_database_is_not_an_error(self, tmp_path: Path, use_database: Callable[[str], None],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
        use_database(f"sqlite+aiosqlite:///{tmp_path}/empty.db")  # not even migrated yet: the command does it
        assert await run_main("--chart", str(tmp_path / "none.png")) == 0
        assert "No cases in this period (all time" in capsys.readouterr().out
        assert not (tmp_path / "none.png").exists()
        assert await run_main("--year", "2026", "--format", "csv") == 0
        captured = capsys.readouterr()
        assert captured.out == "dimension,value,count,share\n"
        assert "No cases in this period (2026-01-01 to 2026-12-31" in captured.err

    @pytest.mark.parametrize(("argv", "message"), [
        (["--month", "2026-13"], "'2026-13' is not a month: write YYYY-MM"),
        (["--month", "March"], "'March' is not a month"),
        (["--year", "26"], "'26' is not a year"),
        (["--from", "2026-02-30"], "'2026-02-30' is not a date"),
        (["--from", "2026-07-01", "--to", "2026-06-30"], "the period starts (2026-07-01) after it ends (2026-06-30)"),
        (["--year", "2026", "--month", "2026-03"], "choose one of --year, --month, or --from/--to"),
        (["--by", "category,colour"], "unknown dimension 'colour'; choose from category,risk"),
        (["--by", ","], "unknown dimension"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--chart", "/no/such/folder/chart.png"], "the folder /no/such/folder does not exist"),
    ])
    async def test_invalid_arguments_exit_2_with_a_message(self, argv: list[str], message: str, tmp_path: Path,
                                                           use_database: Callable[[str], None],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
        use_database(f"sqlite+aiosqlite:///{tmp_path}/untouched.db")
        assert await run_main(*argv) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
        assert not (tmp_path / "untouched.db").exists()  # refused before touching the database

    async def test_unreachable_database_exits_1_without_a_traceback(self, use_database: Callable[[str], None],
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
        use_database("postgresql+asyncpg://postgres@127.0.0.1:1/nothing")  # nothing listens on port 1
        assert await run_main("--year", "2026") == 1
        err = capsys.readouterr().err
        assert "cannot read the case database" in err and "Traceback" not in err

    def test_python_m_bot_stats_exits_2_too(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as exited:  # argparse's own errors, as on the command line
            cli.main(["stats", "--month", "2026-13"])
        assert exited.value.code == 2 and "is not a month" in capsys.readouterr().err
        assert cli.main(["stats", "--from", "2026-07-01", "--to", "2026-06-30"]) == 2
        assert "after it ends" in capsys.readouterr().err

    async def test_end_to_end_in_a_subprocess(self, sqlite_database: str, tmp_path: Path) -> None:
        env = {**os.environ, "DATABASE_URL": sqlite_database}
        chart = tmp_path / "report.png"
        command = [sys.executable, "-m", "bot", "stats", "--year", "2025", "--by", "category,outcome",
                   "--format", "csv", "--chart", str(chart)]
        done = await asyncio.to_thread(subprocess.run, command, cwd=ROOT, env=env, capture_output=True, text=True,
                                       timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        cases = expected(year_period(2025))
        rows = list(parse_csv(done.stdout))
        for dimension in ("category", "outcome"):
            counts = Counter(case.value(dimension) for case in cases)
            assert {value: count for d, value, count, _ in rows if d == dimension and count} == counts
        assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert "Traceback" not in done.stderr



def test_a_chart_without_matplotlib_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """matplotlib is the optional `charts` extra: without it, a message and a non-zero exit, no traceback."""
    for name in [n for n in sys.modules if n == "matplotlib" or n.startswith("matplotlib.")] + ["matplotlib"]:
        monkeypatch.setitem(sys.modules, name, None)  # `import matplotlib...` now fails as if not installed
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/none.db")
    assert cli.main(["stats", "--chart", str(tmp_path / "shares.png")]) == 2
    err = capsys.readouterr().err
    assert "pip install -e '.[charts]'" in err and "matplotlib" in err and "Traceback" not in err
    assert not (tmp_path / "shares.png").exists()
