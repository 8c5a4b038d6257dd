"""Domain rules: the priority of a case and the shape of its code."""

from __future__ import annotations

import pytest

from bot.services.codes import ALPHABET, CODE_LENGTH, new_code, normalize
from bot.services.needs import Need, Vulnerability, parse_household_size, priority_for
from storage.models import Priority


@pytest.mark.parametrize(
    ("needs", "vulnerable", "expected"),
    [
        ([Need.MEDICAL], [Vulnerability.ELDERLY], Priority.URGENT),
        ([Need.MEDICAL, Need.CASH], [Vulnerability.CHRONIC_ILLNESS], Priority.URGENT),
        ([Need.SHELTER], [Vulnerability.PREGNANT], Priority.URGENT),
        ([Need.SHELTER], [Vulnerability.YOUNG_CHILDREN], Priority.URGENT),
        ([Need.SHELTER], [Vulnerability.ELDERLY], Priority.HIGH),
        ([Need.MEDICAL], [], Priority.HIGH),
        ([Need.FOOD_WATER], [], Priority.HIGH),
        ([Need.LEGAL], [Vulnerability.DISABLED], Priority.HIGH),
        ([Need.DOCUMENTS, Need.CASH], [], Priority.NORMAL),
        ([Need.PSYCHOLOGICAL], [], Priority.NORMAL),
    ],
)
def test_priority_rule(
    needs: list[Need], vulnerable: list[Vulnerability], expected: Priority
) -> None:
    assert priority_for(needs, vulnerable) == expected


def test_codes_avoid_characters_people_confuse() -> None:
    assert not set("0O1IL") & set(ALPHABET)
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(code) == CODE_LENGTH and set(code) <= set(ALPHABET) for code in codes)


def test_a_code_read_back_with_spaces_and_small_letters_is_understood() -> None:
    assert normalize(" k7f-3mx ") == "K7F3MX"


@pytest.mark.parametrize(
    ("typed", "size"),
    [
        ("4", 4),
        (" 12 ", 12),
        ("30", 30),
        ("0", None),
        ("-3", None),
        ("31", None),
        ("five", None),
        ("3.5", None),
        ("", None),
        ("٣", 3),
    ],
)
def test_household_size_parsing(typed: str, size: int | None) -> None:
    assert parse_household_size(typed) == size
