"""The coordinators' desk: the queue, a case card, claiming, and talking with the family.

Every press and every message checks the role, the district and who holds the case again
(bot/services/coordination.py): callback data can be forged, and roles change between taps.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import replies
from bot.callbacks import CaseAction, CaseCb, MenuCb
from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.keyboards import cases as case_keyboards
from bot.screens import Screen
from bot.screens import cases as case_screens
from bot.services import coordination, relay, roles
from bot.services.coordination import Refusal
from storage.models import Case, CaseStatus, User
from storage.places import Geography
from storage.repositories import users


class CaseDesk(StatesGroup):
    chat = State()  # what the coordinator sends goes to the family of the open case
    note = State()  # the next text is an internal note
    place = State()  # the next text is where aid is handed out (a ready reply)


async def queue_command(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    await state.clear()
    if not roles.is_staff(user, settings):
        await message.answer(t("staff-only"))
        return
    page = await coordination.queue_page(session, user, settings, 0)
    screen = case_screens.queue(t, page)
    await message.answer(screen.text, reply_markup=screen.markup)


async def queue_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    if not roles.is_staff(user, settings) or callback_data.page < 0:
        await query.answer(t("case-refused-not-allowed"), show_alert=True)
        return
    await query.answer()
    await state.clear()
    page = await coordination.queue_page(session, user, settings, callback_data.page)
    await replies.replace(query, case_screens.queue(t, page))


async def _case(
    query: CallbackQuery,
    callback_data: CaseCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> Case | None:
    case = await coordination.allowed_case(session, user, settings, callback_data.case)
    if case is None:
        await query.answer(t("case-refused-not-allowed"), show_alert=True)
    return case


async def _show_card(
    query: CallbackQuery,
    case: Case,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Translator,
    geography: Geography,
) -> None:
    view = await coordination.open_card(session, user, case)
    holder = await users.get(session, case.assignee_id) if case.assignee_id else None
    if view.held_by_me and case.status != CaseStatus.RESOLVED:
        await state.set_state(CaseDesk.chat)
        await state.set_data({"case": case.id})
    else:
        await state.clear()
    await replies.replace(query, case_screens.card(t, view, geography, holder))


async def open_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
) -> None:
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    await query.answer()
    await _show_card(query, case, state, session, user, t, geography)


async def claim_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
    bot: Bot,
    localization: Localization,
) -> None:
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    refusal = await coordination.claim(session, user, case)
    if refusal is not None:
        await query.answer(case_screens.refused(t, refusal), show_alert=True)
        await _show_card(query, case, state, session, user, t, geography)
        return
    await query.answer(t("case-claimed"))
    await coordination.tell_family(session, bot, localization, case, "family-case-claimed")
    await _show_card(query, case, state, session, user, t, geography)


async def release_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
) -> None:
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    refusal = await coordination.release(session, user, case)
    await query.answer(case_screens.refused(t, refusal) if refusal else t("case-released"))
    await _show_card(query, case, state, session, user, t, geography)


async def waiting_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
    bot: Bot,
    localization: Localization,
) -> None:
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    refusal = await coordination.set_status(session, user, case, CaseStatus.WAITING_FAMILY)
    await query.answer(case_screens.refused(t, refusal) if refusal else t("case-saved"))
    if refusal is None:
        await coordination.tell_family(session, bot, localization, case, "family-case-waiting")
    await _show_card(query, case, state, session, user, t, geography)


async def resolve_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    await query.answer()
    await replies.replace(
        query, Screen(t("case-choose-outcome", code=case.code), case_keyboards.outcomes(t, case.id))
    )


async def outcome_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
    bot: Bot,
    localization: Localization,
) -> None:
    if callback_data.value not in coordination.OUTCOMES:
        await query.answer(t("button-expired"), show_alert=True)
        return
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    refusal = await coordination.set_status(
        session, user, case, CaseStatus.RESOLVED, callback_data.value
    )
    await query.answer(case_screens.refused(t, refusal) if refusal else t("case-saved"))
    if refusal is None:
        await coordination.tell_family(session, bot, localization, case, "family-case-resolved")
    await _show_card(query, case, state, session, user, t, geography)


async def handover_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    if case.assignee_id != user.id:
        await query.answer(t("case-refused-not-held"), show_alert=True)
        return
    people = await coordination.hand_over_candidates(session, user, case, settings)
    await query.answer()
    labels = [
        (p.id, t("btn-handover-to", organisation=p.organisation or "-", id=str(p.id)))
        for p in people
    ]
    text = t("case-choose-handover", code=case.code) if people else t("case-no-handover")
    await replies.replace(query, Screen(text, case_keyboards.hand_over(t, case.id, labels)))


async def handover_to_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
    bot: Bot,
    localization: Localization,
) -> None:
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    target = (
        await users.get(session, int(callback_data.value))
        if callback_data.value.isdecimal()
        else None
    )
    refusal = await coordination.hand_over(session, user, case, target, settings)
    if refusal is not None or target is None:
        await query.answer(case_screens.refused(t, refusal or Refusal.NOT_ALLOWED), show_alert=True)
        return
    await query.answer(t("case-handed-over"))
    their_t = localization.translator(target.language)
    await coordination.notify_staff(
        session,
        bot,
        target.id,
        their_t("case-handed-to-you", code=case.code),
        case_keyboards.open_case(their_t, case.id),
    )
    await _show_card(query, case, state, session, user, t, geography)


async def canned_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    await query.answer()
    await replies.replace(query, Screen(t("case-choose-canned"), case_keyboards.canned(t, case.id)))


async def canned_key_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    bot: Bot,
    localization: Localization,
) -> None:
    if callback_data.value not in case_keyboards.CANNED_KEYS:
        await query.answer(t("button-expired"), show_alert=True)
        return
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    if case.assignee_id != user.id:
        await query.answer(t("case-refused-not-held"), show_alert=True)
        return
    await query.answer()
    if callback_data.value == "aid-at":
        await state.set_state(CaseDesk.place)
        await state.set_data({"case": case.id})
        await replies.replace(
            query, Screen(t("case-ask-place"), case_keyboards.back_to_card(t, case.id))
        )
        return
    sent = await relay.canned_to_family(session, bot, localization, case, user, callback_data.value)
    text = t("case-canned-sent") if sent else t("case-family-unreachable")
    await replies.replace(query, Screen(text, case_keyboards.back_to_card(t, case.id)))


async def note_pressed(
    query: CallbackQuery,
    callback_data: CaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    case = await _case(query, callback_data, session, user, settings, t)
    if case is None:
        return
    await query.answer()
    await state.set_state(CaseDesk.note)
    await state.set_data({"case": case.id})
    await replies.replace(
        query, Screen(t("case-ask-note"), case_keyboards.back_to_card(t, case.id))
    )


# --- messages while a case is open ---------------------------------------------------------


async def _held_case(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> Case | None:
    """The case open in this chat, if the coordinator still covers and holds it."""
    case_id = int((await state.get_data()).get("case", 0))
    case = await coordination.allowed_case(session, user, settings, case_id)
    if case is None or case.assignee_id != user.id or case.status == CaseStatus.RESOLVED:
        await state.clear()
        await message.answer(t("case-refused-not-held"))
        return None
    return case


async def chat_message(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    bot: Bot,
    localization: Localization,
) -> None:
    case = await _held_case(message, state, session, user, settings, t)
    if case is not None:
        await _relay(message, case, session, user, t, bot, localization)


async def reply_to_relayed(
    message: Message,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    bot: Bot,
    localization: Localization,
) -> object:
    """A reply to a family's relayed message goes to that case, whichever case is open."""
    case = await relay.replied_case(session, message)
    if case is None or not roles.is_staff(user, settings):
        return UNHANDLED
    if case.assignee_id != user.id or not roles.covers_case(user, case, settings):
        await message.answer(t("case-refused-not-held"))
        return None
    await _relay(message, case, session, user, t, bot, localization)
    return None


