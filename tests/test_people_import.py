"""Lists of people into the person index: CSV (plain or HXL) and JSON lines, refused whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli.datafiles import describe
from bot.config import LOCALES
from bot.i18n import Localization
from bot.services import people_files
from bot.services.people_files import ImportedPerson
from bot.services.tables import Problem, ProblemCode
from storage.models import AuditEntry, Person, PersonKey
from storage.repositories import audit, people
from tests.conftest import Harness
from tests.test_shelter_import import koldo_cli

YEAR = 2026
HEADER = "id,full_name,sex,age,birth_year,settlement,phone"
LIST = "Batken shelter list 2026-05-03"


def parse(text: str | bytes) -> people_files.PeopleFile:
    data = text.encode() if isinstance(text, str) else text
    return people_files.parse(data, YEAR)


def problems(text: str | bytes) -> list[tuple[int, str, ProblemCode, str]]:
    found = parse(text)
    assert found.records == []  # refused whole
    return sorted((p.line, p.column, p.code, p.value) for p in found.problems)


def jsonl(*items: dict[str, object]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def test_plain_headers_are_read_and_names_kept_as_written() -> None:
    found = parse(
        f"{HEADER}\n"
        "p1,Жумабаев Мырзабек Токтосунович,M,44,,Көк-Терек,+996 555 12-34-56\n"
        "p2,  DZHUMABAEVA   Aigul ,f,,1990,,\n"
        "p3,Улан уулу Бекназар,,,,,\n"
    )
    assert found.problems == []
    assert found.records == [
        ImportedPerson(
            "p1", "Жумабаев Мырзабек Токтосунович", "M", 44, None, "Көк-Терек", "+996 555 12-34-56"
        ),
        ImportedPerson("p2", "DZHUMABAEVA   Aigul", "F", None, 1990, None, None),
        ImportedPerson("p3", "Улан уулу Бекназар", None, None, None, None, None),
    ]


def test_hxl_hashtags_alone_or_under_headers_are_read() -> None:
    alone = parse(
        "#id,#name,#gender,#date+birth,#adm4+name,#contact+phone\n"
        "x-1,Karimova Sitora,female,1987-04-12,Sulukta,0770 123 456\n"
        "x-2,Karimov Farrukh,male,12.04.1985,Batken sh.,\n"
    )
    assert alone.problems == []
    assert [(r.external_id, r.sex, r.birth_year, r.settlement) for r in alone.records] == [
        ("x-1", "F", 1987, "Sulukta"),
        ("x-2", "M", 1985, "Batken sh."),
    ]
    under = parse(
        "Number,Name,Sex,Age,Village,Notes\n"
        "#meta+id,#contact+name,#gender,#age,#loc+name,#meta+notes\n"
        "7,Абдыкадыров Эрлан,M,61,с. Карабулак,from the school\n"
    )
    assert under.problems == []
    assert under.records == [
        ImportedPerson("7", "Абдыкадыров Эрлан", "M", 61, None, "с. Карабулак", None)
    ]


def test_json_lines_with_the_fields_of_the_matching_data_are_read() -> None:
    found = parse(
        jsonl(
            {
                "id": "p0001",
                "full_name": "Ҷалолов Фаррух",
                "sex": "M",
                "age": 34,
                "birth_year": None,
                "settlement": "Исфара",
                "phone": "+992 92 123 4567",
                "script": "cyrillic",  # fields of other tools are left alone
            },
            {"id": "p0002", "full_name": "Oʻtkir Jo'rayev", "birth_year": 1970},
        )
        + "\n"
    )
    assert found.problems == []
    assert found.records == [
        ImportedPerson("p0001", "Ҷалолов Фаррух", "M", 34, None, "Исфара", "+992 92 123 4567"),
        ImportedPerson("p0002", "Oʻtkir Jo'rayev", None, None, 1970, None, None),
    ]


def test_control_characters_are_stripped_from_every_cell() -> None:
    csv_found = parse(f"{HEADER}\np1,Жума\x00баев\x1b Мырза\x7fбек,M,,,Көк\x07-Терек,\n")
    json_found = parse(jsonl({"id": "p\u00012", "full_name": "Ali\u0000 Nur\u009b"}))
    assert [(r.full_name, r.settlement) for r in csv_found.records] == [
        ("Жумабаев Мырзабек", "Көк-Терек")
    ]
    assert [(r.external_id, r.full_name) for r in json_found.records] == [("p2", "Ali Nur")]


def test_every_bad_row_is_listed_and_the_csv_is_refused_whole() -> None:
    rows = [
        HEADER,
        "p1,Жумабаев Мырзабек,M,44,,,",  # good, and still not imported
        "p2,,M,30,,,",  # no name
        f"p3,{'Ж' * 5000},F,,,,",  # a name of 5,000 characters
        "p4,Ali Nur,X,,,,",  # sex neither M nor F
        "p5,Ali Nur,,abc,,,",  # age not a number
        "p6,Ali Nur,,12.5,,,",  # age not a whole number
        "p7,Ali Nur,,130,,,",  # age out of 0-120
        "p8,Ali Nur,,-3,,,",  # below zero
        "p9,Ali Nur,,30,1995,,",  # age and birth year
        "p10,Ali Nur,,,2031,,",  # born in the future
        "p11,Ali Nur,,,1850,,",  # more than 120 years ago
        "p12,Ali Nur,,,long ago,,",  # not a year
        "p1,Bek Ulan,M,,,,",  # the id of line 2
        ",Bek Ulan,M,,,,",  # no id
    ]
    assert problems("\n".join(rows)) == [
        (3, "full_name", ProblemCode.MISSING_VALUE, ""),
        (4, "full_name", ProblemCode.TOO_LONG, "200"),
        (5, "sex", ProblemCode.BAD_SEX, "X"),
        (6, "age", ProblemCode.NOT_A_NUMBER, "abc"),
        (7, "age", ProblemCode.NOT_A_NUMBER, "12.5"),
        (8, "age", ProblemCode.BAD_AGE, "130"),
        (9, "age", ProblemCode.NEGATIVE, "-3"),
        (10, "birth_year", ProblemCode.AGE_AND_BIRTH_YEAR, ""),
        (11, "birth_year", ProblemCode.BAD_BIRTH_YEAR, "2031"),
        (12, "birth_year", ProblemCode.BAD_BIRTH_YEAR, "1850"),
        (13, "birth_year", ProblemCode.BAD_BIRTH_YEAR, "long ago"),
        (14, "id", ProblemCode.DUPLICATE_ID, "p1"),
        (15, "id", ProblemCode.MISSING_VALUE, ""),
    ]


def test_every_bad_line_is_listed_and_json_lines_are_refused_whole() -> None:
    text = (
        jsonl({"id": "p1", "full_name": "Ali Nur", "age": 30})
        + "not json at all\n"
        + "[1, 2]\n"
        + jsonl(
            {"id": "p2", "sex": "M"},
            {"id": "p3", "full_name": "Bek", "sex": "man", "age": 30.5},
            {"id": "p4", "full_name": "Bek", "age": True, "phone": ["0555"]},
            {"id": "p5", "full_name": "Bek", "age": 30, "birth_year": 1996},
            {"id": "p1", "full_name": "Bek"},
            {"id": 6, "full_name": "Bek", "birth_year": 2030},
        )
    )
    assert problems(text) == [
        (2, "", ProblemCode.NOT_JSON, ""),
        (3, "", ProblemCode.NOT_JSON, ""),
        (4, "full_name", ProblemCode.MISSING_VALUE, ""),
        (5, "age", ProblemCode.NOT_A_NUMBER, "30.5"),
        (5, "sex", ProblemCode.BAD_SEX, "man"),
        (6, "age", ProblemCode.UNKNOWN_VALUE, "true"),
        (6, "phone", ProblemCode.UNKNOWN_VALUE, '["0555"]'),
        (7, "birth_year", ProblemCode.AGE_AND_BIRTH_YEAR, ""),
        (8, "id", ProblemCode.DUPLICATE_ID, "p1"),
        (9, "birth_year", ProblemCode.BAD_BIRTH_YEAR, "2030"),
    ]


def test_files_that_are_not_lists_of_people() -> None:
    assert problems(f"{HEADER}\np1,Тест,M,,,,\n".encode("cp1251")) == [
        (2, "", ProblemCode.NOT_UTF8, "")
    ]
    assert problems(jsonl({"id": "p1", "full_name": "Тест"}).encode("utf-16")) == [
        (1, "", ProblemCode.NOT_UTF8, "")
    ]
    assert problems("") == [(1, "", ProblemCode.EMPTY_FILE, "")]
    assert problems("id,sex,age\np1,M,3\n") == [(1, "full_name", ProblemCode.MISSING_COLUMN, "")]
    assert problems("#name,#gender\nAli,M\n") == [(1, "#meta+id", ProblemCode.MISSING_COLUMN, "")]


def test_the_new_reasons_read_as_sentences() -> None:
    t = Localization().translator("en")
    assert describe(t, Problem(8, "age", ProblemCode.BAD_AGE, "130")) == (
        "line 8, age: “130” is not an age from 0 to 120"
    )
    assert describe(t, Problem(5, "sex", ProblemCode.BAD_SEX, "X")).startswith(
        "line 5, sex: “X” is not a sex"
    )
    assert describe(t, Problem(2, "", ProblemCode.NOT_JSON)).startswith(
        "line 2: this line is not one JSON object"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_every_reason_to_refuse_a_file_has_a_text_in_every_language(locale: str) -> None:
    t = Localization().translator(locale)
    for code in ProblemCode:
        message = f"import-problem-{code.value}"
        assert t(message, value="X", other=2) != message, message


# --- into the database, and through the command line -----------------------------------------


async def test_an_import_adds_then_updates_and_is_audited(koldo: Harness) -> None:
    first = parse(f"{HEADER}\np1,Ali Nur,M,30,,,\np2,Bek Ulan,,,,,\n")
    second = parse(f"{HEADER}\np1,Ali Nurov,M,31,,,\np3,Asel,F,,,,\n")
    async with koldo.session() as session:
        done = await people_files.apply(session, first.records, LIST)
    assert (done.created, done.updated) == (2, 0)
    async with koldo.session() as session:
        done = await people_files.apply(session, second.records, LIST)
    assert (done.created, done.updated) == (1, 1)
    async with koldo.session() as session:
        rows = await people.of_list(session, LIST)
        assert [(p.external_id, p.full_name, p.age) for p in rows] == [
            ("p1", "Ali Nurov", 31),
            ("p2", "Bek Ulan", None),
            ("p3", "Asel", None),
        ]
        entries = await audit.entries(session, "people.imported")
        assert [(e.subject, e.details) for e in entries] == [
            (LIST, {"created": 2, "updated": 0}),
            (LIST, {"created": 1, "updated": 1}),
        ]


async def count(koldo: Harness, model: type[Person] | type[PersonKey] | type[AuditEntry]) -> int:
    async with koldo.session() as session:
        return await session.scalar(select(func.count()).select_from(model)) or 0


async def test_the_command_line_imports_updates_and_refuses(koldo: Harness, tmp_path: Path) -> None:
    url = koldo.backend.database_url
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\np1,Ali Nur,M,,,,\np2,,Q,200,,,\n", encoding="utf-8")
    code, out, err = await koldo_cli(
        "people", "import", str(bad), "--source", LIST, database_url=url
    )
    assert code == 1 and out == ""
    assert "NOT imported; nothing was changed. 3 problem(s) to fix" in err
    assert "line 3, full_name: empty, but it is needed" in err
    assert "line 3, sex: “Q” is not a sex: write M or F, or leave it empty" in err
    assert "line 3, age: “200” is not an age from 0 to 120" in err
    assert (await count(koldo, Person), await count(koldo, AuditEntry)) == (0, 0)

    good = tmp_path / "list.jsonl"
    good.write_text(
        jsonl(
            {"id": "p1", "full_name": "DZHUMABAEV MIRZABEK", "sex": "M", "age": 44},
            {"id": "p2", "full_name": "Toktogulova Aigul", "birth_year": 1990},
        ),
        encoding="utf-8",
    )
    code, out, _ = await koldo_cli(
        "people", "import", str(good), "--source", LIST, database_url=url
    )
    assert code == 0 and "2 new, 0 updated" in out
    hxl = tmp_path / "list.csv"
    hxl.write_text("#id,#name,#age\np2,Toktogulova Aigul,35\np3,Ali Nur,8\n", encoding="utf-8")
    code, out, _ = await koldo_cli("people", "import", str(hxl), "--source", LIST, database_url=url)
    assert code == 0 and "1 new, 1 updated" in out
    async with koldo.session() as session:
        rows = await people.of_list(session, LIST)
        assert [(p.external_id, p.full_name, p.age, p.birth_year) for p in rows] == [
            ("p1", "DZHUMABAEV MIRZABEK", 44, None),
            ("p2", "Toktogulova Aigul", 35, None),
            ("p3", "Ali Nur", 8, None),
        ]
        assert await people.keys_of(session, rows[0].id) != []

    code, _, err = await koldo_cli(
        "people", "import", str(tmp_path / "none.csv"), "--source", LIST, database_url=url
    )
    assert code == 2 and "cannot read" in err
    code, _, err = await koldo_cli("people", "import", str(good), "--source", " ", database_url=url)
    assert code == 2 and "--source" in err
    code, _, err = await koldo_cli("people", "import", str(good), database_url=url)
    assert code == 2 and "--source" in err
    assert await count(koldo, Person) == 3
