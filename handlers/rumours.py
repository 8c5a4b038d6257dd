"""'Is this true?': a family forwards, photographs or writes what they saw and sends it for
checking; admins and fact-checkers open the rumour card, say true, false or not known yet with a
short explanation in each language, and every family that asked is answered at once.

Every staff press and message checks the role and the case again (bot/services/coordination.py
`allowed_case`, bot/services/rumours.py `may_answer`): callback data can be forged.
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import (
    CallbackQuery,
    Message,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
)

from bot import keyboards, replies
from bot.callbacks import CaseAction, CaseCb, MenuCb, MenuItem, RumourAction, RumourCb
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import Screen, consent_text
from bot.screens import cases as case_screens
from bot.screens import rumours as screens
from bot.services import accounts, coordination, roles, rumours
from bot.services.coordination import Refusal
from bot.services.delivery import deliver
from bot.services.rumours import AnswerDraft, Origin, OriginKind, Problem, RumourDraft
from bot.states import RumourAnswer, RumourAsk
from handlers import broadcast
from handlers.forms import attachment_of
from storage.models import Case, CaseKind, Verdict
from storage.repositories import queue


class Step(PerUpdate):
    """A family asking, or a staff member answering, during one update."""

    def chat_id(self) -> int:
        """The person's private chat (a button's message may be gone)."""
        return self.event.from_user.id if self.event.from_user else 0

    async def show(self, screen: Screen) -> None:
        """In place of a pressed message, or as a new one after a typed message."""
        if isinstance(self.event, CallbackQuery):
            await replies.replace(self.event, screen)
        else:
            await replies.send(self.bot, self.chat_id(), screen)

    async def expired(self) -> None:
        if isinstance(self.event, CallbackQuery):
            await self.event.answer(self.t("button-expired"), show_alert=True)
        else:
            await self.event.answer(self.t("button-expired"))

    # --- a family ----------------------------------------------------------------------

    async def draft(self) -> RumourDraft:
        return RumourDraft.model_validate(await self.state.get_data())

    # --- staff -------------------------------------------------------------------------

    async def answer_draft(self) -> AnswerDraft | None:
        try:
            return AnswerDraft.model_validate(await self.state.get_data())
        except ValueError:  # pydantic's ValidationError: no answer being written
            return None

    async def case(self, case_id: int) -> Case | None:
        """The rumour of a pressed button or of the answer being written, if this person may
        answer it now; otherwise refused (and audited) and None."""
        case = await coordination.allowed_case(self.session, self.user, self.settings, case_id)
        if case is not None and not rumours.may_answer(self.user, case, self.settings):
            await rumours.refused(self.session, self.user, case, "not-a-rumour")
            case = None
        if case is None:
            await self.state.clear()
            await self.refuse()
        return case

    async def refuse(self, refusal: Refusal = Refusal.NOT_ALLOWED) -> None:
        """Says why nothing was done: an alert on a pressed button, a reply to a message."""
        await replies.refuse(self.event, case_screens.refused(self.t, refusal))

    async def card(self, case: Case) -> None:
        """The rumour card; the photo sent with the first question comes just before it."""
        view, photo = await rumours.card_view(self.session, self.user, case, self.settings)
        waited = case_screens.waited(self.t, (view.first or case).created_at)
        screen = screens.card(self.t, view, waited)
        if photo is None:
            await self.show(screen)
            return
        chat = self.chat_id()
        caption = screens.photo_caption(self.t, case.code)
        await deliver(self.session, chat, self.bot.send_photo(chat, photo, caption=caption))
        await replies.send(self.bot, chat, screen)

    async def write_step(self, draft: AnswerDraft, code: str) -> None:
        await self.state.set_state(RumourAnswer.explanation)
        await self.state.set_data(draft.model_dump(mode="json"))
        optional = draft.language != self.settings.default_locale
        await self.show(
            screens.write(
                self.t,
                code,
                draft.verdict,
                draft.language,
                self.settings.default_locale,
                optional,
                rumours.MAX_EXPLANATION,
            )
        )


# --- a family asks ------------------------------------------------------------------------


async def begin(event: Message | CallbackQuery, step: Step) -> None:
    """From the safety updates screen (or /check): consent first, then what to send."""
    if isinstance(event, CallbackQuery):
        await event.answer()
    if not accounts.has_consent(step.user):
        await step.state.clear()
        consent = consent_text(step.t, step.settings, "consent-needed")
        await step.show(Screen(consent, keyboards.consent(step.t)))
        return
    await step.state.set_state(RumourAsk.question)
    await step.state.set_data(RumourDraft().model_dump(mode="json"))
    await step.show(screens.ask(step.t))


def origin_of(message: Message) -> Origin | None:
    """Where a forwarded message came from, in Telegram's words; a channel's or group's post
    also by a key that is the same each time it is forwarded."""
    match message.forward_origin:
        case MessageOriginChannel(chat=chat, message_id=post):
            name = chat.title or ""
            if chat.username:
                name = f"{name} (@{chat.username})".strip()
            return Origin(OriginKind.CHANNEL, name, f"{chat.id}:{post}")
        case MessageOriginChat(sender_chat=chat, date=date):
            # No message id is given for a group's own post: its time tells it apart.
            return Origin(OriginKind.GROUP, chat.title or "", f"{chat.id}@{int(date.timestamp())}")
        case MessageOriginUser(sender_user=sender):
            return Origin(OriginKind.PERSON, sender.full_name)
        case MessageOriginHiddenUser(sender_user_name=name):
            return Origin(OriginKind.HIDDEN, name)
    return None


MINE = frozenset({*RumourAsk.__state_names__, *RumourAnswer.__state_names__})
HINTS = {
    Problem.NOTHING: "rumour-hint-nothing",
    Problem.TOO_LONG: "rumour-hint-too-long",
    Problem.TOO_MANY_PHOTOS: "rumour-hint-too-many-photos",
}


async def piece_sent(message: Message, step: Step) -> None:
    """A forwarded message, a photo or the family's own words: kept for the question."""
    draft = await step.draft()
    photo = attachment_of(message) if message.photo else None
    text = message.text or message.caption or ""
    result = rumours.added(draft, text, photo, origin_of(message))
    if isinstance(result, Problem):
        await hint(step, draft, result)
        return
    await step.state.set_data(result.model_dump(mode="json"))
    await step.show(screens.received(step.t))


