"""`koldo retention run [--dry-run]`: the retention period applied now, as `koldo run` does
every hour (bot/services/retention.py); dry, it says what would go and changes nothing."""

from __future__ import annotations

import argparse

from bot.cli.database import command_session
from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.services import retention
from storage.models import utcnow

# Staff running the command line read English, from locales/en like all text.
CLI_LOCALE = "en"


async def run(args: argparse.Namespace, settings: Settings) -> int:
    t = Localization().translator(CLI_LOCALE)
    async with command_session(settings) as session:
        report = await retention.run(session, settings, utcnow(), dry_run=args.dry_run)
    print("\n".join(lines(t, report, settings, dry_run=args.dry_run)))
    return 0


def lines(
    t: Translator, report: retention.RetentionReport, settings: Settings, *, dry_run: bool
) -> list[str]:
    if report.nothing:
        return [t("retention-run-nothing")]
    days, people_days = settings.retention_days, settings.people_retention_days
    shown = [
        t("retention-run-dry-title" if dry_run else "retention-run-title"),
        t("retention-run-cases", days=days, count=len(report.cases)),
        t("retention-run-missing", days=people_days, count=len(report.missing)),
        t("retention-run-imported", days=people_days, count=report.imported_people),
        t("retention-run-listings", days=people_days, count=report.listings),
        t("retention-run-phones", count=report.phones),
    ]
    if report.codes:
        shown.append(t("retention-run-codes", codes=", ".join(report.codes)))
    return shown
