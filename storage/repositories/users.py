from __future__ import annotations

from sqlalchemy import delete, exists, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case, Household, Role, User


async def get(session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def current(session: AsyncSession, user_id: int, *, lock: bool = False) -> User | None:
    """The person as the database has them now, even if this session loaded them before: a role
    can be taken away by another update or replica between two reads. With `lock`, their row
    is held (FOR SHARE on PostgreSQL) until the transaction ends, so that a revoke waits for
    the case this transaction gives them, and then hands it back."""
    return await session.get(
        User,
        user_id,
        populate_existing=True,
        with_for_update={"read": True} if lock else None,
    )


async def get_or_create(session: AsyncSession, user_id: int) -> User:
    user = await session.get(User, user_id)
    if user is not None:
        return user
    # Two replicas may meet the same new person at once: the insert must not fail for either.
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(insert(User).values(id=user_id).on_conflict_do_nothing())
    # Committed at once: SQLite has one writer, and the update may talk to Telegram for a while.
    await session.commit()
    user = await session.get(User, user_id)
    assert user is not None
    return user


async def delete_user(session: AsyncSession, user_id: int) -> None:
    await session.execute(delete(User).where(User.id == user_id))


async def clear_unneeded_phones(session: AsyncSession) -> int:
    """The phone of everyone who has no case left with personal data (an open case always
    has it) and no listing ("we are safe", whose "share my phone" answer reads it) is
    forgotten; the person stays, with their language and consent, so Koldo goes on working
    for them. Returns how many phones were cleared."""
    a_kept_case = exists().where(Case.user_id == User.id, Case.erased_at.is_(None))
    a_listing = exists().where(Household.user_id == User.id, Household.listed_at.is_not(None))
    result = await session.execute(
        update(User)
        .where(User.phone.is_not(None), ~a_kept_case, ~a_listing)
        .values(phone=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def ids_with_role(session: AsyncSession, role: str) -> list[int]:
    result = await session.scalars(select(User.id).where(User.role == role))
    return list(result)


async def assign_role(
    session: AsyncSession,
    user_id: int,
    role: Role,
    *,
    organisation: str | None = None,
    districts: list[str] | None = None,
    need_kinds: list[str] | None = None,
) -> User:
    user = await get_or_create(session, user_id)
    user.role = role
    user.organisation = organisation
    user.districts = list(districts or [])
    user.need_kinds = list(need_kinds or [])
    return user


async def staff(session: AsyncSession) -> list[User]:
    query = select(User).where(User.role != Role.FAMILY).order_by(User.role, User.id)
    return list(await session.scalars(query))


async def with_ids(session: AsyncSession, ids: frozenset[int]) -> list[User]:
    """The records of these people, of those who have one."""
    if not ids:
        return []
    return list(await session.scalars(select(User).where(User.id.in_(ids))))
