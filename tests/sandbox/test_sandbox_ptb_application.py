"""A tiny python-telegram-bot Application in polling mode on the sandbox: another framework's
polling loop (deleteWebhook, long getUpdates with offsets) and its shortcuts work unchanged."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from sandbox import SandboxServer
from sandbox.driver import SandboxDriver

MENU = InlineKeyboardMarkup([[InlineKeyboardButton("Shelters", callback_data="shelters")]])
SHARE = ReplyKeyboardMarkup(
    [[KeyboardButton("Send my number", request_contact=True)]], one_time_keyboard=True
)


async def start(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text("Main menu", reply_markup=MENU)


async def ask_to_share(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text("Tap the button", reply_markup=SHARE)


async def got_contact(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.contact is not None
    await update.message.reply_text(f"contact of {update.message.contact.user_id}")


async def pressed(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer(f"opening {query.data}")
    await query.edit_message_text(f"You chose {query.data}", reply_markup=MENU)


@pytest.fixture
async def ptb_application(sandbox: SandboxServer, bot: Bot) -> AsyncIterator[Application]:
    application = (
        ApplicationBuilder()
        .token(bot.token)
        .base_url(f"{sandbox.url}/bot")
        .base_file_url(f"{sandbox.url}/file/bot")
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(MessageHandler(filters.Text(["share"]), ask_to_share))
    application.add_handler(MessageHandler(filters.CONTACT, got_contact))
    application.add_handler(CallbackQueryHandler(pressed))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=1)
        yield application
        await application.updater.stop()
        await application.stop()


@pytest.mark.usefixtures("ptb_application")
async def test_a_ptb_application_answers_commands_buttons_and_contacts(
    driver: SandboxDriver, user: int
) -> None:
    [menu] = await driver.wait_for_messages(user)  # the user fixture's /start
    assert (menu.text, menu.buttons) == ("Main menu", [["Shelters"]])

    await driver.press_button(user, "Shelters")
    answer = await driver.wait_for_callback_answer(user)
    assert answer["text"] == "opening shelters"
    [edited] = await driver.wait_for_messages(user, include_edits=True)
    assert edited.edited and edited.text == "You chose shelters"

    await driver.send_text(user, "share")
    [ask] = await driver.wait_for_messages(user)
    assert ask.reply_buttons == [["Send my number"]]
    await driver.press_reply_button(user, "Send my number")
    [contact] = await driver.wait_for_messages(user)
    assert contact.text == f"contact of {user}"
