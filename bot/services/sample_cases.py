"""Made-up cases for the demo: a few weeks of requests in Batken region with no family behind
them, so that the queue, `koldo export figures --demo` and the reports have something to show.

Made from a fixed seed: the same codes every time, so `koldo demo` adds them once. They carry no
phone, village, position or text, like cases whose family erased its data; some are erased.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.codes import ALPHABET, CODE_LENGTH
from bot.services.needs import Need, Vulnerability, priority_for
from bot.services.privacy import ERASED_OUTCOME
from storage.models import Case, CaseKind, CaseStatus, Household, Priority
from storage.repositories import cases

SEED = 2022
COUNT = 220
DAYS = 35  # five weeks back from the day the demo is first started
RECENT_SHARE = 0.25  # the rest came in the first days, when families fled
DISTRICTS: tuple[tuple[str | None, int], ...] = (
    ("batken-district", 34),
    ("leilek-district", 22),
    ("kadamjay-district", 16),
    ("batken-town", 12),
    ("kyzyl-kiya-town", 7),
    ("sulukta-town", 4),
    ("osh-city", 3),
    (None, 2),  # a case sent before the district was asked: "unknown" in the figures
)
NEEDS: tuple[tuple[Need, int], ...] = (
    (Need.FOOD_WATER, 30),
    (Need.SHELTER, 22),
    (Need.MEDICAL, 18),
    (Need.CLOTHES_HYGIENE, 10),
    (Need.CASH, 8),
    (Need.DAMAGED_PROPERTY, 6),
    (Need.PSYCHOLOGICAL, 5),
    (Need.DOCUMENTS, 4),
    (Need.TRANSPORT, 4),
    (Need.LEGAL, 2),
)
VULNERABLE: tuple[tuple[Vulnerability, float], ...] = (
    (Vulnerability.YOUNG_CHILDREN, 0.35),
    (Vulnerability.ELDERLY, 0.25),
    (Vulnerability.CHRONIC_ILLNESS, 0.15),
    (Vulnerability.PREGNANT, 0.1),
    (Vulnerability.DISABLED, 0.08),
)
OUTCOMES: tuple[tuple[str, int], ...] = (
    ("helped", 70),
    ("referred", 20),
    ("unreachable", 6),
    ("duplicate", 4),
)
MISSING_SHARE = 0.08
ERASED_SHARE = 0.06


T = TypeVar("T")


def _pick(rng: random.Random, weighted: Sequence[tuple[T, int]]) -> T:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def sample_cases(now: datetime, coordinator_id: int | None = None) -> list[Case]:
    """The demo's cases as of `now`; open ones in progress are held by `coordinator_id`."""
    rng = random.Random(SEED)
    made = []
    for _ in range(COUNT):
        code = "".join(rng.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if rng.random() < RECENT_SHARE:
            days = rng.uniform(0.1, 10.0)
        else:
            days = rng.triangular(7.0, DAYS, DAYS * 0.75)
        created = now - timedelta(days=days)
        district = _pick(rng, DISTRICTS)
        case = Case(
            code=code,
            language=rng.choices(["ky", "ru"], [7, 3])[0],
            district=district,
            created_at=created,
            updated_at=created,
        )
        if rng.random() < MISSING_SHARE:
            case.kind, case.needs, case.vulnerabilities = CaseKind.MISSING, ["missing"], []
            case.priority = Priority.URGENT if rng.random() < 0.4 else Priority.HIGH
        else:
            _needs_of(rng, case)
        _progress(rng, case, now, coordinator_id)
        made.append(case)
    return made


def _needs_of(rng: random.Random, case: Case) -> None:
    needs: list[Need] = []
    for _ in range(rng.choices([1, 2, 3], [5, 3, 1])[0]):
        need = _pick(rng, NEEDS)
        if need not in needs:
            needs.append(need)
    vulnerable = [v for v, share in VULNERABLE if rng.random() < share]
    size = max(1, min(12, round(rng.gauss(5, 2.2))))
    case.kind = CaseKind.NEEDS
    case.needs, case.vulnerabilities = [str(n) for n in needs], [str(v) for v in vulnerable]
    case.priority = priority_for(needs, vulnerable)
    case.household_size = size
    case.household = Household(user_id=None, size=size, district=case.district)


def _progress(rng: random.Random, case: Case, now: datetime, coordinator_id: int | None) -> None:
    """Where the case is now: older ones mostly resolved, the newest mostly new."""
    age_days = (now - case.created_at).total_seconds() / 86400
    responded = case.created_at + timedelta(hours=min(72.0, rng.lognormvariate(1.8, 0.9)))
    resolved = responded + timedelta(days=rng.uniform(0.3, 9.0))
    if resolved < now and rng.random() < min(0.9, age_days / 12):
        case.status, case.first_response_at, case.resolved_at = (
            CaseStatus.RESOLVED,
            responded,
            resolved,
        )
        case.outcome = _pick(rng, OUTCOMES)
    elif responded > now or rng.random() < (0.7 if age_days < 2 else 0.25) or not case.district:
        # (No coordinator covers an unknown district: such a case waits in the admins' queue.)
        case.status = CaseStatus.NEW
    else:
        case.status = rng.choices([CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FAMILY], [3, 1])[0]
        case.assignee_id = coordinator_id
        case.claimed_at = responded - timedelta(minutes=10)
        case.first_response_at = responded
    if rng.random() < ERASED_SHARE:
        # The family erased its data: after the resolution, or closing the case then.
        since = case.resolved_at or case.created_at
        erased = since + (now - since) * rng.uniform(0.1, 1.0)
        if case.status != CaseStatus.RESOLVED:
            case.status, case.outcome, case.resolved_at = (
                CaseStatus.RESOLVED,
                ERASED_OUTCOME,
                erased,
            )
            case.assignee_id = None
        case.erased_at = erased


async def load_sample_cases(
    session: AsyncSession, now: datetime, coordinator_id: int | None = None
) -> int:
    """Adds the demo's cases unless they are there already; how many it added. Committed."""
    made = sample_cases(now, coordinator_id)
    if await cases.code_taken(session, made[0].code):
        return 0
    added = 0
    for case in made:
        if not await cases.code_taken(session, case.code):
            session.add(case)
            added += 1
    await session.commit()
    return added
