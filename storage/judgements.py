"""Operators' verdicts on the bot's crisis reading of a case (the `crisis_judgements` table): saved,
replaced, read, and listed with their cases' words for `python -m bot crisis-set export`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from flows.crisis_sets import VERDICTS, reading_problem
from storage.models import Case, CrisisJudgement


@dataclass(frozen=True)
class Judgement:
    case_id: str
    verdict: str  # flows.crisis_sets.VERDICTS
    level: str | None  # the right level; None: calm
    reasons: tuple[str, ...]
    actor: str
    at: datetime


@dataclass(frozen=True)
class JudgedCase:
    """A judged case as an export needs it: its language and words (None once erased), and the verdict."""

    language: str
    description: str | None
    judgement: Judgement


def check(verdict: str, level: str | None, reasons: Sequence[str]) -> None:
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}; expected one of {VERDICTS}")
    if (problem := reading_problem(level, reasons)) is not None:
        raise ValueError(problem)


def _judgement(row: CrisisJudgement) -> Judgement:
    return Judgement(row.case_id, row.verdict, row.level, tuple(row.reasons), row.actor, row.at)


async def save(session: AsyncSession, judgement: Judgement) -> bool:
    """Save (replacing any earlier verdict); False when the case does not exist."""
    if await session.scalar(select(Case.id).where(Case.id == judgement.case_id)) is None:
        return False
    await session.execute(delete(CrisisJudgement).where(CrisisJudgement.case_id == judgement.case_id))
    session.add(CrisisJudgement(case_id=judgement.case_id, verdict=judgement.verdict, level=judgement.level,
                                reasons=list(judgement.reasons), actor=judgement.actor, at=judgement.at))
    return True


async def read(session: AsyncSession, case_id: str) -> Judgement | None:
    row = await session.scalar(select(CrisisJudgement).where(CrisisJudgement.case_id == case_id))
    return None if row is None else _judgement(row)


async def judged(session: AsyncSession, since: datetime | None) -> list[JudgedCase]:
    """Judged cases, oldest verdict first; `since`: only verdicts given then or later."""
    query = (select(CrisisJudgement, Case.language, Case.description)
             .join(Case, Case.id == CrisisJudgement.case_id).order_by(CrisisJudgement.at, CrisisJudgement.case_id))
    if since is not None:
        query = query.where(CrisisJudgement.at >= since)
    return [JudgedCase(language, description, _judgement(row))
            for row, language, description in (await session.execute(query)).all()]
