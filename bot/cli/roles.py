"""`koldo roles grant|revoke|list`: who coordinates and who administers, from the shell.

Grants and revocations are audited like those made in the bot; the actor is None (the shell).
"""

from __future__ import annotations

import argparse
import sys

from bot.cli.database import command_session
from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.ids import telegram_user_id
from bot.services import roles
from storage.models import Role
from storage.places import Geography
from storage.repositories import users

# Staff running the command line read English; reasons come from locales/en like all text.
CLI_LOCALE = "en"


def _split(text: str) -> list[str]:
    return [part for part in text.replace(" ", ",").split(",") if part]


async def run(args: argparse.Namespace, settings: Settings) -> int:
    t = Localization().translator(CLI_LOCALE)
    if args.roles_command in ("grant", "revoke") and telegram_user_id(args.user_id) is None:
        print(f"koldo: {t('roles-bad-id')}", file=sys.stderr)
        return 2
    async with command_session(settings) as session:
        if args.roles_command == "grant":
            role, districts, needs = Role(args.role), _split(args.districts), _split(args.needs)
            problem = roles.grant_problem(role, districts, needs, Geography.load())
            if problem is not None:
                print(f"koldo: {t(problem)}", file=sys.stderr)
                return 2
            change = await roles.grant(
                session,
                args.user_id,
                role,
                settings,
                actor_id=None,
                organisation=args.organisation,
                districts=districts,
                need_kinds=needs,
            )
            await session.commit()
            print(f"{args.user_id}: {role.value}")
            _print_released(t, change.released)
        elif args.roles_command == "revoke":
            revoked = await roles.revoke(session, args.user_id, settings, actor_id=None)
            if revoked is None:
                print(f"koldo: {args.user_id} has no role", file=sys.stderr)
                return 1
            await session.commit()
            print(f"{args.user_id}: {Role.FAMILY.value}")
            _print_released(t, revoked.released)
        else:
            for user in await users.staff(session):
                print(_row(user.id, user.role.value, user.districts, user.need_kinds))
            for admin_id in sorted(settings.admin_ids):
                print(_row(admin_id, "admin (KOLDO_ADMIN_IDS)", [], []))
    return 0


def _print_released(t: Translator, codes: list[str]) -> None:
    """The cases a role change handed back to the queue, one line, as the bot tells an admin."""
    if codes:
        print(t("roles-cases-released", count=len(codes), codes=", ".join(codes)))


def _row(user_id: int, role: str, districts: list[str], needs: list[str]) -> str:
    return f"{user_id}\t{role}\t{','.join(districts) or '*'}\t{','.join(needs) or '*'}"
