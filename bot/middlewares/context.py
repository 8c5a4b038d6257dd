from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatMemberStatus, ChatType
from aiogram.types import Chat, TelegramObject, Update
from aiogram.types import User as TelegramUser
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.i18n import Localization, Translator
from bot.services import accounts
from storage.models import User
from storage.repositories import users

GONE = (ChatMemberStatus.KICKED, ChatMemberStatus.LEFT)


class UpdateContext(BaseMiddleware):
    """One database session per update, the person's record, and their language.

    Handlers receive ``session``, ``user`` (None for updates without a sender) and ``t``.
    The session commits when the update was handled and rolls back when it failed.

    It is also the one place that keeps ``blocked`` true: any private message or press, or an
    unblock in the private chat, makes the person reachable again; blocking the bot in the
    private chat marks them blocked (a 403 does too, bot/services/delivery.py). What happens in
    a group or a channel says nothing about the person.
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
            if user is not None and sender is not None:
                settings = data.get("settings")
                admin_ids = settings.admin_ids if settings is not None else frozenset()
                # Saved with the update's own commit: no extra write, none when unchanged.
                accounts.remember_name(user, sender, admin_ids)
                reachable = reachability(event, data.get("event_chat"), sender)
                if reachable is not None and user.blocked is reachable:
                    # Written at once (and only when it changes): the handler may fail.
                    user.blocked = not reachable
                    await session.commit()
            data["t"] = translator_for(self._localization, user, sender)
            result = await handler(event, data)
            await session.commit()
            return result


def reachability(event: TelegramObject, chat: Chat | None, sender: TelegramUser) -> bool | None:
    """Whether this update shows that Koldo can write to its sender: True after anything in
    their private chat, False when they block the bot there, None when it says nothing (a
    group, a channel, an update without a chat)."""
    if chat is None or chat.type != ChatType.PRIVATE or chat.id != sender.id:
        return None
    member = event.my_chat_member if isinstance(event, Update) else None
    if member is not None:
        return member.new_chat_member.status not in GONE
    return True


def translator_for(
    localization: Localization, user: User | None, sender: TelegramUser | None
) -> Translator:
    """The language a person chose, else the one their Telegram app uses, else the default."""
    locale = (user.language if user else None) or localization.locale_for(
        sender.language_code if sender else None
    )
    return localization.translator(locale)
