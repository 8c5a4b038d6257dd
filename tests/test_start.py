"""Start: language, consent, main menu, in every language."""

from __future__ import annotations

import pytest
from aiogram.methods import SetMyCommands
from aiogram.types import BotCommandScopeChat

from bot import keyboards
from bot.i18n import Localization
from bot.keyboards import ADMIN_TOOLS
from storage.repositories import audit, users
from tests.conftest import Harness
from tests.support.journeys import consent_text

LANGUAGE_BUTTONS = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_start_leads_through_language_and_consent_to_the_menu(
    koldo: Harness, locale: str
) -> None:
    family = koldo.person(language_code="ru")
    t = koldo.t(locale)

    await family.send("/start")
    assert family.last.buttons() == ["Кыргызча", "Русский", "English"]

    await family.press(LANGUAGE_BUTTONS[locale])
    assert family.last_text == consent_text(t)
    assert family.last.buttons() == [t("btn-consent-agree"), t("btn-consent-decline")]

    await family.press(t("btn-consent-agree"))
    assert family.last_text == t("main-menu")
    assert t("menu-needs") in family.last.buttons()
    assert t("menu-erase") in family.last.buttons()

    async with koldo.session() as session:
        user = await users.get(session, family.user.id)
        assert user is not None and user.language == locale and user.consent_at is not None
        assert [e.subject for e in await audit.entries(session, "consent.given")] == [
            f"user:{family.user.id}"
        ]


async def test_welcome_is_in_kyrgyz_when_telegram_reports_no_language_we_speak(
    koldo: Harness,
) -> None:
    family = koldo.person(language_code="de")
    await family.send("/start")
    assert family.last_text == koldo.t("ky")("welcome")


async def test_declining_consent_still_leaves_shelters_and_hotlines(koldo: Harness) -> None:
    family = koldo.person(language_code="ru")
    t = koldo.t("ru")
    await family.send("/start")
    await family.press("Русский")
    await family.press(t("btn-consent-decline"))

    assert t("consent-declined") in family.texts()
    assert t("menu-shelters") in family.last.buttons()
    assert t("menu-hotlines") in family.last.buttons()

    await family.press(t("menu-needs"))
    assert family.last_text == consent_text(t, "consent-needed")


async def test_kyrgyz_chosen_on_a_russian_phone_gets_kyrgyz_commands_in_that_chat(
    koldo: Harness,
) -> None:
    family = koldo.person(language_code="ru")
    await family.send("/start")
    await family.press("Кыргызча")

    chat_commands = [
        call
        for call in koldo.telegram.calls
        if isinstance(call, SetMyCommands) and isinstance(call.scope, BotCommandScopeChat)
    ]
    assert len(chat_commands) == 1
    assert chat_commands[0].scope.chat_id == family.user.id  # type: ignore[union-attr]
    descriptions = [command.description for command in chat_commands[0].commands]
    assert koldo.t("ky")("command-erase") in descriptions


async def test_language_can_be_changed_later_and_is_remembered(koldo: Harness) -> None:
    family = koldo.person(language_code="ru")
    await family.send("/start")
    await family.press("Русский")
    await family.press(koldo.t("ru")("btn-consent-agree"))

    await family.send("/language")
    await family.press("English")
    assert family.last_text == koldo.t("en")("main-menu")

    await family.send("/start")
    assert koldo.t("en")("welcome-back") in family.texts()
    assert family.last_text == koldo.t("en")("main-menu")


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_paired_menu_buttons_fit_a_small_phone(language: str) -> None:
    """Issue 11, point 14: two buttons share a row only if both labels are short; a long
    Kyrgyz label gets a row of its own instead of being cut off."""
    t = Localization(default_locale="ky").translator(language)
    for tools in ((), ADMIN_TOOLS):
        rows = keyboards.main_menu(t, tools).inline_keyboard
        labels = [button.text for row in rows for button in row]
        assert t("menu-shelters") in labels and t("menu-erase") in labels
        paired = [button.text for row in rows if len(row) > 1 for button in row]
        assert all(keyboards.fits_half_a_row(label) for label in paired), paired
    if language == "ky":
        assert [t("menu-shelters")] in [[b.text for b in row] for row in rows]
