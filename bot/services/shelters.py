"""Shelters: the nearest ones with room, a district's list, and staff keeping them true.

The nearest search stays fast with many shelters: it asks the database only for the positions
inside a small latitude/longitude box (an index on both columns), ranks those few candidates by
haversine distance, and widens the box only when it holds too few. Then it loads the chosen five.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services import roles
from bot.services.geo import box_around
from storage.models import Shelter, ShelterStatus, User, utcnow
from storage.places import Area, Geography, distance_km
from storage.repositories import audit, shelters

logger = logging.getLogger("koldo.shelters")

NEAREST_COUNT = 5
# Boxes tried one after another; the last one spans the whole region from any point in it.
SEARCH_RADII_KM = (5.0, 20.0, 80.0, 500.0)
DISTRICT_LIST_COUNT = 10
STALE_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class Found:
    shelter: Shelter
    distance_km: float | None = None


def has_room(shelter: Shelter) -> bool:
    return shelter.status == ShelterStatus.OPEN and shelter.free_places > 0


async def nearest(
    session: AsyncSession, latitude: float, longitude: float, count: int = NEAREST_COUNT
) -> list[Found]:
    """The nearest shelters not closed: those with room by distance, then full ones."""
    for radius in SEARCH_RADII_KM:
        box = box_around(latitude, longitude, radius)
        candidates = await shelters.positions_in_box(
            session, box.min_lat, box.max_lat, box.min_lon, box.max_lon
        )
        widest = radius == SEARCH_RADII_KM[-1]
        ranked = sorted(
            (distance_km(latitude, longitude, c.latitude, c.longitude), c) for c in candidates
        )
        # Only what lies within the radius is surely nearer than anything outside the box.
        within = [(d, c) for d, c in ranked if widest or d <= radius]
        with_room = [(d, c) for d, c in within if c.has_room]
        if len(with_room) >= count or widest:
            chosen = (with_room + [(d, c) for d, c in within if not c.has_room])[:count]
            loaded = await shelters.by_ids(session, [c.id for _, c in chosen])
            return [Found(loaded[c.id], d) for d, c in chosen if c.id in loaded]
    return []


@dataclass(frozen=True)
class DistrictList:
    found: list[Found]
    total: int


async def in_district(session: AsyncSession, district: str) -> DistrictList:
    listed = await shelters.open_in_district(session, district, DISTRICT_LIST_COUNT)
    total = await shelters.count_open_in_district(session, district)
    return DistrictList([Found(shelter) for shelter in listed], total)


async def shelter_to_show(session: AsyncSession, shelter_id: int) -> Shelter | None:
    """A shelter a family may be pointed to on the map (the id comes from a button)."""
    return await shelters.by_id(session, shelter_id)


# --- how old the data is ------------------------------------------------------------------


@dataclass(frozen=True)
class Age:
    """How long ago a shelter was updated, in the largest unit that reads naturally."""

    unit: str  # now, minutes, hours or days
    count: int

    @property
    def stale(self) -> bool:
        return self.unit == "days"

    @classmethod
    def since(cls, moment: datetime, now: datetime | None = None) -> Age:
        elapsed = (now or utcnow()) - moment
        minutes = int(elapsed.total_seconds() // 60)
        if minutes < 1:
            return cls("now", 0)
        if minutes < 60:
            return cls("minutes", minutes)
        if elapsed < STALE_AFTER:
            return cls("hours", minutes // 60)
        return cls("days", max(1, elapsed.days))


# --- staff -------------------------------------------------------------------------------


class Refusal(enum.StrEnum):
    """Why a staff action was refused; each has a message `shelter-refused-<value>`."""

    NOT_STAFF = "not-staff"
    NOT_YOUR_DISTRICT = "not-your-district"
    UNKNOWN = "unknown"


def districts_covered(user: User | None, settings: Settings, geography: Geography) -> list[Area]:
    return [a for a in geography.areas if roles.covers_district(user, a.code, settings)]


async def shelter_for_staff(
    session: AsyncSession, user: User | None, settings: Settings, shelter_id: int
) -> Shelter | Refusal:
    """The shelter, if this person may change it now: checked on every press and message,
    since callback data can be forged and a role can be taken away mid-way."""
    if not roles.is_staff(user, settings):
        return Refusal.NOT_STAFF
    shelter = await shelters.by_id(session, shelter_id)
    if shelter is None:
        return Refusal.UNKNOWN
    if not roles.covers_district(user, shelter.district, settings):
        return Refusal.NOT_YOUR_DISTRICT
    return shelter


def may_list(user: User | None, settings: Settings, district: str) -> Refusal | None:
    if not roles.is_staff(user, settings):
        return Refusal.NOT_STAFF
    if not roles.covers_district(user, district, settings):
        return Refusal.NOT_YOUR_DISTRICT
    return None


@dataclass(frozen=True)
class StaffPage:
    shelters: list[Shelter]
    page: int
    has_more: bool


async def staff_page(session: AsyncSession, district: str, page: int, size: int) -> StaffPage:
    listed, total = await shelters.in_district(session, district, page * size, size)
    return StaffPage(listed, page, has_more=(page + 1) * size < total)


def parse_free_places(text: str, capacity: int) -> int | None:
    """A typed number of free places, or None when it is not a whole number up to capacity."""
    digits = "".join(text.split())
    if not digits.isdecimal():
        return None
    value = int(digits)
    return value if 0 <= value <= capacity else None


async def record_update(
    session: AsyncSession, user: User, shelter: Shelter, status: ShelterStatus, free: int
) -> None:
    """Saves what staff reported, with who and when, and audits the change."""
    if status == ShelterStatus.OPEN and free == 0:
        status = ShelterStatus.FULL  # open with no room is full, whatever was tapped
    if status != ShelterStatus.OPEN:
        free = 0
    before = {"status": shelter.status.value, "free_places": shelter.free_places}
    shelter.status, shelter.free_places = status, free
    shelter.updated_at, shelter.updated_by = utcnow(), user.id
    audit.record(
        session,
        "shelter.updated",
        actor_id=user.id,
        subject=f"shelter:{shelter.id}",
        details={"before": before, "after": {"status": status.value, "free_places": free}},
    )
    await session.commit()
    logger.info("user %s updated shelter %s to %s", user.id, shelter.id, status.value)
