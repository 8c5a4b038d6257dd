"""The webhook endpoint in process: when it answers Telegram, and what it answers while stopping."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.in_hand import UpdatesInHand
from bot.webhook import SECRET_HEADER, WebhookEndpoint
from tests.conftest import TEST_TOKEN, Harness
from tests.support.fake_telegram import FakeTelegram

SECRET = "the-secret_1"
_update_ids = iter(range(500_001, 600_000))


class SlowTelegram(FakeTelegram):
    """Holds every sendMessage until `go` is set: Telegram being slow to answer."""

    def __init__(self) -> None:
        super().__init__()
        self.go = asyncio.Event()
        self.asked = asyncio.Event()

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        if isinstance(method, SendMessage):
            self.asked.set()
            await self.go.wait()
        return await super().make_request(bot, method, timeout)


class Endpoint:
    def __init__(
        self, client: TestClient[Any, Any], webhook: WebhookEndpoint, telegram: SlowTelegram
    ):
        self.client, self.webhook, self.telegram = client, webhook, telegram
        self.in_hand = webhook.in_hand

    async def post_start(self, user_id: int) -> int:
        update = {
            "update_id": next(_update_ids),
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private"},
                "from": {"id": user_id, "is_bot": False, "first_name": "Aigul"},
                "text": "/start",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            },
        }
        response = await self.client.post("/hook", json=update, headers={SECRET_HEADER: SECRET})
        return response.status

    def texts(self, user_id: int) -> list[str]:
        return [shown.text for shown in self.telegram.chat(user_id).messages]


@pytest.fixture
async def endpoint(koldo: Harness) -> AsyncIterator[Endpoint]:
    telegram = SlowTelegram()
    bot = Bot(TEST_TOKEN, session=telegram, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    in_hand = UpdatesInHand(koldo.dispatcher, bot)
    app = web.Application()
    webhook = WebhookEndpoint(in_hand, SECRET)
    app.router.add_post("/hook", webhook.handle)
    async with TestClient(TestServer(app)) as client:
        yield Endpoint(client, webhook, telegram)
        telegram.go.set()
        await in_hand.finish(5)


async def test_an_update_is_answered_once_its_reply_has_gone_out(
    endpoint: Endpoint, koldo: Harness
) -> None:
    user = koldo.person().user.id
    endpoint.telegram.go.set()
    assert await endpoint.post_start(user) == 200
    assert endpoint.texts(user) == [koldo.t("ky")("welcome")]


async def test_a_slow_update_is_answered_before_telegram_gives_up_and_still_finished(
    endpoint: Endpoint, koldo: Harness
) -> None:
    user = koldo.person().user.id
    endpoint.webhook.answer_within = 0.2  # Telegram's 60 s, shortened
    assert await endpoint.post_start(user) == 200
    assert endpoint.texts(user) == [] and len(endpoint.in_hand) == 1
    endpoint.telegram.go.set()
    assert await endpoint.in_hand.finish(5) == 0
    assert endpoint.texts(user) == [koldo.t("ky")("welcome")]


async def test_a_stopping_replica_answers_503_and_takes_nothing(
    endpoint: Endpoint, koldo: Harness
) -> None:
    user = koldo.person().user.id
    endpoint.in_hand.close()
    assert await endpoint.post_start(user) == 503
    assert len(endpoint.in_hand) == 0 and endpoint.texts(user) == []


async def test_an_update_cut_short_by_the_shutdown_timeout_is_answered_503(
    endpoint: Endpoint, koldo: Harness
) -> None:
    user = koldo.person().user.id
    posted = asyncio.create_task(endpoint.post_start(user))
    await endpoint.telegram.asked.wait()
    assert await endpoint.in_hand.finish(0) == 1
    assert await posted == 503  # Telegram sends it again
    assert endpoint.texts(user) == []
