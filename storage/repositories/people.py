"""The person index: everyone Koldo knows, and the keys that make them a search's candidates.

A person's keys are computed by a key function the caller hands in (the matcher's blocking
keys), so this module knows nothing of names and spellings. Candidates for a search are the
people sharing at least one key with it, found through the index on ``person_keys.key``: the
same query on SQLite and PostgreSQL. Nothing here commits; the caller's transaction holds a
person and their keys together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.models import Person, PersonKey, PersonMatch, PersonSource, utcnow

MAX_KEY = 64  # person_keys.key
IDS_PER_QUERY = 500  # well under SQLite's and asyncpg's limits on parameters
KEYS_PER_INSERT = 2000


class PersonFields(Protocol):
    """What the index keeps of a person, as written; the matcher's records have these too."""

    @property
    def full_name(self) -> str: ...
    @property
    def sex(self) -> str | None: ...
    @property
    def age(self) -> int | None: ...
    @property
    def birth_year(self) -> int | None: ...
    @property
    def settlement(self) -> str | None: ...
    @property
    def phone(self) -> str | None: ...


class ListedPerson(PersonFields, Protocol):
    """A row of an imported list: its fields and the id the list gives it."""

    @property
    def external_id(self) -> str: ...


KeyFunction = Callable[[PersonFields], Iterable[str]]


@dataclass(frozen=True)
class Candidate:
    person: Person
    shared: int  # how many of the search's keys this person has


@dataclass(frozen=True)
class UpsertResult:
    created: int
    updated: int


def person_keys(details: PersonFields, keys: KeyFunction) -> list[str]:
    """The keys to store: each once, none empty, cut to the column's length."""
    return sorted({key[:MAX_KEY] for key in keys(details) if key})


def _search_keys(keys: Iterable[str]) -> list[str]:
    return sorted({key[:MAX_KEY] for key in keys if key})


def _fill(person: Person, details: PersonFields) -> None:
    person.full_name = details.full_name
    person.sex, person.age, person.birth_year = details.sex, details.age, details.birth_year
    person.settlement, person.phone = details.settlement, details.phone


async def add(
    session: AsyncSession,
    details: PersonFields,
    keys: KeyFunction,
    *,
    source: PersonSource,
    household_id: int | None = None,
    case_id: int | None = None,
    source_label: str | None = None,
    external_id: str | None = None,
) -> Person:
    """A new person and their keys, in the caller's transaction."""
    person = Person(
        source=source,
        source_label=source_label,
        external_id=external_id,
        household_id=household_id,
        case_id=case_id,
    )
    _fill(person, details)
    session.add(person)
    await session.flush()
    await _insert_keys(session, {person.id: person_keys(details, keys)})
    return person


async def update(
    session: AsyncSession, person: Person, details: PersonFields, keys: KeyFunction
) -> None:
    """New details for a person; their keys are computed again."""
    _fill(person, details)
    person.updated_at = utcnow()
    await session.flush()
    await _replace_keys(session, {person.id: person_keys(details, keys)})


async def upsert_listed(
    session: AsyncSession, source_label: str, rows: Sequence[ListedPerson], keys: KeyFunction
) -> UpsertResult:
    """The rows of one list, added or updated by the list's own ids, with their keys."""
    existing = await _by_external_ids(session, source_label, [row.external_id for row in rows])
    created: list[tuple[Person, ListedPerson]] = []
    updated: list[tuple[Person, ListedPerson]] = []
    now = utcnow()
    for row in rows:
        person = existing.get(row.external_id)
        if person is None:
            person = Person(
                source=PersonSource.IMPORTED, source_label=source_label, external_id=row.external_id
            )
            session.add(person)
            created.append((person, row))
        else:
            person.updated_at = now
            updated.append((person, row))
        _fill(person, row)
    await session.flush()
    await _replace_keys(session, {p.id: person_keys(row, keys) for p, row in updated})
    await _insert_keys(session, {p.id: person_keys(row, keys) for p, row in created})
    return UpsertResult(len(created), len(updated))


async def _by_external_ids(
    session: AsyncSession, source_label: str, external_ids: Sequence[str]
) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for start in range(0, len(external_ids), IDS_PER_QUERY):
        part = external_ids[start : start + IDS_PER_QUERY]
        query = select(Person).where(
            Person.source_label == source_label, Person.external_id.in_(part)
        )
        found.update({p.external_id: p for p in await session.scalars(query) if p.external_id})
    return found


async def _replace_keys(session: AsyncSession, keys_by_person: dict[int, list[str]]) -> None:
    ids = list(keys_by_person)
    for start in range(0, len(ids), IDS_PER_QUERY):
        part = ids[start : start + IDS_PER_QUERY]
        await session.execute(delete(PersonKey).where(PersonKey.person_id.in_(part)))
    await _insert_keys(session, keys_by_person)


