"""The situation report's figures: counts over anonymous columns only.

Nothing here reads a name, a phone, a village as typed, a message or a family's id: districts,
kinds of need, priorities, statuses and times are what an erased case keeps too, so the report
counts erased cases like the others. "Is this true?" questions (rumour cases) are no aid cases
of a district and are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case, CaseKind, Priority, Shelter, ShelterStatus, User
from storage.repositories.queue import OPEN_STATUSES

AID_KINDS = (CaseKind.NEEDS, CaseKind.MISSING)


@dataclass(frozen=True)
class Unclaimed:
    count: int
    oldest_at: datetime | None  # when the one waiting longest came in


@dataclass(frozen=True)
class ShelterRow:
    district: str
    shelters: int
    capacity: int
    free: int


async def open_case_needs(session: AsyncSession) -> list[tuple[str | None, list[str]]]:
    """The district and the kinds of need of every open aid case."""
    query = select(Case.district, Case.needs).where(
        Case.kind.in_(AID_KINDS), Case.status.in_(OPEN_STATUSES)
    )
    return [(district, list(needs or [])) for district, needs in await session.execute(query)]


async def urgent_unclaimed(session: AsyncSession) -> Unclaimed:
    """Open urgent aid cases that nobody holds (new, or handed back to the queue)."""
    query = select(func.count(), func.min(Case.created_at)).where(
        Case.kind.in_(AID_KINDS),
        Case.status.in_(OPEN_STATUSES),
        Case.priority == Priority.URGENT,
        Case.assignee_id.is_(None),
    )
    # min() keeps the column's type: a UTC datetime on either backend.
    count, oldest = (await session.execute(query)).one()
    return Unclaimed(int(count or 0), oldest)


async def first_responses(
    session: AsyncSession, since: datetime
) -> Sequence[tuple[datetime, datetime | None, bool]]:
    """For each aid case that came in since `since`: when it came in, when a coordinator first
    wrote to its family (None: not yet), and whether it is still open."""
    still_open = Case.status.in_(OPEN_STATUSES)
    query = (
        select(Case.created_at, Case.first_response_at, still_open)
        .where(Case.kind.in_(AID_KINDS), Case.created_at >= since)
        .order_by(Case.created_at)
    )
    return [
        (created, answered, bool(is_open))
        for created, answered, is_open in await session.execute(query)
    ]


async def shelter_room(session: AsyncSession) -> list[ShelterRow]:
    """Per district, the shelters not closed: how many, their places, and the free ones (a
    full shelter has none, whatever its last count said)."""
    free = case((Shelter.status == ShelterStatus.OPEN, Shelter.free_places), else_=0)
    query = (
        select(
            Shelter.district,
            func.count(),
            func.sum(Shelter.capacity),
            func.sum(free),
        )
        .where(Shelter.status != ShelterStatus.CLOSED)
        .group_by(Shelter.district)
    )
    return [
        ShelterRow(district, int(n), int(capacity or 0), int(room or 0))
        for district, n, capacity, room in await session.execute(query)
    ]


async def daily_subscribers(session: AsyncSession) -> list[User]:
    """Staff (never families' data) who asked for the report every day and can be written to;
    whether each is still an admin is the caller's to check."""
    query = select(User).where(User.daily_report.is_(True), User.blocked.is_(False))
    return list(await session.scalars(query.order_by(User.id)))
