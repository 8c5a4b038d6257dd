"""One sandbox server for the whole run; a fresh bot (token) and fresh users for each test."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from sandbox import Faults, SandboxServer, start_sandbox
from sandbox.driver import SandboxDriver, make_token
from sandbox.webhook import RetryPolicy
from tests.support.clients import AiogramClient, Client, PtbClient, RecordingRequest

_bot_ids = itertools.count(7_100_001)
_user_ids = itertools.count(91_000_001)

NewUser = Callable[..., Awaitable[int]]
MakeBot = Callable[[str | None], Bot]
MakeClient = Callable[[str | None], Client]


@pytest.fixture(scope="session")
async def sandbox() -> AsyncIterator[SandboxServer]:
    fast_retries = RetryPolicy(first_delay=0.05, max_delay=0.2, request_timeout=5.0)
    server = await start_sandbox(webhook_retry=fast_retries, seed=1)
    yield server
    await server.stop()


@pytest.fixture(autouse=True)
async def calm_sandbox(sandbox: SandboxServer) -> AsyncIterator[None]:
    """Tests start without limits or faults; the ones about them switch them on."""
    sandbox.world.limits.update({"enabled": False, "duplicate_window": 10.0})
    yield
    sandbox.world.limits.update({"enabled": False, "duplicate_window": 10.0})
    sandbox.world.faults.update(Faults().to_dict())


@pytest.fixture(scope="session")
async def api_session(sandbox: SandboxServer) -> AsyncIterator[AiohttpSession]:
    """Shared by the tests' bots: closing an aiogram session costs a quarter of a second."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(sandbox.url))
    yield session
    await session.close()


@pytest.fixture
async def make_bot(sandbox: SandboxServer) -> AsyncIterator[MakeBot]:
    """More bots, each with its own aiogram session: make_bot(None) for a fresh token."""
    made: list[Bot] = []

    def make(token: str | None) -> Bot:
        session = AiohttpSession(api=TelegramAPIServer.from_base(sandbox.url))
        made.append(Bot(token or make_token(next(_bot_ids)), session=session))
        return made[-1]

    yield make
    for bot in made:
        await bot.session.close()


@pytest.fixture
async def bot(api_session: AiohttpSession) -> Bot:
    bot = Bot(make_token(next(_bot_ids)), session=api_session)
    await bot.get_me()  # the sandbox learns a bot from its first call, as any token is valid
    return bot


@pytest.fixture(scope="session")
async def ptb_requests() -> AsyncIterator[tuple[RecordingRequest, RecordingRequest]]:
    """Shared by the tests' python-telegram-bot bots, like api_session for aiogram's."""
    requests = PtbClient.requests()
    yield requests
    for request in requests:
        await request.shutdown()


@pytest.fixture(params=["aiogram", "ptb"])
async def client(
    request: pytest.FixtureRequest,
    sandbox: SandboxServer,
    bot: Bot,
    ptb_requests: tuple[RecordingRequest, RecordingRequest],
) -> Client:
    """The test's bot through aiogram, then through python-telegram-bot: the same token, so
    the same bot in the sandbox, and `driver` and `user` work with either."""
    if request.param == "aiogram":
        return AiogramClient(bot)
    ptb = PtbClient.for_token(sandbox.url, bot.token, ptb_requests)
    await ptb.bot.initialize()  # PTB's getMe, parsed by PTB
    return ptb


@pytest.fixture
def make_client(
    client: Client,
    make_bot: MakeBot,
    sandbox: SandboxServer,
    ptb_requests: tuple[RecordingRequest, RecordingRequest],
) -> MakeClient:
    """Another bot through the same library as `client`: make_client(None) for a fresh token."""

    def make(token: str | None) -> Client:
        if isinstance(client, AiogramClient):
            return AiogramClient(make_bot(token))
        token = token or make_token(next(_bot_ids))
        return PtbClient.for_token(sandbox.url, token, ptb_requests)

    return make


@pytest.fixture
async def driver(sandbox: SandboxServer, bot: Bot) -> AsyncIterator[SandboxDriver]:
    async with SandboxDriver(sandbox.url, bot_id=bot.id) as driver:
        yield driver


@pytest.fixture
def new_user(driver: SandboxDriver) -> NewUser:
    async def create(first_name: str = "Aigul", **fields: object) -> int:
        user_id = next(_user_ids)
        await driver.create_user(user_id, first_name, **fields)  # type: ignore[arg-type]
        return user_id

    return create


@pytest.fixture
async def user(driver: SandboxDriver, new_user: NewUser) -> int:
    """A user who has already written to the bot, so the bot may answer."""
    user_id = await new_user(language_code="ky")
    await driver.send_command(user_id, "start")
    return user_id
