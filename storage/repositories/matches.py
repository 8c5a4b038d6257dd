"""Possible matches between missing people and the person index, and the changes made to them.

Every decision is one conditional UPDATE on the state the decider saw: of two presses at once
(two coordinators, or a button pressed twice) exactly one changes the row. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Update, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models import (
    Case,
    CaseKind,
    CaseStatus,
    Consent,
    Household,
    MatchStatus,
    Person,
    PersonMatch,
    PersonSource,
)

IDS_PER_QUERY = 500
UNDECIDED = (MatchStatus.PROPOSED, MatchStatus.UNSURE)


@dataclass(frozen=True)
class Owner:
    """Who brought a person into the index, and whether their missing report is still open."""

    user_id: int | None  # the reporter of a missing report, the family of a household member
    open_report: bool  # a missing report whose case is not resolved


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), IDS_PER_QUERY):
        yield list(ids[start : start + IDS_PER_QUERY])


async def open_missing_people(session: AsyncSession) -> list[Person]:
    """Everyone a missing case still open is about."""
    query = (
        select(Person)
        .join(Case, Case.id == Person.case_id)
        .where(
            Person.source == PersonSource.MISSING,
            Case.kind == CaseKind.MISSING,
            Case.status != CaseStatus.RESOLVED,
        )
        .order_by(Person.id)
    )
    return list(await session.scalars(query))


async def owners(session: AsyncSession, person_ids: Sequence[int]) -> dict[int, Owner]:
    """For each person: the user behind their report or household, and an open report."""
    found: dict[int, Owner] = {}
    for part in _chunks(list(person_ids)):
        query = (
            select(Person.id, Person.source, Case.user_id, Case.status, Household.user_id)
            .join(Case, Case.id == Person.case_id, isouter=True)
            .join(Household, Household.id == Person.household_id, isouter=True)
            .where(Person.id.in_(part))
        )
        for person_id, source, case_user, status, household_user in await session.execute(query):
            open_report = source == PersonSource.MISSING and status not in (
                None,
                CaseStatus.RESOLVED,
            )
            found[person_id] = Owner(case_user or household_user, open_report)
    return found


async def pairs_involving(session: AsyncSession, person_ids: Sequence[int]) -> set[frozenset[int]]:
    """Every pair already proposed (whatever became of it) that has one of these people."""
    pairs: set[frozenset[int]] = set()
    for part in _chunks(list(person_ids)):
        query = select(PersonMatch.sought_id, PersonMatch.found_id).where(
            or_(PersonMatch.sought_id.in_(part), PersonMatch.found_id.in_(part))
        )
        pairs.update(frozenset(pair) for pair in await session.execute(query))
    return pairs


async def add(
    session: AsyncSession,
    case_id: int,
    sought_id: int,
    found_id: int,
    score: float,
    reasons: Sequence[str],
) -> PersonMatch:
    match = PersonMatch(
        case_id=case_id,
        sought_id=sought_id,
        found_id=found_id,
        score=score,
        reasons=list(reasons),
    )
    session.add(match)
    await session.flush()
    return match


async def get(session: AsyncSession, match_id: int) -> PersonMatch | None:
    """A match with both people, read as the database has it now."""
    query = (
        select(PersonMatch)
        .options(selectinload(PersonMatch.sought), selectinload(PersonMatch.found))
        .where(PersonMatch.id == match_id)
        .execution_options(populate_existing=True)
    )
    return await session.scalar(query)


async def of_case(session: AsyncSession, case_id: int) -> list[PersonMatch]:
    """The matches of a case still worth a coordinator's eyes (not rejected): undecided first,
    then the best."""
    query = (
        select(PersonMatch)
        .options(selectinload(PersonMatch.found))
        .where(PersonMatch.case_id == case_id, PersonMatch.status != MatchStatus.REJECTED)
        .order_by(PersonMatch.status.in_(UNDECIDED).desc(), PersonMatch.score.desc())
    )
    return list(await session.scalars(query))


async def count_of_case(session: AsyncSession, case_id: int) -> int:
    query = select(func.count()).where(
        PersonMatch.case_id == case_id, PersonMatch.status != MatchStatus.REJECTED
    )
    return int(await session.scalar(query) or 0)


async def undecided_of_cases(
    session: AsyncSession, case_ids: Sequence[int]
) -> dict[int, list[int]]:
    """Case id -> the ids of its matches nobody has decided yet, best first."""
    found: dict[int, list[int]] = {}
    for part in _chunks(list(case_ids)):
        query = (
            select(PersonMatch.case_id, PersonMatch.id)
            .where(PersonMatch.case_id.in_(part), PersonMatch.status.in_(UNDECIDED))
            .order_by(PersonMatch.score.desc(), PersonMatch.id)
        )
        for case_id, match_id in await session.execute(query):
            found.setdefault(case_id, []).append(match_id)
    return found


async def _changed(session: AsyncSession, statement: Update) -> bool:
    result = await session.execute(statement.execution_options(synchronize_session=False))
    return bool(getattr(result, "rowcount", 0) == 1)


async def decide(
    session: AsyncSession,
    match_id: int,
    status: MatchStatus,
    user_id: int,
    now: datetime,
    reject_reason: str | None = None,
) -> bool:
    """A coordinator's word, only while nobody has given a final one (not sure stays open)."""
    return await _changed(
        session,
        update(PersonMatch)
        .where(PersonMatch.id == match_id, PersonMatch.status.in_(UNDECIDED))
        .values(status=status, decided_by=user_id, decided_at=now, reject_reason=reject_reason),
    )


async def set_asked(session: AsyncSession, match_id: int, *, seeker: bool, asked: bool) -> bool:
    """Marks one side asked (or, when the question never reached them, not asked)."""
    column = PersonMatch.seeker_consent if seeker else PersonMatch.consent
    before, after = (
        (Consent.NOT_ASKED, Consent.ASKED) if asked else (Consent.ASKED, Consent.NOT_ASKED)
    )
    return await _changed(
        session,
        update(PersonMatch)
        .where(
            PersonMatch.id == match_id, PersonMatch.status == MatchStatus.VERIFIED, column == before
        )
        .values({column: after}),
    )


async def answer(
    session: AsyncSession,
    match_id: int,
    *,
    seeker: bool,
    consent: Consent,
    phone_shared: bool,
    now: datetime,
) -> bool:
    """One side's answer, once, and only to a question asked of a verified match."""
    if seeker:
        column, phone = PersonMatch.seeker_consent, PersonMatch.seeker_phone_shared
        values: dict[object, object] = {column: consent, phone: phone_shared}
    else:
        column, phone = PersonMatch.consent, PersonMatch.found_phone_shared
        values = {column: consent, phone: phone_shared, PersonMatch.consent_at: now}
    return await _changed(
        session,
        update(PersonMatch)
        .where(
            PersonMatch.id == match_id,
            PersonMatch.status == MatchStatus.VERIFIED,
            column == Consent.ASKED,
        )
        .values(values),
    )


async def set_outcome(
    session: AsyncSession, match_id: int, outcome: str, open_outcomes: Sequence[str | None]
) -> bool:
    """What staff learned reaching a person of an imported list; while it is still open."""
    allowed = [o for o in open_outcomes if o is not None]
    condition: ColumnElement[bool] = PersonMatch.outcome.is_(None)
    if allowed:
        condition = or_(condition, PersonMatch.outcome.in_(allowed))
    return await _changed(
        session,
        update(PersonMatch)
        .where(PersonMatch.id == match_id, PersonMatch.status == MatchStatus.VERIFIED, condition)
        .values(outcome=outcome),
    )
