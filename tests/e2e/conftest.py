"""One sandbox for the end-to-end tests; a fresh bot token, fresh people and empty tables each."""

from __future__ import annotations

import itertools
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

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


WEBHOOK_PATH = "/telegram/koldo"


@dataclass(frozen=True)
class Deployment:
    """What the replicas of one deployment share: the Redis keys, the webhook's secret and its
    public address (the load balancer's, when there are several replicas). Each replica listens
    on a port of its own; a replica started again takes its old port."""

    redis_prefix: str
    secret: str
    ports: tuple[int, ...]

    @classmethod
    def new(cls, replicas: int = 1) -> Deployment:
        return cls(
            f"koldo-e2e-{uuid.uuid4().hex[:10]}",
            uuid.uuid4().hex,
            tuple(free_port() for _ in range(replicas)),
        )

    def local_url(self, replica: int) -> str:
        return f"http://127.0.0.1:{self.ports[replica]}{WEBHOOK_PATH}"

    @property
    def local_urls(self) -> list[str]:
        return [self.local_url(replica) for replica in range(len(self.ports))]

    @property
    def public_url(self) -> str:
        """The address set with setWebhook: the sandbox's load balancer knows it."""
        if len(self.ports) == 1:
            return self.local_url(0)
        return f"http://balancer.{self.redis_prefix}.invalid{WEBHOOK_PATH}"


@pytest.fixture
async def start_koldo(
    sandbox: SandboxServer, token: str, backend: Backend
) -> AsyncIterator[StartKoldo]:
    started: list[KoldoProcess] = []

    async def start(
        webhook: bool = False,
        deployment: Deployment | None = None,
        replica: int = 0,
        **settings: str,
    ) -> KoldoProcess:
        """`koldo run` (a replica of `deployment`, or on its own); more KOLDO_* settings by
        name, e.g. alert_poll_seconds="1"."""
        deployment = deployment or Deployment.new()
        env = {
            "KOLDO_BOT_TOKEN": token,
            "KOLDO_TELEGRAM_API_URL": sandbox.url,
            "KOLDO_DATABASE_URL": backend.database_url,
            "KOLDO_REDIS_URL": backend.redis_url,
            "KOLDO_REDIS_PREFIX": deployment.redis_prefix,
            "KOLDO_LOG_LEVEL": "INFO",
        } | {f"KOLDO_{name.upper()}": value for name, value in settings.items()}
        ready = "polling for updates"
        if webhook:
            env |= {
                "KOLDO_WEBHOOK_URL": deployment.public_url,
                "KOLDO_WEBHOOK_SECRET": deployment.secret,
                "KOLDO_WEBHOOK_HOST": "127.0.0.1",
                "KOLDO_WEBHOOK_PORT": str(deployment.ports[replica]),
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
