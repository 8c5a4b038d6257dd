"""Shelter lists in and out as CSV (plain headers or HXL hashtags), refused whole when wrong."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import LOCALES
from bot.services.geo import PlaceNames
from bot.services.tables import (
    Cells,
    Column,
    ParsedFile,
    ProblemCode,
    header_rows,
    parse_records,
)
from storage.models import Shelter, ShelterService, ShelterStatus, utcnow
from storage.places import Geography
from storage.repositories import audit, shelters

COLUMNS = (
    Column("id", ("id", "external_id", "shelter_id"), ("#meta+id", "#loc+code", "#loc+id"), True),
    Column("name", ("name",), ("#loc+name",)),
    *(Column(f"name_{lang}", (f"name_{lang}",), (f"#loc+name+i_{lang}",)) for lang in LOCALES),
    Column("district", ("district",), ("#adm2+code", "#adm2+name"), True),
    Column("village", ("village",), ("#adm3+name", "#loc+village")),
    Column("address", ("address",), ("#loc+address",)),
    Column("lat", ("lat", "latitude"), ("#geo+lat",), True),
    Column("lon", ("lon", "lng", "longitude"), ("#geo+lon",), True),
    Column("capacity", ("capacity",), ("#capacity", "#capacity+total"), True),
    Column("free", ("free_places", "free", "available"), ("#capacity+available",), True),
    Column("services", ("services",), ("#service", "#service+list")),
    Column("phone", ("phone",), ("#contact+phone",)),
    Column("status", ("status",), ("#status",)),
    Column("updated", ("updated", "updated_at", "last_update"), ("#date+updated",)),
    Column("source", ("source",), ("#meta+source",)),
    Column("sample", ("sample",), ("#meta+sample",)),
)
NAME_KEYS = ("name", *(f"name_{lang}" for lang in LOCALES))
STATUSES = {status.value: status.value for status in ShelterStatus}
SERVICES = {service.value: service.value for service in ShelterService} | {
    "medical_point": "medical",
    "child_friendly": "children",
    "child_friendly_space": "children",
    "wheelchair": "accessible",
    "disabled": "accessible",
    "women_only": "women",
    "women_only_space": "women",
}
MAX_ID, MAX_NAME, MAX_PLACE, MAX_ADDRESS, MAX_SOURCE = 64, 200, 200, 300, 200


@dataclass
class ShelterRecord:
    external_id: str
    names: dict[str, str]
    district: str
    village: str | None
    address: str | None
    latitude: float
    longitude: float
    capacity: int
    free_places: int
    services: list[str]
    phone: str | None
    status: ShelterStatus
    updated_at: datetime | None
    source: str | None
    sample: bool


ShelterFile = ParsedFile[ShelterRecord]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    # Rows older than what staff entered in the bot since: their places and status were kept.
    kept_newer: int


def parse(data: bytes, geography: Geography, source: str) -> ShelterFile:
    """Every row checked; a single problem anywhere means no records at all."""
    names = PlaceNames(geography)
    now = utcnow()
    return parse_records(data, COLUMNS, lambda cells: _record(cells, geography, names, source, now))


def _record(
    cells: Cells, geography: Geography, names: PlaceNames, source: str, now: datetime
) -> ShelterRecord | None:
    external_id = cells.text("id", MAX_ID, required=True)
    localized = _names(cells)
    district = _district(cells, names)
    position = _position(cells, geography)
    places = _places(cells)
    status = cells.choice("status", STATUSES)
    village = cells.text("village", MAX_PLACE)
    address = cells.text("address", MAX_ADDRESS)
    services = cells.choices("services", SERVICES)
    phones = cells.phones("phone")
    updated = cells.moment("updated", now)
    sample = cells.flag("sample")
    record_source = cells.text("source", MAX_SOURCE) or source
    # Each missing value was noted as a problem; the checks below only tell mypy so.
    if cells.problems or not (external_id and localized and district and position and places):
        return None
    return ShelterRecord(
        external_id=external_id,
        names=localized,
        district=district,
        village=(names.village(district, village) or village) if village else None,
        address=address,
        latitude=position[0],
        longitude=position[1],
        capacity=places[0],
        free_places=places[1],
        services=services,
        phone=phones[0] if phones else None,
        status=_status(status, places[1]),
        updated_at=updated,
        source=record_source[:MAX_SOURCE],
        sample=sample,
    )


def _places(cells: Cells) -> tuple[int, int] | None:
    """Capacity and free places: whole numbers, and no more free than there are places."""
    capacity = cells.whole_number("capacity", required=True)
    free = cells.whole_number("free", required=True)
    if capacity is None or free is None:
        return None
    if free > capacity:
        cells.fail("free", ProblemCode.MORE_THAN_CAPACITY, str(capacity))
        return None
    return capacity, free


def _names(cells: Cells) -> dict[str, str] | None:
    """Names per language; a plain `name` fills the languages the file leaves empty."""
    texts = {key: cells.text(key, MAX_NAME) for key in NAME_KEYS}
    common = texts.pop("name")
    localized = {key.removeprefix("name_"): value for key, value in texts.items() if value}
    if common:
        localized = {lang: localized.get(lang) or common for lang in LOCALES}
    if not localized:
        cells.fail("name", ProblemCode.MISSING_VALUE)
        return None
    return localized


def _district(cells: Cells, names: PlaceNames) -> str | None:
    text = cells.text("district", MAX_PLACE, required=True)
    if text is None:
        return None
    code = names.district(text)
    if code is None:
        cells.fail("district", ProblemCode.UNKNOWN_DISTRICT, text)
    return code


def _position(cells: Cells, geography: Geography) -> tuple[float, float] | None:
    if not cells.row.get("lat") or not cells.row.get("lon"):
        cells.fail("lat" if not cells.row.get("lat") else "lon", ProblemCode.MISSING_COORDINATES)
        return None
    latitude, longitude = cells.coordinate("lat", 90.0), cells.coordinate("lon", 180.0)
    if latitude is None or longitude is None:
        return None
    if not geography.region.contains(latitude, longitude):
        cells.fail("lat", ProblemCode.OUTSIDE_REGION, f"{latitude}, {longitude}")
        return None
    return latitude, longitude


def _status(given: str | None, free: int) -> ShelterStatus:
    """A file that says nothing about status: open while there is room."""
    if given is not None:
        status = ShelterStatus(given)
        return ShelterStatus.FULL if status == ShelterStatus.OPEN and free == 0 else status
    return ShelterStatus.OPEN if free > 0 else ShelterStatus.FULL


async def apply(session: AsyncSession, records: list[ShelterRecord], source: str) -> ImportResult:
    """Upserts by external id, in the caller's transaction, and audits the import."""
    existing = await shelters.by_external_ids(session, [r.external_id for r in records])
    created = updated = kept = 0
    now = utcnow()
    for record in records:
        shelter = existing.get(record.external_id)
        if shelter is None:
            shelter = Shelter(external_id=record.external_id)
            session.add(shelter)
            created += 1
        else:
            updated += 1
        kept += _fill(shelter, record, now)
    audit.record(
        session,
        "shelters.imported",
        subject=source[:64],
        details={"created": created, "updated": updated, "kept_newer": kept},
    )
    await session.commit()
    return ImportResult(created, updated, kept)


