""" "We are safe": the people a family says are with them, put into the person index so that a
relative's missing report can find them (and the family is asked before anything is told).

Saving is idempotent by content: a person already listed by the family (the same name, sex and
age) is not listed again, so Done pressed twice, or pressed again after a failure, adds nobody
twice.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import ClassVar

from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from bot.matching.records import PersonRecord
from bot.services import person_index, reunion
from bot.services.forms import IncompleteDraftError, PlaceDraft
from bot.services.needs import MAX_HOUSEHOLD_SIZE
from storage.models import Household, HouseholdMember, Person, PersonSource, User, utcnow
from storage.places import Geography
from storage.repositories import audit, households, people

MAX_NAME_LENGTH = 100
MAX_AGE = 120
MAX_PEOPLE = MAX_HOUSEHOLD_SIZE


class Sex(enum.StrEnum):
    MALE = "M"
    FEMALE = "F"


class SafePerson(BaseModel):
    name: str
    sex: Sex
    age: int | None = None  # None: the family does not know
    is_self: bool = False  # the person writing: their own phone may go with them


class SafeDraft(PlaceDraft):
    """The list being made, kept in FSM storage. `agreed_at` is set by the consent step only:
    without it nothing is saved."""

    agreed_at: datetime | None = None
    case_id: int | None = None  # the needs case just sent, when the list began from it
    people: list[SafePerson] = Field(default_factory=list)
    # The person being entered: their name, then their sex; the age completes them.
    name: str | None = None
    sex: Sex | None = None
    # The first person is the one writing, unless they said it is someone else.
    not_me: bool = False
    # Began from the list of people already listed (no consent step to go back to), and how
    # many were listed then: the list never grows past MAX_PEOPLE.
    adding: bool = False
    already: int = 0

    # The agreement and where the list began are no answers: a list without people has none.
    NOT_ANSWERS: ClassVar[frozenset[str]] = PlaceDraft.NOT_ANSWERS | {
        "agreed_at",
        "case_id",
        "not_me",
        "adding",
        "already",
    }

    @property
    def room(self) -> int:
        return max(MAX_PEOPLE - self.already - len(self.people), 0)

    @property
    def asks_for_self(self) -> bool:
        return not self.not_me and not any(person.is_self for person in self.people)


def parse_age(text: str) -> int | None:
    cleaned = text.strip()
    if not cleaned.isdecimal() or len(cleaned) > 3:
        return None
    age = int(cleaned)
    return age if 0 <= age <= MAX_AGE else None


def same_person(a: SafePerson | HouseholdMember, b: SafePerson | HouseholdMember) -> bool:
    return _identity(a) == _identity(b)


def _identity(person: SafePerson | HouseholdMember) -> tuple[str, str | None, int | None]:
    return (" ".join((person.name or "").split()).casefold(), person.sex, person.age)


class NotAgreedError(ValueError):
    """A list without the family's agreement: nobody goes into the index."""


async def has_listing(session: AsyncSession, user_id: int) -> bool:
    return bool(await households.listed_members(session, user_id))


async def listed(session: AsyncSession, user_id: int) -> list[HouseholdMember]:
    return await households.listed_members(session, user_id)


async def owns_needs_case(session: AsyncSession, user: User, case_id: int) -> bool:
    return await households.of_needs_case(session, case_id, user.id) is not None


async def needs_place(session: AsyncSession, user: User, draft: SafeDraft) -> bool:
    """True when Koldo knows no household of the family yet: Done asks where they are."""
    return await _household_for(session, user, draft) is None and not draft.has_place


async def _household_for(session: AsyncSession, user: User, draft: SafeDraft) -> Household | None:
    """The case just sent's household, else the one already listed, else the latest."""
    if draft.case_id is not None:
        found = await households.of_needs_case(session, draft.case_id, user.id)
        if found is not None:
            return found
    return await households.latest_listed(session, user.id) or await households.latest_of_user(
        session, user.id
    )


