from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Text, and_, cast, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry, PersonMatch


def record(
    session: AsyncSession,
    action: str,
    *,
    actor_id: int | None = None,
    subject: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Adds an entry to the session; it is written with the caller's transaction."""
    entry = AuditEntry(actor_id=actor_id, action=action, subject=subject, details=details or {})
    session.add(entry)
    return entry


async def forget_person(
    session: AsyncSession, user_id: int, codes: Sequence[str] | None = None
) -> None:
    """After an erasure the audit keeps what happened, not who: this person's entries (every
    one, or those about these cases) lose their actor, and "user:<id>" subjects go too."""
    mine = AuditEntry.actor_id == user_id
    if codes is not None:
        mine = and_(mine, AuditEntry.subject.in_(list(codes)))
    await session.execute(update(AuditEntry).where(mine).values(actor_id=None))
    if codes is None:
        await session.execute(
            update(AuditEntry).where(AuditEntry.subject == f"user:{user_id}").values(subject=None)
        )


async def entries(session: AsyncSession, action: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return list(await session.scalars(query))


async def search(
    session: AsyncSession,
    *,
    actor_id: int | None = None,
    action_prefix: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    subjects: Collection[str] = (),
    mentioning: str | None = None,
) -> list[AuditEntry]:
    """Entries matching every filter given, oldest first. `subjects` and `mentioning` go
    together: an entry about one of the subjects, or whose details name `mentioning` as a
    whole JSON string (a case code in "case" or "cases"); the caller checks which key."""
    query = select(AuditEntry)
    if actor_id is not None:
        query = query.where(AuditEntry.actor_id == actor_id)
    if action_prefix:
        query = query.where(AuditEntry.action.startswith(action_prefix, autoescape=True))
    # In UTC: SQLite compares the stored text, which is UTC.
    if since is not None:
        query = query.where(AuditEntry.at >= since.astimezone(UTC))
    if until is not None:
        query = query.where(AuditEntry.at < until.astimezone(UTC))
    about: list[ColumnElement[bool]] = []
    if subjects:
        about.append(AuditEntry.subject.in_(list(subjects)))
    if mentioning:
        text = cast(AuditEntry.details, Text)
        about.append(text.contains(f'"{mentioning}"', autoescape=True))
    if about:
        query = query.where(or_(*about))
    return list(await session.scalars(query.order_by(AuditEntry.at, AuditEntry.id)))


async def match_subjects(session: AsyncSession, case_id: int) -> list[str]:
    """The subjects ("match:ID") under which the possible matches of a case are audited."""
    query = select(PersonMatch.id).where(PersonMatch.case_id == case_id)
    return [f"match:{match_id}" for match_id in await session.scalars(query)]
