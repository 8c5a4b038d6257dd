"""One sandbox for the end-to-end tests; a fresh bot token, fresh people and empty tables each."""

from __future__ import annotations

import itertools
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from sandbox import Faults, Limits, SandboxServer, start_sandbox
from sandbox.driver import SandboxDriver, make_token
from tests.conftest import App, Backend, empty_tables
from tests.support.e2e import KoldoProcess, Phone

_bot_ids = itertools.count(6_100_001)
_user_ids = itertools.count(61_000_001)
StartKoldo = Callable[..., Awaitable[KoldoProcess]]


@pytest.fixture(scope="session")
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = await start_sandbox(limits=Limits(enabled=False), seed=7)
    yield server
    await server.stop()


@pytest.fixture
async def token(sandbox: SandboxServer, app: App) -> AsyncIterator[str]:
    await empty_tables(app.resources)
    sandbox.world.limits.update(Limits(enabled=False).to_dict())
    yield make_token(next(_bot_ids))
    sandbox.world.limits.update(Limits(enabled=False).to_dict())
    sandbox.world.faults.update(Faults().to_dict())


@pytest.fixture
async def driver(sandbox: SandboxServer, token: str) -> AsyncIterator[SandboxDriver]:
    async with SandboxDriver(sandbox.url) as connected:
        await connected.add_bot(token)
        connected.bot_id = int(token.split(":")[0])
        yield connected


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def start_koldo(
    sandbox: SandboxServer, token: str, backend: Backend
) -> AsyncIterator[StartKoldo]:
    started: list[KoldoProcess] = []

    async def start(webhook: bool = False) -> KoldoProcess:
        env = {
            "KOLDO_BOT_TOKEN": token,
            "KOLDO_TELEGRAM_API_URL": sandbox.url,
            "KOLDO_DATABASE_URL": backend.database_url,
            "KOLDO_REDIS_URL": backend.redis_url,
            "KOLDO_REDIS_PREFIX": f"koldo-e2e-{uuid.uuid4().hex[:10]}",
            "KOLDO_LOG_LEVEL": "INFO",
        }
        ready = "Run polling for bot"
        if webhook:
            port = free_port()
            env |= {
                "KOLDO_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram/koldo",
                "KOLDO_WEBHOOK_SECRET": uuid.uuid4().hex,
                "KOLDO_WEBHOOK_HOST": "127.0.0.1",
                "KOLDO_WEBHOOK_PORT": str(port),
            }
            ready = "webhook server on port"
        process = KoldoProcess(env)
        started.append(process)
        await process.start(ready)
        return process

    yield start
    for process in started:
        await process.stop()


@pytest.fixture
def person(driver: SandboxDriver, app: App) -> Callable[..., Awaitable[Phone]]:
    async def create(language_code: str = "ru", locale: str = "ru") -> Phone:
        user_id = next(_user_ids)
        await driver.create_user(user_id, "Айгүл", language_code=language_code)
        return Phone(driver, user_id, app.resources.localization.translator(locale))

    return create