async def hint(step: Step, draft: RumourDraft, problem: Problem) -> None:
    """Says what fits, with the prompt's buttons: what was sent before stays."""
    limits = {"max": rumours.MAX_TEXT if problem == Problem.TOO_LONG else rumours.MAX_PHOTOS}
    await step.show(screens.hint(step.t, HINTS[problem], draft.has_content, **limits))


async def unfit_sent(message: Message, step: Step) -> None:
    """A sticker, a voice note, a file, a location…: not something Koldo can check."""
    await hint(step, await step.draft(), Problem.NOTHING)


async def send_pressed(query: CallbackQuery, step: Step) -> None:
    draft = await step.draft()
    if not draft.has_content:
        await step.expired()
        return
    await query.answer()
    t = step.t
    result = await rumours.ask(
        step.session, step.user, draft, t.locale, step.localization, step.settings
    )
    code = result.case.code
    if result.before:
        screen = screens.asked_before(t, code)
    elif result.answer is not None:
        screen = screens.family_answer(t, code, result.answer)
    else:
        screen = screens.sent(t, code)
    # The code first: should clearing the state fail, Send shows the same case again.
    await step.show(screen)
    await step.state.clear()


async def leave(event: Message | CallbackQuery, state: FSMContext) -> object:
    """A command, a menu button or another card's button: the question or the answer being
    written is dropped, and the press or command does what it always does."""
    await state.clear()
    return UNHANDLED


# --- staff answer ------------------------------------------------------------------------


