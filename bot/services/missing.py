"""A missing relative's report: the draft a family fills in, its checks, its priority, the case
it becomes with the person sought in the person index, and the family's "they are found".

Parsing and the priority rule are pure (no aiogram, no database), so that they are tested alone.
"""

from __future__ import annotations

import enum
import logging
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, partial

from aiogram import Bot
from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import REGION_TIME
from bot.i18n import Localization
from bot.matching.records import PersonRecord
from bot.services import coordination, person_index, reunion
from bot.services.forms import CaseDraft, IncompleteDraftError, add_case_once, case_fields
from bot.services.needs import Vulnerability
from storage.models import Case, CaseKind, CaseStatus, Person, PersonSource, Priority, User, utcnow
from storage.places import Geography
from storage.repositories import audit, people

logger = logging.getLogger("koldo.missing")

# A missing report's kind of need, for the queue and coordinators' grants (bot/services/roles).
NEED_KIND = CaseKind.MISSING.value
FOUND_OUTCOME = "found_by_family"
MAX_NAME_LENGTH = 100
MAX_REPORTER_NAME_LENGTH = 50
MAX_DESCRIPTION_LENGTH = 1000
MAX_PHOTOS = 3
MAX_AGE = 120
ADULT_AGE = 18
OLD_AGE = 60
MAX_YEARS_BACK = 5
# Marks of an approximate age besides words: "~45", "≈45", "45?", "+-45".
ABOUT_MARKS = frozenset({"~", "≈", "?", "±", "+-"})
# What the person may be like; children and people 60 or older count from their age.
VULNERABILITIES = (Vulnerability.DISABLED, Vulnerability.CHRONIC_ILLNESS)


class Sex(enum.StrEnum):
    MALE = enum.auto()
    FEMALE = enum.auto()
    UNKNOWN = enum.auto()


SEX_CODES = {Sex.MALE: "M", Sex.FEMALE: "F"}  # as the person index keeps it


class Relation(enum.StrEnum):
    """Who the person sought is to the one reporting (Person.relation)."""

    SON = enum.auto()
    DAUGHTER = enum.auto()
    HUSBAND = enum.auto()
    WIFE = enum.auto()
    FATHER = enum.auto()
    MOTHER = enum.auto()
    BROTHER = enum.auto()
    SISTER = enum.auto()
    GRANDCHILD = enum.auto()
    GRANDPARENT = enum.auto()
    RELATIVE = enum.auto()
    NEIGHBOUR_FRIEND = enum.auto()


class MissingDraft(CaseDraft):
    """What the family has entered so far (the place is where the person was last seen)."""

    full_name: str | None = None
    sex: Sex | None = None
    age: int | None = None
    age_approximate: bool = False
    age_unknown: bool = False
    relation: Relation | None = None
    seen_on: date | None = None
    seen_unknown: bool = False
    vulnerabilities: list[Vulnerability] = Field(default_factory=list)
    # attachments: photos of them; details: what helps to recognise them.
    reported_by: str | None = None


class Gap(enum.StrEnum):
    """An answer the report needs before it can be sent, in the order the form asks."""

    NAME = enum.auto()
    SEX = enum.auto()
    AGE = enum.auto()
    RELATION = enum.auto()
    PLACE = enum.auto()
    SEEN = enum.auto()
    REPORTER = enum.auto()
    PHONE = enum.auto()


def first_gap(draft: MissingDraft) -> Gap | None:
    """The one rule of a complete report, used by the summary and by `report_missing`."""
    answered = {
        Gap.NAME: bool(draft.full_name),
        Gap.SEX: draft.sex is not None,
        Gap.AGE: draft.age is not None or draft.age_unknown,
        Gap.RELATION: draft.relation is not None,
        Gap.PLACE: draft.has_place,
        Gap.SEEN: draft.seen_on is not None or draft.seen_unknown,
        Gap.REPORTER: bool(draft.reported_by),
        Gap.PHONE: draft.phone is not None or draft.phone_skipped,
    }
    return next((gap for gap, done in answered.items() if not done), None)


# --- what the family types ----------------------------------------------------------------


@dataclass(frozen=True)
class Age:
    years: int
    approximate: bool = False


_AGE_TOKENS = re.compile(r"\d+|[^\W\d_]+|\+-|\S")


def parse_age(text: str, about_words: Collection[str], year_words: Collection[str]) -> Age | None:
    """A typed age: digits alone, or with a word for years, are exact ("45", "45 years"); with
    a word or mark of approximation ("~45", "45?", "about 45", and the Russian and Kyrgyz
    words of locales/*/missing.ftl) approximate. One number from 0 to MAX_AGE; anything else
    (a number in words, two numbers, other words) is None."""
    tokens = _AGE_TOKENS.findall(text.lower())
    numbers = [token for token in tokens if token.isdecimal()]
    if len(numbers) != 1 or len(numbers[0]) > 3:
        return None
    marks = [token for token in tokens if not token.isdecimal()]
    if any(m not in about_words and m not in year_words and m not in ABOUT_MARKS for m in marks):
        return None
    years = int(numbers[0])
    if years > MAX_AGE:
        return None
    return Age(years, approximate=any(m in about_words or m in ABOUT_MARKS for m in marks))


