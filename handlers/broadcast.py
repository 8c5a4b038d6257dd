"""Admins compose a verified safety update in the bot (/broadcast) and follow the latest ones
(/broadcasts): cancel a scheduled or running one, correct one that went out.

The draft lives in FSM storage (Redis when configured), so a restart or another replica goes on
with it. Every press and every message checks the admin role again at that moment: callback data
comes from the phone and can be forged, and a role can be taken away between two taps. A forged
press is refused and audited. Send is idempotent: the draft's key is stored with the broadcast,
so a second press, or a press on an old preview, finds the first.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, TelegramObject
from pydantic import ValidationError

from bot import replies
from bot.callbacks import (
    BroadcastAction,
    BroadcastCb,
    ComposeAction,
    ComposeCb,
    MenuCb,
    MenuItem,
)
from bot.config import LOCALES, REGION_TIME, Settings
from bot.i18n import Translator
from bot.keyboards.broadcast import TYPED_TIME
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import Screen
from bot.screens import broadcast as screens
from bot.services import broadcasts, roles
from bot.services.broadcasts import AudienceKind, ComposeDraft, Draft, ScheduleChoice
from bot.services.geo import PlaceNames
from bot.states import BroadcastForm as Step
from storage.models import Broadcast, User, utcnow

DATA = "broadcast"  # the draft's key in the FSM data
LIST_SIZE = 10
TEXT_STEPS: dict[str, State] = {"ky": Step.text_ky, "ru": Step.text_ru, "en": Step.text_en}
LANGUAGE_OF = {state: code for code, state in TEXT_STEPS.items()}
# The steps an admin may go back to from the preview's Edit, by name.
EDITABLE: dict[str, State] = {
    **{f"text_{code}": state for code, state in TEXT_STEPS.items()},
    "media": Step.media,
    "source": Step.source,
    "audience": Step.audience,
    "urgency": Step.urgency,
}
# Asked after the audience, for some audiences: while editing, they come before the preview.
AUDIENCE_DETAILS = frozenset({Step.districts, Step.languages, Step.point, Step.km})
STATES = {state.state: state for state in Step.__all_states__}


def text_order(settings: Settings) -> list[str]:
    """The default language first (its text is needed), then the others."""
    default = settings.default_locale
    return [default, *(code for code in LOCALES if code != default)]


def steps_of(draft: ComposeDraft, settings: Settings) -> list[State]:
    """The steps in the order asked, for this draft's audience."""
    steps = [TEXT_STEPS[code] for code in text_order(settings)]
    steps += [Step.media, Step.source, Step.audience]
    if draft.audience == AudienceKind.DISTRICTS:
        steps.append(Step.districts)
    elif draft.audience == AudienceKind.LANGUAGES:
        steps.append(Step.languages)
    elif draft.audience == AudienceKind.NEAR:
        steps += [Step.point, Step.km]
    return [*steps, Step.urgency, Step.preview]


def first_screen(t: Translator, draft: ComposeDraft, step: State, settings: Settings) -> Screen:
    if step == Step.audience:
        return screens.audience_step(t, draft)
    return screens.text_step(t, draft, LANGUAGE_OF[step], settings, first=True)


async def open_composer(
    message: Message,
    state: FSMContext,
    t: Translator,
    settings: Settings,
    *,
    texts: dict[str, str] | None = None,
    source: str | None = None,
    corrects_id: int | None = None,
) -> None:
    """Starts composing in the chat of `message`, with what is given already: with a text in
    the default language and a source, straight at the audience. The caller checks that the
    person is an admin; every later step checks it again."""
    given = {code: text.strip() for code, text in (texts or {}).items() if code in LOCALES}
    cleaned = (source or "").strip()
    draft = ComposeDraft(
        texts={code: text for code, text in given.items() if text},
        source=cleaned if len(cleaned) <= broadcasts.SOURCE_LIMIT else "",
        corrects_id=corrects_id,
    )
    ready = bool(draft.texts.get(settings.default_locale)) and bool(draft.source)
    step = Step.audience if ready else TEXT_STEPS[settings.default_locale]
    await state.set_state(step)
    await state.update_data({DATA: draft.model_dump(mode="json")})
    screen = first_screen(t, draft, step, settings)
    await message.answer(screen.text, reply_markup=screen.markup)


