"""Admins grant and revoke roles from the bot: /grant, /revoke, /staff. Every one audited."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import Translator
from bot.services import roles
from storage.models import User
from storage.places import Geography


async def grant_command(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
) -> None:
    if not roles.is_admin(user, settings):
        await message.answer(t("staff-only"))
        return
    request = roles.parse_grant(command.args or "")
    problem = (
        "roles-grant-usage"
        if request is None
        else roles.grant_problem(request.role, request.districts, request.need_kinds, geography)
    )
    if request is None or problem is not None:
        await message.answer(t(problem or "roles-grant-usage"))
        return
    await roles.grant(
        session,
        request.user_id,
        request.role,
        actor_id=user.id,
        organisation=request.organisation,
        districts=request.districts,
        need_kinds=request.need_kinds,
    )
    await session.commit()
    await message.answer(t("roles-granted", id=str(request.user_id), role=request.role.value))


async def revoke_command(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
) -> None:
    if not roles.is_admin(user, settings):
        await message.answer(t("staff-only"))
        return
    target = (command.args or "").strip()
    if not target.isdecimal():
        await message.answer(t("roles-revoke-usage"))
        return
    revoked = await roles.revoke(session, int(target), actor_id=user.id)
    await session.commit()
    await message.answer(t("roles-revoked" if revoked else "roles-no-role", id=target))


async def staff_command(
    message: Message, session: AsyncSession, user: User, settings: Settings, t: Translator
) -> None:
    if not roles.is_admin(user, settings):
        await message.answer(t("staff-only"))
        return
    lines = [
        t(
            "roles-line",
            id=str(person.id),
            role=person.role.value,
            districts=", ".join(person.districts) or "*",
            needs=", ".join(person.need_kinds) or "*",
        )
        for person in await roles.staff(session)
    ]
    await message.answer(t("roles-list", lines="\n".join(lines) or "-"))


def router() -> Router:
    router = Router(name="admin")
    router.message.filter(F.chat.type == "private")
    router.message.register(grant_command, Command("grant"))
    router.message.register(revoke_command, Command("revoke"))
    router.message.register(staff_command, Command("staff"))
    return router
