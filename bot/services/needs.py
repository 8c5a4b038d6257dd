"""The needs form: the draft a family fills in, checks, priority, and the case it becomes."""

from __future__ import annotations

import enum
from functools import partial
from typing import TypeVar

from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.forms import (
    CaseDraft,
    IncompleteDraftError,
    add_case_once,
    case_fields,
)
from storage.models import Case, CaseKind, Household, Priority, User

MAX_HOUSEHOLD_SIZE = 30
MAX_DETAILS_LENGTH = 1000
MAX_ATTACHMENTS = 10


class Vulnerability(enum.StrEnum):
    YOUNG_CHILDREN = "young_children"
    PREGNANT = "pregnant"
    ELDERLY = "elderly"
    DISABLED = "disabled"
    CHRONIC_ILLNESS = "chronic_illness"


class Need(enum.StrEnum):
    FOOD_WATER = "food_water"
    MEDICAL = "medical"
    SHELTER = "shelter"
    CLOTHES_HYGIENE = "clothes_hygiene"
    PSYCHOLOGICAL = "psychological"
    CASH = "cash"
    DOCUMENTS = "documents"
    TRANSPORT = "transport"
    DAMAGED_PROPERTY = "damaged_property"
    LEGAL = "legal"


class NeedsDraft(CaseDraft):
    """What the family has entered so far. Kept in FSM storage (Redis in production) as JSON."""

    household_size: int | None = None
    vulnerabilities: list[Vulnerability] = Field(default_factory=list)
    needs: list[Need] = Field(default_factory=list)


class Gap(enum.StrEnum):
    """An answer the form needs before it can be sent, in the order the form asks for them."""

    PLACE = "place"
    HOUSEHOLD_SIZE = "household_size"
    NEEDS = "needs"
    PHONE = "phone"


def first_gap(draft: NeedsDraft) -> Gap | None:
    """The one rule of a complete needs form, used by every way into the summary and by
    `register_case`: a place, a household size, at least one need, a phone or a skip."""
    if not draft.has_place:
        return Gap.PLACE
    if draft.household_size is None or not 1 <= draft.household_size <= MAX_HOUSEHOLD_SIZE:
        return Gap.HOUSEHOLD_SIZE
    if not draft.needs:
        return Gap.NEEDS
    if draft.phone is None and not draft.phone_skipped:
        return Gap.PHONE
    return None


def parse_household_size(text: str) -> int | None:
    """A typed household size, or None when it is not a sensible whole number of people."""
    cleaned = text.strip()
    if not cleaned.isdecimal():
        return None
    size = int(cleaned)
    return size if 1 <= size <= MAX_HOUSEHOLD_SIZE else None


T = TypeVar("T")


def toggle(items: list[T], item: T) -> list[T]:
    return [x for x in items if x != item] if item in items else [*items, item]


URGENT_WITH_SHELTER = {Vulnerability.YOUNG_CHILDREN, Vulnerability.PREGNANT, Vulnerability.DISABLED}
LIFE_NEEDS = {Need.FOOD_WATER, Need.MEDICAL, Need.SHELTER}


def priority_for(needs: list[Need], vulnerabilities: list[Vulnerability]) -> Priority:
    """The one priority rule, the same for every case:

    - urgent: medicine or medical care is needed and someone in the household is vulnerable;
      or shelter is needed for young children, a pregnant woman or a disabled person;
    - high: anyone vulnerable, or a need for food and water, medical care or shelter;
    - normal: everything else.
    """
    vulnerable = set(vulnerabilities)
    if Need.MEDICAL in needs and vulnerable:
        return Priority.URGENT
    if Need.SHELTER in needs and vulnerable & URGENT_WITH_SHELTER:
        return Priority.URGENT
    if vulnerable or LIFE_NEEDS.intersection(needs):
        return Priority.HIGH
    return Priority.NORMAL


async def register_case(
    session: AsyncSession,
    user: User,
    draft: NeedsDraft,
    language: str,
    escalation_minutes: int = 30,
) -> Case:
    """Turns a confirmed draft into a case with its own code, committed before the reply.

    Sending the same draft again (its submission key) returns the case it already made. A draft
    that breaks a rule of the form raises IncompleteDraftError and makes nothing.
    """
    gap = first_gap(draft)
    if gap is not None:
        raise IncompleteDraftError(gap)

    build = partial(_case_of, draft, user, language)
    case, _ = await add_case_once(session, user, draft, build, escalation_minutes)
    await session.commit()
    return case


def _case_of(draft: NeedsDraft, user: User, language: str, code: str) -> Case:
    household = Household(user_id=user.id, size=draft.household_size, **draft.place_fields())
    return Case(
        code=code,
        kind=CaseKind.NEEDS,
        user_id=user.id,
        household=household,
        language=language,
        needs=[str(need) for need in draft.needs],
        vulnerabilities=[str(v) for v in draft.vulnerabilities],
        household_size=draft.household_size,
        priority=priority_for(draft.needs, draft.vulnerabilities),
        **case_fields(draft),
    )
