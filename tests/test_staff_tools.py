"""Admin tools people can read: names as Telegram gives them, districts and needs in words, what
to do when a grant cannot reach its person, and the person granted told what they can now do."""

from __future__ import annotations

from pathlib import Path

from aiogram.methods import SetMyCommands
from aiogram.types import BotCommandScopeChat
from aiogram.types import User as TelegramUser

from bot.callbacks import MenuCb, MenuItem
from bot.commands import FAMILY
from bot.i18n import Localization
from storage.models import Role
from storage.repositories import users
from tests.conftest import Harness
from tests.support.cases import BATKEN, LEILEK, bot_status_changed, staff_member
from tests.support.journeys import consent_text
from tests.support.people import Person
from tests.test_cli import koldo as run_koldo


def _named(person: Person, first: str, last: str | None, username: str | None) -> Person:
    person.user = TelegramUser(
        id=person.user.id,
        is_bot=False,
        first_name=first,
        last_name=last,
        username=username,
        language_code=person.user.language_code,
    )
    return person


async def test_staff_shows_names_organisation_districts_and_needs_in_words(
    koldo: Harness,
) -> None:
    ru = koldo.t("ru")
    admin = await staff_member(koldo, role=Role.ADMIN, language="ru")
    coordinator = _named(koldo.person(language_code="ru"), "Нургүл", "Асанова", "nurgul_b")
    await coordinator.send("/start")

    grant = f"/grant {coordinator.user.id} coordinator {BATKEN},{LEILEK} medical,food_water"
    await admin.send(f"{grant} Красный Полумесяц")
    await admin.send("/staff")
    assert f"{coordinator.user.id} · {ru('roles-name-unknown')} ·" in admin.last_text

    await coordinator.send("/queue")  # a name is kept from a staff member's own updates
    await admin.send("/staff")

    line = ru(
        "roles-line",
        id=str(coordinator.user.id),
        name="Нургүл Асанова (@nurgul_b)",
        role=ru("role-coordinator"),
        organisation="Красный Полумесяц",
        districts="Баткенский район, Лейлекский район",
        needs=f"{ru('need-medical')}, {ru('need-food_water')}",
    )
    assert line in admin.last_text
    assert "batken-district" not in admin.last_text and "food_water" not in admin.last_text


async def test_a_changed_telegram_name_shows_after_their_next_message(koldo: Harness) -> None:
    coordinator = await staff_member(koldo, [BATKEN])
    _named(coordinator, "Бакыт", None, None)
    await coordinator.send("/queue")
    async with koldo.session() as session:
        saved = await users.get(session, coordinator.user.id)
    assert saved is not None
    assert (saved.first_name, saved.last_name, saved.username) == ("Бакыт", None, None)


async def test_a_family_s_telegram_name_is_not_kept(koldo: Harness) -> None:
    """Only staff are listed by name; a family's name is nothing Koldo needs before consent."""
    family = _named(koldo.person(), "Айгүл", "Токтосунова", "aigul")
    await family.send("/start")
    async with koldo.session() as session:
        saved = await users.get(session, family.user.id)
    assert saved is not None and saved.first_name is None and saved.username is None


async def test_an_unknown_district_or_need_lists_the_valid_ones(koldo: Harness) -> None:
    en = koldo.t("en")
    admin = await staff_member(koldo, role=Role.ADMIN)
    await admin.send("/grant 777 coordinator mars")
    assert admin.last_text.startswith(en("roles-bad-district", valid="").rstrip())
    assert "batken-district (Batken District)" in admin.last_text
    assert "sulukta-town (Sulukta)" in admin.last_text
    await admin.send(f"/grant 777 coordinator {BATKEN} magic")
    assert "medical (🩺 Medicine, doctor)" in admin.last_text
    assert "legal (" in admin.last_text


async def test_granting_someone_who_never_wrote_warns_to_press_start(koldo: Harness) -> None:
    en = koldo.t("en")
    admin = await staff_member(koldo, role=Role.ADMIN)
    await admin.send(f"/grant 424242 coordinator {BATKEN}")
    assert en("roles-not-started", id="424242") in admin.last_text


