"""Settings from environment variables (and an optional .env file), with embedded defaults.

With nothing set, the bot runs on a SQLite file and in-memory state, on 127.0.0.1.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.desk.roster import Roster, parse_operator
from bot.desk.shifts import WorkingHours
from flows.emergency import DEFAULT_EMERGENCY_LINES, EmergencyLine
from storage.crypto import DEV_KEY, DEV_KEY_ID, EncryptionError, KeyRing, parse_keys
from storage.engine import DEFAULT_POOL_SIZE

DEV_SECRET = "dev-only-pseudonym-secret"
ENVIRONMENTS = ("development", "production")
# A secret in production: at least this long and this varied (secrets.token_urlsafe(32) gives 43
# characters of 64 kinds; a Meta app secret is 32 hex digits). Short or repetitive values are guessable.
MIN_SECRET_CHARS = 32
MIN_SECRET_DISTINCT = 10
# The settings that hold secrets: each has a minimum strength in production when it is set.
SECRET_SETTINGS = ("pseudonym_secret", "telegram_webhook_secret", "whatsapp_app_secret", "whatsapp_verify_token")


class Settings(BaseSettings):
    # An empty value (`OPERATOR_CHAT_ID=` in a copied .env.example) means unset, not "" or a parse error.
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore",
                                      env_ignore_empty=True)

    environment: str = Field("development", description="development | production (exactly, lower case)")
    database_url: str = "sqlite+aiosqlite:///./data/helpline.db"
    database_pool_size: int = Field(DEFAULT_POOL_SIZE, ge=1, description="PostgreSQL connections each process "
                                    "keeps open and never exceeds (no overflow: past it, queries wait their "
                                    "turn); every process's pool together must fit under the server's "
                                    "max_connections (docs/deployment.md)")
    redis_url: str | None = None
    pseudonym_secret: str = DEV_SECRET
    state_ttl_days: int = Field(30, ge=1)
    retention_days: int = Field(365, ge=1, description="closed cases are deleted after this many days")
    draft_retention_days: int = Field(30, ge=1, description="unfinished reports are deleted after this")
    draft_flush_seconds: float = Field(2.0, ge=0, description="with REDIS_URL, drafts reach the case store "
                                       "this often (write-behind); 0: at every change")
    lookup_limit_per_hour: int = 10
    inbound_limit: int = Field(30, ge=0, description="a user's messages per INBOUND_WINDOW_SECONDS before the bot "
                               "stops answering them (SOS, crisis signals and conversations with a person still "
                               "answered); 0: no limit")
    inbound_window_seconds: int = Field(60, ge=1, description="the window INBOUND_LIMIT counts messages in")
    # Encryption at rest of free text (storage/crypto.py, docs/deployment.md): JSON {"<key id>": "<base64
    # 32-byte key>"}, and the id of the key that encrypts new values. The default is public: development only.
    encryption_keys: Annotated[dict[str, str], NoDecode] = Field(default_factory=lambda: {DEV_KEY_ID: DEV_KEY})
    encryption_key_id: str = DEV_KEY_ID
    # JSON list of {"number": "...", "service": "emergency|police|ambulance|children"}.
    emergency_lines: list[dict[str, str]] = Field(
        default_factory=lambda: [{"number": line.number, "service": line.service} for line in DEFAULT_EMERGENCY_LINES]
    )
    host: str = "127.0.0.1"
    port: int = 8080

    # Delivery (bot/delivery/pipeline.py, docs/deployment.md).
    redis_prefix: str = Field("helpline", min_length=1, description="prefix of every Redis key")
    serve_worker: bool = Field(True, description="`serve` also processes stored updates; false: workers do")
    worker_concurrency: int = Field(64, ge=1, description="conversations processed at once per process (one "
                                    "only waiting for send pacing does not count; 4x this many held at most)")
    lock_timeout_seconds: float = Field(30.0, gt=0, description="a dead holder releases a conversation after")
    claim_idle_seconds: float = Field(15.0, gt=0, description="unfinished work is taken over after this idle")
    update_max_attempts: int = Field(5, ge=1, description="failures (not outages) before an update is set aside")
    set_aside_retention_hours: int = Field(168, ge=1, description="updates set aside (raw payloads: a child's "
                                           "words and ids) are deleted after this")
    metrics_port: int | None = Field(None, description="`worker` serves /metrics, /healthz, /readyz here")
    log_format: str = Field("text", pattern="^(text|json)$", description="text | json (one object a line)")
    # Send pacing (bot/delivery/pacing.py); unset: the platform's limits, 0: off. With REDIS_URL the rate and group
    # chats are paced for all processes together; without it, in this process.
    send_chat_interval_seconds: float | None = Field(None, ge=0, description="between 2 messages to a chat; "
                                                     "with REDIS_URL groups also get 20 a minute at most")
    send_rate_per_second: float | None = Field(None, ge=0, description="messages a second for the bot (Telegram) "
                                               "or number (WhatsApp): all processes with REDIS_URL, else this one")

    telegram_bot_token: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_api_base: str = "https://api.telegram.org"

    whatsapp_token: str | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_app_secret: str | None = None
    whatsapp_verify_token: str | None = None
    whatsapp_api_base: str = "https://graph.facebook.com/v21.0"

    # The operators' side (docs/operators.md).
    operator_chat_id: int | None = None  # the operators' Telegram supergroup with topics, e.g. -1001234567890
    # JSON list of {"id": <Telegram user id>, "languages": ["kk", "ru"], "name": "signature (optional)"}.
    operators: Annotated[list[dict[str, Any]], NoDecode] = Field(default_factory=list)
    operator_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)  # "111,222" or "[111, 222]"
    operator_language: str = "ru"  # the language of the operator group's cards, buttons and notices
    working_hours: str = "09:00-21:00"  # every day, in `timezone`; "00:00-24:00" around the clock
    timezone: str = "Asia/Almaty"
    critical_realert_minutes: int = Field(5, ge=1)
    operator_silence_minutes: int = Field(10, ge=1)

    @field_validator("environment")
    @classmethod
    def _check_environment(cls, value: str) -> str:
        # "Production" or "prod" must not start quietly in development with its public secret.
        if value not in ENVIRONMENTS:
            raise ValueError(f"must be one of {', '.join(ENVIRONMENTS)} (exactly, lower case), "
                             f"not {value!r}")
        return value

    # The web case desk at /desk (docs/operators.md).
    desk_session_idle_minutes: int = Field(30, ge=1, description="a desk session ends after this idle time")
    # JSON {"level": hours}: a case still "received" after this long stands out in the inbox.
    desk_review_hours: dict[str, float] = Field(
        default_factory=lambda: {"critical": 1.0, "high": 4.0, "normal": 48.0, "low": 120.0})

    @field_validator("emergency_lines", mode="before")
    @classmethod
    def _parse_lines(cls, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    @field_validator("encryption_keys", mode="before")
    @classmethod
    def _parse_keys(cls, value: Any) -> Any:
        return parse_keys(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check_keys(self) -> Settings:
        try:
            self.keyring  # noqa: B018 - builds the ring: raises with the reason
        except EncryptionError as error:
            raise ValueError(str(error)) from error
        return self

    @field_validator("desk_review_hours", mode="before")
    @classmethod
    def _parse_review_hours(cls, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    @field_validator("operators", mode="before")
    @classmethod
    def _parse_operators(cls, value: Any) -> Any:
        if isinstance(value, str):
            return json.loads(value) if value.strip() else []
        return value

    @field_validator("operators")
    @classmethod
    def _check_operators(cls, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for item in value:
            parse_operator(item)  # raises with the reason
        return value

    @field_validator("operator_ids", mode="before")
    @classmethod
    def _parse_operator_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("operator_language")
    @classmethod
    def _check_operator_language(cls, value: str) -> str:
        if value not in ("kk", "ru", "en"):
            raise ValueError("OPERATOR_LANGUAGE must be one of kk, ru, en")
        return value

    @model_validator(mode="after")
    def _check_operator_side(self) -> Settings:
        WorkingHours.parse(self.working_hours, self.timezone)  # raises with the reason
        problems = self.operator_side_problems()
        if problems and not self.production:  # production lists them with everything else
            raise ValueError(problems[0])
        return self

    def operator_side_problems(self) -> list[str]:
        problems: list[str] = []
        if self.operator_chat_id is not None and not (self.operators or self.operator_ids):
            problems.append("OPERATOR_CHAT_ID is set but nobody may act there: list them in OPERATORS "
                            "or OPERATOR_IDS (membership of the group alone is not enough)")
        if self.operator_chat_id is not None and not self.telegram_bot_token:
            problems.append("OPERATOR_CHAT_ID is a Telegram group: set TELEGRAM_BOT_TOKEN too")
        return problems

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
        if self.production:
            problems = production_problems(self)
            if problems:
                raise ValueError("ENVIRONMENT=production needs:\n  - " + "\n  - ".join(problems))
        return self

    def encryption_problems(self) -> list[str]:
        """What keeps the encryption settings from production (for the production check)."""
        if self.keyring.development:
            return ["ENCRYPTION_KEYS / ENCRYPTION_KEY_ID: the current key is the public development key; "
                    "generate one with `python -m bot rotate-key --new-key` (docs/deployment.md)"]
        return []

    @property
    def keyring(self) -> KeyRing:
        return KeyRing(self.encryption_keys, self.encryption_key_id)

    @property
    def production(self) -> bool:
        return self.environment == "production"

    def operator_fronts(self) -> list[str]:
        """The desk's fronts this configuration brings up (a front-end that can take a case)."""
        fronts: list[str] = []
        if self.operator_chat_id is not None and self.telegram_bot_token:
            fronts.append("telegram_group")
        return fronts

    def platforms(self) -> list[str]:
        """The messaging platforms this configuration serves."""
        return [name for name, token in (("telegram", self.telegram_bot_token), ("whatsapp", self.whatsapp_token))
                if token]

    @property
    def roster(self) -> Roster:
        return Roster.from_settings(self.operators, self.operator_ids)

    @property
    def hours(self) -> WorkingHours:
        return WorkingHours.parse(self.working_hours, self.timezone)

    @property
    def emergency(self) -> tuple[EmergencyLine, ...]:
        return tuple(EmergencyLine(i["number"], i["service"]) for i in self.emergency_lines)


