"""Buttons of the broadcast composer and of /broadcasts. Every composer button carries the
draft's key (ComposeCb.key): a button of an older draft never acts on a newer one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import BroadcastAction, BroadcastCb, ComposeAction, ComposeCb
from bot.config import LOCALES
from bot.i18n import Translator
from bot.keyboards import Row, button, in_pairs, markup
from bot.services.broadcasts import KM_CHOICES, AudienceKind, ScheduleChoice
from storage.places import Geography

TYPED_TIME = "type"  # ComposeAction.AT's value for "type a time"


def _b(label: str, key: str, action: ComposeAction, value: str = "") -> Row:
    return [button(label, ComposeCb(action=action, value=value, key=key))]


def _compose(key: str, action: ComposeAction, value: str = "") -> ComposeCb:
    return ComposeCb(action=action, value=value, key=key)


def _footer(t: Translator, key: str, back: bool) -> Row:
    """Back (not on the first step) and Cancel, side by side under every step."""
    row = [button(t("btn-back"), _compose(key, ComposeAction.BACK))] if back else []
    return [*row, button(t("btn-broadcast-cancel"), _compose(key, ComposeAction.CANCEL))]


def step(
    t: Translator,
    key: str,
    rows: Iterable[Sequence[InlineKeyboardButton]] = (),
    back: bool = True,
) -> InlineKeyboardMarkup:
    return markup([*rows, _footer(t, key, back)])


Markup = InlineKeyboardMarkup


def text_step(t: Translator, key: str, skippable: bool, kept: bool, back: bool) -> Markup:
    rows: list[Row] = []
    if kept:
        rows.append(_b(t("btn-broadcast-keep"), key, ComposeAction.KEEP))
    if skippable:
        rows.append(_b(t("btn-skip"), key, ComposeAction.SKIP))
    return step(t, key, rows, back)


def media_step(t: Translator, key: str, kept: bool) -> Markup:
    rows = [_b(t("btn-broadcast-no-media"), key, ComposeAction.SKIP)]
    if kept:
        rows.insert(0, _b(t("btn-broadcast-keep"), key, ComposeAction.KEEP))
    return step(t, key, rows)


def source_step(t: Translator, key: str, kept: bool) -> Markup:
    rows = [_b(t("btn-broadcast-keep"), key, ComposeAction.KEEP)] if kept else []
    return step(t, key, rows)


AUDIENCE_BUTTONS = {
    AudienceKind.EVERYONE: "btn-broadcast-everyone",
    AudienceKind.DISTRICTS: "btn-broadcast-districts",
    AudienceKind.LANGUAGES: "btn-broadcast-languages",
    AudienceKind.COORDINATORS: "btn-broadcast-coordinators",
    AudienceKind.NEAR: "btn-broadcast-near",
}


def audience_step(t: Translator, key: str) -> Markup:
    rows = [
        _b(t(label), key, ComposeAction.AUDIENCE, kind.value)
        for kind, label in AUDIENCE_BUTTONS.items()
    ]
    return step(t, key, rows)


def _toggles(
    t: Translator,
    key: str,
    action: ComposeAction,
    labels: dict[str, str],
    chosen: Sequence[str],
) -> list[Row]:
    switches = (
        button(
            t("toggle", on="yes" if value in chosen else "no", label=label),
            _compose(key, action, value),
        )
        for value, label in labels.items()
    )
    return [*in_pairs(switches), _b(t("btn-continue"), key, ComposeAction.DONE)]


def districts_step(t: Translator, key: str, geography: Geography, chosen: Sequence[str]) -> Markup:
    labels = {area.code: area.name(t.locale) for area in geography.areas}
    return step(t, key, _toggles(t, key, ComposeAction.DISTRICT, labels, chosen))


def languages_step(t: Translator, key: str, chosen: Sequence[str]) -> Markup:
    labels: dict[str, str] = {code: t(f"broadcast-language-{code}") for code in LOCALES}
    return step(t, key, _toggles(t, key, ComposeAction.LANGUAGE, labels, chosen))


def km_step(t: Translator, key: str) -> Markup:
    choices = [
        button(t("btn-broadcast-km", km=km), _compose(key, ComposeAction.KM, str(km)))
        for km in KM_CHOICES
    ]
    return step(t, key, [choices])


def urgency_step(t: Translator, key: str) -> Markup:
    rows = [
        _b(t("btn-broadcast-normal"), key, ComposeAction.URGENCY, "0"),
        _b(t("btn-broadcast-urgent"), key, ComposeAction.URGENCY, "1"),
    ]
    return step(t, key, rows)


def preview(t: Translator, key: str) -> Markup:
    return markup(
        [
            _b(t("btn-broadcast-send"), key, ComposeAction.SEND),
            _b(t("btn-broadcast-schedule"), key, ComposeAction.SCHEDULE),
            [
                button(t("btn-broadcast-edit"), _compose(key, ComposeAction.EDIT)),
                button(t("btn-broadcast-cancel"), _compose(key, ComposeAction.CANCEL)),
            ],
        ]
    )


def _to_preview(t: Translator, key: str) -> Row:
    return _b(t("btn-broadcast-to-preview"), key, ComposeAction.PREVIEW)


def schedule(t: Translator, key: str) -> Markup:
    return markup(
        [
            _b(
                t("btn-broadcast-in-hours", hours=1),
                key,
                ComposeAction.AT,
                ScheduleChoice.IN_1_HOUR,
            ),
            _b(
                t("btn-broadcast-in-hours", hours=3),
                key,
                ComposeAction.AT,
                ScheduleChoice.IN_3_HOURS,
            ),
            _b(t("btn-broadcast-tomorrow"), key, ComposeAction.AT, ScheduleChoice.TOMORROW_MORNING),
            _b(t("btn-broadcast-type-time"), key, ComposeAction.AT, TYPED_TIME),
            _to_preview(t, key),
        ]
    )


def typed_time(t: Translator, key: str) -> Markup:
    return markup([_to_preview(t, key)])


def edit(t: Translator, key: str, steps: Sequence[tuple[str, str]]) -> Markup:
    """One button for each answer (label, step name), then back to the preview."""
    edits = (button(label, _compose(key, ComposeAction.EDIT_STEP, name)) for label, name in steps)
    return markup([*in_pairs(edits), _to_preview(t, key)])


def drop(t: Translator, key: str) -> Markup:
    return markup(
        [
            _b(t("btn-broadcast-drop"), key, ComposeAction.DROP),
            _b(t("btn-broadcast-keep-draft"), key, ComposeAction.RESUME),
        ]
    )


def resume(t: Translator, key: str) -> Markup:
    return markup(
        [
            _b(t("btn-broadcast-resume"), key, ComposeAction.RESUME),
            _b(t("btn-broadcast-anew"), key, ComposeAction.ANEW),
        ]
    )


# ---- /broadcasts --------------------------------------------------------------------------------


def listing(t: Translator, cancellable: Sequence[int], correctable: Sequence[int]) -> Markup:
    cancels = (
        button(
            t("btn-broadcast-cancel-one", id=str(broadcast_id)),
            BroadcastCb(action=BroadcastAction.CANCEL, broadcast=broadcast_id),
        )
        for broadcast_id in cancellable
    )
    corrects = (
        button(
            t("btn-broadcast-correct", id=str(broadcast_id)),
            BroadcastCb(action=BroadcastAction.CORRECT, broadcast=broadcast_id),
        )
        for broadcast_id in correctable
    )
    return markup([*in_pairs(cancels), *in_pairs(corrects)])


def cancel_question(t: Translator, broadcast_id: int) -> Markup:
    return markup(
        [
            [
                button(
                    t("btn-broadcast-cancel-yes"),
                    BroadcastCb(action=BroadcastAction.CANCEL_YES, broadcast=broadcast_id),
                )
            ],
            [button(t("btn-broadcast-cancel-no"), BroadcastCb(action=BroadcastAction.LIST))],
        ]
    )


def back_to_list(t: Translator) -> Markup:
    return markup([[button(t("btn-broadcast-list"), BroadcastCb(action=BroadcastAction.LIST))]])
