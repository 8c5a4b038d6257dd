"""The command menu Telegram shows beside the text box, in the person's language."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.i18n import Localization, Translator

COMMANDS = ("start", "menu", "language", "erase", "help")


def commands(t: Translator) -> list[BotCommand]:
    return [BotCommand(command=name, description=t(f"command-{name}")) for name in COMMANDS]


async def publish(bot: Bot, localization: Localization) -> None:
    default = localization.translator(localization.default_locale)
    await bot.set_my_commands(commands(default), scope=BotCommandScopeDefault())
    for locale in localization.locales:
        await bot.set_my_commands(
            commands(localization.translator(locale)),
            scope=BotCommandScopeDefault(),
            language_code=locale,
        )


async def follow_chosen_language(
    bot: Bot, chat_id: int, t: Translator, telegram_language_code: str | None
) -> None:
    """Telegram picks commands by the app's language; a language chosen in Koldo that the app
    doesn't report (Kyrgyz, most often) gets its commands per chat."""
    reported = (telegram_language_code or "").split("-")[0].lower()
    scope = BotCommandScopeChat(chat_id=chat_id)
    if reported == t.locale:
        await bot.delete_my_commands(scope=scope)
    else:
        await bot.set_my_commands(commands(t), scope=scope)
