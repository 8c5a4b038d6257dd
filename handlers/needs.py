"""Register needs: a guided form that becomes a case with a reference code."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove
from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards, replies, screens
from bot.callbacks import FormExitCb, LanguageCb, MenuCb, MenuItem, NeedsCb
from bot.commands import COMMANDS
from bot.config import LOCALES, Settings
from bot.filters import ButtonText
from bot.i18n import Localization
from bot.keyboards import needs as needs_keyboards
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import Screen
from bot.screens import needs as steps
from bot.services import accounts
from bot.services.forms import IncompleteDraftError
from bot.services.needs import (
    MAX_ATTACHMENTS,
    MAX_DETAILS_LENGTH,
    MAX_HOUSEHOLD_SIZE,
    DraftAttachment,
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
from storage.models import AttachmentKind, User

STATES: dict[str | None, State] = {state.state: state for state in NeedsForm.__all_states__}
FORWARD = (
    NeedsForm.location,
    NeedsForm.household_size,
    NeedsForm.vulnerable,
    NeedsForm.needs,
    NeedsForm.phone,
    NeedsForm.details,
    NeedsForm.summary,
)
# Where Back leads from each step; Back from the first step asks before leaving the form.
BACK: dict[State, State] = {
    NeedsForm.district: NeedsForm.location,
    NeedsForm.village: NeedsForm.district,
    **{later: earlier for earlier, later in pairwise(FORWARD)},
}
EDIT_TARGETS: dict[str, State] = {
    "location": NeedsForm.location,
    "size": NeedsForm.household_size,
    "vulnerable": NeedsForm.vulnerable,
    "needs": NeedsForm.needs,
    "phone": NeedsForm.phone,
    "details": NeedsForm.details,
}
# Where a missing answer is asked for, and what to say: the summary never shows an incomplete
# form, however the family got there (Back or Continue after changing an answer, resume…).
GAPS: dict[Gap, tuple[State, str]] = {
    Gap.PLACE: (NeedsForm.location, "needs-location-hint"),
    Gap.HOUSEHOLD_SIZE: (NeedsForm.household_size, "needs-size-invalid"),
    Gap.NEEDS: (NeedsForm.needs, "needs-choose-one"),
    Gap.PHONE: (NeedsForm.phone, "needs-phone-hint"),
}
# What to say when a message does not fit the step.
HINTS: dict[State, str] = {
    NeedsForm.location: "needs-location-hint",
    NeedsForm.household_size: "needs-size-invalid",
    NeedsForm.phone: "needs-phone-hint",
    NeedsForm.details: "needs-details-hint",
}


class Form(PerUpdate):
    """One person's form during one update: the draft, the step, and how to show a step."""

    def __init__(self, event: Message | CallbackQuery, data: dict[str, Any]) -> None:
        super().__init__(event, data)
        self._draft: NeedsDraft | None = None
        # A pressed button's message is replaced in place; a typed message gets a new one.
        self.query: CallbackQuery | None = None
        if isinstance(event, CallbackQuery):
            self.query, self.chat_id = event, event.from_user.id
        else:
            self.chat_id = event.chat.id

    async def draft(self) -> NeedsDraft:
        # Read once per update: with Redis each read is a round trip.
        if self._draft is None:
            stored = await self.state.get_data()
            self._draft = NeedsDraft.model_validate(stored)
            if stored and "submission_key" not in stored:  # a form begun before keys existed
                await self.save(self._draft)
        return self._draft

    async def save(self, draft: NeedsDraft) -> None:
        self._draft = draft
        await self.state.set_data(draft.model_dump(mode="json"))

    async def change(self, **answers: Any) -> NeedsDraft:
        draft = (await self.draft()).model_copy(update=answers)
        await self.save(draft)
        return draft

    async def step(self) -> State:
        return STATES.get(await self.state.get_state(), NeedsForm.location)

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
                return Screen(t("needs-leave-question"), needs_keyboards.leave_form(t))
            case _:
                return steps.summary(t, draft, geography)

    async def show(self, step: State) -> None:
        draft = await self.draft()
        if step == NeedsForm.summary and (gap := first_gap(draft)) is not None:
            await self.ask_for(gap)
            return
        area = self.geography.area(draft.district)
        if step == NeedsForm.village and (area is None or area.is_town or not area.villages):
            step = FORWARD[1]
        await self.state.set_state(step)
        screen = self.screen(step, draft)
        if self.query is not None:
            await replies.replace(self.query, screen)
        else:
            await replies.send(self.bot, self.chat_id, screen)

    async def forward(self, step: State) -> None:
        """The step after `step`, or the summary when the family was changing one answer."""
        draft = await self.draft()
        if draft.editing:
            await self.change(editing=False)
            await self.show(NeedsForm.summary)
        elif step in (NeedsForm.district, NeedsForm.village):
            await self.show(FORWARD[1])
        else:
            await self.show(FORWARD[FORWARD.index(step) + 1])

    async def back(self) -> None:
        step = await self.step()
        if (await self.draft()).editing and step not in (NeedsForm.district, NeedsForm.village):
            await self.change(editing=False)
            await self.show(NeedsForm.summary)
        else:
            await self.show(BACK.get(step, NeedsForm.leaving))

    async def ask_for(self, gap: Gap) -> None:
        """Instead of the summary: the step of the missing answer, then the summary again."""
        step, hint_id = GAPS[gap]
        if not (await self.draft()).editing:
            await self.change(editing=True)
        await self.state.set_state(step)
        await self.hint(hint_id, max=MAX_HOUSEHOLD_SIZE)

    async def hint(self, hint_id: str, **args: object) -> None:
        """Says what the step expects, then shows the step again: nothing entered is lost."""
        await replies.send(self.bot, self.chat_id, Screen(self.t(hint_id, **args)))
        await replies.send(
            self.bot, self.chat_id, self.screen(await self.step(), await self.draft())
        )

    async def refuse(self) -> None:
        """A button that is stale or forged: it changes nothing."""
        assert self.query is not None
        await self.query.answer(self.t("button-expired"), show_alert=True)


