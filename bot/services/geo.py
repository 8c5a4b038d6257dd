"""Geography for shelters: names of places in files, boxes for fast search, distances to read."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from storage.places import Geography, Place

KM_PER_DEGREE_LATITUDE = 111.2


@dataclass(frozen=True)
class Box:
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float


def box_around(latitude: float, longitude: float, radius_km: float) -> Box:
    """A latitude/longitude box that holds every point within radius_km (and some more)."""
    d_lat = radius_km / KM_PER_DEGREE_LATITUDE
    # A degree of longitude shrinks toward the poles; the region lies near 40° N.
    cos_lat = max(math.cos(math.radians(latitude)), 0.01)
    d_lon = radius_km / (KM_PER_DEGREE_LATITUDE * cos_lat)
    return Box(latitude - d_lat, latitude + d_lat, longitude - d_lon, longitude + d_lon)


@dataclass(frozen=True)
class Distance:
    """A distance as a person reads it: metres below a kilometre, then 0.1 km, then whole km."""

    unit: str  # "m" or "km"
    value: float

    @classmethod
    def of(cls, km: float) -> Distance:
        if km < 0.95:
            return cls("m", max(100, round(km * 10) * 100))
        if km < 9.95:
            return cls("km", round(km, 1))
        return cls("km", round(km))


def _key(text: str) -> str:
    return re.sub(r"[\s\-_.]+", " ", text.strip().lower())


class PlaceNames:
    """Finds a district or village by its code or by its name in any of our languages."""

    def __init__(self, geography: Geography) -> None:
        self._districts: dict[str, str] = {}
        self._villages: dict[tuple[str, str], str] = {}
        for area in geography.areas:
            for name in (area.code, *area.names.values()):
                self._districts.setdefault(_key(name), area.code)
            for village in area.villages:
                for name in (village.code, *village.names.values(), *village.other_names):
                    self._villages[(area.code, _key(name))] = village.code

    def district(self, text: str) -> str | None:
        return self._districts.get(_key(text))

    def village(self, district: str, text: str) -> str | None:
        return self._villages.get((district, _key(text)))


def village_name(geography: Geography, code_or_text: str | None, locale: str) -> str | None:
    """A known village in the reader's language; anything else as the file wrote it."""
    if not code_or_text:
        return None
    found = geography.village(code_or_text)
    place: Place | None = found[1] if found else None
    return place.name(locale) if place else code_or_text
