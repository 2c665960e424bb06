"""Fixtures of the operator desk's tests: a migrated SQLite file per test, copied from a template."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from storage.migrate import migrate
from tests.bot.desk.operator_world import Clock, World, make_world


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("desk-template") / "helpline.db"
    await migrate(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def world(desk_template: Path, tmp_path: Path, clock: Clock) -> AsyncIterator[World]:
    shutil.copyfile(desk_template, tmp_path / "helpline.db")
    made = make_world(f"sqlite+aiosqlite:///{tmp_path}/helpline.db", clock)
    try:
        yield made
    finally:
        await made.desk.close()
        await made.cases.close()
