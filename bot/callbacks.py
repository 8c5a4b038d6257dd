"""Callback data of every inline button. It comes from the person's phone: never trust it."""

from __future__ import annotations

import enum

from aiogram.filters.callback_data import CallbackData


class MenuItem(enum.StrEnum):
    NEEDS = "needs"
    SHELTERS = "shelters"
    HOTLINES = "hotlines"
    MISSING = "missing"
    CASES = "cases"
    UPDATES = "updates"
    LANGUAGE = "language"
    ERASE = "erase"
    HOME = "home"


class LanguageCb(CallbackData, prefix="lang"):
    code: str


class ConsentCb(CallbackData, prefix="consent"):
    agree: bool


class MenuCb(CallbackData, prefix="menu"):
    item: MenuItem


class NeedsCb(CallbackData, prefix="needs"):
    """A button of the needs form; `action` names what it does, `value` what it carries."""

    action: str
    value: str = ""


class FormExitCb(CallbackData, prefix="leave"):
    resume: bool


class EraseCb(CallbackData, prefix="erase"):
    confirm: bool
