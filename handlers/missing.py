"""Report a missing relative: a guided form that becomes a case, and the person sought in the
person index. What every form does alike is in handlers/forms.py."""

from __future__ import annotations

from datetime import timedelta

from aiogram import F, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove
from aiogram.utils.text_decorations import html_decoration
from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards, replies
from bot.callbacks import FormExitCb, LanguageCb, MenuCb, MenuItem, MissingCb
from bot.commands import COMMANDS
from bot.config import LOCALES, Settings
from bot.filters import ButtonText
from bot.i18n import Localization
from bot.middlewares.provide import provide
from bot.screens import Screen
from bot.screens import missing as steps
from bot.services import accounts
from bot.services.forms import IncompleteDraftError
from bot.services.missing import (
    MAX_AGE,
    MAX_DESCRIPTION_LENGTH,
    MAX_NAME_LENGTH,
    MAX_PHOTOS,
    MAX_REPORTER_NAME_LENGTH,
    MAX_YEARS_BACK,
    VULNERABILITIES,
    DateProblem,
    Gap,
    MissingDraft,
    NameProblem,
    Relation,
    Sex,
    clean_name,
    first_gap,
    parse_age,
    parse_seen_date,
    report_missing,
    today,
)
from bot.services.needs import Vulnerability, toggle
from bot.states import MissingForm
from handlers import forms
from handlers.forms import Flow, FormSteps, FormTexts
from storage.models import User

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


def _gap(draft: MissingDraft) -> tuple[State, str] | None:
    gap = first_gap(draft)
    return None if gap is None else GAPS[gap]


FLOW = Flow(
    draft=MissingDraft,
    group=MissingForm,
    forward=(
        MissingForm.name,
        MissingForm.sex,
        MissingForm.age,
        MissingForm.relation,
        MissingForm.location,
        MissingForm.seen,
        MissingForm.vulnerable,
        MissingForm.photos,
        MissingForm.description,
        MissingForm.reporter,
        MissingForm.phone,
        MissingForm.summary,
    ),
    location=MissingForm.location,
    district=MissingForm.district,
    village=MissingForm.village,
    leaving=MissingForm.leaving,
    gap=_gap,
    edits={
        "name": MissingForm.name,
        "sex": MissingForm.sex,
        "age": MissingForm.age,
        "relation": MissingForm.relation,
        "place": MissingForm.location,
        "seen": MissingForm.seen,
        "vulnerable": MissingForm.vulnerable,
        "photos": MissingForm.photos,
        "description": MissingForm.description,
        "reporter": MissingForm.reporter,
        "phone": MissingForm.phone,
    },
    hints={
        MissingForm.name: "missing-name-hint",
        MissingForm.age: "missing-age-hint",
        MissingForm.location: "missing-location-hint",
        MissingForm.seen: "missing-seen-hint",
        MissingForm.photos: "missing-photos-hint",
        MissingForm.description: "missing-description-hint",
        MissingForm.reporter: "missing-reporter-hint",
        MissingForm.phone: "needs-phone-hint",
    },
    texts=FormTexts(
        leave="missing-leave-question",
        resume_button="btn-missing-resume",
        discarded="missing-discarded",
        location_received="missing-location-received",
    ),
    hint_args={
        "max": MAX_AGE,
        "years": MAX_YEARS_BACK,
        "photos": MAX_PHOTOS,
    },
)


class Form(FormSteps[MissingDraft]):
    """A family's report of a missing relative during one update."""

    flow = FLOW

    def screen(self, step: State, draft: MissingDraft) -> Screen:
        t, geography = self.t, self.geography
        match step:
            case MissingForm.name:
                return steps.name(t)
            case MissingForm.sex:
                return steps.sex(t)
            case MissingForm.age:
                return steps.age(t)
            case MissingForm.relation:
                return steps.relation(t)
            case MissingForm.location:
                return steps.location(t)
            case MissingForm.district:
                return steps.districts(t, geography)
            case MissingForm.village:
                return steps.villages(t, geography, draft.district or "") or steps.location(t)
            case MissingForm.seen:
                return steps.seen(t)
            case MissingForm.vulnerable:
                return steps.vulnerabilities(t, draft)
            case MissingForm.photos:
                return steps.photos(t, draft)
            case MissingForm.description:
                return steps.description(t, draft)
            case MissingForm.reporter:
                return steps.reporter(
                    t, self.event.from_user.first_name if self.event.from_user else None
                )
            case MissingForm.phone:
                return steps.phone(t)
            case MissingForm.leaving:
                return forms.leaving_screen(self)
            case _:
                return steps.summary(t, draft, geography)


