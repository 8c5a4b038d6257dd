"""A person as the matcher sees it: a registry record or a missing-person report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

REFERENCE_YEAR = 2025
"""The year ages are given as of, by default (that of the development set)."""


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: str
    full_name: str
    sex: str | None = None
    age: int | None = None
    birth_year: int | None = None
    settlement: str | None = None
    phone: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any], *, id_field: str | None = None) -> PersonRecord:
        """A record from one JSON-lines object (`id`, or `query_id` for a report)."""
        key = id_field or ("id" if "id" in data else "query_id")
        return cls(
            id=str(data.get(key) or ""),
            full_name=str(data.get("full_name") or ""),
            sex=_sex(data.get("sex")),
            age=_int(data.get("age")),
            birth_year=_int(data.get("birth_year")),
            settlement=_text(data.get("settlement")),
            phone=_text(data.get("phone")),
        )

    def age_in(self, reference_year: int = REFERENCE_YEAR) -> int | None:
        """The age as of `reference_year`: the age given, else from the birth year."""
        if self.age is not None:
            return self.age
        if self.birth_year is not None:
            return reference_year - self.birth_year
        return None


def _sex(value: object) -> str | None:
    text = str(value).strip().upper() if value is not None else ""
    return text if text in {"M", "F"} else None


def _int(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
