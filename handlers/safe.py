""" "We are safe": a family lists who is with them, so that relatives searching can be told
they are safe (after the family's own yes); later they see, change or stop the list.

Not a form that becomes a case: it has no summary and no phone step. Back, hints, leaving
with /start or /menu, a new language midway, the sex buttons (a choice) and the place steps
are those of every form (handlers/forms.py); the list's own steps are here.
"""

from __future__ import annotations

from collections.abc import Callable

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message

from bot import replies, screens
from bot.callbacks import MenuCb, MenuItem, SafeAction, SafeCb
from bot.i18n import Translator
from bot.screens import Screen
from bot.screens import safe as steps
from bot.services import household
from bot.services.forms import IncompleteDraftError
from bot.services.household import (
    MAX_AGE,
    MAX_NAME_LENGTH,
    MAX_PEOPLE,
    NotAgreedError,
    SafeDraft,
    Sex,
)
from bot.states import SafeForm
from handlers import forms
from handlers.forms import Choice, FormBase, FormFlow, FormTexts
from storage.models import HouseholdMember, User

FLOW = FormFlow(
    draft=SafeDraft,
    group=SafeForm,
    callback=SafeCb,
    hints={
        SafeForm.name: "safe-name-hint",
        SafeForm.age: "safe-age-invalid",
        SafeForm.location: "needs-location-hint",
    },
    texts=FormTexts(
        leave="safe-leave-question",
        leave_empty="safe-leave-question-empty",
        resume_button="btn-safe-resume",
        discarded="safe-discarded",
    ),
    hint_args={"max": MAX_AGE},
    choices={"sex": Choice(SafeForm.sex, "sex", tuple(Sex))},
)
# Each person is asked in this order; the age completes them (`_person_done`).
NEXT = {SafeForm.consent: SafeForm.name, SafeForm.name: SafeForm.sex, SafeForm.sex: SafeForm.age}
# The steps that show what was entered so far (the list of people, everyone else's).
WITH_ANSWERS: dict[State, Callable[[Translator, SafeDraft], Screen]] = {
    SafeForm.name: steps.name,
    SafeForm.sex: steps.sex,
    SafeForm.age: steps.age,
    SafeForm.removing: steps.removing,
}


class Form(FormBase[SafeDraft]):
    """One family's list during one update."""

    flow = FLOW

    def own_screen(self, step: State, draft: SafeDraft) -> Screen:
        if step == SafeForm.consent:
            return steps.consent(self.t, self.settings.people_retention_days)
        return WITH_ANSWERS.get(step, steps.people)(self.t, draft)

    async def forward(self, step: State) -> None:
        if step in self.flow.places:
            await finish(self)  # the place was the last thing Done needed
        else:
            await self.show(NEXT[step])

    async def back(self) -> None:
        """Back from a person's step asks that answer anew."""
        step, draft = await self.step(), await self.draft()
        match step:
            case SafeForm.name if draft.people:
                await self.show(SafeForm.people)
            case SafeForm.name if not draft.adding:
                await self.show(SafeForm.consent)
            case SafeForm.sex:
                await self.change(name=None)
                await self.show(SafeForm.name)
            case SafeForm.age:
                await self.change(sex=None)
                await self.show(SafeForm.sex)
            case SafeForm.removing | SafeForm.location:
                await self.show(SafeForm.people)
            case SafeForm.district:
                await self.show(SafeForm.location)
            case SafeForm.village:
                await self.show(SafeForm.district)
            case SafeForm.village_typed:
                await self.show(SafeForm.village)
            case _:
                await self.show(SafeForm.leaving)

    def resume_step(self, draft: SafeDraft) -> State:
        if draft.agreed_at is None:
            return SafeForm.consent
        if draft.name is not None:
            return SafeForm.age if draft.sex is not None else SafeForm.sex
        return SafeForm.people if draft.people else SafeForm.name


# --- entering, leaving, and the list of those already listed --------------------------------


