from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import Chat, TelegramObject, Update
from aiogram.types import User as TelegramUser
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.i18n import Localization, Translator
from bot.middlewares.context import translator_for
from storage.repositories import users

logger = logging.getLogger("koldo.errors")


class ApologizeOnError(BaseMiddleware):
    """Turns any unexpected exception into a kind, localized apology.

    The log names the update, the person's id and where it failed, but never the exception's
    message: database errors quote the values they were given, and those are personal.

    It is the outermost of Koldo's middlewares, so a failure may come before the person's
    language is known (Redis failing while the update waits for its turn): the language is then
    read from the database here.
    """

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        try:
            return await handler(event, data)
        except Exception as error:
            update_id = event.update_id if isinstance(event, Update) else None
            user = data.get("event_from_user")
            logger.error(
                "update %s from user %s failed with %s\n%s",
                update_id,
                user.id if user else None,
                type(error).__name__,
                "".join(traceback.format_tb(error.__traceback__)),
            )
            await self._apologize(data)
            return None

    async def _apologize(self, data: dict[str, Any]) -> None:
        chat: Chat | None = data.get("event_chat")
        bot: Bot | None = data.get("bot")
        if chat is None or bot is None:
            return
        t = data.get("t") or await self._translator(data)
        if t is None:
            return
        try:
            await bot.send_message(chat.id, t("error-apology"))
        except Exception as error:  # the apology itself must never raise
            logger.warning("apology to chat %s failed: %s", chat.id, type(error).__name__)

    async def _translator(self, data: dict[str, Any]) -> Translator | None:
        localization: Localization | None = data.get("localization")
        if localization is None:
            return None
        sender: TelegramUser | None = data.get("event_from_user")
        record = None
        if sender is not None:
            try:
                async with self._session_factory() as session:
                    record = await users.get(session, sender.id)
            except Exception as error:  # then the language of their Telegram app
                logger.warning("language of user %s unknown: %s", sender.id, type(error).__name__)
        return translator_for(localization, record, sender)
