"""Reference geography: districts, towns and villages of Batken region and Osh, from a data file."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PLACES_FILE = Path(__file__).resolve().parent / "data" / "places.json"
EARTH_RADIUS_KM = 6371.0
# A shared location farther than this from every known place is not matched to a village.
NEAREST_PLACE_MAX_KM = 25.0


# eq=False: places are loaded once and compared by identity, which also makes them hashable.
@dataclass(frozen=True, eq=False)
class Place:
    code: str
    names: dict[str, str]
    latitude: float
    longitude: float
    # Names it had or goes by besides its names in our languages (Isfana was Раззаков).
    other_names: tuple[str, ...] = field(default=(), kw_only=True)
    # Coordinates known only to a few kilometres: never used to name where a family is.
    approximate: bool = field(default=False, kw_only=True)

    def name(self, locale: str) -> str:
        return self.names.get(locale) or self.names["en"]


@dataclass(frozen=True, eq=False)
class Area(Place):
    kind: str  # district, town or city
    villages: tuple[Place, ...]

    @property
    def is_town(self) -> bool:
        """A town or city is one place: a family there is not asked which village."""
        return self.kind != "district"


@dataclass(frozen=True)
class BoundingBox:
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    def contains(self, latitude: float, longitude: float) -> bool:
        return (
            self.min_lat <= latitude <= self.max_lat and self.min_lon <= longitude <= self.max_lon
        )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


class Geography:
    def __init__(self, areas: tuple[Area, ...], region: BoundingBox) -> None:
        self.areas = areas
        self.region = region
        self._areas = {area.code: area for area in areas}
        self._villages = {
            village.code: (area, village) for area in areas for village in area.villages
        }

    @classmethod
    def load(cls, path: Path = PLACES_FILE) -> Geography:
        raw = json.loads(path.read_text(encoding="utf-8"))
        areas = tuple(
            Area(
                code=item["code"],
                names=item["name"],
                latitude=item["lat"],
                longitude=item["lon"],
                kind=item["kind"],
                villages=tuple(_place(v) for v in item["villages"]),
            )
            for item in raw["areas"]
        )
        return cls(areas, BoundingBox(**raw["region"]["bbox"]))

    def area(self, code: str | None) -> Area | None:
        return self._areas.get(code or "")

    def village(self, code: str | None) -> tuple[Area, Place] | None:
        return self._villages.get(code or "")

    def nearest_village(self, latitude: float, longitude: float) -> tuple[Area, Place] | None:
        """The closest village whose place is known well, if one is near enough to name."""
        known = [pair for pair in self._villages.values() if not pair[1].approximate]
        best = min(
            known,
            key=lambda pair: distance_km(latitude, longitude, pair[1].latitude, pair[1].longitude),
        )
        distance = distance_km(latitude, longitude, best[1].latitude, best[1].longitude)
        return best if distance <= NEAREST_PLACE_MAX_KM else None

    def nearest_place(self, latitude: float, longitude: float) -> tuple[Area, Place | None] | None:
        """Where a shared location is, as a family would name it: a village of a district, or a
        town alone (its own place is no village to the family)."""
        found = self.nearest_village(latitude, longitude)
        if found is None:
            return None
        area, village = found
        return (area, None) if area.is_town else (area, village)


def _place(raw: dict[str, Any]) -> Place:
    return Place(
        raw["code"],
        raw["name"],
        raw["lat"],
        raw["lon"],
        other_names=tuple(raw.get("other_names", ())),
        approximate=bool(raw.get("approximate", False)),
    )
