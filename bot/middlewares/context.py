from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from aiogram.types import User as TelegramUser
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.i18n import Localization, Translator
from storage.models import User
from storage.repositories import users


class UpdateContext(BaseMiddleware):
    """One database session per update, the person's record, and their language.

    Handlers receive ``session``, ``user`` (None for updates without a sender) and ``t``.
    The session commits when the update was handled and rolls back when it failed.
    """

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], localization: Localization
    ) -> None:
        self._session_factory = session_factory
        self._localization = localization

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        sender: TelegramUser | None = data.get("event_from_user")
        async with self._session_factory() as session:
            data["session"] = session
            user = None if sender is None else await users.get_or_create(session, sender.id)
            data["user"] = user
            data["t"] = translator_for(self._localization, user, sender)
            result = await handler(event, data)
            await session.commit()
            return result


def translator_for(
    localization: Localization, user: User | None, sender: TelegramUser | None
) -> Translator:
    """The language a person chose, else the one their Telegram app uses, else the default."""
    locale = (user.language if user else None) or localization.locale_for(
        sender.language_code if sender else None
    )
    return localization.translator(locale)
