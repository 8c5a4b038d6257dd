"""Sample shelters and hotlines for demos and training, marked as samples wherever shown.

Only the national emergency numbers (112, 101, 102, 103) are real; every other name and number
is invented and must be replaced before Koldo is used with families.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import hotline_files, shelter_files
from storage.places import PLACES_FILE, Geography

DATA_DIR = PLACES_FILE.parent
SAMPLE_SHELTERS = DATA_DIR / "sample_shelters.csv"
SAMPLE_HOTLINES = DATA_DIR / "sample_hotlines.csv"


class SampleDataError(RuntimeError):
    """The shipped sample files no longer pass the importer's checks."""


@dataclass(frozen=True)
class SampleCounts:
    shelters: int
    hotlines: int


async def load_sample_data(session: AsyncSession, geography: Geography) -> SampleCounts:
    """Imports the sample files (an upsert by id: loading twice changes nothing) and commits."""
    shelter_file = shelter_files.parse(
        SAMPLE_SHELTERS.read_bytes(), geography, SAMPLE_SHELTERS.name
    )
    hotline_file = hotline_files.parse(
        SAMPLE_HOTLINES.read_bytes(), geography, SAMPLE_HOTLINES.name
    )
    if shelter_file.problems or hotline_file.problems:
        raise SampleDataError(f"{len(shelter_file.problems) + len(hotline_file.problems)} problems")
    await shelter_files.apply(session, shelter_file.records, SAMPLE_SHELTERS.name)
    await hotline_files.apply(session, hotline_file.records, SAMPLE_HOTLINES.name)
    return SampleCounts(len(shelter_file.records), len(hotline_file.records))
