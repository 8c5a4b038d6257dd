"""Keyboards of "we are safe"."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import MenuCb, MenuItem, SafeAction, SafeCb
from bot.i18n import Translator
from bot.keyboards import button, markup
from bot.keyboards.forms import back
from bot.services.household import Sex


def _press(label: str, action: SafeAction, **fields: int | str) -> InlineKeyboardButton:
    return button(label, SafeCb(action=action, **fields))


def _back(t: Translator) -> InlineKeyboardButton:
    return back(t, SafeCb)


def after_case(t: Translator, case_id: int) -> InlineKeyboardMarkup:
    """Under the code of a needs case just sent."""
    return markup([[_press(t("btn-safe-list-people"), SafeAction.BEGIN, case=case_id)]])


@cache
def consent(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [
            [_press(t("btn-safe-agree"), SafeAction.AGREE)],
            [_press(t("btn-safe-not-now"), SafeAction.NOT_NOW)],
        ]
    )


@cache
def name(t: Translator, asks_for_self: bool) -> InlineKeyboardMarkup:
    rows = [[_press(t("btn-safe-not-me"), SafeAction.NOT_ME)]] if asks_for_self else []
    return markup([*rows, [_back(t)]])


@cache
def sex(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [
            [
                _press(t("btn-safe-male"), SafeAction.SEX, value=Sex.MALE),
                _press(t("btn-safe-female"), SafeAction.SEX, value=Sex.FEMALE),
            ],
            [_back(t)],
        ]
    )


@cache
def age(t: Translator) -> InlineKeyboardMarkup:
    return markup([[_press(t("btn-safe-age-unknown"), SafeAction.AGE_UNKNOWN)], [_back(t)]])


@cache
def people(t: Translator, count: int, room: bool) -> InlineKeyboardMarkup:
    rows = [[_press(t("btn-safe-add"), SafeAction.ADD)]] if room else []
    if count:
        rows.append([_press(t("btn-safe-remove"), SafeAction.REMOVE)])
        rows.append([_press(t("btn-safe-done"), SafeAction.DONE)])
    return markup([*rows, [_back(t)]])


def pick(
    t: Translator, labels: Sequence[tuple[int, str]], action: SafeAction, back: SafeAction
) -> InlineKeyboardMarkup:
    """One button per person: (the number the button carries, its label)."""
    rows = [[_press(label, action, person=number)] for number, label in labels]
    return markup([*rows, [_press(t("btn-back"), back)]])


@cache
def listed(t: Translator, room: bool) -> InlineKeyboardMarkup:
    rows = [[_press(t("btn-safe-add-more"), SafeAction.ADD)]] if room else []
    return markup(
        [
            *rows,
            [_press(t("btn-safe-remove"), SafeAction.REMOVE)],
            [_press(t("btn-safe-stop"), SafeAction.STOP)],
            [button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))],
        ]
    )


@cache
def stop(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [
            [_press(t("btn-safe-stop-sure"), SafeAction.STOP_SURE)],
            [_press(t("btn-safe-stop-keep"), SafeAction.LISTED)],
        ]
    )
