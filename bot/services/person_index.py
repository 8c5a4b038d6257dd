"""The person index's one key function, and searches through it.

`index_keys` is the single place where the index learns how to key a person: every writer
(imports, household members, missing reports) and every search goes through it, so that
stored keys and searched keys always come from the same function. It is meant to be the
matcher's blocking keys (bot.matching); until those are wired, it keys a person by the words
of their name as written, folded to lower case, which finds only identical spellings.
After the key function changes, `people.reindex(session, index_keys)` recomputes the stored
keys.
"""

from __future__ import annotations

import re

from sqlalchemy.ext.asyncio import AsyncSession

from storage.repositories import people
from storage.repositories.people import Candidate, PersonFields

WORD = re.compile(r"[^\W\d_]+")
DEFAULT_CANDIDATES = 200


def index_keys(person: PersonFields) -> frozenset[str]:
    """The keys under which `person` is stored and searched for."""
    return frozenset(word.casefold() for word in WORD.findall(person.full_name))


async def candidates_for(
    session: AsyncSession, person: PersonFields, limit: int = DEFAULT_CANDIDATES
) -> list[Candidate]:
    """The people worth comparing with `person`: those sharing the most keys first."""
    return await people.candidates(session, index_keys(person), limit)
