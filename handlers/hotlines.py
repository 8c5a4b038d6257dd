"""Hotlines: emergency numbers at once, then lines by kind. No consent needed."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery
from sqlalchemy.ext.asyncio import AsyncSession

from bot import replies
from bot.callbacks import HotlineCb, MenuCb, MenuItem
from bot.i18n import Translator
from bot.screens import hotlines as hotline_screens
from bot.services import hotlines
from storage.models import HotlineKind
from storage.places import Geography


async def open_hotlines(
    query: CallbackQuery, session: AsyncSession, t: Translator, geography: Geography
) -> None:
    await query.answer()
    emergency = await hotlines.emergency(session)
    kinds = await hotlines.other_kinds(session)
    await replies.replace(query, hotline_screens.first(t, emergency, kinds, geography))


async def kind_pressed(
    query: CallbackQuery,
    callback_data: HotlineCb,
    session: AsyncSession,
    t: Translator,
    geography: Geography,
) -> None:
    if not callback_data.kind:
        await open_hotlines(query, session, t, geography)
        return
    if callback_data.kind not in set(HotlineKind):
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    kind = HotlineKind(callback_data.kind)
    found = await hotlines.of_kind(session, kind)
    await replies.replace(query, hotline_screens.of_kind(t, kind, found, geography))


def router() -> Router:
    router = Router(name="hotlines")
    press = router.callback_query.register
    press(open_hotlines, MenuCb.filter(F.item == MenuItem.HOTLINES))
    press(kind_pressed, HotlineCb.filter())
    return router
