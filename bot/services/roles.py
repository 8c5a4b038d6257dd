"""Who may do what. Every coordinator and admin handler asks here, callbacks included.

Every change that narrows what someone may do (a revoke, a grant with fewer districts or kinds of
need) hands back, in its own transaction, every case they hold and no longer cover
(`hand_back_uncovered`): nobody keeps a family's messages after losing the role.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.ids import telegram_user_id
from bot.services.needs import Need
from storage.models import Case, CaseKind, Role, User, utcnow
from storage.places import Geography
from storage.repositories import alerts, audit, queue, users

logger = logging.getLogger("koldo.roles")
# What a coordinator may be granted: the needs of the needs form, and missing relatives (the
# kind of need of every missing report, bot/services/missing.py).
NEED_KINDS = frozenset({*Need, CaseKind.MISSING.value})


def is_admin(user: User | None, settings: Settings) -> bool:
    return user is not None and (user.id in settings.admin_ids or user.role == Role.ADMIN)


def is_coordinator(user: User | None) -> bool:
    return user is not None and user.role == Role.COORDINATOR


def is_staff(user: User | None, settings: Settings) -> bool:
    return is_admin(user, settings) or is_coordinator(user)


def covers_district(user: User | None, district: str | None, settings: Settings) -> bool:
    """Admins cover everything; a coordinator only the districts granted to them."""
    if is_admin(user, settings):
        return True
    return (
        user is not None
        and user.role == Role.COORDINATOR
        and district is not None
        and district in user.districts
    )


def covers_case(user: User | None, case: Case, settings: Settings) -> bool:
    """Admins see every case; a coordinator the cases of their districts and kinds of need
    (no kinds granted means every kind in their districts). Rumours ("is this true?") are
    for admins and fact-checkers only, from every district."""
    if is_admin(user, settings):
        return True
    if case.kind == CaseKind.RUMOUR:
        return is_coordinator(user) and user is not None and user.fact_checker
    if user is None or not covers_district(user, case.district, settings):
        return False
    return not user.need_kinds or bool(set(user.need_kinds) & set(case.needs))


def may_hold(user: User | None, case: Case, settings: Settings) -> bool:
    """Whether this person may hold the case now: staff who cover it."""
    return is_staff(user, settings) and covers_case(user, case, settings)


class Reach(enum.StrEnum):
    """Why Koldo cannot write to a staff member, each with a message `reach-<value>` saying
    what to ask them to do."""

    NOT_STARTED = "not-started"  # never pressed START: Telegram lets no bot write first
    BLOCKED = "blocked"  # they blocked Koldo (or a 403 said so, bot/services/delivery.py)
    FAILED = "failed"  # Telegram refused one message for another reason


def never_started(user: User | None) -> bool:
    """Whether this person has never sent Koldo anything. No column says it, and none is needed:
    a row made by a grant has no language, no consent and no name, while any update of a staff
    member keeps their Telegram name (bot/services/accounts.py `remember_name`), and a family
    that pressed START chose a language. (Only someone who pressed START as a family, chose no
    language, and was granted a role without writing since, is counted as not started.)"""
    return user is None or (
        user.language is None
        and user.consent_at is None
        and user.first_name is None
        and user.username is None
    )


def unreachable(user: User | None) -> Reach | None:
    """Why Koldo cannot write to this person now, or None when nothing says it cannot."""
    if never_started(user):
        return Reach.NOT_STARTED
    if user is not None and user.blocked:
        return Reach.BLOCKED
    return None


# The word of /grant that makes a coordinator a fact-checker, who also answers rumours.
FACT_CHECKER_WORDS = frozenset({"factchecker", "fact-checker"})


@dataclass(frozen=True)
class GrantRequest:
    user_id: int
    role: Role
    districts: list[str]
    need_kinds: list[str]
    organisation: str | None
    fact_checker: bool = False


def parse_user_id(word: str) -> int | str:
    """A Telegram user id typed by an admin, or the message id saying it is not one."""
    user_id = telegram_user_id(word)
    return "roles-bad-id" if user_id is None else user_id


def parse_grant(args: str) -> GrantRequest | str:
    """`ID ROLE [DISTRICTS] [NEEDS] [ORGANISATION…] [factchecker]`, lists comma-separated, `-`
    for none, the word `factchecker` anywhere after the role; or the message id saying what is
    wrong with it."""
    words = args.split()
    fact_checker = any(word.casefold() in FACT_CHECKER_WORDS for word in words[2:])
    words = words[:2] + [word for word in words[2:] if word.casefold() not in FACT_CHECKER_WORDS]
    if len(words) < 2 or words[1] not in (Role.COORDINATOR, Role.ADMIN):
        return "roles-grant-usage"
    user_id = parse_user_id(words[0])
    if isinstance(user_id, str):
        return user_id

    def listed(index: int) -> list[str]:
        word = words[index] if len(words) > index else "-"
        return [] if word == "-" else [part for part in word.split(",") if part]

    organisation = " ".join(words[4:])[:200] or None
    return GrantRequest(user_id, Role(words[1]), listed(2), listed(3), organisation, fact_checker)


async def staff(session: AsyncSession) -> list[User]:
    return await users.staff(session)


def grant_problem(
    role: Role,
    districts: list[str],
    need_kinds: list[str],
    geography: Geography,
    fact_checker: bool = False,
) -> str | None:
    """What is wrong with a grant, as a message id; None when it can be given. A fact-checker
    may have no district: rumours come from everywhere."""
    if role == Role.FAMILY:
        return "roles-bad-role"
    if any(geography.area(code) is None for code in districts):
        return "roles-bad-district"
    if any(kind not in NEED_KINDS for kind in need_kinds):
        return "roles-bad-need"
    if role == Role.COORDINATOR and not districts and not fact_checker:
        return "roles-no-district"
    return None


@dataclass(frozen=True)
class RoleChange:
    """A role given or taken, and the codes of the cases it handed back to the queue."""

    user: User
    released: list[str] = field(default_factory=list)


async def hand_back(
    session: AsyncSession,
    case: Case,
    settings: Settings,
    *,
    actor_id: int | None,
    reason: str,
    action: str = "case.released",
) -> bool:
    """Puts a held case back in the queue: nobody holds it, its status is new, its coordinators
    are told again as for a new case (an urgent one is raised again in time); audited. One
    conditional UPDATE on the holder seen: False when someone changed the holder meanwhile.
    The case object is read again afterwards, so whoever shows it shows it as it is."""
    holder = case.assignee_id
    if holder is None:
        return False
    await session.flush()
    done = await queue.change_holder(session, case.id, holder, None, utcnow())
    await session.refresh(case)
    if not done:
        return False
    await alerts.case_queued_again(session, case, settings.urgent_escalation_minutes)
    details = {"from": holder, "reason": reason}
    audit.record(session, action, actor_id=actor_id, subject=case.code, details=details)
    logger.info("case %s back in the queue from %s (%s)", case.code, holder, reason)
    return True


async def hand_back_uncovered(
    session: AsyncSession, user: User, settings: Settings, *, actor_id: int | None, reason: str
) -> list[str]:
    """Every open case `user` holds but may no longer hold goes back to the queue, in the
    caller's transaction; the codes of those cases. The one step of every change that narrows
    someone's role."""
    released = []
    for case in await queue.held_by(session, user.id):
        if not may_hold(user, case, settings) and await hand_back(
            session, case, settings, actor_id=actor_id, reason=reason
        ):
            released.append(case.code)
    return released


