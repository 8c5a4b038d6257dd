"""The coordinators' desk: the queue, a case card, claiming, and talking with the family.

Every press and every message checks the role, the district and who holds the case again
(bot/services/coordination.py): callback data can be forged, and roles change between taps.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import F, Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot import replies
from bot.callbacks import CaseAction, CaseCb, CaseFilesCb, MenuCb, MenuItem
from bot.ids import telegram_user_id
from bot.keyboards import cases as case_keyboards
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import Screen
from bot.screens import cases as case_screens
from bot.services import coordination, relay, reunion, roles
from bot.services.coordination import Change, Refusal
from bot.services.relay import Sent
from storage.models import Case, CaseKind, CaseStatus
from storage.repositories import users


class CaseDesk(StatesGroup):
    chat = State()  # what the coordinator sends goes to the family of the open case
    note = State()  # the next text is an internal note
    place = State()  # the next text is where aid is handed out (a ready reply)


# What the coordinator is told about a message to the family.
SENT_REPLIES = {
    Sent.SENT: "case-canned-sent",
    Sent.UNREACHABLE: "case-family-unreachable",
    Sent.NOT_HELD: "case-refused-not-held",
}


class Desk(PerUpdate):
    """One coordinator at the desk during one update: what the handlers work with, and the
    steps they share (load and check the case, refuse, show the card)."""

    @property
    def query(self) -> CallbackQuery:
        assert isinstance(self.event, CallbackQuery)
        return self.event

    @property
    def is_staff(self) -> bool:
        return roles.is_staff(self.user, self.settings)

    @property
    def is_admin(self) -> bool:
        return roles.is_admin(self.user, self.settings)

    async def case(
        self, case_id: int, *, held: bool = False, or_admin: bool = False
    ) -> Case | None:
        """The case of a pressed button, if the coordinator covers it (and, with `held`, holds
        it, or with `or_admin` too is an admin who may take it over); otherwise the press is
        refused and None returned."""
        case = await coordination.allowed_case(self.session, self.user, self.settings, case_id)
        if case is None:
            await self.refuse()
        elif held and case.assignee_id != self.user.id and not (or_admin and self.is_admin):
            await self.refuse(Refusal.NOT_HELD)
            return None
        return case

    async def held_case(self) -> Case | None:
        """The case open in this chat, if the coordinator still covers and holds it."""
        case_id = int((await self.state.get_data()).get("case", 0))
        case = await coordination.allowed_case(self.session, self.user, self.settings, case_id)
        if case is None or case.assignee_id != self.user.id or case.status == CaseStatus.RESOLVED:
            await self.state.clear()
            await self.refuse(Refusal.NOT_HELD)
            return None
        return case

    async def refuse(self, refusal: Refusal = Refusal.NOT_ALLOWED) -> None:
        """Says why nothing was done: an alert on a pressed button, a reply to a message."""
        await replies.refuse(self.event, case_screens.refused(self.t, refusal))

    async def expired(self) -> None:
        """A button value no handler knows: stale or forged, it changes nothing."""
        await self.query.answer(self.t("button-expired"), show_alert=True)

    async def queue(self, page: int) -> Screen:
        found = await coordination.queue_page(self.session, self.user, self.settings, page)
        return case_screens.queue(self.t, found)

    async def open(self, case: Case, step: State) -> None:
        """What the coordinator sends next belongs to `case`, as `step` says."""
        await self.state.set_state(step)
        await self.state.set_data({"case": case.id})

    async def show_card(self, case: Case) -> None:
        view = await coordination.open_card(self.session, self.user, case, self.settings)
        holder = await users.get(self.session, case.assignee_id) if case.assignee_id else None
        found = (
            await reunion.count_of_case(self.session, case) if case.kind == CaseKind.MISSING else 0
        )
        if view.held_by_me and case.status != CaseStatus.RESOLVED:
            await self.open(case, CaseDesk.chat)
        else:
            await self.state.clear()
        screen = case_screens.card(self.t, view, self.geography, holder, found)
        await replies.replace(self.query, screen)

    async def changed(
        self, case: Case, change: Change | Refusal | None, done: str, tell: str | None = None
    ) -> None:
        """Says whether a change was made, tells the family of a made one (and whoever an
        admin took the case from), shows the card."""
        if not isinstance(change, Change):
            change = Change(change)
        refusal = change.refusal
        await self.query.answer(case_screens.refused(self.t, refusal) if refusal else self.t(done))
        if refusal is None and tell is not None:
            await self.tell_family(case, tell)
        await self.tell_taken_over(case, change)
        await self.show_card(case)

    async def tell_taken_over(self, case: Case, change: Change) -> None:
        if change.taken_from is not None:
            await coordination.tell_taken_over(
                self.session, self.bot, self.localization, case, change.taken_from
            )

    async def say(self, text: str, case: Case) -> None:
        """`text` with the button back to the card: in place of the pressed message, or as a
        reply to a typed one."""
        markup = case_keyboards.back_to_card(self.t, case.id)
        if isinstance(self.event, CallbackQuery):
            await replies.replace(self.event, Screen(text, markup))
        else:
            await self.event.answer(text, reply_markup=markup)

    async def tell_family(self, case: Case, message_id: str) -> None:
        await coordination.tell_family(self.session, self.bot, self.localization, case, message_id)

    async def send_canned(self, case: Case, key: str, place: str = "") -> str:
        """Sends a ready reply to the family; returns what to tell the coordinator."""
        sent = await relay.canned_to_family(
            self.session, self.bot, self.localization, self.settings, case, self.user, key, place
        )
        if sent == Sent.NOT_HELD:
            await self.state.clear()
        return self.t(SENT_REPLIES[sent])

    async def write_to_family(self, message: Message, case: Case) -> None:
        content = relay.content_of(message)
        if content is None:
            await message.answer(self.t("case-cannot-relay"))
            return
        sent = await relay.to_family(
            self.session,
            self.bot,
            self.localization,
            self.settings,
            case,
            self.user,
            message,
            content,
        )
        if sent == Sent.NOT_HELD:
            await self.state.clear()
        if sent != Sent.SENT:
            await message.answer(self.t(SENT_REPLIES[sent]))


async def queue_command(message: Message, desk: Desk) -> None:
    await desk.state.clear()
    if not desk.is_staff:
        await message.answer(desk.t("staff-only"))
        return
    screen = await desk.queue(0)
    await message.answer(screen.text, reply_markup=screen.markup)


async def queue_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    await _show_queue(query, desk, callback_data.page)


async def queue_from_menu(query: CallbackQuery, desk: Desk) -> None:
    await _show_queue(query, desk, 0)


async def _show_queue(query: CallbackQuery, desk: Desk, page: int) -> None:
    if not desk.is_staff:
        await desk.refuse()
        return
    await query.answer()
    await desk.state.clear()
    await replies.replace(query, await desk.queue(page))


async def open_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    case = await desk.case(callback_data.case)
    if case is None:
        return
    await query.answer()
    await desk.show_card(case)


async def claim_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    case = await desk.case(callback_data.case)
    if case is None:
        return
    change = await coordination.claim(desk.session, desk.user, case, desk.settings)
    if change.refusal is not None:
        await desk.refuse(change.refusal)
    elif change.taken_from is not None:
        await query.answer(desk.t("case-taken-over"))
        await desk.tell_taken_over(case, change)
    else:
        await query.answer(desk.t("case-claimed"))
        await desk.tell_family(case, "family-case-claimed")
    await desk.show_card(case)


async def release_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    case = await desk.case(callback_data.case)
    if case is None:
        return
    change = await coordination.release(desk.session, desk.user, case, desk.settings)
    await desk.changed(case, change, "case-released")


async def waiting_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    case = await desk.case(callback_data.case)
    if case is None:
        return
    status = CaseStatus.WAITING_FAMILY
    refusal = await coordination.set_status(desk.session, desk.user, case, status)
    await desk.changed(case, refusal, "case-saved", tell="family-case-waiting")


async def resolve_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    case = await desk.case(callback_data.case)
    if case is None:
        return
    await query.answer()
    t = desk.t
    await replies.replace(
        query, Screen(t("case-choose-outcome", code=case.code), case_keyboards.outcomes(t, case.id))
    )


async def outcome_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    outcome = callback_data.value
    if outcome not in coordination.OUTCOMES:
        await desk.expired()
        return
    case = await desk.case(callback_data.case)
    if case is None:
        return
    status = CaseStatus.RESOLVED
    refusal = await coordination.set_status(desk.session, desk.user, case, status, outcome)
    await desk.changed(case, refusal, "case-saved", tell=case_screens.CLOSED_TELLS[outcome])


async def handover_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    case = await desk.case(callback_data.case, held=True, or_admin=True)
    if case is None:
        return
    people = await coordination.hand_over_candidates(desk.session, desk.user, case, desk.settings)
    await query.answer()
    t = desk.t
    labels = [
        (p.id, t("btn-handover-to", organisation=p.organisation or "-", id=str(p.id)))
        for p in people
    ]
    text = t("case-choose-handover", code=case.code) if people else t("case-no-handover")
    await replies.replace(query, Screen(text, case_keyboards.hand_over(t, case.id, labels)))


async def handover_to_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    case = await desk.case(callback_data.case)
    if case is None:
        return
    chosen = telegram_user_id(callback_data.value)
    target = await users.get(desk.session, chosen) if chosen is not None else None
    change = await coordination.hand_over(desk.session, desk.user, case, target, desk.settings)
    if change.refusal is not None or target is None:
        await desk.refuse(change.refusal or Refusal.NOT_ALLOWED)
        return
    await query.answer(desk.t("case-handed-over"))
    await desk.tell_taken_over(case, change)
    await desk.tell_family(case, "family-case-handed-over")
    their_t = desk.localization.translator(target.language)
    await coordination.notify_staff(
        desk.session,
        desk.bot,
        target.id,
        their_t("case-handed-to-you", code=case.code),
        case_keyboards.open_case(their_t, case.id),
    )
    await desk.show_card(case)


async def files_pressed(query: CallbackQuery, callback_data: CaseFilesCb, desk: Desk) -> None:
    """The case's files, a page at a time, each with its caption, then the way on; the role
    and the district are checked on the press, like every case button."""
    case = await desk.case(callback_data.case)
    if case is None:
        return
    page = await coordination.files_page(desk.session, desk.user, case, callback_data.page)
    if not page.files:
        await query.answer(desk.t("case-files-none"), show_alert=True)
        return
    await query.answer()
    failed = 0
    for number, file in enumerate(page.files, page.first):
        caption = case_screens.file_caption(desk.t, case, number, page.total, file)
        if not await coordination.send_file(desk.session, desk.bot, desk.user.id, file, caption):
            failed += 1
    await replies.send(desk.bot, desk.user.id, case_screens.files_sent(desk.t, case, page, failed))


async def canned_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    case = await desk.case(callback_data.case)
    if case is None:
        return
    await query.answer()
    t = desk.t
    await replies.replace(query, Screen(t("case-choose-canned"), case_keyboards.canned(t, case.id)))


async def canned_key_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    key = callback_data.value
    if key not in case_keyboards.CANNED_KEYS:
        await desk.expired()
        return
    case = await desk.case(callback_data.case, held=True)
    if case is None:
        return
    await query.answer()
    if key == "aid-at":
        await desk.open(case, CaseDesk.place)
        await desk.say(desk.t("case-ask-place"), case)
        return
    await desk.say(await desk.send_canned(case, key), case)


async def note_pressed(query: CallbackQuery, callback_data: CaseCb, desk: Desk) -> None:
    case = await desk.case(callback_data.case)
    if case is None:
        return
    await query.answer()
    await desk.open(case, CaseDesk.note)
    await desk.say(desk.t("case-ask-note"), case)


# --- messages while a case is open ---------------------------------------------------------


async def chat_message(message: Message, desk: Desk) -> None:
    case = await desk.held_case()
    if case is not None:
        await desk.write_to_family(message, case)


async def reply_to_relayed(message: Message, desk: Desk) -> object:
    """A reply to a family's relayed message goes to that case, whichever case is open."""
    case = await relay.replied_case(desk.session, message)
    if case is None or not desk.is_staff:
        return UNHANDLED
    if case.assignee_id != desk.user.id or not roles.covers_case(desk.user, case, desk.settings):
        await desk.refuse(Refusal.NOT_HELD)
        return None
    await desk.write_to_family(message, case)
    return None


