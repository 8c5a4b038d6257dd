"""A form sent once makes one case, however often it is sent.

Every form (needs, a missing relative) carries a submission key, made when the form starts and
kept with its draft. The case stores it, unique: a second Send after any failure (the reply
lost, Redis down after the commit, two replicas racing) finds the case already made.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case


async def case_for(session: AsyncSession, key: uuid.UUID) -> Case | None:
    return await session.scalar(select(Case).where(Case.submission_key == key))


async def add_once(
    session: AsyncSession,
    key: uuid.UUID,
    build: Callable[[], Awaitable[Case]],
    created: Callable[[Case], None],
) -> Case:
    """The case sent with `key`: the one already stored, or the one `build` makes, added now.

    `created` adds what belongs to a new case only (audit, alerts), in the same savepoint as
    the case. A concurrent insert of the same key loses on the unique index, on PostgreSQL and
    SQLite alike: its savepoint is rolled back, the session stays usable, and the winner's case
    is returned. The caller commits.
    """
    existing = await case_for(session, key)
    if existing is not None:
        return existing
    case = await build()
    case.submission_key = key
    try:
        async with session.begin_nested():
            session.add(case)
            await session.flush()
            created(case)
            await session.flush()
    except IntegrityError:
        existing = await case_for(session, key)
        if existing is None:  # another constraint: a real error
            raise
        return existing
    return case
