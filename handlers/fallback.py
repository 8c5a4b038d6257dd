"""Whatever no journey took: a gentle pointer to the menu, never silence or an exception."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.types import CallbackQuery, Message

from bot import keyboards, replies, screens
from bot.callbacks import FormExitCb
from bot.config import Settings
from bot.i18n import Translator
from bot.screens import Screen
from handlers.forms import draft_days, outlived_its_draft
from storage.models import User


async def unknown_message(message: Message, t: Translator) -> None:
    await message.answer(t("fallback-use-menu"), reply_markup=keyboards.back_to_menu(t))


async def stale_button(query: CallbackQuery, t: Translator) -> None:
    # Buttons of finished forms, of old messages, or forged callback data all end here.
    await query.answer(t("button-expired"), show_alert=True)


async def leave_question_expired(
    query: CallbackQuery, t: Translator, user: User, settings: Settings, bot: Bot
) -> None:
    """ "Continue or leave the form?" answered after the form's draft expired (any form's: the
    question is the same): said kindly in its place, and the main menu to start again."""
    if not outlived_its_draft(query, settings):
        await stale_button(query, t)
        return
    await query.answer()
    await replies.replace(query, Screen(t("form-expired", days=draft_days(settings))))
    await replies.send(bot, query.from_user.id, screens.menu_for(t, user, settings))


def router() -> Router:
    router = Router(name="fallback")
    router.message.register(unknown_message, F.chat.type == "private")
    router.callback_query.register(leave_question_expired, FormExitCb.filter(), StateFilter(None))
    router.callback_query.register(stale_button)
    return router
