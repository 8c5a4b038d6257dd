"""Showing a screen: answer a message, or replace the message whose button was pressed; and
taking the buttons off a message that is no longer the one to press."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import ClientDecodeError, TelegramAPIError, TelegramBadRequest
from aiogram.types import CallbackQuery, Message

from bot.screens import Screen

logger = logging.getLogger(__name__)


async def send(bot: Bot, chat_id: int, screen: Screen) -> Message:
    return await bot.send_message(chat_id, screen.text, reply_markup=screen.markup)


async def replace(query: CallbackQuery, screen: Screen) -> Message:
    """Edits the pressed message in place, so old buttons vanish; sends anew when it can't
    (a reply keyboard can't be attached by editing, and Telegram refuses edits of old messages).
    Returns the message that shows the screen now."""
    assert query.bot is not None
    if isinstance(query.message, Message) and screen.inline:
        try:
            edited = await query.message.edit_text(screen.text, reply_markup=screen.markup)  # type: ignore[arg-type]
            return edited if isinstance(edited, Message) else query.message
        except TelegramBadRequest as error:
            if "not modified" in error.message:
                return query.message
    return await send(query.bot, query.from_user.id, screen)


async def refuse(event: Message | CallbackQuery, text: str) -> None:
    """Says why nothing was done: an alert on a pressed button, a reply to a message."""
    if isinstance(event, CallbackQuery):
        await event.answer(text, show_alert=True)
    else:
        await event.answer(text)


async def remove_buttons(bot: Bot, chat_id: int, message_id: int) -> None:
    """Takes the inline buttons off a message shown before, so that only the newest screen has
    any. Only the look of the chat depends on it: a message Telegram no longer lets us edit
    (deleted, too old, already without buttons: "message to edit not found", "message is not
    modified"), or a failed call, leaves the message as it was and the person's update goes on."""
    try:
        await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id)
    except (TelegramAPIError, ClientDecodeError) as error:
        reason = type(error).__name__
        logger.info("buttons of message %s in chat %s left on (%s)", message_id, chat_id, reason)
