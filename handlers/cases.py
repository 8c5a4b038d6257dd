"""My cases: a family sees each case's status and writes to the coordinator holding it."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot import replies
from bot.callbacks import MenuCb, MenuItem, MyCaseAction, MyCaseCb
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import cases as case_screens
from bot.screens import rumours as rumour_screens
from bot.services import family_cases, missing, relay, rumours
from storage.models import Case, CaseKind, CaseStatus


class FamilyWriting(StatesGroup):
    message = State()  # what the family sends goes to the case in the state's data


class Family(PerUpdate):
    """A family at their own cases during one update: what the handlers work with, and the
    steps they share (load the family's own case, refuse, send to the coordinator)."""

    async def own_case(self, case_id: int) -> Case | None:
        """The case, if it is this family's own; otherwise refused, and None."""
        case = await family_cases.own_case(self.session, self.user, case_id)
        if case is None:
            await self.refuse()
        return case

    async def case_being_written(self) -> Case | None:
        """The case this family is writing to, if it is still theirs."""
        case_id = int((await self.state.get_data()).get("case", 0))
        case = await family_cases.own_case(self.session, self.user, case_id)
        if case is None:
            await self.state.clear()
            await self.refuse()
        return case

    async def refuse(self) -> None:
        """A case that is not theirs, or no longer there: an alert on a pressed button, a reply
        to a message."""
        if isinstance(self.event, CallbackQuery):
            await self.event.answer(self.t("button-expired"), show_alert=True)
        else:
            await self.event.answer(self.t("button-expired"))

    async def send(self, message: Message, case: Case) -> None:
        """The family's message, to the coordinator holding `case`."""
        content = relay.content_of(message)
        if content is None:
            await message.answer(self.t("my-case-cannot-send"))
            return
        sent = await relay.from_family(
            self.session,
            self.bot,
            self.localization,
            self.settings,
            case,
            self.user,
            message,
            content,
        )
        screen = case_screens.family_sent(self.t, sent.delivered, case if sent.reopened else None)
        await message.answer(screen.text, reply_markup=screen.markup)


async def list_cases(query: CallbackQuery, family: Family) -> None:
    await query.answer()
    await family.state.clear()
    cases = await family_cases.of_family(family.session, family.user)
    await replies.replace(query, case_screens.my_cases(family.t, cases))


async def open_case(query: CallbackQuery, callback_data: MyCaseCb, family: Family) -> None:
    case = await family.own_case(callback_data.case)
    if case is None:
        return
    await query.answer()
    await family.state.clear()
    if case.kind == CaseKind.RUMOUR:
        t, session = family.t, family.session
        answer = await rumours.answer_of(
            session, family.localization, family.settings, case, t.locale
        )
        await replies.replace(query, rumour_screens.family_case(t, case, answer))
        return
    sought = await missing.sought(family.session, case)
    name = sought.full_name if sought else None
    await replies.replace(query, case_screens.family_case(family.t, case, name))


async def found(query: CallbackQuery, callback_data: MyCaseCb, family: Family) -> None:
    """'They are found' on a missing report: asked once more, then the report is closed."""
    case = await family.own_case(callback_data.case)
    if case is None:
        return
    if case.kind != CaseKind.MISSING or case.status == CaseStatus.RESOLVED:
        await family.refuse()
        return
    if callback_data.action == MyCaseAction.FOUND:
        await query.answer()
        sought = await missing.sought(family.session, case)
        name = sought.full_name if sought else None
        await replies.replace(query, case_screens.found_question(family.t, case, name))
    elif await missing.found_by_family(
        family.session, family.bot, family.localization, family.user, case
    ):
        await query.answer()
        await replies.replace(query, case_screens.found_thanks(family.t, case))
    else:
        await family.refuse()


async def write(query: CallbackQuery, callback_data: MyCaseCb, family: Family) -> None:
    case = await family.own_case(callback_data.case)
    if case is None:
        return
    if case.kind == CaseKind.RUMOUR:  # nobody holds a rumour: its answer comes to every family
        await family.refuse()
        return
    await query.answer()
    await family.state.set_state(FamilyWriting.message)
    await family.state.set_data({"case": case.id})
    await replies.send(family.bot, query.from_user.id, case_screens.family_writing(family.t, case))


async def written(message: Message, family: Family) -> None:
    case = await family.case_being_written()
    if case is not None:
        await family.send(message, case)


async def reply_to_relayed(message: Message, family: Family) -> object:
    """A reply to a coordinator's message goes to that message's case."""
    case = await relay.replied_case(family.session, message)
    if case is None or case.user_id != family.user.id:
        return UNHANDLED
    await family.send(message, case)
    return None


async def leave_writing(event: Message | CallbackQuery, state: FSMContext) -> object:
    await state.clear()
    return UNHANDLED


def router() -> Router:
    router = Router(name="cases")
    router.message.filter(F.chat.type == "private")
    provide(router, "family", Family)
    message, press = router.message.register, router.callback_query.register
    writing = StateFilter(FamilyWriting)

    message(leave_writing, F.text.startswith("/"), writing)
    press(leave_writing, MenuCb.filter(), writing)
    message(reply_to_relayed, F.reply_to_message)
    press(list_cases, MenuCb.filter(F.item == MenuItem.CASES))
    # Done, after writing, leads back to the list.
    press(list_cases, MyCaseCb.filter(F.action.in_({MyCaseAction.LIST, MyCaseAction.DONE})))
    press(open_case, MyCaseCb.filter(F.action == MyCaseAction.OPEN))
    press(write, MyCaseCb.filter(F.action == MyCaseAction.WRITE))
    press(found, MyCaseCb.filter(F.action.in_({MyCaseAction.FOUND, MyCaseAction.FOUND_YES})))
    message(written, FamilyWriting.message)
    return router
