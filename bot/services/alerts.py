"""Alerts to staff: new cases, batched per poll, urgent cases nobody claimed in time, and
possible matches for missing people (to whoever holds the case, else its coordinators). A new
rumour ("is this true?") goes to the admins and the fact-checkers, in a batch of its own.

A case back in the queue (released, or handed back when its holder lost the role) is announced
again as a new case, and an urgent one raised again (storage/repositories/alerts.py); its family
is told that it is back with the coordinators.

An alert that cannot reach a coordinator (they blocked Koldo, never pressed START, or Telegram
refused the message) is not lost with them: the others covering the case and the admins are told,
with who could not be reached and what to ask them to do.

The schedule is a table, so a restart loses nothing; `koldo run` polls it. Due alerts are taken
and marked sent in one short transaction (SKIP LOCKED on PostgreSQL), then sent: with several
replicas each alert goes out once.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from aiogram import Bot
from aiogram.exceptions import ClientDecodeError, TelegramAPIError
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.text_decorations import html_decoration
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.callbacks import MatchAction, MatchCb
from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.keyboards import cases as case_keyboards
from bot.keyboards import reunion as reunion_keyboards
from bot.screens import staff as staff_screens
from bot.services import polling, roles
from bot.services.delivery import deliver
from storage.models import AlertKind, Case, CaseKind, CaseStatus, Role, User, utcnow
from storage.repositories import alerts, matches, queue, users

logger = logging.getLogger("koldo.alerts")
BATCH = 200


async def deliver_due(
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    localization: Localization,
    settings: Settings,
    now: datetime | None = None,
) -> int:
    """Sends every alert due by `now`; returns how many messages went out."""
    async with session_factory() as session:
        due = await alerts.take_due(session, now or utcnow(), BATCH)
        if not due:
            return 0
        await session.commit()
        # Everyone with a role, those who blocked Koldo too: a case they cover must not be lost
        # with them (see _fall_back).
        everyone = await queue.staff_covering(
            session, (Role.COORDINATOR, Role.ADMIN), blocked_too=True
        )
        staff = [person for person in everyone if not person.blocked]
        admins = await _admins(session, staff, settings)
        new: dict[int, dict[int, Case]] = defaultdict(dict)
        missed: dict[int, dict[int, Case]] = defaultdict(dict)
        rumours: dict[int, list[Case]] = defaultdict(list)
        matched: dict[int, Case] = {}
        returned: dict[int, Case] = {}
        sent = 0
        for alert in due:
            case = await queue.by_id(session, alert.case_id)
            if case is None or case.status == CaseStatus.RESOLVED:
                continue
            if alert.kind == AlertKind.NEW_CASE:
                if case.assignee_id is not None:
                    continue  # taken before the poll: nobody needs to hear of it
                if case.kind == CaseKind.RUMOUR:
                    for person in _covering_and_admins(case, staff, admins, settings):
                        rumours[person.id].append(case)
                    continue
                if case.claimed_at is not None:
                    returned[case.id] = case  # claimed once, back in the queue now
                for person in _covering(case, everyone, settings):
                    (missed if person.blocked else new)[person.id][case.id] = case
            elif alert.kind == AlertKind.MATCH:
                matched[case.id] = case
            elif case.assignee_id is None:
                sent += await _escalate(session, bot, localization, settings, case, staff, admins)
        for person_id, by_id in new.items():
            if await _new_cases(session, bot, localization, person_id, list(by_id.values())):
                sent += 1
            else:
                missed[person_id].update(by_id)
        for person_id, cases in rumours.items():
            sent += await _new_cases(
                session, bot, localization, person_id, cases, "alert-new-rumours"
            )
        if missed:
            sent += await _fall_back(session, bot, localization, settings, missed, everyone, admins)
        if matched:
            sent += await _matches(session, bot, localization, settings, matched, everyone, admins)
        for case in returned.values():
            sent += await _tell_family_returned(session, bot, localization, case)
        return sent


def _covering(case: Case, people: Sequence[User], settings: Settings) -> list[User]:
    """The coordinators among `people` who cover the case."""
    return [p for p in people if roles.is_coordinator(p) and roles.covers_case(p, case, settings)]


async def _send(
    session: AsyncSession, bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup
) -> bool:
    """Whether the message reached the person. Any failure Telegram gives (after the session's
    own retries) counts as not reached, so that someone else is told instead; a 403 also marks
    the person blocked (bot/services/delivery.py)."""
    try:
        call = bot.send_message(chat_id, text, reply_markup=markup)
        return await deliver(session, chat_id, call) is not None
    except (TelegramAPIError, ClientDecodeError) as error:
        logger.warning("alert to %s not sent: %s", chat_id, type(error).__name__)
        return False


async def _admins(session: AsyncSession, staff: Sequence[User], settings: Settings) -> list[User]:
    found = {person.id: person for person in staff if roles.is_admin(person, settings)}
    for admin_id in settings.admin_ids - found.keys():
        person = await users.get(session, admin_id)
        if person is not None and not person.blocked:
            found[admin_id] = person
    return list(found.values())


def _covering_and_admins(
    case: Case, staff: Sequence[User], admins: list[User], settings: Settings
) -> list[User]:
    """The coordinators among `staff` who cover the case (of a rumour: the fact-checkers,
    roles.covers_case), and the admins, once each."""
    return list({p.id: p for p in [*_covering(case, staff, settings), *admins]}.values())


async def _new_cases(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    person_id: int,
    cases: list[Case],
    message_id: str = "alert-new-cases",
) -> int:
    person = await users.get(session, person_id)
    t = localization.translator(person.language if person else None)
    codes = ", ".join(case.code for case in cases)
    text = t(message_id, count=len(cases), codes=codes)
    return int(await _send(session, bot, person_id, text, case_keyboards.to_queue(t)))


def _unreached_lines(t: Translator, missed: dict[int, list[Case]], people: dict[int, User]) -> str:
    """Who could not be reached about which cases, and what to ask them to do. Their id and
    their name as Telegram gave it: nothing about the families."""
    lines = []
    for person_id, cases in missed.items():
        person = people.get(person_id)
        reach = roles.unreachable(person) or roles.Reach.FAILED
        lines.append(
            t(
                "alert-unreached",
                id=str(person_id),
                name=html_decoration.quote(staff_screens.person_name(t, person)),
                codes=", ".join(case.code for case in cases),
                reason=staff_screens.reach_words(t, reach),
            )
        )
    return "\n".join(lines)


def _fallback_recipients(
    case: Case,
    missed_ids: set[int],
    everyone: Sequence[User],
    admins: list[User],
    settings: Settings,
) -> list[User]:
    """Who is told of a case someone could not be told of: the other coordinators covering it
    who can be reached, and the admins; never one of those who could not be reached."""
    reachable = [p for p in everyone if not p.blocked]
    found = _covering_and_admins(case, reachable, admins, settings)
    return [p for p in found if p.id not in missed_ids]


async def _fall_back(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    missed: dict[int, dict[int, Case]],
    everyone: Sequence[User],
    admins: list[User],
) -> int:
    """New cases a covering coordinator could not be told of (they blocked Koldo, never
    pressed START, or Telegram refused the message) reach the others covering each case and
    the admins, one message each, saying who could not be reached about which cases."""
    people = {p.id: p for p in [*everyone, *admins]}
    missed_ids = set(missed)
    tell: dict[int, dict[int, list[Case]]] = defaultdict(lambda: defaultdict(list))
    for missed_id, by_id in missed.items():
        for case in by_id.values():
            for person in _fallback_recipients(case, missed_ids, everyone, admins, settings):
                tell[person.id][missed_id].append(case)
    sent = 0
    for person_id, lines in tell.items():
        t = localization.translator(people[person_id].language)
        text = _unreached_lines(t, lines, people)
        if await _send(session, bot, person_id, text, case_keyboards.to_queue(t)):
            sent += 1
    logger.info("%s staff could not be told of new cases; %s others told", len(missed), sent)
    return sent


async def _tell_family_returned(
    session: AsyncSession, bot: Bot, localization: Localization, case: Case
) -> int:
    """A family whose case went back to the queue (released, handed back when its holder lost
    the role) is told so in its own language, once the case is still waiting at the poll."""
    if case.user_id is None:
        return 0
    family = await users.get(session, case.user_id)
    t = localization.translator((family.language if family else None) or case.language)
    text = t("family-case-back-in-queue", code=case.code)
    return int(
        await _send(session, bot, case.user_id, text, case_keyboards.family_case(t, case.id))
    )


async def _escalate(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    case: Case,
    staff: Sequence[User],
    admins: list[User],
) -> int:
    minutes = int((utcnow() - case.created_at).total_seconds() // 60)
    sent = 0
    for person in _covering_and_admins(case, staff, admins, settings):
        t = localization.translator(person.language)
        text = t("alert-escalation", code=case.code, minutes=minutes)
        if await _send(session, bot, person.id, text, case_keyboards.open_case(t, case.id)):
            sent += 1
    logger.info("case %s escalated to %s people", case.code, sent)
    return sent


async def _matches(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    cases: dict[int, Case],
    everyone: Sequence[User],
    admins: list[User],
) -> int:
    """Possible matches still to decide, one message per person for all their cases: to the
    coordinator holding each case if they still cover it, else to the coordinators covering
    it, else to the admins (a match nobody hears of helps nobody). When one of them cannot be
    reached, the others covering the case and the admins are told, with who was not."""
    undecided = await matches.undecided_of_cases(session, list(cases))
    people = {person.id: person for person in [*everyone, *admins]}
    by_person: dict[int, list[tuple[Case, list[int]]]] = defaultdict(list)
    missed: dict[int, set[int]] = defaultdict(set)  # case id -> who was not reached
    for case_id, match_ids in undecided.items():
        case = cases[case_id]
        for person in _match_recipients(case, everyone, admins, settings):
            if person.blocked:
                missed[case_id].add(person.id)
            else:
                by_person[person.id].append((case, match_ids))
    sent = 0
    for person_id, found in by_person.items():
        t = localization.translator(people[person_id].language)
        if await _send_matches(session, bot, t, person_id, found):
            sent += 1
        else:
            for case, _ in found:
                missed[case.id].add(person_id)
    fallback: dict[int, list[tuple[Case, list[int]]]] = defaultdict(list)
    notes: dict[int, dict[int, list[Case]]] = defaultdict(lambda: defaultdict(list))
    for case_id, missed_ids in missed.items():
        case = cases[case_id]
        for person in _fallback_recipients(case, missed_ids, everyone, admins, settings):
            fallback[person.id].append((case, undecided[case_id]))
            for missed_id in sorted(missed_ids):
                notes[person.id][missed_id].append(case)
    for person_id, found in fallback.items():
        t = localization.translator(people[person_id].language)
        note = _unreached_lines(t, notes[person_id], people)
        if await _send_matches(session, bot, t, person_id, found, note):
            sent += 1
    return sent


async def _send_matches(
    session: AsyncSession,
    bot: Bot,
    t: Translator,
    person_id: int,
    found: list[tuple[Case, list[int]]],
    note: str = "",
) -> bool:
    entries = [
        (
            t("btn-alert-match", code=case.code, count=len(ids)),
            MatchCb(action=MatchAction.OPEN, match=ids[0])
            if len(ids) == 1
            else MatchCb(action=MatchAction.LIST, case=case.id),
        )
        for case, ids in found
    ]
    count = sum(len(ids) for _, ids in found)
    text = t("alert-matches", count=count, codes=", ".join(case.code for case, _ in found))
    text = f"{text}\n\n{note}" if note else text
    return await _send(session, bot, person_id, text, reunion_keyboards.alert(t, entries))


def _match_recipients(
    case: Case, everyone: Sequence[User], admins: list[User], settings: Settings
) -> list[User]:
    """The holder if they may still hold the case, else its coordinators, else the admins;
    those who blocked Koldo included, so that someone is told they could not be reached."""
    holder = next((p for p in everyone if p.id == case.assignee_id), None)
    if holder is not None and roles.may_hold(holder, case, settings):
        return [holder]
    return _covering(case, everyone, settings) or admins


async def run_until(
    stop: asyncio.Event,
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    localization: Localization,
    settings: Settings,
) -> None:
    """The background task of `koldo run`, polling every `alert_poll_seconds` until `stop` is
    set. A poll under way when it is set is finished: what it took from the table is sent (a
    poll cancelled half-way would leave alerts marked sent that nobody received). A failed poll
    is logged and tried again."""
    await polling.every(
        settings.alert_poll_seconds,
        stop,
        lambda: deliver_due(session_factory, bot, localization, settings),
        "alert poll",
    )
