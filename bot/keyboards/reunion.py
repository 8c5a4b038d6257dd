"""Buttons of the possible-match screens (coordinators) and of the consent question (families)."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import CaseAction, CaseCb, ConsentAnswer, MatchAction, MatchCb, MatchConsentCb
from bot.i18n import Translator
from bot.keyboards import Row, button, markup

REJECT_REASONS = ("different-person", "age", "place", "other")
OUTCOMES = ("agrees", "declines", "unreachable")


def _to_case(t: Translator, case_id: int) -> Row:
    return [button(t("btn-case-back"), CaseCb(action=CaseAction.OPEN, case=case_id))]


def _to_list(t: Translator, case_id: int) -> Row:
    return [button(t("btn-match-list"), MatchCb(action=MatchAction.LIST, case=case_id))]


def match_list(
    t: Translator, case_id: int, match_ids: Sequence[int], labels: Sequence[str]
) -> InlineKeyboardMarkup:
    rows: list[Row] = [
        [button(label, MatchCb(action=MatchAction.OPEN, match=match_id))]
        for match_id, label in zip(match_ids, labels, strict=True)
    ]
    return markup([*rows, _to_case(t, case_id)])


def card(
    t: Translator, match_id: int, case_id: int, *, undecided: bool, unsure: bool, outcomes: bool
) -> InlineKeyboardMarkup:
    """Verify / reject / not sure while undecided; the outcome of reaching a person of an
    imported list once verified; always the way back."""

    def act(label: str, action: MatchAction, value: str = "") -> Row:
        return [button(label, MatchCb(action=action, match=match_id, value=value))]

    rows: list[Row] = []
    if undecided:
        rows.append(act(t("btn-match-verify"), MatchAction.VERIFY))
        rows.append(act(t("btn-match-reject"), MatchAction.REJECT))
        if not unsure:
            rows.append(act(t("btn-match-unsure"), MatchAction.UNSURE))
    if outcomes:
        rows += [act(t(f"btn-match-outcome-{key}"), MatchAction.OUTCOME, key) for key in OUTCOMES]
    return markup([*rows, _to_list(t, case_id), _to_case(t, case_id)])


def reject_reasons(t: Translator, match_id: int) -> InlineKeyboardMarkup:
    rows = [
        [
            button(
                t(f"btn-match-why-{key}"),
                MatchCb(action=MatchAction.REASON, match=match_id, value=key),
            )
        ]
        for key in REJECT_REASONS
    ]
    back = [button(t("btn-match-back"), MatchCb(action=MatchAction.OPEN, match=match_id))]
    return markup([*rows, back])


def open_match(t: Translator, match_id: int) -> InlineKeyboardMarkup:
    return markup([[button(t("btn-match-open"), MatchCb(action=MatchAction.OPEN, match=match_id))]])


def alert(t: Translator, entries: Sequence[tuple[str, MatchCb]]) -> InlineKeyboardMarkup:
    """One button per case: its match when it has one to decide, else its list."""
    return markup([[button(label, data)] for label, data in entries])


def consent(t: Translator, match_id: int, phone_known: bool) -> InlineKeyboardMarkup:
    """Yes with my phone (only when Koldo knows it), yes without, no."""
    answers = [ConsentAnswer.WITHOUT_PHONE, ConsentAnswer.NO]
    if phone_known:
        answers.insert(0, ConsentAnswer.WITH_PHONE)
    rows = [
        [button(t(f"btn-reunion-consent-{a.value}"), MatchConsentCb(match=match_id, answer=a))]
        for a in answers
    ]
    return markup(rows)
