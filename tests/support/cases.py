"""Cases registered as a family would, and coordinators ready to take them."""

from __future__ import annotations

from storage.models import Case, Role
from storage.repositories import cases
from tests.conftest import Harness
from tests.support.journeys import fill_needs_form
from tests.support.people import Person
from tests.support.shelters import make_staff

BATKEN = "batken-district"
LEILEK = "leilek-district"


async def registered_case(koldo: Harness, family: Person, locale: str = "ky") -> Case:
    """A family fills the needs form at Kok-Tash (Batken) and sends it: an urgent case."""
    t = koldo.t(locale)
    await fill_needs_form(family, t)
    await family.press(t("btn-confirm"))
    async with koldo.session() as session:
        found = await cases.of_user(session, family.user.id)
    return found[0]


async def staff_member(
    koldo: Harness,
    districts: list[str] | None = None,
    language: str = "en",
    role: Role = Role.COORDINATOR,
) -> Person:
    person = koldo.person(language_code=language)
    await make_staff(koldo, person.user.id, role, districts, language)
    await person.send("/queue")
    return person
