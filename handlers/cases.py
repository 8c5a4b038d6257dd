"""My cases: a family sees each case's status and writes to the coordinator holding it."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import replies
from bot.callbacks import MenuCb, MenuItem, MyCaseAction, MyCaseCb
from bot.i18n import Localization, Translator
from bot.screens import cases as case_screens
from bot.services import family_cases, relay
from bot.services.relay import FamilyOutcome
from storage.models import Case, User


class FamilyWriting(StatesGroup):
    message = State()  # what the family sends goes to the case in the state's data


async def list_cases(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, user: User, t: Translator
) -> None:
    await query.answer()
    await state.clear()
    await replies.replace(
        query, case_screens.my_cases(t, await family_cases.of_family(session, user))
    )


async def open_case(
    query: CallbackQuery,
    callback_data: MyCaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Translator,
) -> None:
    case = await family_cases.own_case(session, user, callback_data.case)
    if case is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    await state.clear()
    await replies.replace(query, case_screens.family_case(t, case))


async def write(
    query: CallbackQuery,
    callback_data: MyCaseCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Translator,
) -> None:
    case = await family_cases.own_case(session, user, callback_data.case)
    if case is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    await state.set_state(FamilyWriting.message)
    await state.set_data({"case": case.id})
    await replies.send(query.bot, query.from_user.id, case_screens.family_writing(t, case))  # type: ignore[arg-type]


async def done(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, user: User, t: Translator
) -> None:
    await list_cases(query, state, session, user, t)


async def written(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Translator,
    bot: Bot,
    localization: Localization,
) -> None:
    case = await family_cases.own_case(session, user, int((await state.get_data()).get("case", 0)))
    if case is None:
        await state.clear()
        await message.answer(t("button-expired"))
        return
    await _send(message, case, session, user, t, bot, localization)


async def reply_to_relayed(
    message: Message,
    session: AsyncSession,
    user: User,
    t: Translator,
    bot: Bot,
    localization: Localization,
) -> object:
    """A reply to a coordinator's message goes to that message's case."""
    case = await relay.replied_case(session, message)
    if case is None or case.user_id != user.id:
        return UNHANDLED
    await _send(message, case, session, user, t, bot, localization)
    return None


async def _send(
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
        await message.answer(t("my-case-cannot-send"))
        return
    outcome = await relay.from_family(session, bot, localization, case, user, message, content)
    screen = case_screens.family_sent(t, outcome == FamilyOutcome.DELIVERED)
    await message.answer(screen.text, reply_markup=screen.markup)


async def leave_writing(event: Message | CallbackQuery, state: FSMContext) -> object:
    await state.clear()
    return UNHANDLED


def router() -> Router:
    router = Router(name="cases")
    router.message.filter(F.chat.type == "private")
    message, press = router.message.register, router.callback_query.register
    writing = StateFilter(FamilyWriting)

    message(leave_writing, F.text.startswith("/"), writing)
    press(leave_writing, MenuCb.filter(), writing)
    message(reply_to_relayed, F.reply_to_message)
    press(list_cases, MenuCb.filter(F.item == MenuItem.CASES))
    press(list_cases, MyCaseCb.filter(F.action == MyCaseAction.LIST))
    press(open_case, MyCaseCb.filter(F.action == MyCaseAction.OPEN))
    press(write, MyCaseCb.filter(F.action == MyCaseAction.WRITE))
    press(done, MyCaseCb.filter(F.action == MyCaseAction.DONE))
    message(written, FamilyWriting.message)
    return router