class Composer(PerUpdate):
    """One admin composing during one update: the draft, its step, and how a step shows."""

    def __init__(self, event: Message | CallbackQuery, data: dict[str, Any]) -> None:
        super().__init__(event, data)
        self.query: CallbackQuery | None = None
        if isinstance(event, CallbackQuery):
            self.query, self.chat_id = event, event.from_user.id
        else:
            self.chat_id = event.chat.id
        self.answered = False

    # --- the draft and its step ------------------------------------------------------------

    async def draft(self) -> ComposeDraft | None:
        stored = (await self.state.get_data()).get(DATA)
        if stored is None:
            return None
        try:
            return ComposeDraft.model_validate(stored)
        except ValidationError:  # a draft of an older Koldo: start anew
            return None

    async def save(self, draft: ComposeDraft, **changes: Any) -> ComposeDraft:
        draft = draft.model_copy(update=changes)
        await self.state.update_data({DATA: draft.model_dump(mode="json")})
        return draft

    async def step(self) -> State | None:
        return STATES.get(await self.state.get_state() or "")

    async def full(self, draft: ComposeDraft, at: datetime | None = None) -> Draft:
        """The draft as the broadcast it would make, with the date of what it corrects."""
        corrects_at = await broadcasts.corrected_at(self.session, draft.corrects_id)
        return draft.draft(created_by=self.user.id, corrects_at=corrects_at, scheduled_at=at)

    # --- showing ------------------------------------------------------------------------------

    def screen(self, step: State, draft: ComposeDraft) -> Screen:
        t = self.t
        if step in LANGUAGE_OF:
            first = steps_of(draft, self.settings)[0] == step
            return screens.text_step(t, draft, LANGUAGE_OF[step], self.settings, first)
        shown: dict[State, Callable[[], Screen]] = {
            Step.media: lambda: screens.media_step(t, draft),
            Step.source: lambda: screens.source_step(t, draft),
            Step.audience: lambda: screens.audience_step(t, draft),
            Step.districts: lambda: screens.districts_step(t, draft, self.geography),
            Step.languages: lambda: screens.languages_step(t, draft),
            Step.point: lambda: screens.point_step(t, draft),
            Step.km: lambda: screens.km_step(t, draft),
            Step.urgency: lambda: screens.urgency_step(t, draft),
            Step.time: lambda: screens.typed_time(t, draft),
        }
        return shown[step]()

    async def reply(self, screen: Screen, new: bool = False) -> None:
        """In place of the pressed message, or as a new one (after a typed message)."""
        if self.query is not None and not new:
            await replies.replace(self.query, screen)
        else:
            await replies.send(self.bot, self.chat_id, screen)

    async def show(self, step: State, draft: ComposeDraft, new: bool = False) -> None:
        await self.state.set_state(step)
        if step == Step.preview:
            await self.preview(draft)
        else:
            await self.reply(self.screen(step, draft), new)

    async def forward(self, step: State, draft: ComposeDraft) -> None:
        """The step after `step`; the preview again when one answer was being changed (the
        audience's own details asked first)."""
        steps = steps_of(draft, self.settings)
        following = steps[steps.index(step) + 1]
        if draft.editing and following not in AUDIENCE_DETAILS:
            draft = await self.save(draft, editing=False)
            following = Step.preview
        await self.show(following, draft)

    async def back(self, step: State, draft: ComposeDraft) -> None:
        steps = steps_of(draft, self.settings)
        if draft.editing or step not in steps or step == Step.preview:
            await self.show(Step.preview, await self.save(draft, editing=False))
        else:
            await self.show(steps[max(steps.index(step) - 1, 0)], draft)

    async def resume(self, draft: ComposeDraft) -> None:
        """Where a draft left for a while goes on: its step, else the preview's buttons (the
        preview itself is above them)."""
        step = await self.step()
        if step is None or step in (Step.time, Step.preview):
            await self.state.set_state(Step.preview)
            await self.summary(draft)
        else:
            await self.show(step, draft)

    async def say(self, message_id: str, **args: object) -> None:
        await replies.send(self.bot, self.chat_id, Screen(self.t(message_id, **args)))

    async def hint(self, message_id: str, draft: ComposeDraft, **args: object) -> None:
        """Says what the step expects, then shows the step again: nothing entered is lost."""
        await self.say(message_id, **args)
        step = await self.step() or Step.preview
        if step == Step.preview:
            await self.summary(draft)
        else:
            await self.show(step, draft, new=True)

    async def alert(self, message_id: str, **args: object) -> None:
        assert self.query is not None
        self.answered = True
        await self.query.answer(self.t(message_id, **args), show_alert=True)

    async def ack(self) -> None:
        if self.query is not None and not self.answered:
            self.answered = True
            await self.query.answer()

    # --- the preview and Send -----------------------------------------------------------------

    async def counts(self, full: Draft) -> dict[str, int]:
        """Who would receive it now, by language (those who blocked Koldo left out)."""
        found = await broadcasts.recipients(self.session, full.audience, self.settings)
        return broadcasts.per_language([r for r in found if r.reachable])

    async def stopped(self, draft: ComposeDraft, full: Draft) -> bool:
        """What keeps the draft from being sent, asked for at its step; False when nothing."""
        found = broadcasts.problems(full, self.settings, self.localization)
        if not found:
            return False
        default = self.settings.default_locale
        step, language = TEXT_STEPS[default], screens.language(self.t, default)
        if "broadcast-problem-no-default-text" in found:
            hint, limit = "broadcast-bad-no-default", 0
        elif "broadcast-problem-no-source" in found:
            step, hint, limit = Step.source, "broadcast-bad-source", broadcasts.SOURCE_LIMIT
        else:
            hint, limit = "broadcast-bad-too-long", broadcasts.limit_of(full)
        draft = await self.save(draft, editing=True)
        await self.say(hint, max=limit, language=language)
        await self.show(step, draft, new=True)
        return True

    async def preview(self, draft: ComposeDraft) -> None:
        """Each language's message exactly as its readers get it, under a line with how many
        they are; then the buttons to send, schedule, edit or cancel."""
        full = await self.full(draft)
        if await self.stopped(draft, full):
            return
        counts = await self.counts(full)
        for code in LOCALES:
            label = screens.preview_label(self.t, draft, code, counts[code], self.settings)
            await self.bot.send_message(self.chat_id, label)
            await self.as_sent(full, code)
        await self.state.set_state(Step.preview)
        await self.reply(screens.summary(self.t, draft, sum(counts.values()), self.geography), True)

    async def as_sent(self, full: Draft, code: str) -> None:
        """The message of one language, as the workers send it (bot/services/broadcasts.py)."""
        text = broadcasts.render(
            full.texts,
            full.source,
            full.urgent,
            code,
            self.settings,
            self.localization,
            corrects=full.corrects_at,
        )
        if full.photo_file_id:
            await self.bot.send_photo(self.chat_id, full.photo_file_id, caption=text)
        else:
            await self.bot.send_message(self.chat_id, text)
        if full.location:
            await self.bot.send_location(self.chat_id, full.location[0], full.location[1])

    async def summary(self, draft: ComposeDraft) -> None:
        counts = await self.counts(await self.full(draft))
        screen = screens.summary(self.t, draft, sum(counts.values()), self.geography)
        await self.reply(screen, new=self.query is None)

    async def confirm(self, draft: ComposeDraft, at: datetime | None) -> None:
        """Send or Schedule: the broadcast, made once for this draft; the draft done; the
        progress message, which the workers edit from now on."""
        full = await self.full(draft, at)
        if await self.stopped(draft, full):
            return
        broadcast, made = await broadcasts.create_once(self.session, full)
        if not made:
            await self.already(broadcast)
            return
        await self.ack()
        # The broadcast first: should clearing the draft fail, Send finds it made.
        await self.state.clear()
        await self.reply(screens.saved(self.t, broadcast))
        current = await broadcasts.progress(self.session, broadcast.id)
        assert current is not None
        # In the language the workers edit it in: the one the admin chose (else the default).
        t = self.localization.translator(self.user.language)
        sent = await self.bot.send_message(self.chat_id, screens.progress_text(t, current))
        await broadcasts.follow(self.session, broadcast.id, sent.message_id)
        # A small update may be over before its progress message came (a send retried after a
        # 502): the workers edited nothing, so it shows the final figures now.
        now = await broadcasts.progress(self.session, broadcast.id)
        if now is not None and broadcasts.is_finished(now.broadcast):
            with contextlib.suppress(TelegramBadRequest):
                await self.bot.edit_message_text(
                    screens.progress_text(t, now), chat_id=self.chat_id, message_id=sent.message_id
                )

    async def already(self, broadcast: Broadcast) -> None:
        """A second Send, or a press on an old preview: the broadcast it made, not another."""
        text_id, args = "broadcast-already-sent", {"id": str(broadcast.id)}
        if self.query is not None:
            await self.alert(text_id, **args)
        else:
            await self.say(text_id, **args)
        draft = await self.draft()
        if draft is not None and draft.key == broadcasts.submission_of(broadcast):
            await self.state.clear()


