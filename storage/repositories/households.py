"""Households and the people a family said are with them ("we are safe").

A listed member is in the person index as a Person of source HOUSEHOLD with the household's id
and, as its `external_id`, the member's own id (the id "in the household's list"): that is how
a member and their index entry find each other. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, delete, select, update
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
