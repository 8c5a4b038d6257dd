"""What the hotline screens say. Numbers stay plain text: Telegram makes them tappable."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import HotlineCb, MenuCb, MenuItem
from bot.i18n import Translator
from bot.screens import Screen
from storage.models import Hotline, HotlineKind
from storage.places import Geography

# Telegram refuses messages over 4096 characters; the rest of a long list is left out.
MAX_TEXT = 3800


def first(
    t: Translator, emergency: list[Hotline], kinds: list[HotlineKind], geography: Geography
) -> Screen:
    """Emergency numbers at once, then a button for each other kind of help."""
    if emergency:
        parts = [t("hotlines-title"), _entries(t, emergency, geography)]
    else:
        parts = [t("hotlines-no-emergency")]
    if kinds:
        parts.append(t("hotlines-choose-kind"))
    builder = InlineKeyboardBuilder()
    for kind in kinds:
        builder.button(text=t(f"hotline-kind-{kind.value}"), callback_data=HotlineCb(kind=kind))
    builder.adjust(1)
    builder.row(_menu(t))
    return Screen("\n\n".join(parts), builder.as_markup())


def of_kind(t: Translator, kind: HotlineKind, found: list[Hotline], geography: Geography) -> Screen:
    title = t("hotlines-of-kind", kind=t(f"hotline-kind-{kind.value}"))
    body = _entries(t, found, geography) if found else t("hotlines-none-of-kind")
    return Screen("\n\n".join((title, body)), _back(t))


def _entries(t: Translator, hotlines: list[Hotline], geography: Geography) -> str:
    shown: list[str] = []
    length = 0
    for hotline in hotlines:
        entry = _entry(t, hotline, geography)
        if length + len(entry) > MAX_TEXT:
            shown.append(t("hotlines-cut", shown=len(shown)))
            break
        shown.append(entry)
        length += len(entry) + 2
    return "\n\n".join(shown)


def _entry(t: Translator, hotline: Hotline, geography: Geography) -> str:
    name = html_decoration.quote(hotline.name(t.locale))
    lines = [t("hotline-entry", name=name, phones=", ".join(hotline.phones))]
    if hours := hotline.hours_in(t.locale):
        lines.append(t("hotline-hours", hours=html_decoration.quote(hours)))
    area = geography.area(hotline.district)
    if area is not None:
        lines.append(t("hotline-district", district=area.name(t.locale)))
    if hotline.sample:
        lines.append(t("sample-marker"))
    return "\n".join(lines)


def _back(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(InlineKeyboardButton(text=t("btn-all-hotlines"), callback_data=HotlineCb().pack()))
    builder.row(_menu(t))
    return builder.as_markup()


def _menu(t: Translator) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=t("btn-main-menu"), callback_data=MenuCb(item=MenuItem.HOME).pack()
    )
