"""Scores across every kind of variation of the development README, and their calibration.

The people are made up: none of the development set's names or villages appear here.
"""

from __future__ import annotations

import pytest

from bot.matching.records import PersonRecord
from bot.matching.score import phone_key, score, settlement_key
from bot.matching.search import rank

THRESHOLD = 0.8

NURLAN = PersonRecord(
    "p-nurlan", "Эргешов Нурлан Акматович", "M", 41, None, "с. Ноокат", "+996 555 12 34 56"
)
BURULAI = PersonRecord("p-burulai", "Эргешова Бурулай Акматовна", "F", None, 1990, "Ноокат", None)
SARDOR = PersonRecord("p-sardor", "Хўжаев Сардор Камолович", "M", 33, None, "Уч-Коргон", None)
FARID = PersonRecord("p-farid", "Нематуллоев Фарид Шералиевич", "M", 27, None, "Кызыл-Кия", None)
TULKIN = PersonRecord("p-tulkin", "Шукурзода Тўлқин", "M", 52, None, "Кадамжай", None)
ALEKSEI = PersonRecord("p-aleksei", "Щербаков Алексей Дмитриевич", "M", 60, None, "Ноокат", None)
BAKTYBEK = PersonRecord("p-baktybek", "Акмат уулу Бактыбек", "M", 19, None, "Ноокат", None)
KENJEBEK = PersonRecord("p-kenjebek", "Тагаев Кенжебек", "M", 45, None, "Кадамжай", None)
SHAHNOZA = PersonRecord("p-shahnoza", "Хўжаева Шаҳноза", "F", 30, None, "Уч-Коргон", None)

# Hard negatives, as the README describes them.
NURLAN_BROTHER = PersonRecord(
    "p-ermek", "Эргешов Эрмек Акматович", "M", 38, None, "Ноокат", "+996555123456"
)
NURLAN_FATHER = PersonRecord("p-akmat", "Эргешов Акмат", "M", 70, None, "Ноокат", None)
NURLAN_DAUGHTER = PersonRecord(
    "p-aigerim", "Эргешова Айгерим Нурлановна", "F", 12, None, "Ноокат", "0555 123 456"
)
NURLAN_NAMESAKE_OLD = PersonRecord("p-nurlan-71", "Эргешов Нурлан", "M", 71, None, "Ноокат", None)
FARIDA_SISTER = PersonRecord(
    "p-farida", "Нематуллоева Фарида Шералиевна", "F", 25, None, "Кызыл-Кия", None
)
SIMILAR_SURNAME = PersonRecord("p-sardor2", "Хўжамов Сардор", "M", 30, None, "Араван", None)

POOL = [
    NURLAN, BURULAI, SARDOR, FARID, TULKIN, ALEKSEI, BAKTYBEK, KENJEBEK, SHAHNOZA,
    NURLAN_BROTHER, NURLAN_FATHER, NURLAN_DAUGHTER, NURLAN_NAMESAKE_OLD, FARIDA_SISTER,
    SIMILAR_SURNAME,
]  # fmt: skip


def report(
    full_name: str,
    sex: str | None = None,
    age: int | None = None,
    settlement: str | None = None,
    phone: str | None = None,
    birth_year: int | None = None,
) -> PersonRecord:
    return PersonRecord("q", full_name, sex, age, birth_year, settlement, phone)


