"""Hotline queries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Hotline, HotlineKind

IDS_PER_QUERY = 500


async def of_kind(session: AsyncSession, kind: HotlineKind) -> list[Hotline]:
    """Real lines before samples, national lines before local ones."""
    query = (
        select(Hotline)
        .where(Hotline.kind == kind)
        .order_by(Hotline.sample, Hotline.district.is_not(None), Hotline.external_id)
    )
    return list(await session.scalars(query))


async def kinds_present(session: AsyncSession) -> set[HotlineKind]:
    return set(await session.scalars(select(Hotline.kind).distinct()))


async def by_external_ids(session: AsyncSession, external_ids: Sequence[str]) -> dict[str, Hotline]:
    found: dict[str, Hotline] = {}
    for start in range(0, len(external_ids), IDS_PER_QUERY):
        part = external_ids[start : start + IDS_PER_QUERY]
        rows = await session.scalars(select(Hotline).where(Hotline.external_id.in_(part)))
        found.update({hotline.external_id: hotline for hotline in rows})
    return found


async def every(session: AsyncSession) -> list[Hotline]:
    return list(await session.scalars(select(Hotline).order_by(Hotline.kind, Hotline.external_id)))


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Hotline)) or 0)