async def card_pressed(query: CallbackQuery, callback_data: CaseCb, step: Step) -> object:
    """A rumour opened from the queue or an alert; any other case is the coordinators' desk's.
    A rumour is never claimed, held or resolved by hand (one answer serves every family): the
    desk's other buttons, forged for a rumour, are refused and audited."""
    if await step.state.get_state() in MINE:
        await step.state.clear()  # another card: what was being written is dropped
    found = await queue.by_id(step.session, callback_data.case)
    if found is None or found.kind != CaseKind.RUMOUR:
        return UNHANDLED
    case = await step.case(callback_data.case)
    if case is None:
        return None
    if callback_data.action != CaseAction.OPEN:
        await rumours.refused(step.session, step.user, case, callback_data.action.value)
        await step.refuse()
    else:
        await query.answer()
    await step.state.clear()
    await step.card(case)
    return None


async def verdict_pressed(query: CallbackQuery, callback_data: RumourCb, step: Step) -> None:
    verdict = next((v for v in Verdict if v.value == callback_data.value), None)
    if verdict is None:
        await step.expired()
        return
    case = await step.case(callback_data.case)
    if case is None:
        return
    rumour = await rumours.rumour_of(step.session, case)
    if rumour is None or rumour.verdict not in rumours.OPEN_VERDICTS:
        await query.answer(step.t("rumour-already-answered"), show_alert=True)
        await step.card(case)
        return
    await query.answer()
    language = step.settings.default_locale
    draft = AnswerDraft(case=case.id, verdict=verdict, language=language, seen=rumour.answered_at)
    await step.write_step(draft, case.code)


async def explanation_typed(message: Message, step: Step) -> None:
    draft = await step.answer_draft()
    if draft is None:
        await step.state.clear()
        await step.expired()
        return
    case = await step.case(draft.case)
    if case is None:
        return
    text = (message.text or "").strip()
    optional = draft.language != step.settings.default_locale
    if not text or len(text) > rumours.MAX_EXPLANATION:
        await step.show(screens.write_hint(step.t, optional, rumours.MAX_EXPLANATION))
        return
    written = {**draft.texts, draft.language: text}
    await next_language(step, draft.model_copy(update={"texts": written}), case)


async def skip_pressed(query: CallbackQuery, step: Step) -> None:
    draft = await step.answer_draft()
    if draft is None or draft.language == step.settings.default_locale:
        await step.expired()  # the default language's explanation is never skipped
        return
    case = await step.case(draft.case)
    if case is None:
        return
    await query.answer()
    await next_language(step, draft, case)


async def next_language(step: Step, draft: AnswerDraft, case: Case) -> None:
    """The explanation in the next language, or the preview after the last."""
    order = rumours.answer_languages(step.settings)
    later = order[order.index(draft.language) + 1 :] if draft.language in order else ()
    if later:
        await step.write_step(draft.model_copy(update={"language": later[0]}), case.code)
        return
    await step.state.set_state(RumourAnswer.preview)
    await step.state.set_data(draft.model_dump(mode="json"))
    found = await rumours.preview(
        step.session, step.localization, step.settings, step.user, case, draft.verdict, draft.texts
    )
    screen = screens.preview(
        step.t, case.id, found.bodies, draft.texts, found.readers, step.settings
    )
    await step.show(screen)


async def rewrite_pressed(query: CallbackQuery, step: Step) -> None:
    draft = await step.answer_draft()
    if draft is None:
        await step.expired()
        return
    case = await step.case(draft.case)
    if case is None:
        return
    await query.answer()
    again = draft.model_copy(update={"texts": {}, "language": step.settings.default_locale})
    await step.write_step(again, case.code)


async def cancel_pressed(query: CallbackQuery, step: Step) -> None:
    draft = await step.answer_draft()
    await step.state.clear()
    await query.answer(step.t("rumour-cancelled"))
    case = await step.case(draft.case) if draft else None
    if case is not None:
        await step.card(case)


