"""A full name split into surname, given name and patronymic, in any order and style."""

from __future__ import annotations

import pytest

from bot.matching.names import SHORT_FORMS, parse, short_form_expansions, token
from bot.matching.translit import phonetic, skeleton


def given_and_surname(full_name: str) -> tuple[set[str], str | None]:
    name = parse(full_name)
    surname = name.tokens[name.surname].phonetic if name.surname is not None else None
    return {t.phonetic for t in name.tokens}, surname


@pytest.mark.parametrize(
    "full_name",
    ["Эргешов Нурлан Акматович", "Нурлан Акматович Эргешов", "Nurlan Akmatovich Ergeshov"],
)
def test_russian_patronymic_found_in_any_order(full_name: str) -> None:
    name = parse(full_name)
    assert name.patronymic is not None
    assert name.patronymic.phonetic == "akmat"
    assert name.patronymic_sex == "M"
    assert {t.phonetic for t in name.tokens} == {"ergeshov", "nurlan"}
    assert name.tokens[name.surname or 0].phonetic == "ergeshov"


@pytest.mark.parametrize(
    ("full_name", "father", "sex"),
    [
        ("Эргешова Бурулай Акматовна", "akmat", "F"),
        ("Сардор Камолович", "kamol", "M"),
        ("Бурулай Акмат кызы", "akmat", "F"),
        ("Burulai Akmat kyzy", "akmat", "F"),
        ("Нурлан Акмат уулу", "akmat", "M"),
        ("Nurlan Akmat uulu", "akmat", "M"),
        ("Сардор Камол ўғли", "kamol", "M"),
        ("Sardor Kamol o'g'li", "kamol", "M"),
        ("Dilafruz Kamol qizi", "kamol", "F"),
    ],
)
def test_patronymic_markers_take_the_fathers_name(full_name: str, father: str, sex: str) -> None:
    name = parse(full_name)
    assert name.patronymic is not None and name.patronymic.phonetic == father
    assert name.patronymic_sex == sex


def test_surname_less_person_registered_as_father_uulu_given() -> None:
    name = parse("Акмат уулу Нурлан")
    assert name.patronymic is not None and name.patronymic.phonetic == "akmat"
    assert [t.phonetic for t in name.tokens] == ["nurlan"]
    assert name.surname is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Эргешова", "Эргешов"),  # female form reported as male
        ("Тагаева", "Тагаев"),
        ("Шукурзода", "Шукуров"),  # Tajik -зода / -ов
    ],
)
def test_surname_forms_share_a_stem(a: str, b: str) -> None:
    assert token(a).stem == token(b).stem != ""


@pytest.mark.parametrize(
    ("full", "dropped"), [("Тагаев", "Тагай"), ("Кенжебеков", "Кенжебек"), ("Акматов", "Акмат")]
)
def test_dropped_surname_suffix_leaves_the_stem(full: str, dropped: str) -> None:
    assert token(full).stem in {token(dropped).skeleton, token(dropped).stem}


def test_short_forms_table_expands_in_any_script() -> None:
    for short, fulls in SHORT_FORMS.items():
        assert short_form_expansions(skeleton(phonetic(short))), short
        for full in fulls:
            assert skeleton(phonetic(full)) in short_form_expansions(skeleton(phonetic(short)))
    assert skeleton(phonetic("Владимир")) in short_form_expansions(skeleton(phonetic("Volodya")))
    assert short_form_expansions(skeleton(phonetic("Нурлан"))) == ()


def test_given_name_elements_give_the_short_stem() -> None:
    # Кенжебек -> Кенже, Рахимжон -> Рахим: a short form drops the element
    assert token("Кенжебек").stem == token("Кенже").skeleton
    assert token("Рахимжон").stem == token("Rakhim").skeleton


def test_a_huge_or_empty_name_parses_without_error() -> None:
    assert parse("").tokens == ()
    assert parse("!!! 123").tokens == ()
    assert len(parse("Нурлан " * 2000).tokens) <= 4
