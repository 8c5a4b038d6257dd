"""Alerts to staff: new cases, batched per poll, urgent cases nobody claimed in time, and
possible matches for missing people (to whoever holds the case, else its coordinators). A new
rumour ("is this true?") goes to the admins and the fact-checkers, in a batch of its own.

A case back in the queue (released, or handed back when its holder lost the role) is announced
again as a new case, and an urgent one raised again (storage/repositories/alerts.py).

The schedule is a table, so a restart loses nothing; `koldo run` polls it. Due alerts are taken
and marked sent in one short transaction (SKIP LOCKED on PostgreSQL), then sent: with several
replicas each alert goes out once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.callbacks import MatchAction, MatchCb
from bot.config import Settings
from bot.i18n import Localization
from bot.keyboards import cases as case_keyboards
from bot.keyboards import reunion as reunion_keyboards
from bot.services import roles
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
        staff = await queue.staff_covering(session, (Role.COORDINATOR, Role.ADMIN))
        admins = await _admins(session, staff, settings)
        new: dict[int, list[Case]] = defaultdict(list)
        rumours: dict[int, list[Case]] = defaultdict(list)
        matched: dict[int, Case] = {}
        sent = 0
        for alert in due:
            case = await queue.by_id(session, alert.case_id)
            if case is None or case.status == CaseStatus.RESOLVED:
                continue
            if alert.kind == AlertKind.NEW_CASE:
                if case.assignee_id is not None:
                    continue  # taken before the poll: nobody needs to hear of it
                if case.kind == CaseKind.RUMOUR:
                    for person in _rumour_staff(case, staff, admins, settings):
                        rumours[person.id].append(case)
                    continue
                for person in staff:
                    if roles.is_coordinator(person) and roles.covers_case(person, case, settings):
                        new[person.id].append(case)
            elif alert.kind == AlertKind.MATCH:
                matched[case.id] = case
            elif case.assignee_id is None:
                sent += await _escalate(session, bot, localization, settings, case, staff, admins)
        for person_id, cases in new.items():
            sent += await _new_cases(session, bot, localization, person_id, cases)
        for person_id, cases in rumours.items():
            sent += await _new_cases(
                session, bot, localization, person_id, cases, "alert-new-rumours"
            )
        if matched:
            sent += await _matches(session, bot, localization, settings, matched, staff, admins)
        return sent


async def _admins(session: AsyncSession, staff: Sequence[User], settings: Settings) -> list[User]:
    found = {person.id: person for person in staff if roles.is_admin(person, settings)}
    for admin_id in settings.admin_ids - found.keys():
        person = await users.get(session, admin_id)
        if person is not None and not person.blocked:
            found[admin_id] = person
    return list(found.values())


def _rumour_staff(
    case: Case, staff: Sequence[User], admins: list[User], settings: Settings
) -> list[User]:
    """Who answers a rumour: the fact-checkers (roles.covers_case) and the admins, once each."""
    checkers = [
        p for p in staff if roles.is_coordinator(p) and roles.covers_case(p, case, settings)
    ]
    return list({person.id: person for person in [*checkers, *admins]}.values())


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
    sent = await deliver(
        session,
        person_id,
        bot.send_message(person_id, text, reply_markup=case_keyboards.to_queue(t)),
    )
    return 0 if sent is None else 1


async def _escalate(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    case: Case,
    staff: Sequence[User],
    admins: list[User],
) -> int:
    covering = [
        p for p in staff if roles.is_coordinator(p) and roles.covers_case(p, case, settings)
    ]
    recipients = {p.id: p for p in [*covering, *admins]}
    minutes = int((utcnow() - case.created_at).total_seconds() // 60)
    sent = 0
    for person in recipients.values():
        t = localization.translator(person.language)
        text = t("alert-escalation", code=case.code, minutes=minutes)
        markup = case_keyboards.open_case(t, case.id)
        if await deliver(
            session, person.id, bot.send_message(person.id, text, reply_markup=markup)
        ):
            sent += 1
    logger.info("case %s escalated to %s people", case.code, sent)
    return sent


async def _matches(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    cases: dict[int, Case],
    staff: Sequence[User],
    admins: list[User],
) -> int:
    """Possible matches still to decide, one message per person for all their cases: to the
    coordinator holding each case if they still cover it, else to the coordinators covering
    it, else to the admins (a match nobody hears of helps nobody)."""
    undecided = await matches.undecided_of_cases(session, list(cases))
    by_person: dict[int, list[tuple[Case, list[int]]]] = defaultdict(list)
    people = {person.id: person for person in [*staff, *admins]}
    for case_id, match_ids in undecided.items():
        case = cases[case_id]
        for person in _match_recipients(case, staff, admins, settings):
            by_person[person.id].append((case, match_ids))
    sent = 0
    for person_id, found in by_person.items():
        t = localization.translator(people[person_id].language)
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
        markup = reunion_keyboards.alert(t, entries)
        if await deliver(
            session, person_id, bot.send_message(person_id, text, reply_markup=markup)
        ):
            sent += 1
    return sent


def _match_recipients(
    case: Case, staff: Sequence[User], admins: list[User], settings: Settings
) -> list[User]:
    holder = next((p for p in staff if p.id == case.assignee_id), None)
    if holder is not None and roles.may_hold(holder, case, settings):
        return [holder]
    covering = [
        p for p in staff if roles.is_coordinator(p) and roles.covers_case(p, case, settings)
    ]
    return covering or admins


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
    while not stop.is_set():
        try:
            await deliver_due(session_factory, bot, localization, settings)
        except Exception as error:  # a database or network hiccup must not end the loop
            logger.error("alert poll failed with %s", type(error).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), settings.alert_poll_seconds)
