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
from tests.sandbox.conftest import NewUser

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
    # While closed, updates are received but not answered (a bot busy handling them).
    gate: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.gate.set()

    async def handle(self, request: web.Request) -> web.Response:
        self.secrets.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        if self.failures:
            return web.Response(status=self.failures.pop(0))
        self.updates.append(await request.json())
        self.arrived.set()
        await self.gate.wait()
        if self.reply is not None:
            return web.json_response(self.reply)
        return web.Response()

    async def wait_for(self, count: int) -> None:
        async with asyncio.timeout(5):
            while len(self.updates) < count:
                self.arrived.clear()
                await self.arrived.wait()

    @property
    def texts(self) -> list[str]:
        return [u["message"]["text"] for u in self.updates]


class Receivers:
    """Webhook endpoints on ports of their own, as replicas of a bot; one can be stopped."""

    def __init__(self) -> None:
        self.runners: dict[str, web.AppRunner] = {}
        self.started: list[Receiver] = []
        self.arrived = asyncio.Event()  # set by each of them

    async def start(self) -> Receiver:
        receiver = Receiver(arrived=self.arrived)
        self.started.append(receiver)
        app = web.Application()
        app.router.add_post("/hook", receiver.handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        receiver.url = f"http://127.0.0.1:{port}/hook"
        self.runners[receiver.url] = runner
        return receiver

    async def stop(self, receiver: Receiver) -> None:
        receiver.gate.set()
        await self.runners.pop(receiver.url).cleanup()

    async def wait_for(self, count: int) -> None:
        """Until they have received `count` updates between them."""
        async with asyncio.timeout(5):
            while True:
                self.arrived.clear()
                if sum(len(r.updates) for r in self.started) >= count:
                    return
                await self.arrived.wait()

    async def stop_all(self) -> None:
        for runner in self.runners.values():
            await runner.cleanup()


@pytest.fixture
async def receivers() -> AsyncIterator[Receivers]:
    started = Receivers()
    yield started
    await started.stop_all()


@pytest.fixture
async def receiver(receivers: Receivers) -> Receiver:
    return await receivers.start()


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


async def test_one_chat_waits_for_its_previous_update_and_other_chats_do_not(
    bot: Bot, driver: SandboxDriver, new_user: NewUser, receiver: Receiver
) -> None:
    first, second = await new_user(), await new_user()
    receiver.gate.clear()  # the bot is slow to answer
    await bot.set_webhook(receiver.url, drop_pending_updates=True)
    try:
        await driver.send_text(first, "a1")
        await driver.send_text(first, "a2")
        await driver.send_text(second, "b1")
        await receiver.wait_for(2)
        await asyncio.sleep(0.2)  # time enough for a2 to arrive, were it sent
        assert sorted(receiver.texts) == ["a1", "b1"]
        receiver.gate.set()
        await receiver.wait_for(3)
        assert receiver.texts[2] == "a2"
    finally:
        await bot.delete_webhook()


async def test_a_balancer_spreads_updates_over_replicas_each_chat_in_order(
    bot: Bot, driver: SandboxDriver, new_user: NewUser, receivers: Receivers
) -> None:
    replicas = [await receivers.start(), await receivers.start()]
    public = "http://koldo.balancer.invalid/hook"
    await driver.set_balancer(public, [r.url for r in replicas])
    await bot.set_webhook(public, secret_token=SECRET, drop_pending_updates=True)
    try:
        people = [await new_user(), await new_user()]
        for n in range(4):
            for person in people:
                await driver.send_text(person, f"{person}:{n}")
        await receivers.wait_for(8)
        assert all(r.updates for r in replicas)
        assert {s for r in replicas for s in r.secrets} == {SECRET}
        delivered = sorted((u for r in replicas for u in r.updates), key=lambda u: u["update_id"])
        for person in people:
            mine = [u["message"]["text"] for u in delivered if u["message"]["chat"]["id"] == person]
            assert mine == [f"{person}:{n}" for n in range(4)]
        accepted = (await driver.balancers())[public]["accepted"]
        assert accepted == {r.url: len(r.updates) for r in replicas}
    finally:
        await bot.delete_webhook()
        await driver.set_balancer(public, [])


async def test_by_hash_a_chat_stays_on_one_replica_until_it_stops(
    bot: Bot, driver: SandboxDriver, user: int, receivers: Receivers
) -> None:
    replicas = [await receivers.start(), await receivers.start()]
    public = "http://koldo.balancer.invalid/hook"
    await driver.set_balancer(public, [r.url for r in replicas], balance="hash")
    await bot.set_webhook(public, drop_pending_updates=True)
    try:
        for n in range(3):
            await driver.send_text(user, f"before {n}")
        await receivers.wait_for(3)
        [serving] = [r for r in replicas if r.updates]
        [other] = [r for r in replicas if r is not serving]
        await receivers.stop(serving)
        await driver.send_text(user, "after")
        await other.wait_for(1)
        assert other.texts == ["after"]
        assert serving.texts == [f"before {n}" for n in range(3)]
    finally:
        await bot.delete_webhook()
        await driver.set_balancer(public, [])


async def test_setting_the_same_webhook_again_leaves_deliveries_under_way(
    bot: Bot, driver: SandboxDriver, user: int, receiver: Receiver
) -> None:
    """A second replica starting sets the webhook its first one set: an update in flight to
    the first is not sent again."""
    receiver.gate.clear()
    await bot.set_webhook(receiver.url, secret_token=SECRET, drop_pending_updates=True)
    try:
        await driver.send_text(user, "in flight")
        await receiver.wait_for(1)
        assert await bot.set_webhook(receiver.url, secret_token=SECRET)
        receiver.gate.set()
        await driver.send_text(user, "next")
        await receiver.wait_for(2)
        await asyncio.sleep(0.2)
        assert receiver.texts == ["in flight", "next"]
    finally:
        await bot.delete_webhook()
