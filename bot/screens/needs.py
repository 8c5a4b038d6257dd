"""The screens of the needs form."""

from __future__ import annotations

from collections.abc import Sequence

from bot import screens
from bot.i18n import Translator
from bot.keyboards import needs as keyboards
from bot.screens import Screen, forms
from bot.services.needs import MAX_HOUSEHOLD_SIZE, NeedsDraft
from storage.places import Geography


def household_size(t: Translator) -> Screen:
    return Screen(t("needs-size"), keyboards.household_size(t))


def household_size_typed(t: Translator) -> Screen:
    return Screen(t("needs-size-type", max=MAX_HOUSEHOLD_SIZE), keyboards.household_size(t))


def vulnerabilities(t: Translator, draft: NeedsDraft) -> Screen:
    return Screen(t("needs-vulnerable"), keyboards.vulnerabilities(t, draft.vulnerabilities))


def needs(t: Translator, draft: NeedsDraft) -> Screen:
    return Screen(t("needs-needs"), keyboards.needs(t, draft.needs))


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
        files=forms.files(t, draft.attachments),
    )
    return Screen(text, keyboards.summary(t))


def place_name(t: Translator, draft: NeedsDraft, geography: Geography) -> str:
    return screens.place_name(
        t, geography, draft.district, draft.village, draft.latitude is not None
    )


def _joined(t: Translator, prefix: str, items: Sequence[str]) -> str:
    return ", ".join(t(f"{prefix}-{item}") for item in items)


def _details_preview(t: Translator, draft: NeedsDraft) -> str:
    if not draft.details:
        return t("summary-no-details")
    return forms.preview(draft.details)
