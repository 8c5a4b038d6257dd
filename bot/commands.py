"""The command menu Telegram shows beside the text box, in the person's language.

Families share the default menu. Staff get their own per chat, with their tools first; it is set
when a role is granted or revoked in the bot, when staff start the bot or change language, and
for every staff member when `koldo run` starts (a role granted on the command line reaches the
person's menu then).
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.services import roles
from storage.models import User

logger = logging.getLogger("koldo.commands")

FAMILY = ("start", "menu", "language", "mydata", "erase", "help")
COORDINATOR = ("queue", "myshelters", "menu", "language", "help")
ADMIN = (
    "queue",
    "myshelters",
    "broadcast",
    "broadcasts",
    "report",
    "staff",
    "grant",
    "revoke",
    "menu",
    "language",
    "help",
)
# Not in a menu, still let through forms: "is this true?" asked by command.
OTHERS = ("check",)
# Every command of any menu: a form lets these through to their handlers.
COMMANDS = tuple(dict.fromkeys(FAMILY + COORDINATOR + ADMIN + OTHERS))


def commands(t: Translator, names: tuple[str, ...] = FAMILY) -> list[BotCommand]:
    return [BotCommand(command=name, description=t(f"command-{name}")) for name in names]


def names_for(user: User | None, settings: Settings) -> tuple[str, ...]:
    if roles.is_admin(user, settings):
        return ADMIN
    if roles.is_coordinator(user):
        return COORDINATOR
    return FAMILY


async def publish(bot: Bot, localization: Localization) -> None:
    default = localization.translator(localization.default_locale)
    await bot.set_my_commands(commands(default), scope=BotCommandScopeDefault())
    for locale in localization.locales:
        await bot.set_my_commands(
            commands(localization.translator(locale)),
            scope=BotCommandScopeDefault(),
            language_code=locale,
        )


async def follow(
    bot: Bot,
    user: User,
    settings: Settings,
    t: Translator,
    telegram_language_code: str | None = None,
) -> None:
    """This person's menu: a family's in the language chosen in Koldo when the app doesn't
    report it (Kyrgyz, most often), a staff member's always their own."""
    names = names_for(user, settings)
    scope = BotCommandScopeChat(chat_id=user.id)
    reported = (telegram_language_code or "").split("-")[0].lower()
    if names == FAMILY and reported == t.locale:
        await bot.delete_my_commands(scope=scope)
    else:
        await bot.set_my_commands(commands(t, names), scope=scope)


async def publish_staff(
    bot: Bot, staff: list[User], settings: Settings, localization: Localization
) -> None:
    """At start: every staff member's own menu. One failure (a person who blocked Koldo) does
    not keep the others from theirs."""
    for person in staff:
        try:
            await follow(bot, person, settings, localization.translator(person.language))
        except Exception as error:
            logger.info("commands for %s not set: %s", person.id, type(error).__name__)
