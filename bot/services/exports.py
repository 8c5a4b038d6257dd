"""Exports for partners and admins (`koldo export figures|cases`), each one audited.

Figures (bot/figures.py) are counted from the anonymous columns of cases and shared with
partners. The case list is for admins: one line per case without names, phones, villages or
free text; with contacts (phone, village, details) only when asked, and audited as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import figures
from bot.config import REGION_TIME
from bot.figures import CaseFacts, FigureRow
from storage.models import CaseStatus, Priority
from storage.places import Geography
from storage.repositories import audit
from storage.repositories import exports as exports_repo
from storage.repositories import figures as figures_repo
from storage.repositories.exports import CaseLine
from storage.repositories.figures import AnonymousCase

TIME_FORMAT = "%Y-%m-%d %H:%M"  # Kyrgyzstan's time, as the headers say
# The outcome of a case closed by its family's erasure (bot/services/privacy.py
# ERASED_OUTCOME; tests/test_exports.py checks they agree). Not imported from there: that
# brings aiogram, seconds of start-up for a command that only reads the database.
WITHDRAWN_OUTCOMES = frozenset({"erased_by_family"})


def day_range(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """From the start of `first` to the end of `last`, in Kyrgyzstan's days: [since, until)."""
    since = datetime.combine(first, time(), tzinfo=REGION_TIME) if first else None
    until = datetime.combine(last + timedelta(days=1), time(), tzinfo=REGION_TIME) if last else None
    return since, until


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def district_names(geography: Geography) -> list[tuple[str, str]]:
    """Districts, towns and cities in the order of places.json, by their English names."""
    return [(area.code, area.name("en")) for area in geography.areas]


def priority_code(priority: Priority) -> str:
    return priority.name.lower()


def facts(case: AnonymousCase) -> CaseFacts:
    """A case as the figures see it. One closed because the family erased its data is
    "withdrawn": no resolution, so not in the time to resolution either."""
    withdrawn = case.status == CaseStatus.RESOLVED and case.outcome in WITHDRAWN_OUTCOMES
    return CaseFacts(
        kind=case.kind.value,
        needs=tuple(case.needs),
        priority=priority_code(case.priority),
        status="withdrawn" if withdrawn else case.status.value,
        district=case.district,
        created_at=case.created_at,
        household=case.household_id,
        household_size=case.household_size,
        first_response_at=case.first_response_at,
        resolved_at=None if withdrawn else case.resolved_at,
    )


@dataclass(frozen=True)
class FiguresExport:
    rows: list[FigureRow]
    first: date | None  # the range used: whole weeks
    last: date | None


async def partner_figures(
    session: AsyncSession, geography: Geography, first: date | None, last: date | None
) -> FiguresExport:
    """The figures of the cases created from `first` to `last` (widened to whole weeks);
    audited and committed before anything is written out."""
    first, last = figures.whole_weeks(first, last)
    cases = await figures_repo.anonymous_cases(session, *day_range(first, last))
    rows = figures.figures([facts(c) for c in cases], REGION_TIME, district_names(geography))
    audit.record(
        session,
        "export.figures",
        details={"from": _day(first), "to": _day(last), "rows": len(rows)},
    )
    await session.commit()
    return FiguresExport(rows, first, last)


# --- the case list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseColumn:
    header: str
    tag: str


CASE_COLUMNS = (
    CaseColumn("Case", "#meta+id"),
    CaseColumn("Kind", "#meta+type"),
    CaseColumn("Status", "#status"),
    CaseColumn("Priority", "#severity"),
    CaseColumn("District", "#adm2+name"),
    CaseColumn("District code", "#adm2+code"),
    CaseColumn("Needs", "#sector+code+list"),
    CaseColumn("Vulnerabilities", "#group+code+list"),
    CaseColumn("Household size", "#affected+ind"),
    CaseColumn("Created (UTC+6)", "#date+created"),
    CaseColumn("First response (UTC+6)", "#date+responded"),
    CaseColumn("Resolved (UTC+6)", "#date+resolved"),
    CaseColumn("Outcome", "#status+outcome"),
    CaseColumn("Erased", "#meta+erased"),
)
CONTACT_COLUMNS = (
    CaseColumn("Phone", "#contact+phone"),
    CaseColumn("Village", "#loc+name"),
    CaseColumn("Details", "#description"),
)


async def case_list(
    session: AsyncSession, first: date | None, last: date | None, *, with_contacts: bool
) -> list[CaseLine]:
    """The cases created from `first` to `last` (days, as given); the export is audited
    (with contacts as its own action, with the count and the range, nothing personal) and
    committed before anything is written out."""
    lines = await exports_repo.case_lines(
        session, *day_range(first, last), with_contacts=with_contacts
    )
    action = "export.cases_with_contacts" if with_contacts else "export.cases"
    details = {"count": len(lines), "from": _day(first), "to": _day(last)}
    audit.record(session, action, details=details)
    await session.commit()
    return lines


def case_table(
    lines: list[CaseLine], geography: Geography, *, with_contacts: bool, hxl: bool
) -> list[list[str]]:
    columns = CASE_COLUMNS + (CONTACT_COLUMNS if with_contacts else ())
    rows = [[c.header for c in columns]]
    if hxl:
        rows.append([c.tag for c in columns])
    for line in lines:
        area = geography.area(line.district)
        row = [
            line.code,
            line.kind.value,
            line.status.value,
            priority_code(line.priority),
            area.name("en") if area else (line.district or figures.UNKNOWN_DISTRICT_NAME),
            line.district or figures.UNKNOWN_DISTRICT,
            ", ".join(line.needs),
            ", ".join(line.vulnerabilities),
            "" if line.household_size is None else str(line.household_size),
            _moment(line.created_at),
            _moment(line.first_response_at),
            _moment(line.resolved_at),
            line.outcome or "",
            "yes" if line.erased_at else "no",
        ]
        if with_contacts:
            row += [line.phone or "", _village(geography, line.village), line.details or ""]
        rows.append(row)
    return rows


def _moment(moment: datetime | None) -> str:
    return moment.astimezone(REGION_TIME).strftime(TIME_FORMAT) if moment else ""


def _village(geography: Geography, village: str | None) -> str:
    """A village's English name; one the family typed (not in the list) as they wrote it."""
    found = geography.village(village)
    return found[1].name("en") if found else (village or "")
