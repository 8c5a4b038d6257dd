"""Shelter and hotline files: CSV with plain headers or HXL hashtags, refused whole when wrong."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.cli.datafiles import describe
from bot.i18n import Localization
from bot.services import hotline_files, shelter_files
from bot.services.sample_data import load_sample_data
from bot.services.tables import Problem, ProblemCode, normalize_phone, write_table
from storage.models import ShelterStatus, utcnow
from storage.places import Geography
from storage.repositories import audit, hotlines, shelters
from tests.conftest import Harness
from tests.support import processes
from tests.support.shelters import ORIGIN, add_shelter, get_shelter

ROOT = Path(__file__).resolve().parent.parent
GEOGRAPHY = Geography.load()
HEADER = "id,name,district,lat,lon,capacity,free_places,services,phone,status"
GOOD = "b-1,Bujum school,batken-district,40.0262,70.7121,120,30,food;medical,+996 555 000 111,open"
HXL_TAGS = "#meta+id,#loc+name,#adm2+name,#geo+lat,#geo+lon,#capacity,#capacity+available"


def parse(text: str | bytes) -> shelter_files.ShelterFile:
    data = text.encode() if isinstance(text, str) else text
    return shelter_files.parse(data, GEOGRAPHY, "test.csv")


def problems(text: str | bytes) -> list[tuple[int, str, ProblemCode, str]]:
    found = parse(text)
    assert found.records == []  # refused whole
    return sorted((p.line, p.column, p.code, p.value) for p in found.problems)


def test_plain_headers_are_read() -> None:
    found = parse(f"{HEADER}\n{GOOD}\n")
    assert found.problems == []
    [record] = found.records
    assert record.external_id == "b-1"
    assert record.names == {"ky": "Bujum school", "ru": "Bujum school", "en": "Bujum school"}
    assert (record.district, record.latitude, record.longitude) == (
        "batken-district",
        40.0262,
        70.7121,
    )
    assert (record.capacity, record.free_places, record.status) == (120, 30, ShelterStatus.OPEN)
    assert record.services == ["food", "medical"]
    assert record.phone == "+996555000111"


def test_hxl_hashtags_alone_are_read_and_names_of_districts_in_any_language() -> None:
    rows = [HXL_TAGS, "l-1,Isfana gym,Лейлекский район,39.84,69.53,150,48"]
    rows.append("k-1,Kadamjay gym,Кадамжай району,40.128,71.722,180,0")
    found = parse("\n".join(rows))
    assert found.problems == []
    assert [r.district for r in found.records] == ["leilek-district", "kadamjay-district"]
    assert found.records[1].status == ShelterStatus.FULL  # no room and no status: full


def test_hxl_under_plain_headers_with_extra_columns_and_attributes_in_any_order() -> None:
    text = (
        "Shelter,Where,Lat,Lon,Beds,Free,Notes,Code,Name in Russian\n"
        "#loc +name,#adm2+code,#geo+lat,#geo+lon,#capacity,#capacity +available,"
        "#meta+notes,#meta+id,#loc+i_ru+name\n"
        "Chek yurts,batken-district,40.11,70.844,80,35,anything,c-1,Юрты в Чеке\n"
    )
    found = parse(text)
    assert found.problems == []
    assert found.records[0].names["ru"] == "Юрты в Чеке"
    assert found.records[0].names["en"] == "Chek yurts"


def test_a_russian_spreadsheet_with_semicolons_and_decimal_commas_is_read() -> None:
    text = (
        "id;name;district;lat;lon;capacity;free_places\r\n"
        "r-1;Школа;Баткенский район;40,0262;70,7121;120;30\r\n"
    )
    found = parse(("\ufeff" + text).encode())
    assert found.problems == []
    assert found.records[0].latitude == 40.0262


def test_every_bad_row_is_listed_and_the_file_is_refused_whole() -> None:
    rows = [
        HEADER,
        GOOD,  # line 2: fine, yet not imported
        "b-2,No place,batken-district,,70.71,50,10,,,",
        "b-3,Letters,batken-district,40.02,70.71,abc,10,,,",
        "b-4,Moscow,batken-district,55.75,37.61,50,10,,,",
        "b-1,Again,batken-district,40.02,70.71,50,10,,,",
        "b-6,Too many,batken-district,40.02,70.71,50,60,,,",
        "b-7,Nowhere,Dushanbe,40.02,70.71,50,10,,,",
        "b-8,Bad phone,batken-district,40.02,70.71,50,10,,call us,",
        "b-9,Bad status,batken-district,40.02,70.71,50,10,spa,,burning",
        ",,batken-district,40.02,70.71,-5,10,,,",
    ]
    assert problems("\n".join(rows)) == [
        (3, "lat", ProblemCode.MISSING_COORDINATES, ""),
        (4, "capacity", ProblemCode.NOT_A_NUMBER, "abc"),
        (5, "lat", ProblemCode.OUTSIDE_REGION, "55.75, 37.61"),
        (6, "id", ProblemCode.DUPLICATE_ID, "b-1"),
        (7, "free_places", ProblemCode.MORE_THAN_CAPACITY, "50"),
        (8, "district", ProblemCode.UNKNOWN_DISTRICT, "Dushanbe"),
        (9, "phone", ProblemCode.BAD_PHONE, "call us"),
        (10, "services", ProblemCode.UNKNOWN_VALUE, "spa"),
        (10, "status", ProblemCode.UNKNOWN_VALUE, "burning"),
        (11, "capacity", ProblemCode.NEGATIVE, "-5"),
        (11, "id", ProblemCode.MISSING_VALUE, ""),
        (11, "name", ProblemCode.MISSING_VALUE, ""),
    ]


def test_problems_name_the_columns_as_the_file_does() -> None:
    text = "\n".join([HXL_TAGS, "x-1,A,batken-district,40.02,,50,10"])
    assert problems(text) == [(2, "#geo+lon", ProblemCode.MISSING_COORDINATES, "")]


def test_a_file_that_is_not_utf8_says_so_with_the_line() -> None:
    text = f"{HEADER}\n{GOOD}\nb-2,Школа,batken-district,40.02,70.71,50,10,,,\n"
    assert problems(text.encode("cp1251")) == [(3, "", ProblemCode.NOT_UTF8, "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (1, "", ProblemCode.EMPTY_FILE, "")),
        ("\n\n", (1, "", ProblemCode.EMPTY_FILE, "")),
        ("id,name,district,lat,capacity,free_places\n", (1, "lon", ProblemCode.MISSING_COLUMN, "")),
        ('id,name\n"a,b\n', (2, "", ProblemCode.NOT_CSV, "")),
        ("id,id,name,district,lat,lon,capacity,free\n", (1, "id", ProblemCode.REPEATED_COLUMN, "")),
    ],
)
def test_files_that_are_not_shelter_tables(text: str, expected: tuple[object, ...]) -> None:
    assert problems(text) == [expected]


def test_problems_read_as_sentences() -> None:
    t = Localization().translator("en")
    assert describe(t, Problem(4, "capacity", ProblemCode.NOT_A_NUMBER, "abc")) == (
        "line 4, capacity: “abc” is not a whole number"
    )
    assert describe(t, Problem(6, "id", ProblemCode.DUPLICATE_ID, "b-1", 2)) == (
        "line 6, id: the id “b-1” is already used on line 2"
    )
    assert describe(t, Problem(3, "", ProblemCode.NOT_UTF8)).startswith(
        "line 3: the file is not UTF-8"
    )


@pytest.mark.parametrize(
    ("typed", "phone"),
    [
        ("+996 555 12-34-56", "+996555123456"),
        ("0555 123 456", "+996555123456"),
        ("996555123456", "+996555123456"),
        ("00996 312 62 00 00", "+996312620000"),
        ("112", "112"),
        ("1212", "1212"),
        ("555123456", None),
        ("call us", None),
        ("12", None),
    ],
)
def test_phone_numbers_become_tappable(typed: str, phone: str | None) -> None:
    assert normalize_phone(typed) == phone


async def test_an_import_adds_then_updates_by_id(koldo: Harness) -> None:
    async with koldo.session() as session:
        first = await shelter_files.apply(session, parse(f"{HEADER}\n{GOOD}\n").records, "a.csv")
    assert (first.created, first.updated) == (1, 0)
    changed = GOOD.replace("Bujum school", "Bujum school No. 2").replace(",30,", ",5,")
    async with koldo.session() as session:
        second = await shelter_files.apply(
            session, parse(f"{HEADER}\n{changed}\n").records, "b.csv"
        )
        assert (second.created, second.updated) == (0, 1)
        [shelter] = await shelters.every(session)
        assert (shelter.name("ru"), shelter.free_places) == ("Bujum school No. 2", 5)
        assert [e.subject for e in await audit.entries(session, "shelters.imported")] == [
            "a.csv",
            "b.csv",
        ]


async def test_an_older_file_keeps_what_staff_reported_since(koldo: Harness) -> None:
    shelter = await add_shelter(koldo, "School", ORIGIN, free=3, capacity=40)
    async with koldo.session() as session:
        stored = await session.get(type(shelter), shelter.id)
        assert stored is not None
        stored.external_id = "b-1"
        await session.commit()
    yesterday = (utcnow() - timedelta(days=1)).isoformat(timespec="seconds")
    text = f"{HEADER},updated\n{GOOD},{yesterday}\n"
    async with koldo.session() as session:
        result = await shelter_files.apply(session, parse(text).records, "old.csv")
    assert result.kept_newer == 1
    kept = await get_shelter(koldo, shelter.id)
    assert (kept.free_places, kept.capacity, kept.name("en")) == (3, 120, "Bujum school")


async def test_the_sample_data_loads_twice_without_doubling(koldo: Harness) -> None:
    for _ in range(2):
        async with koldo.session() as session:
            counts = await load_sample_data(session, koldo.resources.geography)
    async with koldo.session() as session:
        assert (await shelters.count(session), await hotlines.count(session)) == (
            counts.shelters,
            counts.hotlines,
        )
        every = await shelters.every(session)
        assert all(s.sample for s in every)
        real = [h for h in await hotlines.every(session) if not h.sample]
    assert sorted(p for h in real for p in h.phones) == ["101", "102", "103", "112"]
    assert counts.shelters >= 12 and {s.district for s in every} >= {
        "batken-district",
        "leilek-district",
        "kadamjay-district",
    }


async def test_an_export_imports_again_unchanged(koldo: Harness) -> None:
    async with koldo.session() as session:
        await load_sample_data(session, koldo.resources.geography)
        shelter_rows = await shelter_files.export(session)
        hotline_rows = await hotline_files.export(session)
    assert shelter_rows[1][:4] == ["#meta+id", "#loc+name+i_ky", "#loc+name+i_ru", "#loc+name+i_en"]
    again = parse(write_table(shelter_rows))
    assert again.problems == [] and len(again.records) == len(shelter_rows) - 2
    hotlines_again = hotline_files.parse(write_table(hotline_rows).encode(), GEOGRAPHY, "h.csv")
    assert hotlines_again.problems == []
    async with koldo.session() as session:
        result = await shelter_files.apply(session, again.records, "export.csv")
        assert (result.created, result.kept_newer) == (0, 0)
        assert await shelter_files.export(session) == shelter_rows


def test_bad_hotline_rows_are_listed() -> None:
    text = "\n".join(
        [
            "id,kind,name,phones,district",
            "h-1,medical,Hospital,+996 000 000 301,batken-district",
            "h-2,astrology,Stars,+996 000 000 302,",
            "h-3,legal,Lawyers,,",
            "h-4,children,Kids,call me,",
            "h-1,medical,Again,103,Atlantis",
        ]
    )
    found = hotline_files.parse(text.encode(), GEOGRAPHY, "h.csv")
    assert found.records == []
    assert sorted((p.line, p.column, p.code, p.value) for p in found.problems) == [
        (3, "kind", ProblemCode.UNKNOWN_VALUE, "astrology"),
        (4, "phones", ProblemCode.MISSING_VALUE, ""),
        (5, "phones", ProblemCode.BAD_PHONE, "call me"),
        (6, "district", ProblemCode.UNKNOWN_DISTRICT, "Atlantis"),
        (6, "id", ProblemCode.DUPLICATE_ID, "h-1"),
    ]


async def koldo_cli(*args: str, database_url: str) -> tuple[int, str, str]:
    done = await processes.run(*args, env={"KOLDO_DATABASE_URL": database_url}, apart=True)
    return done.code, done.output, done.errors


async def test_the_command_line_imports_exports_and_refuses(koldo: Harness, tmp_path: Path) -> None:
    url = koldo.backend.database_url
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\n{GOOD}\nb-2,X,batken-district,,70.7,50,10,,,\n", encoding="utf-8")
    code, _, err = await koldo_cli("shelters", "import", str(bad), database_url=url)
    assert code == 1
    assert "NOT imported; nothing was changed" in err
    assert "line 3, lat: missing coordinates" in err

    sample = ROOT / "storage" / "data" / "sample_shelters.csv"
    code, out, _ = await koldo_cli("shelters", "import", str(sample), database_url=url)
    assert code == 0 and "15 new" in out
    code, out, _ = await koldo_cli(
        "hotlines",
        "import",
        str(ROOT / "storage" / "data" / "sample_hotlines.csv"),
        database_url=url,
    )
    assert code == 0 and "hotlines" in out

    exported = tmp_path / "out.csv"
    code, _, err = await koldo_cli("shelters", "export", str(exported), database_url=url)
    assert code == 0 and "exported 15 shelters" in err
    assert exported.read_text(encoding="utf-8").splitlines()[1].startswith("#meta+id,")
    code, out, _ = await koldo_cli("hotlines", "export", database_url=url)
    assert code == 0 and "kg-112,emergency" in out

    code, _, err = await koldo_cli(
        "shelters", "import", str(tmp_path / "none.csv"), database_url=url
    )
    assert code == 2 and "cannot read" in err
