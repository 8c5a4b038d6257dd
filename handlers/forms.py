"""What the handlers of every form share (the needs form, a missing relative's report, "we
are safe").

A form is a StatesGroup whose draft lives in FSM storage. Each form describes itself once (a
`FormFlow`: its draft, buttons, hints, choices and toggles) and draws its screens
(`FormBase.screen`); hints, Back, leaving with /start or /menu, a new language midway, choices
and toggles, and the place steps work the same for every form. A form that becomes a case (a
`Flow`, `FormSteps`) also has its steps in order, what is missing before the summary, editing
from it, the phone step, files and words, and Send.

Only the newest screen of a form has buttons: each screen shown takes them off the one before
(`FormBase.reply`, which keeps the newest in the FSM data beside the draft, `OnScreen`), and a bad
entry right under a step's screen gets a short hint, not another copy of its buttons.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from itertools import pairwise
from typing import Any, Generic, Protocol, TypeVar, cast

from aiogram import F, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from bot import replies, screens
from bot.callbacks import AgreedForCb, FormCb, FormExitCb, LanguageCb, MenuCb, MenuItem
from bot.commands import COMMANDS
from bot.config import LOCALES, Settings
from bot.filters import ButtonText
from bot.i18n import Localization
from bot.keyboards import forms as form_keyboards
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import Screen
from bot.screens import forms as form_screens
from bot.services import accounts
from bot.services.forms import (
    MAX_VILLAGE_LENGTH,
    CaseDraft,
    DraftAttachment,
    IncompleteDraftError,
    NameProblem,
    PlaceDraft,
    clean_name,
    typed_village,
)
from bot.services.needs import toggle
from storage.models import AttachmentKind, Case, User, utcnow

P = TypeVar("P", bound=PlaceDraft)
D = TypeVar("D", bound=CaseDraft)
# What to say when a message does not fit a step: a message id, or one chosen by the draft (a
# hint names only buttons the step shows: Skip before anything was given, Continue after).
Hint = str | Callable[[Any], str]


@dataclass(frozen=True)
class FormTexts:
    """The message ids a form says at the steps every form has."""

    location: str = "needs-location"
    location_button: str = "btn-share-location"
    district: str = "needs-district"
    village: str = "needs-village"
    not_listed: str = "btn-village-not-listed"
    village_typed: str = "needs-village-type"
    village_hint: str = "needs-village-type-hint"
    village_too_long: str = "needs-village-too-long"
    phone: str = "needs-phone"
    leave: str = "needs-leave-question"
    leave_empty: str = "needs-leave-question-empty"  # nothing was entered yet
    resume_button: str = "btn-form-resume"
    discarded: str = "needs-discarded"
    location_far: str = "needs-location-far"
    location_received: str = "needs-location-received"
    phone_saved: str = "needs-phone-saved"
    phone_skipped: str = "needs-phone-skipped"
    phone_not_own: str = "needs-phone-not-own"


class PlaceSteps(Protocol):
    """The steps every form's StatesGroup has, by these names."""

    location: State  # a shared location, else
    district: State  # a district picked from the list, then
    village: State  # a village of it, or
    village_typed: State  # the name of one not in the list
    leaving: State  # "leave the form?"


class SharedSteps(PlaceSteps, Protocol):
    """The steps every form that becomes a case also has."""

    phone: State
    summary: State


@dataclass(frozen=True)
class Choice:
    """Buttons of one step that set a draft field to one of `values` (or, as toggles, switch
    each of them on and off in a list)."""

    step: State
    field: str
    values: tuple[enum.StrEnum, ...]

    def value(self, pressed: str) -> enum.StrEnum | None:
        return next((value for value in self.values if value == pressed), None)


