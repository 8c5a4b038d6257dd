"""A broadcast end to end: two `koldo run` webhook replicas (each with its delivery worker)
sharing PostgreSQL and Redis, the update sent with `koldo broadcast send`, Telegram's limits on;
and one composed by an admin in the bot, through `koldo run` and the sandbox."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sandbox.driver import SandboxDriver
from storage.models import Broadcast, Delivery, DeliveryState, User
from tests.conftest import BACKENDS, App
from tests.e2e.conftest import Deployment, StartKoldo
from tests.support import processes
from tests.support.e2e import Phone, plain

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

    env = {
        "KOLDO_DATABASE_URL": app.settings.database_url,
        "KOLDO_REDIS_URL": app.settings.redis_url,
        "KOLDO_REDIS_PREFIX": deployment.redis_prefix,
    }
    send = await processes.run(
        "broadcast", "send", "--text-ky", "Жол ачык.", "--text-ru", "Дорога открыта.",
        "--source", "MChS", "--wait", env=env, timeout=90,
    )  # fmt: skip
    report = send.output
    assert send.code == 0, report
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


async def test_an_admin_composes_in_the_bot_and_every_family_gets_it_once(
    start_koldo: StartKoldo, driver: SandboxDriver, app: App
) -> None:
    """Through `koldo run` and the sandbox: /broadcast in Kyrgyz and Russian (English left to
    the Kyrgyz text), the preview, Send; the replica's worker delivers it and reports once."""
    admin_id = 62_100_001
    families = {62_100_002 + n: "ru" if n % 2 else "ky" for n in range(10)}
    await driver.create_user(admin_id, "Admin", language_code="en")
    async with app.resources.session_factory() as session:
        session.add(User(id=admin_id, language="en"))
        for user_id, language in families.items():
            await driver.create_user(user_id, "Family", started=True)
            session.add(User(id=user_id, language=language))
        await session.commit()
    await start_koldo(admin_ids=str(admin_id))
    await driver.reset_counters()
    t = app.resources.localization.translator("en")
    admin = Phone(driver, admin_id, t)

    await driver.send_command(admin_id, "broadcast")
    await admin.sees("broadcast-compose-text-default", language="Kyrgyz")
    await admin.write("Жол ачык.")
    await admin.sees("broadcast-compose-text-other", language="Russian", default="Kyrgyz")
    await admin.write("Дорога открыта.")
    await admin.sees("broadcast-compose-text-other", language="English", default="Kyrgyz")
    await admin.press(t("btn-skip"))
    await admin.sees("broadcast-compose-media")
    await admin.press(t("btn-broadcast-no-media"))
    await admin.sees("broadcast-compose-source")
    await admin.write("Batken akimiat")
    await admin.sees("broadcast-compose-audience")
    await admin.press(t("btn-broadcast-everyone"))
    await admin.sees("broadcast-compose-urgency")
    await admin.press(t("btn-broadcast-normal"))
    total = len(families) + 1  # the admin reads Koldo too
    summary = await admin.showing(t("btn-broadcast-send"))
    assert (summary.text or "").startswith(t("broadcast-preview-summary", count=total))
    fallback = t("broadcast-preview-fallback", language="English", default="Kyrgyz")
    assert any(fallback in (m.text or "") for m in await admin.messages())
    await admin.press(t("btn-broadcast-send"))

    expected = {
        "ky": "Жол ачык.\n\n✅ Текшерген: Batken akimiat",
        "ru": "Дорога открыта.\n\n✅ Проверено: Batken akimiat",
    }

    async def reports() -> list[str] | None:
        texts = [m.text or "" for m in await admin.messages()]
        found = [text for text in texts if text.startswith("🏁 Safety update") and "of" in text]
        return found or None

    [report] = await admin.eventually(reports, timeout=60)
    async with app.resources.session_factory() as session:
        broadcast = (await session.scalars(select(Broadcast))).one()
    assert broadcast.created_by == admin_id
    head = t("broadcast-final-done", id=str(broadcast.id), sent=total, total=total)
    assert report.startswith(plain(head))
    for user_id, language in families.items():
        assert [m.text for m in await driver.bot_messages(user_id)] == [expected[language]]
    counters = await driver.counters()
    # (The admin's own copy repeats the preview above it: the families' are what counts.)
    assert not any(counters["duplicates_per_chat"].get(str(u)) for u in families)
    assert all(counters["messages_per_chat"].get(str(u)) == 1 for u in families)
    assert await reports() == [report]  # one final report, and the progress message edited
    progress = [m for m in await admin.messages() if m.edited]
    assert any(
        (m.text or "").startswith(plain(t("broadcast-progress-done", id=str(broadcast.id))))
        for m in progress
    )
