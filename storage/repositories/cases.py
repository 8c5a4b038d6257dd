from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Attachment,
    Case,
    CaseKind,
    CaseMessage,
    CaseStatus,
    RelayLink,
)
from storage.repositories import people

IDS_PER_QUERY = 500  # well under SQLite's and asyncpg's limits on parameters


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


@dataclass(frozen=True)
class ErasedCase:
    """A case whose personal data was just erased, as the erasure reports it."""

    id: int
    code: str
    kind: CaseKind
    household_id: int | None


async def owners(session: AsyncSession, case_ids: Sequence[int]) -> list[tuple[int, str]]:
    """(family's user id, code) of those of these cases that still have a family."""
    rows = await session.execute(
        select(Case.user_id, Case.code).where(
            Case.id.in_(list(case_ids)), Case.user_id.is_not(None)
        )
    )
    return [(user_id, code) for user_id, code in rows if user_id is not None]


async def anonymize(
    session: AsyncSession,
    case_ids: Sequence[int],
    now: datetime,
    *,
    close_as: str | None = None,
    resolved_before: datetime | None = None,
) -> list[ErasedCase]:
    """Strips everything personal from these cases and keeps the anonymous counts (kind,
    needs, vulnerabilities, household size, district, language, priority, status, outcome,
    dates): the phone, details, village and position go, the link to the family, their
    messages and files, the links of messages in chats to them, the person index's entries of
    them (a missing report's person, with the possible matches of that person), and a
    question's place among other families' ("is this true?": it no longer counts, and nothing
    of it groups a later question). Their households are the caller's (`households.unneeded`).

    `close_as`: an open case among them is resolved first, with this outcome (a family's
    /erase). `resolved_before`: only cases still resolved before then and not erased yet are
    touched, checked in the same UPDATE (the retention period: a case reopened meanwhile is
    not). Nothing here commits."""
    erased: list[ErasedCase] = []
    ids = list(case_ids)
    for start in range(0, len(ids), IDS_PER_QUERY):
        part = ids[start : start + IDS_PER_QUERY]
        if close_as is not None:
            await session.execute(
                update(Case)
                .where(Case.id.in_(part), Case.status != CaseStatus.RESOLVED)
                .values(status=CaseStatus.RESOLVED, outcome=close_as, resolved_at=now)
            )
        query = update(Case).where(Case.id.in_(part))
        if resolved_before is not None:
            query = query.where(
                Case.status == CaseStatus.RESOLVED,
                Case.resolved_at <= resolved_before,
                Case.erased_at.is_(None),
            )
        query = query.values(
            user_id=None,
            phone=None,
            details=None,
            latitude=None,
            longitude=None,
            village=None,
            rumour_id=None,
            forward_key=None,
            updated_at=now,
            erased_at=now,
        ).returning(Case.id, Case.code, Case.kind, Case.household_id)
        rows = (await session.execute(query)).all()
        erased += [ErasedCase(row.id, row.code, row.kind, row.household_id) for row in rows]
        done = [row.id for row in rows]
        await people.delete_of_cases(session, done)
        await session.execute(delete(Attachment).where(Attachment.case_id.in_(done)))
        await session.execute(delete(CaseMessage).where(CaseMessage.case_id.in_(done)))
        await session.execute(delete(RelayLink).where(RelayLink.case_id.in_(done)))
    return sorted(erased, key=lambda case: case.code)


async def resolved_before(session: AsyncSession, before: datetime, *, missing: bool) -> list[int]:
    """The cases resolved at or before `before` whose personal data is still kept: missing reports
    (`missing`), or every other kind (requests for help, "is this true?" questions)."""
    kind = Case.kind == CaseKind.MISSING if missing else Case.kind != CaseKind.MISSING
    query = select(Case.id).where(
        kind,
        Case.status == CaseStatus.RESOLVED,
        Case.resolved_at <= before,
        Case.erased_at.is_(None),
    )
    return list(await session.scalars(query.order_by(Case.id)))
