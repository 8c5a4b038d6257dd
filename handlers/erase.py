"""Erase my data: everything personal goes, after one confirmation."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards, replies, screens
from bot.callbacks import EraseCb, MenuCb, MenuItem
from bot.i18n import Localization, Translator
from bot.screens import Screen
from bot.services import privacy

logger = logging.getLogger("koldo.erase")


async def erase_command(message: Message, t: Translator) -> None:
    await message.answer(t("erase-question"), reply_markup=keyboards.erase(t))


async def erase_from_menu(query: CallbackQuery, t: Translator) -> None:
    await query.answer()
    await replies.replace(query, Screen(t("erase-question"), keyboards.erase(t)))


async def erase_confirmed(
    query: CallbackQuery,
    state: FSMContext,
    session: AsyncSession,
    t: Translator,
    bot: Bot,
    localization: Localization,
) -> None:
    await query.answer()
    erased = await privacy.erase_user(session, query.from_user.id)
    await state.clear()
    logger.info(
        "user %s erased their data (%d cases anonymized)", query.from_user.id, len(erased.codes)
    )
    await replies.replace(query, Screen(t("erase-done")))
    if erased.closed:
        closed = t("erase-done-closed", codes=", ".join(erased.closed))
        await replies.send(bot, query.from_user.id, Screen(closed))
    await privacy.tell_holders(session, bot, localization, erased)
    await replies.send(bot, query.from_user.id, screens.main_menu(t))


async def erase_cancelled(query: CallbackQuery, t: Translator) -> None:
    await query.answer()
    await replies.replace(query, Screen(t("erase-kept"), keyboards.back_to_menu(t)))


def router() -> Router:
    router = Router(name="erase")
    router.message.filter(F.chat.type == "private")
    router.message.register(erase_command, Command("erase"))
    router.callback_query.register(erase_from_menu, MenuCb.filter(F.item == MenuItem.ERASE))
    router.callback_query.register(erase_confirmed, EraseCb.filter(F.confirm))
    router.callback_query.register(erase_cancelled, EraseCb.filter(~F.confirm))
    return router
