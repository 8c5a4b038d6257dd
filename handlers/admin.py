"""Admins grant and revoke roles from the bot: /grant, /revoke, /staff. Every one audited."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import commands, keyboards, replies
from bot.callbacks import MenuCb, MenuItem
from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.screens import Screen
from bot.screens import staff as screens
from bot.services import delivery, roles
from storage.models import User
from storage.places import Geography
from storage.repositories import users

logger = logging.getLogger("koldo.roles")


async def grant_command(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
    bot: Bot,
    localization: Localization,
) -> None:
    if not roles.is_admin(user, settings):
        await message.answer(_not_admin(t, user))
        return
    request = roles.parse_grant(command.args or "")
    if isinstance(request, str):
        await message.answer(t(request))
        return
    problem = roles.grant_problem(
        request.role, request.districts, request.need_kinds, geography, request.fact_checker
    )
    if problem is not None:
        await message.answer(screens.grant_problem(t, problem, geography))
        return
    # A record means they wrote to Koldo: only then can Koldo write to them.
    started = await users.get(session, request.user_id) is not None
    change = await roles.grant(
        session,
        request.user_id,
        request.role,
        settings,
        actor_id=user.id,
        organisation=request.organisation,
        districts=request.districts,
        need_kinds=request.need_kinds,
        fact_checker=request.fact_checker,
    )
    await session.commit()
    role = screens.role_word(t, change.user.role, change.user.fact_checker)
    done = t("roles-granted", id=str(request.user_id), role=role)
    if started:
        theirs = localization.translator(change.user.language)
        welcome = bot.send_message(change.user.id, screens.welcome(theirs, change.user, geography))
        if await delivery.deliver(session, change.user.id, welcome):
            await _their_commands(bot, change.user, settings, localization)
    else:
        done += "\n" + t("roles-not-started", id=str(request.user_id))
    await message.answer(_with_released(t, done, change.released))


async def revoke_command(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    bot: Bot,
    localization: Localization,
) -> None:
    if not roles.is_admin(user, settings):
        await message.answer(_not_admin(t, user))
        return
    words = (command.args or "").split()
    target = roles.parse_user_id(words[0]) if len(words) == 1 else "roles-revoke-usage"
    if isinstance(target, str):
        await message.answer(t(target))
        return
    if target in settings.admin_ids:
        # Their role comes from the settings: taking it here would change nothing.
        await message.answer(t("roles-revoke-settings-admin", id=str(target)))
        return
    change = await roles.revoke(session, target, settings, actor_id=user.id)
    await session.commit()
    if change is None:
        await message.answer(t("roles-no-role", id=str(target)))
        return
    await _their_commands(bot, change.user, settings, localization)
    await message.answer(_with_released(t, t("roles-revoked", id=str(target)), change.released))


def _not_admin(t: Translator, user: User) -> str:
    """A coordinator is told the command is an admin's; anyone else that it is for staff."""
    return t("admin-only") if roles.is_coordinator(user) else t("staff-only")


async def _their_commands(
    bot: Bot, person: User, settings: Settings, localization: Localization
) -> None:
    """Their command menu follows their new role; a failure to set it changes no role."""
    try:
        await commands.follow(bot, person, settings, localization.translator(person.language))
    except TelegramAPIError as error:
        logger.info("commands for %s not set: %s", person.id, type(error).__name__)


def _with_released(t: Translator, done: str, codes: list[str]) -> str:
    """What was done, and which cases went back to the queue because of it."""
    if not codes:
        return done
    return done + "\n" + t("roles-cases-released", count=len(codes), codes=", ".join(codes))


async def staff_command(
    message: Message,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
) -> None:
    if not roles.is_admin(user, settings):
        await message.answer(_not_admin(t, user))
        return
    await message.answer(await _staff_text(session, settings, t, geography))


async def staff_pressed(
    query: CallbackQuery,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Translator,
    geography: Geography,
) -> None:
    """The staff list from the admin's main menu; the role is checked on the press."""
    if not roles.is_admin(user, settings):
        await query.answer(_not_admin(t, user), show_alert=True)
        return
    await query.answer()
    text = await _staff_text(session, settings, t, geography)
    await replies.replace(query, Screen(text, keyboards.back_to_menu(t)))


async def _staff_text(
    session: AsyncSession, settings: Settings, t: Translator, geography: Geography
) -> str:
    staff = await roles.staff(session)
    known = await users.with_ids(session, settings.admin_ids)
    return screens.staff_list(t, screens.staff_rows(t, staff, settings, geography, known))


def router() -> Router:
    router = Router(name="admin")
    router.message.filter(F.chat.type == "private")
    router.message.register(grant_command, Command("grant"))
    router.message.register(revoke_command, Command("revoke"))
    router.message.register(staff_command, Command("staff"))
    router.callback_query.register(staff_pressed, MenuCb.filter(F.item == MenuItem.STAFF))
    return router