def found_first(query: PersonRecord, expected: PersonRecord) -> float:
    """The score of `expected`, asserting it ranks first in the pool."""
    best = rank(query, POOL, top=5)
    assert best[0].id == expected.id, (query.full_name, best)
    return best[0].score


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # script and spelling systems
        (report("Эргешов Нурлан", "M", 41, "Ноокат"), NURLAN),  # the same, no patronymic
        (report("ERGESHOV NURLAN AKMATOVICH", "M", 40, "Nookat"), NURLAN),  # ICAO
        (report("Ergeshova Burulai", "F", 35, "v. Nookat"), BURULAI),  # ICAO, village prefix
        (report("Khuzhaev Sardor", "M", 34, "Uch-Korgon"), SARDOR),  # ad hoc
        (report("Xo'jayev Sardor Kamol o'g'li", "M", 33), SARDOR),  # official Uzbek Latin
        (report("Хужаев Сардор", "M", 32, "Уч-Коргон"), SARDOR),  # Uzbek on a Russian keyboard
        (report("Шукурзода Тулкин", "M", 52, "Кадамжай"), TULKIN),  # Uzbek ў қ typed as у к
        (report("Shukurzoda To'lqin", "M", 50), TULKIN),
        (report("SHCHERBAKOV ALEKSEI", "M", 60, "Nookat"), ALEKSEI),  # ICAO shch / ei
        (report("Shcherbakov Aleksey Dmitriyevich", "M"), ALEKSEI),  # older passport style
        (report("Shherbakov Aleksej", "M", 61), ALEKSEI),  # GOST-like j
        # structure
        (report("Нурлан Эргешов", "M", 41, "Ноокат"), NURLAN),  # order swap
        (report("Нурлан Акмат уулу Эргешов", "M", 42), NURLAN),  # patronymic style change
        (report("Бурулай Акмат кызы", "F", 34, "Ноокат"), BURULAI),  # surname omitted
        (report("Бактыбек Акматович", "M", 19, "Ноокат"), BAKTYBEK),  # uulu person
        (report("Bakty'bek Akmat uulu", "M", None, "Nookat"), BAKTYBEK),  # GOST uulu person
        (report("Тагай Кенжебек", "M", 44, "Кадамжай"), KENJEBEK),  # surname suffix dropped
        (report("Эргешов Бурулай", "F", 35, "Ноокат"), BURULAI),  # female surname as male
        (report("Нематуллоев Фарид Шералиевич", "M", 27, "Кызыл-Кия"), FARID),  # added back
        # given name short forms
        (report("Леша Щербаков", "M", 60, "Ноокат"), ALEKSEI),
        (report("Кенже Тагаев", "M", 45, "Кадамжай"), KENJEBEK),
        # noise
        (report("Эргешов Нурлн", "M", 41, "Ноокат"), NURLAN),  # typo: dropped letter
        (report("Эргшов Нурлна", "M", 41, "Ноокат"), NURLAN),  # two typos
        (report("Эргешов Нурлан", None, None, None), NURLAN),  # age, sex, village unknown
        (report("Эргешов Нурлан", "M", 44, "Ноокат"), NURLAN),  # age off by 3
        (report("Эргешов Нурлан", "M", birth_year=1984), NURLAN),  # birth year instead of age
        (report("Нурлан Эргешов", "M", phone="0 555 12-34-56"), NURLAN),  # phone in another format
        (report("ЭРГEШOВ НУРЛAН", "M", 41), NURLAN),  # Latin look-alike letters
    ],
)
def test_each_variation_finds_the_true_record_first(
    query: PersonRecord, expected: PersonRecord
) -> None:
    found_first(query, expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (report("ERGESHOV NURLAN AKMATOVICH", "M", 40, "Nookat"), NURLAN),
        (report("Xo'jayev Sardor", "M", 33, "Uch-Korgon"), SARDOR),
        (report("Нурлан Эргешов", "M", 41, "айыл Ноокат", "0555123456"), NURLAN),
        (report("Shukurzoda Tulkin", "M", 52, "Kadamjai"), TULKIN),
    ],
)
def test_a_clear_match_scores_above_the_threshold(
    query: PersonRecord, expected: PersonRecord
) -> None:
    assert found_first(query, expected) >= THRESHOLD


def test_a_namesake_thirty_years_older_is_not_a_match() -> None:
    query = report("Эргешов Нурлан", "M", 41, "Ноокат")
    assert score(query, NURLAN).score >= THRESHOLD
    older = score(query, NURLAN_NAMESAKE_OLD)
    assert older.score < THRESHOLD
    assert "-age" in older.reasons
    assert "given" in older.reasons and "surname" in older.reasons


