"""Whatever no journey took: a gentle pointer to the menu, never silence or an exception."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot import keyboards
from bot.i18n import Translator


async def unknown_message(message: Message, t: Translator) -> None:
    await message.answer(t("fallback-use-menu"), reply_markup=keyboards.back_to_menu(t))


async def stale_button(query: CallbackQuery, t: Translator) -> None:
    # Buttons of finished forms, of old messages, or forged callback data all end here.
    await query.answer(t("button-expired"), show_alert=True)


def router() -> Router:
    router = Router(name="fallback")
    router.message.register(unknown_message, F.chat.type == "private")
    router.callback_query.register(stale_button)
    return router
