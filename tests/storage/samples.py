"""Sample cases and users for the case-store tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from storage.base import NewCase
from storage.cases import SqlCaseStore
from storage.models import Case, Escalation
from storage.pseudonym import pseudonymize

KAZAKH = "Біреу менің суреттерімді рұқсатсыз жариялап, ақша талап етіп жатыр."
SECRET = "test-secret"
ME = pseudonymize(SECRET, "telegram", "123456789")
OTHER = pseudonymize(SECRET, "telegram", "987654321")


def report(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "category": "blackmail", "subcategory": "money", "victim": "me", "description": KAZAKH,
        "place": "instagram", "links": ["https://instagram.com/p/abc"],
        "evidence": [{"kind": "photo", "ref": "AgACAgIAAxkBAAIB", "caption": "dropped"}],
        "danger": "no", "age_group": "14_17", "region": "almaty_city", "contact": "reply_here",
        "reporter": "child", "refused_media": 0,
    }
    return {**base, **overrides}


def new_case(reporter: str = ME, platform: str = "telegram", **overrides: Any) -> NewCase:
    return NewCase(platform=platform, reporter=reporter, language="kk", risk="normal",
                   risk_reasons=("category",), report=report(**overrides))


async def count(store: SqlCaseStore, model: type[Case] | type[Escalation]) -> int:
    async with store.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)
