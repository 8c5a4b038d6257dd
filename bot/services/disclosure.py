"""What may reach whom after a coordinator verified a possible match (ICRC Restoring Family
Links practice: nothing about a person reaches anyone before verification, and then only what
that person agreed to).

- Found with a family using Koldo (a household member): that family is asked, in its own
  language, whether the reporter may be told the person is safe (with their phone, if they
  choose). Yes: the reporter is told exactly that. No: the reporter hears only that the search
  goes on. The family is told exactly what was shared.
- Found as another family's missing report: both reporters are asked whether they agree to be
  put in touch; only when both agree does each learn the other's first name and relation (and
  phone, if given). Otherwise each hears only that the search goes on, or that nothing was
  shared.
- Found on an imported list: staff reach the person through the list's source and record the
  outcome; only "agrees" tells the reporter the person is safe.

Every step is audited (ids and codes only). A change is committed before anyone is told.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import ConsentAnswer
from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.keyboards import reunion as keyboards
from bot.screens import Screen
from bot.screens import reunion as screens
from bot.services import reunion
from bot.services.delivery import deliver
from bot.services.reunion import MatchRefusal, MatchView
from storage.models import Case, Consent, MatchStatus, PersonSource, User, utcnow
from storage.repositories import audit, matches, users

logger = logging.getLogger("koldo.disclosure")
OUTCOMES = keyboards.OUTCOMES
OPEN_OUTCOMES = (None, "unreachable")  # staff may still try again


class Asked(enum.StrEnum):
    """What verifying set in motion, for the coordinator; message `reunion-verified-<value>`."""

    FAMILY = "family"  # the family the person is with was asked
    BOTH = "both"  # both reporters were asked
    NOT_REACHED = "not-reached"  # someone to ask could not be reached (or is gone)
    LIST = "list"  # reach the person through the list's source


@dataclass(frozen=True)
class _Side:
    """One family to ask: who, and whether they are the reporter of the match's own case."""

    user_id: int | None
    seeker: bool


async def _person(session: AsyncSession, user_id: int | None) -> User | None:
    return await users.get(session, user_id) if user_id is not None else None


def _t(localization: Localization, person: User | None, fallback: str | None = None) -> Translator:
    return localization.translator((person.language if person else None) or fallback)


async def _send(session: AsyncSession, bot: Bot, user_id: int | None, screen: Screen) -> bool:
    if user_id is None:
        return False
    call = bot.send_message(user_id, screen.text, reply_markup=screen.markup)
    return await deliver(session, user_id, call) is not None


def _sides(view: MatchView) -> list[_Side]:
    if view.found.source == PersonSource.HOUSEHOLD:
        return [_Side(view.household.user_id if view.household else None, seeker=False)]
    other = view.found_case.user_id if view.found_case else None
    return [_Side(view.case.user_id, seeker=True), _Side(other, seeker=False)]


def _phone(person: User | None, case: Case | None) -> str | None:
    return (case.phone if case else None) or (person.phone if person else None)


def _case_of_side(view: MatchView, seeker: bool) -> Case | None:
    if seeker:
        return view.case
    return view.found_case if view.found.source == PersonSource.MISSING else None


async def after_verify(
    session: AsyncSession, bot: Bot, localization: Localization, view: MatchView
) -> Asked:
    """Starts disclosure for a match just verified: asks whoever must agree."""
    if view.found.source == PersonSource.IMPORTED:
        return Asked.LIST
    reached = True
    for side in _sides(view):
        reached = await _ask(session, bot, localization, view, side) and reached
    if not reached:
        return Asked.NOT_REACHED
    return Asked.FAMILY if view.found.source == PersonSource.HOUSEHOLD else Asked.BOTH


