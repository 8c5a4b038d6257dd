"""Staff keep shelters true: two taps and a number, audited, refused outside their districts."""

from __future__ import annotations

import pytest

from bot.callbacks import StaffShelterAction, StaffShelterCb
from storage.models import Role, ShelterStatus
from storage.repositories import audit
from tests.conftest import Harness
from tests.support.people import Person
from tests.support.shelters import ORIGIN, add_shelter, get_shelter, make_staff, north_of

LEILEK_GYM = (39.8402, 69.5301)


async def coordinator(koldo: Harness, districts: list[str], language: str = "en") -> Person:
    person = koldo.person(language_code=language)
    await make_staff(koldo, person.user.id, Role.COORDINATOR, districts, language)
    await person.send("/menu")  # a message to press forged buttons on
    return person


def staff_data(action: StaffShelterAction, shelter: int = 0, **rest: object) -> str:
    return StaffShelterCb(action=action, shelter=shelter, **rest).pack()  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_a_coordinator_updates_free_places_in_two_taps_and_a_number(
    koldo: Harness, locale: str
) -> None:
    t = koldo.t(locale)
    shelter = await add_shelter(koldo, "School", north_of(ORIGIN, 2), free=3, capacity=40)
    staff = await coordinator(koldo, ["batken-district"], locale)

    await staff.send("/myshelters")  # one district: its list at once
    area = koldo.resources.geography.area("batken-district")
    assert area is not None
    assert staff.last_text == t("staff-shelters", area=area.name(locale))
    label = t("btn-staff-shelter", status="open", name=shelter.name(locale), free=3, capacity=40)
    await staff.press(label)  # tap 1
    assert shelter.name(locale) in staff.last_text
    await staff.press(t("btn-staff-status-open"))  # tap 2
    assert staff.last_text == t("staff-ask-free", name=shelter.name(locale), capacity=40)
    await staff.send("17")  # and a number

    assert staff.last_text == t(
        "staff-saved",
        name=shelter.name(locale),
        status=t("shelter-status-open"),
        free=17,
        capacity=40,
    )
    saved = await get_shelter(koldo, shelter.id)
    assert (saved.status, saved.free_places, saved.updated_by) == (
        ShelterStatus.OPEN,
        17,
        staff.user.id,
    )
    async with koldo.session() as session:
        entries = await audit.entries(session, "shelter.updated")
    assert [(e.actor_id, e.subject) for e in entries] == [(staff.user.id, f"shelter:{shelter.id}")]
    assert entries[0].details["before"] == {"status": "open", "free_places": 3}
    assert entries[0].details["after"] == {"status": "open", "free_places": 17}

    family = koldo.person(language_code="en")
    await family.share_location(*ORIGIN)
    assert koldo.t("en")("shelter-updated-now") in family.last_text
    assert koldo.t("en")("shelter-places", free=17, capacity=40) in family.last_text


async def test_full_and_closed_need_no_number(koldo: Harness) -> None:
    t = koldo.t("en")
    school = await add_shelter(koldo, "School", north_of(ORIGIN, 2), free=3)
    gym = await add_shelter(koldo, "Gym", north_of(ORIGIN, 4), free=9)
    admin = koldo.person(language_code="en")
    await make_staff(koldo, admin.user.id, Role.ADMIN)

    await admin.send("/myshelters")  # an admin covers every district: pick one first
    assert admin.last_text == t("staff-choose-district")
    await admin.press("Batken District")
    await admin.press(t("btn-staff-shelter", status="open", name="School", free=3, capacity=40))
    await admin.press(t("btn-staff-status-full"))
    await admin.press(t("btn-staff-back-list"))
    await admin.press(t("btn-staff-shelter", status="open", name="Gym", free=9, capacity=40))
    await admin.press(t("btn-staff-status-closed"))

    assert (await get_shelter(koldo, school.id)).status == ShelterStatus.FULL
    assert (await get_shelter(koldo, gym.id)).status == ShelterStatus.CLOSED
    async with koldo.session() as session:
        assert len(await audit.entries(session, "shelter.updated")) == 2

    family = koldo.person(language_code="en")
    await family.share_location(*ORIGIN)
    assert t("shelter-full") in family.last_text and "Gym" not in family.last_text


async def test_zero_free_places_makes_the_shelter_full(koldo: Harness) -> None:
    t = koldo.t("en")
    shelter = await add_shelter(koldo, "School", ORIGIN, free=3)
    staff = await coordinator(koldo, ["batken-district"])
    await staff.press_data(staff_data(StaffShelterAction.PICK, shelter.id))
    await staff.press(t("btn-staff-status-open"))
    await staff.send("0")
    assert (await get_shelter(koldo, shelter.id)).status == ShelterStatus.FULL


@pytest.mark.parametrize("typed", ["abc", "-1", "41", "12.5", "двенадцать", "x" * 5000, "sticker"])
async def test_a_number_that_does_not_fit_is_asked_again(koldo: Harness, typed: str) -> None:
    t = koldo.t("en")
    shelter = await add_shelter(koldo, "School", ORIGIN, free=3, capacity=40)
    staff = await coordinator(koldo, ["batken-district"])
    await staff.press_data(staff_data(StaffShelterAction.PICK, shelter.id))
    await staff.press(t("btn-staff-status-open"))

    if typed == "sticker":
        await staff.send_sticker()
    else:
        await staff.send(typed)

    assert staff.last_text == t("staff-free-invalid", capacity=40)
    assert (await get_shelter(koldo, shelter.id)).free_places == 3
    await staff.send("40")
    assert (await get_shelter(koldo, shelter.id)).free_places == 40


