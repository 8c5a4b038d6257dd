"""Coordinators hear of new cases in batches; urgent unclaimed cases are raised again, even
after a restart, and each alert goes out once."""

from __future__ import annotations

from datetime import timedelta

from bot.app import Resources
from bot.callbacks import CaseAction, CaseCb
from bot.services import alerts
from storage.models import Role, utcnow
from storage.repositories import alerts as alert_rows
from tests.conftest import Harness
from tests.support.cases import BATKEN, LEILEK, registered_case, staff_member


async def test_new_cases_reach_their_coordinators_in_one_message(koldo: Harness) -> None:
    en = koldo.t("en")
    covering, elsewhere = await staff_member(koldo, [BATKEN]), await staff_member(koldo, [LEILEK])
    first = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    second = await registered_case(koldo, koldo.person(language_code="ru"), "ru")
    settings = koldo.resources.settings
    resources = koldo.resources

    sent = await alerts.deliver_due(
        resources.session_factory, koldo.bot, resources.localization, settings
    )
    assert sent == 1
    codes = f"{first.code}, {second.code}"
    assert covering.last_text == en("alert-new-cases", count=2, codes=codes)
    assert all(first.code not in m.text for m in elsewhere.view.messages)
    again = await alerts.deliver_due(
        resources.session_factory, koldo.bot, resources.localization, settings
    )
    assert again == 0


async def test_an_unclaimed_urgent_case_is_raised_again_after_a_restart(koldo: Harness) -> None:
    en = koldo.t("en")
    coordinator = await staff_member(koldo, [BATKEN])
    admin = await staff_member(koldo, role=Role.ADMIN)
    case = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    settings = koldo.resources.settings
    minutes = settings.urgent_escalation_minutes

    # Koldo stops; another process starts from the same database.
    restarted = Resources.open(settings)
    try:
        early = utcnow() + timedelta(minutes=minutes - 1)
        await alerts.deliver_due(
            restarted.session_factory, koldo.bot, restarted.localization, settings, early
        )
        assert not any("⚠️" in m.text for m in coordinator.view.messages)

        late = utcnow() + timedelta(minutes=minutes + 1)
        sent = await alerts.deliver_due(
            restarted.session_factory, koldo.bot, restarted.localization, settings, late
        )
        assert sent == 2
        for person in (coordinator, admin):
            assert person.last_text.startswith(
                en("alert-escalation", code=case.code, minutes=0)[:20]
            )
            assert case.code in person.last_text
        async with restarted.session_factory() as session:
            assert await alert_rows.pending(session) == []
    finally:
        await restarted.close()


async def test_a_claimed_urgent_case_is_not_raised(koldo: Harness) -> None:
    coordinator = await staff_member(koldo, [BATKEN])
    case = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    await coordinator.press_data(CaseCb(action=CaseAction.CLAIM, case=case.id).pack())
    resources, settings = koldo.resources, koldo.resources.settings
    late = utcnow() + timedelta(minutes=settings.urgent_escalation_minutes + 1)
    await alerts.deliver_due(
        resources.session_factory, koldo.bot, resources.localization, settings, late
    )
    assert not any("⚠️" in m.text for m in coordinator.view.messages)
