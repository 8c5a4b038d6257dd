"""Keyboards. Big, one idea per button, and a way back on every screen."""

from __future__ import annotations

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import ConsentCb, EraseCb, FormExitCb, LanguageCb, MenuCb, MenuItem, NeedsCb
from bot.config import LOCALES
from bot.i18n import Translator
from bot.services.needs import Need, Vulnerability
from storage.places import Area, Geography

SIZE_BUTTONS = ("1", "2", "3", "4", "5")
MENU_LAYOUT: tuple[tuple[MenuItem, ...], ...] = (
    (MenuItem.NEEDS,),
    (MenuItem.SHELTERS, MenuItem.HOTLINES),
    (MenuItem.MISSING,),
    (MenuItem.CASES, MenuItem.UPDATES),
    (MenuItem.LANGUAGE, MenuItem.ERASE),
)


def languages(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code in LOCALES:
        builder.button(text=t(f"language-name-{code}"), callback_data=LanguageCb(code=code))
    builder.adjust(1)
    return builder.as_markup()


def consent(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("btn-consent-agree"), callback_data=ConsentCb(agree=True))
    builder.button(text=t("btn-consent-decline"), callback_data=ConsentCb(agree=False))
    builder.adjust(1)
    return builder.as_markup()


def main_menu(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for row in MENU_LAYOUT:
        builder.row(*(_button(t(f"menu-{item.value}"), MenuCb(item=item).pack()) for item in row))
    return builder.as_markup()


def back_to_menu(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("btn-main-menu"), callback_data=MenuCb(item=MenuItem.HOME))
    return builder.as_markup()


def share_location(t: Translator) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=t("btn-share-location"), request_location=True)],
            [KeyboardButton(text=t("btn-choose-district"))],
            [KeyboardButton(text=t("btn-back"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def share_contact(t: Translator) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=t("btn-share-phone"), request_contact=True)],
            [KeyboardButton(text=t("btn-skip"))],
            [KeyboardButton(text=t("btn-back"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def districts(t: Translator, geography: Geography) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for area in geography.areas:
        builder.button(
            text=area.name(t.locale), callback_data=NeedsCb(action="district", value=area.code)
        )
    builder.adjust(2)
    builder.row(_back(t))
    return builder.as_markup()


def villages(t: Translator, area: Area) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for village in sorted(area.villages, key=lambda v: v.name(t.locale)):
        builder.button(
            text=village.name(t.locale), callback_data=NeedsCb(action="village", value=village.code)
        )
    builder.adjust(2)
    builder.row(_button(t("btn-village-not-listed"), NeedsCb(action="village").pack()))
    builder.row(_back(t))
    return builder.as_markup()


def household_size(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for size in SIZE_BUTTONS:
        builder.button(text=size, callback_data=NeedsCb(action="size", value=size))
    builder.button(text=t("btn-size-more"), callback_data=NeedsCb(action="size", value="more"))
    builder.adjust(3)
    builder.row(_back(t))
    return builder.as_markup()


def vulnerabilities(t: Translator, chosen: list[Vulnerability]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for item in Vulnerability:
        label = t("toggle", on="yes" if item in chosen else "no", label=t(f"vuln-{item.value}"))
        builder.button(text=label, callback_data=NeedsCb(action="vuln", value=item.value))
    builder.adjust(1)
    done = "btn-continue" if chosen else "btn-nobody-vulnerable"
    builder.row(_button(t(done), NeedsCb(action="vuln-done").pack()))
    builder.row(_back(t))
    return builder.as_markup()


def needs(t: Translator, chosen: list[Need]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for item in Need:
        label = t("toggle", on="yes" if item in chosen else "no", label=t(f"need-{item.value}"))
        builder.button(text=label, callback_data=NeedsCb(action="need", value=item.value))
    builder.adjust(1)
    builder.row(_button(t("btn-continue"), NeedsCb(action="needs-done").pack()))
    builder.row(_back(t))
    return builder.as_markup()


def details(t: Translator, has_details: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    label = "btn-continue" if has_details else "btn-skip"
    builder.button(text=t(label), callback_data=NeedsCb(action="details-done"))
    builder.row(_back(t))
    return builder.as_markup()


EDITABLE_STEPS = ("location", "size", "vulnerable", "needs", "phone", "details")


def summary(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("btn-confirm"), callback_data=NeedsCb(action="confirm"))
    for step in EDITABLE_STEPS:
        builder.button(text=t(f"btn-edit-{step}"), callback_data=NeedsCb(action="edit", value=step))
    builder.button(text=t("btn-cancel-form"), callback_data=NeedsCb(action="cancel"))
    builder.adjust(1, 2, 2, 2, 1)
    builder.row(_back(t))
    return builder.as_markup()


def leave_form(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("btn-form-resume"), callback_data=FormExitCb(resume=True))
    builder.button(text=t("btn-form-discard"), callback_data=FormExitCb(resume=False))
    builder.adjust(1)
    return builder.as_markup()


def erase(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("btn-erase-confirm"), callback_data=EraseCb(confirm=True))
    builder.button(text=t("btn-erase-keep"), callback_data=EraseCb(confirm=False))
    builder.adjust(1)
    return builder.as_markup()


def _back(t: Translator) -> InlineKeyboardButton:
    return _button(t("btn-back"), NeedsCb(action="back").pack())


def _button(text: str, callback_data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=callback_data)
