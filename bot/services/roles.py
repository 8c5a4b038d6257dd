"""Who may do what. Every coordinator and admin handler asks here, callbacks included."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from storage.models import Role, User
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
