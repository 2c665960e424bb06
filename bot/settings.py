"""Settings from environment variables (and an optional .env file), with embedded defaults.

With nothing set, the bot runs on a SQLite file and in-memory state, on 127.0.0.1.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from flows.emergency import DEFAULT_EMERGENCY_LINES, EmergencyLine

DEV_SECRET = "dev-only-pseudonym-secret"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    environment: str = Field("development", description="development | production")
    database_url: str = "sqlite+aiosqlite:///./data/helpline.db"
    redis_url: str | None = None
    pseudonym_secret: str = DEV_SECRET
    state_ttl_days: int = Field(30, ge=1)
    retention_days: int = Field(365, ge=1, description="closed cases are deleted after this many days")
    draft_retention_days: int = Field(30, ge=1, description="unfinished reports are deleted after this")
    lookup_limit_per_hour: int = 10
    # JSON list of {"number": "...", "service": "emergency|police|ambulance|children"}.
    emergency_lines: list[dict[str, str]] = Field(
        default_factory=lambda: [{"number": line.number, "service": line.service} for line in DEFAULT_EMERGENCY_LINES]
    )
    host: str = "127.0.0.1"
    port: int = 8080

    telegram_bot_token: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_api_base: str = "https://api.telegram.org"

    whatsapp_token: str | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_app_secret: str | None = None
    whatsapp_verify_token: str | None = None
    whatsapp_api_base: str = "https://graph.facebook.com/v21.0"

    @field_validator("emergency_lines", mode="before")
    @classmethod
    def _parse_lines(cls, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    @field_validator("emergency_lines")
    @classmethod
    def _check_lines(cls, value: list[dict[str, str]]) -> list[dict[str, str]]:
        if not value:
            raise ValueError("at least one emergency line is required")
        for item in value:
            EmergencyLine(item.get("number", ""), item.get("service", ""))  # raises with the reason
        return value

    @model_validator(mode="after")
    def _production_needs_secrets(self) -> Settings:
        if self.environment == "production":
            if self.pseudonym_secret == DEV_SECRET:
                raise ValueError("PSEUDONYM_SECRET must be set in production")
            if self.telegram_bot_token and not self.telegram_webhook_secret:
                raise ValueError("TELEGRAM_WEBHOOK_SECRET must be set in production")
            if self.whatsapp_token and not self.whatsapp_app_secret:
                raise ValueError("WHATSAPP_APP_SECRET must be set to serve WhatsApp")
        return self

    @property
    def emergency(self) -> tuple[EmergencyLine, ...]:
        return tuple(EmergencyLine(i["number"], i["service"]) for i in self.emergency_lines)