class DateProblem(enum.StrEnum):
    INVALID = "invalid"
    FUTURE = "future"
    TOO_OLD = "too-old"


_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}|\d{2}))?")


def today() -> date:
    return datetime.now(REGION_TIME).date()


def parse_seen_date(text: str, on: date) -> date | DateProblem:
    """DD.MM or DD.MM.YYYY (also with / or -), typed on day `on`. Without a year, the last such
    day up to `on` (28.12 typed in January is last December). Not after `on`, not more than
    MAX_YEARS_BACK years before it."""
    found = _DATE.fullmatch(text.strip())
    if found is None:
        return DateProblem.INVALID
    day, month, year = int(found[1]), int(found[2]), found[3]
    try:
        if year is None:
            seen = date(on.year, month, day)
            if seen > on:
                seen = date(on.year - 1, month, day)
        else:
            seen = date(int(year) + (2000 if len(year) == 2 else 0), month, day)
    except ValueError:
        return DateProblem.INVALID
    if seen > on:
        return DateProblem.FUTURE
    if seen < _years_before(on, MAX_YEARS_BACK):
        return DateProblem.TOO_OLD
    return seen


def _years_before(on: date, years: int) -> date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February
        return on.replace(year=on.year - years, day=28)


# --- the case -------------------------------------------------------------------------------


def missing_priority(age: int | None, vulnerabilities: Collection[Vulnerability]) -> Priority:
    """A child under 18, someone 60 or older, a disabled or ill person: urgent. Anyone else
    missing: high (a missing person is never a normal case)."""
    if age is not None and (age < ADULT_AGE or age >= OLD_AGE):
        return Priority.URGENT
    if set(vulnerabilities) & set(VULNERABILITIES):
        return Priority.URGENT
    return Priority.HIGH


@cache
def _places() -> Geography:
    return Geography.load()


async def report_missing(
    session: AsyncSession,
    user: User,
    draft: MissingDraft,
    language: str,
    escalation_minutes: int = 30,
    *,
    geography: Geography | None = None,
) -> Case:
    """Turns a confirmed report into a case with its own code and the person sought into the
    person index (then asks for possible matches), committed before the reply.

    Sending the same draft again (its submission key) returns the case it already made, and
    adds nobody again. A draft that breaks a rule of the form raises IncompleteDraftError.
    """
    gap = first_gap(draft)
    if gap is not None:
        raise IncompleteDraftError(gap)
    build = partial(_case_of, draft, user, language)
    case, made = await add_case_once(session, user, draft, build, escalation_minutes)
    if made:
        person = await _add_person(session, case, draft, geography or _places())
        await reunion.propose_for(session, [person])
    await session.commit()
    logger.info("missing report %s by %s", case.code, user.id)
    return case


def _case_of(draft: MissingDraft, user: User, language: str, code: str) -> Case:
    return Case(
        code=code,
        kind=CaseKind.MISSING,
        user_id=user.id,
        language=language,
        needs=[NEED_KIND],
        vulnerabilities=[str(v) for v in draft.vulnerabilities],
        priority=missing_priority(draft.age, draft.vulnerabilities),
        **case_fields(draft),
    )


async def _add_person(
    session: AsyncSession, case: Case, draft: MissingDraft, geography: Geography
) -> Person:
    assert draft.full_name is not None
    sex = SEX_CODES.get(draft.sex) if draft.sex else None
    # No birth year, and no phone: the reporter's phone is not the missing person's.
    sought = PersonRecord(
        "", draft.full_name, sex, draft.age, None, person_index.settlement(geography, draft.village)
    )
    person = await people.add(
        session, sought, person_index.index_keys, source=PersonSource.MISSING, case_id=case.id
    )
    person.relation = draft.relation.value if draft.relation else None
    person.last_seen_on = draft.seen_on
    person.reported_by = draft.reported_by
    await session.flush()
    return person


# --- the family's own reports ----------------------------------------------------------------


async def sought(session: AsyncSession, case: Case) -> Person | None:
    """The person a missing report is about; None for another kind of case (or after erasure)."""
    if case.kind != CaseKind.MISSING:
        return None
    return await people.sought_in(session, case.id)


async def found_by_family(
    session: AsyncSession, bot: Bot, localization: Localization, user: User, case: Case
) -> bool:
    """The family says the person is found: the case is resolved, audited, committed, and the
    coordinator holding it (if any) told in their own language. False when the case is not
    this family's open missing report (a forged or stale button): nothing changes."""
    if case.user_id != user.id or case.kind != CaseKind.MISSING:
        return False
    if case.status == CaseStatus.RESOLVED:
        return False
    case.status, case.outcome, case.resolved_at = CaseStatus.RESOLVED, FOUND_OUTCOME, utcnow()
    audit.record(
        session,
        "case.status",
        actor_id=user.id,
        subject=case.code,
        details={"status": CaseStatus.RESOLVED.value, "outcome": FOUND_OUTCOME},
    )
    await session.commit()
    logger.info("missing report %s found by the family %s", case.code, user.id)
    if case.assignee_id is not None:
        await coordination.tell_staff(
            session, bot, localization, case.assignee_id, "missing-found-staff", case
        )
    return True