async def _ask(
    session: AsyncSession, bot: Bot, localization: Localization, view: MatchView, side: _Side
) -> bool:
    match_id = view.match.id
    person = await _person(session, side.user_id)
    if person is None or not await matches.set_asked(
        session, match_id, seeker=side.seeker, asked=True
    ):
        return False
    audit.record(
        session,
        "match.consent_asked",
        subject=f"match:{match_id}",
        details={"user": person.id, "side": _side_name(side.seeker)},
    )
    await session.commit()
    case = _case_of_side(view, side.seeker)
    t = _t(localization, person, case.language if case else None)
    phone_known = _phone(person, case) is not None
    if view.found.source == PersonSource.HOUSEHOLD:
        screen = screens.found_question(t, view, phone_known)
    else:
        screen = screens.touch_question(t, view, side.seeker, phone_known)
    if await _send(session, bot, person.id, screen):
        return True
    # The question never reached them: nobody is waiting for an answer that cannot come.
    await matches.set_asked(session, match_id, seeker=side.seeker, asked=False)
    audit.record(session, "match.consent_unreachable", subject=f"match:{match_id}")
    await session.commit()
    return False


def _side_name(seeker: bool) -> str:
    return "seeker" if seeker else "found"


async def answer(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    user: User,
    match_id: int,
    said: ConsentAnswer,
) -> Screen | None:
    """A family's answer to the consent question. Only the family asked may answer, once;
    anything else (a forged button, someone else's question, a second answer) is None and
    changes nothing. Returns what the answering family sees."""
    match = await matches.get(session, match_id)
    view = await reunion.view_of(session, match) if match is not None else None
    side = _side_of(view, user.id) if view is not None else None
    if view is None or side is None or view.match.status != MatchStatus.VERIFIED:
        await _refused(session, user, match_id)
        return None
    phone = _phone(user, _case_of_side(view, side.seeker))
    agreed = said != ConsentAnswer.NO
    shared = agreed and said == ConsentAnswer.WITH_PHONE and phone is not None
    consent = Consent.AGREED if agreed else Consent.REFUSED
    done = await matches.answer(
        session, match_id, seeker=side.seeker, consent=consent, phone_shared=shared, now=utcnow()
    )
    if not done:
        await _refused(session, user, match_id)
        return None
    audit.record(
        session,
        "match.consent",
        actor_id=user.id,
        subject=f"match:{match_id}",
        details={"side": _side_name(side.seeker), "answer": consent.value, "phone": shared},
    )
    await session.commit()
    await session.refresh(view.match)
    await _tell_staff(session, bot, localization, settings, view)
    if view.found.source == PersonSource.HOUSEHOLD:
        return await _household_answered(session, bot, localization, view, user, phone)
    return await _touch_answered(session, bot, localization, view, user, side.seeker)


def _side_of(view: MatchView, user_id: int) -> _Side | None:
    """Which question this person was asked, if any: checked against who the families are
    now, never against anything the button carries."""
    for side in _sides(view):
        if side.user_id is not None and side.user_id == user_id:
            return side
    return None


async def _refused(session: AsyncSession, user: User, match_id: int) -> None:
    audit.record(session, "match.consent_refused", actor_id=user.id, subject=f"match:{match_id}")
    await session.commit()
    logger.info("user %s refused consent on match %s", user.id, match_id)


async def _household_answered(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    view: MatchView,
    family: User,
    phone: str | None,
) -> Screen:
    agreed = view.match.consent == Consent.AGREED
    shared_phone = phone if view.match.found_phone_shared else None
    reporter = await _person(session, view.case.user_id)
    t = _t(localization, reporter, view.case.language)
    if agreed:
        told = screens.reporter_safe(t, view, shared_phone)
    else:
        told = screens.search_goes_on(t, view.case.code, view.case.id)
    await _send(session, bot, view.case.user_id, told)
    _disclosed(session, view, "household", agreed, shared_phone is not None)
    await session.commit()
    return screens.found_answered(_t(localization, family), view, agreed, shared_phone)