async def save_list(
    session: AsyncSession, user: User, draft: SafeDraft, geography: Geography
) -> list[Person]:
    """The draft's people listed in the family's household, in the person index, and offered
    to the matcher; committed. Returns the people added (none when all were listed before)."""
    if draft.agreed_at is None:
        raise NotAgreedError("the family has not agreed to be findable")
    household = await _household_for(session, user, draft)
    if household is None:
        if not draft.has_place:
            raise IncompleteDraftError("place")
        household = Household(user_id=user.id, **draft.place_fields())
        session.add(household)
        await session.flush()
    if household.listed_at is None:
        household.listed_at = draft.agreed_at
        audit.record(session, "household.listed", actor_id=user.id, subject=_subject(household))
    known = await households.listed_members(session, user.id)
    added = await _add_new(session, user, household, draft, known, geography)
    if added:
        details = {"people": [person.id for person in added]}
        audit.record(
            session,
            "household.people_added",
            actor_id=user.id,
            subject=_subject(household),
            details=details,
        )
    await reunion.propose_for(session, added)
    await session.commit()
    return added


async def _add_new(
    session: AsyncSession,
    user: User,
    household: Household,
    draft: SafeDraft,
    known: list[HouseholdMember],
    geography: Geography,
) -> list[Person]:
    settlement = person_index.settlement(geography, household.village)
    added: list[Person] = []
    seen: list[SafePerson | HouseholdMember] = [*known]
    for entered in draft.people:
        if any(same_person(entered, other) for other in seen):
            continue
        seen.append(entered)
        member = HouseholdMember(
            household_id=household.id, name=entered.name, sex=entered.sex, age=entered.age
        )
        session.add(member)
        await session.flush()
        phone = user.phone if entered.is_self else None
        entry = PersonRecord(
            id="",
            full_name=entered.name,
            sex=entered.sex.value,
            age=entered.age,
            settlement=settlement,
            phone=phone,
        )
        person = await people.add(
            session,
            entry,
            person_index.index_keys,
            source=PersonSource.HOUSEHOLD,
            household_id=household.id,
            external_id=str(member.id),
        )
        added.append(person)
    return added


async def remove_member(
    session: AsyncSession, user: User, member_id: int
) -> HouseholdMember | None:
    """One listed person gone, with their index entry; None when the member is not one of
    this family's (a stale or forged button). Committed."""
    member = await households.member_of_user(session, member_id, user.id)
    if member is None:
        return None
    await households.delete_members(session, [member])
    audit.record(
        session,
        "household.person_removed",
        actor_id=user.id,
        subject=f"household:{member.household_id}",
    )
    await session.commit()
    return member


async def stop_listing(session: AsyncSession, user: User) -> int:
    """The family no longer findable: everyone they listed leaves the index; their needs cases
    stay. Returns how many people were removed. Committed."""
    removed = await households.unlist(session, user.id)
    audit.record(
        session,
        "household.unlisted",
        actor_id=user.id,
        subject=f"user:{user.id}",
        details={"people": removed},
    )
    await session.commit()
    return removed


def _subject(household: Household) -> str:
    return f"household:{household.id}"


def agreed(draft: SafeDraft) -> SafeDraft:
    """The family said yes to being findable, now."""
    return draft.model_copy(update={"agreed_at": utcnow()})


def with_person(draft: SafeDraft, age: int | None) -> SafeDraft | None:
    """The person being entered, complete with their age, added to the list; None when the
    same person is on it already (the draft is kept as it was)."""
    assert draft.name is not None and draft.sex is not None
    person = SafePerson(name=draft.name, sex=draft.sex, age=age, is_self=draft.asks_for_self)
    if any(same_person(person, other) for other in draft.people):
        return None
    return draft.model_copy(update={"people": [*draft.people, person], "name": None, "sex": None})


def without_person(draft: SafeDraft, index: int) -> SafeDraft | None:
    if not 0 <= index < len(draft.people):
        return None
    people = [p for i, p in enumerate(draft.people) if i != index]
    return draft.model_copy(update={"people": people})
