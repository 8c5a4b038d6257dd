"""Register needs: a guided form that becomes a case with a reference code."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove
from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards, replies, screens
from bot.callbacks import FormExitCb, LanguageCb, MenuCb, MenuItem, NeedsCb
from bot.commands import COMMANDS
from bot.config import LOCALES
from bot.filters import ButtonText
from bot.i18n import Localization, Translator
from bot.screens import Screen
from bot.services import accounts
from bot.services.needs import (
    MAX_ATTACHMENTS,
    MAX_DETAILS_LENGTH,
    MAX_HOUSEHOLD_SIZE,
    DraftAttachment,
    Need,
    NeedsDraft,
    Vulnerability,
    parse_household_size,
    register_case,
    toggle,
)
from bot.states import NeedsForm
from storage.models import AttachmentKind, User
from storage.places import Geography

# Where Back leads from each step; Back from the first step asks before leaving the form.
PREVIOUS: dict[str | None, State] = {
    NeedsForm.district.state: NeedsForm.location,
    NeedsForm.village.state: NeedsForm.district,
    NeedsForm.household_size.state: NeedsForm.location,
    NeedsForm.vulnerable.state: NeedsForm.household_size,
    NeedsForm.needs.state: NeedsForm.vulnerable,
    NeedsForm.phone.state: NeedsForm.needs,
    NeedsForm.details.state: NeedsForm.phone,
    NeedsForm.summary.state: NeedsForm.details,
}
STATES: dict[str | None, State] = {state.state: state for state in NeedsForm.__all_states__}
EDIT_TARGETS: dict[str, State] = {
    "location": NeedsForm.location,
    "size": NeedsForm.household_size,
    "vulnerable": NeedsForm.vulnerable,
    "needs": NeedsForm.needs,
    "phone": NeedsForm.phone,
    "details": NeedsForm.details,
}


class Form:
    """The form of one person in one update: its draft, its state, and how to show a step."""

    def __init__(self, state: FSMContext, t: Translator, geography: Geography, bot: Bot) -> None:
        self.state, self.t, self.geography, self.bot = state, t, geography, bot

    async def draft(self) -> NeedsDraft:
        return NeedsDraft.model_validate(await self.state.get_data())

    async def save(self, draft: NeedsDraft) -> None:
        await self.state.set_data(draft.model_dump(mode="json"))

    def screen(self, step: State, draft: NeedsDraft) -> Screen:
        t = self.t
        match step:
            case NeedsForm.location:
                return screens.location(t)
            case NeedsForm.district:
                return screens.districts(t, self.geography)
            case NeedsForm.village:
                return screens.villages(t, self.geography, draft.district or "") or (
                    screens.household_size(t)
                )
            case NeedsForm.household_size:
                return screens.household_size(t)
            case NeedsForm.vulnerable:
                return screens.vulnerabilities(t, draft)
            case NeedsForm.needs:
                return screens.needs(t, draft)
            case NeedsForm.phone:
                return screens.phone(t)
            case NeedsForm.details:
                return screens.details(t, draft)
            case NeedsForm.leaving:
                return Screen(t("needs-leave-question"), keyboards.leave_form(t))
            case _:
                return screens.summary(t, draft, self.geography)

    async def go(self, step: State, chat_id: int, query: CallbackQuery | None = None) -> None:
        """Moves to a step and shows it, replacing the pressed message when there is one."""
        draft = await self.draft()
        area = self.geography.area(draft.district)
        if step == NeedsForm.village and (area is None or not area.villages):
            step = NeedsForm.household_size
        await self.state.set_state(step)
        screen = self.screen(step, draft)
        if query is not None:
            await replies.replace(query, screen)
        else:
            await replies.send(self.bot, chat_id, screen)

    async def next_after(
        self, step: State, chat_id: int, query: CallbackQuery | None = None
    ) -> None:
        """The step after `step`, or back to the summary when the family was changing one answer."""
        draft = await self.draft()
        order = [
            NeedsForm.location,
            NeedsForm.household_size,
            NeedsForm.vulnerable,
            NeedsForm.needs,
            NeedsForm.phone,
            NeedsForm.details,
            NeedsForm.summary,
        ]
        if draft.editing:
            draft.editing = False
            await self.save(draft)
            await self.go(NeedsForm.summary, chat_id, query)
            return
        after_place = step in (NeedsForm.district, NeedsForm.village)
        position = 0 if after_place else order.index(step)
        await self.go(order[position + 1], chat_id, query)

    async def back_from(self, step: str | None, chat_id: int, query: CallbackQuery | None) -> None:
        draft = await self.draft()
        if draft.editing and step not in (NeedsForm.district.state, NeedsForm.village.state):
            draft.editing = False
            await self.save(draft)
            await self.go(NeedsForm.summary, chat_id, query)
        elif step in PREVIOUS:
            await self.go(PREVIOUS[step], chat_id, query)
        else:
            await self.go(NeedsForm.leaving, chat_id, query)

    async def hint(self, message: Message, hint_id: str, **args: object) -> None:
        """Input that doesn't fit the step: say what is expected and show the step again."""
        await message.answer(self.t(hint_id, **args))
        step = STATES.get(await self.state.get_state(), NeedsForm.location)
        await replies.send(self.bot, message.chat.id, self.screen(step, await self.draft()))