# --- entering the report ----------------------------------------------------------------------


async def intro(query: CallbackQuery, form: Form, user: User) -> None:
    await query.answer()
    t = form.t
    if not accounts.has_consent(user):
        await replies.replace(query, Screen(t("consent-needed"), keyboards.consent(t)))
        return
    await replies.replace(query, steps.intro(t))


async def begin(query: CallbackQuery, form: Form, user: User) -> None:
    if not accounts.has_consent(user):  # an intro shown before an erasure
        await intro(query, form, user)
        return
    await query.answer()
    await form.start(MissingDraft())


# --- who --------------------------------------------------------------------------------------


async def name_typed(message: Message, form: Form) -> None:
    name = clean_name(message.text or "", MAX_NAME_LENGTH)
    if name == NameProblem.TOO_LONG:
        await form.hint("missing-name-too-long", max=MAX_NAME_LENGTH)
        return
    if isinstance(name, NameProblem):
        await form.hint("missing-name-hint")
        return
    await form.change(full_name=name)
    await form.forward(MissingForm.name)


async def sex_chosen(query: CallbackQuery, callback_data: MissingCb, form: Form) -> None:
    if callback_data.value not in set(Sex):
        await form.refuse()
        return
    await query.answer()
    await form.change(sex=Sex(callback_data.value))
    await form.forward(MissingForm.sex)


