"""What the figures for partners are counted from: the anonymous columns of cases only.

Nothing here reads a phone, a village, a position, a text or who a family is: erased cases
keep exactly these columns, so they count as they did before (bot/figures.py counts them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case, CaseKind, CaseStatus, Priority


@dataclass(frozen=True, slots=True)
class AnonymousCase:
    kind: CaseKind
    needs: list[str]
    priority: Priority
    status: CaseStatus
    outcome: str | None
    district: str | None
    household_id: int | None
    household_size: int | None
    created_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None


async def anonymous_cases(
    session: AsyncSession, since: datetime | None = None, until: datetime | None = None
) -> list[AnonymousCase]:
    """Cases created in [since, until), rumour questions left out (they are no needs)."""
    query = select(
        Case.kind,
        Case.needs,
        Case.priority,
        Case.status,
        Case.outcome,
        Case.district,
        Case.household_id,
        Case.household_size,
        Case.created_at,
        Case.first_response_at,
        Case.resolved_at,
    ).where(Case.kind != CaseKind.RUMOUR)
    # In UTC: SQLite compares the stored text, which is UTC.
    if since is not None:
        query = query.where(Case.created_at >= since.astimezone(UTC))
    if until is not None:
        query = query.where(Case.created_at < until.astimezone(UTC))
    rows = await session.execute(query.order_by(Case.created_at, Case.id))
    return [AnonymousCase(*row) for row in rows]
