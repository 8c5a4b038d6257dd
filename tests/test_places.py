"""The places a family can pick: every village of the fighting there once, towns without a
village step, one English spelling, and no guess from a location at a place we only roughly know."""

from __future__ import annotations

import itertools
import re

import pytest
from sqlalchemy import select

from bot.services.geo import PlaceNames
from storage.models import Case
from storage.places import Geography, distance_km
from tests.conftest import Harness
from tests.support.journeys import answer_the_rest_plainly, open_needs_form

GEOGRAPHY = Geography.load()


def _area_name(code: str, locale: str) -> str:
    area = GEOGRAPHY.area(code)
    assert area is not None
    return area.name(locale)


def _village_names(area_code: str, locale: str) -> set[str]:
    area = GEOGRAPHY.area(area_code)
    assert area is not None
    return {village.name(locale) for village in area.villages}


async def _only_case(koldo: Harness) -> Case:
    async with koldo.session() as session:
        cases = (await session.scalars(select(Case))).all()
    assert len(cases) == 1
    return cases[0]


@pytest.mark.parametrize("town", ["batken-town", "kyzyl-kiya-town", "sulukta-town", "osh-city"])
async def test_a_family_in_a_town_is_not_asked_which_village(koldo: Harness, town: str) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await open_needs_form(family, t)
    await family.tap(t("btn-choose-district"))

    await family.press(_area_name(town, "ru"))

    assert family.last_text == t("needs-size")
    await family.press("3")
    await answer_the_rest_plainly(family, t, "need-food_water")
    assert f"📍 Место: {_area_name(town, 'ru')}\n" in family.last_text
    await family.press(t("btn-confirm"))
    case = await _only_case(koldo)
    assert (case.district, case.village) == (town, None)


async def test_a_location_shared_in_a_town_names_the_town_alone(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await open_needs_form(family, t)

    await family.share_location(40.0600, 70.8200)  # the centre of Batken town

    assert t("needs-location-received", place="Баткен шаары") in family.texts()
    assert family.last_text == t("needs-size")


@pytest.mark.parametrize(
    ("area", "village", "locale"),
    [
        ("batken-district", "Көк-Терек", "ky"),
        ("leilek-district", "Жаңы-Жер", "ky"),
        ("leilek-district", "Маданият", "ky"),
        ("leilek-district", "Ленин", "ky"),
        ("leilek-district", "Катта-Туз", "ky"),
        ("leilek-district", "Ак-Чечек", "ky"),
        ("leilek-district", "Жаны-Жер", "ru"),
        ("batken-district", "Kok-Terek", "en"),
    ],
)
async def test_the_villages_of_the_fighting_can_be_picked(
    koldo: Harness, area: str, village: str, locale: str
) -> None:
    family = koldo.person()
    t = koldo.t(locale)
    await open_needs_form(family, t)
    await family.tap(t("btn-choose-district"))
    await family.press(_area_name(area, locale))
    assert family.last_text == t("needs-village", area=_area_name(area, locale))

    await family.press(village)

    assert family.last_text == t("needs-size")
    await family.press("2")
    await answer_the_rest_plainly(family, t, "need-shelter")
    assert t("place-village", village=village, area=_area_name(area, locale)) in family.last_text


async def test_a_location_near_a_roughly_placed_village_is_not_named_after_it(
    koldo: Harness,
) -> None:
    """Where we only know a village's place roughly, a shared location never gets its name:
    the family would read a wrong village as theirs."""
    rough = [
        (area, village)
        for area in GEOGRAPHY.areas
        for village in area.villages
        if village.approximate
    ]
    assert {village.name("ky") for _, village in rough} >= {"Көк-Терек", "Маданият"}
    for _, village in rough:
        found = GEOGRAPHY.nearest_place(village.latitude, village.longitude)
        assert found is None or found[1] is not village


def test_isfana_is_also_found_by_its_former_name() -> None:
    names = PlaceNames(GEOGRAPHY)
    assert names.village("leilek-district", "Раззаков") == "isfana"
    assert names.village("leilek-district", "Razzakov") == "isfana"
    assert names.village("leilek-district", "Разаков") is None  # a misspelling, not a name


def test_no_village_is_listed_twice() -> None:
    """Борбордук and Интернационал are two villages of lower Leilek (both named among the
    villages attacked in April 2021), not one under two names; no two places share a spot."""
    leilek = _village_names("leilek-district", "ky")
    assert {"Борбордук", "Интернационал"} <= leilek
    for area in GEOGRAPHY.areas:
        names = [village.name("ru") for village in area.villages]
        assert len(names) == len(set(names)), area.code
    villages = [village for area in GEOGRAPHY.areas for village in area.villages]
    for one, other in itertools.combinations(villages, 2):
        apart = distance_km(one.latitude, one.longitude, other.latitude, other.longitude)
        assert apart > 1.0, (one.code, other.code)


def test_english_names_spell_ai_one_way() -> None:
    """Кыргыз «ай» is written -ay in English everywhere (Kadamjay, Ak-Say), never -ai."""
    english = [place.name("en") for area in GEOGRAPHY.areas for place in (area, *area.villages)]
    assert not [name for name in english if re.search(r"ai|oi", name, re.IGNORECASE)]
    assert "Kadamjay District" in english and "Ak-Say" in english