# --- entering and leaving the form -------------------------------------------------------


async def begin(query: CallbackQuery, form: Form, user: User) -> None:
    await query.answer()
    t = form.t
    if not accounts.has_consent(user):
        await replies.replace(query, Screen(t("consent-needed"), keyboards.consent(t)))
        return
    await form.save(NeedsDraft())
    await replies.replace(query, Screen(t("needs-intro")))
    form.query = None  # the intro stays; the first step comes as a new message
    await form.show(NeedsForm.location)


async def ask_before_leaving(event: Message | CallbackQuery, form: Form) -> None:
    if isinstance(event, CallbackQuery):
        await event.answer()
    await form.show(NeedsForm.leaving)


async def resume(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.show(_first_unanswered(await form.draft()))


async def discard(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.state.clear()
    await replies.replace(query, Screen(form.t("needs-discarded")))
    await replies.send(form.bot, form.chat_id, screens.main_menu(form.t))


def _first_unanswered(draft: NeedsDraft) -> State:
    gap = first_gap(draft)
    if gap is None:
        return NeedsForm.summary
    if gap == Gap.NEEDS and not draft.editing:
        return NeedsForm.vulnerable  # asked just before the needs, and never left unanswered
    return GAPS[gap][0]


async def back_pressed(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.back()


async def back_tapped(message: Message, form: Form) -> None:
    await message.answer(form.t("needs-going-back"), reply_markup=ReplyKeyboardRemove())
    await form.back()


async def language_during_form(
    query: CallbackQuery,
    callback_data: LanguageCb,
    form: Form,
    user: User,
    session: AsyncSession,
    localization: Localization,
) -> None:
    """A new language midway keeps everything entered and shows the same step again."""
    form.t = localization.translator(callback_data.code)
    await query.answer(form.t("language-saved"))
    await accounts.choose_language(session, form.bot, user, form.t, query.from_user.language_code)
    await form.show(await form.step())


# --- where they are now ------------------------------------------------------------------


async def location_shared(message: Message, form: Form) -> None:
    assert message.location is not None
    t, geography = form.t, form.geography
    lat, lon = message.location.latitude, message.location.longitude
    if not geography.region.contains(lat, lon):
        await message.answer(t("needs-location-far"), reply_markup=ReplyKeyboardRemove())
        await form.show(NeedsForm.district)
        return
    nearest = geography.nearest_place(lat, lon)
    village = nearest[1] if nearest else None
    draft = await form.change(
        latitude=lat,
        longitude=lon,
        district=nearest[0].code if nearest else None,
        village=village.code if village else None,
    )
    place = steps.place_name(t, draft, geography)
    await message.answer(
        t("needs-location-received", place=place), reply_markup=ReplyKeyboardRemove()
    )
    await form.forward(NeedsForm.location)


async def choose_from_list(message: Message, form: Form) -> None:
    await message.answer(form.t("needs-choose-from-list"), reply_markup=ReplyKeyboardRemove())
    await form.show(NeedsForm.district)


async def district_chosen(query: CallbackQuery, callback_data: NeedsCb, form: Form) -> None:
    area = form.geography.area(callback_data.value)
    if area is None:
        await form.refuse()
        return
    await query.answer()
    await form.change(district=area.code, village=None, latitude=None, longitude=None)
    await form.show(NeedsForm.village)


async def village_chosen(query: CallbackQuery, callback_data: NeedsCb, form: Form) -> None:
    chosen = callback_data.value or None  # empty: "my village is not in the list"
    found = form.geography.village(chosen)
    if chosen and (found is None or found[0].code != (await form.draft()).district):
        await form.refuse()
        return
    await query.answer()
    await form.change(village=chosen)
    await form.forward(NeedsForm.village)


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


# --- phone -------------------------------------------------------------------------------


async def contact_shared(message: Message, form: Form) -> None:
    assert message.contact is not None and message.from_user is not None
    # Only the sender's own card proves the number is theirs; a neighbour's card does not.
    if message.contact.user_id != message.from_user.id:
        await form.hint("needs-phone-not-own")
        return
    await form.change(phone=message.contact.phone_number, phone_skipped=False)
    await message.answer(form.t("needs-phone-saved"), reply_markup=ReplyKeyboardRemove())
    await form.forward(NeedsForm.phone)


async def phone_skipped(message: Message, form: Form) -> None:
    await form.change(phone=None, phone_skipped=True)
    await message.answer(form.t("needs-phone-skipped"), reply_markup=ReplyKeyboardRemove())
    await form.forward(NeedsForm.phone)


# --- details -----------------------------------------------------------------------------


async def details_text(message: Message, form: Form) -> None:
    earlier = (await form.draft()).details
    text = (message.text or "").strip()
    combined = f"{earlier}\n{text}" if earlier else text
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
    await form.change(attachments=[*attachments, _attachment_of(message)])
    await replies.send(form.bot, form.chat_id, steps.details_progress(form.t, "needs-file-added"))


def _attachment_of(message: Message) -> DraftAttachment:
    if message.photo:
        largest = message.photo[-1]
        return DraftAttachment(
            kind=AttachmentKind.PHOTO,
            file_id=largest.file_id,
            file_unique_id=largest.file_unique_id,
            caption=message.caption,
        )
    for kind, media in (
        (AttachmentKind.VOICE, message.voice),
        (AttachmentKind.VIDEO, message.video),
        (AttachmentKind.AUDIO, message.audio),
        (AttachmentKind.DOCUMENT, message.document),
    ):
        if media is not None:
            return DraftAttachment(
                kind=kind,
                file_id=media.file_id,
                file_unique_id=media.file_unique_id,
                caption=message.caption,
            )
    raise ValueError("the message carries no file")


async def details_done(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.forward(NeedsForm.details)


# --- summary -----------------------------------------------------------------------------


async def edit_step(query: CallbackQuery, callback_data: NeedsCb, form: Form) -> None:
    step = EDIT_TARGETS.get(callback_data.value)
    if step is None:
        await form.refuse()
        return
    await query.answer()
    await form.change(editing=True)
    await form.show(step)


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


async def unexpected_input(message: Message, form: Form) -> None:
    await form.hint(HINTS.get(await form.step(), "needs-use-buttons"), max=MAX_HOUSEHOLD_SIZE)


def router() -> Router:
    router = Router(name="needs")
    router.message.filter(F.chat.type == "private")
    provide(router, "form", Form)
    message, press = router.message.register, router.callback_query.register
    in_form = StateFilter(NeedsForm)

    press(begin, MenuCb.filter(F.item == MenuItem.NEEDS), StateFilter(None))
    message(ask_before_leaving, CommandStart(), in_form)
    message(ask_before_leaving, Command("menu"), in_form)
    press(ask_before_leaving, MenuCb.filter(), in_form)
    press(ask_before_leaving, action("cancel"), NeedsForm.summary)
    press(resume, FormExitCb.filter(F.resume), NeedsForm.leaving)
    press(discard, FormExitCb.filter(~F.resume), NeedsForm.leaving)
    press(back_pressed, action("back"), in_form)
    message(back_tapped, ButtonText("btn-back"), in_form)
    press(language_during_form, LanguageCb.filter(F.code.in_(LOCALES)), in_form)

    message(location_shared, F.location, NeedsForm.location)
    message(choose_from_list, ButtonText("btn-choose-district"), NeedsForm.location)
    press(district_chosen, action("district"), NeedsForm.district)
    press(village_chosen, action("village"), NeedsForm.village)
    press(size_pressed, action("size"), NeedsForm.household_size)
    message(size_typed, F.text, NeedsForm.household_size)
    press(vulnerability_toggled, action("vuln"), NeedsForm.vulnerable)
    press(vulnerabilities_done, action("vuln-done"), NeedsForm.vulnerable)
    press(need_toggled, action("need"), NeedsForm.needs)
    press(needs_done, action("needs-done"), NeedsForm.needs)
    message(contact_shared, F.contact, NeedsForm.phone)
    message(phone_skipped, ButtonText("btn-skip"), NeedsForm.phone)
    message(details_text, F.text, NeedsForm.details)
    message(details_file, F.photo | F.voice | F.document | F.video | F.audio, NeedsForm.details)
    press(details_done, action("details-done"), NeedsForm.details)
    press(edit_step, action("edit"), NeedsForm.summary)
    press(confirm, action("confirm"), NeedsForm.summary)
    message(unexpected_input, ~Command(*COMMANDS), in_form)
    return router


def action(name: str) -> CallbackQueryFilter:
    return NeedsCb.filter(F.action == name)
