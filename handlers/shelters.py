"""Shelters for families: the nearest ones from a shared location, or a district's list.

No consent is asked (aid must not depend on it) and the shared location is not stored: it is
used for this one search and forgotten.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards, replies, screens
from bot.callbacks import MenuCb, MenuItem, ShelterAction, ShelterCb
from bot.config import Settings
from bot.filters import ButtonText
from bot.i18n import Translator
from bot.screens import shelters as shelter_screens
from bot.services import roles, shelters
from storage.models import ShelterStatus, User
from storage.places import Geography


async def open_shelters(query: CallbackQuery, t: Translator) -> None:
    await query.answer()
    await replies.replace(query, shelter_screens.location_prompt(t))


async def location_shared(
    message: Message, session: AsyncSession, t: Translator, geography: Geography, bot: Bot
) -> None:
    assert message.location is not None
    latitude, longitude = message.location.latitude, message.location.longitude
    if not geography.region.contains(latitude, longitude):
        # A broken GPS fix (0, 0) or a phone abroad: the district list always works.
        screen = shelter_screens.districts(t, geography, "shelters-location-far")
    else:
        found = await shelters.nearest(session, latitude, longitude)
        screen = shelter_screens.nearest(t, found, geography)
    await replies.send(bot, message.chat.id, screen)


async def districts_typed(message: Message, t: Translator, geography: Geography, bot: Bot) -> None:
    await replies.send(bot, message.chat.id, shelter_screens.districts(t, geography))


async def main_menu_typed(message: Message, t: Translator, bot: Bot) -> None:
    await replies.send(bot, message.chat.id, screens.main_menu(t))


async def districts_pressed(query: CallbackQuery, t: Translator, geography: Geography) -> None:
    await query.answer()
    await replies.replace(query, shelter_screens.districts(t, geography))


async def district_pressed(
    query: CallbackQuery,
    callback_data: ShelterCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
) -> None:
    area = geography.area(callback_data.district)
    if area is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    listing = await shelters.in_district(session, area.code)
    staff = roles.is_staff(user, settings) and roles.covers_district(user, area.code, settings)
    await replies.replace(query, shelter_screens.in_district(t, area, listing, geography, staff))


async def pin_pressed(
    query: CallbackQuery,
    callback_data: ShelterCb,
    session: AsyncSession,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    shelter = await shelters.shelter_to_show(session, callback_data.shelter)
    if shelter is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    if shelter.status == ShelterStatus.CLOSED:
        await query.answer(t("shelter-closed-now"), show_alert=True)
        return
    await query.answer()
    pin = shelter_screens.venue(t, shelter, geography)
    await bot.send_venue(
        query.from_user.id,
        latitude=pin.latitude,
        longitude=pin.longitude,
        title=pin.title,
        address=pin.address,
        reply_markup=keyboards.back_to_menu(t),
    )


def router() -> Router:
    router = Router(name="shelters")
    router.message.filter(F.chat.type == "private")
    message, press = router.message.register, router.callback_query.register
    press(open_shelters, MenuCb.filter(F.item == MenuItem.SHELTERS))
    # Outside any form, a shared location means "where can we sleep near here?".
    message(location_shared, F.location, StateFilter(None))
    message(districts_typed, ButtonText("btn-choose-district"), StateFilter(None))
    message(main_menu_typed, ButtonText("btn-main-menu"), StateFilter(None))
    press(districts_pressed, ShelterCb.filter(F.action == ShelterAction.DISTRICTS))
    press(district_pressed, ShelterCb.filter(F.action == ShelterAction.DISTRICT))
    press(pin_pressed, ShelterCb.filter(F.action == ShelterAction.PIN))
    return router
