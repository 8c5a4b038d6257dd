"""Hotlines: emergency numbers at once, other lines by kind, samples marked as such."""

from __future__ import annotations

import re

import pytest

from bot.callbacks import HotlineCb
from bot.services.sample_data import load_sample_data
from tests.conftest import Harness
from tests.support.journeys import LANGUAGE_BUTTONS
from tests.support.people import Person


async def with_samples(koldo: Harness) -> None:
    async with koldo.session() as session:
        await load_sample_data(session, koldo.resources.geography)


async def open_hotlines(family: Person, locale: str, t: object) -> None:
    from bot.i18n import Translator

    assert isinstance(t, Translator)
    await family.send("/start")
    await family.press(LANGUAGE_BUTTONS[locale])
    await family.press(t("btn-consent-decline"))  # hotlines never depend on consent
    await family.press(t("menu-hotlines"))


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_emergency_numbers_first_then_lines_by_kind(koldo: Harness, locale: str) -> None:
    t = koldo.t(locale)
    await with_samples(koldo)
    family = koldo.person()

    await open_hotlines(family, locale, t)

    text = family.last_text
    assert text.startswith(t("hotlines-title"))
    emergency = text.split(t("hotlines-choose-kind"))[0]
    for number in ("112", "101", "102", "103"):
        assert re.search(rf"</b>: {number}\b", emergency)  # plain text: Telegram makes it tappable
    assert t("sample-marker") not in emergency  # the national numbers are real
    kinds = ("medical", "psychological", "children", "legal", "humanitarian")
    assert family.last.buttons() == [*(t(f"hotline-kind-{k}") for k in kinds), t("btn-main-menu")]

    await family.press(t("hotline-kind-medical"))
    text = family.last_text
    assert text.startswith(t("hotlines-of-kind", kind=t("hotline-kind-medical")))
    assert "+996000000301" in text and "<code>" not in text
    assert t("sample-marker") in text  # invented lines say so
    assert (
        t("hotline-hours", hours={"ky": "күнү-түнү", "ru": "круглосуточно", "en": "24/7"}[locale])
        in text
    )
    leilek = koldo.resources.geography.area("leilek-district")
    assert leilek is not None and t("hotline-district", district=leilek.name(locale)) in text

    await family.press(t("btn-all-hotlines"))
    assert family.last_text.startswith(t("hotlines-title"))
    await family.press(t("btn-main-menu"))
    assert family.last_text == t("main-menu")


async def test_two_numbers_of_one_line_are_both_shown(koldo: Harness) -> None:
    t = koldo.t("en")
    await with_samples(koldo)
    family = koldo.person(language_code="en")
    await open_hotlines(family, "en", t)
    await family.press(t("hotline-kind-humanitarian"))
    assert "+996000000341, +996000000342" in family.last_text


async def test_without_any_hotline_112_is_still_said(koldo: Harness) -> None:
    t = koldo.t("ru")
    family = koldo.person()
    await open_hotlines(family, "ru", t)
    assert family.last_text == t("hotlines-no-emergency")
    assert family.last.buttons() == [t("btn-main-menu")]


async def test_a_forged_kind_gets_a_clear_answer(koldo: Harness) -> None:
    t = koldo.t("en")
    await with_samples(koldo)
    family = koldo.person(language_code="en")
    await open_hotlines(family, "en", t)
    await family.press_data(HotlineCb(kind="astrology").pack())
    assert family.view.alerts[-1] == t("button-expired")
    await family.press_data(HotlineCb(kind="emergency").pack())
    assert "112" in family.last_text