async def confirm_pressed(query: CallbackQuery, callback_data: RumourCb, step: Step) -> None:
    """Answers every family; pressed again (or after someone else answered), nothing is sent."""
    case = await step.case(callback_data.case)
    if case is None:
        return
    draft = await step.answer_draft()
    in_preview = await step.state.get_state() == RumourAnswer.preview.state
    can_broadcast = roles.is_admin(step.user, step.settings)
    if draft is None or not in_preview or draft.case != case.id:
        rumour = await rumours.rumour_of(step.session, case)
        if rumour is None or rumour.verdict is None:
            await step.expired()
            return
        await query.answer()
        can_broadcast = can_broadcast and rumour.verdict != Verdict.UNKNOWN
        await step.show(screens.already_answered(step.t, case.id, can_broadcast))
        return
    await query.answer()
    done = await rumours.answer(
        step.session,
        step.bot,
        step.localization,
        step.settings,
        step.user.id,
        case,
        draft.verdict,
        draft.texts,
        draft.seen,
    )
    await step.state.clear()
    if done is None:
        await step.refuse()
        return
    can_broadcast = can_broadcast and draft.verdict != Verdict.UNKNOWN
    if done.already:
        await step.show(screens.already_answered(step.t, case.id, can_broadcast))
        return
    await step.show(screens.done(step.t, case.id, done.told, done.families, can_broadcast))


async def broadcast_pressed(query: CallbackQuery, callback_data: RumourCb, step: Step) -> None:
    """The answer as a safety update: the broadcast composer, the explanation of each language
    and the source already filled in. Admins only, at the moment of pressing."""
    case = await step.case(callback_data.case)
    if case is None:
        return
    rumour = await rumours.rumour_of(step.session, case)
    if not roles.is_admin(step.user, step.settings):
        await rumours.refused(step.session, step.user, case, "broadcast")
        await step.refuse()
        return
    if rumour is None or rumour.verdict not in (Verdict.TRUE, Verdict.FALSE):
        await step.expired()
        return
    answerer = await rumours.answerer_of(step.session, rumour)
    source = rumours.source_text(answerer.organisation if answerer else None, step.localization)
    await open_composer(query, step, dict(rumour.answer_texts), source)


async def open_composer(
    query: CallbackQuery, step: Step, texts: dict[str, str], source: str
) -> None:
    """The broadcast composer with the answer filled in, at its audience step."""
    if not isinstance(query.message, Message):
        await step.expired()
        return
    await query.answer()
    await step.state.clear()
    await broadcast.open_composer(
        query.message, step.state, step.t, step.settings, texts=texts, source=source
    )


async def typed_at_preview(message: Message, step: Step) -> None:
    await message.answer(step.t("rumour-preview-hint"))


def router() -> Router:
    router = Router(name="rumours")
    router.message.filter(F.chat.type == "private")
    provide(router, "step", Step)
    message, press = router.message.register, router.callback_query.register
    asking_or_answering = StateFilter(RumourAsk, RumourAnswer)

    def on(action: RumourAction) -> Any:
        return RumourCb.filter(F.action == action)

    # Families.
    press(begin, MenuCb.filter(F.item == MenuItem.RUMOUR))
    message(begin, Command("check"))
    message(leave, F.text.startswith("/"), asking_or_answering)
    press(leave, MenuCb.filter(), asking_or_answering)
    press(send_pressed, on(RumourAction.SEND), RumourAsk.question)
    message(piece_sent, F.text | F.photo, RumourAsk.question)
    message(unfit_sent, RumourAsk.question)

    # Staff.
    press(card_pressed, CaseCb.filter(F.action != CaseAction.QUEUE))
    press(verdict_pressed, on(RumourAction.VERDICT))
    press(skip_pressed, on(RumourAction.SKIP), RumourAnswer.explanation)
    press(rewrite_pressed, on(RumourAction.REWRITE), RumourAnswer.preview)
    press(cancel_pressed, on(RumourAction.CANCEL), StateFilter(RumourAnswer))
    press(confirm_pressed, on(RumourAction.CONFIRM))
    press(broadcast_pressed, on(RumourAction.BROADCAST))
    # Any other button while asking or answering: dropped, and the button does its usual work.
    press(leave, asking_or_answering)
    message(explanation_typed, RumourAnswer.explanation)
    message(typed_at_preview, RumourAnswer.preview)
    return router