async def age_typed(message: Message, form: Form, localization: Localization) -> None:
    age = parse_age(
        message.text or "",
        _words(localization, "missing-age-about-words"),
        _words(localization, "missing-age-year-words"),
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


async def relation_chosen(query: CallbackQuery, callback_data: MissingCb, form: Form) -> None:
    if callback_data.value not in set(Relation):
        await form.refuse()
        return
    await query.answer()
    await form.change(relation=Relation(callback_data.value))
    await form.forward(MissingForm.relation)


# --- when -------------------------------------------------------------------------------------


async def seen_pressed(query: CallbackQuery, callback_data: MissingCb, form: Form) -> None:
    day = today()
    answers: dict[str, dict[str, object]] = {
        "today": {"seen_on": day, "seen_unknown": False},
        "yesterday": {"seen_on": day - timedelta(days=1), "seen_unknown": False},
        "unknown": {"seen_on": None, "seen_unknown": True},
    }
    if callback_data.value == "date":
        await query.answer()
        await replies.replace(query, steps.seen_typed(form.t))
        return
    if callback_data.value not in answers:
        await form.refuse()
        return
    await query.answer()
    await form.change(**answers[callback_data.value])
    await form.forward(MissingForm.seen)


async def seen_typed(message: Message, form: Form) -> None:
    seen = parse_seen_date(message.text or "", today())
    if isinstance(seen, DateProblem):
        await form.hint(DATE_HINTS[seen])
        return
    await form.change(seen_on=seen, seen_unknown=False)
    await form.forward(MissingForm.seen)


# --- what they are like -------------------------------------------------------------------------


async def vulnerability_toggled(query: CallbackQuery, callback_data: MissingCb, form: Form) -> None:
    if callback_data.value not in set(VULNERABILITIES):
        await form.refuse()
        return
    await query.answer()
    draft = await form.draft()
    chosen = toggle(draft.vulnerabilities, Vulnerability(callback_data.value))
    await replies.replace(
        query, steps.vulnerabilities(form.t, await form.change(vulnerabilities=chosen))
    )


async def step_done(query: CallbackQuery, form: Form) -> None:
    """Continue (or Skip) on a step of buttons: the next step."""
    await query.answer()
    await form.forward(await form.step())


async def photo_sent(message: Message, form: Form) -> None:
    photos = (await form.draft()).attachments
    if len(photos) >= MAX_PHOTOS:
        await form.hint("missing-photos-too-many", max=MAX_PHOTOS)
        return
    draft = await form.change(attachments=[*photos, forms.attachment_of(message)])
    await replies.send(form.bot, form.chat_id, steps.photos(form.t, draft, "missing-photo-added"))


async def description_typed(message: Message, form: Form) -> None:
    earlier = (await form.draft()).details
    combined = forms.appended(earlier, (message.text or "").strip())
    if len(combined) > MAX_DESCRIPTION_LENGTH:
        left = max(MAX_DESCRIPTION_LENGTH - len(earlier or ""), 0)
        await form.hint("needs-details-too-long", max=MAX_DESCRIPTION_LENGTH, left=left)
        return
    draft = await form.change(details=combined)
    added = steps.description(form.t, draft, "missing-description-added")
    await replies.send(form.bot, form.chat_id, added)


# --- who reports --------------------------------------------------------------------------------


async def reporter_typed(message: Message, form: Form) -> None:
    name = clean_name(message.text or "", MAX_REPORTER_NAME_LENGTH)
    if name == NameProblem.TOO_LONG:
        await form.hint("missing-reporter-too-long", max=MAX_REPORTER_NAME_LENGTH)
        return
    if isinstance(name, NameProblem):
        await form.hint("missing-reporter-hint")
        return
    await form.change(reported_by=name)
    thanks = form.t("missing-reporter-saved", name=html_decoration.quote(name))
    await message.answer(thanks, reply_markup=ReplyKeyboardRemove())
    await form.forward(MissingForm.reporter)


# --- send ---------------------------------------------------------------------------------------


async def confirm(
    query: CallbackQuery, form: Form, session: AsyncSession, user: User, settings: Settings
) -> None:
    await query.answer()
    draft = await form.draft()
    minutes = settings.urgent_escalation_minutes
    try:
        # The same draft sent again (after a failure below) finds the case it made.
        case = await report_missing(
            session, user, draft, form.t.locale, minutes, geography=form.geography
        )
    except IncompleteDraftError:
        await form.show(MissingForm.summary)  # asks for what is missing
        return
    # The code first: should clearing the form fail, the family has it, and Send shows it again.
    await replies.replace(query, steps.sent(form.t, case.code))
    await form.state.clear()


def router() -> Router:
    router = Router(name="missing")
    router.message.filter(F.chat.type == "private")
    provide(router, "form", Form)
    message, press = router.message.register, router.callback_query.register
    in_form = StateFilter(MissingForm)

    press(intro, MenuCb.filter(F.item == MenuItem.MISSING), StateFilter(None))
    press(begin, action("start"), StateFilter(None))
    press(forms.resume, action("start"), in_form)  # an old intro: the report under way
    message(forms.ask_before_leaving, CommandStart(), in_form)
    message(forms.ask_before_leaving, Command("menu"), in_form)
    press(forms.ask_before_leaving, MenuCb.filter(), in_form)
    press(forms.ask_before_leaving, action("cancel"), MissingForm.summary)
    press(forms.resume, FormExitCb.filter(F.resume), MissingForm.leaving)
    press(forms.discard, FormExitCb.filter(~F.resume), MissingForm.leaving)
    press(forms.back_pressed, action("back"), in_form)
    message(forms.back_tapped, ButtonText("btn-back"), in_form)
    press(forms.language_during_form, LanguageCb.filter(F.code.in_(LOCALES)), in_form)

    message(name_typed, F.text, MissingForm.name)
    press(sex_chosen, action("sex"), MissingForm.sex)
    message(age_typed, F.text, MissingForm.age)
    press(age_unknown, action("age-unknown"), MissingForm.age)
    press(relation_chosen, action("relation"), MissingForm.relation)
    message(forms.location_shared, F.location, MissingForm.location)
    message(forms.choose_from_list, ButtonText("btn-choose-district"), MissingForm.location)
    press(forms.district_chosen, action("district"), MissingForm.district)
    press(forms.village_chosen, action("village"), MissingForm.village)
    press(seen_pressed, action("seen"), MissingForm.seen)
    message(seen_typed, F.text, MissingForm.seen)
    press(vulnerability_toggled, action("vuln"), MissingForm.vulnerable)
    press(step_done, action("vuln-done"), MissingForm.vulnerable)
    message(photo_sent, F.photo, MissingForm.photos)
    press(step_done, action("photos-done"), MissingForm.photos)
    message(description_typed, F.text, MissingForm.description)
    press(step_done, action("description-done"), MissingForm.description)
    message(reporter_typed, F.text, MissingForm.reporter)
    message(forms.contact_shared, F.contact, MissingForm.phone)
    message(forms.phone_skipped, ButtonText("btn-skip"), MissingForm.phone)
    press(forms.edit_step, action("edit"), MissingForm.summary)
    press(confirm, action("confirm"), MissingForm.summary)
    message(forms.unexpected_input, ~Command(*COMMANDS), in_form)
    return router


def action(name: str) -> CallbackQueryFilter:
    return MissingCb.filter(F.action == name)
