"""The chat page in headless Chromium: a person taps a button and types, the bot hears both."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from sandbox import SandboxServer, start_sandbox
from sandbox.driver import make_token
from tests.support.browser import CHROMIUM_ARGS, chromium_executable

playwright = pytest.importorskip("playwright.async_api")

pytestmark = pytest.mark.browser


@pytest.fixture
async def family_sandbox() -> AsyncIterator[tuple[SandboxServer, Bot]]:
    token = make_token(8_800_001)
    people = [{"id": 501, "first_name": "Айгүл", "language_code": "ky", "role": "family"}]
    server = await start_sandbox(bots=[token], people=people)
    bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(server.url)))
    yield server, bot
    await bot.session.close()
    await server.stop()


async def test_tap_a_button_and_type(family_sandbox: tuple[SandboxServer, Bot]) -> None:
    executable = chromium_executable()
    server, bot = family_sandbox
    server.world.people[501].started_every_bot = True
    menu = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Shelters", callback_data="shelters")]]
    )
    await bot.send_message(501, "<b>Main menu</b>", parse_mode="HTML", reply_markup=menu)
    async with playwright.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 390, "height": 760})
            await page.goto(server.url + "/")
            column = page.locator(".column").first
            await column.locator(".inline-keyboard button", has_text="Shelters").click()
            await column.locator(".message-input").fill("Салам")
            await column.locator(".send").click()
            await column.locator(".bubble.outgoing", has_text="Салам").wait_for(timeout=5000)
            assert await column.locator(".bubble.incoming b").inner_text() == "Main menu"
        finally:
            await browser.close()
    updates = await bot.get_updates(timeout=0)
    assert updates[0].callback_query is not None and updates[0].callback_query.data == "shelters"
    assert updates[1].message is not None and updates[1].message.text == "Салам"
