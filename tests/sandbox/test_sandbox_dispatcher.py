"""A tiny aiogram bot in polling mode, driven through the control API like a person would."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.filters import CommandStart
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)

from sandbox.driver import SandboxDriver


def echo_router() -> Router:
    router = Router()
    menu = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text="Shelters", callback_data="shelters")],
            [
                InlineKeyboardButton(text="Hotlines", callback_data="hotlines"),
                InlineKeyboardButton(text="Map", url="https://example.org"),
            ],
        ]
    )
    share = ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text="Send my number", request_contact=True)],
            [KeyboardButton(text="Where I am", request_location=True)],
        ],
        one_time_keyboard=True,
    )

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer("Main menu", reply_markup=menu)

    @router.message(F.text == "share")
    async def ask_to_share(message: Message) -> None:
        await message.answer("Tap a button", reply_markup=share)

    @router.message(F.contact)
    async def got_contact(message: Message) -> None:
        assert message.contact is not None
        await message.answer(f"contact of {message.contact.user_id}")

    @router.message(F.location)
    async def got_location(message: Message) -> None:
        assert message.location is not None
        await message.answer(f"at {message.location.latitude:.2f},{message.location.longitude:.2f}")

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    @router.callback_query()
    async def pressed(query: CallbackQuery) -> None:
        await query.answer(f"opening {query.data}")
        if isinstance(query.message, Message):
            await query.message.edit_text(f"You chose {query.data}", reply_markup=menu)

    return router


@pytest.fixture
async def polling_bot(bot: Bot) -> AsyncIterator[Bot]:
    dispatcher = Dispatcher()
    dispatcher.include_router(echo_router())
    task = asyncio.create_task(
        dispatcher.start_polling(
            bot, handle_signals=False, close_bot_session=False, polling_timeout=1
        )
    )
    yield bot
    await dispatcher.stop_polling()
    await task


async def test_echo(polling_bot: Bot, driver: SandboxDriver, user: int) -> None:
    await driver.wait_for_messages(user)  # the answer to /start from the user fixture
    await driver.send_text(user, "Салам!")
    [echo] = await driver.wait_for_messages(user)
    assert echo.text == "Салам!"


async def test_buttons_old_and_new(polling_bot: Bot, driver: SandboxDriver, user: int) -> None:
    [menu] = await driver.wait_for_messages(user)
    assert menu.buttons == [["Shelters"], ["Hotlines", "Map"]]

    await driver.press_button(user, "Shelters")
    answer = await driver.wait_for_callback_answer(user)
    assert answer["text"] == "opening shelters"
    [edited] = await driver.wait_for_messages(user, include_edits=True)
    assert edited.edited and edited.text == "You chose shelters"

    await driver.send_command(user, "start")
    [newer] = await driver.wait_for_messages(user)
    # A button on the older menu still works, by row and column.
    await driver.press_button(user, row=1, column=0, message_id=menu.message_id)
    [again] = await driver.wait_for_messages(user, include_edits=True)
    assert again.message_id == menu.message_id and again.text == "You chose hotlines"
    url_press = await driver.press_button(user, "Map", message_id=newer.message_id)
    assert url_press.callback_query is None  # a URL button sends the bot nothing


async def test_reply_keyboard_contact_and_location(
    polling_bot: Bot, driver: SandboxDriver, user: int
) -> None:
    await driver.wait_for_messages(user)
    await driver.send_text(user, "share")
    [ask] = await driver.wait_for_messages(user)
    assert ask.reply_buttons == [["Send my number"], ["Where I am"]]
    await driver.press_reply_button(user, "Send my number")
    [contact] = await driver.wait_for_messages(user)
    assert contact.text == f"contact of {user}"
    assert (await driver.transcript(user))["keyboard_hidden"] is True  # one_time_keyboard

    await driver.press_reply_button(user, "Where I am", place="Batken")
    [where] = await driver.wait_for_messages(user)
    assert where.text == "at 40.06,70.82"


async def test_waiting_too_long_raises_timeout(
    polling_bot: Bot, driver: SandboxDriver, user: int
) -> None:
    await driver.wait_for_messages(user)
    with pytest.raises(TimeoutError, match="got 0"):
        await driver.wait_for_messages(user, timeout=0.3)
