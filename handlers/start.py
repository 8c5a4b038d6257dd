"""Start: language, consent, main menu."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import commands, keyboards, replies, screens
from bot.callbacks import AgreedForCb, ConsentCb, LanguageCb
from bot.config import LOCALES, Settings
from bot.i18n import Localization, Translator
from bot.screens import Screen
from bot.services import accounts, roles
from storage.models import User


async def start(message: Message, user: User, t: Translator, bot: Bot, settings: Settings) -> None:
    if user.language is None:
        await message.answer(t("welcome"), reply_markup=keyboards.languages(t))
    elif roles.is_staff(user, settings):
        # Staff hold no family data of their own here: their tools, not the family consent.
        reported = message.from_user.language_code if message.from_user else None
        await commands.follow(bot, user, settings, t, reported)
        await message.answer(t("welcome-staff"))
        await _main_menu(message, t, user, settings)
    elif not accounts.has_consent(user):
        await message.answer(screens.consent_text(t, settings), reply_markup=keyboards.consent(t))
    else:
        await message.answer(t("welcome-back"))
        await _main_menu(message, t, user, settings)


async def choose_language(message: Message, t: Translator) -> None:
    await message.answer(t("choose-language"), reply_markup=keyboards.languages(t))


async def language_chosen(
    query: CallbackQuery,
    callback_data: LanguageCb,
    user: User,
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
) -> None:
    first_time = user.language is None
    t = localization.translator(callback_data.code)
    await query.answer(t("language-saved"))
    code = query.from_user.language_code
    await accounts.choose_language(session, bot, user, t, code, settings)
    if roles.is_staff(user, settings):
        await replies.replace(query, screens.menu_for(t, user, settings))
    elif first_time or not accounts.has_consent(user):
        consent = screens.consent_text(t, settings)
        await replies.replace(query, Screen(consent, keyboards.consent(t)))
    else:
        await replies.replace(query, screens.main_menu(t))


async def consent_answered(
    query: CallbackQuery,
    callback_data: ConsentCb,
    user: User,
    session: AsyncSession,
    bot: Bot,
    t: Translator,
) -> None:
    await query.answer()
    if callback_data.agree:
        await accounts.give_consent(session, user)
        text = t("consent-thanks")
    else:
        text = t("consent-declined")
    await replies.replace(query, Screen(text))
    await replies.send(bot, query.from_user.id, screens.main_menu(t))


async def agreed_elsewhere(
    query: CallbackQuery, user: User, session: AsyncSession, bot: Bot, t: Translator
) -> None:
    """Agreed on the consent a journey asked for, pressed where that journey cannot go on
    (in another form by now): a plain yes, and the main menu. The journeys' routers take it
    first (handlers/forms.py: `agreed`)."""
    await consent_answered(query, ConsentCb(agree=True), user, session, bot, t)


async def membership_changed(event: ChatMemberUpdated) -> None:
    """Blocking or unblocking the bot: bot/middlewares/context.py already noted whether the
    person can be reached (private chats only). The handler is here because aiogram asks
    Telegram only for the kinds of update some handler takes."""


async def _main_menu(message: Message, t: Translator, user: User, settings: Settings) -> None:
    screen = screens.menu_for(t, user, settings)
    await message.answer(screen.text, reply_markup=screen.markup)


def router() -> Router:
    router = Router(name="start")
    router.message.filter(F.chat.type == "private")
    router.message.register(start, CommandStart())
    router.message.register(choose_language, Command("language"))
    router.callback_query.register(language_chosen, LanguageCb.filter(F.code.in_(LOCALES)))
    router.callback_query.register(consent_answered, ConsentCb.filter())
    router.callback_query.register(agreed_elsewhere, AgreedForCb.filter())
    router.my_chat_member.register(membership_changed)
    return router
