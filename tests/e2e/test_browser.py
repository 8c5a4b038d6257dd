"""The chat page in headless Chromium: a family registers needs by tapping only."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Dialog, Locator, async_playwright, expect
from sqlalchemy import select

from sandbox import SandboxServer, start_sandbox
from sandbox.driver import make_token
from storage.models import Case
from tests.conftest import App, Backend, empty_tables
from tests.support.browser import CHROMIUM_ARGS, chromium_executable
from tests.support.e2e import KoldoProcess, plain

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
FAMILY_ID = 8_800_101
_bot_ids = itertools.count(6_900_001)


@pytest.fixture
async def page_sandbox(app: App, backend: Backend) -> AsyncIterator[SandboxServer]:
    """A sandbox of its own, so that the page shows one family only, and Koldo polling it."""
    await empty_tables(app.resources)
    token = make_token(next(_bot_ids))
    family = {"id": FAMILY_ID, "first_name": "Айгүл", "language_code": "ru", "role": "family"}
    server = await start_sandbox(bots=[token], people=[family])
    koldo = KoldoProcess(
        {
            "KOLDO_BOT_TOKEN": token,
            "KOLDO_TELEGRAM_API_URL": server.url,
            "KOLDO_DATABASE_URL": backend.database_url,
            "KOLDO_REDIS_URL": backend.redis_url,
            "KOLDO_REDIS_PREFIX": f"koldo-page-{uuid.uuid4().hex[:10]}",
        }
    )
    await koldo.start("polling for updates")
    yield server
    assert await koldo.stop() == 0
    await server.stop()


async def test_a_family_registers_needs_on_the_page_by_tapping_only(
    page_sandbox: SandboxServer, app: App, backend: Backend
) -> None:
    t = app.resources.localization.translator("ky")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_ARGS
        )
        # A phone of the size most families have.
        page = await browser.new_page(viewport={"width": 390, "height": 844})

        async def accept(dialog: Dialog) -> None:  # "share your phone number?"
            await dialog.accept()

        page.on("dialog", accept)
        await page.goto(page_sandbox.url + "/")
        chat = page.locator(".column", has_text="Айгүл")

        await chat.locator(".start-button").click()
        for label in ("Кыргызча", t("btn-consent-agree"), t("menu-needs")):
            await tap_inline(chat, label)
        await chat.locator(".reply-keyboard button", has_text=t("btn-share-location")).click()
        await page.locator("#location-dialog .places button", has_text="Batken").click()
        # Telegram's front end answers the next reply with its HTML 502 page: the family still
        # sees the next step.
        faults = {"next_faults": [502], "methods": ["editMessageText", "sendMessage"]}
        page_sandbox.world.faults.update(faults)
        await tap_inline(chat, "4")
        await tap_inline(chat, t("toggle", on="no", label=t("vuln-young_children")))
        await tap_inline(chat, t("btn-continue"))
        await tap_inline(chat, t("toggle", on="no", label=t("need-food_water")))
        await tap_inline(chat, t("btn-continue"))
        await chat.locator(".reply-keyboard button", has_text=t("btn-share-phone")).click()
        await tap_inline(chat, t("btn-skip"))
        await tap_inline(chat, t("btn-confirm"))

        async with app.resources.session_factory() as session:
            await expect(chat.locator(".bubble.incoming").last).to_contain_text(
                plain(t("main-menu"))
            )
            case = (await session.scalars(select(Case))).one()
        created = plain(t("needs-case-created", code=case.code)).splitlines()[0]
        await expect(chat.locator(".bubble.incoming", has_text=case.code)).to_contain_text(created)
        ARTIFACTS.mkdir(exist_ok=True)
        await page.screenshot(path=ARTIFACTS / f"needs-on-the-page-{backend.name}.png")
        await browser.close()
    assert case.household_size == 4 and case.needs == ["food_water"]
    assert case.phone is not None


async def tap_inline(chat: Locator, label: str) -> None:
    """Taps the button on the newest keyboard that has it, once the bot has shown it."""
    button = chat.locator(".inline-keyboard button", has_text=label).last
    await expect(button).to_be_visible()
    await expect(button).not_to_have_class("waiting")
    await button.click()
