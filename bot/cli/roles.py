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
from bot.screens import staff as screens
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
    geography = Geography.load()
    async with command_session(settings) as session:
        if args.roles_command == "grant":
            role, districts, needs = Role(args.role), _split(args.districts), _split(args.needs)
            problem = roles.grant_problem(role, districts, needs, geography, args.fact_checker)
            if problem is not None:
                print(f"koldo: {screens.grant_problem(t, problem, geography)}", file=sys.stderr)
                return 2
            started = await users.get(session, args.user_id) is not None
            change = await roles.grant(
                session,
                args.user_id,
                role,
                settings,
                actor_id=None,
                organisation=args.organisation,
                districts=districts,
                need_kinds=needs,
                fact_checker=args.fact_checker,
            )
            await session.commit()
            print(f"{args.user_id}: {screens.role_word(t, role, change.user.fact_checker)}")
            _print_released(t, change.released)
            if not started:
                print(f"koldo: {t('roles-not-started', id=str(args.user_id))}", file=sys.stderr)
        elif args.roles_command == "revoke":
            if args.user_id in settings.admin_ids:
                message = t("roles-revoke-settings-admin", id=str(args.user_id))
                print(f"koldo: {message}", file=sys.stderr)
                return 1
            revoked = await roles.revoke(session, args.user_id, settings, actor_id=None)
            if revoked is None:
                print(f"koldo: {args.user_id} has no role", file=sys.stderr)
                return 1
            await session.commit()
            print(f"{args.user_id}: {Role.FAMILY.value}")
            _print_released(t, revoked.released)
        else:
            staff = await users.staff(session)
            known = await users.with_ids(session, settings.admin_ids)
            rows = screens.staff_rows(t, staff, settings, geography, known)
            # One tab-separated line per person, for people and for tools alike.
            print("\n".join("\t".join(row.values()) for row in rows) or t("roles-none"))
    return 0


def _print_released(t: Translator, codes: list[str]) -> None:
    """The cases a role change handed back to the queue, one line, as the bot tells an admin."""
    if codes:
        print(t("roles-cases-released", count=len(codes), codes=", ".join(codes)))
