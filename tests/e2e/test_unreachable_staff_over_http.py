"""A coordinator who blocked Koldo: the new case they cannot hear of reaches the other coordinator
covering it and the admins, through `koldo run` and the sandbox (issue 11, point 1)."""

from __future__ import annotations

import itertools

from bot.i18n import Localization
from bot.services import roles
from sandbox.driver import SandboxDriver
from storage.models import Role
from tests.conftest import App
from tests.e2e.conftest import StartKoldo
from tests.e2e.test_coordination_over_http import case_of
from tests.e2e.test_over_http import register_needs
from tests.support.e2e import Phone

_user_ids = itertools.count(63_000_001)  # 62_000_001… are the broadcast test's families
BATKEN = "batken-district"


async def _staff(
    app: App, driver: SandboxDriver, name: str, locale: str, role: Role = Role.COORDINATOR
) -> Phone:
    """Someone who opened Koldo, was granted a role, and has used it since (so Koldo knows the
    name Telegram gives them)."""
    user_id = next(_user_ids)
    await driver.create_user(user_id, name, language_code=locale)
    phone = Phone(driver, user_id, Localization().translator(locale))
    await driver.send_command(user_id, "start")
    await phone.sees("welcome")
    async with app.resources.session_factory() as session:
        districts = [BATKEN] if role == Role.COORDINATOR else []
        change = await roles.grant(
            session, user_id, role, app.settings, actor_id=None, districts=districts
        )
        change.user.language = locale
        await session.commit()
    await driver.send_command(user_id, "queue")
    await phone.showing(phone.t("btn-queue-refresh"))
    return phone


async def test_a_case_a_blocked_coordinator_cannot_hear_of_reaches_the_others(
    start_koldo: StartKoldo, driver: SandboxDriver, app: App
) -> None:
    await start_koldo(alert_poll_seconds="0.5")
    aibek = await _staff(app, driver, "Aibek", "ru")
    dinara = await _staff(app, driver, "Dinara", "en")
    admin = await _staff(app, driver, "Admin", "ky", Role.ADMIN)
    await driver.block_bot(aibek.user_id)

    family = Phone(driver, next(_user_ids), Localization().translator("ky"))
    await driver.create_user(family.user_id, "Айгүл", language_code="ky")
    await register_needs(family)
    code = (await case_of(app, family)).code

    await dinara.received("alert-new-cases", count=1, codes=code)
    for phone in (dinara, admin):
        t = phone.t
        line = await phone.received(
            "alert-unreached",
            id=str(aibek.user_id),
            name="Aibek",
            codes=code,
            reason=t("reach-blocked"),
        )
        assert line.buttons == [[t("btn-queue")]]
    # Nothing reached the coordinator who blocked Koldo, and the family's data went nowhere.
    assert all(code not in (m.text or "") for m in await aibek.messages())
    texts = " ".join(m.text or "" for m in [*await dinara.messages(), *await admin.messages()])
    assert "+996" not in texts and "Көк-Таш" not in texts
