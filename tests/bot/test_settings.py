"""The production check: unknown environments refused, secrets strong, durable stores and an operator
front required, and everything missing said at once, as a message rather than a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bot.settings import DEV_SECRET, Settings, describe

REPO = Path(__file__).resolve().parents[2]
STRONG = "k3Y_9fQx-2LmZp7RtWv4BnCd8EhJs6Ua1"
COMPLETE: dict[str, Any] = {
    "environment": "production", "pseudonym_secret": STRONG, "redis_url": "redis://127.0.0.1:6379/0",
    "database_url": "postgresql+asyncpg://helpline@db/helpline", "telegram_bot_token": "123:ABC",
    "telegram_webhook_secret": STRONG, "operator_chat_id": -100123, "operator_ids": [1],
    "encryption_keys": {"k1": "CxTiUTVM6dlE0na7ljd7onqKh+enStPLNivUTUEEn+o="}, "encryption_key_id": "k1",
}


def production(**changes: Any) -> Settings:
    values = {**COMPLETE, **changes}
    return Settings(_env_file=None, **{k: v for k, v in values.items() if v is not None})  # type: ignore[call-arg]


def problems(**changes: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        production(**changes)
    return describe(caught.value)


def test_a_complete_production_configuration_starts() -> None:
    assert production().production
    assert production().operator_fronts() == ["telegram_group"]


@pytest.mark.parametrize("name", ["Production", "PRODUCTION", "prod", "live", " production", "dev", ""])
def test_an_unknown_environment_is_refused_not_taken_for_development(name: str) -> None:
    message = problems(environment=name)
    assert "ENVIRONMENT" in message and "development, production" in message


@pytest.mark.parametrize("setting", ["pseudonym_secret", "telegram_webhook_secret"])
@pytest.mark.parametrize("secret", ["x", "short-secret", "a" * 40, "ab" * 20])
def test_a_weak_secret_is_refused_in_production(setting: str, secret: str) -> None:
    assert setting.upper() in problems(**{setting: secret})


def test_whatsapp_secrets_need_strength_too() -> None:
    message = problems(whatsapp_token="EAAG", whatsapp_phone_number_id="123", whatsapp_app_secret="s",
                       whatsapp_verify_token="verify")
    assert "WHATSAPP_APP_SECRET" in message and "WHATSAPP_VERIFY_TOKEN" in message


def test_the_public_development_secret_is_refused() -> None:
    assert "PSEUDONYM_SECRET" in problems(pseudonym_secret=DEV_SECRET)


def test_everything_missing_is_said_at_once() -> None:
    message = problems(redis_url=None, database_url="sqlite+aiosqlite:///./data/helpline.db",
                       operator_chat_id=None, operator_ids=None, pseudonym_secret=None)
    for needed in ("REDIS_URL", "DATABASE_URL", "operator front", "PSEUDONYM_SECRET"):
        assert needed in message
    assert "errors.pydantic.dev" not in message


def test_development_keeps_its_defaults() -> None:
    s = Settings(_env_file=None)  # type: ignore[call-arg]
    assert not s.production and s.pseudonym_secret == DEV_SECRET and s.operator_fronts() == []


def test_the_command_line_says_what_is_missing_without_a_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k.upper() not in {n.upper() for n in Settings.model_fields}}
    env |= {"ENVIRONMENT": "production", "PSEUDONYM_SECRET": "x", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "bot", "purge"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    for needed in ("REDIS_URL", "DATABASE_URL", "operator front", "PSEUDONYM_SECRET"):
        assert needed in done.stderr
    refused = subprocess.run([sys.executable, "-m", "bot", "purge"], cwd=tmp_path,
                             env={**env, "ENVIRONMENT": "Production"}, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "ENVIRONMENT" in refused.stderr and "Traceback" not in refused.stderr


def test_an_operator_group_nobody_may_act_in_is_listed_with_the_rest() -> None:
    message = problems(operator_ids=None, redis_url=None)
    assert "nobody may act there" in message and "REDIS_URL" in message
