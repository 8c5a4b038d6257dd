"""A rolling restart: `koldo run` told to stop in the middle of an update finishes it first."""

from __future__ import annotations

import signal
from collections.abc import Awaitable, Callable

import pytest
from sqlalchemy import select

from sandbox.driver import SandboxDriver
from storage.models import Case, User
from tests.conftest import App
from tests.e2e.conftest import Deployment, StartKoldo
from tests.e2e.test_coordination_over_http import make_coordinator
from tests.e2e.test_over_http import fill_needs
from tests.support.e2e import KoldoProcess, Phone, plain
from tests.support.journeys import RETENTION_ARGS

pytestmark = pytest.mark.e2e
NewPhone = Callable[..., Awaitable[Phone]]
STOPPED_TAKING = "stopped taking updates"


async def requests_of(driver: SandboxDriver, method: str) -> int:
    return int((await driver.counters())["requests_per_method"].get(method, 0))


async def stopped_taking(koldo: KoldoProcess) -> bool | None:
    """The replica says it takes no more updates (or it has already exited)."""
    assert koldo.process is not None
    return True if STOPPED_TAKING in koldo.log or koldo.process.returncode is not None else None


@pytest.mark.parametrize(
    ("mode", "sig"),
    [
        pytest.param("webhook", signal.SIGTERM, id="webhook-SIGTERM"),
        pytest.param("polling", signal.SIGINT, id="polling-SIGINT"),
    ],
)
async def test_a_replica_told_to_stop_mid_update_finishes_it_and_exits_cleanly(
    start_koldo: StartKoldo,
    person: NewPhone,
    driver: SandboxDriver,
    app: App,
    mode: str,
    sig: signal.Signals,
) -> None:
    webhook = mode == "webhook"
    deployment = Deployment.new()
    koldo = await start_koldo(webhook=webhook, deployment=deployment)
    family = await person(language_code="ru", locale="ru")
    neighbour = await person(language_code="ru", locale="ru")
    await driver.send_command(family.user_id, "start")
    await family.sees("welcome")

    # Telegram is slow to take the tap's answer and its edit: the replica is in the middle of
    # the update (a Bot API call in flight) when it is told to stop.
    slow = ["answerCallbackQuery", "editMessageText"]
    await driver.set_faults(latency=1.5, methods=slow)
    calls_before = [await requests_of(driver, method) for method in slow]
    await driver.press_button(family.user_id, "Русский")

    async def answer_in_flight() -> bool | None:
        calls = [await requests_of(driver, method) for method in slow]
        return True if calls != calls_before else None

    await family.eventually(answer_in_flight)
    stopping = koldo.process
    assert stopping is not None
    stopping.send_signal(sig)
    await family.eventually(lambda: stopped_taking(koldo))
    # Sent once the replica stopped taking updates: it waits for the next replica.
    await driver.send_command(neighbour.user_id, "start")

    assert await koldo.stop() == 0
    # The tap was handled to the end before the process exited.
    await family.sees("consent", **RETENTION_ARGS)
    async with app.resources.session_factory() as session:
        saved = await session.scalar(select(User.language).where(User.id == family.user_id))
    assert saved == "ru"
    assert await neighbour.messages() == []
    assert "Traceback" not in koldo.log

    await driver.clear_faults()
    await start_koldo(webhook=webhook, deployment=deployment)  # the replica, started again
    await neighbour.sees("welcome")


async def test_new_case_alerts_being_sent_when_told_to_stop_all_reach_their_coordinators(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver, app: App
) -> None:
    koldo = await start_koldo(alert_poll_seconds="0.5")
    coordinators = [await person(language_code="ru", locale="ru") for _ in range(3)]
    for coordinator in coordinators:
        await driver.send_command(coordinator.user_id, "start")
        await coordinator.sees("welcome")
        await make_coordinator(app, coordinator, "batken-district")
    family = await person(language_code="ky", locale="ky")
    await fill_needs(family)

    # Telegram is slow: the alerts go out one by one, a second each.
    await driver.set_faults(latency=1.0, methods=["sendMessage"])
    await family.press(family.t("btn-confirm"))

    async def made() -> Case | None:
        async with app.resources.session_factory() as session:
            return await session.scalar(select(Case).where(Case.user_id == family.user_id))

    case = await family.eventually(made)

    async def alerted(coordinator: Phone) -> bool:
        texts = [m.text for m in await coordinator.messages()]
        return plain(coordinator.t("alert-new-cases", count=1, codes=case.code)) in texts

    async def first_alert_arrived() -> bool | None:
        return True if any([await alerted(c) for c in coordinators]) else None

    await family.eventually(first_alert_arrived)
    assert await koldo.stop() == 0  # the other alerts are still to be sent
    assert [await alerted(c) for c in coordinators] == [True, True, True]
    assert "Traceback" not in koldo.log
