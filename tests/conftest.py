"""Fixtures shared by all tests.

Every test that takes `koldo` runs twice: on SQLite with in-memory FSM, and on PostgreSQL with
Redis FSM (`KOLDO_TEST_BACKENDS=sqlite` or `=postgres` picks one). An unreachable PostgreSQL or
Redis is an error, never a skip: CI must prove both.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from redis.asyncio import Redis
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import Resources, create_dispatcher
from bot.config import Settings
from bot.i18n import Translator
from storage.database import upgrade
from storage.models import Base
from tests.support.fake_telegram import FakeTelegram
from tests.support.people import Person

TEST_TOKEN = "42:TEST-token-for-the-dispatcher-tests-0123456789"
POSTGRES_URL = os.environ.get(
    "KOLDO_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("KOLDO_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
_user_ids = itertools.count(100_001)
BACKENDS = os.environ.get("KOLDO_TEST_BACKENDS", "sqlite,postgres").split(",")


@dataclass(frozen=True)
class Backend:
    name: str
    database_url: str
    redis_url: str


async def _admin_connection() -> asyncpg.Connection:
    admin = make_url(POSTGRES_URL)
    try:
        return await asyncpg.connect(
            host=admin.host,
            port=admin.port,
            user=admin.username,
            password=admin.password,
            database=admin.database,
        )
    except OSError as error:
        raise RuntimeError(
            f"PostgreSQL is not reachable at {admin.host}:{admin.port}; start it, or run only "
            "the SQLite tests with KOLDO_TEST_BACKENDS=sqlite"
        ) from error


async def _as_admin(*statements: str) -> None:
    connection = await _admin_connection()
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


async def fresh_postgres_database(name: str) -> str:
    await _as_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


async def drop_postgres_database(name: str) -> None:
    await _as_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _check_redis(url: str) -> None:
    client = Redis.from_url(url)
    try:
        await client.ping()
    except OSError as error:
        raise RuntimeError(f"Redis is not reachable at {url}") from error
    finally:
        await client.aclose()


@pytest.fixture(scope="session", params=BACKENDS)
async def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Backend]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "koldo.sqlite3"
        url = f"sqlite+aiosqlite:///{path}"
        await upgrade(url)
        yield Backend("sqlite", url, "")
        return
    await _check_redis(REDIS_URL)
    # A name of this run's own, never a process id: ids come back on a busy machine, and a
    # name found again would hand this run's deliveries to whatever still uses it.
    name = f"koldo_test_{uuid.uuid4().hex[:12]}"
    url = await fresh_postgres_database(name)
    await upgrade(url)
    yield Backend("postgres", url, REDIS_URL)
    await drop_postgres_database(name)


@dataclass
class Harness:
    resources: Resources
    dispatcher: Dispatcher
    bot: Bot
    telegram: FakeTelegram
    backend: Backend

    def person(self, user_id: int | None = None, language_code: str | None = "ru") -> Person:
        user_id = user_id or next(_user_ids)
        person = Person(self.dispatcher, self.bot, self.telegram, user_id, language_code)
        self.telegram.chat(user_id)
        return person

    def t(self, locale: str) -> Translator:
        return self.resources.localization.translator(locale)

    def session(self) -> AsyncSession:
        return self.resources.session_factory()


def make_settings(backend: Backend, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "bot_token": TEST_TOKEN,
        "database_url": backend.database_url,
        "redis_url": backend.redis_url,
        "redis_prefix": f"koldo-test-{uuid.uuid4().hex[:12]}",
        "telegram_api_url": "http://127.0.0.1:9",
        "admin_ids": frozenset(),
        "webhook_url": "",
        "default_locale": "ky",
        # Tests tap far faster than people; flood control has its own test.
        "throttle_limit": 10_000,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


async def empty_tables(resources: Resources) -> None:
    async with resources.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            await connection.execute(table.delete())


@dataclass
class App:
    """The bot of one backend. aiogram routers belong to one Dispatcher for good, so each
    backend gets one for the whole run; tests stay apart by fresh people and empty tables."""

    settings: Settings
    resources: Resources
    dispatcher: Dispatcher


@pytest.fixture(scope="session")
async def app(backend: Backend) -> AsyncIterator[App]:
    settings = make_settings(backend)
    resources = Resources.open(settings)
    dispatcher = create_dispatcher(resources)
    yield App(settings, resources, dispatcher)
    if resources.redis is not None:
        keys = [key async for key in resources.redis.scan_iter(f"{settings.redis_prefix}:*")]
        if keys:
            await resources.redis.delete(*keys)
    await dispatcher.storage.close()
    await resources.close()


@pytest.fixture
async def koldo(app: App, backend: Backend) -> Harness:
    await empty_tables(app.resources)
    telegram = FakeTelegram()
    bot = Bot(TEST_TOKEN, session=telegram, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    return Harness(app.resources, app.dispatcher, bot, telegram, backend)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return Path(__file__).resolve().parent.parent
