"""Who may do what. Every coordinator and admin handler asks here, callbacks included."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services.needs import Need
from storage.models import Case, Role, User
from storage.places import Geography
from storage.repositories import audit, users


def is_admin(user: User | None, settings: Settings) -> bool:
    return user is not None and (user.id in settings.admin_ids or user.role == Role.ADMIN)


def is_coordinator(user: User | None) -> bool:
    return user is not None and user.role == Role.COORDINATOR


def is_staff(user: User | None, settings: Settings) -> bool:
    return is_admin(user, settings) or is_coordinator(user)


def covers_district(user: User | None, district: str | None, settings: Settings) -> bool:
    """Admins cover everything; a coordinator only the districts granted to them."""
    if is_admin(user, settings):
        return True
    return (
        user is not None
        and user.role == Role.COORDINATOR
        and district is not None
        and district in user.districts
    )


def covers_case(user: User | None, case: Case, settings: Settings) -> bool:
    """Admins see every case; a coordinator the cases of their districts and kinds of need
    (no kinds granted means every kind in their districts)."""
    if is_admin(user, settings):
        return True
    if user is None or not covers_district(user, case.district, settings):
        return False
    return not user.need_kinds or bool(set(user.need_kinds) & set(case.needs))


@dataclass(frozen=True)
class GrantRequest:
    user_id: int
    role: Role
    districts: list[str]
    need_kinds: list[str]
    organisation: str | None


def parse_grant(args: str) -> GrantRequest | None:
    """`ID ROLE [DISTRICTS] [NEEDS] [ORGANISATION…]`, lists comma-separated, `-` for none."""
    words = args.split()
    if len(words) < 2 or not words[0].isdecimal() or words[1] not in (Role.COORDINATOR, Role.ADMIN):
        return None

    def listed(index: int) -> list[str]:
        word = words[index] if len(words) > index else "-"
        return [] if word == "-" else [part for part in word.split(",") if part]

    organisation = " ".join(words[4:])[:200] or None
    return GrantRequest(int(words[0]), Role(words[1]), listed(2), listed(3), organisation)


async def staff(session: AsyncSession) -> list[User]:
    return await users.staff(session)


def grant_problem(
    role: Role, districts: list[str], need_kinds: list[str], geography: Geography
) -> str | None:
    """What is wrong with a grant, as a message id; None when it can be given."""
    if role == Role.FAMILY:
        return "roles-bad-role"
    if any(geography.area(code) is None for code in districts):
        return "roles-bad-district"
    if any(kind not in set(Need) for kind in need_kinds):
        return "roles-bad-need"
    if role == Role.COORDINATOR and not districts:
        return "roles-no-district"
    return None


async def revoke(session: AsyncSession, user_id: int, *, actor_id: int | None) -> User | None:
    """Makes a staff member a family member again; audited. None when they had no role."""
    user = await users.get(session, user_id)
    if user is None or user.role == Role.FAMILY:
        return None
    before = user.role.value
    user.role, user.organisation, user.districts, user.need_kinds = Role.FAMILY, None, [], []
    audit.record(
        session,
        "role.revoked",
        actor_id=actor_id,
        subject=f"user:{user_id}",
        details={"role": before},
    )
    return user


async def grant(
    session: AsyncSession,
    user_id: int,
    role: Role,
    *,
    actor_id: int | None,
    organisation: str | None = None,
    districts: list[str] | None = None,
    need_kinds: list[str] | None = None,
) -> User:
    """Gives a person a role (and what they cover); audited with who granted it."""
    user = await users.assign_role(
        session,
        user_id,
        role,
        organisation=organisation,
        districts=districts,
        need_kinds=need_kinds,
    )
    audit.record(
        session,
        "role.granted",
        actor_id=actor_id,
        subject=f"user:{user_id}",
        details={"role": role.value, "districts": user.districts, "need_kinds": user.need_kinds},
    )
    return user
