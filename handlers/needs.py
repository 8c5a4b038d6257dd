"""Register needs: a guided form that becomes a case with a reference code.

What every form does alike (steps, Back, hints, leaving, the place and phone steps) is in
handlers/forms.py; this is what the needs form asks.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards, replies, screens
from bot.callbacks import FormExitCb, LanguageCb, MenuCb, MenuItem, NeedsCb
from bot.commands import COMMANDS
from bot.config import LOCALES, Settings
from bot.filters import ButtonText
from bot.middlewares.provide import provide
from bot.screens import Screen
from bot.screens import needs as steps
from bot.services import accounts
from bot.services.forms import IncompleteDraftError
from bot.services.needs import (
    MAX_ATTACHMENTS,
    MAX_DETAILS_LENGTH,
    MAX_HOUSEHOLD_SIZE,
    Gap,
    Need,
    NeedsDraft,
    Vulnerability,
    first_gap,
    parse_household_size,
    register_case,
    toggle,
)
from bot.states import NeedsForm
from handlers import forms
from handlers.forms import Flow, FormSteps
from storage.models import User

# Where a missing answer is asked for, and what to say: the summary never shows an incomplete
# form, however the family got there (Back or Continue after changing an answer, resume…).
GAPS: dict[Gap, tuple[State, str]] = {
    Gap.PLACE: (NeedsForm.location, "needs-location-hint"),
    Gap.HOUSEHOLD_SIZE: (NeedsForm.household_size, "needs-size-invalid"),
    Gap.NEEDS: (NeedsForm.needs, "needs-choose-one"),
    Gap.PHONE: (NeedsForm.phone, "needs-phone-hint"),
}


def _gap(draft: NeedsDraft) -> tuple[State, str] | None:
    gap = first_gap(draft)
    return None if gap is None else GAPS[gap]


FLOW = Flow(
    draft=NeedsDraft,
    group=NeedsForm,
    forward=(
        NeedsForm.location,
        NeedsForm.household_size,
        NeedsForm.vulnerable,
        NeedsForm.needs,
        NeedsForm.phone,
        NeedsForm.details,
        NeedsForm.summary,
    ),
    location=NeedsForm.location,
    district=NeedsForm.district,
    village=NeedsForm.village,
    leaving=NeedsForm.leaving,
    gap=_gap,
    edits={
        "location": NeedsForm.location,
        "size": NeedsForm.household_size,
        "vulnerable": NeedsForm.vulnerable,
        "needs": NeedsForm.needs,
        "phone": NeedsForm.phone,
        "details": NeedsForm.details,
    },
    hints={
        NeedsForm.location: "needs-location-hint",
        NeedsForm.household_size: "needs-size-invalid",
        NeedsForm.phone: "needs-phone-hint",
        NeedsForm.details: "needs-details-hint",
    },
    hint_args={"max": MAX_HOUSEHOLD_SIZE},
)


class Form(FormSteps[NeedsDraft]):
    """The needs form of one family during one update."""

    flow = FLOW

    def screen(self, step: State, draft: NeedsDraft) -> Screen:
        t, geography = self.t, self.geography
        match step:
            case NeedsForm.location:
                return steps.location(t)
            case NeedsForm.district:
                return steps.districts(t, geography)
            case NeedsForm.village:
                return steps.villages(t, geography, draft.district or "") or steps.location(t)
            case NeedsForm.household_size:
                return steps.household_size(t)
            case NeedsForm.vulnerable:
                return steps.vulnerabilities(t, draft)
            case NeedsForm.needs:
                return steps.needs(t, draft)
            case NeedsForm.phone:
                return steps.phone(t)
            case NeedsForm.details:
                return steps.details(t, draft)
            case NeedsForm.leaving:
                return forms.leaving_screen(self)
            case _:
                return steps.summary(t, draft, geography)

    def resume_step(self, draft: NeedsDraft) -> State:
        if first_gap(draft) == Gap.NEEDS and not draft.editing:
            return NeedsForm.vulnerable  # asked just before the needs, never left unanswered
        return super().resume_step(draft)


# --- entering the form -------------------------------------------------------------------


async def begin(query: CallbackQuery, form: Form, user: User) -> None:
    await query.answer()
    t = form.t
    if not accounts.has_consent(user):
        await replies.replace(query, Screen(t("consent-needed"), keyboards.consent(t)))
        return
    await replies.replace(query, Screen(t("needs-intro")))
    await form.start(NeedsDraft())


# --- household ---------------------------------------------------------------------------


async def size_pressed(query: CallbackQuery, callback_data: NeedsCb, form: Form) -> None:
    if callback_data.value == "more":
        await query.answer()
        await replies.replace(query, steps.household_size_typed(form.t))
        return
    size = parse_household_size(callback_data.value)
    if size is None:
        await form.refuse()
        return
    await query.answer()
    await form.change(household_size=size)
    await form.forward(NeedsForm.household_size)


async def size_typed(message: Message, form: Form) -> None:
    size = parse_household_size(message.text or "")
    if size is None:
        await form.hint("needs-size-invalid", max=MAX_HOUSEHOLD_SIZE)
        return
    await form.change(household_size=size)
    await form.forward(NeedsForm.household_size)


async def vulnerability_toggled(query: CallbackQuery, callback_data: NeedsCb, form: Form) -> None:
    if callback_data.value not in set(Vulnerability):
        await form.refuse()
        return
    await query.answer()
    draft = await form.draft()
    chosen = toggle(draft.vulnerabilities, Vulnerability(callback_data.value))
    await replies.replace(
        query, steps.vulnerabilities(form.t, await form.change(vulnerabilities=chosen))
    )


async def vulnerabilities_done(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.forward(NeedsForm.vulnerable)


async def need_toggled(query: CallbackQuery, callback_data: NeedsCb, form: Form) -> None:
    if callback_data.value not in set(Need):
        await form.refuse()
        return
    await query.answer()
    draft = await form.draft()
    chosen = toggle(draft.needs, Need(callback_data.value))
    await replies.replace(query, steps.needs(form.t, await form.change(needs=chosen)))


async def needs_done(query: CallbackQuery, form: Form) -> None:
    if not (await form.draft()).needs:
        await query.answer(form.t("needs-choose-one"), show_alert=True)
        return
    await query.answer()
    await form.forward(NeedsForm.needs)


# --- details -----------------------------------------------------------------------------


async def details_text(message: Message, form: Form) -> None:
    earlier = (await form.draft()).details
    text = (message.text or "").strip()
    combined = forms.appended(earlier, text)
    if len(combined) > MAX_DETAILS_LENGTH:
        left = max(MAX_DETAILS_LENGTH - len(earlier or ""), 0)
        await form.hint("needs-details-too-long", max=MAX_DETAILS_LENGTH, left=left)
        return
    await form.change(details=combined)
    await replies.send(
        form.bot, form.chat_id, steps.details_progress(form.t, "needs-details-added")
    )


async def details_file(message: Message, form: Form) -> None:
    attachments = (await form.draft()).attachments
    if len(attachments) >= MAX_ATTACHMENTS:
        await form.hint("needs-details-too-many-files", max=MAX_ATTACHMENTS)
        return
    await form.change(attachments=[*attachments, forms.attachment_of(message)])
    await replies.send(form.bot, form.chat_id, steps.details_progress(form.t, "needs-file-added"))


async def details_done(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.forward(NeedsForm.details)


# --- summary ---------------------------------------------------------------------------


async def confirm(
    query: CallbackQuery, form: Form, session: AsyncSession, user: User, settings: Settings
) -> None:
    await query.answer()
    draft = await form.draft()
    minutes = settings.urgent_escalation_minutes
    try:
        # The same draft sent again (after a failure below) finds the case it made.
        case = await register_case(session, user, draft, form.t.locale, minutes)
    except IncompleteDraftError:
        await form.show(NeedsForm.summary)  # asks for what is missing
        return
    # The code first: should clearing the form fail, the family has it, and Send shows it again.
    await replies.replace(query, Screen(form.t("needs-case-created", code=case.code)))
    await form.state.clear()
    await replies.send(form.bot, form.chat_id, screens.main_menu(form.t))


def router() -> Router:
    router = Router(name="needs")
    router.message.filter(F.chat.type == "private")
    provide(router, "form", Form)
    message, press = router.message.register, router.callback_query.register
    in_form = StateFilter(NeedsForm)

    press(begin, MenuCb.filter(F.item == MenuItem.NEEDS), StateFilter(None))
    message(forms.ask_before_leaving, CommandStart(), in_form)
    message(forms.ask_before_leaving, Command("menu"), in_form)
    press(forms.ask_before_leaving, MenuCb.filter(), in_form)
    press(forms.ask_before_leaving, action("cancel"), NeedsForm.summary)
    press(forms.resume, FormExitCb.filter(F.resume), NeedsForm.leaving)
    press(forms.discard, FormExitCb.filter(~F.resume), NeedsForm.leaving)
    press(forms.back_pressed, action("back"), in_form)
    message(forms.back_tapped, ButtonText("btn-back"), in_form)
    press(forms.language_during_form, LanguageCb.filter(F.code.in_(LOCALES)), in_form)

    message(forms.location_shared, F.location, NeedsForm.location)
    message(forms.choose_from_list, ButtonText("btn-choose-district"), NeedsForm.location)
    press(forms.district_chosen, action("district"), NeedsForm.district)
    press(forms.village_chosen, action("village"), NeedsForm.village)
    press(size_pressed, action("size"), NeedsForm.household_size)
    message(size_typed, F.text, NeedsForm.household_size)
    press(vulnerability_toggled, action("vuln"), NeedsForm.vulnerable)
    press(vulnerabilities_done, action("vuln-done"), NeedsForm.vulnerable)
    press(need_toggled, action("need"), NeedsForm.needs)
    press(needs_done, action("needs-done"), NeedsForm.needs)
    message(forms.contact_shared, F.contact, NeedsForm.phone)
    message(forms.phone_skipped, ButtonText("btn-skip"), NeedsForm.phone)
    message(details_text, F.text, NeedsForm.details)
    message(details_file, F.photo | F.voice | F.document | F.video | F.audio, NeedsForm.details)
    press(details_done, action("details-done"), NeedsForm.details)
    press(forms.edit_step, action("edit"), NeedsForm.summary)
    press(confirm, action("confirm"), NeedsForm.summary)
    message(forms.unexpected_input, ~Command(*COMMANDS), in_form)
    return router


def action(name: str) -> CallbackQueryFilter:
    return NeedsCb.filter(F.action == name)
