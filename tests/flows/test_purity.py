"""flows/ stays pure: no platform, HTTP, storage or I/O library is imported there."""

from __future__ import annotations

import ast
from pathlib import Path

import flows

FORBIDDEN = {
    "aiogram", "aiohttp", "httpx", "fastapi", "starlette", "redis", "sqlalchemy", "asyncpg", "aiosqlite",
    "alembic", "requests", "socket", "asyncio", "os", "subprocess", "pathlib", "random", "secrets",
    "time", "datetime", "bot", "handlers", "storage", "locales", "webhook", "logging",
}
# catalog_keys reads the flows' own source to list keys for tests and start-up checks.
ALLOWED = {("catalog_keys.py", "pathlib")}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_flows_import_no_io_libraries() -> None:
    offenders = []
    for path in Path(flows.__file__).parent.glob("*.py"):
        for name in imported_modules(path) & FORBIDDEN:
            if (path.name, name) not in ALLOWED:
                offenders.append(f"{path.name} imports {name}")
    assert offenders == []
