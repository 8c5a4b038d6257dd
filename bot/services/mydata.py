"""What Koldo knows about me: everything Koldo holds about one person, gathered for them to
read (/mydata) or to take as a file, and who has seen it.

Only ever the person's own rows: the person is whoever sent the update, never anything a button
carries. "Who has seen it" comes from the audit log (the staff who opened, claimed, handled or
answered something of theirs), and names the organisation of each staff member, never the
person: a family learns which aid organisation saw their case, not who in it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services import roles
from storage.models import (
    AuditEntry,
    Author,
    Case,
    CaseKind,
    Household,
    HouseholdMember,
    Person,
    Role,
    User,
)
from storage.repositories import audit, cases, mydata, users
from storage.repositories import rumours as rumour_cases

logger = logging.getLogger("koldo.mydata")

# What staff do on a case that shows them the family's data (case.refused is a press that
# showed nothing; case.created and case.reopened are the family's own).
CASE_SEEN = frozenset(
    {
        "case.opened",
        "case.files",
        "case.claimed",
        "case.released",
        "case.taken_over",
        "case.handed_over",
        "case.status",
        "case.note",
        "case.canned",
    }
)
# ... and on a possible match, whose card shows both sides.
MATCH_SEEN = frozenset(
    {"match.opened", "match.verified", "match.rejected", "match.unsure", "match.outcome"}
)
RUMOUR_ANSWERED = "rumour.answered"


@dataclass(frozen=True)
class Viewer:
    """Who saw something, as a family is told: an organisation, or Koldo's own staff."""

    organisation: str | None
    admin: bool = False


@dataclass(frozen=True)
class HeldCase:
    """A case of the person with what it keeps: counts of messages by who wrote them, of
    files, and who has seen it."""

    case: Case
    sought: Person | None = None  # of a missing report: the person, as the family described
    from_family: int = 0
    from_staff: int = 0
    notes: int = 0  # a coordinator's internal notes: counted, never shown to the family
    files: int = 0
    origin: tuple[str, str] | None = None  # of a forwarded question: (kind, name)
    seen_by: tuple[Viewer, ...] = ()

    @property
    def messages(self) -> int:
        return self.from_family + self.from_staff


@dataclass(frozen=True)
class HeldHousehold:
    """Where the family said it is for "we are safe", and whom it listed there."""

    household: Household
    members: list[HouseholdMember]
    seen_by: tuple[Viewer, ...] = ()


@dataclass(frozen=True)
class Held:
    """Everything Koldo holds about one person."""

    user: User
    admin: bool = False  # an admin by role or by KOLDO_ADMIN_IDS
    cases: list[HeldCase] = field(default_factory=list)  # needs and missing reports
    questions: list[HeldCase] = field(default_factory=list)  # "is this true?"
    households: list[HeldHousehold] = field(default_factory=list)

    @property
    def staff(self) -> bool:
        return self.admin or self.user.role != Role.FAMILY

    @property
    def nothing(self) -> bool:
        """Nothing but the Telegram account number (and the language), which Koldo needs to
        answer at all."""
        user = self.user
        kept = (user.consent_at, user.phone, user.first_name, user.username, user.organisation)
        return not (self.cases or self.questions or self.households or self.staff or any(kept))