async def revoke(
    session: AsyncSession, user_id: int, settings: Settings, *, actor_id: int | None
) -> RoleChange | None:
    """Makes a staff member a family member again, handing back the cases they held; audited.
    None when they had no role. The caller commits."""
    user = await users.get(session, user_id)
    if user is None or user.role == Role.FAMILY:
        return None
    before = user.role.value
    user.role, user.organisation, user.districts, user.need_kinds = Role.FAMILY, None, [], []
    user.fact_checker = False
    audit.record(
        session,
        "role.revoked",
        actor_id=actor_id,
        subject=f"user:{user_id}",
        details={"role": before},
    )
    released = await hand_back_uncovered(
        session, user, settings, actor_id=actor_id, reason="role.revoked"
    )
    return RoleChange(user, released)


async def grant(
    session: AsyncSession,
    user_id: int,
    role: Role,
    settings: Settings,
    *,
    actor_id: int | None,
    organisation: str | None = None,
    districts: list[str] | None = None,
    need_kinds: list[str] | None = None,
    fact_checker: bool = False,
) -> RoleChange:
    """Gives a person a role (and what they cover, and for a coordinator whether they check
    rumours: a grant without it takes it away); audited with who granted it. Cases they hold
    and no longer cover (fewer districts or kinds of need) go back to the queue. The caller
    commits."""
    user = await users.assign_role(
        session,
        user_id,
        role,
        organisation=organisation,
        districts=districts,
        need_kinds=need_kinds,
    )
    # Admins answer rumours anyway: the mark is a coordinator's.
    user.fact_checker = fact_checker and role == Role.COORDINATOR
    details: dict[str, object] = {
        "role": role.value,
        "districts": user.districts,
        "need_kinds": user.need_kinds,
    }
    if user.fact_checker:
        details["fact_checker"] = True
    audit.record(
        session, "role.granted", actor_id=actor_id, subject=f"user:{user_id}", details=details
    )
    released = await hand_back_uncovered(
        session, user, settings, actor_id=actor_id, reason="role.granted"
    )
    return RoleChange(user, released)
