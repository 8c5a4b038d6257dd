"""Shelters and staff put straight into the database, for tests that start from known data."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from storage.models import Role, Shelter, ShelterStatus, User, utcnow
from storage.repositories import users
from tests.conftest import Harness

_ids = itertools.count(1)
# Kok-Tash, Batken district: the family of these tests stands here.
ORIGIN = (39.9497, 70.5358)
KM_PER_DEGREE_LATITUDE = 111.2


def north_of(origin: tuple[float, float], km: float) -> tuple[float, float]:
    """A point `km` due north: distances along a meridian are easy to know for sure."""
    return origin[0] + km / KM_PER_DEGREE_LATITUDE, origin[1]


async def add_shelter(
    koldo: Harness,
    name: str,
    position: tuple[float, float],
    *,
    free: int = 10,
    capacity: int = 40,
    status: ShelterStatus = ShelterStatus.OPEN,
    district: str = "batken-district",
    services: list[str] | None = None,
    phone: str | None = "+996000000999",
    updated_at: datetime | None = None,
    sample: bool = False,
) -> Shelter:
    shelter = Shelter(
        external_id=f"test-{next(_ids)}",
        names={"ky": f"{name} (ky)", "ru": f"{name} (ru)", "en": name},
        district=district,
        village=None,
        address=None,
        latitude=position[0],
        longitude=position[1],
        capacity=capacity,
        free_places=free,
        services=services or [],
        phone=phone,
        status=status,
        updated_at=updated_at or utcnow() - timedelta(minutes=5),
        source="test",
        sample=sample,
    )
    async with koldo.session() as session:
        session.add(shelter)
        await session.commit()
    return shelter


async def get_shelter(koldo: Harness, shelter_id: int) -> Shelter:
    async with koldo.session() as session:
        shelter = await session.get(Shelter, shelter_id)
    assert shelter is not None
    return shelter


async def make_staff(
    koldo: Harness,
    user_id: int,
    role: Role,
    districts: list[str] | None = None,
    language: str = "en",
) -> None:
    async with koldo.session() as session:
        user: User = await users.get_or_create(session, user_id)
        user.role = role
        user.districts = list(districts or [])
        user.language = language
        user.consent_at = user.consent_at or utcnow()
        await session.commit()