async def test_families_cannot_update_shelters_even_with_forged_buttons(koldo: Harness) -> None:
    t = koldo.t("en")
    shelter = await add_shelter(koldo, "School", ORIGIN, free=3)
    family = koldo.person(language_code="en")
    await family.send("/start")

    await family.send("/myshelters")
    assert family.last_text == t("shelter-refused-not-staff")
    for data in (
        staff_data(StaffShelterAction.LIST, district="batken-district"),
        staff_data(StaffShelterAction.PICK, shelter.id),
        staff_data(StaffShelterAction.STATUS, shelter.id, status="closed"),
    ):
        await family.press_data(data)
        assert family.view.alerts[-1] == t("shelter-refused-not-staff")

    unchanged = await get_shelter(koldo, shelter.id)
    assert (unchanged.status, unchanged.free_places) == (ShelterStatus.OPEN, 3)
    async with koldo.session() as session:
        assert await audit.entries(session, "shelter.updated") == []


async def test_a_coordinator_cannot_touch_another_district(koldo: Harness) -> None:
    t = koldo.t("en")
    leilek = await add_shelter(koldo, "Isfana gym", LEILEK_GYM, district="leilek-district")
    staff = await coordinator(koldo, ["batken-district"])

    await staff.press_data(staff_data(StaffShelterAction.LIST, district="leilek-district"))
    assert staff.view.alerts[-1] == t("shelter-refused-not-your-district")
    await staff.press_data(staff_data(StaffShelterAction.PICK, leilek.id))
    assert staff.view.alerts[-1] == t("shelter-refused-not-your-district")
    await staff.press_data(staff_data(StaffShelterAction.STATUS, leilek.id, status="closed"))
    assert staff.view.alerts[-1] == t("shelter-refused-not-your-district")
    await staff.press_data(staff_data(StaffShelterAction.STATUS, leilek.id, status="open"))
    await staff.send("0")  # no number step was opened: nothing to take it

    assert (await get_shelter(koldo, leilek.id)).status == ShelterStatus.OPEN
    async with koldo.session() as session:
        assert await audit.entries(session, "shelter.updated") == []


async def test_a_role_taken_away_midway_stops_the_update(koldo: Harness) -> None:
    t = koldo.t("en")
    shelter = await add_shelter(koldo, "School", ORIGIN, free=3)
    staff = await coordinator(koldo, ["batken-district"])
    await staff.press_data(staff_data(StaffShelterAction.PICK, shelter.id))
    await staff.press(t("btn-staff-status-open"))

    await make_staff(koldo, staff.user.id, Role.FAMILY)
    await staff.send("25")

    assert staff.last_text == t("shelter-refused-not-staff")
    assert (await get_shelter(koldo, shelter.id)).free_places == 3


async def test_forged_statuses_and_unknown_shelters_are_refused(koldo: Harness) -> None:
    t = koldo.t("en")
    shelter = await add_shelter(koldo, "School", ORIGIN, free=3)
    staff = await coordinator(koldo, ["batken-district"])

    await staff.press_data(staff_data(StaffShelterAction.STATUS, shelter.id, status="burned"))
    assert staff.view.alerts[-1] == t("button-expired")
    await staff.press_data(staff_data(StaffShelterAction.PICK, 424242))
    assert staff.view.alerts[-1] == t("shelter-refused-unknown")
    await staff.press_data("stsh:list:batken-district:0:-1:")  # a page below the first
    assert staff.view.alerts[-1] == t("button-expired")
    assert (await get_shelter(koldo, shelter.id)).free_places == 3


async def test_leaving_an_update_changes_nothing_and_frees_the_menu(koldo: Harness) -> None:
    t = koldo.t("en")
    shelter = await add_shelter(koldo, "School", ORIGIN, free=3)
    staff = await coordinator(koldo, ["batken-district"])
    await staff.press_data(staff_data(StaffShelterAction.PICK, shelter.id))
    await staff.press(t("btn-staff-status-open"))

    await staff.press(t("btn-staff-cancel"))
    assert staff.last_text == t("staff-cancelled")
    await staff.press_data(staff_data(StaffShelterAction.PICK, shelter.id))
    await staff.press(t("btn-staff-status-open"))
    await staff.send("/menu")
    await staff.press(t("menu-needs"))
    assert t("needs-location") in staff.texts()
    assert (await get_shelter(koldo, shelter.id)).free_places == 3


async def test_the_district_list_offers_staff_the_update_button(koldo: Harness) -> None:
    t = koldo.t("en")
    await add_shelter(koldo, "School", ORIGIN, free=3)
    staff = await coordinator(koldo, ["batken-district"])
    await staff.press(t("menu-shelters"))
    await staff.tap(t("btn-choose-district"))
    await staff.press("Batken District")
    await staff.press(t("btn-staff-update"))
    assert staff.last_text == t("staff-shelters", area="Batken District")


async def test_a_coordinator_without_districts_is_told_whom_to_ask(koldo: Harness) -> None:
    t = koldo.t("en")
    staff = await coordinator(koldo, [])
    await staff.send("/myshelters")
    assert staff.last_text == t("staff-no-districts")
    assert t("btn-main-menu") in staff.last.buttons()


async def test_the_main_menu_button_while_asked_for_a_number_leaves_safely(
    koldo: Harness,
) -> None:
    t = koldo.t("ru")
    shelter = await add_shelter(koldo, "School", ORIGIN, free=3)
    staff = await coordinator(koldo, ["batken-district"], "ru")
    await staff.press_data(staff_data(StaffShelterAction.PICK, shelter.id))
    await staff.press(t("btn-staff-status-open"))

    await staff.press(t("btn-main-menu"))
    assert staff.last_text == t("main-menu")
    await staff.send("7")  # no longer a number of free places
    assert (await get_shelter(koldo, shelter.id)).free_places == 3
    assert staff.last_text == t("fallback-use-menu")
