"""/help answers with a short help in the person's language: families and staff each their own."""

from __future__ import annotations

import pytest

from storage.models import Role
from tests.conftest import Harness
from tests.support.cases import BATKEN, staff_member
from tests.support.journeys import agree_and_open_menu, open_needs_form


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_help_tells_a_family_what_koldo_does(koldo: Harness, locale: str) -> None:
    t = koldo.t(locale)
    family = koldo.person(language_code="ru")
    await agree_and_open_menu(family, t)

    await family.send("/help")

    assert family.last_text == t("help-family")
    assert t("fallback-use-menu") not in family.texts()


async def test_help_before_anything_else_is_in_the_telegram_language(koldo: Harness) -> None:
    family = koldo.person(language_code="ru")
    await family.send("/help")
    assert family.last_text == koldo.t("ru")("help-family")


async def test_help_for_a_coordinator_and_for_an_admin(koldo: Harness) -> None:
    coordinator = await staff_member(koldo, [BATKEN], language="ru")
    await coordinator.send("/help")
    assert coordinator.last_text == koldo.t("ru")("help-coordinator")
    admin = await staff_member(koldo, role=Role.ADMIN, language="ky")
    await admin.send("/help")
    assert admin.last_text == koldo.t("ky")("help-admin")


async def test_help_in_the_middle_of_the_form_keeps_the_form(koldo: Harness) -> None:
    t = koldo.t("en")
    family = koldo.person(language_code="en")
    await open_needs_form(family, t)
    await family.tap(t("btn-choose-district"))

    await family.send("/help")

    assert family.last_text == t("help-family")
    await family.press("Batken District")
    assert t("needs-village", area="Batken District") in family.texts()  # the step, edited in place


async def test_help_is_in_the_command_menu() -> None:
    from bot.commands import COMMANDS

    assert "help" in COMMANDS