# ---- who may ----------------------------------------------------------------------------------


def not_admin(event: TelegramObject, user: User | None, settings: Settings) -> bool:
    """Checked on every press and message of this journey, at that moment."""
    return not roles.is_admin(user, settings)


async def refuse_compose(query: CallbackQuery, composer: Composer) -> None:
    await broadcasts.refused(composer.session, composer.user.id, "broadcast:compose")
    await composer.alert("broadcast-admins-only")


async def refuse_broadcast(
    query: CallbackQuery, callback_data: BroadcastCb, composer: Composer
) -> None:
    subject = f"broadcast:{callback_data.broadcast}"
    await broadcasts.refused(composer.session, composer.user.id, subject)
    await composer.alert("broadcast-admins-only")


async def refuse_message(message: Message, composer: Composer) -> None:
    """A message in the composer from someone who is no admin any more: the draft goes."""
    await composer.state.clear()
    await composer.say("broadcast-admins-only")


# ---- commands ---------------------------------------------------------------------------------


async def compose_command(message: Message, composer: Composer) -> None:
    if not roles.is_admin(composer.user, composer.settings):
        await composer.say("broadcast-admins-only")
        return
    draft = await composer.draft()
    if draft is not None:
        await composer.reply(screens.resume(composer.t, draft))
        return
    await open_composer(message, composer.state, composer.t, composer.settings)


