"""Missing reports, "we are safe" lists and imported lists put straight into storage, as the
report form, the household list and `koldo people import` do: each then asks for proposals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bot.services import people_files, reunion
from bot.services.codes import new_code
from bot.services.people_files import ImportedPerson
from bot.services.person_index import index_keys
from storage.models import (
    Case,
    CaseKind,
    CaseStatus,
    Household,
    Person,
    PersonMatch,
    PersonSource,
    Priority,
    utcnow,
)
from storage.repositories import people, users
from tests.conftest import Harness
from tests.support.cases import BATKEN
from tests.support.people import Person as Talker


@dataclass(frozen=True)
class Details:
    full_name: str
    sex: str | None = None
    age: int | None = None
    birth_year: int | None = None
    settlement: str | None = None
    phone: str | None = None


async def family(koldo: Harness, language: str = "ky", phone: str | None = None) -> Talker:
    """Someone who started Koldo, agreed, and sees the main menu."""
    person = koldo.person(language_code=language)
    async with koldo.session() as session:
        user = await users.get_or_create(session, person.user.id)
        user.language, user.consent_at, user.phone = language, utcnow(), phone
        await session.commit()
    await person.send("/menu")
    return person


@dataclass(frozen=True)
class Report:
    case: Case
    person: Person
    proposed: int


async def report_missing(
    koldo: Harness,
    reporter: Talker,
    details: Details,
    *,
    relation: str = "son",
    reported_by: str = "Айгүл",
    last_seen_on: date | None = None,
    district: str = BATKEN,
    language: str = "ky",
    phone: str | None = None,
) -> Report:
    """A missing report as the report form makes it: a case of kind missing and its person."""
    async with koldo.session() as session:
        case = Case(
            code=new_code(),
            kind=CaseKind.MISSING,
            user_id=reporter.user.id,
            language=language,
            needs=["missing"],
            priority=Priority.HIGH,
            district=district,
            phone=phone,
        )
        session.add(case)
        await session.flush()
        person = await people.add(
            session, details, index_keys, source=PersonSource.MISSING, case_id=case.id
        )
        person.relation, person.reported_by = relation, reported_by
        person.last_seen_on = last_seen_on
        proposed = await reunion.propose_for(session, [person])
        await session.commit()
    return Report(case, person, proposed)


async def list_as_safe(koldo: Harness, listing: Talker, members: list[Details]) -> int:
    """A family says who is safe with them; returns how many pairs were proposed."""
    async with koldo.session() as session:
        household = Household(user_id=listing.user.id, district=BATKEN, listed_at=utcnow())
        session.add(household)
        await session.flush()
        added = [
            await people.add(
                session, m, index_keys, source=PersonSource.HOUSEHOLD, household_id=household.id
            )
            for m in members
        ]
        proposed = await reunion.propose_for(session, added)
        await session.commit()
    return proposed


async def import_list(koldo: Harness, source: str, rows: list[ImportedPerson]) -> int:
    """A list imported as `koldo people import` does it; returns how many pairs were proposed."""
    async with koldo.session() as session:
        await people_files.apply(session, rows, source)
        proposed = await reunion.propose_for(session, await people.of_list(session, source))
        await session.commit()
    return proposed


def listed(external_id: str, full_name: str, **fields: object) -> ImportedPerson:
    values: dict[str, object] = {
        "sex": None,
        "age": None,
        "birth_year": None,
        "settlement": None,
        "phone": None,
    }
    values.update(fields)
    return ImportedPerson(external_id, full_name, **values)  # type: ignore[arg-type]


async def matches_of(koldo: Harness, case: Case) -> list[PersonMatch]:
    async with koldo.session() as session:
        query = select(PersonMatch).where(PersonMatch.case_id == case.id).order_by(PersonMatch.id)
        return list(await session.scalars(query))


async def the_match(koldo: Harness, case: Case) -> PersonMatch:
    found = await matches_of(koldo, case)
    assert len(found) == 1, found
    return found[0]


async def resolve(koldo: Harness, case: Case) -> None:
    async with koldo.session() as session:
        stored = await session.get(Case, case.id)
        assert stored is not None
        stored.status, stored.resolved_at = CaseStatus.RESOLVED, utcnow()
        await session.commit()


async def hold(koldo: Harness, case: Case, user_id: int) -> None:
    async with koldo.session() as session:
        stored = await session.get(Case, case.id)
        assert stored is not None
        stored.assignee_id, stored.status = user_id, CaseStatus.IN_PROGRESS
        await session.commit()
