"""Keyboards every form shares: the place pickers, toggles, the phone and leaving the form.

Inline buttons carry the form's own callback data (`form`, a FormCb of that form), so that a
button of one form never reaches the handlers of another.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.callbacks import AgreedForCb, ConsentCb, FormCb, FormExitCb, MenuItem
from bot.i18n import Translator
from bot.keyboards import Row, button, in_pairs, markup
from storage.places import Area, Geography


def reply_keyboard(rows: Sequence[Sequence[KeyboardButton]]) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[list(row) for row in rows], resize_keyboard=True, one_time_keyboard=True
    )


@cache
def share_location(t: Translator, send_label: str = "btn-share-location") -> ReplyKeyboardMarkup:
    return reply_keyboard(
        [
            [KeyboardButton(text=t(send_label), request_location=True)],
            [KeyboardButton(text=t("btn-choose-district"))],
            [KeyboardButton(text=t("btn-back"))],
        ]
    )


@cache
def share_contact(t: Translator) -> ReplyKeyboardMarkup:
    return reply_keyboard(
        [
            [KeyboardButton(text=t("btn-share-phone"), request_contact=True)],
            [KeyboardButton(text=t("btn-skip"))],
            [KeyboardButton(text=t("btn-back"))],
        ]
    )


@cache
def districts(t: Translator, geography: Geography, form: type[FormCb]) -> InlineKeyboardMarkup:
    areas = (
        button(area.name(t.locale), form(action="district", value=area.code))
        for area in geography.areas
    )
    return markup([*in_pairs(areas), [back(t, form)]])


@cache
def villages(
    t: Translator, area: Area, form: type[FormCb], not_listed_label: str = "btn-village-not-listed"
) -> InlineKeyboardMarkup:
    places = (
        button(village.name(t.locale), form(action="village", value=village.code))
        for village in sorted(area.villages, key=lambda v: v.name(t.locale))
    )
    not_listed = button(t(not_listed_label), form(action="village"))
    return markup([*in_pairs(places), [not_listed], [back(t, form)]])


@cache
def village_typed(t: Translator, form: type[FormCb]) -> InlineKeyboardMarkup:
    """While the village's name is typed: go on without it, or back to the list."""
    return markup([[button(t("btn-skip"), form(action="no-village"))], [back(t, form)]])


@cache
def consent(t: Translator, journey: MenuItem) -> InlineKeyboardMarkup:
    """Koldo's consent, asked by a journey: agreeing goes on into it."""
    return markup(
        [
            [button(t("btn-consent-agree"), AgreedForCb(journey=journey))],
            [button(t("btn-consent-decline"), ConsentCb(agree=False))],
        ]
    )


def toggles(
    t: Translator,
    form: type[FormCb],
    action: str,
    labels: dict[str, str],
    chosen: Sequence[str],
    done: InlineKeyboardButton,
) -> InlineKeyboardMarkup:
    """One switch a row (✅ on, ▫️ off), then `done` and Back."""
    rows: list[Row] = [
        [
            button(
                t("toggle", on="yes" if value in chosen else "no", label=label),
                form(action=action, value=value),
            )
        ]
        for value, label in labels.items()
    ]
    return markup([*rows, [done], [back(t, form)]])


def summary(
    t: Translator, form: type[FormCb], steps: Sequence[str], confirm_label: str, cancel_label: str
) -> InlineKeyboardMarkup:
    """Send, an edit button for each answer (`btn-edit-<step>`), cancel, Back."""
    edits = (button(t(f"btn-edit-{step}"), form(action="edit", value=step)) for step in steps)
    return markup(
        [
            [button(t(confirm_label), form(action="confirm"))],
            *in_pairs(edits),
            [button(t(cancel_label), form(action="cancel"))],
            [back(t, form)],
        ]
    )


@cache
def leave_form(t: Translator, resume_label: str = "btn-form-resume") -> InlineKeyboardMarkup:
    return markup(
        [
            [button(t(resume_label), FormExitCb(resume=True))],
            [button(t("btn-form-discard"), FormExitCb(resume=False))],
        ]
    )


def back(t: Translator, form: type[FormCb]) -> InlineKeyboardButton:
    return button(t("btn-back"), form(action="back"))
