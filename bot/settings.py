"""The bot's configuration: environment variables and an optional `.env`, validated once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.matching import Thresholds

_DEFAULTS = Thresholds()
SHIPPED_KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"

LogLevel = Literal["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"]
_SECRET_SHAPES = {
    "telegram_bot_token": (
        re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{1,100}$"),
        "expected the form 123456789:AbC-dEf... that BotFather gives",
    ),
    "webhook_secret": (
        re.compile(r"^[A-Za-z0-9_-]{1,256}$"),
        "use 1 to 256 characters from A-Z, a-z, 0-9, _ and -",
    ),
}


class SettingsError(Exception):
    """A setting has a bad value; the message is one line that names the variable."""


class Settings(BaseSettings):
    """Every setting of the bot; environment variable names are the field names in upper case."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    knowledge_path: Path = Field(
        default=SHIPPED_KNOWLEDGE, description="Folder of the YAML knowledge base."
    )
    telegram_bot_token: SecretStr | None = Field(
        default=None,
        description="Bot token from BotFather; without it the bot chats in a terminal.",
    )
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot",
        pattern=r"^https?://\S+$",
        description="Bot API base URL as python-telegram-bot's `base_url` takes it.",
    )
    bot_username: str | None = Field(
        default=None,
        pattern=r"^@?[A-Za-z][A-Za-z0-9_]{3,31}$",
        description="The bot's @username, for deep links when the bot cannot ask Telegram.",
    )
    maintainer: str | None = Field(
        default=None,
        min_length=1,
        max_length=300,
        description="Who runs this bot and how to reach them, shown at the end of /about "
        "(markup as in answers: **bold**, [text](https://...)).",
    )
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), description="Comma-separated Telegram user ids of the maintainers."
    )
    log_level: LogLevel = Field(default="INFO", description="Python logging level.")
    data_dir: Path = Field(default=Path("data"), description="Where the bot keeps its state.")
    store_url: str | None = Field(
        default=None,
        description="Where the usage records go; unset means sqlite:///DATA_DIR/bot.sqlite3.",
    )
    retention_days: int = Field(
        default=90, ge=1, le=3650, description="Days usage records are kept before purging."
    )
    quiz_seconds: int = Field(
        default=30,
        ge=5,
        le=600,
        description="How long each quiz question stays open before the next one comes.",
    )
    delivery_patience_seconds: float = Field(
        default=120,
        ge=0,
        le=3600,
        description="How long a reply Telegram refused for a passing reason (5xx, 429, no "
        "connection) is retried.",
    )
    stop_grace_seconds: float = Field(
        default=7,
        ge=0,
        le=60,
        description="On SIGTERM, how long replies in progress may finish; the rest are kept "
        "for the next start. Keep it below the container's stop timeout (docker: 10 s).",
    )
    health_send_failure_seconds: float = Field(
        default=120,
        gt=0,
        description="The health check fails when every reply has failed for this long.",
    )
    group_wait_seconds: float = Field(
        default=60,
        ge=0,
        le=600,
        description="When a group's answer would wait longer than this (Telegram allows 20 "
        "messages a minute in a group), it goes to the asker's private chat instead.",
    )
    webhook_url: str | None = Field(
        default=None,
        pattern=r"^https://\S+$",
        description="Public https URL Telegram posts updates to; unset means long polling.",
    )
    webhook_secret: SecretStr | None = Field(
        default=None,
        description="Secret Telegram sends with each update (1-256 of A-Z a-z 0-9 _ -).",
    )
    webhook_listen: str = Field(default="0.0.0.0", description="Address the webhook server binds.")
    webhook_port: int = Field(default=8443, ge=1, le=65535, description="Port it listens on.")
    webhook_max_connections: int = Field(
        default=40,
        ge=1,
        le=100,
        description="Connections Telegram may open to the webhook at once (setWebhook).",
    )
    match_answer_threshold: float = Field(
        default=_DEFAULTS.answer,
        ge=0,
        le=1,
        description="Confidence from which the bot answers (if the lead is wide enough).",
    )
    match_clarify_threshold: float = Field(
        default=_DEFAULTS.clarify,
        ge=0,
        le=1,
        description="Confidence from which the bot offers 'did you mean'; below it, no answer.",
    )
    match_min_lead: float = Field(
        default=_DEFAULTS.lead,
        ge=0,
        le=1,
        description="How far the top score must lead the runner-up for an answer.",
    )

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(
            self.match_answer_threshold, self.match_clarify_threshold, self.match_min_lead
        )

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: Any) -> Any:
        """Accept `1,2, 3` (the documented form) as well as a JSON list or an empty value."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                text = text[1:-1] if text.endswith("]") else text
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator(
        "telegram_bot_token",
        "webhook_secret",
        "bot_username",
        "webhook_url",
        "store_url",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("telegram_bot_token", "webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        """Checked without echoing the value: the message says the expected form only."""
        pattern, expected = _SECRET_SHAPES[str(info.field_name)]
        if value is not None and not pattern.match(value.get_secret_value()):
            raise ValueError(expected)
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is required when WEBHOOK_URL is set")
        return self

    @model_validator(mode="after")
    def _clarify_below_answer(self) -> Settings:
        if self.match_clarify_threshold > self.match_answer_threshold:
            raise ValueError(
                "MATCH_CLARIFY_THRESHOLD must not exceed MATCH_ANSWER_THRESHOLD "
                f"({self.match_clarify_threshold} > {self.match_answer_threshold})"
            )
        return self

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case_level(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    @field_validator("bot_username")
    @classmethod
    def _strip_at(cls, value: str | None) -> str | None:
        return value.removeprefix("@") if value else value


def load_settings(**overrides: Any) -> Settings:
    """Read the settings, turning a validation error into a one-line `SettingsError`."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        first = error.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
        if not first["loc"]:  # a rule across settings names its variables itself
            raise SettingsError(f"invalid settings: {message}{more}") from None
        name = str(first["loc"][0]).upper()
        raise SettingsError(f"invalid setting {name}: {message}{more}") from None
