"""Staff keep shelters true: a shelter, its status, and the number of free places.

Every press and every typed number checks the role and the district again: callback data comes
from the phone and can be forged, and a role can be taken away between two taps.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot import keyboards, replies, screens
from bot.callbacks import MenuCb, MenuItem, StaffShelterAction, StaffShelterCb
from bot.commands import COMMANDS
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import Screen
from bot.screens import shelters as shelter_screens
from bot.services import roles, shelters
from bot.services.shelters import Refusal
from storage.models import Shelter, ShelterStatus
from storage.places import Area


class ShelterUpdate(StatesGroup):
    free_places = State()


class Staff(PerUpdate):
    """One member of staff keeping shelters during one update: what the handlers work with, and
    the steps they share (load and check the shelter, refuse, show a screen)."""

    async def show(self, screen: Screen) -> None:
        """In place of the pressed message, or as a new one after a typed message."""
        if isinstance(self.event, CallbackQuery):
            await replies.replace(self.event, screen)
        else:
            await replies.send(self.bot, self.event.chat.id, screen)

    async def refuse(self, refusal: Refusal) -> None:
        """Says why nothing was done: an alert on a pressed button, a message otherwise."""
        text = shelter_screens.refused(self.t, refusal)
        if isinstance(self.event, CallbackQuery):
            await self.event.answer(text, show_alert=True)
        else:
            await self.show(Screen(text, keyboards.back_to_menu(self.t)))

    async def expired(self) -> None:
        """A button value no handler knows: stale or forged, it changes nothing."""
        assert isinstance(self.event, CallbackQuery)
        await self.event.answer(self.t("button-expired"), show_alert=True)

    async def shelter(self, shelter_id: int) -> Shelter | None:
        """The shelter, if this person may update it; otherwise refused, and None."""
        found = await shelters.shelter_for_staff(self.session, self.user, self.settings, shelter_id)
        if isinstance(found, Refusal):
            await self.refuse(found)
            return None
        return found

    async def shelter_being_updated(self) -> Shelter | None:
        """The shelter whose free places were asked for, if this person may still update it."""
        shelter_id = int((await self.state.get_data()).get("shelter") or 0)
        found = await shelters.shelter_for_staff(self.session, self.user, self.settings, shelter_id)
        if isinstance(found, Refusal):
            await self.state.clear()
            await self.refuse(found)
            return None
        return found

    async def shelter_list(self, area: Area, page: int) -> Screen:
        size = shelter_screens.STAFF_PAGE_SIZE
        found = await shelters.staff_page(self.session, area.code, page, size)
        return shelter_screens.staff_list(self.t, area, found)


async def my_shelters_pressed(query: CallbackQuery, staff: Staff) -> None:
    """From a staff member's main menu: as /myshelters."""
    if roles.is_staff(staff.user, staff.settings):
        await query.answer()
    await my_shelters(query, staff)


async def my_shelters(event: Message | CallbackQuery, staff: Staff) -> None:
    await staff.state.clear()
    if not roles.is_staff(staff.user, staff.settings):
        await staff.refuse(Refusal.NOT_STAFF)
        return
    areas = shelters.districts_covered(staff.user, staff.settings, staff.geography)
    if len(areas) == 1:
        await staff.show(await staff.shelter_list(areas[0], 0))
    else:
        await staff.show(shelter_screens.staff_districts(staff.t, areas))


async def list_pressed(query: CallbackQuery, callback_data: StaffShelterCb, staff: Staff) -> None:
    area = staff.geography.area(callback_data.district)
    if area is None:
        await staff.expired()
        return
    refusal = shelters.may_list(staff.user, staff.settings, area.code)
    if refusal is not None:
        await staff.refuse(refusal)
        return
    await query.answer()
    await staff.show(await staff.shelter_list(area, callback_data.page))


async def pick_pressed(query: CallbackQuery, callback_data: StaffShelterCb, staff: Staff) -> None:
    shelter = await staff.shelter(callback_data.shelter)
    if shelter is None:
        return
    await query.answer()
    await staff.show(shelter_screens.staff_card(staff.t, shelter))


async def status_pressed(query: CallbackQuery, callback_data: StaffShelterCb, staff: Staff) -> None:
    if callback_data.status not in set(ShelterStatus):
        await staff.expired()
        return
    shelter = await staff.shelter(callback_data.shelter)
    if shelter is None:
        return
    await query.answer()
    status = ShelterStatus(callback_data.status)
    if status == ShelterStatus.OPEN:
        await staff.state.set_state(ShelterUpdate.free_places)
        await staff.state.set_data({"shelter": shelter.id})
        await staff.show(shelter_screens.staff_ask_free(staff.t, shelter))
        return
    await shelters.record_update(staff.session, staff.user, shelter, status, 0)
    await staff.show(shelter_screens.staff_saved(staff.t, shelter))


async def free_places_typed(message: Message, staff: Staff) -> None:
    shelter = await staff.shelter_being_updated()
    if shelter is None:
        return
    free = shelters.parse_free_places(message.text or "", shelter.capacity)
    if free is None:
        await staff.show(shelter_screens.staff_free_invalid(staff.t, shelter))
        return
    await shelters.record_update(staff.session, staff.user, shelter, ShelterStatus.OPEN, free)
    await staff.state.clear()
    await staff.show(shelter_screens.staff_saved(staff.t, shelter))


async def not_a_number(message: Message, staff: Staff) -> None:
    """A sticker, a photo or a location where a number was asked: ask again, kindly."""
    shelter = await staff.shelter_being_updated()
    if shelter is not None:
        await staff.show(shelter_screens.staff_free_invalid(staff.t, shelter))


async def cancel_pressed(query: CallbackQuery, callback_data: StaffShelterCb, staff: Staff) -> None:
    await staff.state.clear()
    shelter = await staff.shelter(callback_data.shelter)
    if shelter is None:
        return
    await query.answer()
    await staff.show(shelter_screens.staff_cancelled(staff.t, shelter.district))


async def menu_while_updating(query: CallbackQuery, staff: Staff) -> None:
    """Leaving mid-way changes nothing; the menu is shown again so any journey can start."""
    await staff.state.clear()
    await query.answer()
    await staff.show(screens.main_menu(staff.t))


async def command_while_updating(message: Message, staff: Staff) -> None:
    await staff.state.clear()
    await staff.show(screens.main_menu(staff.t))


def router() -> Router:
    router = Router(name="shelter-staff")
    router.message.filter(F.chat.type == "private")
    provide(router, "staff", Staff)
    message, press = router.message.register, router.callback_query.register
    updating = StateFilter(ShelterUpdate)
    message(my_shelters, Command("myshelters"))
    message(command_while_updating, CommandStart(), updating)
    message(command_while_updating, Command("menu"), updating)
    press(menu_while_updating, MenuCb.filter(), updating)
    press(my_shelters_pressed, MenuCb.filter(F.item == MenuItem.MY_SHELTERS))
    press(list_pressed, StaffShelterCb.filter(F.action == StaffShelterAction.LIST))
    press(pick_pressed, StaffShelterCb.filter(F.action == StaffShelterAction.PICK))
    press(status_pressed, StaffShelterCb.filter(F.action == StaffShelterAction.STATUS))
    press(cancel_pressed, StaffShelterCb.filter(F.action == StaffShelterAction.CANCEL))
    message(free_places_typed, ShelterUpdate.free_places, F.text, ~Command(*COMMANDS))
    message(not_a_number, ShelterUpdate.free_places, ~F.text)
    return router
