"""Keyboards of the needs form (what every form shares is in bot/keyboards/forms.py)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import NeedsCb
from bot.i18n import Translator
from bot.keyboards import button, markup
from bot.keyboards.forms import back, toggles
from bot.keyboards.forms import summary as form_summary
from bot.services.needs import Need, Vulnerability

SIZE_BUTTONS = ("1", "2", "3", "4", "5")
EDITABLE_STEPS = ("location", "size", "vulnerable", "needs", "phone", "details")


@cache
def household_size(t: Translator) -> InlineKeyboardMarkup:
    sizes = [button(size, NeedsCb(action="size", value=size)) for size in SIZE_BUTTONS]
    more = button(t("btn-size-more"), NeedsCb(action="size", value="more"))
    return markup([sizes[:3], [*sizes[3:], more], [back(t, NeedsCb)]])


def vulnerabilities(t: Translator, chosen: Sequence[Vulnerability]) -> InlineKeyboardMarkup:
    labels = {item.value: t(f"vuln-{item.value}") for item in Vulnerability}
    done = "btn-continue" if chosen else "btn-nobody-vulnerable"
    return toggles(t, NeedsCb, "vuln", labels, chosen, button(t(done), NeedsCb(action="vuln-done")))


def needs(t: Translator, chosen: Sequence[Need]) -> InlineKeyboardMarkup:
    labels = {item.value: t(f"need-{item.value}") for item in Need}
    done = button(t("btn-continue"), NeedsCb(action="needs-done"))
    return toggles(t, NeedsCb, "need", labels, chosen, done)


@cache
def details(t: Translator, has_details: bool) -> InlineKeyboardMarkup:
    label = "btn-continue" if has_details else "btn-skip"
    return markup([[button(t(label), NeedsCb(action="details-done"))], [back(t, NeedsCb)]])


@cache
def summary(t: Translator) -> InlineKeyboardMarkup:
    return form_summary(t, NeedsCb, EDITABLE_STEPS, "btn-confirm", "btn-cancel-form")