def test_an_opposite_sex_sibling_one_letter_apart_is_not_a_match() -> None:
    query = report("Нематуллоева Фарида", "F", 25, "Кызыл-Кия")
    assert found_first(query, FARIDA_SISTER) >= THRESHOLD
    brother = score(query, FARID)
    assert brother.score < THRESHOLD
    assert "-sex" in brother.reasons
    # and the other way round
    assert score(report("Нематуллоев Фарид", "M", 27, "Кызыл-Кия"), FARIDA_SISTER).score < 0.8


def test_a_relative_sharing_surname_and_patronymic_ranks_below_the_true_person() -> None:
    query = report("Эргешов Нурлан Акматович", "M", 40, "Ноокат", "+996555123456")
    true, brother = score(query, NURLAN), score(query, NURLAN_BROTHER)
    assert brother.score < true.score
    assert brother.score < THRESHOLD
    assert "-given" in brother.reasons and "patronymic" in brother.reasons


def test_the_father_whose_given_name_is_the_patronymic_is_not_a_match() -> None:
    query = report("Эргешов Нурлан Акматович", "M", None, "Ноокат")
    assert score(query, NURLAN_FATHER).score < THRESHOLD
    assert score(query, NURLAN_FATHER).score < score(query, NURLAN).score


def test_a_shared_phone_alone_does_not_make_a_child_the_parent() -> None:
    query = report("Эргешов Нурлан", "M", 41, "Ноокат", "0555 123 456")
    daughter = score(query, NURLAN_DAUGHTER)
    assert "phone" in daughter.reasons
    assert daughter.score < THRESHOLD


def test_a_similar_surname_with_the_same_given_name_ranks_below() -> None:
    query = report("Хўжаев Сардор", "M", 33)
    assert score(query, SIMILAR_SURNAME).score < score(query, SARDOR).score


def test_a_namesake_in_another_village_is_not_above_the_threshold() -> None:
    query = report("Эргешов Нурлан", "M", settlement="Кадамжай")
    assert score(query, NURLAN).score < THRESHOLD
    assert "-settlement" in score(query, NURLAN).reasons


def test_another_surname_with_the_same_given_name_age_and_village_is_not_a_match() -> None:
    # Two men named Nurlan of one age in one village are common; their surnames tell them apart.
    query = report("Эрматов Нурлан", "M", 41, "Ноокат")
    assert score(query, NURLAN).score < THRESHOLD
    assert "-surname" in score(query, NURLAN).reasons


def test_someone_not_in_the_pool_scores_low_against_everyone() -> None:
    for name in ("Мамытов Азиз", "Rasulova Madina", "Ivanova Olesia"):
        best = rank(report(name, age=30), POOL, top=1)
        assert best[0].score < THRESHOLD, (name, best)


def test_reasons_name_the_fields_that_agree() -> None:
    query = report("Ergeshov Nurlan Akmatovich", "M", 41, "Nookat", "+996 555 123456")
    reasons = set(score(query, NURLAN).reasons)
    assert {"surname", "given", "patronymic", "sex", "age", "settlement", "phone"} <= reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("с. Ноокат", "Nookat"),
        ("Уч-Коргон", "uch korgon"),
        ("Nookat sh.", "Ноокат шаары"),
        ("г. Кызыл-Кия", "Kyzyl-Kiya city"),
    ],
)
def test_settlement_keys_ignore_the_kind_of_place(a: str, b: str) -> None:
    assert settlement_key(a) == settlement_key(b)


def test_phone_keys_are_the_last_nine_digits() -> None:
    assert phone_key("+996 (555) 12-34-56") == phone_key("0555123456") == "555123456"
    assert phone_key("12-34") == ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (report("Леша Щербаков", "M", 60, "Ноокат"), ALEKSEI),
        (report("Lyosha Shcherbakov", "M", 59, "Nookat"), ALEKSEI),
        (report("Кенже Тагаев", "M", 45, "Кадамжай"), KENJEBEK),
    ],
)
def test_a_short_given_name_agrees_with_the_full_one(
    query: PersonRecord, expected: PersonRecord
) -> None:
    match = score(query, expected)
    assert "given" in match.reasons
    assert match.score >= THRESHOLD
