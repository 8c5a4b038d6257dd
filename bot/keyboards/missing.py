"""Keyboards of a missing relative's report (what every form shares is in forms.py)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from aiogram.types import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.callbacks import MenuCb, MenuItem, MissingCb
from bot.i18n import Translator
from bot.keyboards import button, in_pairs, markup
from bot.keyboards.forms import back, reply_keyboard, toggles
from bot.keyboards.forms import summary as form_summary
from bot.services.missing import VULNERABILITIES, Relation, Sex
from bot.services.needs import Vulnerability

EDITABLE_STEPS = (
    "name",
    "sex",
    "age",
    "relation",
    "place",
    "seen",
    "vulnerable",
    "photos",
    "description",
    "reporter",
    "phone",
)
SEEN_BUTTONS = ("today", "yesterday", "date", "unknown")


@cache
def intro(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [
            [button(t("btn-missing-report"), MissingCb(action="start"))],
            [button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))],
        ]
    )


@cache
def step_back(t: Translator) -> InlineKeyboardMarkup:
    return markup([[back(t, MissingCb)]])


@cache
def sex(t: Translator) -> InlineKeyboardMarkup:
    choices = [button(t(f"missing-sex-{s.value}"), MissingCb(action="sex", value=s)) for s in Sex]
    return markup([choices[:2], choices[2:], [back(t, MissingCb)]])


@cache
def age(t: Translator) -> InlineKeyboardMarkup:
    unknown = button(t("btn-missing-age-unknown"), MissingCb(action="age-unknown"))
    return markup([[unknown], [back(t, MissingCb)]])


@cache
def relations(t: Translator) -> InlineKeyboardMarkup:
    choices = (
        button(t(f"relation-{r.value}"), MissingCb(action="relation", value=r)) for r in Relation
    )
    return markup([*in_pairs(choices), [back(t, MissingCb)]])


@cache
def seen(t: Translator) -> InlineKeyboardMarkup:
    days = [
        button(t(f"btn-missing-seen-{key}"), MissingCb(action="seen", value=key))
        for key in SEEN_BUTTONS
    ]
    return markup([days[:2], days[2:3], days[3:], [back(t, MissingCb)]])


def vulnerabilities(t: Translator, chosen: Sequence[Vulnerability]) -> InlineKeyboardMarkup:
    labels = {item.value: t(f"vuln-{item.value}") for item in VULNERABILITIES}
    done = "btn-continue" if chosen else "btn-missing-none-of-these"
    return toggles(
        t, MissingCb, "vuln", labels, chosen, button(t(done), MissingCb(action="vuln-done"))
    )


@cache
def go_on(t: Translator, action: str, has_answer: bool) -> InlineKeyboardMarkup:
    """Continue once something was given, Skip before; then Back."""
    label = "btn-continue" if has_answer else "btn-skip"
    return markup([[button(t(label), MissingCb(action=action))], [back(t, MissingCb)]])


def reporter(t: Translator, suggestion: str | None) -> ReplyKeyboardMarkup:
    """Their own first name as Telegram knows it, to tap instead of typing; then Back."""
    rows = [[KeyboardButton(text=suggestion)]] if suggestion else []
    return reply_keyboard([*rows, [KeyboardButton(text=t("btn-back"))]])


@cache
def summary(t: Translator) -> InlineKeyboardMarkup:
    return form_summary(t, MissingCb, EDITABLE_STEPS, "btn-missing-send", "btn-missing-cancel")


@cache
def sent(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [
            [button(t("btn-missing-another"), MissingCb(action="start"))],
            [button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))],
        ]
    )