@dataclass(frozen=True, kw_only=True)
class FormFlow(Generic[P]):
    """Any form: its draft, its buttons' callback data, its StatesGroup (`group`, naming the
    place steps and leaving alike: PlaceSteps), and what it says at the steps every form has."""

    draft: type[P]
    group: PlaceSteps
    callback: type[FormCb]
    # What to say when a message does not fit the step (else: use the buttons).
    hints: Mapping[State, Hint]
    texts: FormTexts = FormTexts()
    # Placeholders some hints of the form need (every hint gets them; Fluent ignores the rest).
    hint_args: dict[str, object] = field(default_factory=dict)
    # By the action of their buttons: steps that choose one answer, and steps of toggles.
    choices: dict[str, Choice] = field(default_factory=dict)
    toggles: dict[str, Choice] = field(default_factory=dict)

    @property
    def location(self) -> State:
        return self.group.location

    @property
    def leaving(self) -> State:
        return self.group.leaving

    @property
    def places(self) -> tuple[State, State, State]:
        return self.group.location, self.group.district, self.group.village

    def hint(self, step: State, draft: P) -> str:
        """What to say when a message does not fit `step`, as the step shows now."""
        if step == self.group.village_typed:
            return self.texts.village_hint
        hint = self.hints.get(step, "needs-use-buttons")
        return hint if isinstance(hint, str) else hint(draft)

    @property
    def states_group(self) -> type[StatesGroup]:
        return cast(type[StatesGroup], self.group)

    @cached_property
    def states(self) -> dict[str | None, State]:
        return {state.state: state for state in self.states_group.__all_states__}


@dataclass(frozen=True, kw_only=True)
class Flow(FormFlow[D]):
    """A form that becomes a case: its steps in the order asked (the summary last), what is
    missing before the summary, and the summary's edit buttons. Its StatesGroup names the
    phone and summary steps alike too (SharedSteps)."""

    group: SharedSteps
    # The first answer a complete form still lacks (None: complete), and for each such
    # answer its step and the hint that asks for it.
    first_gap: Callable[[D], Any]
    gaps: Mapping[Any, tuple[State, str]]
    # The summary's edit buttons (`btn-edit-<name>`), one for each step, in the order asked.
    edit_buttons: tuple[str, ...]

    @property
    def after_place(self) -> State:
        return self.forward[self.forward.index(self.location) + 1]

    @cached_property
    def forward(self) -> tuple[State, ...]:
        """The steps in the order asked: as the StatesGroup declares them, but for the place's
        lists (district and village come after a location only when asked for) and leaving."""
        steps = self.group
        aside = (steps.district, steps.village, steps.village_typed, steps.leaving)
        return tuple(s for s in self.states_group.__all_states__ if s not in aside)

    @cached_property
    def edits(self) -> dict[str, State]:
        return dict(zip(self.edit_buttons, self.forward[:-1], strict=True))

    @property
    def summary(self) -> State:
        return self.group.summary

    def gap(self, draft: D) -> tuple[State, str] | None:
        missing = self.first_gap(draft)
        return None if missing is None else self.gaps[missing]

    def back(self, step: State) -> State:
        """Where Back leads; Back from the first step asks before leaving the form."""
        earlier = {later: before for before, later in pairwise(self.forward)}
        steps = self.group
        earlier |= {
            steps.district: steps.location,
            steps.village: steps.district,
            steps.village_typed: steps.village,
        }
        return earlier.get(step, self.leaving)


# The FSM data key of the form's newest screen (OnScreen), beside the draft's fields.
ON_SCREEN = "on_screen"
_UNREAD = "unread"  # the FSM state not read yet in this update


class OnScreen(BaseModel):
    """The form's newest screen in the chat, kept with the draft: the next screen takes its
    buttons off, and a bad entry right under it gets a hint without another copy of them."""

    message_id: int
    step: str  # the state it shows
    buttons: bool  # it has inline buttons
    # Something was said under it since (a hint, "location received"...): it is no longer the
    # last message, so the next hint moves the step down instead.
    below: bool = False
    # A reply keyboard of the form is up under the text box (set by a step, not taken away).
    reply_keyboard: bool = False


