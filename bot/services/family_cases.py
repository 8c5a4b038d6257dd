"""A family's own cases: only ever their own, whatever case id a button carries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case, User
from storage.repositories import cases, queue


async def of_family(session: AsyncSession, user: User) -> Sequence[Case]:
    return await cases.of_user(session, user.id)


async def own_case(session: AsyncSession, user: User, case_id: int) -> Case | None:
    case = await queue.by_id(session, case_id)
    return case if case is not None and case.user_id == user.id else None