async def begin(query: CallbackQuery, form: Form, user: User) -> None:
    await query.answer()
    if await forms.consented(query, form, user, MenuItem.SAFE):
        await _open(form)


async def agreed(query: CallbackQuery, form: Form) -> None:
    """Agreed on the consent "We are safe" asked for: straight on to the list."""
    await forms.agreed(query, form)
    await _open(form)


async def begin_from_case(
    query: CallbackQuery, callback_data: SafeCb, form: Form, user: User
) -> None:
    if not await household.owns_needs_case(form.session, user, callback_data.case):
        await form.refuse()
        return
    await query.answer()
    if await forms.consented(query, form, user, MenuItem.SAFE):
        form.query = None  # the case's code stays on screen; the list comes as a new message
        await _open(form, case_id=callback_data.case)


async def _open(form: Form, case_id: int | None = None) -> None:
    members = await household.listed(form.session, form.user.id)
    if members:
        await form.reply(steps.listed(form.t, members))
        return
    await form.save(SafeDraft(case_id=case_id))
    await form.show(SafeForm.consent)


async def _listed_or_refuse(form: Form) -> list[HouseholdMember]:
    """Who the family listed; none (and the button refused) when nobody is listed any more."""
    members = await household.listed(form.session, form.user.id)
    if not members:
        await form.refuse()
    return members


async def show_listed(query: CallbackQuery, form: Form) -> None:
    if members := await _listed_or_refuse(form):
        await query.answer()
        await form.reply(steps.listed(form.t, members))


async def pick_to_forget(query: CallbackQuery, form: Form) -> None:
    if members := await _listed_or_refuse(form):
        await query.answer()
        await form.reply(steps.forgetting(form.t, members))


async def add_to_listed(query: CallbackQuery, form: Form) -> None:
    if not (members := await _listed_or_refuse(form)):
        return
    if len(members) >= MAX_PEOPLE:
        await query.answer(form.t("safe-full", max=MAX_PEOPLE), show_alert=True)
        return
    await query.answer()
    # They agreed when they listed the first people; the one writing may be among them.
    draft = SafeDraft(adding=True, not_me=True, already=len(members))
    await form.save(household.agreed(draft))
    await form.show(SafeForm.name)


async def forget(query: CallbackQuery, callback_data: SafeCb, form: Form) -> None:
    # The member must be one of this family's: a forged id of another changes nothing.
    removed = await household.remove_member(form.session, form.user, callback_data.person)
    if removed is None:
        await form.refuse()
        return
    await query.answer(form.t("safe-forgotten", name=removed.name or ""))
    members = await household.listed(form.session, form.user.id)
    await form.reply(steps.listed(form.t, members) if members else screens.main_menu(form.t))