async def note_typed(message: Message, desk: Desk) -> None:
    case = await desk.held_case()
    if case is None:
        return
    if not message.text:
        await message.answer(desk.t("case-ask-note"))
        return
    await coordination.add_note(desk.session, desk.user, case, message.text[: relay.MAX_TEXT])
    await desk.state.set_state(CaseDesk.chat)
    await desk.say(desk.t("case-note-saved"), case)


async def place_typed(message: Message, desk: Desk) -> None:
    case = await desk.held_case()
    if case is None:
        return
    if not message.text or len(message.text) > relay.MAX_PLACE:
        await message.answer(desk.t("case-ask-place"))
        return
    said = await desk.send_canned(case, "aid-at", message.text)
    await desk.state.set_state(CaseDesk.chat)
    await desk.say(said, case)


async def leave_desk(event: Message | CallbackQuery, state: FSMContext) -> object:
    """/start, /menu or a menu button close the open case, then do what they always do."""
    await state.clear()
    return UNHANDLED


def router() -> Router:
    router = Router(name="coordinator")
    router.message.filter(F.chat.type == "private")
    provide(router, "desk", Desk)
    message, press = router.message.register, router.callback_query.register
    at_desk = StateFilter(CaseDesk)

    message(queue_command, Command("queue"))
    # Any other command, or a menu button, closes the open case and then does its usual work.
    message(leave_desk, F.text.startswith("/"), at_desk)
    press(leave_desk, MenuCb.filter(), at_desk)
    message(reply_to_relayed, F.reply_to_message)

    def on(handler: Callable[..., Awaitable[object]], action: CaseAction) -> None:
        press(handler, CaseCb.filter(F.action == action))

    on(queue_pressed, CaseAction.QUEUE)
    press(queue_from_menu, MenuCb.filter(F.item == MenuItem.QUEUE))
    on(open_pressed, CaseAction.OPEN)
    on(claim_pressed, CaseAction.CLAIM)
    on(release_pressed, CaseAction.RELEASE)
    on(waiting_pressed, CaseAction.WAITING)
    on(resolve_pressed, CaseAction.RESOLVE)
    on(outcome_pressed, CaseAction.OUTCOME)
    on(handover_pressed, CaseAction.HANDOVER)
    on(handover_to_pressed, CaseAction.HANDOVER_TO)
    press(files_pressed, CaseFilesCb.filter())
    on(canned_pressed, CaseAction.CANNED)
    on(canned_key_pressed, CaseAction.CANNED_KEY)
    on(note_pressed, CaseAction.NOTE)
    message(note_typed, CaseDesk.note)
    message(place_typed, CaseDesk.place)
    message(chat_message, CaseDesk.chat)
    return router
