"""`koldo audit`: the audit log as an aligned table, or CSV with --csv.

Times are Kyrgyzstan's (UTC+6). An actor is a Telegram id; none means the command line or
Koldo itself (imports, automatic steps, and erasures, which keep no trace of who erased).
"""

from __future__ import annotations

import argparse
import sys

from bot.cli.database import command_session
from bot.cli.output import write_out
from bot.config import REGION_TIME, Settings
from bot.services.audit_trail import (
    AuditFilters,
    AuditLine,
    details_json,
    details_text,
    trail,
)
from bot.services.tables import write_table

HEADERS = ("At (UTC+6)", "Actor", "Role", "Organisation", "Action", "Subject", "Details")
CSV_HEADERS = ("at", "actor_id", "role", "organisation", "action", "subject", "details")
NOBODY = "-"


async def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.since and args.until and args.since >= args.until:
        print("koldo: --since is not before --until", file=sys.stderr)
        return 2
    filters = AuditFilters(args.case, args.actor, args.action, args.since, args.until)
    async with command_session(settings) as session:
        found = await trail(session, settings, filters)
    if not found.case_known:
        print(f"koldo: there is no case {args.case.strip().upper()}", file=sys.stderr)
    if args.csv:
        text = write_table([list(CSV_HEADERS), *(_csv_row(line) for line in found.lines)])
    elif not found.lines:
        text = "No audit entries match.\n"
    else:
        text = aligned([list(HEADERS), *(_row(line) for line in found.lines)])
    await write_out(text, None)
    return 0


def _row(line: AuditLine) -> list[str]:
    return [
        line.at.astimezone(REGION_TIME).strftime("%Y-%m-%d %H:%M:%S"),
        NOBODY if line.actor_id is None else str(line.actor_id),
        line.role or NOBODY,
        line.organisation or NOBODY,
        line.action,
        line.subject or NOBODY,
        details_text(line.details),
    ]


def _csv_row(line: AuditLine) -> list[str]:
    return [
        line.at.astimezone(REGION_TIME).isoformat(timespec="seconds"),
        "" if line.actor_id is None else str(line.actor_id),
        line.role,
        line.organisation,
        line.action,
        line.subject,
        details_json(line.details),
    ]


def aligned(rows: list[list[str]]) -> str:
    """Columns padded to their widest cell, two spaces apart; the last one as it is."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "".join(
        "  ".join(
            [*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]]
        ).rstrip()
        + "\n"
        for row in rows
    )