class FormBase(PerUpdate, Generic[P]):
    """One person's form during one update: the draft, the step, and how to show a step. Each
    form says what its own steps show (`own_screen`), what follows a step (`forward`, also
    after the place), where Back leads, and where a form left for a while goes on."""

    flow: FormFlow[P]

    def __init__(self, event: Message | CallbackQuery, data: dict[str, Any]) -> None:
        super().__init__(event, data)
        self._draft: P | None = None
        self._on_screen: OnScreen | None = None
        # aiogram read the state for its filters already.
        self._state_name: str | None = data.get("raw_state", _UNREAD)
        # A pressed button's message is replaced in place; a typed message gets a new one.
        self.query: CallbackQuery | None = None
        # Whether the pressed message still has its buttons (a screen shown below it takes
        # them off).
        self._pressed_buttons = False
        if isinstance(event, CallbackQuery):
            self.query, self.chat_id = event, event.from_user.id
            pressed = event.message
            self._pressed_buttons = isinstance(pressed, Message) and bool(pressed.reply_markup)
        else:
            self.chat_id = event.chat.id

    def screen(self, step: State, draft: P) -> Screen:
        """What a step shows: the place and leaving here, the form's own in `own_screen`."""
        flow, t, texts = self.flow, self.t, self.flow.texts
        location = Screen(
            t(texts.location), form_keyboards.share_location(t, texts.location_button)
        )
        if step == flow.location:
            return location
        if step == flow.group.district:
            return form_screens.districts(t, self.geography, flow.callback, texts.district)
        if step == flow.group.village:
            area = draft.district or ""
            villages = form_screens.villages(
                t, self.geography, area, flow.callback, texts.village, texts.not_listed
            )
            return villages or location
        if step == flow.group.village_typed:
            return form_screens.village_typed(t, flow.callback, texts.village_typed)
        if step == flow.leaving:
            # "What you entered is kept" only when something was.
            leave = texts.leave if draft.entered() else texts.leave_empty
            return Screen(t(leave), form_keyboards.leave_form(t, texts.resume_button))
        return self.own_screen(step, draft)

    def own_screen(self, step: State, draft: P) -> Screen:
        raise NotImplementedError

    async def forward(self, step: State) -> None:
        """What follows `step`."""
        raise NotImplementedError

    async def back(self) -> None:
        raise NotImplementedError

    def resume_step(self, draft: P) -> State:
        """Where a form left for a while goes on."""
        raise NotImplementedError

    async def draft(self) -> P:
        # Read once per update: with Redis each read is a round trip.
        if self._draft is None:
            stored = await self.state.get_data()
            self._draft = self.flow.draft.model_validate(stored)
            self._on_screen = _on_screen(stored.get(ON_SCREEN))
            keyed = "submission_key" in self.flow.draft.model_fields
            if stored and keyed and "submission_key" not in stored:  # begun before keys existed
                await self.save(self._draft)
        return self._draft

    async def on_screen(self) -> OnScreen | None:
        await self.draft()
        return self._on_screen

    async def save(self, draft: P) -> None:
        """Keeps the draft (a draft saved before any was read starts a form: no screen yet)."""
        self._draft = draft
        await self._write()

    async def _write(self) -> None:
        assert self._draft is not None
        data = self._draft.model_dump(mode="json")
        if self._on_screen is not None:
            data[ON_SCREEN] = self._on_screen.model_dump()
        await self.state.set_data(data)

    async def change(self, **answers: Any) -> P:
        draft = (await self.draft()).model_copy(update=answers)
        await self.save(draft)
        return draft

    async def current(self) -> str | None:
        """The state of the form, if the person is in it (read once per update)."""
        if self._state_name == _UNREAD:
            self._state_name = await self.state.get_state()
        return self._state_name if self._state_name in self.flow.states else None

    async def step(self) -> State:
        first = self.flow.states_group.__all_states__[0]
        return self.flow.states.get(await self.current(), first)

    async def set_step(self, step: State) -> None:
        await self.state.set_state(step)
        self._state_name = step.state

    async def clear(self) -> None:
        """The form is done or dropped: its state, draft and screen forgotten."""
        await self.state.clear()
        self._state_name, self._draft, self._on_screen = None, None, None

    async def show(self, step: State) -> None:
        draft = await self.draft()
        area = self.geography.area(draft.district)
        if step == self.flow.group.village and (area is None or area.is_town or not area.villages):
            await self.forward(step)  # a town, or no villages to pick from: the place is given
            return
        await self.set_step(step)
        await self.reply(self.screen(step, draft))

    async def show_below(self, step: State) -> None:
        """The step as a new message at the bottom of the chat, the pressed one done."""
        draft = await self.draft()
        await self.set_step(step)
        await self.reply(self.screen(step, draft), below=True)

    async def reply(self, screen: Screen, *, below: bool = False) -> None:
        """Shows a screen in place of the pressed message, else (or when `below`) as a new one
        at the bottom of the chat; a pressed screen that a word came under since (a hint) goes
        to the bottom too, so that the newest screen is the last message. In the form, only
        the newest screen keeps its buttons."""
        step = await self.current()
        before = await self.on_screen() if step is not None else None
        pressed = self.query.message if self.query is not None else None
        if isinstance(pressed, Message) and before is not None and before.below:
            below = below or before.message_id == pressed.message_id
        if self.query is not None and not below:
            shown = await replies.replace(self.query, screen)
        else:
            shown = await replies.send(self.bot, self.chat_id, screen)
        stale = set()
        if isinstance(pressed, Message) and self._pressed_buttons:
            if shown.message_id == pressed.message_id:  # edited in place
                self._pressed_buttons = isinstance(screen.markup, InlineKeyboardMarkup)
            else:
                stale.add(pressed.message_id)
                self._pressed_buttons = False
        if step is not None:
            if before is not None and before.buttons:
                stale.add(before.message_id)
            now = OnScreen(
                message_id=shown.message_id,
                step=step,
                buttons=isinstance(screen.markup, InlineKeyboardMarkup),
                reply_keyboard=_reply_keyboard_up(screen, before),
            )
            if now != before:  # a toggle switched in place changes nothing of it
                self._on_screen = now
                await self._write()
        stale.discard(shown.message_id)
        # After the new screen is out: should taking buttons off fail, the person has it.
        for message_id in sorted(stale):
            await replies.remove_buttons(self.bot, self.chat_id, message_id)

    async def say(self, text: str, *, close_keyboard: bool = False) -> None:
        """A word between screens ("location received", "going back"), below the newest one;
        `close_keyboard` takes the step's reply keyboard away. The screen that follows keeps
        what it changed."""
        markup = ReplyKeyboardRemove() if close_keyboard else None
        await replies.send(self.bot, self.chat_id, Screen(text, markup))
        if await self.current() is not None and (shown := await self.on_screen()) is not None:
            up = shown.reply_keyboard and not close_keyboard
            self._on_screen = shown.model_copy(update={"below": True, "reply_keyboard": up})

    async def hint(self, hint_id: str, **args: object) -> None:
        """Says what the step expects. Right under the step's own screen that is all; else (a
        word came under it already, or another screen is the newest) the step comes again
        below the hint and the old copy loses its buttons. Nothing entered is lost."""
        args = {**self.flow.hint_args, **args}
        step, shown = await self.step(), await self.on_screen()
        await replies.send(self.bot, self.chat_id, Screen(self.t(hint_id, **args)))
        if shown is not None and shown.step == step.state and not shown.below:
            self._on_screen = shown.model_copy(update={"below": True})
            await self._write()
            return
        await self.reply(self.screen(step, await self.draft()), below=True)

    async def refuse(self) -> None:
        """A button that is stale or forged: it changes nothing."""
        assert self.query is not None
        await self.query.answer(self.t("button-expired"), show_alert=True)