async def test_the_person_granted_is_told_in_their_language(koldo: Harness) -> None:
    ky = koldo.t("ky")
    admin = await staff_member(koldo, role=Role.ADMIN)
    person = koldo.person(language_code="ky")
    await person.send("/start")
    await person.press("Кыргызча")

    await admin.send(f"/grant {person.user.id} coordinator {BATKEN} medical Кызыл Жарым Ай")

    assert person.last_text == ky(
        "roles-welcome-coordinator", districts="Баткен району", needs=ky("need-medical")
    )
    assert koldo.t("en")("roles-not-started", id=str(person.user.id)) not in admin.last_text
    await admin.send(f"/grant {person.user.id} admin")
    assert person.last_text == ky("roles-welcome-admin")


async def test_an_admin_of_the_settings_cannot_be_revoked_in_the_bot(koldo: Harness) -> None:
    en = koldo.t("en")
    admin = await staff_member(koldo, role=Role.ADMIN)
    listed = next(iter(koldo.resources.settings.admin_ids), None)
    if listed is None:  # the harness lists none: make the admin one of KOLDO_ADMIN_IDS
        koldo.resources.settings.admin_ids = frozenset({admin.user.id})
        listed = admin.user.id
    await admin.send(f"/revoke {listed}")
    assert admin.last_text == en("roles-revoke-settings-admin", id=str(listed))


async def test_koldo_roles_list_in_words_and_when_nobody_has_a_role(tmp_path: Path) -> None:
    env = {"KOLDO_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'k.sqlite3'}"}
    assert (await run_koldo("db", "upgrade", env=env))[0] == 0
    code, output = await run_koldo("roles", "list", env=env)
    assert code == 0 and output.strip().splitlines()[-1] == "No coordinators or admins yet."

    code, output = await run_koldo(
        "roles", "grant", "555", "coordinator", "--districts", BATKEN, "--needs", "medical", env=env
    )
    assert "555 has never written to Koldo" in output
    code, output = await run_koldo("roles", "list", env=env)
    assert output.strip().splitlines()[-1] == (
        "555\t(no name yet)\tcoordinator\t-\tBatken District\t🩺 Medicine, doctor\t"
        + Localization().translator("en")("reach-not-started")
    )
    code, output = await run_koldo("roles", "revoke", "9", env={**env, "KOLDO_ADMIN_IDS": "9"})
    assert code == 1 and "KOLDO_ADMIN_IDS" in output


def _chat_commands(koldo: Harness, chat_id: int) -> list[list[str]]:
    """The command menus set for this chat, oldest first, as command names."""
    return [
        [command.command for command in call.commands]
        for call in koldo.telegram.calls
        if isinstance(call, SetMyCommands)
        and isinstance(call.scope, BotCommandScopeChat)
        and call.scope.chat_id == chat_id
    ]


async def test_staff_start_with_their_tools_first_not_the_family_consent(koldo: Harness) -> None:
    """Issue 11, point 4: staff get their own main menu and command menu."""
    ky, en = koldo.t("ky"), koldo.t("en")
    coordinator = await staff_member(koldo, [BATKEN], "ky")
    await coordinator.send("/start")
    assert consent_text(ky) not in coordinator.texts()
    assert ky("welcome-staff") in coordinator.texts()
    assert coordinator.last.buttons()[:2] == [ky("menu-queue"), ky("menu-myshelters")]
    assert ky("menu-staff") not in coordinator.last.buttons()
    assert _chat_commands(koldo, coordinator.user.id)[-1][:2] == ["queue", "myshelters"]
    assert "grant" not in _chat_commands(koldo, coordinator.user.id)[-1]

    await coordinator.press(ky("menu-queue"))
    assert coordinator.last_text.startswith(ky("queue-empty").split("\n")[0])

    admin = await staff_member(koldo, role=Role.ADMIN, language="en")
    await admin.send("/menu")
    assert admin.last_text == en("main-menu-staff")
    tools = [en(f"menu-{tool}") for tool in ("queue", "myshelters", "broadcast", "broadcasts")]
    assert admin.last.buttons()[:4] == tools and en("menu-staff") in admin.last.buttons()
    await admin.press(en("menu-staff"))
    assert str(coordinator.user.id) in admin.last_text


