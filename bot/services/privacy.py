"""Erasing a person's data on request: personal fields go, anonymous counts stay."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from storage.repositories import audit, cases, people, rumours, users

ERASED_OUTCOME = "erased_by_family"


async def erase_user(session: AsyncSession, user_id: int) -> int:
    """Erases everything personal about one person; returns how many cases were anonymized."""
    # First, while their households and cases still name them: the person index forgets
    # everyone they told Koldo about, and whom they were looking for.
    await people.delete_for_user(session, user_id)
    # Their questions leave the rumours they shared with other families: the counts drop, and
    # a later question is never grouped by what they wrote.
    await rumours.forget_user(session, user_id)
    codes = await cases.anonymize_for_user(session, user_id, ERASED_OUTCOME)
    await users.delete_user(session, user_id)
    # The audit keeps that an erasure happened and which anonymous cases it touched, not who.
    audit.record(session, "user.erased", details={"cases": codes})
    await session.commit()
    return len(codes)
