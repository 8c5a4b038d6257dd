"""Admins look at the situation report: /report (or the menu's button) sends the picture and
its figures as text; under them a switch turns the daily report on or off.

The role is checked on the command and on every press, at that moment: callback data comes
from the phone and can be forged, and a role can be taken away between two taps. Anyone else
gets the admins-only answer and no report; a forged switch is audited and changes nothing.
"""

from __future__ import annotations

import contextlib

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import replies
from bot.callbacks import MenuCb, MenuItem, ReportCb
from bot.config import Settings
from bot.i18n import Translator
from bot.keyboards import report as keyboards
from bot.services import report, roles
from storage.models import User
from storage.places import Geography

REFUSAL = "broadcast-admins-only"  # the admins' tools share one answer to everyone else


async def report_command(
    message: Message,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    if not roles.is_admin(user, settings):
        await message.answer(t(REFUSAL))
        return
    await _send(session, bot, user, t, geography, settings)


async def report_from_menu(
    query: CallbackQuery,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    """The admin's main menu: as /report."""
    if not roles.is_admin(user, settings):
        await replies.refuse(query, t(REFUSAL))
        return
    await query.answer()
    await _send(session, bot, user, t, geography, settings)


async def daily_pressed(
    query: CallbackQuery,
    callback_data: ReportCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    if not roles.is_admin(user, settings):
        await report.refused(session, user.id)
        await replies.refuse(query, t(REFUSAL))
        return
    on = callback_data.daily
    await report.set_daily(session, user, on)
    at = f"{settings.report_at:%H:%M}"
    await query.answer(t("report-daily-on", at=at) if on else t("report-daily-off"))
    if isinstance(query.message, Message):
        with contextlib.suppress(TelegramBadRequest):  # already showing it, or too old to edit
            await query.message.edit_reply_markup(
                reply_markup=keyboards.daily_switch(t, on, settings.report_at)
            )


async def _send(
    session: AsyncSession,
    bot: Bot,
    user: User,
    t: Translator,
    geography: Geography,
    settings: Settings,
) -> None:
    figures = await report.gather(session, geography)
    png = await report.picture(figures, t, geography)
    await report.send(session, bot, user, t, geography, settings, figures, png)


def router() -> Router:
    router = Router(name="report")
    router.message.filter(F.chat.type == "private")
    router.message.register(report_command, Command("report"))
    router.callback_query.register(report_from_menu, MenuCb.filter(F.item == MenuItem.REPORT))
    router.callback_query.register(daily_pressed, ReportCb.filter())
    return router
