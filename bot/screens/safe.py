"""The screens of "we are safe"."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import SafeAction
from bot.i18n import Translator
from bot.keyboards import safe as keyboards
from bot.screens import Screen
from bot.services.household import MAX_AGE, MAX_PEOPLE, SafeDraft, SafePerson
from storage.models import HouseholdMember

Listed = SafePerson | HouseholdMember


def consent(t: Translator, days: int) -> Screen:
    """`days`: how long a listing is kept (KOLDO_PEOPLE_RETENTION_DAYS)."""
    return Screen(t("safe-consent", days=days), keyboards.consent(t))


def name(t: Translator, draft: SafeDraft) -> Screen:
    text = t("safe-name-self") if draft.asks_for_self else t("safe-name")
    return Screen(text, keyboards.name(t, draft.asks_for_self))


def sex(t: Translator, draft: SafeDraft) -> Screen:
    return Screen(t("safe-sex", name=_quoted(draft.name)), keyboards.sex(t))


def age(t: Translator, draft: SafeDraft) -> Screen:
    return Screen(t("safe-age", name=_quoted(draft.name), max=MAX_AGE), keyboards.age(t))


def already_entered(t: Translator, name: str) -> Screen:
    return Screen(t("safe-already-entered", name=_quoted(name)))


def people(t: Translator, draft: SafeDraft) -> Screen:
    text = t("safe-people", people=lines(t, draft.people) or t("safe-people-none"))
    return Screen(text, keyboards.people(t, len(draft.people), draft.room > 0))


def removing(t: Translator, draft: SafeDraft) -> Screen:
    labels = [(i, _label(person)) for i, person in enumerate(draft.people)]
    return Screen(t("safe-remove-who"), keyboards.pick(t, labels, SafeAction.DROP, SafeAction.BACK))


def listed(t: Translator, members: Sequence[HouseholdMember]) -> Screen:
    room = len(members) < MAX_PEOPLE
    return Screen(t("safe-listed", people=lines(t, members)), keyboards.listed(t, room))


def forgetting(t: Translator, members: Sequence[HouseholdMember]) -> Screen:
    labels = [(member.id, _label(member)) for member in members]
    markup = keyboards.pick(t, labels, SafeAction.FORGET, SafeAction.LISTED)
    return Screen(t("safe-forget-who"), markup)


def stop_question(t: Translator) -> Screen:
    return Screen(t("safe-stop-question"), keyboards.stop(t))


def saved(t: Translator, listed: int) -> Screen:
    return Screen(t("safe-saved", people=t("people-count", count=listed)))


def lines(t: Translator, listed: Sequence[Listed]) -> str:
    return "\n".join(_line(t, number, person) for number, person in enumerate(listed, 1))


def _line(t: Translator, number: int, person: Listed) -> str:
    sex = t(f"safe-sex-{person.sex}") if person.sex else ""
    age = t("safe-age-not-known") if person.age is None else t("safe-age-years", age=person.age)
    return t("safe-person", number=number, name=_quoted(person.name), sex=sex, age=age)


def _label(person: Listed) -> str:
    """A button's text: the name as written (buttons are not HTML)."""
    return person.name or ""


def _quoted(text: str | None) -> str:
    return html_decoration.quote(text or "")