async def _touch_answered(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    view: MatchView,
    me: User,
    seeker: bool,
) -> Screen:
    """Two reporters: nothing moves until both answered; then each learns what the other
    agreed to share, or only that the search goes on."""
    match = view.match
    answers = (match.seeker_consent, match.consent)
    if Consent.ASKED in answers or Consent.NOT_ASKED in answers:
        return screens.touch_waiting(_t(localization, me))
    both = answers == (Consent.AGREED, Consent.AGREED)
    other = await _person(session, _reporter(view, not seeker))
    if other is not None:
        told = await _touch_result(session, localization, view, other, not seeker, both)
        await _send(session, bot, other.id, told)
    phones = match.seeker_phone_shared or match.found_phone_shared
    _disclosed(session, view, "reports", both, both and phones)
    await session.commit()
    return await _touch_result(session, localization, view, me, seeker, both)


def _reporter(view: MatchView, seeker: bool) -> int | None:
    """The reporter of the match's own case (`seeker`), or of the other family's report."""
    case = _case_of_side(view, seeker)
    return case.user_id if case else None


async def _touch_result(
    session: AsyncSession,
    localization: Localization,
    view: MatchView,
    person: User,
    seeker: bool,
    both: bool,
) -> Screen:
    match = view.match
    t = _t(localization, person)
    case = _case_of_side(view, seeker)
    mine = match.seeker_consent if seeker else match.consent
    if not both:
        if mine == Consent.REFUSED or case is None:
            return screens.touch_refused(t)
        return screens.search_goes_on(t, case.code, case.id)
    other_case = _case_of_side(view, not seeker)
    other = await _person(session, other_case.user_id if other_case else None)
    other_shared = match.found_phone_shared if seeker else match.seeker_phone_shared
    my_shared = match.seeker_phone_shared if seeker else match.found_phone_shared
    phone = _phone(other, other_case) if other_shared else None
    return screens.touch_agreed(t, view, seeker, phone, my_shared)


def _disclosed(
    session: AsyncSession, view: MatchView, kind: str, shared: bool, phone: bool
) -> None:
    audit.record(
        session,
        "match.disclosed" if shared else "match.withheld",
        subject=f"match:{view.match.id}",
        details={"case": view.case.code, "kind": kind, "phone": phone},
    )


async def _tell_staff(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    view: MatchView,
) -> None:
    """The coordinator who verified hears that a family answered, if they still cover it."""
    coordinator = await _person(session, view.match.decided_by)
    if coordinator is None or not reunion.may_see(coordinator, view.case, settings):
        return
    await _send(
        session, bot, coordinator.id, screens.staff_answered(_t(localization, coordinator), view)
    )


async def record_outcome(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    user: User,
    view: MatchView,
    outcome: str,
) -> MatchRefusal | None:
    """What staff learned reaching a person of an imported list. Agrees: the reporter is told
    the person is safe. Otherwise: once, that the search goes on."""
    match = view.match
    if match.status != MatchStatus.VERIFIED or view.found.source != PersonSource.IMPORTED:
        return MatchRefusal.DECIDED
    before = match.outcome
    if not await matches.set_outcome(session, match.id, outcome, OPEN_OUTCOMES):
        await session.commit()
        await session.refresh(match)
        return MatchRefusal.DECIDED
    audit.record(
        session,
        "match.outcome",
        actor_id=user.id,
        subject=f"match:{match.id}",
        details={"case": view.case.code, "outcome": outcome},
    )
    await session.commit()
    await session.refresh(match)
    reporter = await _person(session, view.case.user_id)
    t = _t(localization, reporter, view.case.language)
    if outcome == "agrees":
        await _send(session, bot, view.case.user_id, screens.reporter_safe_on_list(t, view))
        _disclosed(session, view, "list", True, False)
    elif before is None:
        await _send(
            session, bot, view.case.user_id, screens.search_goes_on(t, view.case.code, view.case.id)
        )
        _disclosed(session, view, "list", False, False)
    await session.commit()
    return None
