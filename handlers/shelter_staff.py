"""Staff keep shelters true: a shelter, its status, and the number of free places.

Every press and every typed number checks the role and the district again: callback data comes
from the phone and can be forged, and a role can be taken away between two taps.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards, replies, screens
from bot.callbacks import MenuCb, StaffShelterAction, StaffShelterCb
from bot.commands import COMMANDS
from bot.config import Settings
from bot.i18n import Translator
from bot.screens import Screen
from bot.screens import shelters as shelter_screens
from bot.services import roles, shelters
from bot.services.shelters import Refusal
from storage.models import Shelter, ShelterStatus, User
from storage.places import Geography


class ShelterUpdate(StatesGroup):
    free_places = State()


async def my_shelters(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    await state.clear()
    if not roles.is_staff(user, settings):
        await replies.send(bot, message.chat.id, _refused_screen(t, Refusal.NOT_STAFF))
        return
    areas = shelters.districts_covered(user, settings, geography)
    if len(areas) == 1:
        page = await shelters.staff_page(session, areas[0].code, 0, shelter_screens.STAFF_PAGE_SIZE)
        screen = shelter_screens.staff_list(t, areas[0], page)
    else:
        screen = shelter_screens.staff_districts(t, areas)
    await replies.send(bot, message.chat.id, screen)


async def list_pressed(
    query: CallbackQuery,
    callback_data: StaffShelterCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
) -> None:
    area = geography.area(callback_data.district)
    if area is None or callback_data.page < 0:
        await query.answer(t("button-expired"), show_alert=True)
        return
    refusal = shelters.may_list(user, settings, area.code)
    if refusal is not None:
        await query.answer(shelter_screens.refused(t, refusal), show_alert=True)
        return
    await query.answer()
    size = shelter_screens.STAFF_PAGE_SIZE
    page = await shelters.staff_page(session, area.code, callback_data.page, size)
    await replies.replace(query, shelter_screens.staff_list(t, area, page))


async def pick_pressed(
    query: CallbackQuery,
    callback_data: StaffShelterCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    shelter = await _allowed(query, session, user, settings, t, callback_data.shelter)
    if shelter is None:
        return
    await query.answer()
    await replies.replace(query, shelter_screens.staff_card(t, shelter))


async def status_pressed(
    query: CallbackQuery,
    callback_data: StaffShelterCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    if callback_data.status not in set(ShelterStatus):
        await query.answer(t("button-expired"), show_alert=True)
        return
    shelter = await _allowed(query, session, user, settings, t, callback_data.shelter)
    if shelter is None:
        return
    await query.answer()
    status = ShelterStatus(callback_data.status)
    if status == ShelterStatus.OPEN:
        await state.set_state(ShelterUpdate.free_places)
        await state.set_data({"shelter": shelter.id})
        await replies.replace(query, shelter_screens.staff_ask_free(t, shelter))
        return
    await shelters.record_update(session, user, shelter, status, 0)
    await replies.replace(query, shelter_screens.staff_saved(t, shelter))


async def free_places_typed(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    bot: Bot,
) -> None:
    shelter = await _shelter_being_updated(message, state, session, user, settings, t, bot)
    if shelter is None:
        return
    free = shelters.parse_free_places(message.text or "", shelter.capacity)
    if free is None:
        await replies.send(bot, message.chat.id, shelter_screens.staff_free_invalid(t, shelter))
        return
    await shelters.record_update(session, user, shelter, ShelterStatus.OPEN, free)
    await state.clear()
    await replies.send(bot, message.chat.id, shelter_screens.staff_saved(t, shelter))


async def not_a_number(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    bot: Bot,
) -> None:
    """A sticker, a photo or a location where a number was asked: ask again, kindly."""
    shelter = await _shelter_being_updated(message, state, session, user, settings, t, bot)
    if shelter is not None:
        await replies.send(bot, message.chat.id, shelter_screens.staff_free_invalid(t, shelter))


async def cancel_pressed(
    query: CallbackQuery,
    callback_data: StaffShelterCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    await state.clear()
    shelter = await _allowed(query, session, user, settings, t, callback_data.shelter)
    if shelter is None:
        return
    await query.answer()
    await replies.replace(query, shelter_screens.staff_cancelled(t, shelter.district))


async def menu_while_updating(query: CallbackQuery, state: FSMContext, t: Translator) -> None:
    """Leaving mid-way changes nothing; the menu is shown again so any journey can start."""
    await state.clear()
    await query.answer()
    await replies.replace(query, screens.main_menu(t))


async def command_while_updating(
    message: Message, state: FSMContext, t: Translator, bot: Bot
) -> None:
    await state.clear()
    await replies.send(bot, message.chat.id, screens.main_menu(t))


async def _allowed(
    query: CallbackQuery,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    shelter_id: int,
) -> Shelter | None:
    found = await shelters.shelter_for_staff(session, user, settings, shelter_id)
    if isinstance(found, Refusal):
        await query.answer(shelter_screens.refused(t, found), show_alert=True)
        return None
    return found


async def _shelter_being_updated(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    bot: Bot,
) -> Shelter | None:
    shelter_id = (await state.get_data()).get("shelter")
    found = await shelters.shelter_for_staff(session, user, settings, int(shelter_id or 0))
    if isinstance(found, Refusal):
        await state.clear()
        await replies.send(bot, message.chat.id, _refused_screen(t, found))
        return None
    return found


def _refused_screen(t: Translator, refusal: Refusal) -> Screen:
    return Screen(shelter_screens.refused(t, refusal), keyboards.back_to_menu(t))


def router() -> Router:
    router = Router(name="shelter-staff")
    router.message.filter(F.chat.type == "private")
    message, press = router.message.register, router.callback_query.register
    updating = StateFilter(ShelterUpdate)
    message(my_shelters, Command("myshelters"))
    message(command_while_updating, CommandStart(), updating)
    message(command_while_updating, Command("menu"), updating)
    press(menu_while_updating, MenuCb.filter(), updating)
    press(list_pressed, StaffShelterCb.filter(F.action == StaffShelterAction.LIST))
    press(pick_pressed, StaffShelterCb.filter(F.action == StaffShelterAction.PICK))
    press(status_pressed, StaffShelterCb.filter(F.action == StaffShelterAction.STATUS))
    press(cancel_pressed, StaffShelterCb.filter(F.action == StaffShelterAction.CANCEL))
    message(free_places_typed, ShelterUpdate.free_places, F.text, ~Command(*COMMANDS))
    message(not_a_number, ShelterUpdate.free_places, ~F.text)
    return router
