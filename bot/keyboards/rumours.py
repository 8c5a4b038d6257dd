"""Buttons of "is this true?", for families asking and for the staff who answer."""

from __future__ import annotations

from functools import cache

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import (
    CaseAction,
    CaseCb,
    MenuCb,
    MenuItem,
    MyCaseAction,
    MyCaseCb,
    RumourAction,
    RumourCb,
)
from bot.i18n import Translator
from bot.keyboards import Row, button, markup
from storage.models import Verdict

# The queue's mark of a rumour, where other cases show their priority.
RUMOUR_MARK = "❓"


def _menu(t: Translator) -> Row:
    return [button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))]


def _queue(t: Translator) -> Row:
    return [button(t("btn-queue"), CaseCb(action=CaseAction.QUEUE))]


@cache
def family_prompt(t: Translator, has_content: bool) -> InlineKeyboardMarkup:
    """While a family tells what they saw: Send once there is something to send."""
    send: list[Row] = []
    if has_content:
        send = [[button(t("btn-rumour-send"), RumourCb(action=RumourAction.SEND))]]
    return markup([*send, _menu(t)])


@cache
def family_after(t: Translator) -> InlineKeyboardMarkup:
    return markup([[button(t("btn-my-cases"), MyCaseCb(action=MyCaseAction.LIST))], _menu(t)])


def card(
    t: Translator, case_id: int, can_answer: bool, can_broadcast: bool
) -> InlineKeyboardMarkup:
    rows: list[Row] = []
    if can_answer:
        rows += [
            [
                button(
                    t(f"btn-rumour-{verdict.value}"),
                    RumourCb(action=RumourAction.VERDICT, case=case_id, value=verdict.value),
                )
            ]
            for verdict in (Verdict.TRUE, Verdict.FALSE, Verdict.UNKNOWN)
        ]
    if can_broadcast:
        rows.append(_broadcast(t, case_id))
    return markup([*rows, _queue(t)])


def _broadcast(t: Translator, case_id: int) -> Row:
    return [
        button(t("btn-rumour-broadcast"), RumourCb(action=RumourAction.BROADCAST, case=case_id))
    ]


def _cancel(t: Translator) -> Row:
    return [button(t("btn-rumour-cancel"), RumourCb(action=RumourAction.CANCEL))]


@cache
def writing(t: Translator, optional: bool) -> InlineKeyboardMarkup:
    skip: list[Row] = []
    if optional:
        skip = [[button(t("btn-rumour-skip"), RumourCb(action=RumourAction.SKIP))]]
    return markup([*skip, _cancel(t)])


def preview(t: Translator, case_id: int, families: int) -> InlineKeyboardMarkup:
    confirm = RumourCb(action=RumourAction.CONFIRM, case=case_id)
    return markup(
        [
            [button(t("btn-rumour-confirm", count=families), confirm)],
            [button(t("btn-rumour-rewrite"), RumourCb(action=RumourAction.REWRITE))],
            _cancel(t),
        ]
    )


def done(t: Translator, case_id: int, can_broadcast: bool) -> InlineKeyboardMarkup:
    rows = [_broadcast(t, case_id)] if can_broadcast else []
    return markup([*rows, _queue(t)])
