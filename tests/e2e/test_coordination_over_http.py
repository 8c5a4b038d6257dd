"""Two families and two coordinators of different districts, through `koldo run` and the sandbox."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import select

from bot.services import roles
from sandbox.driver import BotMessage, SandboxDriver
from storage.models import Case, CaseStatus, Role
from tests.conftest import App
from tests.e2e.conftest import StartKoldo
from tests.e2e.test_over_http import register_needs
from tests.support.e2e import Phone

NewPhone = Callable[..., Awaitable[Phone]]
ARKA = (40.1978, 69.8881)  # Leilek district


async def case_of(app: App, family: Phone) -> Case:
    async with app.resources.session_factory() as session:
        return (await session.scalars(select(Case).where(Case.user_id == family.user_id))).one()


async def make_coordinator(app: App, phone: Phone, district: str) -> None:
    """Granted by an admin; the coordinator had chosen their language at /start."""
    async with app.resources.session_factory() as session:
        change = await roles.grant(
            session,
            phone.user_id,
            Role.COORDINATOR,
            app.settings,
            actor_id=None,
            organisation="Test NGO",
            districts=[district],
        )
        change.user.language = phone.t.locale
        await session.commit()


async def test_two_coordinators_each_help_the_family_of_their_district(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver, app: App
) -> None:
    await start_koldo()
    batken_family = await person(language_code="ky", locale="ky")
    leilek_family = await person(language_code="ru", locale="ru")
    await register_needs(batken_family)
    await register_needs(leilek_family, location=ARKA)
    batken_case, leilek_case = await case_of(app, batken_family), await case_of(app, leilek_family)
    assert (batken_case.district, leilek_case.district) == ("batken-district", "leilek-district")

    aibek = await person(language_code="ru", locale="ru")  # covers Batken
    dinara = await person(language_code="en", locale="en")  # covers Leilek
    await make_coordinator(app, aibek, "batken-district")
    await make_coordinator(app, dinara, "leilek-district")

    # Each sees the case of their own district only, claims it, and the family is told.
    for coordinator, family, case in (
        (aibek, batken_family, batken_case),
        (dinara, leilek_family, leilek_case),
    ):
        await driver.send_command(coordinator.user_id, "queue")
        queue = await coordinator.showing(coordinator.t("btn-queue-refresh"))
        labels = " ".join(b for row in queue.buttons for b in row)
        assert case.code in labels
        assert ({batken_case.code, leilek_case.code} - {case.code}).isdisjoint(labels.split())
        await coordinator.press_containing(case.code)
        await coordinator.press(coordinator.t("btn-case-claim"))
        await family.received("family-case-claimed", code=case.code)

    # Aibek writes and sends a photo; the family gets copies, never his account.
    await driver.send_text(aibek.user_id, "Салам! Эртең дары алып келебиз.")
    await driver.send_photo(aibek.user_id)
    await batken_family.eventually(
        lambda: _with(batken_family, text="Салам! Эртең дары алып келебиз.")
    )
    await batken_family.eventually(lambda: _with(batken_family, key="photo"))
    assert all("forward_origin" not in m.message for m in await batken_family.messages())

    # The family answers from the relayed message; Aibek gets it under the case code.
    await batken_family.press(batken_family.t("btn-my-case-answer"))
    await driver.send_text(batken_family.user_id, "Рахмат!")
    await batken_family.received("my-case-sent")
    await aibek.received("relay-from-family", code=batken_case.code)
    await aibek.eventually(lambda: _with(aibek, text="Рахмат!"))

    # Dinara shares a location with the Leilek family, then resolves the case.
    await driver.share_location(dinara.user_id, 40.19, 69.88)
    await leilek_family.eventually(lambda: _with(leilek_family, key="location"))
    await driver.send_command(dinara.user_id, "queue")
    await dinara.press_containing(leilek_case.code)
    await dinara.press(dinara.t("btn-case-resolve"))
    await dinara.press(dinara.t("outcome-helped"))
    await leilek_family.received("family-case-resolved-helped", code=leilek_case.code)

    assert (await case_of(app, leilek_family)).status == CaseStatus.RESOLVED
    held = await case_of(app, batken_family)
    assert held.assignee_id == aibek.user_id and held.first_response_at is not None


async def _with(phone: Phone, text: str | None = None, key: str | None = None) -> BotMessage | None:
    """A message the bot delivered with this text, or carrying this kind of content."""
    for message in await phone.messages():
        if (text is not None and message.text == text) or (
            key is not None and key in message.message
        ):
            return message
    return None
