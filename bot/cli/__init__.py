"""The `koldo` command line (also `python -m bot`)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.config import LOCALES, Settings
from bot.logs import setup_logging


def _database_options() -> argparse.ArgumentParser:
    """What every command that touches the database accepts."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--demo",
        action="store_true",
        help="act on the demo's data (what `koldo demo` shows) instead of KOLDO_DATABASE_URL",
    )
    return options


DATABASE = _database_options()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="koldo", description="Koldo, the Telegram help desk.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the bot (long polling, or webhook when configured)")
    demo = commands.add_parser("demo", help="the bot and a local Telegram stand-in, in a browser")
    demo.add_argument("--host", default="127.0.0.1", help="where the chat page listens")
    demo.add_argument("--port", type=int, default=8081)

    db = commands.add_parser("db", help="database schema").add_subparsers(
        dest="db_command", required=True
    )
    upgrade = db.add_parser(
        "upgrade", help="upgrade the schema (to the newest by default)", parents=[DATABASE]
    )
    upgrade.add_argument("revision", nargs="?", default="head")
    downgrade = db.add_parser(
        "downgrade", help="downgrade the schema to a revision", parents=[DATABASE]
    )
    downgrade.add_argument("revision")
    db.add_parser("current", help="show the schema revision", parents=[DATABASE])
    _data_file_commands(commands)
    _people_commands(commands)
    _roles_commands(commands)
    _broadcast_commands(commands)
    _export_commands(commands)
    _audit_command(commands)
    _report_command(commands)
    _retention_commands(commands)
    return parser


def _export_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`koldo export figures|cases` (bot/cli/exports.py): CSV, with HXL hashtags on request."""
    from bot.cli import dates

    parser = commands.add_parser(
        "export", help="figures for partners, or the case list for admins (CSV, HXL)"
    )
    sub = parser.add_subparsers(dest="export_command", required=True)
    options = argparse.ArgumentParser(add_help=False, parents=[DATABASE])
    options.add_argument(
        "--from", dest="first", type=dates.day, metavar="DATE", help="cases created from this day"
    )
    options.add_argument(
        "--to", dest="last", type=dates.day, metavar="DATE", help="cases created to this day"
    )
    options.add_argument("--hxl", action="store_true", help="HXL hashtags under the headers")
    options.add_argument("--out", type=Path, metavar="FILE", help="a file (default: the screen)")
    sub.add_parser(
        "figures",
        parents=[options],
        help="cases counted by district, week and need, small numbers hidden: for partners",
        description="Counts of the cases created in whole weeks (Monday to Sunday, "
        "Kyrgyzstan's days): one row per district, ISO week and kind of need, and one with "
        'the need "all" where each case counts once. 1 to 4 is written <5; x is withheld.',
    )
    cases = sub.add_parser(
        "cases",
        parents=[options],
        help="one line per case, without names, phones, villages or texts: for admins",
    )
    cases.add_argument(
        "--with-contacts",
        action="store_true",
        help="add phone, village and details (audited as export.cases_with_contacts)",
    )


def _audit_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`koldo audit` (bot/cli/audit.py): who opened, changed, exported or erased what."""
    from bot.cli import dates

    audit = commands.add_parser(
        "audit", help="who opened, changed, exported or erased what", parents=[DATABASE]
    )
    audit.add_argument("--case", metavar="CODE", help="about this case (and its matches)")
    audit.add_argument("--actor", type=int, metavar="ID", help="done by this Telegram id")
    audit.add_argument("--action", metavar="PREFIX", help='actions starting so: "case." "export"')
    audit.add_argument(
        "--since", type=dates.since, metavar="DATE", help="from this day or time (UTC+6)"
    )
    audit.add_argument(
        "--until", type=dates.until, metavar="DATE", help="to this day (included) or time"
    )
    audit.add_argument("--csv", action="store_true", help="CSV instead of an aligned table")


def _report_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`koldo report --out FILE [--language ky|ru|en]` (bot/cli/report.py): English by default,
    like every command's own output."""
    parser = commands.add_parser(
        "report",
        help="the situation report: write its picture (PNG) and print its figures",
        parents=[DATABASE],
    )
    parser.add_argument("--out", type=Path, default=Path("report.png"), help="the PNG to write")
    parser.add_argument(
        "--language",
        choices=LOCALES,
        default="en",
        help="the language of the picture and the figures (default: en)",
    )


