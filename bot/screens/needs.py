"""The screens of the needs form."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.utils.text_decorations import html_decoration

from bot import screens
from bot.i18n import Translator
from bot.keyboards import needs as keyboards
from bot.screens import Screen
from bot.services.needs import MAX_HOUSEHOLD_SIZE, NeedsDraft
from storage.places import Geography

SUMMARY_DETAILS_PREVIEW = 300


def location(t: Translator) -> Screen:
    return Screen(t("needs-location"), keyboards.share_location(t))


def districts(t: Translator, geography: Geography) -> Screen:
    return Screen(t("needs-district"), keyboards.districts(t, geography))


def villages(t: Translator, geography: Geography, area_code: str) -> Screen | None:
    area = geography.area(area_code)
    if area is None or area.is_town or not area.villages:
        return None
    return Screen(t("needs-village", area=area.name(t.locale)), keyboards.villages(t, area))


def household_size(t: Translator) -> Screen:
    return Screen(t("needs-size"), keyboards.household_size(t))


def household_size_typed(t: Translator) -> Screen:
    return Screen(t("needs-size-type", max=MAX_HOUSEHOLD_SIZE), keyboards.household_size(t))


def vulnerabilities(t: Translator, draft: NeedsDraft) -> Screen:
    return Screen(t("needs-vulnerable"), keyboards.vulnerabilities(t, draft.vulnerabilities))


def needs(t: Translator, draft: NeedsDraft) -> Screen:
    return Screen(t("needs-needs"), keyboards.needs(t, draft.needs))


def phone(t: Translator) -> Screen:
    return Screen(t("needs-phone"), keyboards.share_contact(t))


def details(t: Translator, draft: NeedsDraft) -> Screen:
    has_details = bool(draft.details or draft.attachments)
    return Screen(t("needs-details"), keyboards.details(t, has_details))


def details_progress(t: Translator, message_id: str) -> Screen:
    return Screen(t(message_id), keyboards.details(t, has_details=True))


def summary(t: Translator, draft: NeedsDraft, geography: Geography) -> Screen:
    text = t(
        "needs-summary",
        place=place_name(t, draft, geography),
        people=t("people-count", count=draft.household_size or 0),
        vulnerable=_joined(t, "vuln", draft.vulnerabilities) or t("summary-nobody"),
        needs=_joined(t, "need", draft.needs),
        phone=draft.phone or t("summary-no-phone"),
        details=_details_preview(t, draft),
        files=_files(t, draft),
    )
    return Screen(text, keyboards.summary(t))


def place_name(t: Translator, draft: NeedsDraft, geography: Geography) -> str:
    return screens.place_name(
        t, geography, draft.district, draft.village, draft.latitude is not None
    )


def _joined(t: Translator, prefix: str, items: Sequence[str]) -> str:
    return ", ".join(t(f"{prefix}-{item}") for item in items)


def _files(t: Translator, draft: NeedsDraft) -> str:
    """How many files, then each caption as the family wrote it, one a line."""
    if not draft.attachments:
        return ""
    captions = [
        t("summary-file-caption", caption=_preview(a.caption))
        for a in draft.attachments
        if a.caption
    ]
    return "\n".join([t("summary-files", count=len(draft.attachments)), *captions])


def _preview(text: str) -> str:
    if len(text) > SUMMARY_DETAILS_PREVIEW:
        text = text[:SUMMARY_DETAILS_PREVIEW] + "…"
    return html_decoration.quote(text)


def _details_preview(t: Translator, draft: NeedsDraft) -> str:
    if not draft.details:
        return t("summary-no-details")
    return _preview(draft.details)