async def ask_to_stop(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.reply(steps.stop_question(form.t))


async def stop(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await household.stop_listing(form.session, form.user)
    await form.reply(Screen(form.t("safe-stopped")))
    await replies.send(form.bot, form.chat_id, screens.main_menu(form.t))


# --- the consent line ------------------------------------------------------------------------


async def agree(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.save(household.agreed(await form.draft()))
    await form.forward(SafeForm.consent)


async def not_now(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.reply(Screen(form.t("safe-not-now")))
    await form.clear()
    await replies.send(form.bot, form.chat_id, screens.main_menu(form.t))


# --- each person -----------------------------------------------------------------------------


async def not_me(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.change(not_me=True)
    await form.show(SafeForm.name)


async def name_typed(message: Message, form: Form) -> None:
    hints = ("safe-name-no-letters", "safe-name-too-long")
    name = await forms.typed_name(message, form, MAX_NAME_LENGTH, hints, "safe-name-empty")
    if name is None:
        return
    await form.change(name=name, sex=None)
    await form.forward(SafeForm.name)


async def age_typed(message: Message, form: Form) -> None:
    age = household.parse_age(message.text or "")
    if age is None:
        await form.hint("safe-age-invalid", max=MAX_AGE)
        return
    await _person_done(form, age)


async def age_unknown(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await _person_done(form, None)


async def _person_done(form: Form, age: int | None) -> None:
    draft = await form.draft()
    if draft.name is None or draft.sex is None:  # a lagging button: ask for the name again
        await form.show(SafeForm.name)
        return
    completed = household.with_person(draft, age)
    if completed is None:
        await replies.send(form.bot, form.chat_id, steps.already_entered(form.t, draft.name))
        await form.change(name=None, sex=None)
    else:
        await form.save(completed)
    await form.show(SafeForm.people)


# --- the list --------------------------------------------------------------------------------


async def add_person(query: CallbackQuery, form: Form) -> None:
    if (await form.draft()).room <= 0:
        await query.answer(form.t("safe-full", max=MAX_PEOPLE), show_alert=True)
        return
    await query.answer()
    await form.show(SafeForm.name)


async def pick_to_remove(query: CallbackQuery, form: Form) -> None:
    if not (await form.draft()).people:
        await form.refuse()
        return
    await query.answer()
    await form.show(SafeForm.removing)


async def drop(query: CallbackQuery, callback_data: SafeCb, form: Form) -> None:
    shorter = household.without_person(await form.draft(), callback_data.person)
    if shorter is None:
        await form.refuse()
        return
    await query.answer()
    await form.save(shorter)
    await form.show(SafeForm.people)


async def done(query: CallbackQuery, form: Form) -> None:
    draft = await form.draft()
    if not draft.people:
        await query.answer(form.t("safe-none-yet"), show_alert=True)
        return
    await query.answer()
    if await household.needs_place(form.session, form.user, draft):
        await replies.send(form.bot, form.chat_id, Screen(form.t("safe-place-intro")))
        form.query = None
        await form.show(SafeForm.location)
        return
    await finish(form)


async def finish(form: Form) -> None:
    """Saves the list (committed), then says so: pressing Done again lists nobody twice."""
    try:
        await household.save_list(form.session, form.user, await form.draft(), form.geography)
    except NotAgreedError:
        await form.show(SafeForm.consent)
        return
    except IncompleteDraftError:
        await form.show(SafeForm.location)
        return
    listed = len(await household.listed(form.session, form.user.id))
    await form.reply(steps.saved(form.t, listed))
    await form.clear()
    await replies.send(form.bot, form.chat_id, screens.main_menu(form.t))


def router() -> Router:
    return forms.form_router("safe", Form, _own_steps, begin)


def _own_steps(router: Router) -> None:
    message, press = router.message.register, router.callback_query.register
    outside = StateFilter(None)
    press(begin, MenuCb.filter(F.item == MenuItem.SAFE), outside)
    press(agreed, forms.after_consent(MenuItem.SAFE), outside)
    press(begin_from_case, action(SafeAction.BEGIN), outside)
    press(show_listed, action(SafeAction.LISTED), outside)
    press(add_to_listed, action(SafeAction.ADD), outside)
    press(pick_to_forget, action(SafeAction.REMOVE), outside)
    press(forget, action(SafeAction.FORGET), outside)
    press(ask_to_stop, action(SafeAction.STOP), outside)
    press(stop, action(SafeAction.STOP_SURE), outside)

    press(agree, action(SafeAction.AGREE), SafeForm.consent)
    press(not_now, action(SafeAction.NOT_NOW), SafeForm.consent)
    press(not_me, action(SafeAction.NOT_ME), SafeForm.name)
    message(name_typed, F.text, SafeForm.name)
    message(age_typed, F.text, SafeForm.age)
    press(age_unknown, action(SafeAction.AGE_UNKNOWN), SafeForm.age)
    press(add_person, action(SafeAction.ADD), SafeForm.people)
    press(pick_to_remove, action(SafeAction.REMOVE), SafeForm.people)
    press(drop, action(SafeAction.DROP), SafeForm.removing)
    press(done, action(SafeAction.DONE), SafeForm.people)


def action(name: SafeAction) -> CallbackQueryFilter:
    return SafeCb.filter(F.action == name)
