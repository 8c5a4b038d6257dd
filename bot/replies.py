"""Showing a screen: answer a message, or replace the message whose button was pressed."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message

from bot.screens import Screen


async def send(bot: Bot, chat_id: int, screen: Screen) -> None:
    await bot.send_message(chat_id, screen.text, reply_markup=screen.markup)


async def replace(query: CallbackQuery, screen: Screen) -> None:
    """Edits the pressed message in place, so old buttons vanish; sends anew when it can't
    (a reply keyboard can't be attached by editing, and Telegram refuses edits of old messages)."""
    assert query.bot is not None
    if isinstance(query.message, Message) and screen.inline:
        try:
            await query.message.edit_text(screen.text, reply_markup=screen.markup)  # type: ignore[arg-type]
            return
        except TelegramBadRequest as error:
            if "not modified" in error.message:
                return
    await send(query.bot, query.from_user.id, screen)
