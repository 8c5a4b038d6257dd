"""What Koldo holds about one person, read for "what Koldo knows about me" (/mydata).

Every query starts from the person's own id or from ids of rows already found to be theirs:
nothing here reads another family's data. Nothing here writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models import (
    Attachment,
    AuditEntry,
    Author,
    CaseMessage,
    Household,
    Person,
    PersonMatch,
    PersonSource,
)

IDS_PER_QUERY = 500  # well under SQLite's and asyncpg's limits on parameters


def _parts(values: Sequence[object]) -> list[list[object]]:
    return [list(values[i : i + IDS_PER_QUERY]) for i in range(0, len(values), IDS_PER_QUERY)]


async def households_of(session: AsyncSession, user_id: int) -> list[Household]:
    """Every household of the person, with the people they listed in it, oldest first."""
    query = (
        select(Household)
        .options(selectinload(Household.members))
        .where(Household.user_id == user_id)
        .order_by(Household.created_at, Household.id)
    )
    return list(await session.scalars(query))


async def message_counts(
    session: AsyncSession, case_ids: Sequence[int]
) -> dict[int, dict[Author, int]]:
    """How many messages each case keeps, by who wrote them."""
    found: dict[int, dict[Author, int]] = defaultdict(dict)
    for part in _parts(case_ids):
        query = (
            select(CaseMessage.case_id, CaseMessage.author, func.count())
            .where(CaseMessage.case_id.in_(part))
            .group_by(CaseMessage.case_id, CaseMessage.author)
        )
        for case_id, author, count in await session.execute(query):
            found[case_id][Author(author)] = int(count)
    return dict(found)


async def file_counts(session: AsyncSession, case_ids: Sequence[int]) -> dict[int, int]:
    """How many files (photos, voice notes, documents, locations) each case keeps."""
    found: dict[int, int] = {}
    for part in _parts(case_ids):
        query = (
            select(Attachment.case_id, func.count())
            .where(Attachment.case_id.in_(part))
            .group_by(Attachment.case_id)
        )
        found.update({case_id: int(count) for case_id, count in await session.execute(query)})
    return found


async def sought_in(session: AsyncSession, case_ids: Sequence[int]) -> dict[int, Person]:
    """The person each missing report is about, by the report's case id."""
    found: dict[int, Person] = {}
    for part in _parts(case_ids):
        query = (
            select(Person)
            .where(Person.case_id.in_(part), Person.source == PersonSource.MISSING)
            .order_by(Person.id.desc())
        )
        # The first added wins, as storage.repositories.people.sought_in reads it.
        found.update({p.case_id: p for p in await session.scalars(query) if p.case_id})
    return found


async def matches_of_cases(session: AsyncSession, case_ids: Sequence[int]) -> dict[int, int]:
    """The possible matches that showed staff one of these missing reports, either side of
    the pair (a report sought, or found as another family's search): match id -> case id."""
    found: dict[int, int] = {}
    for part in _parts(case_ids):
        sought = select(PersonMatch.id, PersonMatch.case_id).where(PersonMatch.case_id.in_(part))
        for match_id, case_id in await session.execute(sought):
            found[match_id] = case_id
        other = (
            select(PersonMatch.id, Person.case_id)
            .join(Person, Person.id == PersonMatch.found_id)
            .where(Person.case_id.in_(part))
        )
        for match_id, found_case_id in await session.execute(other):
            if found_case_id is not None:
                found.setdefault(match_id, found_case_id)
    return found


async def matches_of_households(
    session: AsyncSession, household_ids: Sequence[int]
) -> dict[int, int]:
    """The possible matches that found someone listed in these households: match id ->
    household id."""
    found: dict[int, int] = {}
    for part in _parts(household_ids):
        query = (
            select(PersonMatch.id, Person.household_id)
            .join(Person, Person.id == PersonMatch.found_id)
            .where(Person.household_id.in_(part))
        )
        for match_id, household_id in await session.execute(query):
            if household_id is not None:
                found[match_id] = household_id
    return found


async def entries_on(
    session: AsyncSession, subjects: Collection[str], actions: Collection[str]
) -> list[AuditEntry]:
    """The audit entries of these actions on these subjects (case codes, "match:ID",
    "rumour:ID"), oldest first."""
    found: list[AuditEntry] = []
    for part in _parts(sorted(subjects)):
        query = (
            select(AuditEntry)
            .where(AuditEntry.subject.in_(part), AuditEntry.action.in_(list(actions)))
            .order_by(AuditEntry.id)
        )
        found += list(await session.scalars(query))
    return sorted(found, key=lambda entry: entry.id)
