"""The buttons under "what Koldo knows about me": the pages, the file, erasing, the menu."""

from __future__ import annotations

from functools import cache

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import MenuCb, MenuItem, MyDataAction, MyDataCb
from bot.i18n import Translator
from bot.keyboards import Row, button, markup


def mydata(t: Translator, page: int, pages: int) -> InlineKeyboardMarkup:
    """Under page `page` (from 0) of `pages`."""
    pager: Row = []
    if page > 0:
        pager.append(
            button(t("btn-page-previous"), MyDataCb(action=MyDataAction.PAGE, page=page - 1))
        )
    if page + 1 < pages:
        pager.append(button(t("btn-page-next"), MyDataCb(action=MyDataAction.PAGE, page=page + 1)))
    rows = [pager] if pager else []
    rows.append([button(t("btn-mydata-file"), MyDataCb(action=MyDataAction.FILE))])
    rows.append([button(t("menu-erase"), MenuCb(item=MenuItem.ERASE))])
    rows.append([button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))])
    return markup(rows)


@cache
def nothing(t: Translator) -> InlineKeyboardMarkup:
    return markup([[button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))]])


@cache
def after_file(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [
            [button(t("menu-erase"), MenuCb(item=MenuItem.ERASE))],
            [button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))],
        ]
    )