def _fill(shelter: Shelter, record: ShelterRecord, now: datetime) -> int:
    """Copies a record; returns 1 when staff's newer places and status were kept instead."""
    shelter.names = record.names
    shelter.district, shelter.village, shelter.address = (
        record.district,
        record.village,
        record.address,
    )
    shelter.latitude, shelter.longitude = record.latitude, record.longitude
    shelter.capacity, shelter.services, shelter.phone = (
        record.capacity,
        record.services,
        record.phone,
    )
    shelter.source, shelter.sample = record.source, record.sample
    # Files carry whole seconds; the bot's own times have microseconds.
    stored = shelter.updated_at.replace(microsecond=0) if shelter.id is not None else None
    if stored is not None and record.updated_at is not None and record.updated_at < stored:
        shelter.free_places = min(shelter.free_places, record.capacity)
        return 1
    shelter.free_places, shelter.status = record.free_places, record.status
    shelter.updated_at, shelter.updated_by = record.updated_at or now, None
    return 0


# Names go out per language; a plain `name` is only a convenience for files written by hand.
EXPORT_COLUMNS = tuple(c for c in COLUMNS if c.key != "name")


async def export(session: AsyncSession) -> list[list[str]]:
    """Header rows (plain names, then HXL hashtags) and a row per entry, ready for CSV."""
    rows = header_rows(EXPORT_COLUMNS)
    rows += [_export_row(shelter) for shelter in await shelters.every(session)]
    return rows


def _export_row(shelter: Shelter) -> list[str]:
    values = {
        "id": shelter.external_id,
        **{f"name_{lang}": shelter.names.get(lang, "") for lang in LOCALES},
        "district": shelter.district,
        "village": shelter.village or "",
        "address": shelter.address or "",
        "lat": f"{shelter.latitude:.6f}",
        "lon": f"{shelter.longitude:.6f}",
        "capacity": str(shelter.capacity),
        "free": str(shelter.free_places),
        "services": ";".join(shelter.services),
        "phone": shelter.phone or "",
        "status": shelter.status.value,
        "updated": shelter.updated_at.isoformat(timespec="seconds"),
        "source": shelter.source or "",
        "sample": "yes" if shelter.sample else "no",
    }
    return [values[column.key] for column in EXPORT_COLUMNS]
