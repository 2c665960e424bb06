"""Production never runs without someone to answer: an operator front and operators listed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.settings import Settings

STRONG = "Xy7-kQ2_mN9pLr4TvW8sZb1CdEfGhJkA"  # 32 characters, many kinds
SECRETS = {"environment": "production", "pseudonym_secret": STRONG, "telegram_bot_token": "123:ABC",
           "telegram_webhook_secret": STRONG[::-1], "redis_url": "redis://redis:6379/0",
           "database_url": "postgresql+asyncpg://helpline@db/helpline",
           "encryption_keys": {"k1": "CxTiUTVM6dlE0na7ljd7onqKh+enStPLNivUTUEEn+o="}, "encryption_key_id": "k1"}


def test_production_refuses_to_start_without_an_operator_front() -> None:
    with pytest.raises(ValidationError, match="OPERATOR_CHAT_ID"):
        Settings(**SECRETS)  # type: ignore[arg-type]


def test_production_refuses_an_operator_group_with_nobody_listed() -> None:
    with pytest.raises(ValidationError, match="OPERATORS or OPERATOR_IDS"):
        Settings(**SECRETS, operator_chat_id=-1001234567890)  # type: ignore[arg-type]


def test_production_starts_with_a_group_and_its_operators() -> None:
    settings = Settings(**SECRETS, operator_chat_id=-1001234567890, operator_ids=[111])  # type: ignore[arg-type]
    assert len(settings.roster) == 1
