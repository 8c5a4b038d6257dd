"""The buttons under the safety updates: older and newer pages, "Is this true?", the menu."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import MenuCb, MenuItem, UpdatesCb
from bot.i18n import Translator
from bot.keyboards import Row, button, markup


def updates(t: Translator, newer: int | None, older: int | None) -> InlineKeyboardMarkup:
    """`newer` and `older`: the pages the arrows lead to, None where there is none."""
    pager: Row = []
    if newer is not None:
        pager.append(button(t("btn-updates-newer"), UpdatesCb(page=newer)))
    if older is not None:
        pager.append(button(t("btn-updates-older"), UpdatesCb(page=older)))
    rows = [pager] if pager else []
    rows.append([button(t("btn-rumour"), MenuCb(item=MenuItem.RUMOUR))])
    rows.append([button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))])
    return markup(rows)
