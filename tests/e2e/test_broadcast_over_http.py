"""A broadcast end to end: two `koldo run` webhook replicas (each with its delivery worker)
sharing PostgreSQL and Redis, the update sent with `koldo broadcast send`, Telegram's limits on."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest
from sqlalchemy import func, select

from sandbox.driver import SandboxDriver
from storage.models import Delivery, DeliveryState, User
from tests.conftest import BACKENDS, App
from tests.e2e.conftest import Deployment, StartKoldo
from tests.test_broadcasts import ROOT

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        "postgres" not in BACKENDS, reason="replicas share PostgreSQL and Redis (a run without)"
    ),
    pytest.mark.parametrize("backend", ["postgres"], indirect=True),
]
FAMILIES = 40


async def test_two_replicas_deliver_one_broadcast_once_to_everyone(
    start_koldo: StartKoldo, driver: SandboxDriver, app: App, token: str
) -> None:
    deployment = Deployment.new(replicas=2)
    await driver.set_balancer(deployment.public_url, deployment.local_urls)
    replicas = [await start_koldo(True, deployment, n) for n in range(2)]
    await driver.set_limits(enabled=True, duplicate_window=None)
    await driver.reset_counters()  # the sandbox is the session's: count this test's sends only
    families = list(range(62_000_001, 62_000_001 + FAMILIES))
    async with app.resources.session_factory() as session:
        for user_id in families:
            await driver.create_user(user_id, "Family", started=True)
            session.add(User(id=user_id, language="ru" if user_id % 2 else "ky"))
        await session.commit()

    clean = {k: v for k, v in os.environ.items() if not k.startswith("KOLDO_")}
    env = {
        "KOLDO_DATABASE_URL": app.settings.database_url,
        "KOLDO_REDIS_URL": app.settings.redis_url,
        "KOLDO_REDIS_PREFIX": deployment.redis_prefix,
    }
    send = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "broadcast", "send", "--text-ky", "Жол ачык.",
        "--text-ru", "Дорога открыта.", "--source", "MChS", "--wait",
        env={**clean, **env}, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await asyncio.wait_for(send.communicate(), 90)
    report = output.decode()
    assert send.returncode == 0, report
    assert f"sent {FAMILIES} of {FAMILIES}, failed 0, unreachable 0" in report

    counters = await driver.counters()
    assert counters["duplicates_total"] == 0
    assert all(counters["messages_per_chat"].get(str(u)) == 1 for u in families)
    async with app.resources.session_factory() as session:
        sent = await session.scalar(
            select(func.count()).where(Delivery.state == DeliveryState.SENT)
        )
    assert sent == FAMILIES
    for replica in replicas:
        assert await replica.stop() == 0