async def _relay(
    message: Message,
    case: Case,
    session: AsyncSession,
    user: User,
    t: Translator,
    bot: Bot,
    localization: Localization,
) -> None:
    content = relay.content_of(message)
    if content is None:
        await message.answer(t("case-cannot-relay"))
        return
    if not await relay.to_family(session, bot, localization, case, user, message, content):
        await message.answer(t("case-family-unreachable"))


async def note_typed(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    case = await _held_case(message, state, session, user, settings, t)
    if case is None:
        return
    if not message.text:
        await message.answer(t("case-ask-note"))
        return
    await coordination.add_note(session, user, case, message.text[: relay.MAX_TEXT])
    await state.set_state(CaseDesk.chat)
    await message.answer(t("case-note-saved"), reply_markup=case_keyboards.back_to_card(t, case.id))


async def place_typed(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    bot: Bot,
    localization: Localization,
) -> None:
    case = await _held_case(message, state, session, user, settings, t)
    if case is None:
        return
    if not message.text or len(message.text) > relay.MAX_PLACE:
        await message.answer(t("case-ask-place"))
        return
    sent = await relay.canned_to_family(
        session, bot, localization, case, user, "aid-at", message.text
    )
    await state.set_state(CaseDesk.chat)
    text = t("case-canned-sent") if sent else t("case-family-unreachable")
    await message.answer(text, reply_markup=case_keyboards.back_to_card(t, case.id))


async def leave_desk(event: Message | CallbackQuery, state: FSMContext) -> object:
    """/start, /menu or a menu button close the open case, then do what they always do."""
    await state.clear()
    return UNHANDLED


def router() -> Router:
    router = Router(name="coordinator")
    router.message.filter(F.chat.type == "private")
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
    on(open_pressed, CaseAction.OPEN)
    on(claim_pressed, CaseAction.CLAIM)
    on(release_pressed, CaseAction.RELEASE)
    on(waiting_pressed, CaseAction.WAITING)
    on(resolve_pressed, CaseAction.RESOLVE)
    on(outcome_pressed, CaseAction.OUTCOME)
    on(handover_pressed, CaseAction.HANDOVER)
    on(handover_to_pressed, CaseAction.HANDOVER_TO)
    on(canned_pressed, CaseAction.CANNED)
    on(canned_key_pressed, CaseAction.CANNED_KEY)
    on(note_pressed, CaseAction.NOTE)
    message(note_typed, CaseDesk.note)
    message(place_typed, CaseDesk.place)
    message(chat_message, CaseDesk.chat)
    return router
