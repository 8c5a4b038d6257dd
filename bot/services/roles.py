"""Who may do what. Every coordinator and admin handler asks here, callbacks included."""

from __future__ import annotations

from bot.config import Settings
from storage.models import Role, User


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
