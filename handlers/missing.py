"""Report a missing relative: a guided form that becomes a case, and the person sought in the
person index. What every form does alike is in handlers/forms.py."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from datetime import timedelta

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram.utils.text_decorations import html_decoration
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import MenuCb, MenuItem, MissingCb
from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.keyboards import missing as missing_keyboards
from bot.screens import Screen
from bot.screens import missing as steps
from bot.services import missing as report
from bot.services.missing import DateProblem, Gap, MissingDraft, Relation, Sex
from bot.states import MissingForm
from handlers import forms
from handlers.forms import Choice, Flow, FormSteps, FormTexts
from storage.models import Case, User

GAPS: dict[Gap, tuple[State, str]] = {
    Gap.NAME: (MissingForm.name, "missing-name-hint"),
    Gap.SEX: (MissingForm.sex, "missing-use-buttons"),
    Gap.AGE: (MissingForm.age, "missing-age-hint"),
    Gap.RELATION: (MissingForm.relation, "missing-use-buttons"),
    Gap.PLACE: (MissingForm.location, "missing-location-hint"),
    Gap.SEEN: (MissingForm.seen, "missing-seen-hint"),
    Gap.REPORTER: (MissingForm.reporter, "missing-reporter-hint"),
    Gap.PHONE: (MissingForm.phone, "needs-phone-hint"),
}
DATE_HINTS = {
    DateProblem.INVALID: "missing-seen-invalid",
    DateProblem.FUTURE: "missing-seen-future",
    DateProblem.TOO_OLD: "missing-seen-too-old",
}


FLOW = Flow(
    draft=MissingDraft,
    group=MissingForm,
    callback=MissingCb,
    first_gap=report.first_gap,
    gaps=GAPS,
    edit_buttons=missing_keyboards.EDITABLE_STEPS,
    hints={
        MissingForm.name: "missing-name-hint",
        MissingForm.age: "missing-age-hint",
        MissingForm.location: "missing-location-hint",
        MissingForm.seen: "missing-seen-hint",
        MissingForm.photos: lambda draft: (
            "missing-photos-hint" if draft.attachments else "missing-photos-hint-skip"
        ),
        MissingForm.description: lambda draft: (
            "missing-description-hint" if draft.details else "missing-description-hint-skip"
        ),
        MissingForm.reporter: "missing-reporter-hint",
        MissingForm.phone: "needs-phone-hint",
    },
    texts=FormTexts(
        location="missing-location",
        location_button="btn-missing-share-location",
        district="missing-district",
        village="missing-village",
        not_listed="btn-missing-village-not-listed",
        village_typed="missing-village-type",
        phone="missing-phone",
        leave="missing-leave-question",
        leave_empty="missing-leave-question-empty",
        resume_button="btn-missing-resume",
        discarded="missing-discarded",
        location_received="missing-location-received",
    ),
    hint_args={"max": report.MAX_AGE, "years": report.MAX_YEARS_BACK},
    choices={
        "sex": Choice(MissingForm.sex, "sex", tuple(Sex)),
        "relation": Choice(MissingForm.relation, "relation", tuple(Relation)),
    },
    toggles={"vuln": Choice(MissingForm.vulnerable, "vulnerabilities", report.VULNERABILITIES)},
)


class Form(FormSteps[MissingDraft]):
    """A family's report of a missing relative during one update."""

    flow = FLOW

    def own_screen(self, step: State, draft: MissingDraft) -> Screen:
        if step == MissingForm.reporter:
            sender = self.event.from_user
            return steps.reporter(self.t, sender.first_name if sender else None)
        if step in QUESTIONS:
            return steps.question(self.t, QUESTIONS[step])
        if step in WITH_ANSWERS:
            return WITH_ANSWERS[step](self.t, draft)
        return steps.summary(self.t, draft, self.geography)


# The form's own steps: those that ask the same whatever was answered, by their name in
# bot/screens/missing.py, and those that show what is chosen so far.
QUESTIONS = {
    MissingForm.name: "name",
    MissingForm.sex: "sex",
    MissingForm.age: "age",
    MissingForm.relation: "relation",
    MissingForm.seen: "seen",
}
WITH_ANSWERS: dict[State, Callable[[Translator, MissingDraft], Screen]] = {
    MissingForm.vulnerable: steps.vulnerabilities,
    MissingForm.photos: steps.photos,
    MissingForm.description: steps.description,
}


# --- entering the report ----------------------------------------------------------------------


async def intro(query: CallbackQuery, form: Form, user: User) -> None:
    await query.answer()
    if await forms.consented(query, form, user, MenuItem.MISSING):
        await form.reply(steps.intro(form.t))


async def begin(query: CallbackQuery, form: Form, user: User) -> None:
    await query.answer()
    # An intro shown before an erasure: no report without consent.
    if await forms.consented(query, form, user, MenuItem.MISSING):
        await form.start(MissingDraft())


async def agreed(query: CallbackQuery, form: Form) -> None:
    """Agreed on the consent "Missing relative" asked for: what the report does, then
    straight on to its first question."""
    await forms.agreed(query, form)
    await form.reply(Screen(form.t("missing-intro")))
    await form.start(MissingDraft())


