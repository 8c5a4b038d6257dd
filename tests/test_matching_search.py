"""Blocking keys shared by variants, the in-memory index, and `koldo people match`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.matching.records import PersonRecord
from bot.matching.search import Index, blocking_keys


def person(full_name: str, id: str = "x") -> PersonRecord:
    return PersonRecord(id, full_name)


@pytest.mark.parametrize(
    ("record", "report"),
    [
        ("Эргешов Нурлан Акматович", "ERGESHOV NURLAN"),
        ("Эргешов Нурлан Акматович", "Nurlan Ergeshov"),
        ("Хўжаев Сардор Камолович", "Xo'jayev Sardor"),
        ("Хўжаев Сардор Камолович", "Khuzhaev Sardor"),
        ("Джаныбеков Сүйүнбек", "Zhanybekov Suyunbek"),
        ("Эргешова Бурулай", "Эргешов Бурулай"),
        ("Тагаев Кенжебек", "Тагай Кенже"),
        ("Щербаков Алексей", "Леша"),  # a short form alone
        ("Акмат уулу Бактыбек", "Bakty'bek Akmatovich"),
        ("Эргешов Нурлан", "Ргешов Нурлан"),  # a typo at the start of one word
        ("Эргешов Нурлан", "Эргешов Ннурлан"),
        ("Ысмайылов Тынчтык", "Исмаилов Tynchtyk"),
    ],
)
def test_variants_share_a_blocking_key(record: str, report: str) -> None:
    assert blocking_keys(person(record)) & blocking_keys(person(report))


def test_unrelated_names_share_no_key() -> None:
    assert not blocking_keys(person("Эргешов Нурлан")) & blocking_keys(person("Хўжаев Сардор"))


def test_keys_are_few_and_short() -> None:
    keys = blocking_keys(person("Нематуллоев Фарид Шералиевич"))
    assert 1 <= len(keys) <= 12
    assert all(len(k) <= 5 for k in keys)
    assert blocking_keys(person("")) == frozenset()


def test_the_index_retrieves_only_records_sharing_a_key() -> None:
    pool = [
        person("Эргешов Нурлан", "a"),
        person("Хўжаев Сардор", "b"),
        person("Эргешова Бурулай", "c"),
    ]
    index = Index(pool)
    ids = {r.id for r in index.candidates(person("ERGESHOV NURLAN"))}
    assert ids == {"a", "c"}
    assert [m.id for m in index.search(person("ERGESHOV NURLAN"), top=1)] == ["a"]


POOL_ROWS = [
    {"id": "p1", "full_name": "Эргешов Нурлан Акматович", "sex": "M", "age": 41,
     "birth_year": None, "settlement": "Ноокат", "phone": None, "script": "cyrillic"},
    {"id": "p2", "full_name": "Эргешова Бурулай", "sex": "F", "age": None,
     "birth_year": 1990, "settlement": "Ноокат", "phone": "0555 123 456", "script": "cyrillic"},
    {"id": "p3", "full_name": "Xo'jayev Sardor", "sex": "M", "age": 33,
     "birth_year": None, "settlement": "Uch-Korgon", "phone": None, "script": "latin"},
]  # fmt: skip
QUERY_ROWS = [
    {"query_id": "q1", "full_name": "NURLAN ERGESHOV", "sex": "M", "age": 40,
     "birth_year": None, "settlement": "Nookat", "phone": None, "script": "latin"},
    {"query_id": "q2", "full_name": "Хужаев Сардор", "sex": None, "age": None,
     "birth_year": None, "settlement": None, "phone": None, "script": "cyrillic"},
    {"query_id": "q3", "full_name": "Мамытова Асель", "sex": "F", "age": 20,
     "birth_year": None, "settlement": None, "phone": None, "script": "cyrillic"},
]  # fmt: skip


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _check_output(text: str, top: int) -> list[dict[str, object]]:
    lines = [json.loads(line) for line in text.splitlines()]
    assert [line["query_id"] for line in lines] == ["q1", "q2", "q3"]
    for line in lines:
        assert set(line) == {"query_id", "matches"}
        matches = line["matches"]
        assert isinstance(matches, list) and len(matches) <= top
        scores = [m["score"] for m in matches]
        assert scores == sorted(scores, reverse=True)
        assert all(set(m) == {"id", "score"} and 0.0 <= m["score"] <= 1.0 for m in matches)
    return lines


def test_people_match_prints_one_json_line_per_query(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pool = _write(tmp_path / "pool.jsonl", POOL_ROWS)
    queries = _write(tmp_path / "queries.jsonl", QUERY_ROWS)
    code = main(["people", "match", "--pool", str(pool), "--queries", str(queries), "--top", "2"])
    assert code == 0
    lines = _check_output(capsys.readouterr().out, top=2)
    first: list[dict[str, object]] = lines[0]["matches"]  # type: ignore[assignment]
    second: list[dict[str, object]] = lines[1]["matches"]  # type: ignore[assignment]
    assert first[0]["id"] == "p1"
    assert second[0]["id"] == "p3"


def test_people_match_reads_the_paths_from_the_environment_and_starts_light(
    tmp_path: Path,
) -> None:
    pool = _write(tmp_path / "pool.jsonl", POOL_ROWS)
    queries = _write(tmp_path / "queries.jsonl", QUERY_ROWS)
    program = (
        "import sys\n"
        "from bot.cli import main\n"
        "code = main(['people', 'match'])\n"
        "heavy = [m for m in ('aiogram', 'sqlalchemy', 'redis') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        env={"POOL": str(pool), "QUERIES": str(queries), "PATH": ""},
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    _check_output(done.stdout, top=5)
    assert "HEAVY []" in done.stderr


def test_people_match_without_files_says_what_is_missing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POOL", raising=False)
    monkeypatch.delenv("QUERIES", raising=False)
    assert main(["people", "match"]) == 2
    assert "--pool" in capsys.readouterr().err


def test_people_match_refuses_a_line_that_is_not_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pool = tmp_path / "pool.jsonl"
    pool.write_text('{"id": "p1", "full_name": "Эргешов Нурлан"}\nnot json\n', "utf-8")
    queries = _write(tmp_path / "queries.jsonl", QUERY_ROWS)
    assert main(["people", "match", "--pool", str(pool), "--queries", str(queries)]) == 2
    assert "pool.jsonl:2" in capsys.readouterr().err