def _on_screen(stored: object) -> OnScreen | None:
    try:
        return OnScreen.model_validate(stored) if stored is not None else None
    except ValidationError:  # written by another version: the next screen writes it anew
        return None


def _reply_keyboard_up(screen: Screen, before: OnScreen | None) -> bool:
    if isinstance(screen.markup, ReplyKeyboardMarkup):
        return True
    if isinstance(screen.markup, ReplyKeyboardRemove):
        return False
    return before is not None and before.reply_keyboard


class FormSteps(FormBase[D]):
    """A form that becomes a case, during one update: steps in the order of its Flow, the
    summary shown only when nothing is missing, and changing one answer from it."""

    flow: Flow[D]

    def screen(self, step: State, draft: D) -> Screen:
        if step == self.flow.group.phone:
            return Screen(self.t(self.flow.texts.phone), form_keyboards.share_contact(self.t))
        return super().screen(step, draft)

    async def start(self, draft: D) -> None:
        """A new form: its first step, as a new message (the pressed one keeps its words, an
        intro or a case's code, but no buttons)."""
        await self.save(draft)
        await self.show_below(self.flow.forward[0])

    async def show(self, step: State) -> None:
        flow, draft = self.flow, await self.draft()
        if step == flow.summary and (gap := flow.gap(draft)) is not None:
            await self.ask_for(gap)
            return
        await super().show(step)

    async def forward(self, step: State) -> None:
        """The step after `step`, or the summary when the person was changing one answer."""
        flow = self.flow
        if (await self.draft()).editing:
            await self.change(editing=False)
            await self.show(flow.summary)
        elif step in (flow.group.district, flow.group.village):
            await self.show(flow.after_place)
        else:
            await self.show(flow.forward[flow.forward.index(step) + 1])

    async def back(self) -> None:
        step, flow = await self.step(), self.flow
        places = (flow.group.district, flow.group.village, flow.group.village_typed)
        if (await self.draft()).editing and step not in places:
            await self.change(editing=False)
            await self.show(flow.summary)
        else:
            await self.show(flow.back(step))

    async def ask_for(self, gap: tuple[State, str]) -> None:
        """Instead of the summary: the step of the missing answer, then the summary again."""
        step, hint_id = gap
        if not (await self.draft()).editing:
            await self.change(editing=True)
        await self.set_step(step)
        await self.hint(hint_id)

    def resume_step(self, draft: D) -> State:
        """Where a form left for a while goes on: the first answer missing, else the summary."""
        gap = self.flow.gap(draft)
        return self.flow.summary if gap is None else gap[0]


