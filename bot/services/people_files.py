"""Lists of people (evacuee and shelter lists) into the person index, refused whole when wrong.

CSV with plain headers or HXL hashtags, or JSON lines with the fields of the matching data
(id, full_name, sex, age, birth_year, settlement, phone). Names, villages and phones are kept as
written: the matcher reads them across scripts and spellings, so nothing is "corrected" here.
Rows are added or updated by the list's own id within the list's source label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.person_index import index_keys
from bot.services.tables import Cells, Column, ParsedFile, ProblemCode, parse_records
from storage.models import utcnow
from storage.repositories import audit, people
from storage.repositories.people import KeyFunction

COLUMNS = (
    Column("id", ("id", "external_id", "person_id"), ("#meta+id", "#id"), True),
    Column("full_name", ("full_name", "name"), ("#name", "#contact+name"), True),
    Column("sex", ("sex", "gender"), ("#gender", "#sex")),
    Column("age", ("age",), ("#age",)),
    Column(
        "birth_year",
        ("birth_year", "year_of_birth", "birth_date", "date_of_birth"),
        ("#date+birth", "#date+birth+year"),
    ),
    Column(
        "settlement",
        ("settlement", "village", "place"),
        ("#loc+name", "#adm4+name", "#adm3+name", "#loc+village"),
    ),
    Column("phone", ("phone",), ("#contact+phone",)),
)
SEXES = {"m": "M", "f": "F", "male": "M", "female": "F"}
MAX_ID, MAX_NAME, MAX_PLACE, MAX_PHONE, MAX_SOURCE = 64, 200, 200, 32, 200
MAX_AGE = 120
# A birth date in the file: 1985, 1985-04-12, or 12.04.1985 as Russian spreadsheets write it.
DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass(frozen=True)
class ImportedPerson:
    external_id: str
    full_name: str
    sex: str | None
    age: int | None
    birth_year: int | None
    settlement: str | None
    phone: str | None


PeopleFile = ParsedFile[ImportedPerson]


def parse(data: bytes, this_year: int | None = None) -> PeopleFile:
    """Every row checked; a single problem anywhere means no records at all."""
    year = this_year or utcnow().year
    return parse_records(data, COLUMNS, lambda cells: _record(cells, year), json_lines=True)


def _record(cells: Cells, this_year: int) -> ImportedPerson | None:
    external_id = cells.text("id", MAX_ID, required=True)
    full_name = cells.text("full_name", MAX_NAME, required=True)
    sex = _sex(cells)
    age = cells.whole_number("age")
    if age is not None and age > MAX_AGE:
        cells.fail("age", ProblemCode.BAD_AGE, cells.row.get("age"))
    birth_year = _birth_year(cells, this_year)
    if cells.row.get("age") and cells.row.get("birth_year"):
        cells.fail("birth_year", ProblemCode.AGE_AND_BIRTH_YEAR)
    settlement = cells.text("settlement", MAX_PLACE)
    phone = cells.text("phone", MAX_PHONE)
    if cells.problems or external_id is None or full_name is None:
        return None
    return ImportedPerson(external_id, full_name, sex, age, birth_year, settlement, phone)


def _sex(cells: Cells) -> str | None:
    text = cells.row.get("sex")
    if not text:
        return None
    sex = SEXES.get(text.casefold())
    if sex is None:
        cells.fail("sex", ProblemCode.BAD_SEX, text)
    return sex


def _birth_year(cells: Cells, this_year: int) -> int | None:
    text = cells.row.get("birth_year")
    if not text:
        return None
    year = _year_of(text)
    if year is None or not this_year - MAX_AGE <= year <= this_year:
        cells.fail("birth_year", ProblemCode.BAD_BIRTH_YEAR, text)
        return None
    return year


def _year_of(text: str) -> int | None:
    if text.isascii() and text.isdigit() and len(text) == 4:
        return int(text)
    dotted = DOTTED_DATE.fullmatch(text)
    if dotted:
        text = f"{dotted[3]}-{int(dotted[2]):02d}-{int(dotted[1]):02d}"
    try:
        return date.fromisoformat(text).year
    except ValueError:
        return None


async def apply(
    session: AsyncSession,
    records: list[ImportedPerson],
    source_label: str,
    keys: KeyFunction = index_keys,
) -> people.UpsertResult:
    """Adds or updates the list's people and their keys in one transaction; audits the import
    (counts only: a list of people is personal data)."""
    result = await people.upsert_listed(session, source_label, records, keys)
    audit.record(
        session,
        "people.imported",
        subject=source_label[:64],
        details={"created": result.created, "updated": result.updated},
    )
    await session.commit()
    return result