def _retention_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`koldo retention run [--dry-run]` (bot/cli/retention.py)."""
    parser = commands.add_parser(
        "retention", help="erase the personal data the retention periods no longer allow"
    )
    sub = parser.add_subparsers(dest="retention_command", required=True)
    run = sub.add_parser(
        "run",
        help="erase now what is due (`koldo run` does it every hour)",
        parents=[DATABASE],
    )
    run.add_argument(
        "--dry-run", action="store_true", help="only say what would be erased; change nothing"
    )


def _broadcast_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("broadcast", help="send verified safety updates to families")
    sub = parser.add_subparsers(dest="broadcast_command", required=True)
    send = sub.add_parser("send", help="send (or schedule) a safety update")
    for locale in LOCALES:
        send.add_argument(f"--text-{locale}", default="", help=f"the text in {locale}")
    send.add_argument("--source", required=True, help='who verified it, e.g. "Batken akimiat"')
    send.add_argument("--districts", default="", help="district codes or names, comma-separated")
    send.add_argument("--languages", default="", help="only readers of these: ky,ru,en")
    send.add_argument("--near", default="", help="LAT,LON,KM: families who shared a place there")
    send.add_argument("--coordinators", action="store_true", help="coordinators and admins only")
    send.add_argument("--urgent", action="store_true", help="marked urgent (paid rate if allowed)")
    send.add_argument("--at", default="", help="when: ISO time, or HH:MM today (default: now)")
    send.add_argument("--photo", default="", help="a Telegram file id of a photo to send with it")
    send.add_argument("--location", default="", help="LAT,LON: a map pin sent after the text")
    send.add_argument("--wait", action="store_true", help="show progress until it is done")
    send.add_argument(
        "--corrects",
        type=int,
        metavar="ID",
        help="the broadcast this one corrects: its readers are told the date of that one",
    )
    sub.add_parser("list", help="the latest broadcasts")
    status = sub.add_parser("status", help="how far a broadcast is")
    status.add_argument("id", type=int)
    cancel = sub.add_parser("cancel", help="stop a scheduled or running broadcast")
    cancel.add_argument("id", type=int)
    sub.add_parser("work", help="deliver broadcasts until stopped (as `koldo run` does too)")


DATA_FILE_KINDS = ("shelters", "hotlines")


def _data_file_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`koldo shelters|hotlines import FILE` and `… export [FILE]` (CSV, HXL hashtags too)."""
    for kind in DATA_FILE_KINDS:
        actions = commands.add_parser(kind, help=f"import or export {kind} as CSV or HXL")
        sub = actions.add_subparsers(dest="data_command", required=True)
        load = sub.add_parser(
            "import", help=f"add or update {kind} from a CSV file, by id", parents=[DATABASE]
        )
        load.add_argument("file", type=Path)
        dump = sub.add_parser(
            "export", help=f"write all {kind} as CSV with HXL hashtags", parents=[DATABASE]
        )
        dump.add_argument("file", nargs="?", default="-", help="a file, or - for the screen")


def _people_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`koldo people import FILE --source LABEL` and `koldo people match` (bot/cli/people.py)."""
    from bot.cli import people

    parser = commands.add_parser("people", help="the person index: import lists, match people")
    sub = parser.add_subparsers(dest="people_command", required=True)
    load = sub.add_parser(
        "import",
        help="add or update people from a list (CSV, HXL or JSON lines), by id",
        parents=[DATABASE],
    )
    load.add_argument("file", type=Path)
    load.add_argument(
        "--source",
        required=True,
        help='the list\'s name, e.g. "Batken shelter list 2026-05-03"; ids are unique within it',
    )
    people.add_match_command(sub)


def _roles_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`koldo roles grant USER_ID ROLE …`, `koldo roles revoke USER_ID`, `koldo roles list`."""
    parser = commands.add_parser("roles", help="grant, revoke and list coordinators and admins")
    sub = parser.add_subparsers(dest="roles_command", required=True)
    give = sub.add_parser(
        "grant", help="make a Telegram user a coordinator or an admin", parents=[DATABASE]
    )
    give.add_argument("user_id", type=int, help="the person's Telegram id")
    give.add_argument("role", choices=["coordinator", "admin"])
    give.add_argument("--districts", default="", help="district codes, comma-separated")
    give.add_argument("--needs", default="", help="kinds of need covered (default: every kind)")
    give.add_argument("--organisation", default=None, help="the organisation they work for")
    give.add_argument(
        "--fact-checker",
        action="store_true",
        help="a coordinator who also answers families' is-this-true questions, from every "
        "district (then --districts may be left out)",
    )
    take = sub.add_parser("revoke", help="take a person's role away", parents=[DATABASE])
    take.add_argument("user_id", type=int)
    sub.add_parser("list", help="everyone with a role", parents=[DATABASE])


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "people" and args.people_command == "match":
        # Pure and offline: no settings, no database, no Telegram library.
        from bot.cli import people

        return people.run_match_command(args)
    try:
        settings = Settings()
    except ValidationError as error:
        problems = "; ".join(
            f"KOLDO_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in error.errors()
        )
        print(f"koldo: the settings are not valid: {problems}", file=sys.stderr)
        return 2
    if getattr(args, "demo", False):
        settings = settings.for_demo()
        if not settings.demo_database_path.exists():
            print(
                f"koldo: there is no demo database at {settings.demo_database_path}: "
                "start it with ./dev demo (or koldo demo)",
                file=sys.stderr,
            )
            return 2
    setup_logging(settings.log_level)
    if not _shows_migrations(args):
        # "Context impl SQLiteImpl." and the like: noise next to a command's own output.
        logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        return _event_loop_run(_dispatch(args, settings))
    except KeyboardInterrupt:
        return 130


