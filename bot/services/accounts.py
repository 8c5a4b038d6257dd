"""A person's own settings: language and consent.

Changes are committed before anything is sent to Telegram: a write transaction held open over
a network call would hold up every other family on SQLite's single writer.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import User as TelegramUser
from sqlalchemy.ext.asyncio import AsyncSession

from bot import commands
from bot.config import Settings
from bot.i18n import Translator
from storage.models import Role, User, utcnow
from storage.repositories import audit


async def choose_language(
    session: AsyncSession,
    bot: Bot,
    user: User,
    t: Translator,
    telegram_language_code: str | None,
    settings: Settings,
) -> None:
    """Remembers the language and shows the command menu in it."""
    user.language = t.locale
    await session.commit()
    await commands.follow(bot, user, settings, t, telegram_language_code)


async def give_consent(session: AsyncSession, user: User) -> None:
    if user.consent_at is None:
        user.consent_at = utcnow()
        audit.record(session, "consent.given", actor_id=user.id, subject=f"user:{user.id}")
        await session.commit()


def has_consent(user: User) -> bool:
    return user.consent_at is not None


def remember_name(user: User, sender: TelegramUser, admin_ids: frozenset[int]) -> None:
    """A staff member's name as Telegram gives it now, for the admins' lists; nothing is
    written when it did not change. A family's name is not kept: Koldo does not need it."""
    if user.role == Role.FAMILY and user.id not in admin_ids:
        return
    name = (sender.first_name[:64], (sender.last_name or "")[:64] or None, sender.username)
    if (user.first_name, user.last_name, user.username) != name:
        user.first_name, user.last_name, user.username = name
