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
    if isinstance(request, str):
        await message.answer(t(request))
        return
    problem = roles.grant_problem(request.role, request.districts, request.need_kinds, geography)
    if problem is not None:
        await message.answer(t(problem))
        return
    change = await roles.grant(
        session,
        request.user_id,
        request.role,
        settings,
        actor_id=user.id,
        organisation=request.organisation,
        districts=request.districts,
        need_kinds=request.need_kinds,
    )
    await session.commit()
    done = t("roles-granted", id=str(request.user_id), role=request.role.value)
    await message.answer(_with_released(t, done, change.released))


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
    words = (command.args or "").split()
    target = roles.parse_user_id(words[0]) if len(words) == 1 else "roles-revoke-usage"
    if isinstance(target, str):
        await message.answer(t(target))
        return
    change = await roles.revoke(session, target, settings, actor_id=user.id)
    await session.commit()
    if change is None:
        await message.answer(t("roles-no-role", id=str(target)))
        return
    await message.answer(_with_released(t, t("roles-revoked", id=str(target)), change.released))


def _with_released(t: Translator, done: str, codes: list[str]) -> str:
    """What was done, and which cases went back to the queue because of it."""
    if not codes:
        return done
    return done + "\n" + t("roles-cases-released", count=len(codes), codes=", ".join(codes))


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
