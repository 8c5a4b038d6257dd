"""The case list for admins (`koldo export cases`): one line per case, contacts only if asked.

Without contacts, no column that names, places or reaches a family is even read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case, CaseKind, CaseStatus, Priority


@dataclass(frozen=True, slots=True)
class CaseLine:
    code: str
    kind: CaseKind
    status: CaseStatus
    priority: Priority
    district: str | None
    needs: list[str]
    vulnerabilities: list[str]
    household_size: int | None
    created_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    outcome: str | None
    erased_at: datetime | None
    phone: str | None = None
    village: str | None = None
    details: str | None = None


ANONYMOUS = (
    Case.code,
    Case.kind,
    Case.status,
    Case.priority,
    Case.district,
    Case.needs,
    Case.vulnerabilities,
    Case.household_size,
    Case.created_at,
    Case.first_response_at,
    Case.resolved_at,
    Case.outcome,
    Case.erased_at,
)
CONTACTS = (Case.phone, Case.village, Case.details)


async def case_lines(
    session: AsyncSession,
    since: datetime | None = None,
    until: datetime | None = None,
    *,
    with_contacts: bool = False,
) -> list[CaseLine]:
    """Cases created in [since, until), oldest first."""
    query = select(*ANONYMOUS, *(CONTACTS if with_contacts else ()))
    # In UTC: SQLite compares the stored text, which is UTC.
    if since is not None:
        query = query.where(Case.created_at >= since.astimezone(UTC))
    if until is not None:
        query = query.where(Case.created_at < until.astimezone(UTC))
    rows = await session.execute(query.order_by(Case.created_at, Case.id))
    return [CaseLine(**row._mapping) for row in rows]
