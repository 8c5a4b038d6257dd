"""Hotline lists in and out as CSV (plain headers or HXL hashtags), refused whole when wrong."""

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
from storage.models import Hotline, HotlineKind, utcnow
from storage.places import Geography
from storage.repositories import audit, hotlines

COLUMNS = (
    Column("id", ("id", "external_id", "hotline_id"), ("#meta+id", "#contact+code"), True),
    Column("kind", ("kind", "type"), ("#sector", "#meta+kind"), True),
    Column("name", ("name",), ("#org+name", "#contact+name")),
    *(
        Column(
            f"name_{lang}", (f"name_{lang}",), (f"#org+name+i_{lang}", f"#contact+name+i_{lang}")
        )
        for lang in LOCALES
    ),
    Column("phones", ("phones", "phone", "numbers"), ("#contact+phone",), True),
    Column("hours", ("hours",), ("#meta+hours",)),
    *(Column(f"hours_{lang}", (f"hours_{lang}",), (f"#meta+hours+i_{lang}",)) for lang in LOCALES),
    Column("district", ("district",), ("#adm2+code", "#adm2+name")),
    Column("updated", ("updated", "updated_at", "last_update"), ("#date+updated",)),
    Column("source", ("source",), ("#meta+source",)),
    Column("sample", ("sample",), ("#meta+sample",)),
)
KINDS = {kind.value: kind.value for kind in HotlineKind} | {
    "humanitarian_organisations": "humanitarian",
    "humanitarian_organizations": "humanitarian",
    "health": "medical",
    "protection_children": "children",
    "child": "children",
    "psychosocial": "psychological",
}
MAX_ID, MAX_NAME, MAX_HOURS, MAX_SOURCE, MAX_PHONES = 64, 200, 120, 200, 5


@dataclass
class HotlineRecord:
    external_id: str
    kind: HotlineKind
    names: dict[str, str]
    phones: list[str]
    hours: dict[str, str]
    district: str | None
    updated_at: datetime | None
    source: str
    sample: bool


HotlineFile = ParsedFile[HotlineRecord]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def parse(data: bytes, geography: Geography, source: str) -> HotlineFile:
    """Every row checked; a single problem anywhere means no records at all."""
    names = PlaceNames(geography)
    now = utcnow()
    return parse_records(data, COLUMNS, lambda cells: _record(cells, names, source, now))


def _record(cells: Cells, names: PlaceNames, source: str, now: datetime) -> HotlineRecord | None:
    external_id = cells.text("id", MAX_ID, required=True)
    kind = cells.choice("kind", KINDS)
    if kind is None and not cells.row.get("kind"):
        cells.fail("kind", ProblemCode.MISSING_VALUE)
    localized = _localized(cells, "name", MAX_NAME)
    if not localized:
        cells.fail("name", ProblemCode.MISSING_VALUE)
    phones = cells.phones("phones", required=True)
    if len(phones) > MAX_PHONES:
        cells.fail("phones", ProblemCode.TOO_LONG, str(MAX_PHONES))
    district = _district(cells, names)
    hours = _localized(cells, "hours", MAX_HOURS)
    updated = cells.moment("updated", now)
    record_source = cells.text("source", MAX_SOURCE) or source
    sample = cells.flag("sample")
    if cells.problems or external_id is None or kind is None:
        return None
    return HotlineRecord(
        external_id=external_id,
        kind=HotlineKind(kind),
        names=localized,
        phones=phones,
        hours=hours,
        district=district,
        updated_at=updated,
        source=record_source[:MAX_SOURCE],
        sample=sample,
    )


def _localized(cells: Cells, key: str, max_length: int) -> dict[str, str]:
    """Texts per language; the plain column fills the languages the file leaves empty."""
    common = cells.text(key, max_length)
    texts = {lang: cells.text(f"{key}_{lang}", max_length) for lang in LOCALES}
    return {lang: text for lang in LOCALES if (text := texts[lang] or common)}


def _district(cells: Cells, names: PlaceNames) -> str | None:
    text = cells.row.get("district")
    if not text:
        return None  # a line for the whole country
    code = names.district(text)
    if code is None:
        cells.fail("district", ProblemCode.UNKNOWN_DISTRICT, text)
    return code


async def apply(session: AsyncSession, records: list[HotlineRecord], source: str) -> ImportResult:
    """Upserts by external id, in the caller's transaction, and audits the import."""
    existing = await hotlines.by_external_ids(session, [r.external_id for r in records])
    created = 0
    now = utcnow()
    for record in records:
        hotline = existing.get(record.external_id)
        if hotline is None:
            hotline = Hotline(external_id=record.external_id)
            session.add(hotline)
            created += 1
        hotline.kind, hotline.names, hotline.phones = record.kind, record.names, record.phones
        hotline.hours, hotline.district = record.hours, record.district
        hotline.updated_at = record.updated_at or now
        hotline.source, hotline.sample = record.source, record.sample
    updated = len(records) - created
    audit.record(
        session,
        "hotlines.imported",
        subject=source[:64],
        details={"created": created, "updated": updated},
    )
    await session.commit()
    return ImportResult(created, updated)


# Texts go out per language; the plain columns are a convenience for files written by hand.
EXPORT_COLUMNS = tuple(c for c in COLUMNS if c.key not in ("name", "hours"))


async def export(session: AsyncSession) -> list[list[str]]:
    """Header rows (plain names, then HXL hashtags) and a row per entry, ready for CSV."""
    rows = header_rows(EXPORT_COLUMNS)
    rows += [_export_row(hotline) for hotline in await hotlines.every(session)]
    return rows


def _export_row(hotline: Hotline) -> list[str]:
    values = {
        "id": hotline.external_id,
        "kind": hotline.kind.value,
        **{f"name_{lang}": hotline.names.get(lang, "") for lang in LOCALES},
        "phones": ";".join(hotline.phones),
        **{f"hours_{lang}": hotline.hours.get(lang, "") for lang in LOCALES},
        "district": hotline.district or "",
        "updated": hotline.updated_at.isoformat(timespec="seconds"),
        "source": hotline.source or "",
        "sample": "yes" if hotline.sample else "no",
    }
    return [values[column.key] for column in EXPORT_COLUMNS]