async def list_command(message: Message, composer: Composer) -> None:
    if not roles.is_admin(composer.user, composer.settings):
        await composer.say("broadcast-admins-only")
        return
    await composer.reply(await listing(composer))


async def compose_from_menu(query: CallbackQuery, composer: Composer) -> None:
    """The admin's main menu: as /broadcast."""
    if not roles.is_admin(composer.user, composer.settings) or not isinstance(
        query.message, Message
    ):
        await query.answer(composer.t("broadcast-admins-only"), show_alert=True)
        return
    await composer.ack()
    draft = await composer.draft()
    if draft is not None:
        await composer.reply(screens.resume(composer.t, draft), new=True)
        return
    await open_composer(query.message, composer.state, composer.t, composer.settings)


async def list_from_menu(query: CallbackQuery, composer: Composer) -> None:
    """The admin's main menu: as /broadcasts."""
    if not roles.is_admin(composer.user, composer.settings):
        await query.answer(composer.t("broadcast-admins-only"), show_alert=True)
        return
    await composer.ack()
    await composer.reply(await listing(composer))


async def listing(composer: Composer) -> Screen:
    found = await broadcasts.latest(composer.session, LIST_SIZE)
    rows = [screens.Listed(broadcast, sent) for broadcast, sent in found]
    return screens.listing(composer.t, rows, composer.settings)


# ---- typed answers ----------------------------------------------------------------------------


async def _draft_or_stop(composer: Composer) -> ComposeDraft | None:
    draft = await composer.draft()
    if draft is None:  # the state outlived its data (another journey replaced it)
        await composer.state.clear()
        await composer.say("button-expired")
    return draft


async def text_typed(message: Message, composer: Composer) -> None:
    draft, step = await _draft_or_stop(composer), await composer.step()
    if draft is None or step is None:
        return
    text = (message.text or "").strip()
    if not text:
        await composer.hint("broadcast-bad-text", draft)
        return
    changed = draft.model_copy(update={"texts": {**draft.texts, LANGUAGE_OF[step]: text}})
    full = await composer.full(changed)
    if broadcasts.too_long(full, composer.settings, composer.localization):
        await composer.hint("broadcast-bad-too-long", draft, max=broadcasts.limit_of(full))
        return
    await composer.forward(step, await composer.save(changed))


