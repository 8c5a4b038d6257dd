"""The retention period: personal data is kept only while it helps.

- A case resolved `retention_days` ago (a request for help, an "is this true?" question) loses
  its personal data by the same erasure as a family's /erase (bot/services/privacy.py
  `erase_cases`): its anonymous counts stay. Open cases, and cases resolved more recently, are
  never touched; a case reopened after it was resolved is open again.
- Missing-person reports and the person index keep `people_retention_days`: a report resolved
  that long ago is erased the same way; a row of an imported list that no import brought again
  for that long is deleted; a "we are safe" listing agreed to that long ago is withdrawn (the
  people listed leave the index), with the possible matches of everyone who goes.
- A household goes with its cases once no listing and no case still holding personal data
  needs it; a person's phone goes once no case of theirs holds personal data and nothing of
  them is listed (the person stays, with their language and consent).

`koldo run` runs it at most once an hour (claimed in `job_runs`, so one replica of several
does each run; bot/services/housekeeping.py); `koldo retention run [--dry-run]` runs it by hand.
Each run that erased anything is audited, with case codes and counts only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.i18n import Localization
from bot.services import privacy
from storage.models import utcnow
from storage.repositories import audit, cases, households, jobs, people, users

logger = logging.getLogger("koldo.retention")
JOB = "retention"
EVERY = timedelta(hours=1)
AUDIT_ACTION = "retention.erased"


@dataclass(frozen=True)
class RetentionReport:
    """What a run erased (or, dry, would erase): the codes of the cases, and counts."""

    cases: list[str] = field(default_factory=list)  # requests and questions, by their code
    missing: list[str] = field(default_factory=list)  # missing-person reports, by their code
    imported_people: int = 0  # rows of imported lists deleted
    listings: int = 0  # "we are safe" listings withdrawn
    phones: int = 0  # people whose phone was forgotten

    @property
    def codes(self) -> list[str]:
        return sorted(self.cases + self.missing)

    @property
    def nothing(self) -> bool:
        return not (self.codes or self.imported_people or self.listings or self.phones)

    def counts(self) -> dict[str, int]:
        return {
            "requests": len(self.cases),
            "missing_reports": len(self.missing),
            "imported_people": self.imported_people,
            "listings": self.listings,
            "phones": self.phones,
        }


async def run(
    session: AsyncSession, settings: Settings, now: datetime, *, dry_run: bool
) -> RetentionReport:
    """Erases what the retention periods say is due at `now`, audited, and commits. Dry, the
    same work is done in the transaction and rolled back: what it reports is exactly what a
    run would erase, and nothing changes."""
    cases_due = now - timedelta(days=settings.retention_days)
    people_due = now - timedelta(days=settings.people_retention_days)

    due = await cases.resolved_before(session, cases_due, missing=False)
    erased = await privacy.erase_cases(session, due, now, resolved_before=cases_due)
    reports = await cases.resolved_before(session, people_due, missing=True)
    anonymized = await privacy.erase_cases(session, reports, now, resolved_before=people_due)
    imported = await people.delete_imported(session, people_due)
    withdrawn = await households.withdraw_listed_before(session, people_due)
    # A household withdrawn that no case needs any more goes on as counts only.
    await households.anonymize(session, await households.unneeded(session, withdrawn))
    phones = await users.clear_unneeded_phones(session)

    report = RetentionReport(
        cases=[case.code for case in erased],
        missing=[case.code for case in anonymized],
        imported_people=imported,
        listings=len(withdrawn),
        phones=phones,
    )
    if dry_run:
        await session.rollback()
        return report
    if not report.nothing:
        # Codes and counts only: who they were is what was erased.
        audit.record(session, AUDIT_ACTION, details={"cases": report.codes, **report.counts()})
    await session.commit()
    return report


async def run_if_due(
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    localization: Localization,
    settings: Settings,
    now: datetime | None = None,
) -> None:
    """A run, unless one was claimed within the hour (by this replica or another). The claim
    is committed first: of replicas polling at once, one runs it; a run that fails is tried
    again at the next hour. (`bot` and `localization`: every job of housekeeping gets them;
    this one tells nobody.)"""
    now = now or utcnow()
    async with session_factory() as session:
        claimed = await jobs.claim(session, JOB, due_before=now - EVERY, now=now)
        await session.commit()
        if not claimed:
            return
        report = await run(session, settings, now, dry_run=False)
    if not report.nothing:
        # Counts only: the codes are in the audit log, and a first run may erase thousands.
        logger.info(
            "retention erased %d cases, %d missing reports, %d imported people, %d listings, "
            "%d phones",
            len(report.cases),
            len(report.missing),
            report.imported_people,
            report.listings,
            report.phones,
        )
