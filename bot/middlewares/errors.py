from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import Chat, TelegramObject, Update

from bot.i18n import Translator

logger = logging.getLogger("koldo.errors")


class ApologizeOnError(BaseMiddleware):
    """Turns any unexpected exception into a kind, localized apology.

    The log names the update, the person's id and where it failed, but never the exception's
    message: database errors quote the values they were given, and those are personal.
    """

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
            await _apologize(data)
            return None


async def _apologize(data: dict[str, Any]) -> None:
    chat: Chat | None = data.get("event_chat")
    t: Translator | None = data.get("t")
    bot: Bot | None = data.get("bot")
    if chat is None or t is None or bot is None:
        return
    try:
        await bot.send_message(chat.id, t("error-apology"))
    except Exception as error:  # the apology itself must never raise
        logger.warning("apology to chat %s failed: %s", chat.id, type(error).__name__)
