"""Two `koldo run` webhook replicas behind a load balancer, sharing PostgreSQL and Redis, as
Koldo is deployed; one of them is restarted (SIGTERM) while families are filling the form."""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import Awaitable, Callable

import pytest
from sqlalchemy import select

from sandbox import SandboxServer
from sandbox.driver import SandboxDriver
from storage.models import Case
from tests.conftest import BACKENDS, App
from tests.e2e.conftest import Deployment, StartKoldo
from tests.e2e.test_coordination_over_http import make_coordinator
from tests.e2e.test_over_http import agree, answer_needs_form
from tests.support.e2e import KoldoProcess, Phone, plain

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        "postgres" not in BACKENDS, reason="replicas share PostgreSQL and Redis (a run without)"
    ),
    pytest.mark.parametrize("backend", ["postgres"], indirect=True),
]
NewPhone = Callable[..., Awaitable[Phone]]
CODE = re.compile(r"\b[2-9A-HJKMNP-Z]{6}\b")
MESSAGE = "Салам! Эртең дары алып келебиз."


async def test_two_replicas_one_restarted_midway_lose_nothing_and_send_nothing_twice(
    start_koldo: StartKoldo,
    person: NewPhone,
    driver: SandboxDriver,
    app: App,
    sandbox: SandboxServer,
) -> None:
    deployment = Deployment.new(replicas=2)
    await driver.set_balancer(deployment.public_url, deployment.local_urls)
    fast_alerts = {"alert_poll_seconds": "1"}

    async def replica(number: int) -> KoldoProcess:
        return await start_koldo(True, deployment, number, **fast_alerts)

    lives = [await replica(0), await replica(1)]
    # Telegram answers in about 0.1 s, so that updates are in hand when the replica is stopped.
    await driver.set_faults(latency=0.1)
    coordinator = await person(language_code="ru", locale="ru")
    await driver.send_command(coordinator.user_id, "start")
    await coordinator.sees("welcome")
    await make_coordinator(app, coordinator, "batken-district")
    families = [
        await person(language_code="ky", locale="ky"),
        await person(language_code="ru", locale="ru"),
        await person(language_code="en", locale="en"),
    ]
    await asyncio.gather(*(agree(family) for family in families))

    async def first_busy() -> bool | None:
        balancer = (await driver.balancers())[deployment.public_url]
        return True if balancer["in_flight"].get(deployment.local_url(0)) else None

    async def restart_the_first() -> None:
        await families[0].received("needs-size")  # in the middle of the form
        await coordinator.eventually(first_busy)  # and in the middle of an update
        assert await lives[0].stop() == 0
        lives.append(await replica(0))

    async def register(family: Phone) -> None:
        await answer_needs_form(family)
        await family.press(family.t("btn-confirm"))
        await family.sees("main-menu")

    await asyncio.gather(restart_the_first(), *(register(family) for family in families))

    # Every family has one case; the coordinator hears of each once, in batched alerts.
    async with app.resources.session_factory() as session:
        cases = {case.user_id: case for case in await session.scalars(select(Case))}
    assert sorted(cases) == sorted(family.user_id for family in families)
    codes = {case.code for case in cases.values()}
    assert len(codes) == len(families)

    async def alerts() -> list[list[str]] | None:
        found = [_alerted_codes(coordinator, m.text or "") for m in await coordinator.messages()]
        batches = [batch for batch in found if batch]
        return batches if {code for batch in batches for code in batch} == codes else None

    batches = await coordinator.eventually(alerts)
    assert sorted(code for batch in batches for code in batch) == sorted(codes)

    # The coordinator claims a case and writes to its family.
    family = families[0]
    case = cases[family.user_id]
    await driver.send_command(coordinator.user_id, "queue")
    await coordinator.showing(coordinator.t("btn-queue-refresh"))
    await coordinator.press_containing(case.code)
    await coordinator.press(coordinator.t("btn-case-claim"))
    await family.received("family-case-claimed", code=case.code)
    await driver.send_text(coordinator.user_id, MESSAGE)

    async def relayed() -> bool | None:
        return True if any(m.text == MESSAGE for m in await family.messages()) else None

    await family.eventually(relayed)

    # Nothing lost, nothing twice: every update was answered, none came back to a replica
    # that had handled it, and no chat got the same message twice.
    updates = sandbox.world.bots[driver.bot_id].updates

    async def all_answered() -> bool | None:
        return True if not updates.pending else None

    await family.eventually(all_answered)
    # The three families took the same steps, in three languages: the same answers, in the
    # same order (the first also got the claim and the coordinator's message), none twice.
    answers = [await _answers(driver, phone) for phone in families]
    # (A press's answer rides in the webhook reply, after its edit, or comes by a call when
    # the update is slow: its place among them varies, its count does not.)
    kinds = [[kind for kind, _ in answered if kind != "callback_answer"] for answered in answers]
    assert kinds[0] == [*kinds[1], "message", "message"] and kinds[1] == kinds[2]
    presses = [[kind for kind, _ in answered].count("callback_answer") for answered in answers]
    assert presses[0] == presses[1] == presses[2] > 0
    for answered in [*answers, await _answers(driver, coordinator)]:
        sent = [event for event in answered if event[0] == "message"]
        assert all(earlier != later for earlier, later in itertools.pairwise(sent))
    assert [m.text for m in await family.messages()].count(MESSAGE) == 1
    async with app.resources.session_factory() as session:
        assert len((await session.scalars(select(Case))).all()) == len(families)
    served = (await driver.balancers())[deployment.public_url]["accepted"]
    assert set(served) == set(deployment.local_urls)
    assert [await life.stop() for life in lives] == [0, 0, 0]
    for life in lives:
        assert "duplicate update" not in life.log
        assert "Traceback" not in life.log
    assert lives[2].log.count("POST /telegram/koldo") > 0  # the restarted one took its share


async def _answers(driver: SandboxDriver, phone: Phone) -> list[tuple[str, str]]:
    """What the bot did in a chat, in order: (message | edit | callback_answer …, text)."""
    events = (await driver.transcript(phone.user_id))["events"]
    return [
        (event["kind"], (event.get("message") or {}).get("text", ""))
        for event in events
        if event.get("direction") != "in"
    ]


def _alerted_codes(coordinator: Phone, text: str) -> list[str]:
    """The case codes of a new-case alert, in its order; [] for any other message."""
    found = CODE.findall(text)
    alert = coordinator.t("alert-new-cases", count=len(found), codes=", ".join(found))
    return found if found and text == plain(alert) else []