def _form(state: FSMContext, t: Translator, geography: Geography, bot: Bot) -> Form:
    return Form(state, t, geography, bot)


# --- entering and leaving the form -------------------------------------------------------


async def begin(
    query: CallbackQuery,
    state: FSMContext,
    user: User,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    await query.answer()
    if not accounts.has_consent(user):
        await replies.replace(query, Screen(t("consent-needed"), keyboards.consent(t)))
        return
    form = _form(state, t, geography, bot)
    await form.save(NeedsDraft())
    await replies.replace(query, Screen(t("needs-intro")))
    await form.go(NeedsForm.location, query.from_user.id)


async def start_during_form(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    await _form(state, t, geography, bot).go(NeedsForm.leaving, message.chat.id)


async def menu_during_form(
    query: CallbackQuery, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    await query.answer()
    await _form(state, t, geography, bot).go(NeedsForm.leaving, query.from_user.id, query)


async def resume(
    query: CallbackQuery, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    await query.answer()
    form = _form(state, t, geography, bot)
    await form.go(_first_unanswered(await form.draft()), query.from_user.id, query)


async def discard(query: CallbackQuery, state: FSMContext, t: Translator, bot: Bot) -> None:
    await query.answer()
    await state.clear()
    await replies.replace(query, Screen(t("needs-discarded")))
    await replies.send(bot, query.from_user.id, screens.main_menu(t))


def _first_unanswered(draft: NeedsDraft) -> State:
    if not draft.has_place:
        return NeedsForm.location
    if draft.household_size is None:
        return NeedsForm.household_size
    if not draft.needs:
        return NeedsForm.vulnerable
    if draft.phone is None and not draft.phone_skipped:
        return NeedsForm.phone
    return NeedsForm.summary


async def back_button(
    query: CallbackQuery, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    await query.answer()
    await _form(state, t, geography, bot).back_from(
        await state.get_state(), query.from_user.id, query
    )


async def back_text(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    await message.answer(t("needs-going-back"), reply_markup=ReplyKeyboardRemove())
    await _form(state, t, geography, bot).back_from(await state.get_state(), message.chat.id, None)


# --- where they are now ------------------------------------------------------------------


async def location_shared(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    assert message.location is not None
    form = _form(state, t, geography, bot)
    lat, lon = message.location.latitude, message.location.longitude
    if not geography.region.contains(lat, lon):
        await message.answer(t("needs-location-far"), reply_markup=ReplyKeyboardRemove())
        await form.go(NeedsForm.district, message.chat.id)
        return
    draft = await form.draft()
    nearest = geography.nearest_village(lat, lon)
    draft.latitude, draft.longitude = lat, lon
    draft.district, draft.village = (nearest[0].code, nearest[1].code) if nearest else (None, None)
    await form.save(draft)
    await message.answer(
        t("needs-location-received", place=screens.place_name(t, draft, geography)),
        reply_markup=ReplyKeyboardRemove(),
    )
    await form.next_after(NeedsForm.location, message.chat.id)


async def choose_from_list(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    await message.answer(t("needs-choose-from-list"), reply_markup=ReplyKeyboardRemove())
    await _form(state, t, geography, bot).go(NeedsForm.district, message.chat.id)


async def district_chosen(
    query: CallbackQuery,
    callback_data: NeedsCb,
    state: FSMContext,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    area = geography.area(callback_data.value)
    if area is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    form = _form(state, t, geography, bot)
    draft = await form.draft()
    draft.district, draft.village = area.code, None
    draft.latitude = draft.longitude = None
    await form.save(draft)
    await form.go(NeedsForm.village, query.from_user.id, query)


async def village_chosen(
    query: CallbackQuery,
    callback_data: NeedsCb,
    state: FSMContext,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    form = _form(state, t, geography, bot)
    draft = await form.draft()
    found = geography.village(callback_data.value)
    if callback_data.value and (found is None or found[0].code != draft.district):
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    draft.village = callback_data.value or None
    await form.save(draft)
    await form.next_after(NeedsForm.village, query.from_user.id, query)


# --- household ---------------------------------------------------------------------------


async def size_pressed(
    query: CallbackQuery,
    callback_data: NeedsCb,
    state: FSMContext,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    form = _form(state, t, geography, bot)
    if callback_data.value == "more":
        await query.answer()
        await replies.replace(query, screens.household_size_typed(t))
        return
    size = parse_household_size(callback_data.value)
    if size is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    await _save_size(form, size)
    await form.next_after(NeedsForm.household_size, query.from_user.id, query)


async def size_typed(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    form = _form(state, t, geography, bot)
    size = parse_household_size(message.text or "")
    if size is None:
        await form.hint(message, "needs-size-invalid", max=MAX_HOUSEHOLD_SIZE)
        return
    await _save_size(form, size)
    await form.next_after(NeedsForm.household_size, message.chat.id)


async def _save_size(form: Form, size: int) -> None:
    draft = await form.draft()
    draft.household_size = size
    await form.save(draft)


async def vulnerability_toggled(
    query: CallbackQuery,
    callback_data: NeedsCb,
    state: FSMContext,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    if callback_data.value not in set(Vulnerability):
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    form = _form(state, t, geography, bot)
    draft = await form.draft()
    draft.vulnerabilities = toggle(draft.vulnerabilities, Vulnerability(callback_data.value))
    await form.save(draft)
    await replies.replace(query, screens.vulnerabilities(t, draft))


async def vulnerabilities_done(
    query: CallbackQuery, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    await query.answer()
    await _form(state, t, geography, bot).next_after(
        NeedsForm.vulnerable, query.from_user.id, query
    )


async def need_toggled(
    query: CallbackQuery,
    callback_data: NeedsCb,
    state: FSMContext,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    if callback_data.value not in set(Need):
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    form = _form(state, t, geography, bot)
    draft = await form.draft()
    draft.needs = toggle(draft.needs, Need(callback_data.value))
    await form.save(draft)
    await replies.replace(query, screens.needs(t, draft))


async def needs_done(
    query: CallbackQuery, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    form = _form(state, t, geography, bot)
    if not (await form.draft()).needs:
        await query.answer(t("needs-choose-one"), show_alert=True)
        return
    await query.answer()
    await form.next_after(NeedsForm.needs, query.from_user.id, query)


# --- phone -------------------------------------------------------------------------------


async def contact_shared(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    assert message.contact is not None and message.from_user is not None
    form = _form(state, t, geography, bot)
    if message.contact.user_id != message.from_user.id:
        await form.hint(message, "needs-phone-not-own")
        return
    draft = await form.draft()
    draft.phone, draft.phone_skipped = message.contact.phone_number, False
    await form.save(draft)
    await message.answer(t("needs-phone-saved"), reply_markup=ReplyKeyboardRemove())
    await form.next_after(NeedsForm.phone, message.chat.id)


async def phone_skipped(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    form = _form(state, t, geography, bot)
    draft = await form.draft()
    draft.phone, draft.phone_skipped = None, True
    await form.save(draft)
    await message.answer(t("needs-phone-skipped"), reply_markup=ReplyKeyboardRemove())
    await form.next_after(NeedsForm.phone, message.chat.id)


# --- details -----------------------------------------------------------------------------


async def details_text(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    form = _form(state, t, geography, bot)
    draft = await form.draft()
    text = (message.text or "").strip()
    combined = f"{draft.details}\n{text}" if draft.details else text
    if len(combined) > MAX_DETAILS_LENGTH:
        await form.hint(
            message,
            "needs-details-too-long",
            max=MAX_DETAILS_LENGTH,
            left=max(MAX_DETAILS_LENGTH - len(draft.details or ""), 0),
        )
        return
    draft.details = combined
    await form.save(draft)
    await replies.send(bot, message.chat.id, screens.details_progress(t, "needs-details-added"))


async def details_file(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    form = _form(state, t, geography, bot)
    draft = await form.draft()
    if len(draft.attachments) >= MAX_ATTACHMENTS:
        await form.hint(message, "needs-details-too-many-files", max=MAX_ATTACHMENTS)
        return
    draft.attachments.append(_attachment_of(message))
    await form.save(draft)
    await replies.send(bot, message.chat.id, screens.details_progress(t, "needs-file-added"))


def _attachment_of(message: Message) -> DraftAttachment:
    if message.photo:
        largest = message.photo[-1]
        return DraftAttachment(
            kind=AttachmentKind.PHOTO,
            file_id=largest.file_id,
            file_unique_id=largest.file_unique_id,
        )
    for kind, media in (
        (AttachmentKind.VOICE, message.voice),
        (AttachmentKind.VIDEO, message.video),
        (AttachmentKind.AUDIO, message.audio),
        (AttachmentKind.DOCUMENT, message.document),
    ):
        if media is not None:
            return DraftAttachment(
                kind=kind, file_id=media.file_id, file_unique_id=media.file_unique_id
            )
    raise ValueError("the message carries no file")


async def details_done(
    query: CallbackQuery, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    await query.answer()
    await _form(state, t, geography, bot).next_after(NeedsForm.details, query.from_user.id, query)


# --- summary -----------------------------------------------------------------------------


async def edit_step(
    query: CallbackQuery,
    callback_data: NeedsCb,
    state: FSMContext,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    step = EDIT_TARGETS.get(callback_data.value)
    if step is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    form = _form(state, t, geography, bot)
    draft = await form.draft()
    draft.editing = True
    await form.save(draft)
    await form.go(step, query.from_user.id, query)


async def cancel_pressed(
    query: CallbackQuery, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    await query.answer()
    await _form(state, t, geography, bot).go(NeedsForm.leaving, query.from_user.id, query)


async def confirm(
    query: CallbackQuery,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Translator,
    geography: Geography,
    bot: Bot,
) -> None:
    await query.answer()
    form = _form(state, t, geography, bot)
    case = await register_case(session, user, await form.draft(), t.locale)
    await state.clear()
    await replies.replace(query, Screen(t("needs-case-created", code=case.code)))
    await replies.send(bot, query.from_user.id, screens.main_menu(t))


# --- anything else while the form is open -------------------------------------------------


HINTS: dict[str | None, str] = {
    NeedsForm.location.state: "needs-location-hint",
    NeedsForm.district.state: "needs-use-buttons",
    NeedsForm.village.state: "needs-use-buttons",
    NeedsForm.household_size.state: "needs-size-invalid",
    NeedsForm.vulnerable.state: "needs-use-buttons",
    NeedsForm.needs.state: "needs-use-buttons",
    NeedsForm.phone.state: "needs-phone-hint",
    NeedsForm.details.state: "needs-details-hint",
    NeedsForm.summary.state: "needs-use-buttons",
    NeedsForm.leaving.state: "needs-use-buttons",
}


async def unexpected_input(
    message: Message, state: FSMContext, t: Translator, geography: Geography, bot: Bot
) -> None:
    hint = HINTS.get(await state.get_state(), "needs-use-buttons")
    await _form(state, t, geography, bot).hint(message, hint, max=MAX_HOUSEHOLD_SIZE)


async def language_during_form(
    query: CallbackQuery,
    callback_data: LanguageCb,
    state: FSMContext,
    user: User,
    localization: Localization,
    geography: Geography,
    bot: Bot,
) -> None:
    """A new language midway keeps everything entered and shows the same step again."""
    t = localization.translator(callback_data.code)
    await accounts.choose_language(bot, user, t, query.from_user.language_code)
    await query.answer(t("language-saved"))
    form = _form(state, t, geography, bot)
    step = STATES.get(await state.get_state(), NeedsForm.location)
    await form.go(step, query.from_user.id, query)


def router() -> Router:
    router = Router(name="needs")
    router.message.filter(F.chat.type == "private")
    message, press = router.message.register, router.callback_query.register
    press(begin, MenuCb.filter(F.item == MenuItem.NEEDS), StateFilter(None))
    message(start_during_form, CommandStart(), StateFilter(NeedsForm))
    message(start_during_form, Command("menu"), StateFilter(NeedsForm))
    press(menu_during_form, MenuCb.filter(), StateFilter(NeedsForm))
    press(resume, FormExitCb.filter(F.resume), StateFilter(NeedsForm.leaving))
    press(discard, FormExitCb.filter(~F.resume), StateFilter(NeedsForm.leaving))
    press(back_button, action("back"), StateFilter(NeedsForm))
    message(back_text, StateFilter(NeedsForm), ButtonText("btn-back"))
    message(location_shared, NeedsForm.location, F.location)
    message(choose_from_list, NeedsForm.location, ButtonText("btn-choose-district"))
    press(district_chosen, action("district"), NeedsForm.district)
    press(village_chosen, action("village"), NeedsForm.village)
    press(size_pressed, action("size"), NeedsForm.household_size)
    message(size_typed, NeedsForm.household_size, F.text)
    press(vulnerability_toggled, action("vuln"), NeedsForm.vulnerable)
    press(vulnerabilities_done, action("vuln-done"), NeedsForm.vulnerable)
    press(need_toggled, action("need"), NeedsForm.needs)
    press(needs_done, action("needs-done"), NeedsForm.needs)
    message(contact_shared, NeedsForm.phone, F.contact)
    message(phone_skipped, NeedsForm.phone, ButtonText("btn-skip"))
    message(details_text, NeedsForm.details, F.text)
    message(details_file, NeedsForm.details, F.photo | F.voice | F.document | F.video | F.audio)
    press(details_done, action("details-done"), NeedsForm.details)
    press(edit_step, action("edit"), NeedsForm.summary)
    press(cancel_pressed, action("cancel"), NeedsForm.summary)
    press(confirm, action("confirm"), NeedsForm.summary)
    message(unexpected_input, StateFilter(NeedsForm), ~Command(*COMMANDS))
    press(language_during_form, LanguageCb.filter(F.code.in_(LOCALES)), StateFilter(NeedsForm))
    return router


def action(name: str) -> CallbackQueryFilter:
    return NeedsCb.filter(F.action == name)