# --- who, and when they were last seen ---------------------------------------------------------


async def name_typed(message: Message, form: Form) -> None:
    hints = ("missing-name-hint", "missing-name-too-long")
    name = await forms.typed_name(message, form, report.MAX_NAME_LENGTH, hints)
    if name is not None:
        await form.change(full_name=name)
        await form.forward(MissingForm.name)


async def age_typed(message: Message, form: Form, localization: Localization) -> None:
    about = _words(localization, "missing-age-about-words")
    age = report.parse_age(
        message.text or "", about, _words(localization, "missing-age-year-words")
    )
    if age is None:
        await form.hint("missing-age-hint")
        return
    await form.change(age=age.years, age_approximate=age.approximate, age_unknown=False)
    await form.forward(MissingForm.age)


def _words(localization: Localization, message_id: str) -> frozenset[str]:
    """The words of a list message in every language (a family may type in either)."""
    every = localization.every_translation(message_id)
    return frozenset(word for text in every for word in text.lower().split())


async def age_unknown(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.change(age=None, age_approximate=False, age_unknown=True)
    await form.forward(MissingForm.age)


async def seen_pressed(query: CallbackQuery, callback_data: MissingCb, form: Form) -> None:
    day = report.today()
    days = {"today": day, "yesterday": day - timedelta(days=1), "unknown": None}
    if callback_data.value == "date":
        await query.answer()
        await form.reply(steps.seen_typed(form.t))
        return
    if callback_data.value not in days:
        await form.refuse()
        return
    await query.answer()
    seen = days[callback_data.value]
    await form.change(seen_on=seen, seen_unknown=seen is None)
    await form.forward(MissingForm.seen)


async def seen_typed(message: Message, form: Form) -> None:
    seen = report.parse_seen_date(message.text or "", report.today())
    if isinstance(seen, DateProblem):
        await form.hint(DATE_HINTS[seen])
        return
    await form.change(seen_on=seen, seen_unknown=False)
    await form.forward(MissingForm.seen)


# --- photos, words, and who reports -------------------------------------------------------------


async def photo_sent(message: Message, form: Form) -> None:
    if await forms.add_file(message, form, report.MAX_PHOTOS, "missing-photos-too-many"):
        await form.reply(steps.photos(form.t, await form.draft(), "missing-photo-added"))


async def description_typed(message: Message, form: Form) -> None:
    cut = await forms.add_text(message, form, report.MAX_DESCRIPTION_LENGTH)
    added = steps.description(form.t, await form.draft(), "missing-description-added")
    await form.reply(dataclasses.replace(added, text=cut) if cut else added)


async def reporter_typed(message: Message, form: Form) -> None:
    hints = ("missing-reporter-hint", "missing-reporter-too-long")
    name = await forms.typed_name(message, form, report.MAX_REPORTER_NAME_LENGTH, hints)
    if name is None:
        return
    await form.change(reported_by=name)
    thanks = form.t("missing-reporter-saved", name=html_decoration.quote(name))
    await form.say(thanks, close_keyboard=True)
    await form.forward(MissingForm.reporter)


# --- send ---------------------------------------------------------------------------------------


async def confirm(
    query: CallbackQuery, form: Form, session: AsyncSession, user: User, settings: Settings
) -> None:
    minutes, locale, geography = settings.urgent_escalation_minutes, form.t.locale, form.geography

    def register(draft: MissingDraft) -> Awaitable[Case]:
        return report.report_missing(session, user, draft, locale, minutes, geography=geography)

    await forms.submit(query, form, register, lambda case: steps.sent(form.t, case.code))


def router() -> Router:
    return forms.router("missing", Form, _own_steps, intro)


def _own_steps(router: Router) -> None:
    message, press = router.message.register, router.callback_query.register
    press(intro, MenuCb.filter(F.item == MenuItem.MISSING), StateFilter(None))
    press(agreed, forms.after_consent(MenuItem.MISSING), StateFilter(None))
    press(begin, action("start"), StateFilter(None))
    press(forms.resume, action("start"), StateFilter(MissingForm))  # an old intro's button
    message(name_typed, F.text, MissingForm.name)
    message(age_typed, F.text, MissingForm.age)
    press(age_unknown, action("age-unknown"), MissingForm.age)
    press(seen_pressed, action("seen"), MissingForm.seen)
    message(seen_typed, F.text, MissingForm.seen)
    press(forms.step_done, action("vuln-done"), MissingForm.vulnerable)
    message(photo_sent, F.photo, MissingForm.photos)
    press(forms.step_done, action("photos-done"), MissingForm.photos)
    message(description_typed, F.text, MissingForm.description)
    press(forms.step_done, action("description-done"), MissingForm.description)
    message(reporter_typed, F.text, MissingForm.reporter)
    press(confirm, action("confirm"), MissingForm.summary)


def action(name: str) -> CallbackQueryFilter:
    return MissingCb.filter(F.action == name)
