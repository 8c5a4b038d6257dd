"""Keyboards of the needs form."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.callbacks import FormExitCb, NeedsCb
from bot.i18n import Translator
from bot.keyboards import button, in_pairs, markup
from bot.services.needs import Need, Vulnerability
from storage.places import Area, Geography

SIZE_BUTTONS = ("1", "2", "3", "4", "5")
EDITABLE_STEPS = ("location", "size", "vulnerable", "needs", "phone", "details")


@cache
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


@cache
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


@cache
def districts(t: Translator, geography: Geography) -> InlineKeyboardMarkup:
    areas = (
        button(area.name(t.locale), NeedsCb(action="district", value=area.code))
        for area in geography.areas
    )
    return markup([*in_pairs(areas), [_back(t)]])


@cache
def villages(t: Translator, area: Area) -> InlineKeyboardMarkup:
    places = (
        button(village.name(t.locale), NeedsCb(action="village", value=village.code))
        for village in sorted(area.villages, key=lambda v: v.name(t.locale))
    )
    not_listed = button(t("btn-village-not-listed"), NeedsCb(action="village"))
    return markup([*in_pairs(places), [not_listed], [_back(t)]])


@cache
def household_size(t: Translator) -> InlineKeyboardMarkup:
    sizes = [button(size, NeedsCb(action="size", value=size)) for size in SIZE_BUTTONS]
    more = button(t("btn-size-more"), NeedsCb(action="size", value="more"))
    return markup([sizes[:3], [*sizes[3:], more], [_back(t)]])


def vulnerabilities(t: Translator, chosen: Sequence[Vulnerability]) -> InlineKeyboardMarkup:
    labels = {item.value: t(f"vuln-{item.value}") for item in Vulnerability}
    done = "btn-continue" if chosen else "btn-nobody-vulnerable"
    return _toggles(t, "vuln", labels, chosen, t(done), "vuln-done")


def needs(t: Translator, chosen: Sequence[Need]) -> InlineKeyboardMarkup:
    labels = {item.value: t(f"need-{item.value}") for item in Need}
    return _toggles(t, "need", labels, chosen, t("btn-continue"), "needs-done")


def _toggles(
    t: Translator,
    action: str,
    labels: dict[str, str],
    chosen: Sequence[str],
    done_label: str,
    done_action: str,
) -> InlineKeyboardMarkup:
    rows = [
        [
            button(
                t("toggle", on="yes" if value in chosen else "no", label=label),
                NeedsCb(action=action, value=value),
            )
        ]
        for value, label in labels.items()
    ]
    return markup([*rows, [button(done_label, NeedsCb(action=done_action))], [_back(t)]])


@cache
def details(t: Translator, has_details: bool) -> InlineKeyboardMarkup:
    label = "btn-continue" if has_details else "btn-skip"
    return markup([[button(t(label), NeedsCb(action="details-done"))], [_back(t)]])


@cache
def summary(t: Translator) -> InlineKeyboardMarkup:
    edits = (
        button(t(f"btn-edit-{step}"), NeedsCb(action="edit", value=step)) for step in EDITABLE_STEPS
    )
    return markup(
        [
            [button(t("btn-confirm"), NeedsCb(action="confirm"))],
            *in_pairs(edits),
            [button(t("btn-cancel-form"), NeedsCb(action="cancel"))],
            [_back(t)],
        ]
    )


@cache
def leave_form(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [
            [button(t("btn-form-resume"), FormExitCb(resume=True))],
            [button(t("btn-form-discard"), FormExitCb(resume=False))],
        ]
    )


def _back(t: Translator) -> InlineKeyboardButton:
    return button(t("btn-back"), NeedsCb(action="back"))
