"""Shelter queries. The nearest search reads a small box of positions through an index."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Shelter, ShelterStatus

# SQLite and asyncpg both limit the parameters of one statement; long id lists go in parts.
IDS_PER_QUERY = 500


@dataclass(frozen=True)
class Position:
    """The little the nearest search needs to rank a shelter, without loading all of it."""

    id: int
    latitude: float
    longitude: float
    has_room: bool


async def positions_in_box(
    session: AsyncSession, min_lat: float, max_lat: float, min_lon: float, max_lon: float
) -> list[Position]:
    """Shelters not closed inside a latitude/longitude box (served by ix_shelters_position)."""
    query = select(
        Shelter.id, Shelter.latitude, Shelter.longitude, Shelter.free_places, Shelter.status
    ).where(
        Shelter.latitude.between(min_lat, max_lat),
        Shelter.longitude.between(min_lon, max_lon),
        Shelter.status != ShelterStatus.CLOSED,
    )
    rows = await session.execute(query)
    return [
        Position(id, lat, lon, status == ShelterStatus.OPEN and free > 0)
        for id, lat, lon, free, status in rows
    ]


async def by_ids(session: AsyncSession, ids: Sequence[int]) -> dict[int, Shelter]:
    found = await session.scalars(select(Shelter).where(Shelter.id.in_(ids)))
    return {shelter.id: shelter for shelter in found}


async def by_id(session: AsyncSession, shelter_id: int) -> Shelter | None:
    return await session.get(Shelter, shelter_id)


async def by_external_ids(session: AsyncSession, external_ids: Sequence[str]) -> dict[str, Shelter]:
    found: dict[str, Shelter] = {}
    for start in range(0, len(external_ids), IDS_PER_QUERY):
        part = external_ids[start : start + IDS_PER_QUERY]
        rows = await session.scalars(select(Shelter).where(Shelter.external_id.in_(part)))
        found.update({shelter.external_id: shelter for shelter in rows})
    return found


async def open_in_district(session: AsyncSession, district: str, limit: int) -> list[Shelter]:
    """Shelters with room first (most room first), then full ones; closed ones are left out."""
    full_last = (Shelter.status == ShelterStatus.FULL) | (Shelter.free_places <= 0)
    query = (
        select(Shelter)
        .where(Shelter.district == district, Shelter.status != ShelterStatus.CLOSED)
        .order_by(full_last, Shelter.free_places.desc(), Shelter.id)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def count_open_in_district(session: AsyncSession, district: str) -> int:
    query = select(func.count()).where(
        Shelter.district == district, Shelter.status != ShelterStatus.CLOSED
    )
    return int(await session.scalar(query) or 0)


async def in_district(
    session: AsyncSession, district: str, offset: int, limit: int
) -> tuple[list[Shelter], int]:
    """A page of every shelter of a district, closed ones too (for staff), and the total."""
    query = (
        select(Shelter)
        .where(Shelter.district == district)
        .order_by(Shelter.external_id)
        .offset(offset)
        .limit(limit)
    )
    total = await session.scalar(select(func.count()).where(Shelter.district == district))
    return list(await session.scalars(query)), int(total or 0)


async def every(session: AsyncSession) -> list[Shelter]:
    return list(
        await session.scalars(select(Shelter).order_by(Shelter.district, Shelter.external_id))
    )


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Shelter)) or 0)
