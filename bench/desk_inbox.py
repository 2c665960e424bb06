"""The web desk's inbox at 100,000 cases: server time of GET /desk/inbox (query and page), goal < 100 ms.

    .venv/bin/python -m bench.desk_inbox                       # a SQLite file in a temporary folder
    .venv/bin/python -m bench.desk_inbox --database-url postgresql+asyncpg://127.0.0.1:5432/bench_desk

The cases are spread like the hotline's: most of them closed, a third bullying, a quarter privacy,
levels mostly low and normal, over eight years. Each view is requested `--repeat` times through the
application (httpx, no socket), signed in; the median and the 95th percentile are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import insert, text

from bot.settings import Settings
from flows.definitions import AGE_GROUPS, REGIONS
from storage.engine import make_engine
from storage.migrate import migrate
from storage.models import Base, Case
from webhook import create_app

PASSWORD = "benchmark password"
CATEGORIES = ("bullying",) * 33 + ("privacy",) * 25 + ("blackmail",) * 15 + ("groups",) * 12 + ("grooming",) * 5 + (
    "other",) * 9 + ("csam",)
LEVELS = ("low",) * 45 + ("normal",) * 40 + ("high",) * 12 + ("critical",) * 3
VIEWS = {
    "open cases (default)": {},
    "every status": {"status": ""},
    "bullying in Almaty, kk": {"category": "bullying", "region": "almaty_city", "language": "kk"},
    "assigned to nobody, high": {"assigned": "nobody", "level": "high"},
    "overdue only": {"overdue": "1"},
    "page 5 of open cases": {"offset": "200"},
    "one month": {"status": "", "since": "2025-03-01", "until": "2025-03-31"},
}


async def fill(database_url: str, count: int) -> str:
    """`count` cases; returns one reference to search for."""
    await migrate(database_url)
    engine = make_engine(database_url)
    rng = random.Random(7)
    now = datetime.now(UTC)
    reference = ""
    async with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            await connection.execute(table.delete())
        for start in range(0, count, 5000):
            rows = []
            for n in range(start, min(count, start + 5000)):
                created = now - timedelta(minutes=rng.randrange(8 * 365 * 24 * 60))
                closed = rng.random() < 0.85 and created < now - timedelta(days=3)
                reference = f"KZ-{n // 10000:04d}-{n % 10000:04d}"
                rows.append({
                    "id": uuid.uuid4().hex, "reference": reference, "created_at": created, "updated_at": created,
                    "platform": rng.choice(("telegram", "whatsapp")), "language": rng.choice(("kk", "ru", "ru", "en")),
                    "reporter": uuid.uuid4().hex[:16], "reporter_role": "child", "victim": "me",
                    "category": rng.choice(CATEGORIES), "subcategory": None, "description": "text " * 40,
                    "place": "instagram", "links": None, "evidence": None, "danger": "no",
                    "age_group": rng.choice(AGE_GROUPS), "region": rng.choice(REGIONS), "anonymous": True,
                    "risk": rng.choice(LEVELS), "risk_reasons": ["category"],
                    "status": "closed" if closed else rng.choice(("received", "received", "in_review")),
                    "refused_media": 0, "closed_at": created + timedelta(days=2) if closed else None,
                    "outcome": "advised" if closed else None, "assigned_to": None,
                })
            await connection.execute(insert(Case), rows)
    if engine.dialect.name == "postgresql":  # what autovacuum does after such a load (visibility map, statistics)
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("VACUUM ANALYZE cases"))
    await engine.dispose()
    return reference


async def measure(database_url: str, count: int, repeat: int) -> None:
    started = time.perf_counter()
    reference = await fill(database_url, count)
    print(f"{count} cases written in {time.perf_counter() - started:.0f} s ({database_url.split(':')[0]})")
    app = create_app(Settings(database_url=database_url, redis_url=None))
    async with app.router.lifespan_context(app):
        await app.state.application.web_desk.staff.add("bench", "Bench", "supervisor", PASSWORD)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            page = await http.get("/desk/signin")
            token = re.search(r'name="csrf" value="([^"]*)"', page.text)
            assert token is not None
            await http.post("/desk/signin", data={"csrf": token.group(1), "username": "bench", "password": PASSWORD})
            views = {**VIEWS, "search by reference": {"reference": reference}}
            for name, params in views.items():
                times = []
                for _ in range(repeat):
                    begin = time.perf_counter()
                    response = await http.get("/desk/inbox", params=params)
                    times.append((time.perf_counter() - begin) * 1000)
                    assert response.status_code in (200, 303), response.status_code
                times.sort()
                p95 = times[max(0, int(len(times) * 0.95) - 1)]
                print(f"  {name:<28} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary folder")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    url = args.database_url or f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/bench-desk.db"
    asyncio.run(measure(url, args.cases, args.repeat))


if __name__ == "__main__":
    main()
