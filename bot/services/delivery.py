"""Writing to a person who may have blocked the bot: Telegram answers 403, we remember it.

Only a private chat's 403 says anything about a person (a private chat's id is the person's
id); a group or a channel that refuses the bot says nothing about anyone. Any later private
message, press or unblock makes the person reachable again (bot/middlewares/context.py).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import TypeVar

from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ids import is_person_chat
from storage.repositories import users

logger = logging.getLogger("koldo.delivery")
T = TypeVar("T")


async def deliver(session: AsyncSession, chat_id: int, call: Awaitable[T]) -> T | None:
    """The call's result, or None when the chat refused the bot or is gone; a person who
    refused it is then marked blocked so that alerts stop going to them until they write."""
    try:
        return await call
    except TelegramForbiddenError:
        if not is_person_chat(chat_id):
            logger.info("chat %s refused the bot", chat_id)
            return None
        logger.info("user %s blocked the bot", chat_id)
        user = await users.get(session, chat_id)
        if user is not None and not user.blocked:
            user.blocked = True
            await session.commit()
        return None
    except TelegramBadRequest as error:
        # e.g. a chat that never wrote to the bot; the message text is never logged.
        logger.warning("could not write to chat %s: %s", chat_id, type(error).__name__)
        return None
