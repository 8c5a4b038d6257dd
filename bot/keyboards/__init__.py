"""Keyboards. Big, one idea per button, and a way back on every screen.

One module per journey; what every journey shares is here.

Markups are built directly (the keyboard builder deep-copies every button), and those that
depend on the language alone are built once per language: they are on every update's path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)

from bot.callbacks import ConsentCb, EraseCb, LanguageCb, MenuCb, MenuItem
from bot.config import LOCALES
from bot.i18n import Translator

Row = list[InlineKeyboardButton]
MENU_LAYOUT: tuple[tuple[MenuItem, ...], ...] = (
    (MenuItem.NEEDS,),
    (MenuItem.SHELTERS, MenuItem.HOTLINES),
    (MenuItem.MISSING, MenuItem.SAFE),
    (MenuItem.CASES, MenuItem.UPDATES),
    (MenuItem.LANGUAGE, MenuItem.MY_DATA),
    (MenuItem.ERASE,),
)


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def markup(rows: Iterable[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[list(row) for row in rows])


def in_pairs(buttons: Iterable[InlineKeyboardButton]) -> list[Row]:
    every = list(buttons)
    return [every[i : i + 2] for i in range(0, len(every), 2)]


@cache
def languages(t: Translator) -> InlineKeyboardMarkup:
    return markup([button(t(f"language-name-{code}"), LanguageCb(code=code))] for code in LOCALES)


@cache
def consent(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [
            [button(t("btn-consent-agree"), ConsentCb(agree=True))],
            [button(t("btn-consent-decline"), ConsentCb(agree=False))],
        ]
    )


COORDINATOR_TOOLS = (MenuItem.QUEUE, MenuItem.MY_SHELTERS)
ADMIN_TOOLS = (
    *COORDINATOR_TOOLS,
    MenuItem.BROADCAST,
    MenuItem.BROADCASTS,
    MenuItem.STAFF,
    MenuItem.REPORT,
)


# Two buttons share a row only when both labels fit half a small phone's width; a longer one
# (most Kyrgyz labels) gets its own row rather than being cut off with an ellipsis.
PAIRED_LABEL = 16
_LEADING_SYMBOLS = re.compile(r"^\W+")


def fits_half_a_row(label: str) -> bool:
    """The label's words, its leading emoji aside, are short enough to share a row."""
    return len(_LEADING_SYMBOLS.sub("", label).strip()) <= PAIRED_LABEL


def rows_that_fit(buttons: Iterable[Sequence[InlineKeyboardButton]]) -> list[Row]:
    """Each row as laid out, split into single buttons where a label is too long to pair."""
    found: list[Row] = []
    for row in buttons:
        if len(row) > 1 and not all(fits_half_a_row(b.text) for b in row):
            found += [[b] for b in row]
        else:
            found.append(list(row))
    return found


@cache
def main_menu(t: Translator, tools: tuple[MenuItem, ...] = ()) -> InlineKeyboardMarkup:
    """The family's menu; a staff member's has their tools first."""
    items = [button(t(f"menu-{item.value}"), MenuCb(item=item)) for item in tools]
    family = (
        [button(t(f"menu-{item.value}"), MenuCb(item=item)) for item in row] for row in MENU_LAYOUT
    )
    return markup(rows_that_fit([*in_pairs(items), *family]))


@cache
def back_to_menu(t: Translator) -> InlineKeyboardMarkup:
    return markup([[button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))]])


@cache
def erase(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [
            [button(t("btn-erase-confirm"), EraseCb(confirm=True))],
            [button(t("btn-erase-keep"), EraseCb(confirm=False))],
        ]
    )
