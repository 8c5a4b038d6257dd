"""Buttons of the case screens, for coordinators and for families."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import (
    CaseAction,
    CaseCb,
    CaseFilesCb,
    MatchAction,
    MatchCb,
    MenuCb,
    MenuItem,
    MyCaseAction,
    MyCaseCb,
)
from bot.i18n import Translator
from bot.keyboards import Row, button, markup
from storage.models import Case, CaseKind, CaseStatus, Priority

PRIORITY_MARKS = {Priority.URGENT: "🔴", Priority.HIGH: "🟠", Priority.NORMAL: "⚪"}
CANNED_KEYS = ("received", "send-location", "aid-at")
OUTCOME_KEYS = ("helped", "referred", "unreachable", "duplicate")


def _menu(t: Translator) -> Row:
    return [button(t("btn-main-menu"), MenuCb(item=MenuItem.HOME))]


def _to_card(t: Translator, case_id: int) -> Row:
    return [button(t("btn-case-back"), CaseCb(action=CaseAction.OPEN, case=case_id))]


def queue(
    t: Translator, cases: Sequence[Case], labels: Sequence[str], page: int, has_more: bool
) -> InlineKeyboardMarkup:
    rows: list[Row] = [
        [button(label, CaseCb(action=CaseAction.OPEN, case=case.id))]
        for case, label in zip(cases, labels, strict=True)
    ]
    pager: Row = []
    if page > 0:
        pager.append(button(t("btn-page-previous"), CaseCb(action=CaseAction.QUEUE, page=page - 1)))
    if has_more:
        pager.append(button(t("btn-page-next"), CaseCb(action=CaseAction.QUEUE, page=page + 1)))
    refresh = button(t("btn-queue-refresh"), CaseCb(action=CaseAction.QUEUE, page=page))
    return markup([*rows, pager, [refresh], _menu(t)])


def card(
    t: Translator,
    case: Case,
    held_by_me: bool,
    can_take_over: bool = False,
    matches: int = 0,
    files: int = 0,
) -> InlineKeyboardMarkup:
    """The buttons of a case card; `can_take_over` for an admin on a case someone else holds;
    a missing case's possible matches (`matches` of them) first, then its `files`, if any."""

    def act(label: str, action: CaseAction) -> list[Row]:
        return [[button(t(label), CaseCb(action=action, case=case.id))]]

    rows: list[Row] = []
    if case.kind == CaseKind.MISSING:
        label = t("btn-case-matches", count=matches)
        rows.append([button(label, MatchCb(action=MatchAction.LIST, case=case.id))])
    if files:
        rows.append([button(t("btn-case-files", count=files), CaseFilesCb(case=case.id))])
    if case.status != CaseStatus.RESOLVED and case.assignee_id is None:
        rows += act("btn-case-claim", CaseAction.CLAIM)
    if can_take_over and case.status != CaseStatus.RESOLVED:
        rows += act("btn-case-take-over", CaseAction.CLAIM)
        rows += act("btn-case-handover", CaseAction.HANDOVER)
        rows += act("btn-case-release", CaseAction.RELEASE)
    if held_by_me and case.status != CaseStatus.RESOLVED:
        rows += act("btn-case-canned", CaseAction.CANNED)
        rows += act("btn-case-note", CaseAction.NOTE)
        rows += act("btn-case-waiting", CaseAction.WAITING)
        rows += act("btn-case-resolve", CaseAction.RESOLVE)
        rows += act("btn-case-handover", CaseAction.HANDOVER)
        rows += act("btn-case-release", CaseAction.RELEASE)
    rows.append([button(t("btn-queue"), CaseCb(action=CaseAction.QUEUE))])
    return markup(rows)


def files(t: Translator, case_id: int, page: int, has_more: bool) -> InlineKeyboardMarkup:
    """Under a page of a case's files: the next ones, if any, and back to the card."""
    more: list[Row] = []
    if has_more:
        more = [[button(t("btn-case-files-more"), CaseFilesCb(case=case_id, page=page + 1))]]
    return markup([*more, _to_card(t, case_id)])


def canned(t: Translator, case_id: int) -> InlineKeyboardMarkup:
    rows = [
        [
            button(
                t(f"btn-canned-{key}"),
                CaseCb(action=CaseAction.CANNED_KEY, case=case_id, value=key),
            )
        ]
        for key in CANNED_KEYS
    ]
    return markup([*rows, _to_card(t, case_id)])


def outcomes(t: Translator, case_id: int) -> InlineKeyboardMarkup:
    rows = [
        [button(t(f"outcome-{key}"), CaseCb(action=CaseAction.OUTCOME, case=case_id, value=key))]
        for key in OUTCOME_KEYS
    ]
    return markup([*rows, _to_card(t, case_id)])


def hand_over(
    t: Translator, case_id: int, people: Sequence[tuple[int, str]]
) -> InlineKeyboardMarkup:
    rows = [
        [button(label, CaseCb(action=CaseAction.HANDOVER_TO, case=case_id, value=str(user_id)))]
        for user_id, label in people
    ]
    return markup([*rows, _to_card(t, case_id)])


def back_to_card(t: Translator, case_id: int) -> InlineKeyboardMarkup:
    return markup([_to_card(t, case_id)])


def open_case(t: Translator, case_id: int) -> InlineKeyboardMarkup:
    return markup([[button(t("btn-case-open"), CaseCb(action=CaseAction.OPEN, case=case_id))]])


# --- families ------------------------------------------------------------------------------


def my_cases(t: Translator, cases: Sequence[Case], labels: Sequence[str]) -> InlineKeyboardMarkup:
    rows = [
        [button(label, MyCaseCb(action=MyCaseAction.OPEN, case=case.id))]
        for case, label in zip(cases, labels, strict=True)
    ]
    return markup([*rows, _menu(t)])


def family_case(t: Translator, case_id: int, can_say_found: bool = False) -> InlineKeyboardMarkup:
    """A family's case; `can_say_found` on an open missing report."""
    found: list[Row] = []
    if can_say_found:
        found = [
            [button(t("btn-my-case-found"), MyCaseCb(action=MyCaseAction.FOUND, case=case_id))]
        ]
    return markup(
        [
            [button(t("btn-my-case-write"), MyCaseCb(action=MyCaseAction.WRITE, case=case_id))],
            *found,
            [button(t("btn-my-cases"), MyCaseCb(action=MyCaseAction.LIST))],
            _menu(t),
        ]
    )


def found_question(t: Translator, case_id: int) -> InlineKeyboardMarkup:
    return markup(
        [
            [
                button(
                    t("btn-missing-found-yes"),
                    MyCaseCb(action=MyCaseAction.FOUND_YES, case=case_id),
                )
            ],
            [button(t("btn-missing-found-no"), MyCaseCb(action=MyCaseAction.OPEN, case=case_id))],
        ]
    )


def family_cases_menu(t: Translator) -> InlineKeyboardMarkup:
    return markup([[button(t("btn-my-cases"), MyCaseCb(action=MyCaseAction.LIST))], _menu(t)])


def family_reply(t: Translator, case_id: int) -> InlineKeyboardMarkup:
    return markup(
        [[button(t("btn-my-case-answer"), MyCaseCb(action=MyCaseAction.WRITE, case=case_id))]]
    )


def family_writing(t: Translator) -> InlineKeyboardMarkup:
    return markup([[button(t("btn-my-case-done"), MyCaseCb(action=MyCaseAction.DONE))]])


def to_queue(t: Translator) -> InlineKeyboardMarkup:
    return markup([[button(t("btn-queue"), CaseCb(action=CaseAction.QUEUE))]])