async def collect(session: AsyncSession, user: User, settings: Settings) -> Held:
    """Everything Koldo holds about `user`, read now."""
    found = list(await cases.of_user(session, user.id))
    ids = [case.id for case in found]
    counts = await mydata.message_counts(session, ids)
    files = await mydata.file_counts(session, ids)
    sought = await mydata.sought_in(session, ids)
    households = await mydata.households_of(session, user.id)
    seen = await _seen(session, user, settings, found, households)
    held_cases = [
        HeldCase(
            case=case,
            sought=sought.get(case.id),
            from_family=counts.get(case.id, {}).get(Author.FAMILY, 0),
            from_staff=counts.get(case.id, {}).get(Author.COORDINATOR, 0),
            notes=counts.get(case.id, {}).get(Author.NOTE, 0),
            files=files.get(case.id, 0),
            origin=(
                await rumour_cases.origin_of(session, case.id)
                if case.kind == CaseKind.RUMOUR
                else None
            ),
            seen_by=seen.get(case.code, ()),
        )
        for case in found
    ]
    linked = {case.household_id for case in found}
    shown = [
        HeldHousehold(household, list(household.members), seen.get(_household(household.id), ()))
        for household in households
        # A needs case's household keeps what its case shows; the rest is "we are safe".
        if household.listed_at is not None or household.members or household.id not in linked
    ]
    return Held(
        user,
        roles.is_admin(user, settings),
        [c for c in held_cases if c.case.kind != CaseKind.RUMOUR],
        [c for c in held_cases if c.case.kind == CaseKind.RUMOUR],
        shown,
    )


def _household(household_id: int) -> str:
    return f"household:{household_id}"


async def _seen(
    session: AsyncSession,
    user: User,
    settings: Settings,
    found: Sequence[Case],
    households: Sequence[Household],
) -> dict[str, tuple[Viewer, ...]]:
    """Who has seen each case (by code) and each household ("household:ID"), in the order
    they first did."""
    by_code = {case.code: case for case in found}
    of_cases = await mydata.matches_of_cases(
        session, [c.id for c in found if c.kind == CaseKind.MISSING]
    )
    of_households = await mydata.matches_of_households(session, [h.id for h in households])
    code_of = {case.id: case.code for case in found}
    # Which of the person's things each audit subject is about.
    about: dict[str, set[str]] = {code: {code} for code in by_code}
    for match_id, case_id in of_cases.items():
        about.setdefault(f"match:{match_id}", set()).add(code_of[case_id])
    for match_id, household_id in of_households.items():
        about.setdefault(f"match:{match_id}", set()).add(_household(household_id))
    rumours = {
        f"rumour:{case.rumour_id}": case.code
        for case in found
        if case.kind == CaseKind.RUMOUR and case.rumour_id is not None
    }
    entries = await mydata.entries_on(
        session, set(about) | set(rumours), CASE_SEEN | MATCH_SEEN | {RUMOUR_ANSWERED}
    )
    seers: dict[str, list[int]] = {}
    for entry in entries:
        if entry.actor_id is None or entry.actor_id == user.id:
            continue
        for thing in _things_of(entry, about, rumours):
            ids = seers.setdefault(thing, [])
            if entry.actor_id not in ids:
                ids.append(entry.actor_id)
    actors = frozenset(actor_id for ids in seers.values() for actor_id in ids)
    staff = {person.id: person for person in await users.with_ids(session, actors)}
    # Who no longer has a record (erased, or gone) was still one of Koldo's staff.
    return {
        thing: tuple(dict.fromkeys(_viewer(staff.get(actor_id), settings) for actor_id in ids))
        for thing, ids in seers.items()
    }


def _things_of(
    entry: AuditEntry, about: dict[str, set[str]], rumours: dict[str, str]
) -> Iterable[str]:
    if entry.action == RUMOUR_ANSWERED:
        code = rumours.get(entry.subject or "")
        # The answer went to the families waiting then: this one only if it was among them.
        return [code] if code and code in (entry.details or {}).get("cases", []) else []
    return about.get(entry.subject or "", set())


def _viewer(person: User | None, settings: Settings) -> Viewer:
    organisation = (person.organisation or "").strip() if person else ""
    return Viewer(organisation or None, roles.is_admin(person, settings))


async def viewed(session: AsyncSession, user: User, page: int) -> None:
    """A look at the screen, audited with the person's id alone; committed."""
    audit.record(session, "mydata.viewed", actor_id=user.id, details={"page": page})
    await session.commit()
    logger.info("user %s looked at their data (page %d)", user.id, page)


async def sent(session: AsyncSession, user: User) -> None:
    """The file sent, audited with the person's id alone; committed."""
    audit.record(session, "mydata.sent", actor_id=user.id)
    await session.commit()
    logger.info("user %s was sent their data as a file", user.id)
