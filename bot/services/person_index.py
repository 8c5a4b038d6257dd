"""The person index's one key function, and searches through it.

`index_keys` is the single place where the index learns how to key a person: every writer
(imports, household members, missing reports) and every search goes through it, so that
stored keys and searched keys always come from the same function: the matcher's blocking keys
(bot.matching.search), short phonetic prefixes of each name word, alike across scripts and
spelling systems. After the key function changes, `people.reindex(session, index_keys)`
recomputes the stored keys.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.matching.records import PersonRecord
from bot.matching.search import blocking_keys
from storage.places import Geography
from storage.repositories import people
from storage.repositories.people import Candidate, PersonFields

DEFAULT_CANDIDATES = 200


def index_keys(person: PersonFields) -> frozenset[str]:
    """The keys under which `person` is stored and searched for."""
    return blocking_keys(record_of(person))


def settlement(geography: Geography, village_code: str | None) -> str | None:
    """A village as the person index keeps it: its Kyrgyz name, the state language's and the
    one local lists (ayil okmotu, shelters) use, whatever the family's language, so that a
    report and a family's list write one village alike. The matcher reads every script."""
    found = geography.village(village_code)
    return found[1].name("ky") if found is not None else None


def record_of(person: PersonFields, record_id: str = "") -> PersonRecord:
    """What the matcher compares of a person of the index (or of a report)."""
    return PersonRecord(
        id=record_id,
        full_name=person.full_name,
        sex=person.sex,
        age=person.age,
        birth_year=person.birth_year,
        settlement=person.settlement,
        phone=person.phone,
    )


async def candidates_for(
    session: AsyncSession, person: PersonFields, limit: int = DEFAULT_CANDIDATES
) -> list[Candidate]:
    """The people worth comparing with `person`: those sharing the most keys first."""
    return await people.candidates(session, index_keys(person), limit)
