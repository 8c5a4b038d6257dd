"""The retention period, end to end: `koldo run` against the sandbox erases by itself the
personal data of a request closed long ago, and the family's "My data" then says Koldo keeps
nothing of them (issue 13, points 1 and 2)."""

from __future__ import annotations

import itertools
from datetime import timedelta

from sqlalchemy import select, update

from bot.i18n import Localization
from sandbox.driver import BotMessage, SandboxDriver
from storage.models import Case, CaseStatus, JobRun, User, utcnow
from tests.conftest import App
from tests.e2e.conftest import StartKoldo
from tests.e2e.test_coordination_over_http import case_of
from tests.e2e.test_over_http import register_needs
from tests.support.e2e import Phone, plain

_user_ids = itertools.count(65_000_001)  # no other end-to-end test uses these


async def test_a_request_closed_longer_ago_than_the_period_is_erased_by_the_running_bot(
    start_koldo: StartKoldo, driver: SandboxDriver, app: App
) -> None:
    koldo = await start_koldo(alert_poll_seconds="0.5", retention_days="90")
    family = Phone(driver, next(_user_ids), Localization().translator("ru"))
    await driver.create_user(family.user_id, "Айгуль", language_code="ru")
    await register_needs(family)
    case = await case_of(app, family)
    assert case.phone

    # Three months later: the request was closed 91 days ago, and the hourly job is due.
    long_ago = utcnow() - timedelta(days=91)
    async with app.resources.session_factory() as session:
        await session.execute(
            update(Case)
            .where(Case.id == case.id)
            .values(status=CaseStatus.RESOLVED, outcome="helped", resolved_at=long_ago)
        )
        await session.execute(update(JobRun).values(ran_at=utcnow() - timedelta(hours=2)))
        await session.commit()

    async def erased() -> Case | None:
        async with app.resources.session_factory() as session:
            found = await session.get(Case, case.id)
            return found if found is not None and found.erased_at is not None else None

    anonymous = await family.eventually(erased, timeout=30)
    assert (anonymous.user_id, anonymous.phone, anonymous.latitude) == (None, None, None)
    assert anonymous.needs == case.needs and anonymous.district == case.district
    async with app.resources.session_factory() as session:
        person = await session.scalar(select(User).where(User.id == family.user_id))
    assert person is not None and person.phone is None and person.language == "ru"

    # The family still has Koldo, in its language; "My data" shows its account, and of the
    # request and its phone, nothing.
    await driver.send_command(family.user_id, "mydata")
    heading = plain(family.t("mydata-heading"))

    async def data_page() -> BotMessage | None:
        newest = (await family.messages())[-1]
        return newest if (newest.text or "").startswith(heading) else None

    page = (await family.eventually(data_page)).text or ""
    assert plain(family.t("summary-no-phone")) in page  # the phone it had is gone
    assert case.code not in page and case.phone not in page
    assert await koldo.stop() == 0
    assert "retention erased 1 cases" in koldo.log  # counts in the log; codes in the audit
    assert case.phone not in koldo.log
