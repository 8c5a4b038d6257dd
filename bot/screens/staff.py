"""What admins read about staff (in /staff and `koldo roles list`), and what a person granted a
role is told: names, roles, districts and kinds of help in words, never codes."""

from __future__ import annotations

from bot.config import Settings
from bot.i18n import Translator
from bot.services.roles import NEED_KINDS, Reach, unreachable
from storage.models import Role, User
from storage.places import Geography


def person_name(t: Translator, user: User | None) -> str:
    """As Telegram gives it: first and last name, and @username when there is one."""
    if user is None or not (user.first_name or user.username):
        return t("roles-name-unknown")
    name = " ".join(part for part in (user.first_name, user.last_name) if part)
    handle = f"@{user.username}" if user.username else ""
    return f"{name} ({handle})" if name and handle else name or handle


def role_word(t: Translator, role: Role, fact_checker: bool = False) -> str:
    """The role in words; a coordinator who checks rumours is said to be a fact-checker."""
    if role == Role.COORDINATOR and fact_checker:
        return t("role-fact-checker")
    return t(f"role-{role.value}")


def districts_in_words(t: Translator, codes: list[str], geography: Geography) -> str:
    if not codes:
        return t("roles-all-districts")
    return ", ".join(_area_name(t, code, geography) for code in codes)


def needs_in_words(t: Translator, kinds: list[str]) -> str:
    if not kinds:
        return t("roles-all-needs")
    return ", ".join(_need_name(t, kind) for kind in kinds)


def reach_words(t: Translator, reach: Reach | None) -> str:
    """Why Koldo cannot write to someone and what to ask them to do; empty when it can."""
    return t(f"reach-{reach.value}") if reach is not None else ""


def staff_fields(
    t: Translator, user_id: int, user: User | None, geography: Geography
) -> dict[str, str]:
    """The parts of one person's line, in the reader's language; a person without a role in
    the database is listed because KOLDO_ADMIN_IDS makes them an admin. `reach` is empty, or
    says why Koldo cannot write to them and what to ask them to do."""
    if user is not None and user.role != Role.FAMILY:
        role, organisation = role_word(t, user.role, user.fact_checker), user.organisation
        districts, needs = user.districts, user.need_kinds
    else:
        role, organisation, districts, needs = t("role-admin-settings"), None, [], []
    return {
        "id": str(user_id),
        "name": person_name(t, user),
        "role": role,
        "organisation": organisation or t("roles-no-organisation"),
        "districts": districts_in_words(t, districts, geography),
        "needs": needs_in_words(t, needs),
        "reach": reach_words(t, unreachable(user)),
    }


def staff_rows(
    t: Translator, staff: list[User], settings: Settings, geography: Geography, known: list[User]
) -> list[dict[str, str]]:
    """Everyone with a role, then the admins of KOLDO_ADMIN_IDS who have none in the database.
    `known` are the records of those admins, where they wrote to Koldo."""
    rows = [staff_fields(t, u.id, u, geography) for u in staff]
    listed = {u.id for u in staff}
    records = {u.id: u for u in known}
    for admin_id in sorted(settings.admin_ids - listed):
        rows.append(staff_fields(t, admin_id, records.get(admin_id), geography))
    return rows


def staff_list(t: Translator, rows: list[dict[str, str]]) -> str:
    if not rows:
        return t("roles-none")
    return t("roles-list", lines="\n".join(_staff_line(t, row) for row in rows))


def _staff_line(t: Translator, row: dict[str, str]) -> str:
    """One person, and under them what to ask them to do when Koldo cannot reach them."""
    line = t("roles-line", **row)
    return line + "\n" + t("roles-line-reach", reach=row["reach"]) if row["reach"] else line


def grant_problem(t: Translator, problem: str, geography: Geography) -> str:
    """Why a grant was refused; an unknown district or kind of help lists the valid ones."""
    if problem == "roles-bad-district":
        valid = (f"{area.code} ({area.name(t.locale)})" for area in geography.areas)
        return t(problem, valid=", ".join(valid))
    if problem == "roles-bad-need":
        valid = (f"{kind} ({_need_name(t, kind)})" for kind in sorted(NEED_KINDS))
        return t(problem, valid=", ".join(valid))
    return t(problem)


def welcome(t: Translator, user: User, geography: Geography) -> str:
    """What a person granted a role can now do, in their own language."""
    if user.role == Role.ADMIN:
        return t("roles-welcome-admin")
    if not user.districts and user.fact_checker:
        return t("roles-welcome-fact-checker-only")
    text = t(
        "roles-welcome-coordinator",
        districts=districts_in_words(t, user.districts, geography),
        needs=needs_in_words(t, user.need_kinds),
    )
    return (text + "\n" + t("roles-welcome-fact-checker")) if user.fact_checker else text


def _area_name(t: Translator, code: str, geography: Geography) -> str:
    area = geography.area(code)
    return area.name(t.locale) if area is not None else code


def _need_name(t: Translator, kind: str) -> str:
    return t(f"need-{kind}") if t.has(f"need-{kind}") else kind
