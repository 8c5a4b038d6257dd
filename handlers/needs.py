"""Register needs: a guided form that becomes a case with a reference code.

What every form does alike (steps, Back, hints, leaving, the place and phone steps, choices
and toggles) is in handlers/forms.py; this is what the needs form asks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import replies, screens
from bot.callbacks import MenuCb, MenuItem, NeedsCb
from bot.config import Settings
from bot.keyboards import needs as needs_keyboards
from bot.keyboards import safe as safe_keyboards
from bot.screens import Screen
from bot.screens import needs as steps
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
)
from bot.states import NeedsForm
from handlers import forms
from handlers.forms import Choice, Flow, FormSteps
from storage.models import Case, User

# Where a missing answer is asked for, and what to say: the summary never shows an incomplete
# form, however the family got there (Back or Continue after changing an answer, resume…).
GAPS: dict[Gap, tuple[State, str]] = {
    Gap.PLACE: (NeedsForm.location, "needs-location-hint"),
    Gap.HOUSEHOLD_SIZE: (NeedsForm.household_size, "needs-size-invalid"),
    Gap.NEEDS: (NeedsForm.needs, "needs-choose-one"),
    Gap.PHONE: (NeedsForm.phone, "needs-phone-hint"),
}


def _details_hint(draft: NeedsDraft) -> str:
    """The details step shows Skip until something was given, Continue after."""
    return "needs-details-hint" if draft.details or draft.attachments else "needs-details-hint-skip"


FLOW = Flow(
    draft=NeedsDraft,
    group=NeedsForm,
    callback=NeedsCb,
    first_gap=first_gap,
    gaps=GAPS,
    edit_buttons=needs_keyboards.EDITABLE_STEPS,
    hints={
        NeedsForm.location: "needs-location-hint",
        NeedsForm.household_size: "needs-size-invalid",
        NeedsForm.phone: "needs-phone-hint",
        NeedsForm.details: _details_hint,
    },
    hint_args={"max": MAX_HOUSEHOLD_SIZE},
    toggles={
        "vuln": Choice(NeedsForm.vulnerable, "vulnerabilities", tuple(Vulnerability)),
        "need": Choice(NeedsForm.needs, "needs", tuple(Need)),
    },
)


class Form(FormSteps[NeedsDraft]):
    """The needs form of one family during one update."""

    flow = FLOW

    def own_screen(self, step: State, draft: NeedsDraft) -> Screen:
        t = self.t
        match step:
            case NeedsForm.household_size:
                return steps.household_size(t)
            case NeedsForm.vulnerable:
                return steps.vulnerabilities(t, draft)
            case NeedsForm.needs:
                return steps.needs(t, draft)
            case NeedsForm.details:
                return steps.details(t, draft)
            case _:
                return steps.summary(t, draft, self.geography)

    def resume_step(self, draft: NeedsDraft) -> State:
        if first_gap(draft) == Gap.NEEDS and not draft.editing:
            return NeedsForm.vulnerable  # asked just before the needs, never left unanswered
        return super().resume_step(draft)


# --- entering the form -------------------------------------------------------------------


async def begin(query: CallbackQuery, form: Form, user: User) -> None:
    await query.answer()
    if await forms.consented(query, form, user, MenuItem.NEEDS):
        await _open(form)


async def agreed(query: CallbackQuery, form: Form) -> None:
    """Agreed on the consent "Ask for help" asked for: straight on into the form."""
    await forms.agreed(query, form)
    await _open(form)


async def _open(form: Form) -> None:
    await form.reply(Screen(form.t("needs-intro")))
    await form.start(NeedsDraft())


# --- household ---------------------------------------------------------------------------


async def size_pressed(query: CallbackQuery, callback_data: NeedsCb, form: Form) -> None:
    if callback_data.value == "more":
        await query.answer()
        await form.reply(steps.household_size_typed(form.t))
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


async def needs_done(query: CallbackQuery, form: Form) -> None:
    if not (await form.draft()).needs:
        await query.answer(form.t("needs-choose-one"), show_alert=True)
        return
    await query.answer()
    await form.forward(NeedsForm.needs)


# --- details -----------------------------------------------------------------------------


async def details_text(message: Message, form: Form) -> None:
    cut = await forms.add_text(message, form, MAX_DETAILS_LENGTH)
    progress = steps.details_progress(form.t, "needs-details-added")
    await form.reply(dataclasses.replace(progress, text=cut) if cut else progress)


async def details_file(message: Message, form: Form) -> None:
    if await forms.add_file(message, form, MAX_ATTACHMENTS, "needs-details-too-many-files"):
        await form.reply(steps.details_progress(form.t, "needs-file-added"))


# --- summary -----------------------------------------------------------------------------


async def confirm(
    query: CallbackQuery, form: Form, session: AsyncSession, user: User, settings: Settings
) -> None:
    minutes, locale = settings.urgent_escalation_minutes, form.t.locale

    def register(draft: NeedsDraft) -> Awaitable[Case]:
        return register_case(session, user, draft, locale, minutes)

    def sent(case: Case) -> Screen:
        # With the code, the way to list who is with them, so that searching relatives can
        # find them ("we are safe").
        listing = safe_keyboards.after_case(form.t, case.id)
        return Screen(form.t("needs-case-created", code=case.code), listing)

    if await forms.submit(query, form, register, sent) is not None:
        await replies.send(form.bot, form.chat_id, screens.main_menu(form.t))


def router() -> Router:
    return forms.router("needs", Form, _own_steps, begin)


def _own_steps(router: Router) -> None:
    message, press = router.message.register, router.callback_query.register
    press(begin, MenuCb.filter(F.item == MenuItem.NEEDS), StateFilter(None))
    press(agreed, forms.after_consent(MenuItem.NEEDS), StateFilter(None))
    press(size_pressed, action("size"), NeedsForm.household_size)
    message(size_typed, F.text, NeedsForm.household_size)
    press(forms.step_done, action("vuln-done"), NeedsForm.vulnerable)
    press(needs_done, action("needs-done"), NeedsForm.needs)
    message(details_text, F.text, NeedsForm.details)
    message(details_file, F.photo | F.voice | F.document | F.video | F.audio, NeedsForm.details)
    press(forms.step_done, action("details-done"), NeedsForm.details)
    press(confirm, action("confirm"), NeedsForm.summary)


def action(name: str) -> CallbackQueryFilter:
    return NeedsCb.filter(F.action == name)
