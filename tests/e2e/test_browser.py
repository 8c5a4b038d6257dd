"""The chat page in headless Chromium, at a phone's size: a family registers needs by tapping
only; every chat opens at its newest message and follows new ones; past pop-ups stay in the
history and never pop up again on a reload."""

from __future__ import annotations

import contextlib
import itertools
import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Dialog, Locator, Page, async_playwright, expect
from sqlalchemy import select

from sandbox import SandboxServer, start_sandbox
from sandbox.driver import SandboxDriver, make_token
from storage.models import Case
from tests.conftest import App, Backend, empty_tables
from tests.support.browser import CHROMIUM_ARGS, chromium_executable
from tests.support.e2e import KoldoProcess, plain

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
FAMILY_ID = 8_800_101
PHONE = {"width": 390, "height": 844}  # a phone of the size most families have
_bot_ids = itertools.count(6_900_001)
LAST_IS_THE_BOTS = re.compile(r"\bincoming\b")


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
        page = await browser.new_page(viewport=PHONE)

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


@contextlib.asynccontextmanager
async def phone_page(dialogs: list[str]) -> AsyncIterator[Page]:
    """The page in headless Chromium at a phone's size; the browser's own dialogs (alert,
    confirm) are accepted and their texts kept in `dialogs`."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_ARGS
        )

        async def accept(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            await dialog.accept()

        page = await browser.new_page(viewport=PHONE)
        page.on("dialog", accept)
        try:
            yield page
        finally:
            await browser.close()


async def send_and_wait_for_reply(chat: Locator, text: str) -> None:
    """Types a message on the page and waits until the bot's answer comes after it."""
    await chat.locator(".message-input").fill(text)
    await chat.locator(".send").click()
    await expect(chat.locator(".bubble.outgoing", has_text=text)).to_be_attached()
    await expect(chat.locator(".messages > li").last).to_have_class(LAST_IS_THE_BOTS)


async def test_a_chat_opens_at_its_newest_message_and_follows_new_ones(
    page_sandbox: SandboxServer, app: App, backend: Backend
) -> None:
    t = app.resources.localization.translator("ky")
    dialogs: list[str] = []
    async with phone_page(dialogs) as page:
        await page.goto(page_sandbox.url + "/")
        chat = page.locator(".column", has_text="Айгүл")
        await chat.locator(".start-button").click()
        for label in ("Кыргызча", t("btn-consent-agree")):
            await tap_inline(chat, label)
        for number in range(1, 4):
            await send_and_wait_for_reply(chat, f"салам {number}")
        bubbles = chat.locator(".bubble")

        await page.reload()
        await expect(bubbles.last).to_contain_text(plain(t("fallback-use-menu")))
        await expect(bubbles.last).to_be_in_viewport()
        await expect(bubbles.first).not_to_be_in_viewport()  # the chat is longer than the screen

        # The newest message's buttons, at the bottom of the screen, as a person taps them.
        await tap_inline(chat, t("btn-main-menu"))
        await expect(bubbles.last).to_contain_text(t("menu-needs"))
        await tap_inline(chat, t("menu-needs"))
        await expect(bubbles.last).to_contain_text(plain(t("needs-location")).splitlines()[0])
        await expect(bubbles.last).to_be_in_viewport()  # above the reply keyboard that came
        await chat.locator(".reply-keyboard button", has_text=t("btn-share-location")).click()
        await page.locator("#location-dialog .places button", has_text="Batken").click()
        await expect(bubbles.last).to_contain_text(plain(t("needs-size")))
        await expect(bubbles.last).to_be_in_viewport()

        # Scrolled up to read older messages, the person is left there and told of new ones.
        await chat.locator(".messages").hover()
        await page.mouse.wheel(0, -5000)
        await expect(bubbles.last).not_to_be_in_viewport()
        async with SandboxDriver(page_sandbox.url) as driver:
            await driver.send_text(FAMILY_ID, "салам")
        await expect(chat.locator(".bubble.outgoing", has_text="салам").last).to_be_attached()
        await expect(chat.locator(".messages > li").last).to_have_class(LAST_IS_THE_BOTS)
        jump = chat.locator(".new-messages")
        await expect(jump).to_be_visible()
        await expect(bubbles.last).not_to_be_in_viewport()
        await jump.click()
        await expect(bubbles.last).to_be_in_viewport()
        await expect(jump).to_be_hidden()
        ARTIFACTS.mkdir(exist_ok=True)
        await page.screenshot(path=ARTIFACTS / f"chat-follows-newest-{backend.name}.png")
    assert dialogs == []


async def test_past_pop_ups_stay_in_the_history_and_never_pop_up_again(
    page_sandbox: SandboxServer, app: App, backend: Backend
) -> None:
    t = app.resources.localization.translator("ky")
    dialogs: list[str] = []
    async with phone_page(dialogs) as page:
        await page.goto(page_sandbox.url + "/")
        chat = page.locator(".column", has_text="Айгүл")
        await chat.locator(".start-button").click()
        await tap_inline(chat, "Кыргызча")
        await expect(chat.locator(".toast")).to_have_text(t("language-saved"))
        for label in (t("btn-consent-agree"), t("menu-needs")):
            await tap_inline(chat, label)
        await chat.locator(".reply-keyboard button", has_text=t("btn-share-location")).click()
        await page.locator("#location-dialog .places button", has_text="Batken").click()
        await tap_inline(chat, "4")
        await tap_inline(chat, t("toggle", on="no", label=t("vuln-young_children")))
        await tap_inline(chat, t("btn-continue"))
        await expect(chat.locator(".bubble").last).to_contain_text(
            plain(t("needs-needs")).splitlines()[0]
        )
        await tap_inline(chat, t("btn-continue"))  # no need chosen yet: the bot's pop-up

        alert = chat.locator(".alert-box")
        await expect(alert).to_be_visible()
        await expect(alert).to_contain_text(t("needs-choose-one"))
        in_history = chat.locator(".messages .system.alert", has_text=t("needs-choose-one"))
        await expect(in_history).to_have_text("🔔 " + t("needs-choose-one"))
        await expect(in_history).to_be_in_viewport()
        await alert.get_by_role("button", name="OK").click()
        await expect(alert).to_be_hidden()

        await page.reload()
        await expect(in_history).to_be_in_viewport()
        notice = chat.locator(".messages .system.notice", has_text=t("language-saved"))
        await expect(notice).to_have_count(1)
        # Something new after the reload, so that anything old the page would replay has come.
        await tap_inline(chat, t("toggle", on="no", label=t("need-food_water")))
        chosen = t("toggle", on="yes", label=t("need-food_water"))
        await expect(chat.locator(".inline-keyboard button", has_text=chosen)).to_be_visible()
        await expect(alert).to_be_hidden()
        await expect(chat.locator(".toast")).to_be_hidden()
        await expect(in_history).to_have_count(1)
        ARTIFACTS.mkdir(exist_ok=True)
        await page.screenshot(path=ARTIFACTS / f"pop-ups-in-history-{backend.name}.png")
    assert dialogs == []  # the bot's pop-ups are the page's own, never the browser's
