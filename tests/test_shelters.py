"""Shelters for families: the nearest with room from a shared location, or by district."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.callbacks import ShelterAction, ShelterCb
from bot.services import shelters
from bot.services.geo import Distance
from bot.services.shelters import Age
from storage.models import Case, Household, ShelterStatus, utcnow
from tests.conftest import Harness
from tests.support.journeys import LANGUAGE_BUTTONS
from tests.support.people import Person
from tests.support.shelters import ORIGIN, add_shelter, north_of

BATKEN_DISTRICT = "batken-district"


async def open_shelters(family: Person, t: object, agree: bool = True) -> None:
    """Start, language, consent (or not: shelters never depend on it), then Shelters."""
    from bot.i18n import Translator

    assert isinstance(t, Translator)
    await family.send("/start")
    await family.press(LANGUAGE_BUTTONS[t.locale])
    await family.press(t("btn-consent-agree" if agree else "btn-consent-decline"))
    await family.press(t("menu-shelters"))


async def test_nearest_ranks_room_first_by_distance_then_full_never_closed(
    koldo: Harness,
) -> None:
    near_full = await add_shelter(koldo, "Full", north_of(ORIGIN, 1.1), status=ShelterStatus.FULL)
    await add_shelter(koldo, "Closed", north_of(ORIGIN, 0.5), status=ShelterStatus.CLOSED)
    no_room = await add_shelter(koldo, "No room", north_of(ORIGIN, 0.2), free=0)
    a = await add_shelter(koldo, "A", north_of(ORIGIN, 3.3))
    c = await add_shelter(koldo, "C", north_of(ORIGIN, 11))
    e = await add_shelter(koldo, "E", north_of(ORIGIN, 55))
    far = await add_shelter(koldo, "Far", (ORIGIN[0], ORIGIN[1] + 1.5))  # about 128 km east

    async with koldo.session() as session:
        found = await shelters.nearest(session, *ORIGIN)

    assert [f.shelter.id for f in found] == [a.id, c.id, e.id, far.id, no_room.id]
    assert near_full.id not in [f.shelter.id for f in found]  # five is the limit
    distances = [f.distance_km for f in found]
    assert distances[:3] == pytest.approx([3.3, 11, 55], abs=0.05)


async def test_five_shelters_with_room_leave_full_ones_out(koldo: Harness) -> None:
    await add_shelter(koldo, "Full", north_of(ORIGIN, 0.3), status=ShelterStatus.FULL)
    with_room = [await add_shelter(koldo, f"R{k}", north_of(ORIGIN, k * 2.0)) for k in range(1, 7)]

    async with koldo.session() as session:
        found = await shelters.nearest(session, *ORIGIN)

    assert [f.shelter.id for f in found] == [s.id for s in with_room[:5]]


@pytest.mark.parametrize(
    ("km", "unit", "value"),
    [(0.04, "m", 100), (0.44, "m", 400), (0.96, "km", 1.0), (3.44, "km", 3.4), (27.3, "km", 27)],
)
def test_distances_are_rounded_as_people_read_them(km: float, unit: str, value: float) -> None:
    assert Distance.of(km) == Distance(unit, value)


def test_the_age_of_data_reads_naturally() -> None:
    now = utcnow()
    assert Age.since(now - timedelta(seconds=20), now) == Age("now", 0)
    assert Age.since(now - timedelta(minutes=17), now) == Age("minutes", 17)
    assert Age.since(now - timedelta(hours=5, minutes=59), now) == Age("hours", 5)
    assert Age.since(now - timedelta(hours=23, minutes=59), now) == Age("hours", 23)
    old = Age.since(now - timedelta(days=3, hours=2), now)
    assert old == Age("days", 3) and old.stale


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_a_family_finds_the_nearest_open_shelter_from_its_location(
    koldo: Harness, locale: str
) -> None:
    t = koldo.t(locale)
    full = await add_shelter(koldo, "Gym", north_of(ORIGIN, 0.4), status=ShelterStatus.FULL)
    school = await add_shelter(
        koldo,
        "School",
        north_of(ORIGIN, 3.44),
        free=12,
        capacity=40,
        services=["food", "medical", "children"],
        phone="+996555000111",
    )
    await add_shelter(koldo, "Burned", north_of(ORIGIN, 1), status=ShelterStatus.CLOSED)
    family = koldo.person(language_code="ru")

    await open_shelters(family, t, agree=False)
    assert family.last_text == t("shelters-location")
    assert family.reply_buttons() == [
        t("btn-share-location"),
        t("btn-choose-district"),
        t("btn-main-menu"),
    ]

    await family.share_location(*ORIGIN)

    text = family.last_text
    assert text.startswith(t("shelters-nearest"))
    distance = t("distance-km", value=3.4)
    assert (
        t("shelter-title-distance", number=1, name=school.name(locale), distance=distance) in text
    )
    assert t("shelter-places", free=12, capacity=40) in text
    assert " · ".join(t(f"service-{s}") for s in ("food", "medical", "children")) in text
    assert t("shelter-phone", phone="+996555000111") in text
    assert t("shelter-updated-minutes", count=5) in text
    near = t("distance-m", value=400)
    assert t("shelter-title-distance", number=2, name=full.name(locale), distance=near) in text
    assert text.index(t("shelter-full")) > text.index(school.name(locale))  # full comes last
    assert "Burned" not in text
    assert t("btn-main-menu") in family.last.buttons()

    await family.press(t("btn-shelter-pin", number=1, name=school.name(locale)))
    venue = family.last.venue
    assert venue is not None
    assert (venue.location.latitude, venue.location.longitude) == (
        school.latitude,
        school.longitude,
    )
    assert venue.title == school.name(locale)
    assert family.last.buttons() == [t("btn-main-menu")]


async def test_kilometres_use_the_decimal_comma_in_russian(koldo: Harness) -> None:
    t = koldo.t("ru")
    await add_shelter(koldo, "School", north_of(ORIGIN, 3.44))
    family = koldo.person()
    await open_shelters(family, t)
    await family.share_location(*ORIGIN)
    assert "— 3,4 км" in family.last_text


async def test_old_data_says_how_old_it_is(koldo: Harness) -> None:
    t = koldo.t("ru")
    await add_shelter(koldo, "Old", north_of(ORIGIN, 2), updated_at=utcnow() - timedelta(days=3))
    await add_shelter(koldo, "Fresh", north_of(ORIGIN, 3), updated_at=utcnow() - timedelta(hours=2))
    family = koldo.person()
    await open_shelters(family, t)
    await family.share_location(*ORIGIN)
    assert t("shelter-updated-days", count=3) in family.last_text
    assert "3 дня назад" in family.last_text
    assert t("shelter-updated-hours", count=2) in family.last_text


@pytest.mark.parametrize("place", [(0.0, 0.0), (55.7558, 37.6173), (-33.86, 151.2)])
async def test_a_location_far_away_gets_a_kind_answer_and_the_district_list(
    koldo: Harness, place: tuple[float, float]
) -> None:
    t = koldo.t("ky")
    shelter = await add_shelter(koldo, "Isfana gym", (39.8402, 69.5301), district="leilek-district")
    family = koldo.person()
    await open_shelters(family, t)

    await family.share_location(*place)

    assert family.last_text == t("shelters-location-far")
    leilek = koldo.resources.geography.area("leilek-district")
    assert leilek is not None
    await family.press(leilek.name("ky"))
    assert family.last_text.startswith(t("shelters-in-district", area=leilek.name("ky")))
    assert shelter.name("ky") in family.last_text


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_a_family_browses_shelters_by_district(koldo: Harness, locale: str) -> None:
    t = koldo.t(locale)
    full = await add_shelter(koldo, "Full school", ORIGIN, status=ShelterStatus.FULL)
    small = await add_shelter(koldo, "Small", north_of(ORIGIN, 5), free=3)
    big = await add_shelter(koldo, "Big", north_of(ORIGIN, 9), free=30, sample=True)
    await add_shelter(koldo, "Elsewhere", (39.84, 69.53), district="leilek-district")
    family = koldo.person()
    await open_shelters(family, t)

    await family.tap(t("btn-choose-district"))
    assert family.last_text == t("shelters-district")
    area = koldo.resources.geography.area(BATKEN_DISTRICT)
    assert area is not None
    await family.press(area.name(locale))

    text = family.last_text
    names = [big.name(locale), small.name(locale), full.name(locale)]
    assert [text.index(name) for name in names] == sorted(text.index(name) for name in names)
    assert t("shelter-full") in text
    assert t("sample-marker") in text  # the sample is shown as one
    assert "Elsewhere" not in text
    assert t("btn-staff-update") not in family.last.buttons()  # families don't edit
    assert t("btn-main-menu") in family.last.buttons()

    await family.press(t("btn-shelter-pin", number=1, name=big.name(locale)))
    assert family.last.venue is not None
    assert family.last.venue.title == t("shelter-venue-sample", name=big.name(locale))


async def test_a_long_district_list_says_how_many_are_left_out(koldo: Harness) -> None:
    t = koldo.t("en")
    for k in range(12):
        await add_shelter(koldo, f"S{k}", north_of(ORIGIN, k))
    family = koldo.person()
    await open_shelters(family, t)
    await family.tap(t("btn-choose-district"))
    await family.press("Batken District")
    assert t("shelters-district-more", shown=10, total=12) in family.last_text


async def test_no_shelter_anywhere_points_to_112_and_the_hotlines(koldo: Harness) -> None:
    t = koldo.t("en")
    family = koldo.person()
    await open_shelters(family, t)
    await family.share_location(*ORIGIN)
    assert family.last_text == t("shelters-none-near")
    assert t("menu-hotlines") in family.last.buttons()
    assert t("btn-main-menu") in family.last.buttons()

    await family.press(t("btn-other-district"))
    await family.press("Kadamjay District")
    assert family.last_text == t("shelters-none-in-district", area="Kadamjay District")
    await family.press(t("menu-hotlines"))
    assert family.last_text.startswith(t("hotlines-no-emergency"))


async def test_a_shared_location_is_not_stored(koldo: Harness) -> None:
    await add_shelter(koldo, "School", north_of(ORIGIN, 2))
    family = koldo.person()
    await open_shelters(family, koldo.t("en"))
    await family.share_location(*ORIGIN)
    async with koldo.session() as session:
        for model in (Household, Case):
            assert await session.scalar(select(func.count()).select_from(model)) == 0
    state = koldo.dispatcher.fsm.get_context(koldo.bot, family.user.id, family.user.id)
    assert await state.get_data() == {} and await state.get_state() is None


async def test_a_location_sent_without_opening_shelters_still_finds_them(koldo: Harness) -> None:
    shelter = await add_shelter(koldo, "School", north_of(ORIGIN, 2))
    family = koldo.person(language_code="en")
    await family.share_location(*ORIGIN)
    assert shelter.name("en") in family.last_text


async def test_the_main_menu_button_under_the_text_box_leads_home(koldo: Harness) -> None:
    t = koldo.t("ru")
    family = koldo.person()
    await open_shelters(family, t)
    await family.tap(t("btn-main-menu"))
    assert family.last_text == t("main-menu")


async def test_forged_and_stale_shelter_buttons_get_a_clear_answer(koldo: Harness) -> None:
    t = koldo.t("en")
    closed = await add_shelter(koldo, "Closed", ORIGIN, status=ShelterStatus.CLOSED)
    family = koldo.person(language_code="en")
    await family.send("/start")

    await family.press_data(ShelterCb(action=ShelterAction.PIN, shelter=987654).pack())
    assert family.view.alerts[-1] == t("button-expired")
    await family.press_data(ShelterCb(action=ShelterAction.PIN, shelter=closed.id).pack())
    assert family.view.alerts[-1] == t("shelter-closed-now")
    await family.press_data(ShelterCb(action=ShelterAction.DISTRICT, district="dushanbe").pack())
    assert family.view.alerts[-1] == t("button-expired")
    await family.press_data("shel:teleport:x:1")
    assert family.view.alerts[-1] == t("button-expired")
    assert all(m.venue is None for m in family.view.messages)


async def test_a_location_during_the_needs_form_still_belongs_to_the_form(koldo: Harness) -> None:
    from tests.support.journeys import open_needs_form

    t = koldo.t("en")
    await add_shelter(koldo, "School", north_of(ORIGIN, 2))
    family = koldo.person()
    await open_needs_form(family, t)
    await family.share_location(*ORIGIN)
    assert family.last_text == t("needs-size")
