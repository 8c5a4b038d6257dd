"""`koldo export figures|cases`: figures for partners, the case list for admins; audited.

The table goes to the screen, or to --out FILE; what happened goes to stderr in one line, so
that `koldo export figures > figures.csv` leaves a clean file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bot.cli.database import command_session
from bot.cli.output import write_out
from bot.config import Settings
from bot.figures import table
from bot.services import exports
from bot.services.tables import write_table
from storage.places import Geography


async def run(args: argparse.Namespace, settings: Settings) -> int:
    first: date | None = args.first
    last: date | None = args.last
    if first and last and first > last:
        print(f"koldo: --from {first} is after --to {last}", file=sys.stderr)
        return 2
    geography = Geography.load()
    async with command_session(settings) as session:
        if args.export_command == "figures":
            found = await exports.partner_figures(session, geography, first, last)
            text = write_table(table(found.rows, hxl=args.hxl))
            what = f"{len(found.rows)} rows of figures ({_range(found.first, found.last)})"
        else:
            lines = await exports.case_list(session, first, last, with_contacts=args.with_contacts)
            rows = exports.case_table(
                lines, geography, with_contacts=args.with_contacts, hxl=args.hxl
            )
            text = write_table(rows)
            contacts = " with phones, villages and details" if args.with_contacts else ""
            what = f"{len(lines)} cases{contacts} ({_range(first, last)})"
    return await _write(text, args.out, what)


def _range(first: date | None, last: date | None) -> str:
    if not first and not last:
        return "all cases"
    return f"cases created {first or 'from the start'} to {last or 'today'}, Kyrgyzstan's days"


async def _write(text: str, target: Path | None, what: str) -> int:
    try:
        await write_out(text, target)
    except OSError as error:
        print(f"koldo: cannot write {target}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"koldo: exported {what}{f' to {target}' if target else ''}", file=sys.stderr)
    return 0