async def test_a_staff_button_pressed_by_others_is_refused_in_their_words(
    koldo: Harness,
) -> None:
    en, ru = koldo.t("en"), koldo.t("ru")
    staff_list = MenuCb(item=MenuItem.STAFF).pack()
    coordinator = await staff_member(koldo, [BATKEN], "ru")
    await coordinator.press_data(staff_list)
    assert coordinator.view.alerts[-1] == ru("admin-only")
    family = koldo.person(language_code="en")
    await family.send("/start")
    await family.press_data(staff_list)
    assert family.view.alerts[-1] == en("staff-only")
    await family.press_data(MenuCb(item=MenuItem.QUEUE).pack())
    assert en("queue-empty").split("\n")[0] not in family.last_text


async def test_a_role_granted_or_revoked_in_the_bot_changes_the_persons_commands(
    koldo: Harness,
) -> None:
    admin = await staff_member(koldo, role=Role.ADMIN, language="en")
    person = koldo.person(language_code="ru")
    await person.send("/start")
    await person.press("Русский")
    await admin.send(f"/grant {person.user.id} coordinator {BATKEN}")
    menus = _chat_commands(koldo, person.user.id)
    assert menus[-1][:2] == ["queue", "myshelters"]
    await admin.send(f"/revoke {person.user.id}")
    assert _chat_commands(koldo, person.user.id)[-1] == list(FAMILY)


# --- staff Koldo cannot reach (issue 11, point 1) -------------------------------------------


async def test_staff_lists_who_cannot_be_reached_and_what_to_ask(koldo: Harness) -> None:
    ru = koldo.t("ru")
    admin = await staff_member(koldo, role=Role.ADMIN, language="ru")
    blocked = await staff_member(koldo, [BATKEN])
    await bot_status_changed(koldo, blocked, blocked.chat, "kicked")
    fine = await staff_member(koldo, [LEILEK])
    await admin.send("/grant 424244 coordinator batken-district")

    await admin.send("/staff")

    lines = admin.last_text.splitlines()
    reach = {
        person_id: lines[i + 1] if i + 1 < len(lines) else ""
        for i, line in enumerate(lines)
        for person_id in (str(blocked.user.id), str(fine.user.id), "424244")
        if line.startswith(f"{person_id} · ")
    }
    assert reach[str(blocked.user.id)] == ru("roles-line-reach", reach=ru("reach-blocked"))
    assert reach["424244"] == ru("roles-line-reach", reach=ru("reach-not-started"))
    assert not reach[str(fine.user.id)].startswith("↳")

    # Once they press START (or unblock Koldo and write), the hint goes.
    await bot_status_changed(koldo, blocked, blocked.chat, "member")
    await admin.send("/staff")
    assert ru("reach-blocked") not in admin.last_text


async def test_koldo_roles_list_says_who_cannot_be_reached(tmp_path: Path) -> None:
    env = {"KOLDO_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'k.sqlite3'}"}
    assert (await run_koldo("db", "upgrade", env=env))[0] == 0
    grant = ("roles", "grant", "555", "coordinator", "--districts", BATKEN)
    assert (await run_koldo(*grant, env=env))[0] == 0
    code, output = await run_koldo("roles", "list", env={**env, "KOLDO_ADMIN_IDS": "9"})
    assert code == 0
    en = Localization().translator("en")
    rows = [line.split("\t") for line in output.splitlines() if "\t" in line]
    assert {row[0]: row[-1] for row in rows} == {
        "555": en("reach-not-started"),
        "9": en("reach-not-started"),  # an admin of the settings who never wrote to Koldo
    }
