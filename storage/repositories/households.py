"""Households and the people a family said are with them ("we are safe").

A listed member is in the person index as a Person of source HOUSEHOLD with the household's id
and, as its `external_id`, the member's own id (the id "in the household's list"): that is how
a member and their index entry find each other. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Select, delete, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case, CaseKind, Household, HouseholdMember, Person, PersonSource
from storage.repositories import people


async def latest_of_user(session: AsyncSession, user_id: int) -> Household | None:
    query = (
        select(Household)
        .where(Household.user_id == user_id)
        .order_by(Household.created_at.desc(), Household.id.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def latest_listed(session: AsyncSession, user_id: int) -> Household | None:
    query = (
        select(Household)
        .where(Household.user_id == user_id, Household.listed_at.is_not(None))
        .order_by(Household.listed_at.desc(), Household.id.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def of_needs_case(session: AsyncSession, case_id: int, user_id: int) -> Household | None:
    """The household of a needs case, only if the case is this person's own."""
    query = (
        select(Household)
        .join(Case, Case.household_id == Household.id)
        .where(
            Case.id == case_id,
            Case.kind == CaseKind.NEEDS,
            Case.user_id == user_id,
            Household.user_id == user_id,
        )
    )
    return await session.scalar(query)


def _listed_households(user_id: int) -> Select[int]:
    return select(Household.id).where(
        Household.user_id == user_id, Household.listed_at.is_not(None)
    )


async def listed_members(session: AsyncSession, user_id: int) -> list[HouseholdMember]:
    """Everyone a person listed, in every household of theirs, in the order they were added."""
    query = (
        select(HouseholdMember)
        .where(HouseholdMember.household_id.in_(_listed_households(user_id)))
        .order_by(HouseholdMember.id)
    )
    return list(await session.scalars(query))


async def member_of_user(
    session: AsyncSession, member_id: int, user_id: int
) -> HouseholdMember | None:
    query = select(HouseholdMember).where(
        HouseholdMember.id == member_id,
        HouseholdMember.household_id.in_(_listed_households(user_id)),
    )
    return await session.scalar(query)


def _index_entries_of(member_ids: Sequence[int]) -> Select[int]:
    return select(Person.id).where(
        Person.source == PersonSource.HOUSEHOLD,
        Person.external_id.in_([str(member_id) for member_id in member_ids]),
    )


async def index_entry_ids(session: AsyncSession, member_ids: Sequence[int]) -> list[int]:
    """The Person rows of these members."""
    if not member_ids:
        return []
    return list(await session.scalars(_index_entries_of(member_ids)))


async def delete_members(session: AsyncSession, members: Sequence[HouseholdMember]) -> None:
    """Members gone, and with them their entries of the person index and those entries' keys."""
    ids = [member.id for member in members]
    await people.delete_people(session, await index_entry_ids(session, ids))
    await session.execute(delete(HouseholdMember).where(HouseholdMember.id.in_(ids)))


async def unlist(session: AsyncSession, user_id: int) -> int:
    """A person's households no longer findable: members and their index entries gone, the
    households (and the needs cases they belong to) kept. Returns how many people went."""
    members = await listed_members(session, user_id)
    await delete_members(session, members)
    await session.execute(
        update(Household)
        .where(Household.user_id == user_id, Household.listed_at.is_not(None))
        .values(listed_at=None)
    )
    return len(members)


async def of_user(session: AsyncSession, user_id: int) -> list[int]:
    return list(await session.scalars(select(Household.id).where(Household.user_id == user_id)))


async def unneeded(session: AsyncSession, household_ids: Iterable[int]) -> list[int]:
    """Of these households, those whose personal data nothing needs any more: not listed ("we
    are safe", which keeps its own period) and no case still holding personal data (open, or
    resolved too recently) belongs to them."""
    ids = sorted(set(household_ids))
    needed_by_a_case = exists().where(Case.household_id == Household.id, Case.erased_at.is_(None))
    found: list[int] = []
    for start in range(0, len(ids), people.IDS_PER_QUERY):
        part = ids[start : start + people.IDS_PER_QUERY]
        query = select(Household.id).where(
            Household.id.in_(part), Household.listed_at.is_(None), ~needed_by_a_case
        )
        found += await session.scalars(query)
    return found


async def anonymize(session: AsyncSession, household_ids: Sequence[int]) -> None:
    """Households as anonymous counts (district, size): the people listed in them gone, with
    their entries of the person index, and their place and the family's link cleared."""
    ids = list(household_ids)
    await people.delete_of_households(session, ids)
    for start in range(0, len(ids), people.IDS_PER_QUERY):
        part = ids[start : start + people.IDS_PER_QUERY]
        await session.execute(delete(HouseholdMember).where(HouseholdMember.household_id.in_(part)))
        await session.execute(
            update(Household)
            .where(Household.id.in_(part))
            .values(user_id=None, latitude=None, longitude=None, village=None, listed_at=None)
        )


async def withdraw_listed_before(session: AsyncSession, before: datetime) -> list[int]:
    """Listings ("we are safe") agreed to at or before `before` are withdrawn, as a family's "stop"
    does: the people listed and their index entries gone, the households kept. Returns the ids
    of the households withdrawn."""
    query = select(Household.id).where(
        Household.listed_at.is_not(None), Household.listed_at <= before
    )
    ids = list(await session.scalars(query))
    await people.delete_of_households(session, ids)
    for start in range(0, len(ids), people.IDS_PER_QUERY):
        part = ids[start : start + people.IDS_PER_QUERY]
        await session.execute(delete(HouseholdMember).where(HouseholdMember.household_id.in_(part)))
        await session.execute(
            update(Household).where(Household.id.in_(part)).values(listed_at=None)
        )
    return ids
