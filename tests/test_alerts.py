"""Coordinators hear of new cases in batches; urgent unclaimed cases are raised again, even
after a restart, and each alert goes out once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aiogram.types import Chat

from bot.app import Resources
from bot.callbacks import CaseAction, CaseCb
from bot.i18n import Translator
from bot.services import alerts, delivery
from storage.models import Role, utcnow
from storage.repositories import alerts as alert_rows
from storage.repositories import users
from tests.conftest import Harness
from tests.support.cases import (
    BATKEN,
    LEILEK,
    bot_status_changed,
    case_data,
    deliver_alerts,
    registered_case,
    staff_member,
)
from tests.support.missing import Details, family, hold, list_as_safe, report_missing
from tests.support.people import Person
from tests.test_reunion import MYRZABEK

BAD_REQUEST = '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}'


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


# --- a person is reachable again (issue 8, point 3) ------------------------------------------


async def _alerted_of(koldo: Harness, coordinator: Person, case_code: str) -> bool:
    await deliver_alerts(koldo)
    return any(case_code in m.text for m in coordinator.view.messages)


async def _is_blocked(koldo: Harness, person: Person) -> bool:
    async with koldo.session() as session:
        user = await users.get(session, person.user.id)
    assert user is not None
    return user.blocked


@pytest.mark.parametrize("comes_back_by", ["/start", "a press", "a message"])
async def test_a_coordinator_marked_blocked_hears_of_cases_again_once_they_write(
    koldo: Harness, comes_back_by: str
) -> None:
    coordinator = await staff_member(koldo, [BATKEN])
    # They had not pressed START yet (or had blocked Koldo): the first alert gets a 403.
    koldo.telegram.blocked.add(coordinator.user.id)
    first = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    assert not await _alerted_of(koldo, coordinator, first.code)
    assert await _is_blocked(koldo, coordinator)

    koldo.telegram.blocked.discard(coordinator.user.id)
    if comes_back_by == "/start":
        await coordinator.send("/start")
    elif comes_back_by == "a press":
        await coordinator.press_data(case_data(CaseAction.QUEUE, 0))
    else:
        await coordinator.send("hello")
    assert not await _is_blocked(koldo, coordinator)
    second = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    assert await _alerted_of(koldo, coordinator, second.code)


async def test_a_group_that_drops_koldo_says_nothing_about_the_person(koldo: Harness) -> None:
    coordinator = await staff_member(koldo, [BATKEN])
    group = Chat(id=-1001234567890, type="supergroup", title="Volunteers")
    for status in ("kicked", "left"):
        await bot_status_changed(koldo, coordinator, group, status)
    # A 403 when writing to the group's chat id is about the group, not about anyone in it.
    koldo.telegram.blocked.add(group.id)
    async with koldo.session() as session:
        sent = await delivery.deliver(session, group.id, koldo.bot.send_message(group.id, "x"))
    assert sent is None
    assert not await _is_blocked(koldo, coordinator)
    case = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    assert await _alerted_of(koldo, coordinator, case.code)


async def test_telegram_is_asked_for_blocks_and_unblocks(koldo: Harness) -> None:
    # Telegram sends only the kinds of update the bot asks for, from its handlers.
    assert "my_chat_member" in koldo.dispatcher.resolve_used_update_types()


async def test_blocking_and_unblocking_in_the_private_chat_is_followed(koldo: Harness) -> None:
    coordinator = await staff_member(koldo, [BATKEN])
    await bot_status_changed(koldo, coordinator, coordinator.chat, "kicked")
    assert await _is_blocked(koldo, coordinator)
    await bot_status_changed(koldo, coordinator, coordinator.chat, "member")
    assert not await _is_blocked(koldo, coordinator)
    case = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    assert await _alerted_of(koldo, coordinator, case.code)


# --- an alert that cannot reach a coordinator (issue 11, point 1) ---------------------------


def _unreached(t: Translator, person: Person, codes: str, reach: str) -> str:
    """The line naming a coordinator Koldo could not reach, as the others read it."""
    return t(
        "alert-unreached",
        id=str(person.user.id),
        name=person.user.first_name,
        codes=codes,
        reason=t(f"reach-{reach}"),
    )


async def test_a_new_case_a_coordinator_cannot_get_reaches_the_others_and_the_admins(
    koldo: Harness,
) -> None:
    en, ru = koldo.t("en"), koldo.t("ru")
    gone = await staff_member(koldo, [BATKEN])
    other = await staff_member(koldo, [BATKEN], "ru")
    elsewhere = await staff_member(koldo, [LEILEK])
    admin = await staff_member(koldo, role=Role.ADMIN)
    # They blocked Koldo since their last message: Koldo learns it from the 403.
    koldo.telegram.blocked.add(gone.user.id)
    case = await registered_case(koldo, koldo.person(language_code="ky"), "ky")

    await deliver_alerts(koldo)

    assert ru("alert-new-cases", count=1, codes=case.code) in other.texts()
    assert other.last_text == _unreached(ru, gone, case.code, "blocked")
    assert admin.last_text == _unreached(en, gone, case.code, "blocked")
    assert admin.last.buttons() == [en("btn-queue")]
    assert all(case.code not in text for text in elsewhere.texts())
    assert all(case.code not in text for text in gone.texts())
    # Nothing about the family is in the line: only the case code and the coordinator.
    assert "Көк-Таш" not in admin.last_text and "+996" not in admin.last_text
    assert await _is_blocked(koldo, gone)


async def test_a_case_whose_only_coordinator_blocked_koldo_reaches_the_admins(
    koldo: Harness,
) -> None:
    en = koldo.t("en")
    only = await staff_member(koldo, [BATKEN])
    await bot_status_changed(koldo, only, only.chat, "kicked")
    admin = await staff_member(koldo, role=Role.ADMIN)
    first = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    second = await registered_case(koldo, koldo.person(language_code="ru"), "ru")

    await deliver_alerts(koldo)

    codes = f"{first.code}, {second.code}"
    assert admin.last_text == _unreached(en, only, codes, "blocked")
    assert koldo.t("en")("reach-blocked") in admin.last_text


async def test_a_coordinator_who_never_pressed_start_is_named_with_what_to_ask(
    koldo: Harness,
) -> None:
    en = koldo.t("en")
    admin = await staff_member(koldo, role=Role.ADMIN)
    await admin.send(f"/grant 424243 coordinator {BATKEN}")
    # Telegram lets no bot write first to someone who never pressed START.
    koldo.telegram.blocked.add(424243)
    case = await registered_case(koldo, koldo.person(language_code="ky"), "ky")

    await deliver_alerts(koldo)

    assert admin.last_text == en(
        "alert-unreached",
        id="424243",
        name=en("roles-name-unknown"),
        codes=case.code,
        reason=en("reach-not-started"),
    )


async def test_a_failed_delivery_is_not_lost_when_telegram_fails_in_another_way(
    koldo: Harness,
) -> None:
    """A refusal other than a 403 ("chat not found") counts as not reached: someone else is
    told, and nobody is marked blocked for it."""
    en = koldo.t("en")
    coordinator = await staff_member(koldo, [BATKEN])
    admin = await staff_member(koldo, role=Role.ADMIN)
    case = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    koldo.telegram.failures["sendMessage"] = [(400, BAD_REQUEST)]

    await deliver_alerts(koldo)

    assert admin.last_text == _unreached(en, coordinator, case.code, "failed")
    assert not await _is_blocked(koldo, coordinator)


async def test_a_possible_match_its_holder_cannot_get_reaches_the_others_and_the_admins(
    koldo: Harness,
) -> None:
    en = koldo.t("en")
    holder, other = await staff_member(koldo, [BATKEN]), await staff_member(koldo, [BATKEN])
    admin = await staff_member(koldo, role=Role.ADMIN)
    report = await report_missing(koldo, await family(koldo), MYRZABEK)
    await hold(koldo, report.case, holder.user.id)
    await list_as_safe(koldo, await family(koldo, "ru"), [Details("Jumabaev Myrzabek", "M", 44)])
    koldo.telegram.blocked.add(holder.user.id)

    await deliver_alerts(koldo)

    alert = en("alert-matches", count=1, codes=report.case.code)
    line = _unreached(en, holder, report.case.code, "blocked")
    for person in (other, admin):
        assert person.last_text == f"{alert}\n\n{line}"
        assert person.last.buttons() == [en("btn-alert-match", code=report.case.code, count=1)]
    assert all(report.case.code not in text for text in holder.texts())


# --- a family whose case went back to the queue is told (issue 11, point 3) ----------------


async def test_a_family_is_told_when_its_case_is_released_in_its_language(
    koldo: Harness,
) -> None:
    ky, en = koldo.t("ky"), koldo.t("en")
    family_ky = koldo.person(language_code="ky")
    case = await registered_case(koldo, family_ky, "ky")
    coordinator = await staff_member(koldo, [BATKEN])
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    assert family_ky.last_text == ky("family-case-claimed", code=case.code)
    await coordinator.press(en("btn-case-release"))
    assert coordinator.view.alerts[-1] == en("case-released")

    await deliver_alerts(koldo)

    assert family_ky.last_text == ky("family-case-back-in-queue", code=case.code)
    assert ky("btn-my-case-write") in family_ky.last.buttons()
    # A brand-new case is nothing to tell its family about.
    other = koldo.person(language_code="ky")
    fresh = await registered_case(koldo, other, "ky")
    await deliver_alerts(koldo)
    assert ky("family-case-back-in-queue", code=fresh.code) not in other.texts()
