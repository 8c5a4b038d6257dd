"""Possible matches for missing people: the coordinator's list and side-by-side card, their
verify / reject / not sure, the outcome of reaching someone on an imported list, and a found
family's answer to "may we tell them?".

Every press checks again, at the moment of acting, that the person covers the missing case
(coordinators of its district and kinds of need, and admins) or is the very family that was
asked: callback data can be forged, and roles change between taps.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import F, Router
from aiogram.types import CallbackQuery

from bot import replies
from bot.callbacks import MatchAction, MatchCb, MatchConsentCb
from bot.keyboards import reunion as keyboards
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import reunion as screens
from bot.services import disclosure, reunion
from bot.services.reunion import MatchRefusal, MatchView
from storage.models import MatchStatus


class MatchDesk(PerUpdate):
    """One coordinator on the match screens during one update."""

    @property
    def query(self) -> CallbackQuery:
        assert isinstance(self.event, CallbackQuery)
        return self.event

    async def refuse(self, refusal: MatchRefusal = MatchRefusal.NOT_ALLOWED) -> None:
        await self.query.answer(self.t(f"reunion-refused-{refusal.value}"), show_alert=True)

    async def match(self, match_id: int) -> MatchView | None:
        """The pressed match if this person may act on it now; otherwise refused and None."""
        view = await reunion.allowed_match(self.session, self.user, self.settings, match_id)
        if view is None:
            await self.refuse()
        return view

    async def show(self, view: MatchView) -> None:
        # The match screens are not the case chat: nothing typed here goes to a family.
        await self.state.clear()
        await replies.replace(self.query, screens.card(self.t, view))


async def list_pressed(query: CallbackQuery, callback_data: MatchCb, desk: MatchDesk) -> None:
    case = await reunion.allowed_case(desk.session, desk.user, desk.settings, callback_data.case)
    if case is None:
        await desk.refuse()
        return
    await query.answer()
    await desk.state.clear()
    found = await reunion.of_case(desk.session, case)
    await replies.replace(query, screens.match_list(desk.t, case.code, case.id, found))


async def open_pressed(query: CallbackQuery, callback_data: MatchCb, desk: MatchDesk) -> None:
    view = await desk.match(callback_data.match)
    if view is None:
        return
    await reunion.opened(desk.session, desk.user, view)
    await query.answer()
    await desk.show(view)


async def verify_pressed(query: CallbackQuery, callback_data: MatchCb, desk: MatchDesk) -> None:
    view = await desk.match(callback_data.match)
    if view is None:
        return
    refusal = await reunion.decide(desk.session, desk.user, view, MatchStatus.VERIFIED)
    if refusal is not None:
        await desk.refuse(refusal)
    else:
        asked = await disclosure.after_verify(desk.session, desk.bot, desk.localization, view)
        await query.answer(desk.t(f"reunion-verified-{asked.value}"), show_alert=True)
        await desk.session.refresh(view.match)
    await desk.show(view)


async def reject_pressed(query: CallbackQuery, callback_data: MatchCb, desk: MatchDesk) -> None:
    view = await desk.match(callback_data.match)
    if view is None:
        return
    if not view.undecided:
        await desk.refuse(MatchRefusal.DECIDED)
        await desk.show(view)
        return
    await query.answer()
    await replies.replace(query, screens.reject_reasons(desk.t, view))


async def reason_pressed(query: CallbackQuery, callback_data: MatchCb, desk: MatchDesk) -> None:
    if callback_data.value not in keyboards.REJECT_REASONS:
        await query.answer(desk.t("button-expired"), show_alert=True)
        return
    view = await desk.match(callback_data.match)
    if view is None:
        return
    status = MatchStatus.REJECTED
    refusal = await reunion.decide(desk.session, desk.user, view, status, callback_data.value)
    await _answered(desk, refusal, desk.t("reunion-rejected"))
    await desk.show(view)


async def unsure_pressed(query: CallbackQuery, callback_data: MatchCb, desk: MatchDesk) -> None:
    view = await desk.match(callback_data.match)
    if view is None:
        return
    refusal = await reunion.decide(desk.session, desk.user, view, MatchStatus.UNSURE)
    await _answered(desk, refusal, desk.t("reunion-marked-unsure"))
    await desk.show(view)


async def outcome_pressed(query: CallbackQuery, callback_data: MatchCb, desk: MatchDesk) -> None:
    if callback_data.value not in disclosure.OUTCOMES:
        await query.answer(desk.t("button-expired"), show_alert=True)
        return
    view = await desk.match(callback_data.match)
    if view is None:
        return
    refusal = await disclosure.record_outcome(
        desk.session, desk.bot, desk.localization, desk.user, view, callback_data.value
    )
    await _answered(desk, refusal, desk.t(f"reunion-outcome-{callback_data.value}"))
    await desk.show(view)


async def _answered(desk: MatchDesk, refusal: MatchRefusal | None, done: str) -> None:
    """The refusal, or `done` (what was saved)."""
    if refusal is not None:
        await desk.refuse(refusal)
    else:
        await desk.query.answer(done)


async def consent_pressed(
    query: CallbackQuery, callback_data: MatchConsentCb, desk: MatchDesk
) -> None:
    """A family's answer; the question is replaced by exactly what was shared."""
    said = await disclosure.answer(
        desk.session,
        desk.bot,
        desk.localization,
        desk.settings,
        desk.user,
        callback_data.match,
        callback_data.answer,
    )
    if said is None:
        await query.answer(desk.t("reunion-consent-refused"), show_alert=True)
        return
    await query.answer()
    await replies.replace(query, said)


def router() -> Router:
    router = Router(name="reunion")
    router.callback_query.filter(F.message.chat.type == "private")
    provide(router, "desk", MatchDesk)
    press = router.callback_query.register

    def on(handler: Callable[..., Awaitable[object]], action: MatchAction) -> None:
        press(handler, MatchCb.filter(F.action == action))

    on(list_pressed, MatchAction.LIST)
    on(open_pressed, MatchAction.OPEN)
    on(verify_pressed, MatchAction.VERIFY)
    on(reject_pressed, MatchAction.REJECT)
    on(reason_pressed, MatchAction.REASON)
    on(unsure_pressed, MatchAction.UNSURE)
    on(outcome_pressed, MatchAction.OUTCOME)
    press(consent_pressed, MatchConsentCb.filter())
    return router
