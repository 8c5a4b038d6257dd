"""The coordinators' queue and the atomic changes of who holds a case."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Text, and_, cast, false, func, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models import Attachment, Case, CaseMessage, CaseStatus, RelayLink, User

OPEN_STATUSES = (CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FAMILY)


def coverage(
    districts: Sequence[str] | None, need_kinds: Sequence[str] | None
) -> ColumnElement[bool]:
    """Cases in these districts with one of these needs; None means every district or need.

    Needs are a JSON list: matched as text, which works the same on SQLite and PostgreSQL
    (need codes are plain words, so a quoted code can't match part of another)."""
    condition: ColumnElement[bool] = true()
    if districts is not None:
        condition = and_(condition, Case.district.in_(list(districts)) if districts else false())
    if need_kinds:
        as_text = cast(Case.needs, Text)
        condition = and_(condition, or_(*(as_text.contains(f'"{kind}"') for kind in need_kinds)))
    return condition


async def page(
    session: AsyncSession, scope: ColumnElement[bool], offset: int, limit: int
) -> Sequence[Case]:
    """Open cases, urgent first, then the longest waiting."""
    query = (
        select(Case)
        .where(scope, Case.status.in_(OPEN_STATUSES))
        .order_by(Case.priority, Case.created_at, Case.id)
        .offset(offset)
        .limit(limit)
    )
    return (await session.scalars(query)).all()


async def counts(session: AsyncSession, scope: ColumnElement[bool]) -> dict[CaseStatus, int]:
    query = (
        select(Case.status, func.count())
        .where(scope, Case.status.in_(OPEN_STATUSES))
        .group_by(Case.status)
    )
    return {CaseStatus(status): int(n) for status, n in await session.execute(query)}


async def by_id(session: AsyncSession, case_id: int) -> Case | None:
    return await session.get(Case, case_id)


async def claim(session: AsyncSession, case_id: int, user_id: int, now: datetime) -> bool:
    """One conditional UPDATE: of two coordinators pressing at once, exactly one changes the
    row (PostgreSQL re-checks the WHERE after the other's row lock; SQLite has one writer)."""
    result = await session.execute(
        update(Case)
        .where(Case.id == case_id, Case.assignee_id.is_(None), Case.status.in_(OPEN_STATUSES))
        .values(
            assignee_id=user_id,
            status=CaseStatus.IN_PROGRESS,
            claimed_at=func.coalesce(Case.claimed_at, now),
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def change_holder(
    session: AsyncSession, case_id: int, holder: int, new_holder: int | None, now: datetime
) -> bool:
    """Release (None) or hand over, only while `holder` still holds the case."""
    values: dict[str, object] = {"assignee_id": new_holder, "updated_at": now}
    if new_holder is None:
        values["status"] = CaseStatus.NEW
    result = await session.execute(
        update(Case)
        .where(Case.id == case_id, Case.assignee_id == holder, Case.status.in_(OPEN_STATUSES))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def held_by(session: AsyncSession, user_id: int) -> Sequence[Case]:
    """The open cases this person holds."""
    query = select(Case).where(Case.assignee_id == user_id, Case.status.in_(OPEN_STATUSES))
    return (await session.scalars(query.order_by(Case.id))).all()


async def messages_of(session: AsyncSession, case_id: int, limit: int) -> list[CaseMessage]:
    query = (
        select(CaseMessage)
        .options(selectinload(CaseMessage.attachments))
        .where(CaseMessage.case_id == case_id)
        .order_by(CaseMessage.id.desc())
        .limit(limit)
    )
    return list(reversed((await session.scalars(query)).all()))


async def staff_covering(
    session: AsyncSession, roles: Sequence[str], *, blocked_too: bool = False
) -> Sequence[User]:
    """Everyone with one of these roles who has not blocked Koldo (with `blocked_too`, those
    who did as well: whoever must be told that they could not be reached)."""
    query = select(User).where(User.role.in_(list(roles)))
    if not blocked_too:
        query = query.where(User.blocked.is_(False))
    return (await session.scalars(query.order_by(User.id))).all()


async def attachment_count(session: AsyncSession, case_id: int) -> int:
    query = select(func.count()).select_from(Attachment).where(Attachment.case_id == case_id)
    return int(await session.scalar(query) or 0)


async def attachments_of(
    session: AsyncSession, case_id: int, offset: int, limit: int
) -> Sequence[Attachment]:
    """A page of a case's files (from its form and from the chat), oldest first."""
    query = (
        select(Attachment)
        .where(Attachment.case_id == case_id)
        .order_by(Attachment.id)
        .offset(offset)
        .limit(limit)
    )
    return (await session.scalars(query)).all()


def link(session: AsyncSession, chat_id: int, message_id: int, case_id: int) -> None:
    session.add(RelayLink(chat_id=chat_id, message_id=message_id, case_id=case_id))


async def linked_case(session: AsyncSession, chat_id: int, message_id: int) -> Case | None:
    query = (
        select(Case)
        .join(RelayLink, RelayLink.case_id == Case.id)
        .where(RelayLink.chat_id == chat_id, RelayLink.message_id == message_id)
    )
    return await session.scalar(query)
