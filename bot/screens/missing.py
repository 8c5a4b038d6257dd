"""The screens of a missing relative's report."""

from __future__ import annotations

from collections.abc import Callable

from aiogram.utils.text_decorations import html_decoration

from bot import screens
from bot.i18n import Translator
from bot.keyboards import missing as keyboards
from bot.screens import Markup, Screen, forms
from bot.services.missing import (
    MAX_AGE,
    MAX_DESCRIPTION_LENGTH,
    MAX_NAME_LENGTH,
    MAX_PHOTOS,
    MAX_REPORTER_NAME_LENGTH,
    MAX_YEARS_BACK,
    MissingDraft,
)
from storage.places import Geography

DATE_FORMAT = "%d.%m.%Y"


# The questions that ask the same whatever was answered: text, placeholders, buttons.
QUESTIONS: dict[str, tuple[str, dict[str, object], Callable[[Translator], Markup]]] = {
    "name": ("missing-name", {"max": MAX_NAME_LENGTH}, keyboards.step_back),
    "sex": ("missing-sex", {}, keyboards.sex),
    "age": ("missing-age", {"max": MAX_AGE}, keyboards.age),
    "relation": ("missing-relation", {}, keyboards.relations),
    "seen": ("missing-seen", {}, keyboards.seen),
}


def question(t: Translator, name: str) -> Screen:
    message_id, args, markup = QUESTIONS[name]
    return Screen(t(message_id, **args), markup(t))


def intro(t: Translator) -> Screen:
    return Screen(t("missing-intro"), keyboards.intro(t))


def seen_typed(t: Translator) -> Screen:
    return Screen(t("missing-seen-type", years=MAX_YEARS_BACK), keyboards.step_back(t))


def vulnerabilities(t: Translator, draft: MissingDraft) -> Screen:
    return Screen(t("missing-vulnerable"), keyboards.vulnerabilities(t, draft.vulnerabilities))


def photos(t: Translator, draft: MissingDraft, message_id: str = "missing-photos") -> Screen:
    markup = keyboards.go_on(t, "photos-done", bool(draft.attachments))
    return Screen(t(message_id, max=MAX_PHOTOS), markup)


def description(
    t: Translator, draft: MissingDraft, message_id: str = "missing-description"
) -> Screen:
    markup = keyboards.go_on(t, "description-done", bool(draft.details))
    return Screen(t(message_id, max=MAX_DESCRIPTION_LENGTH), markup)


def reporter(t: Translator, telegram_first_name: str | None) -> Screen:
    suggestion = telegram_first_name
    if suggestion is not None and (
        len(suggestion) > MAX_REPORTER_NAME_LENGTH or suggestion == t("btn-back")
    ):
        suggestion = None
    text = t("missing-reporter", max=MAX_REPORTER_NAME_LENGTH)
    return Screen(text, keyboards.reporter(t, suggestion))


def age_text(t: Translator, draft: MissingDraft) -> str:
    if draft.age is None:
        return t("missing-age-not-known")
    return t("missing-age-about" if draft.age_approximate else "missing-age-exact", age=draft.age)


def seen_text(t: Translator, draft: MissingDraft) -> str:
    if draft.seen_on is None:
        return t("missing-seen-not-known")
    return draft.seen_on.strftime(DATE_FORMAT)


def summary(t: Translator, draft: MissingDraft, geography: Geography) -> Screen:
    vulnerable = ", ".join(t(f"vuln-{v.value}") for v in draft.vulnerabilities)
    text = t(
        "missing-summary",
        name=html_decoration.quote(draft.full_name or ""),
        sex=t(f"missing-sex-{draft.sex.value}") if draft.sex else "",
        age=age_text(t, draft),
        relation=t(f"relation-{draft.relation.value}") if draft.relation else "",
        place=screens.place_name(
            t, geography, draft.district, draft.village, draft.latitude is not None
        ),
        seen=seen_text(t, draft),
        vulnerable=vulnerable or t("missing-none"),
        photos=t("missing-photos-count", count=len(draft.attachments)),
        description=forms.preview(draft.details) if draft.details else t("missing-none"),
        reporter=html_decoration.quote(draft.reported_by or ""),
        phone=draft.phone or t("summary-no-phone"),
    )
    return Screen(text, keyboards.summary(t))


def sent(t: Translator, code: str) -> Screen:
    return Screen(t("missing-sent", code=code), keyboards.sent(t))
