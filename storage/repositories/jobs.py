"""Periodic jobs shared by replicas: one of them claims each run."""

from __future__ import annotations

import contextlib
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import JobRun


async def claim(session: AsyncSession, name: str, *, due_before: datetime, now: datetime) -> bool:
    """Claims a run of job `name` unless one was claimed at or after `due_before`.

    The conditional UPDATE lets exactly one replica win a run; the caller commits. The row is
    made on the first claim (a replica that loses that race just finds it made)."""
    if await session.scalar(select(JobRun.name).where(JobRun.name == name)) is None:
        # Another replica may make it at the same moment: its row is as good as ours.
        with contextlib.suppress(IntegrityError):
            async with session.begin_nested():
                session.add(JobRun(name=name, ran_at=None))
    result = await session.execute(
        update(JobRun)
        .where(JobRun.name == name, or_(JobRun.ran_at.is_(None), JobRun.ran_at < due_before))
        .values(ran_at=now)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def last_run(session: AsyncSession, name: str) -> datetime | None:
    return await session.scalar(select(JobRun.ran_at).where(JobRun.name == name))