Form = FormBase[Any]
CaseForm = FormSteps[Any]


# --- leaving and coming back ------------------------------------------------------------------


async def ask_before_leaving(event: Message | CallbackQuery, form: Form) -> None:
    if isinstance(event, CallbackQuery):
        await event.answer()
    await form.show(form.flow.leaving)


async def resume(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.show(form.resume_step(await form.draft()))


async def discard(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.clear()
    await replies.replace(query, Screen(form.t(form.flow.texts.discarded)))
    await replies.send(form.bot, form.chat_id, screens.main_menu(form.t))


async def back_pressed(query: CallbackQuery, form: Form) -> None:
    await query.answer()
    await form.back()


async def back_tapped(message: Message, form: Form) -> None:
    await form.say(form.t("needs-going-back"), close_keyboard=True)
    await form.back()


async def language_during_form(
    query: CallbackQuery,
    callback_data: LanguageCb,
    form: Form,
    user: User,
    session: AsyncSession,
    localization: Localization,
    settings: Settings,
) -> None:
    """A new language midway keeps everything entered and shows the same step again, its
    reply keyboard (share location, share contact) in the new language too. A reply keyboard
    of an earlier step still up under an inline screen (the leave question) is taken away:
    it would stay in the old language."""
    form.t = localization.translator(callback_data.code)
    await query.answer(form.t("language-saved"))
    code = query.from_user.language_code
    await accounts.choose_language(session, form.bot, user, form.t, code, settings)
    step, shown = await form.step(), await form.on_screen()
    inline = form.screen(step, await form.draft()).inline
    if shown is None or not shown.reply_keyboard or not inline:
        await form.show(step)
        return
    await form.say(form.t("language-saved"), close_keyboard=True)
    await form.show_below(step)


async def edit_step(query: CallbackQuery, callback_data: FormCb, form: CaseForm) -> None:
    step = form.flow.edits.get(callback_data.value)
    if step is None:
        await form.refuse()
        return
    await query.answer()
    await form.change(editing=True)
    await form.show(step)


async def step_done(query: CallbackQuery, form: Form) -> None:
    """Continue (or Skip) on a step of buttons: the next step."""
    await query.answer()
    await form.forward(await form.step())


async def chosen(query: CallbackQuery, callback_data: FormCb, form: Form) -> None:
    """One answer of a step of choices (Flow.choices), then the next step; a toggle
    (Flow.toggles) switched on or off, and the step shows what is chosen now."""
    flow, action = form.flow, callback_data.action
    is_toggle = action in flow.toggles
    choice = flow.toggles[action] if is_toggle else flow.choices[action]
    value = choice.value(callback_data.value)
    if value is None:
        await form.refuse()
        return
    await query.answer()
    if not is_toggle:
        await form.change(**{choice.field: value})
        await form.forward(choice.step)
        return
    chosen_now = toggle(getattr(await form.draft(), choice.field), value)
    draft = await form.change(**{choice.field: chosen_now})
    await form.reply(form.screen(choice.step, draft))


async def unexpected_input(message: Message, form: Form) -> None:
    await form.hint(form.flow.hint(await form.step(), await form.draft()))


async def typed_name(
    message: Message, form: Form, max_length: int, hints: tuple[str, str], empty: str = ""
) -> str | None:
    """A typed name (any script, spaces tidied), or None after a hint: `hints` are (no letters,
    too long), and `empty` for nothing but spaces (else the first)."""
    name = clean_name(message.text or "", max_length)
    if name == NameProblem.EMPTY:
        await form.hint(empty or hints[0], max=max_length)
    elif isinstance(name, NameProblem):
        await form.hint(hints[name == NameProblem.TOO_LONG], max=max_length)
    else:
        return name
    return None


# --- a place --------------------------------------------------------------------------------


async def location_shared(message: Message, form: Form) -> None:
    """A shared location: the village nearest to it in the region, else the district list."""
    assert message.location is not None
    t, geography, texts = form.t, form.geography, form.flow.texts
    lat, lon = message.location.latitude, message.location.longitude
    if not geography.region.contains(lat, lon):
        await form.say(t(texts.location_far), close_keyboard=True)
        await form.show(form.flow.group.district)
        return
    nearest = geography.nearest_place(lat, lon)
    village = nearest[1] if nearest else None
    draft = await form.change(
        latitude=lat,
        longitude=lon,
        district=nearest[0].code if nearest else None,
        village=village.code if village else None,
    )
    place = screens.place_name(
        t, geography, draft.district, draft.village, draft.latitude is not None
    )
    await form.say(t(texts.location_received, place=place), close_keyboard=True)
    await form.forward(form.flow.location)


async def choose_from_list(message: Message, form: Form) -> None:
    await form.say(form.t("needs-choose-from-list"), close_keyboard=True)
    await form.show(form.flow.group.district)


async def district_chosen(query: CallbackQuery, callback_data: FormCb, form: Form) -> None:
    area = form.geography.area(callback_data.value)
    if area is None:
        await form.refuse()
        return
    await query.answer()
    await form.change(district=area.code, village=None, latitude=None, longitude=None)
    await form.show(form.flow.group.village)


async def village_chosen(query: CallbackQuery, callback_data: FormCb, form: Form) -> None:
    chosen = callback_data.value
    if not chosen:  # "the village is not in the list": they write its name
        await query.answer()
        await form.show(form.flow.group.village_typed)
        return
    found = form.geography.village(chosen)
    if found is None or found[0].code != (await form.draft()).district:
        await form.refuse()
        return
    await query.answer()
    await form.change(village=chosen)
    await form.forward(form.flow.group.village)


async def village_written(message: Message, form: Form) -> None:
    """The name of a village not in the list, as written (or the listed one it names)."""
    texts = form.flow.texts
    hints = (texts.village_hint, texts.village_too_long)
    name = await typed_name(message, form, MAX_VILLAGE_LENGTH, hints)
    if name is None:
        return
    district = (await form.draft()).district
    if district is None:  # a state from before the district was dropped: ask for it again
        await form.show(form.flow.group.district)
        return
    await form.change(village=typed_village(form.geography, district, name))
    await form.forward(form.flow.group.village)


async def no_village(query: CallbackQuery, form: Form) -> None:
    """Skip on "write the village": the district alone."""
    await query.answer()
    await form.change(village=None)
    await form.forward(form.flow.group.village)


# --- a phone and files ------------------------------------------------------------------------


async def contact_shared(message: Message, form: CaseForm) -> None:
    """The person's own phone, from the share-contact button. The draft has `phone` and
    `phone_skipped`."""
    assert message.contact is not None and message.from_user is not None
    texts, step = form.flow.texts, await form.step()
    # Only the sender's own card proves the number is theirs; a neighbour's card does not.
    if message.contact.user_id != message.from_user.id:
        await form.hint(texts.phone_not_own)
        return
    await form.change(phone=message.contact.phone_number, phone_skipped=False)
    await form.say(form.t(texts.phone_saved), close_keyboard=True)
    await form.forward(step)


async def phone_skipped(message: Message, form: CaseForm) -> None:
    step = await form.step()
    await form.change(phone=None, phone_skipped=True)
    await form.say(form.t(form.flow.texts.phone_skipped), close_keyboard=True)
    await form.forward(step)


def attachment_of(message: Message) -> DraftAttachment:
    """The file a message carries (the largest size of a photo), with its caption."""
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


async def add_text(message: Message, form: CaseForm, max_length: int) -> str | None:
    """Free text adds up over several messages, one a line, into the draft's details, up to
    `max_length` characters in all. What does not fit is cut off, plainly said: the text to
    show on the step instead of its usual word (None when all of it was kept)."""
    earlier = (await form.draft()).details or ""
    text = (message.text or "").strip()
    joined = f"{earlier}\n{text}" if earlier else text
    if len(joined) <= max_length:
        await form.change(details=joined)
        return None
    room = max_length - len(joined) + len(text)  # what is left of it once the earlier is in
    if room <= 0:
        return form.t("needs-text-full", max=max_length)
    kept = text[:room]
    await form.change(details=f"{earlier}\n{kept}" if earlier else kept)
    return form.t("needs-text-cut", max=max_length, kept=len(kept))


async def add_file(message: Message, form: CaseForm, max_files: int, hint_id: str) -> bool:
    """The message's file joins the draft's attachments; one too many gets `hint_id` (False)."""
    attachments = (await form.draft()).attachments
    if len(attachments) >= max_files:
        await form.hint(hint_id, max=max_files)
        return False
    await form.change(attachments=[*attachments, attachment_of(message)])
    return True


async def submit(
    query: CallbackQuery,
    form: CaseForm,
    register: Callable[[Any], Awaitable[Case]],
    sent: Callable[[Case], Screen],
) -> Case | None:
    """Send on the summary: the case `register` makes of the draft (the same draft sent again,
    after a failure below, finds the case it made), shown as `sent` where Send was pressed,
    and the form done. None when an answer is missing, which is then asked for."""
    await query.answer()
    try:
        case = await register(await form.draft())
    except IncompleteDraftError:
        await form.show(form.flow.summary)  # asks for what is missing
        return None
    # The code first: should clearing the form fail, the person has it, and Send shows it again.
    await replies.replace(query, sent(case))
    await form.clear()
    return case


async def consented(query: CallbackQuery, form: Form, user: User, journey: MenuItem) -> bool:
    """Personal data only after consent: else the consent text is shown, and False. Agreeing
    there goes on into `journey` (its router takes AgreedForCb: `agreed`)."""
    if accounts.has_consent(user):
        return True
    markup = form_keyboards.consent(form.t, journey)
    consent = screens.consent_text(form.t, form.settings, "consent-needed")
    await replies.replace(query, Screen(consent, markup))
    return False


async def agreed(query: CallbackQuery, form: Form) -> None:
    """Agreed on the consent a journey asked for: the consent is given and thanked for; the
    journey's first screen then comes below it."""
    await query.answer()
    await accounts.give_consent(form.session, form.user)
    await replies.replace(query, Screen(form.t("consent-thanks")))
    form.query = None


# --- a form left for longer than drafts are kept -------------------------------------------

# How a form starts from its menu button: what a button of an expired form leads to.
Restart = Callable[[CallbackQuery, Any, User], Awaitable[None]]
# Telegram's clock and ours may differ a little; a draft is written just after its screen.
CLOCKS_APART = timedelta(hours=1)


def outlived_its_draft(query: CallbackQuery, settings: Settings) -> bool:
    """Whether the pressed message was last shown (sent or edited) so long ago that its form's
    draft has expired since (KOLDO_DRAFT_DAYS): every screen of a form is written with its
    draft, so a draft gone by time is older than each of its screens. A newer message without
    a form behind it is a stale button (a lagging copy of a summary just sent)."""
    message = query.message
    if not isinstance(message, Message):
        return True  # no longer accessible to the bot: older than Telegram keeps it
    shown = message.edit_date or message.date
    if isinstance(shown, int):  # aiogram types it so; it parses a datetime
        shown = datetime.fromtimestamp(shown, UTC)
    return utcnow() - shown >= timedelta(days=settings.draft_days) - CLOCKS_APART


def draft_days(settings: Settings) -> float | int:
    """KOLDO_DRAFT_DAYS as people read it: 7, not 7.0."""
    days = settings.draft_days
    return int(days) if days.is_integer() else days


async def form_expired(query: CallbackQuery, form: Form, user: User, restart: Restart) -> None:
    """A button of a form whose draft expired: said kindly in place of the old screen (its
    buttons go), and the form starts again below, as its menu button starts it. Else the
    button is stale, and says so."""
    if not outlived_its_draft(query, form.settings):
        await form.refuse()
        return
    text = form.t("form-expired", days=draft_days(form.settings))
    await replies.replace(query, Screen(text))
    form.query = None  # the form's first screen comes as a new message
    await restart(query, form, user)


# --- the router ----------------------------------------------------------------------------


def form_router(
    name: str,
    form: type[FormBase[Any]],
    own_steps: Callable[[Router], None],
    restart: Restart,
) -> Router:
    """Any form's router: leaving, Back and language first, then the form's own handlers (its
    entry among them), the place steps, choices and toggles, a hint for anything else sent in
    the form, and last its buttons pressed outside it (`restart`: how it starts from the
    menu, after its draft expired)."""
    flow = form.flow
    router = Router(name=name)
    router.message.filter(F.chat.type == "private")
    provide(router, "form", form)
    message, press = router.message.register, router.callback_query.register
    in_form = StateFilter(flow.states_group)
    message(ask_before_leaving, CommandStart(), in_form)
    message(ask_before_leaving, Command("menu"), in_form)
    press(ask_before_leaving, MenuCb.filter(), in_form)
    press(resume, FormExitCb.filter(F.resume), flow.leaving)
    press(discard, FormExitCb.filter(~F.resume), flow.leaving)
    press(back_pressed, _action(flow, "back"), in_form)
    message(back_tapped, ButtonText("btn-back"), in_form)
    press(language_during_form, LanguageCb.filter(F.code.in_(LOCALES)), in_form)
    own_steps(router)
    message(location_shared, F.location, flow.location)
    message(choose_from_list, ButtonText("btn-choose-district"), flow.location)
    press(district_chosen, _action(flow, "district"), flow.group.district)
    press(village_chosen, _action(flow, "village"), flow.group.village)
    message(village_written, F.text, flow.group.village_typed)
    press(no_village, _action(flow, "no-village"), flow.group.village_typed)
    for action, choice in {**flow.choices, **flow.toggles}.items():
        press(chosen, _action(flow, action), choice.step)
    message(unexpected_input, ~Command(*COMMANDS), in_form)

    async def expired(query: CallbackQuery, form: Form, user: User) -> None:
        await form_expired(query, form, user, restart)

    press(expired, flow.callback.filter(), StateFilter(None))
    return router


def router(
    name: str,
    form: type[FormSteps[Any]],
    own_steps: Callable[[Router], None],
    restart: Restart,
) -> Router:
    """The router of a form that becomes a case: any form's, with the phone step and the
    summary's cancel and edit buttons."""
    flow = form.flow

    def steps(router: Router) -> None:
        message, press = router.message.register, router.callback_query.register
        press(ask_before_leaving, _action(flow, "cancel"), flow.summary)
        own_steps(router)
        message(contact_shared, F.contact, flow.group.phone)
        message(phone_skipped, ButtonText("btn-skip"), flow.group.phone)
        press(edit_step, _action(flow, "edit"), flow.summary)

    return form_router(name, form, steps, restart)


def _action(flow: FormFlow[Any], action: str) -> CallbackQueryFilter:
    return flow.callback.filter(F.action == action)


def after_consent(journey: MenuItem) -> CallbackQueryFilter:
    """Agreed on the consent `journey` asked for, outside any form."""
    return AgreedForCb.filter(F.journey == journey)
