"""Hotlines: whom to call, by kind; emergency numbers always come first."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Hotline, HotlineKind
from storage.repositories import hotlines

# The order of the kind buttons: the most pressing first.
KIND_ORDER = (
    HotlineKind.MEDICAL,
    HotlineKind.PSYCHOLOGICAL,
    HotlineKind.CHILDREN,
    HotlineKind.LEGAL,
    HotlineKind.HUMANITARIAN,
)


async def emergency(session: AsyncSession) -> list[Hotline]:
    return await hotlines.of_kind(session, HotlineKind.EMERGENCY)


async def other_kinds(session: AsyncSession) -> list[HotlineKind]:
    """The kinds, other than emergency, that have at least one line."""
    present = await hotlines.kinds_present(session)
    return [kind for kind in KIND_ORDER if kind in present]


async def of_kind(session: AsyncSession, kind: HotlineKind) -> list[Hotline]:
    return await hotlines.of_kind(session, kind)
