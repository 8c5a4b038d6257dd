from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Attachment,
    Case,
    CaseMessage,
    CaseStatus,
    Household,
    HouseholdMember,
    utcnow,
)


async def code_taken(session: AsyncSession, code: str) -> bool:
    return bool(await session.scalar(select(exists().where(Case.code == code))))


async def by_code(session: AsyncSession, code: str) -> Case | None:
    return await session.scalar(select(Case).where(Case.code == code))


async def of_user(session: AsyncSession, user_id: int) -> Sequence[Case]:
    query = select(Case).where(Case.user_id == user_id).order_by(Case.created_at.desc())
    return (await session.scalars(query)).all()


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Case)) or 0)


async def attachments_of(session: AsyncSession, case_id: int) -> Sequence[Attachment]:
    query = select(Attachment).where(Attachment.case_id == case_id).order_by(Attachment.id)
    return (await session.scalars(query)).all()


async def anonymize_for_user(session: AsyncSession, user_id: int, outcome: str) -> list[str]:
    """Strips everything personal from a person's cases; keeps the anonymous counts."""
    codes = list(await session.scalars(select(Case.code).where(Case.user_id == user_id)))
    case_ids = select(Case.id).where(Case.user_id == user_id).scalar_subquery()
    await session.execute(delete(Attachment).where(Attachment.case_id.in_(case_ids)))
    await session.execute(delete(CaseMessage).where(CaseMessage.case_id.in_(case_ids)))
    now = utcnow()
    await session.execute(
        update(Case)
        .where(Case.user_id == user_id, Case.status != CaseStatus.RESOLVED)
        .values(status=CaseStatus.RESOLVED, outcome=outcome, resolved_at=now)
    )
    await session.execute(
        update(Case)
        .where(Case.user_id == user_id)
        .values(
            user_id=None,
            phone=None,
            details=None,
            latitude=None,
            longitude=None,
            village=None,
            updated_at=now,
            erased_at=now,
        )
    )
    household_ids = select(Household.id).where(Household.user_id == user_id).scalar_subquery()
    await session.execute(
        delete(HouseholdMember).where(HouseholdMember.household_id.in_(household_ids))
    )
    await session.execute(
        update(Household)
        .where(Household.user_id == user_id)
        .values(user_id=None, latitude=None, longitude=None, village=None)
    )
    return codes