async def not_text(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is not None:
        await composer.hint("broadcast-bad-text", draft)


async def photo_sent(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is None or not message.photo:
        return
    changed = draft.model_copy(update={"photo_file_id": message.photo[-1].file_id})
    full = await composer.full(changed)
    if broadcasts.too_long(full, composer.settings, composer.localization):
        await composer.hint("broadcast-bad-photo-long", draft, max=broadcasts.CAPTION_LIMIT)
        return
    changed = await composer.save(changed, location=None)
    await composer.forward(Step.media, changed)


async def location_sent(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is None or message.location is None:
        return
    place = (message.location.latitude, message.location.longitude)
    changed = await composer.save(draft, location=place, photo_file_id=None)
    await composer.forward(Step.media, changed)


async def not_media(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is not None:
        await composer.hint("broadcast-bad-media", draft)


async def source_typed(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is None:
        return
    source = " ".join((message.text or "").split())
    if not source or len(source) > broadcasts.SOURCE_LIMIT:
        await composer.hint("broadcast-bad-source", draft, max=broadcasts.SOURCE_LIMIT)
        return
    changed = draft.model_copy(update={"source": source})
    full = await composer.full(changed)
    if broadcasts.too_long(full, composer.settings, composer.localization):
        await composer.hint("broadcast-bad-too-long", draft, max=broadcasts.limit_of(full))
        return
    await composer.forward(Step.source, await composer.save(changed))


async def not_source(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is not None:
        await composer.hint("broadcast-bad-source", draft, max=broadcasts.SOURCE_LIMIT)


async def district_typed(message: Message, composer: Composer) -> None:
    """A district's name typed instead of tapped: chosen, if Koldo knows it."""
    draft = await _draft_or_stop(composer)
    if draft is None:
        return
    typed = " ".join((message.text or "").split())
    code = PlaceNames(composer.geography).district(typed)
    if code is None:
        await composer.hint("broadcast-bad-district", draft, value=html.escape(typed[:60]))
        return
    districts = draft.districts if code in draft.districts else [*draft.districts, code]
    await composer.show(Step.districts, await composer.save(draft, districts=districts), True)


async def point_sent(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is None or message.location is None:
        return
    latitude, longitude = message.location.latitude, message.location.longitude
    if not composer.geography.region.contains(latitude, longitude):
        await composer.hint("broadcast-bad-point-far", draft)
        return
    await composer.forward(Step.point, await composer.save(draft, point=(latitude, longitude)))


async def not_point(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is not None:
        await composer.hint("broadcast-bad-point", draft)


async def km_typed(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is None:
        return
    km = broadcasts.parse_km(message.text or "")
    if km is None:
        await composer.hint(
            "broadcast-bad-km", draft, min=broadcasts.MIN_KM, max=int(broadcasts.MAX_KM)
        )
        return
    await composer.forward(Step.km, await composer.save(draft, km=km))


async def time_typed(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is None:
        return
    try:
        at = broadcasts.parse_time(message.text or "", utcnow(), REGION_TIME)
    except broadcasts.BadTimeError as bad:
        await composer.hint("broadcast-bad-past-time" if bad.past else "broadcast-bad-time", draft)
        return
    await composer.confirm(draft, at)


async def use_buttons(message: Message, composer: Composer) -> None:
    draft = await _draft_or_stop(composer)
    if draft is not None:
        await composer.hint("broadcast-use-buttons", draft)


# ---- the composer's buttons -------------------------------------------------------------------

Press = Callable[[Composer, ComposeDraft, State, str], Awaitable[None]]
ANY_STEP = frozenset(Step.__all_states__)
TEXT_STEP_SET = frozenset(TEXT_STEPS.values())


async def skip(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    if step == Step.media:
        await c.forward(step, await c.save(draft, photo_file_id=None, location=None))
        return
    code = LANGUAGE_OF[step]
    if code == c.settings.default_locale:
        await c.alert("button-expired")  # the needed text has no Skip button
        return
    texts = {k: v for k, v in draft.texts.items() if k != code}
    await c.forward(step, await c.save(draft, texts=texts))


async def keep(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.forward(step, draft)


async def audience_chosen(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    kind = next((kind for kind in AudienceKind if kind.value == value), None)
    if kind is None:
        await c.alert("button-expired")
        return
    await c.forward(step, await c.save(draft, audience=kind))


async def district_switched(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    area = c.geography.area(value)
    if area is None:
        await c.alert("button-expired")
        return
    chosen = [d for d in draft.districts if d != area.code]
    if len(chosen) == len(draft.districts):
        chosen.append(area.code)
    await c.show(step, await c.save(draft, districts=chosen))


async def language_switched(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    if value not in LOCALES:
        await c.alert("button-expired")
        return
    chosen = [code for code in draft.languages if code != value]
    if len(chosen) == len(draft.languages):
        chosen.append(value)
    await c.show(step, await c.save(draft, languages=chosen))


async def chosen_done(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    if step == Step.districts and not draft.districts:
        await c.alert("broadcast-bad-no-district")
    elif step == Step.languages and not draft.languages:
        await c.alert("broadcast-bad-no-language")
    else:
        await c.forward(step, draft)


async def km_chosen(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    km = broadcasts.parse_km(value)
    if km is None:
        await c.alert("button-expired")
        return
    await c.forward(step, await c.save(draft, km=km))


async def urgency_chosen(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    if value not in ("0", "1"):
        await c.alert("button-expired")
        return
    await c.forward(step, await c.save(draft, urgent=value == "1"))


async def send_now(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.confirm(draft, None)


async def schedule(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.reply(screens.schedule(c.t, draft))


async def schedule_at(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    if value == TYPED_TIME:
        await c.show(Step.time, draft, new=True)
        return
    choice = next((choice for choice in ScheduleChoice if choice.value == value), None)
    if choice is None:
        await c.alert("button-expired")
        return
    await c.confirm(draft, broadcasts.scheduled_for(choice, utcnow()))


async def edit(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.reply(screens.edit(c.t, draft, c.settings))


async def edit_step(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    chosen = EDITABLE.get(value)
    if chosen is None:
        await c.alert("button-expired")
        return
    await c.show(chosen, await c.save(draft, editing=True), new=True)


async def to_preview(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.state.set_state(Step.preview)
    await c.summary(draft)


async def cancel(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.reply(screens.drop(c.t, draft))


async def drop(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.state.clear()
    await c.reply(Screen(c.t("broadcast-compose-dropped")))


async def resume(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.resume(draft)


async def anew(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.state.clear()
    await open_composer_for(c)


async def back(c: Composer, draft: ComposeDraft, step: State, value: str) -> None:
    await c.back(step, draft)


async def open_composer_for(c: Composer, corrects_id: int | None = None) -> None:
    """The composer's first step, as a new message in the admin's chat."""
    draft = ComposeDraft(corrects_id=corrects_id)
    step = TEXT_STEPS[c.settings.default_locale]
    await c.state.set_state(step)
    await c.state.update_data({DATA: draft.model_dump(mode="json")})
    await c.reply(first_screen(c.t, draft, step, c.settings), new=True)


PREVIEW_ONLY = frozenset({Step.preview})
PRESSES: dict[ComposeAction, tuple[Press, frozenset[State] | None]] = {
    ComposeAction.SKIP: (skip, TEXT_STEP_SET | {Step.media}),
    ComposeAction.KEEP: (keep, TEXT_STEP_SET | {Step.media, Step.source}),
    ComposeAction.AUDIENCE: (audience_chosen, frozenset({Step.audience})),
    ComposeAction.DISTRICT: (district_switched, frozenset({Step.districts})),
    ComposeAction.LANGUAGE: (language_switched, frozenset({Step.languages})),
    ComposeAction.DONE: (chosen_done, frozenset({Step.districts, Step.languages})),
    ComposeAction.KM: (km_chosen, frozenset({Step.km})),
    ComposeAction.URGENCY: (urgency_chosen, frozenset({Step.urgency})),
    ComposeAction.SEND: (send_now, PREVIEW_ONLY),
    ComposeAction.SCHEDULE: (schedule, PREVIEW_ONLY),
    ComposeAction.AT: (schedule_at, PREVIEW_ONLY),
    ComposeAction.EDIT: (edit, PREVIEW_ONLY),
    ComposeAction.EDIT_STEP: (edit_step, PREVIEW_ONLY),
    ComposeAction.PREVIEW: (to_preview, frozenset({Step.preview, Step.time})),
    ComposeAction.CANCEL: (cancel, ANY_STEP),
    ComposeAction.DROP: (drop, ANY_STEP),
    ComposeAction.BACK: (back, ANY_STEP - PREVIEW_ONLY),
    ComposeAction.RESUME: (resume, None),  # also once another journey took the state
    ComposeAction.ANEW: (anew, None),
}


async def compose_pressed(
    query: CallbackQuery, callback_data: ComposeCb, composer: Composer
) -> None:
    """Any button of the composer, from an admin (checked just before): it must belong to the
    draft under way and to its step; Send on a draft already sent finds what it made."""
    action, key = callback_data.action, callback_data.key
    if action in (ComposeAction.SEND, ComposeAction.AT) and key:
        made = await broadcasts.submitted(composer.session, composer.user.id, key)
        if made is not None:
            await composer.already(made)
            return
    draft, step = await composer.draft(), await composer.step()
    handler, steps = PRESSES[action]
    if draft is None or draft.key != key or (steps is not None and step not in steps):
        await composer.alert("button-expired")
        return
    await handler(composer, draft, step or Step.preview, callback_data.value)
    await composer.ack()


# ---- /broadcasts' buttons ---------------------------------------------------------------------


async def broadcast_pressed(
    query: CallbackQuery, callback_data: BroadcastCb, composer: Composer
) -> None:
    """Cancel (asked first), or correct, a broadcast of /broadcasts; from an admin."""
    t = composer.t
    if callback_data.action == BroadcastAction.LIST:
        await composer.ack()
        await composer.reply(await listing(composer))
        return
    broadcast = await broadcasts.find(composer.session, callback_data.broadcast)
    if broadcast is None:
        await broadcasts.refused(
            composer.session, composer.user.id, f"broadcast:{callback_data.broadcast}"
        )
        await composer.alert("broadcast-not-found", id=str(callback_data.broadcast))
        return
    if callback_data.action == BroadcastAction.CORRECT:
        if not broadcasts.is_finished(broadcast):
            await composer.alert("button-expired")
            return
        await composer.ack()
        await composer.state.clear()
        await open_composer_for(composer, corrects_id=broadcast.id)
        return
    await composer.ack()
    if callback_data.action == BroadcastAction.CANCEL:
        if broadcasts.is_finished(broadcast):
            await composer.reply(screens.cancelled(t, broadcast.id, done=False))
        else:
            await composer.reply(screens.cancel_question(t, broadcast))
        return
    done = await broadcasts.cancel(composer.session, broadcast.id, composer.user.id)
    await composer.reply(screens.cancelled(t, broadcast.id, done))


# ---- the router -------------------------------------------------------------------------------


def router() -> Router:
    router = Router(name="broadcast")
    router.message.filter(F.chat.type == "private")
    provide(router, "composer", Composer)
    message, press = router.message.register, router.callback_query.register
    composing = StateFilter(Step)
    typed = F.text & ~F.text.startswith("/")  # commands go on to their journeys
    not_command = ~F.text.startswith("/")  # True for a sticker, a photo, a location too

    message(compose_command, Command("broadcast"))
    message(list_command, Command("broadcasts"))
    press(compose_from_menu, MenuCb.filter(F.item == MenuItem.BROADCAST))
    press(list_from_menu, MenuCb.filter(F.item == MenuItem.BROADCASTS))
    press(refuse_compose, ComposeCb.filter(), not_admin)
    press(refuse_broadcast, BroadcastCb.filter(), not_admin)
    press(compose_pressed, ComposeCb.filter())
    press(broadcast_pressed, BroadcastCb.filter())

    message(refuse_message, composing, not_command, not_admin)
    for step in TEXT_STEPS.values():
        message(text_typed, step, typed)
        message(not_text, step, not_command)
    message(photo_sent, Step.media, F.photo)
    message(location_sent, Step.media, F.location)
    message(not_media, Step.media, not_command)
    message(source_typed, Step.source, typed)
    message(not_source, Step.source, not_command)
    message(district_typed, Step.districts, typed)
    message(point_sent, Step.point, F.location)
    message(not_point, Step.point, not_command)
    message(km_typed, Step.km, typed)
    message(time_typed, Step.time, typed)
    message(use_buttons, composing, not_command)
    return router


__all__ = ["open_composer", "router"]
