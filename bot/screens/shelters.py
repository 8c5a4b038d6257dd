"""What the shelter screens say and which buttons they have, for families and for staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import (
    MenuCb,
    MenuItem,
    ShelterAction,
    ShelterCb,
    StaffShelterAction,
    StaffShelterCb,
)
from bot.i18n import Translator
from bot.screens import Screen
from bot.services.geo import Distance, village_name
from bot.services.shelters import Age, DistrictList, Found, Refusal, StaffPage, has_room
from storage.models import Shelter, ShelterStatus
from storage.places import Area, Geography

BUTTON_NAME_LENGTH = 32
STAFF_PAGE_SIZE = 20


# --- family ------------------------------------------------------------------------------


def location_prompt(t: Translator) -> Screen:
    keyboard = ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=t("btn-share-location"), request_location=True)],
            [KeyboardButton(text=t("btn-choose-district"))],
            [KeyboardButton(text=t("btn-main-menu"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
    return Screen(t("shelters-location"), keyboard)


def districts(t: Translator, geography: Geography, intro_id: str = "shelters-district") -> Screen:
    builder = InlineKeyboardBuilder()
    for area in geography.areas:
        builder.button(
            text=area.name(t.locale),
            callback_data=ShelterCb(action=ShelterAction.DISTRICT, district=area.code),
        )
    builder.adjust(2)
    builder.row(*_menu_row(t))
    return Screen(t(intro_id), builder.as_markup())


def nearest(t: Translator, found: list[Found], geography: Geography) -> Screen:
    if not found:
        return Screen(t("shelters-none-near"), _nothing_found(t))
    cards = _cards(t, found, geography)
    text = "\n\n".join([t("shelters-nearest"), *cards, t("shelters-pin-hint")])
    return Screen(text, _pins(t, found))


def in_district(
    t: Translator, area: Area, listing: DistrictList, geography: Geography, staff: bool
) -> Screen:
    name = area.name(t.locale)
    if not listing.found:
        return Screen(t("shelters-none-in-district", area=name), _nothing_found(t, area, staff))
    parts = [t("shelters-in-district", area=name), *_cards(t, listing.found, geography)]
    if listing.total > len(listing.found):
        parts.append(t("shelters-district-more", shown=len(listing.found), total=listing.total))
    parts.append(t("shelters-pin-hint"))
    return Screen("\n\n".join(parts), _pins(t, listing.found, area, staff))


@dataclass(frozen=True)
class Venue:
    """A map pin: Telegram shows it as a place one can open in any maps app."""

    latitude: float
    longitude: float
    title: str
    address: str


def venue(t: Translator, shelter: Shelter, geography: Geography) -> Venue:
    name = shelter.name(t.locale)
    title = t("shelter-venue-sample", name=name) if shelter.sample else name
    return Venue(shelter.latitude, shelter.longitude, title, _place(t, shelter, geography))


def _cards(t: Translator, found: list[Found], geography: Geography) -> list[str]:
    return [_card(t, number, item, geography) for number, item in enumerate(found, 1)]


def _card(t: Translator, number: int, item: Found, geography: Geography) -> str:
    shelter = item.shelter
    name = html_decoration.quote(shelter.name(t.locale))
    if item.distance_km is None:
        lines = [t("shelter-title", number=number, name=name)]
    else:
        distance = Distance.of(item.distance_km)
        shown = t(f"distance-{distance.unit}", value=distance.value)
        lines = [t("shelter-title-distance", number=number, name=name, distance=shown)]
    if has_room(shelter):
        lines.append(t("shelter-places", free=shelter.free_places, capacity=shelter.capacity))
    else:
        lines.append(t("shelter-full"))
    if shelter.services:
        lines.append(" · ".join(t(f"service-{service}") for service in shelter.services))
    lines.append(t("shelter-where", place=html_decoration.quote(_place(t, shelter, geography))))
    if shelter.phone:
        lines.append(t("shelter-phone", phone=shelter.phone))
    lines.append(updated(t, shelter.updated_at))
    if shelter.sample:
        lines.append(t("sample-marker"))
    return "\n".join(lines)


def updated(t: Translator, moment: datetime) -> str:
    age = Age.since(moment)
    return t(f"shelter-updated-{age.unit}", count=age.count)


def _place(t: Translator, shelter: Shelter, geography: Geography) -> str:
    area = geography.area(shelter.district)
    village = village_name(geography, shelter.village, t.locale)
    parts = [shelter.address, village, area.name(t.locale) if area else None]
    return ", ".join(part for part in parts if part)


def _pins(
    t: Translator, found: list[Found], area: Area | None = None, staff: bool = False
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for number, item in enumerate(found, 1):
        name = _short(item.shelter.name(t.locale))
        builder.button(
            text=t("btn-shelter-pin", number=number, name=name),
            callback_data=ShelterCb(action=ShelterAction.PIN, shelter=item.shelter.id),
        )
    builder.adjust(1)
    if staff and area is not None:
        builder.row(_staff_list_button(t, area.code))
    builder.row(_button(t("btn-other-district"), ShelterCb(action=ShelterAction.DISTRICTS)))
    builder.row(*_menu_row(t))
    return builder.as_markup()


def _nothing_found(
    t: Translator, area: Area | None = None, staff: bool = False
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if staff and area is not None:
        builder.row(_staff_list_button(t, area.code))
    builder.row(_button(t("btn-other-district"), ShelterCb(action=ShelterAction.DISTRICTS)))
    builder.row(_button(t("menu-hotlines"), MenuCb(item=MenuItem.HOTLINES)))
    builder.row(*_menu_row(t))
    return builder.as_markup()


# --- staff -------------------------------------------------------------------------------


def refused(t: Translator, refusal: Refusal) -> str:
    return t(f"shelter-refused-{refusal.value}")


def staff_districts(t: Translator, areas: list[Area]) -> Screen:
    if not areas:
        return Screen(t("staff-no-districts"), _menu_only(t))
    builder = InlineKeyboardBuilder()
    for area in areas:
        builder.button(
            text=area.name(t.locale),
            callback_data=StaffShelterCb(action=StaffShelterAction.LIST, district=area.code),
        )
    builder.adjust(2)
    builder.row(*_menu_row(t))
    return Screen(t("staff-choose-district"), builder.as_markup())


def staff_list(t: Translator, area: Area, page: StaffPage) -> Screen:
    name = area.name(t.locale)
    if not page.shelters and page.page == 0:
        return Screen(t("staff-no-shelters", area=name), _menu_only(t))
    builder = InlineKeyboardBuilder()
    for shelter in page.shelters:
        label = t(
            "btn-staff-shelter",
            status=shelter.status.value,
            name=_short(shelter.name(t.locale)),
            free=shelter.free_places,
            capacity=shelter.capacity,
        )
        builder.button(text=label, callback_data=_staff(StaffShelterAction.PICK, shelter))
    builder.adjust(1)
    if page.has_more:
        more = StaffShelterCb(
            action=StaffShelterAction.LIST, district=area.code, page=page.page + 1
        )
        builder.row(_button(t("btn-staff-more"), more))
    builder.row(*_menu_row(t))
    return Screen(t("staff-shelters", area=name), builder.as_markup())


def staff_card(t: Translator, shelter: Shelter) -> Screen:
    text = t(
        "staff-card",
        name=html_decoration.quote(shelter.name(t.locale)),
        status=t(f"shelter-status-{shelter.status.value}"),
        free=shelter.free_places,
        capacity=shelter.capacity,
        updated=updated(t, shelter.updated_at),
    )
    builder = InlineKeyboardBuilder()
    for status in ShelterStatus:
        builder.button(
            text=t(f"btn-staff-status-{status.value}"),
            callback_data=_staff(StaffShelterAction.STATUS, shelter, status=status.value),
        )
    builder.adjust(1)
    back = StaffShelterCb(action=StaffShelterAction.LIST, district=shelter.district)
    builder.row(_button(t("btn-staff-back-list"), back))
    builder.row(*_menu_row(t))
    return Screen(text, builder.as_markup())


def staff_ask_free(t: Translator, shelter: Shelter) -> Screen:
    name = html_decoration.quote(shelter.name(t.locale))
    return Screen(t("staff-ask-free", name=name, capacity=shelter.capacity), _cancel(t, shelter))


def staff_free_invalid(t: Translator, shelter: Shelter) -> Screen:
    return Screen(t("staff-free-invalid", capacity=shelter.capacity), _cancel(t, shelter))


def staff_saved(t: Translator, shelter: Shelter) -> Screen:
    text = t(
        "staff-saved",
        name=html_decoration.quote(shelter.name(t.locale)),
        status=t(f"shelter-status-{shelter.status.value}"),
        free=shelter.free_places,
        capacity=shelter.capacity,
    )
    builder = InlineKeyboardBuilder()
    builder.row(_staff_list_button(t, shelter.district, "btn-staff-back-list"))
    builder.row(*_menu_row(t))
    return Screen(text, builder.as_markup())


def staff_cancelled(t: Translator, district: str) -> Screen:
    builder = InlineKeyboardBuilder()
    builder.row(_staff_list_button(t, district, "btn-staff-back-list"))
    builder.row(*_menu_row(t))
    return Screen(t("staff-cancelled"), builder.as_markup())


def _cancel(t: Translator, shelter: Shelter) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(_button(t("btn-staff-cancel"), _staff(StaffShelterAction.CANCEL, shelter)))
    builder.row(*_menu_row(t))
    return builder.as_markup()


def _staff(action: StaffShelterAction, shelter: Shelter, status: str = "") -> StaffShelterCb:
    return StaffShelterCb(action=action, shelter=shelter.id, status=status)


def _staff_list_button(
    t: Translator, district: str, message_id: str = "btn-staff-update"
) -> InlineKeyboardButton:
    data = StaffShelterCb(action=StaffShelterAction.LIST, district=district)
    return _button(t(message_id), data)


# --- shared ------------------------------------------------------------------------------


def _menu_only(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(*_menu_row(t))
    return builder.as_markup()


def _menu_row(t: Translator) -> list[InlineKeyboardButton]:
    return [_button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))]


def _button(text: str, data: MenuCb | ShelterCb | StaffShelterCb) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def _short(name: str) -> str:
    return name if len(name) <= BUTTON_NAME_LENGTH else name[: BUTTON_NAME_LENGTH - 1] + "…"
