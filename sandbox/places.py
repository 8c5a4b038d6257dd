"""Named places offered by the chat page's location picker, and the default demo people."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# Approximate town centres in and around the districts the 2021 and 2022 conflicts hit, a few
# safe cities further away, and one point in open water to try out a bad location.
DEFAULT_PLACES = (
    Place("Batken", 40.0625, 70.8194),
    Place("Isfana (Leilek)", 39.8389, 69.5275),
    Place("Sulukta", 39.9333, 69.5667),
    Place("Kadamjay", 40.1319, 71.7236),
    Place("Aydarken", 39.9381, 71.3419),
    Place("Kyzyl-Kiya", 40.2567, 72.1281),
    Place("Osh", 40.5283, 72.7985),
    Place("Bishkek", 42.8746, 74.5698),
    Place("Lake Issyk-Kul (water)", 42.4500, 77.2000),
)

# People the chat page shows when nobody else was configured: python -m sandbox uses them.
DEFAULT_PEOPLE: tuple[dict[str, Any], ...] = (
    {
        "id": 700001,
        "first_name": "Айгүл",
        "last_name": "Жумабаева",
        "language_code": "ky",
        "phone_number": "996770123456",
        "role": "family (Kyrgyz)",
    },
    {
        "id": 700002,
        "first_name": "Наталья",
        "last_name": "Ким",
        "language_code": "ru",
        "phone_number": "996555234567",
        "role": "family (Russian)",
    },
    {
        "id": 700003,
        "first_name": "Бакыт",
        "username": "bakyt_coord",
        "language_code": "ru",
        "phone_number": "996700345678",
        "role": "coordinator",
    },
    {
        "id": 700004,
        "first_name": "Admin",
        "username": "koldo_admin",
        "language_code": "en",
        "phone_number": "996312456789",
        "role": "admin",
    },
)