def production_problems(settings: Settings) -> list[str]:
    """Everything a production configuration lacks, all at once (empty: it may start)."""
    problems: list[str] = []
    if not settings.redis_url:
        problems.append("REDIS_URL: the durable intake and state (memory loses updates on a crash)")
    if not settings.database_url.startswith(("postgresql://", "postgresql+asyncpg://")):
        problems.append("DATABASE_URL: a PostgreSQL database, e.g. postgresql+asyncpg://helpline@db/helpline "
                        "(SQLite is for development)")
    if not settings.platforms():
        problems.append("TELEGRAM_BOT_TOKEN or WHATSAPP_TOKEN: a platform to serve")
    if not settings.operator_fronts():
        problems.append("an operator front: OPERATOR_CHAT_ID with TELEGRAM_BOT_TOKEN (docs/operators.md)")
    problems += settings.operator_side_problems()
    problems += settings.encryption_problems()
    if settings.telegram_bot_token and not settings.telegram_webhook_secret:
        problems.append("TELEGRAM_WEBHOOK_SECRET: Telegram's calls are checked with it")
    if settings.whatsapp_token:
        for name in ("whatsapp_phone_number_id", "whatsapp_app_secret", "whatsapp_verify_token"):
            if not getattr(settings, name):
                problems.append(f"{name.upper()}: to serve WhatsApp")
    if settings.pseudonym_secret == DEV_SECRET:
        problems.append("PSEUDONYM_SECRET: set it (the development value is public: with it, pseudonyms can be "
                        "matched to phone numbers)")
    for name in SECRET_SETTINGS:
        value = getattr(settings, name)
        if (value or name == "pseudonym_secret") and value != DEV_SECRET and weak_secret(value):
            problems.append(f"{name.upper()}: a strong secret, at least {MIN_SECRET_CHARS} characters of "
                            f"{MIN_SECRET_DISTINCT} kinds or more (python -c 'import secrets; "
                            "print(secrets.token_urlsafe(32))')")
    return problems


def weak_secret(value: str) -> bool:
    """Too short, too repetitive, or the public development value."""
    return value == DEV_SECRET or len(value) < MIN_SECRET_CHARS or len(set(value)) < MIN_SECRET_DISTINCT


def describe(error: ValidationError) -> str:
    """A validation error for a person at a terminal: one line per setting, no pydantic links."""
    lines: list[str] = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]).upper()
        message = str(item["msg"]).removeprefix("Value error, ")
        lines.append(f"{where}: {message}" if where else message)
    return "\n".join(lines)