async def run_command(argv: list[str], settings: Settings) -> int:
    """A command as `koldo` runs it, on these settings, in the caller's event loop: for tests,
    which need not start a Python of their own for each command."""
    return await _dispatch(_parser().parse_args(argv), settings)


def _event_loop_run(main: Coroutine[Any, Any, int]) -> int:
    """uvloop where it runs (Linux, macOS): the event loop was the largest share of Koldo's CPU
    per update (`bench/updates.py --profile`); asyncio's own elsewhere."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def _shows_migrations(args: argparse.Namespace) -> bool:
    """Alembic's own lines are what `koldo db upgrade|downgrade` is run to see; `koldo run`
    and `koldo demo` log as a service does."""
    if args.command == "db":
        return bool(args.db_command in ("upgrade", "downgrade"))
    return bool(args.command in ("run", "demo"))


async def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    from storage.database import SchemaOutdatedError

    try:
        return await _command(args, settings)
    except SchemaOutdatedError as error:
        print(f"koldo: {error}", file=sys.stderr)
        return 2


async def _command(args: argparse.Namespace, settings: Settings) -> int:
    # Commands import what they need when they run, so that `koldo db …` starts fast.
    if args.command == "run":
        return await _run(settings)
    if args.command == "demo":
        from bot.cli.demo import run_demo

        return await run_demo(settings, args.host, args.port)
    if args.command == "roles":
        from bot.cli import roles as rolesctl

        return await rolesctl.run(args, settings)
    if args.command == "people" and args.people_command == "import":
        from bot.cli import people_import

        return await people_import.run(args, settings)
    if args.command == "broadcast":
        from bot.cli import broadcast

        return await broadcast.run(args, settings)
    if args.command == "export":
        from bot.cli import exports

        return await exports.run(args, settings)
    if args.command == "audit":
        from bot.cli import audit

        return await audit.run(args, settings)
    if args.command == "report":
        from bot.cli import report

        return await report.run(args, settings)
    if args.command == "retention":
        from bot.cli import retention

        return await retention.run(args, settings)
    if args.command in DATA_FILE_KINDS:
        from bot.cli import datafiles

        return await datafiles.run(args, settings)
    return await _database(args, settings)


async def _run(settings: Settings) -> int:
    if not settings.bot_token.get_secret_value():
        print("koldo: set KOLDO_BOT_TOKEN (the token @BotFather gave you).", file=sys.stderr)
        return 2
    from bot import runner

    await runner.run(settings)
    return 0


async def _database(args: argparse.Namespace, settings: Settings) -> int:
    from bot.cli.database import announce
    from storage import database

    announce(settings)
    url = settings.effective_database_url
    if args.db_command == "upgrade":
        await database.upgrade(url, args.revision)
    elif args.db_command == "downgrade":
        await database.downgrade(url, args.revision)
    engine = database.create_engine(url)
    try:
        state = await database.schema_state(engine)
    finally:
        await engine.dispose()
    print(f"schema revision: {state.current or 'none'} (newest: {state.head})")
    return 0
