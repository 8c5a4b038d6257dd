"""Writing to a person who may have blocked the bot: Telegram answers 403, we remember it."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import TypeVar

from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.repositories import users

logger = logging.getLogger("koldo.delivery")
T = TypeVar("T")


async def deliver(session: AsyncSession, user_id: int, call: Awaitable[T]) -> T | None:
    """The call's result, or None when the person blocked the bot or the chat is gone; the
    person is then marked blocked so that alerts stop going to them."""
    try:
        return await call
    except TelegramForbiddenError:
        logger.info("user %s blocked the bot", user_id)
        user = await users.get(session, user_id)
        if user is not None and not user.blocked:
            user.blocked = True
            await session.commit()
        return None
    except TelegramBadRequest as error:
        # e.g. a chat that never wrote to the bot; the message text is never logged.
        logger.warning("could not write to user %s: %s", user_id, type(error).__name__)
        return None
