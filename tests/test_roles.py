"""Roles from the command line and from the bot: granted, listed, revoked, all audited."""

from __future__ import annotations

from pathlib import Path

from storage.models import Role
from storage.repositories import audit, users
from tests.conftest import Harness
from tests.support.cases import staff_member
from tests.test_cli import koldo as run_koldo


async def test_koldo_roles_grant_list_revoke(tmp_path: Path) -> None:
    env = {"KOLDO_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'k.sqlite3'}"}
    code, _ = await run_koldo("db", "upgrade", env=env)
    assert code == 0
    grant = ("roles", "grant", "555", "coordinator", "--districts", "batken-district")
    code, output = await run_koldo(
        *grant, "--needs", "medical", "--organisation", "Red Crescent", env=env
    )
    assert (code, output.strip().splitlines()[-1]) == (0, "555: coordinator")
    code, output = await run_koldo("roles", "list", env=env)
    assert "555\tcoordinator\tbatken-district\tmedical" in output
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
    assert admin.last_text == en("roles-granted", id="777", role="coordinator")
    await admin.send("/grant 777 coordinator nowhere")
    assert admin.last_text == en("roles-bad-district")
    await admin.send("/grant hello")
    assert admin.last_text == en("roles-grant-usage")
    await admin.send("/staff")
    assert "777 · coordinator · batken-district, leilek-district · medical" in admin.last_text
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
    assert coordinator.last_text == koldo.t("en")("staff-only")
    async with koldo.session() as session:
        person = await users.get(session, coordinator.user.id)
    assert person is not None and person.role == Role.COORDINATOR
