"""The main menu, and honest answers for the journeys that are not built yet."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot import keyboards, replies, screens
from bot.callbacks import MenuCb, MenuItem
from bot.config import Settings
from bot.i18n import Translator
from bot.screens import Screen
from bot.services import roles
from storage.models import User

# Journeys whose menu button is there before the journey: an honest answer, never a dead end.
COMING_SOON: set[MenuItem] = set()


async def menu_command(message: Message, t: Translator, user: User, settings: Settings) -> None:
    screen = screens.menu_for(t, user, settings)
    await message.answer(screen.text, reply_markup=screen.markup)


async def help_command(message: Message, t: Translator, user: User, settings: Settings) -> None:
    """A short help in the person's own words: what a family can do, or a staff member's tools.
    In the middle of a form, the form stays where it was."""
    if roles.is_admin(user, settings):
        text = t("help-admin")
    elif roles.is_coordinator(user):
        text = t("help-coordinator")
    else:
        text = t("help-family")
    await message.answer(text)


async def home(query: CallbackQuery, t: Translator, user: User, settings: Settings) -> None:
    await query.answer()
    await replies.replace(query, screens.menu_for(t, user, settings))


async def language(query: CallbackQuery, t: Translator) -> None:
    await query.answer()
    await replies.replace(query, Screen(t("choose-language"), keyboards.languages(t)))


async def coming_soon(query: CallbackQuery, callback_data: MenuCb, t: Translator) -> None:
    await query.answer()
    text = t("coming-soon", journey=t(f"menu-{callback_data.item.value}"))
    await replies.replace(query, Screen(text, keyboards.back_to_menu(t)))


def router() -> Router:
    router = Router(name="menu")
    router.message.filter(F.chat.type == "private")
    router.message.register(menu_command, Command("menu"))
    router.message.register(help_command, Command("help"))
    router.callback_query.register(home, MenuCb.filter(F.item == MenuItem.HOME))
    router.callback_query.register(language, MenuCb.filter(F.item == MenuItem.LANGUAGE))
    router.callback_query.register(coming_soon, MenuCb.filter(F.item.in_(COMING_SOON)))
    return router
