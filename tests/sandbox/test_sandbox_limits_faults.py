"""Telegram's flood limits and the injected faults, switched on and off while running."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)

from sandbox import SandboxServer
from sandbox.driver import SandboxDriver, SandboxError

NewUser = Callable[..., Awaitable[int]]


async def test_private_chat_limit_allows_a_short_burst(
    bot: Bot, driver: SandboxDriver, user: int
) -> None:
    await driver.set_limits(enabled=True, private_chat_burst=3, per_private_chat_per_second=1)
    before = (await driver.counters())["too_many_requests"]
    for number in range(3):
        await bot.send_message(user, f"burst {number}")
    with pytest.raises(TelegramRetryAfter) as refused:
        await bot.send_message(user, "one too many")
    assert refused.value.retry_after >= 1
    assert "Too Many Requests: retry after" in refused.value.message
    assert (await driver.counters())["too_many_requests"] == before + 1
    await driver.set_limits(enabled=False)
    await bot.send_message(user, "limits off")


async def test_raw_429_shape(
    sandbox: SandboxServer, bot: Bot, user: int, driver: SandboxDriver
) -> None:
    await driver.set_limits(enabled=True, private_chat_burst=1)
    url = f"{sandbox.url}/bot{bot.token}/sendMessage"
    async with aiohttp.ClientSession() as http:
        await http.post(url, json={"chat_id": user, "text": "first"})
        async with http.post(url, json={"chat_id": user, "text": "second"}) as response:
            body = await response.json()
    assert response.status == 429
    retry_after = body["parameters"]["retry_after"]
    assert body == {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {retry_after}",
        "parameters": {"retry_after": retry_after},
    }


async def test_bot_wide_limit_and_paid_broadcasts(
    bot: Bot, driver: SandboxDriver, new_user: NewUser
) -> None:
    users = [await new_user(f"User {n}", started=True) for n in range(6)]
    await driver.set_limits(enabled=True, per_bot_per_second=5, paid_broadcast_per_second=100)
    for user in users[:5]:
        await bot.send_message(user, "update")
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(users[5], "update")
    await bot.send_message(users[5], "paid update", allow_paid_broadcast=True)


async def test_group_limit_per_minute(bot: Bot, driver: SandboxDriver, user: int) -> None:
    group = await driver.create_group("Coordinators", [user])
    await driver.set_limits(enabled=True, per_group_per_minute=2)
    await bot.send_message(group["id"], "one")
    await bot.send_message(group["id"], "two")
    with pytest.raises(TelegramRetryAfter) as refused:
        await bot.send_message(group["id"], "three")
    assert 20 <= refused.value.retry_after <= 30


# What api.telegram.org's nginx front end answers when the Bot API server behind it does not.
NGINX_PAGES = {
    502: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n",
    504: "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n"
    "<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n",
}


async def test_server_errors_switch_on_and_off(bot: Bot, driver: SandboxDriver, user: int) -> None:
    await driver.set_faults(error_rate=1.0, methods=["sendMessage"])
    with pytest.raises(ClientDecodeError) as failed:  # what aiogram makes of nginx's page
        await bot.send_message(user, "hello")
    assert "<title>502 Bad Gateway</title>" in failed.value.data
    await bot.get_me()  # other methods are spared
    assert (await driver.counters())["server_errors"] >= 1
    await driver.clear_faults()
    await bot.send_message(user, "hello")


@pytest.mark.parametrize("status", [502, 504])
async def test_gateway_faults_are_nginx_html_pages(
    sandbox: SandboxServer, bot: Bot, driver: SandboxDriver, user: int, status: int
) -> None:
    await driver.set_faults(error_rate=1.0, error_statuses=[status], methods=["sendMessage"])
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{sandbox.url}/bot{bot.token}/sendMessage", json={"chat_id": user, "text": "hi"}
        ) as response,
    ):
        assert response.status == status
        assert response.headers["Content-Type"] == "text/html"
        assert response.headers["Server"] == "nginx/1.18.0"
        assert await response.text() == NGINX_PAGES[status]
    assert [m.text for m in await driver.bot_messages(user)] == []  # nothing was sent


async def test_internal_error_fault_stays_json(
    sandbox: SandboxServer, bot: Bot, driver: SandboxDriver, user: int
) -> None:
    await driver.set_faults(error_rate=1.0, error_statuses=[500], methods=["sendMessage"])
    with pytest.raises(TelegramServerError, match="Internal Server Error"):
        await bot.send_message(user, "hello")
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{sandbox.url}/bot{bot.token}/sendMessage", json={"chat_id": user, "text": "hi"}
        ) as response,
    ):
        assert response.status == 500
        assert response.content_type == "application/json"
        assert await response.json() == {
            "ok": False,
            "error_code": 500,
            "description": "Internal Server Error",
        }


async def test_scripted_faults_come_in_turn_then_calls_succeed(
    sandbox: SandboxServer, bot: Bot, driver: SandboxDriver, user: int
) -> None:
    await driver.reset_counters()
    await driver.set_faults(next_faults=[504, "drop", 500], methods=["sendMessage"])
    await bot.get_me()  # spared: not one of the methods, takes no scripted fault
    url = f"{sandbox.url}/bot{bot.token}/sendMessage"
    async with aiohttp.ClientSession() as http:
        async with http.post(url, json={"chat_id": user, "text": "1"}) as response:
            assert (response.status, await response.text()) == (504, NGINX_PAGES[504])
        with pytest.raises(aiohttp.ServerDisconnectedError):
            await http.post(url, json={"chat_id": user, "text": "2"})
        async with http.post(url, json={"chat_id": user, "text": "3"}) as response:
            assert (response.status, (await response.json())["error_code"]) == (500, 500)
        async with http.post(url, json={"chat_id": user, "text": "4"}) as response:
            assert response.status == 200
    assert [m.text for m in await driver.bot_messages(user)] == ["4"]
    counters = await driver.counters()
    assert (counters["server_errors"], counters["dropped_connections"]) == (2, 1)
    assert (await driver.set_faults())["next_faults"] == []


@pytest.mark.parametrize(
    "changes", [{"error_statuses": [503]}, {"error_statuses": []}, {"next_faults": [404]}]
)
async def test_only_the_server_errors_telegram_gives(
    driver: SandboxDriver, changes: dict[str, object]
) -> None:
    with pytest.raises(SandboxError) as refused:
        await driver.set_faults(**changes)
    assert refused.value.status == 400


async def test_dropped_connections(bot: Bot, driver: SandboxDriver, user: int) -> None:
    await driver.set_faults(drop_rate=1.0, methods=["sendMessage"])
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(user, "hello")
    assert (await driver.counters())["dropped_connections"] >= 1


async def test_added_latency(bot: Bot, driver: SandboxDriver) -> None:
    await driver.set_faults(latency=0.3)
    started = time.monotonic()
    await bot.get_me()
    assert time.monotonic() - started >= 0.3


async def test_blocking_sends_my_chat_member_and_writing_unblocks(
    bot: Bot, driver: SandboxDriver, user: int
) -> None:
    updates = await bot.get_updates(timeout=0)
    offset = updates[-1].update_id + 1
    await driver.block_bot(user)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(user, "news")
    [blocked] = await bot.get_updates(offset=offset, timeout=0)
    assert blocked.my_chat_member is not None
    assert blocked.my_chat_member.new_chat_member.status == "kicked"
    await driver.send_command(user, "start")
    await bot.send_message(user, "welcome back")


async def test_counters_messages_and_duplicates(
    bot: Bot, driver: SandboxDriver, user: int, new_user: NewUser
) -> None:
    other = await new_user("Other", started=True)
    await driver.reset_counters()
    await bot.send_message(user, "Ceasefire announced")
    await bot.send_message(user, "Ceasefire announced")  # same text, same chat: a duplicate
    await bot.send_message(other, "Ceasefire announced")  # another chat: not a duplicate
    counters = await driver.counters()
    assert counters["messages_per_chat"] == {str(user): 2, str(other): 1}
    assert counters["messages_total"] == 3
    assert counters["duplicates_per_chat"] == {str(user): 1}

    await driver.set_limits(duplicate_window=0.0)
    await bot.send_message(other, "Evacuation route")
    await asyncio.sleep(0.01)
    await bot.send_message(other, "Evacuation route")
    assert (await driver.counters())["duplicates_total"] == 1  # outside a zero window
    await driver.set_limits(duplicate_window=None)
    await bot.send_message(other, "Evacuation route")
    assert (await driver.counters())["duplicates_total"] == 2  # at any distance
    assert (await driver.reset_counters())["messages_total"] == 0
