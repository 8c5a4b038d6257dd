"""Webhook delivery: the secret header, retries with backoff, pending counts, replies as methods."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiogram import Bot
from aiohttp import web

from sandbox.driver import SandboxDriver

SECRET = "s3cr3t-token_1"


@dataclass
class Receiver:
    """A tiny webhook endpoint: answers with the queued statuses first, then 200."""

    url: str = ""
    updates: list[dict[str, Any]] = field(default_factory=list)
    secrets: list[str | None] = field(default_factory=list)
    failures: list[int] = field(default_factory=list)
    reply: dict[str, Any] | None = None
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle(self, request: web.Request) -> web.Response:
        self.secrets.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        if self.failures:
            return web.Response(status=self.failures.pop(0))
        self.updates.append(await request.json())
        self.arrived.set()
        if self.reply is not None:
            return web.json_response(self.reply)
        return web.Response()

    async def wait_for(self, count: int) -> None:
        async with asyncio.timeout(5):
            while len(self.updates) < count:
                self.arrived.clear()
                await self.arrived.wait()


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    receiver.url = f"http://127.0.0.1:{port}/hook"
    yield receiver
    await runner.cleanup()


async def test_updates_go_to_the_webhook_with_the_secret(
    bot: Bot, driver: SandboxDriver, user: int, receiver: Receiver
) -> None:
    await bot.set_webhook(receiver.url, secret_token=SECRET, drop_pending_updates=True)
    try:
        await driver.send_text(user, "hello")
        await driver.send_text(user, "again")
        await receiver.wait_for(2)
        assert [u["message"]["text"] for u in receiver.updates] == ["hello", "again"]
        assert set(receiver.secrets) == {SECRET}
        info = await bot.get_webhook_info()
        assert info.url == receiver.url
        assert info.pending_update_count == 0
    finally:
        await bot.delete_webhook()
    assert (await bot.get_webhook_info()).url == ""


async def test_failed_deliveries_are_retried(
    bot: Bot, driver: SandboxDriver, user: int, receiver: Receiver
) -> None:
    receiver.failures = [500, 502]
    await bot.set_webhook(receiver.url, drop_pending_updates=True)
    try:
        await driver.send_text(user, "retry me")
        await receiver.wait_for(1)
        assert receiver.updates[0]["message"]["text"] == "retry me"
        assert len(receiver.secrets) == 3  # two failures, then the delivery
        info = await bot.get_webhook_info()
        assert info.last_error_message is not None
        assert info.last_error_message.startswith("Wrong response from the webhook: 502")
        assert info.last_error_date is not None
    finally:
        await bot.delete_webhook()


async def test_pending_updates_count_and_drop(bot: Bot, driver: SandboxDriver, user: int) -> None:
    await bot.set_webhook("http://127.0.0.1:9/nobody-listens", drop_pending_updates=True)
    try:
        await driver.send_text(user, "lost?")
        await driver.send_text(user, "still here")
        await asyncio.sleep(0.1)
        info = await bot.get_webhook_info()
        assert info.pending_update_count == 2
        assert info.last_error_message == "Connection refused"
    finally:
        await bot.delete_webhook(drop_pending_updates=True)
    assert (await bot.get_webhook_info()).pending_update_count == 0


async def test_webhook_answer_runs_a_method(
    bot: Bot, driver: SandboxDriver, user: int, receiver: Receiver
) -> None:
    receiver.reply = {"method": "sendMessage", "chat_id": user, "text": "pong"}
    await bot.set_webhook(receiver.url, drop_pending_updates=True)
    try:
        await driver.send_text(user, "ping")
        [reply] = await driver.wait_for_messages(user)
        assert reply.text == "pong"
    finally:
        await bot.delete_webhook()
