"""`koldo run` as a process against the sandbox over real HTTP, as it would run against Telegram."""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable

import pytest
from sqlalchemy import select

from sandbox.driver import SandboxDriver
from storage.models import Case, Priority
from tests.conftest import App
from tests.e2e.conftest import StartKoldo
from tests.support.e2e import Phone, plain
from tests.support.journeys import KOK_TASH, LANGUAGE_BUTTONS, RETENTION_ARGS

NewPhone = Callable[..., Awaitable[Phone]]


async def register_needs(family: Phone, location: tuple[float, float] = KOK_TASH) -> None:
    await fill_needs(family, location)
    await family.press(family.t("btn-confirm"))
    await family.sees("main-menu")


async def fill_needs(family: Phone, location: tuple[float, float] = KOK_TASH) -> None:
    """From /start to the summary of the needs form, with the button to send it."""
    await agree(family)
    await answer_needs_form(family, location)


async def agree(family: Phone) -> None:
    """/start, the language, the consent: the main menu."""
    t = family.t
    await family.driver.send_command(family.user_id, "start")
    [welcome] = await family.driver.wait_for_messages(family.user_id, timeout=15)
    assert welcome.buttons == [["Кыргызча"], ["Русский"], ["English"]]
    await family.press(LANGUAGE_BUTTONS[t.locale])
    await family.sees("consent", **RETENTION_ARGS)
    await family.press(t("btn-consent-agree"))
    await family.sees("main-menu")


async def answer_needs_form(family: Phone, location: tuple[float, float] = KOK_TASH) -> None:
    """From the main menu to the summary of the needs form."""
    t = family.t
    await family.press(t("menu-needs"))
    await family.sees("needs-location")
    await family.tap("btn-share-location", location=location)
    await family.sees("needs-size")
    await family.press("4")
    await family.sees("needs-vulnerable")
    await family.switch_on("vuln-elderly")
    await family.press(t("btn-continue"))
    await family.sees("needs-needs")
    await family.switch_on("need-medical")
    await family.press(t("btn-continue"))
    await family.sees("needs-phone")
    await family.tap("btn-share-phone")
    await family.sees("needs-details")
    await family.press(t("btn-skip"))
    await family.showing(t("btn-confirm"))


async def the_case(app: App) -> Case:
    async with app.resources.session_factory() as session:
        cases = (await session.scalars(select(Case))).all()
    assert len(cases) == 1
    return cases[0]


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_a_family_registers_needs_through_koldo_run(
    start_koldo: StartKoldo, person: NewPhone, app: App, mode: str
) -> None:
    koldo = await start_koldo(webhook=mode == "webhook")
    family = await person(language_code="ru", locale="ky")

    await register_needs(family)

    case = await the_case(app)
    assert case.priority == Priority.URGENT and case.district == "batken-district"
    assert case.phone is not None and case.phone.endswith(str(family.user_id)[-7:])
    assert await koldo.stop() == 0  # SIGTERM stops it gracefully
    assert case.code in family.t("needs-case-created", code=case.code)
    assert "Traceback" not in koldo.log


async def test_bad_inputs_over_http_get_hints_and_lose_nothing(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver
) -> None:
    await start_koldo()
    family = await person(language_code="ru", locale="ru")
    neighbour = await person()
    t = family.t
    await driver.send_command(family.user_id, "start")
    await family.sees("welcome")
    await family.press("Русский")
    await family.press(t("btn-consent-agree"))
    await family.press(t("menu-needs"))
    await family.tap("btn-share-location", location=KOK_TASH)
    await family.sees("needs-size")

    hint, step = plain(t("needs-size-invalid", max=30)), plain(t("needs-size"))
    for number, bad_input in enumerate(
        (
            driver.send_sticker(family.user_id),
            family.write("x" * 5000),
            family.write("пять"),
            family.write("0"),
        )
    ):
        await bad_input
        # Right under the step, a hint alone; under a hint, the step again with its buttons.
        expected = [hint] if number % 2 == 0 else [hint, step]
        answers = await driver.wait_for_messages(family.user_id, len(expected), timeout=15)
        assert [answer.text for answer in answers] == expected
    await family.press("5")
    await family.press(t("btn-nobody-vulnerable"))
    await family.switch_on("need-shelter")
    await family.press(t("btn-continue"))
    await family.sees("needs-phone")
    await driver.share_contact(family.user_id, of_user=neighbour.user_id)
    [answer] = await driver.wait_for_messages(family.user_id, 1, timeout=15)
    assert answer.text == plain(t("needs-phone-not-own"))  # the phone's keyboard is still up
    await family.tap("btn-skip")
    await family.press(t("btn-skip"))
    summary = await family.showing(t("btn-confirm"))
    assert t("people-count", count=5) in (summary.text or "")


async def test_koldo_keeps_working_through_server_errors_and_rate_limits(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver, app: App
) -> None:
    koldo = await start_koldo()
    # No burst: every second message to the family in a row meets a 429.
    await driver.set_limits(enabled=True, private_chat_burst=1, per_private_chat_per_second=1.0)
    # Server errors as Telegram gives them: JSON 500s and the nginx HTML pages of 502 and 504.
    await driver.set_faults(
        error_rate=0.3, error_statuses=[500, 502, 504], methods=["sendMessage", "editMessageText"]
    )
    await driver.reset_counters()
    family = await person(language_code="en", locale="en")

    await register_needs(family)

    counters = await driver.counters()
    assert counters["server_errors"] > 0 and counters["too_many_requests"] > 0
    # A retry that delivered twice would show as the same message twice in a row.
    sent = [(m.text, m.buttons) for m in await family.messages()]
    assert all(earlier != later for earlier, later in itertools.pairwise(sent))
    assert (await the_case(app)).needs == ["medical"]
    assert "Traceback" not in koldo.log


async def test_a_502_page_of_telegrams_front_end_does_not_lose_the_reply(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver
) -> None:
    koldo = await start_koldo()
    family = await person(language_code="ru", locale="ru")
    await driver.reset_counters()
    # The bot's next message meets nginx's HTML page, as Telegram sends it, not JSON.
    await driver.set_faults(next_faults=[502], methods=["sendMessage"])

    await driver.send_command(family.user_id, "start")

    [welcome] = await driver.wait_for_messages(family.user_id, timeout=15)
    assert welcome.buttons == [["Кыргызча"], ["Русский"], ["English"]]
    assert (await driver.counters())["server_errors"] == 1
    await family.press("Русский")
    await family.sees("consent", **RETENTION_ARGS)
    assert plain(family.t("error-apology")) not in [m.text for m in await family.messages()]
    assert "Traceback" not in koldo.log