async def _insert_keys(session: AsyncSession, keys_by_person: dict[int, list[str]]) -> None:
    rows = [
        {"person_id": person_id, "key": key}
        for person_id, keys in keys_by_person.items()
        for key in keys
    ]
    for start in range(0, len(rows), KEYS_PER_INSERT):
        await session.execute(insert(PersonKey), rows[start : start + KEYS_PER_INSERT])


async def candidates(session: AsyncSession, keys: Iterable[str], limit: int) -> list[Candidate]:
    """People sharing any of `keys`, those sharing the most first (then the oldest entries),
    at most `limit` of them."""
    wanted = _search_keys(keys)
    if not wanted or limit < 1:
        return []
    shared = func.count().label("shared")
    query = (
        select(PersonKey.person_id, shared)
        .where(PersonKey.key.in_(wanted))
        .group_by(PersonKey.person_id)
        .order_by(shared.desc(), PersonKey.person_id)
        .limit(limit)
    )
    ranked = [(person_id, count) for person_id, count in await session.execute(query)]
    if not ranked:
        return []
    people = await session.scalars(select(Person).where(Person.id.in_([i for i, _ in ranked])))
    by_id = {person.id: person for person in people}
    return [Candidate(by_id[i], count) for i, count in ranked if i in by_id]


async def keys_of(session: AsyncSession, person_id: int) -> list[str]:
    query = select(PersonKey.key).where(PersonKey.person_id == person_id).order_by(PersonKey.key)
    return list(await session.scalars(query))


async def get(session: AsyncSession, person_id: int) -> Person | None:
    return await session.get(Person, person_id)


async def of_list(session: AsyncSession, source_label: str) -> list[Person]:
    query = select(Person).where(Person.source_label == source_label).order_by(Person.id)
    return list(await session.scalars(query))


async def sought_in(session: AsyncSession, case_id: int) -> Person | None:
    """The person a missing report is about (added with the case)."""
    query = (
        select(Person)
        .where(Person.case_id == case_id, Person.source == PersonSource.MISSING)
        .order_by(Person.id)
        .limit(1)
    )
    return await session.scalar(query)


async def reindex(session: AsyncSession, keys: KeyFunction, batch: int = 1000) -> int:
    """Every person's keys computed again, e.g. after the matcher's keys changed; returns how
    many people were indexed. Works in batches, in the caller's transaction."""
    done, after = 0, 0
    while True:
        query = select(Person).where(Person.id > after).order_by(Person.id).limit(batch)
        people = list(await session.scalars(query))
        if not people:
            return done
        await _replace_keys(session, {p.id: person_keys(p, keys) for p in people})
        done, after = done + len(people), people[-1].id


async def delete_people(session: AsyncSession, person_ids: Sequence[int]) -> None:
    """People gone from the index, with their keys and every possible match they were part of
    (the foreign keys cascade too; said here, so that no backend is relied on)."""
    for start in range(0, len(person_ids), IDS_PER_QUERY):
        part = list(person_ids[start : start + IDS_PER_QUERY])
        await session.execute(
            delete(PersonMatch).where(
                or_(PersonMatch.sought_id.in_(part), PersonMatch.found_id.in_(part))
            )
        )
        await session.execute(delete(PersonKey).where(PersonKey.person_id.in_(part)))
        await session.execute(delete(Person).where(Person.id.in_(part)))


async def delete_of_cases(session: AsyncSession, case_ids: Sequence[int]) -> int:
    """Everyone the index knows from these cases (the person a missing report is about), for
    an erasure: the cases stay as anonymous counts, so no foreign key would take them along.
    Returns how many people were removed."""
    return await _delete_where(session, Person.case_id, case_ids)


async def delete_of_households(session: AsyncSession, household_ids: Sequence[int]) -> int:
    """Everyone a family listed in these households ("we are safe"); see `delete_of_cases`."""
    return await _delete_where(session, Person.household_id, household_ids)


async def _delete_where(
    session: AsyncSession, column: InstrumentedAttribute[int | None], ids: Sequence[int]
) -> int:
    found: list[int] = []
    for start in range(0, len(ids), IDS_PER_QUERY):
        part = list(ids[start : start + IDS_PER_QUERY])
        found += await session.scalars(select(Person.id).where(column.in_(part)))
    await delete_people(session, found)
    return len(found)


async def delete_imported(session: AsyncSession, updated_before: datetime) -> int:
    """The rows of imported lists that no import brought again since `updated_before`: the
    retention period of the person index. Returns how many people were removed."""
    query = select(Person.id).where(
        Person.source == PersonSource.IMPORTED, Person.updated_at <= updated_before
    )
    found = list(await session.scalars(query))
    await delete_people(session, found)
    return len(found)
