"""Possible matches for missing people: proposed by the matcher, decided by a coordinator.

`propose_for` is the one entry point every writer of the person index calls after adding
people, in the same transaction (the caller commits):

- a new missing report is searched for among everyone Koldo knows (household members, imported
  lists, other families' open reports: two families searching for the same man must meet);
- new household members and imported people are compared with the people of open missing
  cases only, and only with each other: an import of 10,000 rows while 5 cases are open is
  5 searches in an in-memory index of the imported rows, not 10,000 database searches.

A pair is proposed once, for good, in either direction: a rejected pair is never proposed
again, whatever is imported later. Each proposal schedules a MATCH alert for the missing case.

Nothing here tells a family anything: disclosure starts only after a coordinator verified
(bot/services/disclosure.py).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.matching.score import Match, score
from bot.matching.search import Index
from bot.services import person_index, roles
from bot.services.person_index import record_of
from storage.models import (
    AlertKind,
    Case,
    CaseKind,
    Household,
    MatchStatus,
    Person,
    PersonMatch,
    PersonSource,
    User,
    utcnow,
)
from storage.repositories import alerts, audit, matches, queue
from storage.repositories.matches import Owner

logger = logging.getLogger("koldo.reunion")

# The matcher is calibrated so that 0.8 and above means "look at this first". Below it a
# coordinator still sees a pair down to 0.5: on the development set 5% of true matches score
# between 0.5 and 0.8 (all of them are above 0.5), for about one wrong pair every three or four
# reports. A family that stays apart costs far more than a coordinator's two taps to reject a
# pair, which is then never proposed again.
PROPOSE_AT: Final[float] = 0.5
LOOK_FIRST: Final[float] = 0.8
MAX_PROPOSALS: Final[int] = 5  # per missing person and search: the best few
CANDIDATES: Final[int] = 200  # people sharing the most keys, compared one by one


@dataclass(frozen=True)
class _Proposal:
    sought: Person
    found: Person
    match: Match


async def propose_for(session: AsyncSession, added: Sequence[Person]) -> int:
    """Looks for possible matches of people just added to the index; returns how many pairs
    were proposed. The caller commits."""
    if not added:
        return 0
    await session.flush()
    year = utcnow().year
    reports = [p for p in added if p.source == PersonSource.MISSING]
    found = [p for p in added if p.source != PersonSource.MISSING]
    proposals = await _for_reports(session, reports, year) if reports else []
    taken = {frozenset((p.sought.id, p.found.id)) for p in proposals}
    if found:
        for proposal in await _for_found(session, found, year):
            if frozenset((proposal.sought.id, proposal.found.id)) not in taken:
                proposals.append(proposal)
    for proposal in proposals:
        await _save(session, proposal)
    if proposals:
        logger.info("%s possible matches proposed", len(proposals))
    return len(proposals)


async def _for_reports(session: AsyncSession, reports: list[Person], year: int) -> list[_Proposal]:
    """Each new report against everyone Koldo knows, through the database index."""
    found: dict[int, list[Person]] = {}
    for report in reports:
        candidates = await person_index.candidates_for(session, report, CANDIDATES)
        found[report.id] = [c.person for c in candidates]
    everyone = {p.id for p in reports} | {c.id for people in found.values() for c in people}
    owners = await matches.owners(session, list(everyone))
    known = await matches.pairs_involving(session, [p.id for p in reports])
    proposals: list[_Proposal] = []
    for sought in reports:
        if not owners[sought.id].open_report:
            continue  # a resolved case gets no proposals
        best = _best(sought, found[sought.id], owners, known, year)
        known.update(frozenset((sought.id, p.found.id)) for p in best)
        proposals += best
    return proposals


async def _for_found(session: AsyncSession, added: list[Person], year: int) -> list[_Proposal]:
    """The people of open missing cases, each searched for among the added people alone."""
    sought_people = await matches.open_missing_people(session)
    if not sought_people:
        return []
    by_position = dict(enumerate(added))
    index = Index([record_of(p, str(i)) for i, p in by_position.items()])
    ids = [p.id for p in sought_people] + [p.id for p in added if p.household_id is not None]
    owners = await matches.owners(session, ids)
    known = await matches.pairs_involving(session, [p.id for p in sought_people])
    proposals: list[_Proposal] = []
    for sought in sought_people:
        candidates = [by_position[int(r.id)] for r in index.candidates(record_of(sought))]
        best = _best(sought, candidates, owners, known, year)
        known.update(frozenset((sought.id, p.found.id)) for p in best)
        proposals += best
    return proposals


def _best(
    sought: Person,
    candidates: Sequence[Person],
    owners: dict[int, Owner],
    known: set[frozenset[int]],
    year: int,
) -> list[_Proposal]:
    """The few best candidates at or above the threshold that may be proposed for `sought`."""
    reporter = owners[sought.id].user_id
    scored: list[_Proposal] = []
    query = record_of(sought)
    for person in candidates:
        if not _may_pair(sought, person, reporter, owners, known):
            continue
        match = score(query, record_of(person), year=year)
        if match.score >= PROPOSE_AT:
            scored.append(_Proposal(sought, person, match))
    scored.sort(key=lambda p: (-p.match.score, p.found.id))
    return scored[:MAX_PROPOSALS]


def _may_pair(
    sought: Person,
    person: Person,
    reporter: int | None,
    owners: dict[int, Owner],
    known: set[frozenset[int]],
) -> bool:
    """Not themselves, nobody of the same case, nobody of the reporter's own reports or
    household, no resolved report, and no pair ever proposed before."""
    if person.id == sought.id or (person.case_id is not None and person.case_id == sought.case_id):
        return False
    owner = owners.get(person.id, Owner(None, False))
    if reporter is not None and owner.user_id == reporter:
        return False
    if person.source == PersonSource.MISSING and not owner.open_report:
        return False
    return frozenset((sought.id, person.id)) not in known


async def _save(session: AsyncSession, proposal: _Proposal) -> None:
    sought, found, match = proposal.sought, proposal.found, proposal.match
    assert sought.case_id is not None
    row = await matches.add(
        session, sought.case_id, sought.id, found.id, match.score, match.reasons
    )
    alerts.schedule(session, AlertKind.MATCH, sought.case_id, utcnow())
    audit.record(
        session,
        "match.proposed",
        subject=f"match:{row.id}",
        details={"case": sought.case_id, "sought": sought.id, "found": found.id},
    )


# --- the coordinator's side ------------------------------------------------------------------


class MatchRefusal(enum.StrEnum):
    """Why a press on a match changed nothing; each has a message `reunion-refused-<value>`."""

    NOT_ALLOWED = "not-allowed"
    DECIDED = "decided"


@dataclass(frozen=True)
class MatchView:
    """A match with everything its card and its disclosure need."""

    match: PersonMatch
    case: Case  # the missing case the match belongs to
    found_case: Case | None  # the other family's report, when the found person is one
    household: Household | None  # the family the found person is safe with

    @property
    def sought(self) -> Person:
        return self.match.sought

    @property
    def found(self) -> Person:
        return self.match.found

    @property
    def undecided(self) -> bool:
        return self.match.status in matches.UNDECIDED


def may_see(user: User | None, case: Case, settings: Settings) -> bool:
    """Coordinators covering the missing case, and admins."""
    return roles.is_staff(user, settings) and roles.covers_case(user, case, settings)


async def allowed_case(
    session: AsyncSession, user: User, settings: Settings, case_id: int
) -> Case | None:
    """A missing case whose matches this person may see; a refusal is audited."""
    case = await queue.by_id(session, case_id)
    if case is not None and case.kind == CaseKind.MISSING and may_see(user, case, settings):
        return case
    await _refused(session, user, f"case-id:{case_id}")
    return None


async def allowed_match(
    session: AsyncSession, user: User, settings: Settings, match_id: int
) -> MatchView | None:
    """The match of a pressed button, read as it is now, if this person may see and decide it;
    a stale or forged id, a family, or a coordinator of other districts gets None (audited)."""
    match = await matches.get(session, match_id)
    view = await view_of(session, match) if match is not None else None
    if view is None or not may_see(user, view.case, settings):
        await _refused(session, user, f"match:{match_id}")
        return None
    return view


async def view_of(session: AsyncSession, match: PersonMatch) -> MatchView | None:
    """A match with its case, and the other report or the household of the found person."""
    case = await queue.by_id(session, match.case_id)
    if case is None:
        return None
    found = match.found
    found_case = await queue.by_id(session, found.case_id) if found.case_id else None
    household = await session.get(Household, found.household_id) if found.household_id else None
    return MatchView(match, case, found_case, household)


async def _refused(session: AsyncSession, user: User, subject: str) -> None:
    audit.record(session, "match.refused", actor_id=user.id, subject=subject)
    await session.commit()
    logger.info("user %s refused %s", user.id, subject)


async def of_case(session: AsyncSession, case: Case) -> list[PersonMatch]:
    return await matches.of_case(session, case.id)


async def count_of_case(session: AsyncSession, case: Case) -> int:
    """How many possible matches a missing case has that were not rejected."""
    return await matches.count_of_case(session, case.id)


async def opened(session: AsyncSession, user: User, view: MatchView) -> None:
    """Looking at two people's details is an access like any other: audited."""
    audit.record(session, "match.opened", actor_id=user.id, subject=f"match:{view.match.id}")
    await session.commit()


async def decide(
    session: AsyncSession,
    user: User,
    view: MatchView,
    status: MatchStatus,
    reject_reason: str | None = None,
) -> MatchRefusal | None:
    """Verify, reject (with a reason) or "not sure": once. A second press, or two coordinators
    at once, change the row once; the view is read again either way."""
    done = await matches.decide(
        session, view.match.id, status, user.id, utcnow(), reject_reason=reject_reason
    )
    if done:
        details = {"case": view.case.code, "reason": reject_reason} if reject_reason else None
        action = f"match.{status.value}"
        audit.record(
            session,
            action,
            actor_id=user.id,
            subject=f"match:{view.match.id}",
            details=details or {"case": view.case.code},
        )
        logger.info("%s %s by %s", action, view.match.id, user.id)
    await session.commit()
    await session.refresh(view.match)
    return None if done else MatchRefusal.DECIDED
