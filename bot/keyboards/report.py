"""The buttons under the situation report's figures."""

from __future__ import annotations

from datetime import time

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import MenuCb, MenuItem, ReportCb
from bot.i18n import Translator
from bot.keyboards import button, markup


def daily_switch(t: Translator, daily: bool, at: time) -> InlineKeyboardMarkup:
    """Turn the daily report on (at `at`, Kyrgyzstan's time) or off, and the main menu."""
    switch = (
        button(t("btn-report-daily-off"), ReportCb(daily=False))
        if daily
        else button(t("btn-report-daily-on", at=f"{at:%H:%M}"), ReportCb(daily=True))
    )
    return markup([[switch], [button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))]])
