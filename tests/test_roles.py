"""Roles from the command line and from the bot: granted, listed, revoked, all audited."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.callbacks import CaseAction
from bot.i18n import Localization
from storage.models import CaseStatus, Role, utcnow
from storage.repositories import audit, queue, users
from tests.conftest import Harness
from tests.support.cases import (
    BATKEN,
    LEILEK,
    case_data,
    deliver_alerts,
    registered_case,
    staff_member,
)
from tests.test_cli import koldo as run_koldo


async def test_koldo_roles_grant_list_revoke(tmp_path: Path) -> None:
    env = {"KOLDO_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'k.sqlite3'}"}
    code, _ = await run_koldo("db", "upgrade", env=env)
    assert code == 0
    grant = ("roles", "grant", "555", "coordinator", "--districts", "batken-district")
    code, output = await run_koldo(
        *grant, "--needs", "medical", "--organisation", "Red Crescent", env=env
    )
    assert code == 0 and "555: coordinator" in output.splitlines()
    code, output = await run_koldo("roles", "list", env=env)
    row = "555\t(no name yet)\tcoordinator\tRed Crescent\tBatken District\t🩺 Medicine, doctor"
    # 555 never wrote to Koldo: the last column says what to ask them to do.
    assert f"{row}\t{Localization().translator('en')('reach-not-started')}" in output.splitlines()
    code, output = await run_koldo(
        "roles", "grant", "556", "coordinator", "--districts", "mars", env=env
    )
    assert code == 2 and "Unknown district" in output
    code, output = await run_koldo("roles", "revoke", "555", env=env)
    assert code == 0
    code, output = await run_koldo("roles", "list", env=env)
    assert "555" not in output


async def test_an_admin_grants_and_revokes_in_the_bot(koldo: Harness) -> None:
    en = koldo.t("en")
    admin = await staff_member(koldo, role=Role.ADMIN)
    await admin.send("/grant 777 coordinator batken-district,leilek-district medical Red Crescent")
    assert admin.last_text == (
        en("roles-granted", id="777", role="coordinator") + "\n" + en("roles-not-started", id="777")
    )
    await admin.send("/grant 777 coordinator nowhere")
    assert admin.last_text.startswith(en("roles-bad-district", valid="batken-district"))
    await admin.send("/grant hello")
    assert admin.last_text == en("roles-grant-usage")
    await admin.send("/staff")
    line = "777 · (no name yet) · coordinator · Red Crescent · Batken District, Leilek District"
    assert f"{line} · 🩺 Medicine, doctor" in admin.last_text
    await admin.send("/revoke 777")
    assert admin.last_text == en("roles-revoked", id="777")
    async with koldo.session() as session:
        person = await users.get(session, 777)
        entries = [
            (e.action, e.actor_id) for e in await audit.entries(session) if e.subject == "user:777"
        ]
    assert person is not None and person.role == Role.FAMILY
    assert entries == [("role.granted", admin.user.id), ("role.revoked", admin.user.id)]


async def test_a_coordinator_cannot_grant(koldo: Harness) -> None:
    coordinator = await staff_member(koldo, ["batken-district"])
    await coordinator.send(f"/grant {coordinator.user.id} admin")
    assert coordinator.last_text == koldo.t("en")("admin-only")
    async with koldo.session() as session:
        person = await users.get(session, coordinator.user.id)
    assert person is not None and person.role == Role.COORDINATOR


# --- a role taken or narrowed hands back what its holder held (issue 8, point 1) -------------


async def test_revoking_a_coordinator_hands_their_cases_back_to_the_queue(koldo: Harness) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    revoked = await staff_member(koldo, [BATKEN])
    other = await staff_member(koldo, [BATKEN])
    admin = await staff_member(koldo, role=Role.ADMIN)
    await revoked.press_data(case_data(CaseAction.CLAIM, case.id))
    minutes = koldo.resources.settings.urgent_escalation_minutes
    # While it is held, the urgent case is not raised: its escalation passes unused.
    await deliver_alerts(koldo, utcnow() + timedelta(minutes=minutes + 1))
    assert not any("⚠️" in m.text for m in other.view.messages)

    await admin.send(f"/revoke {revoked.user.id}")
    released = en("roles-cases-released", count=1, codes=case.code)
    assert admin.last_text == en("roles-revoked", id=str(revoked.user.id)) + "\n" + released
    async with koldo.session() as session:
        saved = await queue.by_id(session, case.id)
        entries = [e for e in await audit.entries(session) if e.subject == case.code]
    assert saved is not None and saved.assignee_id is None and saved.status == CaseStatus.NEW
    assert [(e.action, e.actor_id, e.details) for e in entries][-1] == (
        "case.released",
        admin.user.id,
        {"from": revoked.user.id, "reason": "role.revoked"},
    )

    # The family's message waits with the case; the ex-coordinator gets nothing.
    seen_by_revoked = len(revoked.view.messages)
    await family.press(en("btn-my-case-write"))
    await family.send("Are you coming?")
    assert family.last_text == en("my-case-queued")
    assert len(revoked.view.messages) == seen_by_revoked

    # Its coordinators hear of it again as of a new case, and it is raised again in time.
    await deliver_alerts(koldo)
    assert other.last_text == en("alert-new-cases", count=1, codes=case.code)
    await deliver_alerts(koldo, utcnow() + timedelta(minutes=minutes + 1))
    for person in (other, admin):
        assert case.code in person.last_text and person.last_text.startswith("⚠️")
    assert len(revoked.view.messages) == seen_by_revoked
    await other.press_data(case_data(CaseAction.CLAIM, case.id))
    assert other.view.alerts[-1] == en("case-claimed")


async def test_a_narrower_grant_hands_back_the_cases_no_longer_covered(koldo: Harness) -> None:
    en = koldo.t("en")
    case = await registered_case(koldo, koldo.person(language_code="en"), "en")  # medicine, food
    coordinator = await staff_member(koldo, [BATKEN, LEILEK])
    admin = await staff_member(koldo, role=Role.ADMIN)
    granted = en("roles-granted", id=str(coordinator.user.id), role="coordinator")
    released = en("roles-cases-released", count=1, codes=case.code)

    async def holder() -> int | None:
        async with koldo.session() as session:
            saved = await queue.by_id(session, case.id)
        assert saved is not None
        return saved.assignee_id

    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    await admin.send(f"/grant {coordinator.user.id} coordinator {BATKEN} medical Red Crescent")
    assert admin.last_text == granted  # still covered: kept
    assert await holder() == coordinator.user.id

    await admin.send(f"/grant {coordinator.user.id} coordinator {BATKEN} legal")
    assert admin.last_text == granted + "\n" + released
    assert await holder() is None

    await admin.send(f"/grant {coordinator.user.id} coordinator {BATKEN},{LEILEK}")
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    await admin.send(f"/grant {coordinator.user.id} coordinator {LEILEK}")
    assert admin.last_text == granted + "\n" + released
    assert await holder() is None
    await admin.send(f"/grant {coordinator.user.id} admin")
    assert admin.last_text == en("roles-granted", id=str(coordinator.user.id), role="admin")


async def test_koldo_roles_revoke_prints_the_cases_back_in_the_queue(koldo: Harness) -> None:
    en = koldo.t("en")
    case = await registered_case(koldo, koldo.person(language_code="en"), "en")
    coordinator = await staff_member(koldo, [BATKEN])
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    env = {"KOLDO_DATABASE_URL": koldo.backend.database_url}

    code, output = await run_koldo("roles", "revoke", str(coordinator.user.id), env=env)
    assert code == 0
    assert output.strip().splitlines()[-2:] == [
        f"{coordinator.user.id}: family",
        en("roles-cases-released", count=1, codes=case.code),
    ]
    async with koldo.session() as session:
        saved = await queue.by_id(session, case.id)
        released = await audit.entries(session, "case.released")
    assert saved is not None and saved.assignee_id is None and saved.status == CaseStatus.NEW
    assert [(e.subject, e.actor_id) for e in released] == [(case.code, None)]


# --- ids Telegram cannot have (issue 8, point 11) --------------------------------------------

NOT_TELEGRAM_IDS = ["0", "-5", "12345678901234567890", str(2**52), "١٢٣"]


async def test_grant_and_revoke_refuse_ids_telegram_cannot_have(koldo: Harness) -> None:
    en = koldo.t("en")
    admin = await staff_member(koldo, role=Role.ADMIN)
    for user_id in NOT_TELEGRAM_IDS:
        await admin.send(f"/grant {user_id} admin")
        assert admin.last_text == en("roles-bad-id"), user_id
        await admin.send(f"/revoke {user_id}")
        assert admin.last_text == en("roles-bad-id"), user_id
    assert en("error-apology") not in admin.texts()
    await admin.send(f"/grant {2**52 - 1} admin")  # the largest id there can be
    assert admin.last_text.startswith(en("roles-granted", id=str(2**52 - 1), role="admin"))
    async with koldo.session() as session:
        granted = await audit.entries(session, "role.granted")
    assert [e.subject for e in granted] == [f"user:{2**52 - 1}"]


async def test_koldo_roles_refuses_ids_telegram_cannot_have(tmp_path: Path) -> None:
    env = {"KOLDO_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'k.sqlite3'}"}
    code, _ = await run_koldo("db", "upgrade", env=env)
    assert code == 0
    for user_id in ("0", "12345678901234567890"):
        code, output = await run_koldo("roles", "grant", user_id, "admin", env=env)
        assert (code, output.strip()) == (
            2,
            "koldo: " + Localization().translator("en")("roles-bad-id"),
        )
        code, output = await run_koldo("roles", "revoke", user_id, env=env)
        assert code == 2 and "Traceback" not in output
    code, output = await run_koldo("roles", "list", env=env)
    assert code == 0 and "\tadmin\t" not in output  # nobody was granted anything
