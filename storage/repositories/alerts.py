"""Alerts to staff, due at a time; replicas take due ones without sending any twice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Alert, AlertKind, Case, Priority, utcnow


def case_registered(session: AsyncSession, case: Case, escalation_minutes: int) -> None:
    """Schedules the alerts of a new case in the transaction that creates it."""
    now = utcnow()
    schedule(session, AlertKind.NEW_CASE, case.id, now)
    if case.priority == Priority.URGENT:
        schedule(
            session, AlertKind.ESCALATION, case.id, now + timedelta(minutes=escalation_minutes)
        )


async def case_queued_again(session: AsyncSession, case: Case, escalation_minutes: int) -> None:
    """A case back in the queue (released, or its holder lost the role): its coordinators are
    told as for a new case, and an urgent one is raised again in time unless a raise is due."""
    now = utcnow()
    schedule(session, AlertKind.NEW_CASE, case.id, now)
    if case.priority != Priority.URGENT:
        return
    pending_raise = select(Alert.id).where(
        Alert.case_id == case.id, Alert.kind == AlertKind.ESCALATION, Alert.sent_at.is_(None)
    )
    if await session.scalar(pending_raise.limit(1)) is None:
        schedule(
            session, AlertKind.ESCALATION, case.id, now + timedelta(minutes=escalation_minutes)
        )


def schedule(session: AsyncSession, kind: AlertKind, case_id: int, due_at: datetime) -> None:
    session.add(Alert(kind=kind, case_id=case_id, due_at=due_at))


async def take_due(session: AsyncSession, now: datetime, limit: int) -> Sequence[Alert]:
    """Due alerts, marked sent in the caller's transaction. On PostgreSQL rows another replica
    is taking are skipped, not waited for; SQLite has a single writer anyway."""
    query = (
        select(Alert)
        .where(Alert.sent_at.is_(None), Alert.due_at <= now)
        .order_by(Alert.due_at, Alert.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    due = (await session.scalars(query)).all()
    for alert in due:
        alert.sent_at = now
    return due


async def pending(session: AsyncSession) -> Sequence[Alert]:
    return (await session.scalars(select(Alert).where(Alert.sent_at.is_(None)))).all()
