"""People a safety update may go to, written straight into Koldo's tables: their language,
role, and where their latest household says they are."""

from __future__ import annotations

from storage.models import Household, Role, User
from tests.conftest import Harness


async def add_reader(
    koldo: Harness,
    user_id: int,
    language: str | None,
    district: str | None = None,
    position: tuple[float, float] | None = None,
    role: Role = Role.FAMILY,
) -> None:
    async with koldo.session() as session:
        session.add(User(id=user_id, language=language, role=role))
        await session.flush()
        if district or position:
            latitude, longitude = position or (None, None)
            session.add(
                Household(
                    user_id=user_id, district=district, latitude=latitude, longitude=longitude
                )
            )
        await session.commit()
