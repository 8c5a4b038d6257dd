"""Screens every form shares: the district and village lists."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import FormCb
from bot.i18n import Translator
from bot.keyboards import forms as keyboards
from bot.screens import Screen
from bot.services.forms import MAX_VILLAGE_LENGTH, DraftAttachment
from storage.places import Geography

PREVIEW = 300


def districts(t: Translator, geography: Geography, form: type[FormCb], question: str) -> Screen:
    return Screen(t(question), keyboards.districts(t, geography, form))


def villages(
    t: Translator,
    geography: Geography,
    area_code: str,
    form: type[FormCb],
    question: str,
    not_listed_label: str = "btn-village-not-listed",
) -> Screen | None:
    """The villages of a district (`question` names it as `area`); None when it has none."""
    area = geography.area(area_code)
    if area is None or area.is_town or not area.villages:
        return None
    markup = keyboards.villages(t, area, form, not_listed_label)
    return Screen(t(question, area=area.name(t.locale)), markup)


def village_typed(t: Translator, form: type[FormCb], question: str) -> Screen:
    return Screen(t(question, max=MAX_VILLAGE_LENGTH), keyboards.village_typed(t, form))


def files(t: Translator, attachments: Sequence[DraftAttachment]) -> str:
    """How many files, then each caption as the person wrote it, one a line."""
    if not attachments:
        return ""
    captions = [
        t("summary-file-caption", caption=preview(a.caption)) for a in attachments if a.caption
    ]
    return "\n".join([t("summary-files", count=len(attachments)), *captions])


def preview(text: str) -> str:
    """What a person typed, short enough for a summary, safe in HTML."""
    if len(text) > PREVIEW:
        text = text[:PREVIEW] + "…"
    return html_decoration.quote(text)
