"""Settings, read from the environment (prefix ``KOLDO_``) and from a ``.env`` file."""

from __future__ import annotations

import re
from datetime import time, timedelta, timezone
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Locale = Literal["ky", "ru", "en"]
LOCALES: tuple[Locale, ...] = ("ky", "ru", "en")
# Kyrgyzstan keeps UTC+6 all year: the days and times people of the region read and type
# (a family's "yesterday", an update's date, the hour an admin schedules for) are its own.
REGION_TIME = timezone(timedelta(hours=6))

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "koldo.sqlite3"
DEFAULT_DEMO_SQLITE_PATH = PROJECT_ROOT / "var" / "demo.sqlite3"
TELEGRAM_API_URL = "https://api.telegram.org"
# What Telegram accepts as a webhook's secret_token.
WEBHOOK_SECRET_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,256}")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="KOLDO_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    bot_token: SecretStr = SecretStr("")
    telegram_api_url: str = TELEGRAM_API_URL
    # Empty means the embedded SQLite file under var/, which upgrades its own schema.
    database_url: str = Field(default="", repr=False)
    # The SQLite file `koldo demo` keeps its data in; `koldo … --demo` acts on it.
    demo_database_path: Path = DEFAULT_DEMO_SQLITE_PATH
    # Empty means in-memory FSM, de-duplication and throttling (a single process only).
    redis_url: str = Field(default="", repr=False)
    # Every Redis key starts with it, so that deployments (or test runs) can share one Redis.
    redis_prefix: str = "koldo"
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    webhook_url: str = ""
    webhook_secret: SecretStr = SecretStr("")
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080
    default_locale: Locale = "ky"
    log_level: str = "INFO"
    # Flood control: more than `throttle_limit` updates in `throttle_window_seconds` is a flood.
    throttle_limit: int = Field(default=40, ge=1)
    throttle_window_seconds: float = Field(default=10.0, gt=0)
    urgent_escalation_minutes: int = Field(default=30, ge=1)
    # How often the alerts table is polled; also the window in which new cases are batched.
    alert_poll_seconds: float = Field(default=20.0, gt=0)
    # On SIGTERM or SIGINT: how long to finish the updates in hand and the alerts being sent.
    shutdown_timeout_seconds: float = Field(default=15.0, gt=0)
    # Broadcasts: messages per second for all workers together. Telegram allows about 30;
    # the rest is left for the bot's own replies to people, which keep priority.
    broadcast_rate: float = Field(default=28.0, gt=0)
    # Urgent broadcasts may pay for Telegram's higher rate (allow_paid_broadcast, Stars).
    paid_broadcast: bool = False
    # Telegram allows 1000 paid messages per second; some room is left for replies likewise.
    paid_broadcast_rate: float = Field(default=950.0, gt=0)
    # Sends under way at once in one worker: what a crash can send again without a record.
    broadcast_senders: int = Field(default=1, ge=1, le=32)
    # Data responsibility: the personal data of a case resolved this many days ago is erased by
    # itself (anonymous counts stay); missing-person reports and the person index (imported
    # lists, "we are safe") keep their own period; an unfinished form or any other FSM data
    # expires after `draft_days` without a touch.
    retention_days: int = Field(default=90, ge=1)
    people_retention_days: int = Field(default=365, ge=1)
    draft_days: float = Field(default=7.0, gt=0)
    # The hour (Kyrgyzstan's time, "HH:MM") at which admins who asked for it get the daily
    # situation report.
    report_at: time = time(8, 0)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(",", " ").split())
        if isinstance(value, int):
            return frozenset({value})
        return value

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        secret = self.webhook_secret.get_secret_value()
        if self.webhook_url and not WEBHOOK_SECRET_SHAPE.fullmatch(secret):
            raise ValueError(
                "KOLDO_WEBHOOK_SECRET must be set with a webhook: 1-256 characters of "
                "A-Z, a-z, 0-9, _ and -"
            )
        return self

    # A property, not a cached one: model_copy(update=...) would carry a stale cached value.
    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{DEFAULT_SQLITE_PATH}"

    @property
    def uses_embedded_database(self) -> bool:
        """A local SQLite file of Koldo's own (var/koldo.sqlite3, or the demo's), which
        upgrades its own schema; a configured database is upgraded with `koldo db upgrade`."""
        return not self.database_url or self.uses_demo_database

    @property
    def demo_database_url(self) -> str:
        return f"sqlite+aiosqlite:///{self.demo_database_path}"

    @property
    def uses_demo_database(self) -> bool:
        return self.database_url == self.demo_database_url

    def for_demo(self) -> Settings:
        """The same settings on the demo's data (`koldo demo`, and `koldo … --demo`)."""
        return self.model_copy(update={"database_url": self.demo_database_url})

    @property
    def webhook_path(self) -> str:
        return urlsplit(self.webhook_url).path or "/webhook"
