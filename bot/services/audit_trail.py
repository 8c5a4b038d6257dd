"""The audit trail for a data-protection officer (`koldo audit`): who opened, changed, exported
or erased what, from the audit log, with the staff's role and organisation as they are now."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from storage.models import AuditEntry, Role, User
from storage.repositories import audit, cases, users


@dataclass(frozen=True)
class AuditFilters:
    """Every one given must hold."""

    case: str | None = None  # a case code: entries about it, its matches, or naming it
    actor_id: int | None = None
    action: str | None = None  # a prefix: "case." or "export"
    since: datetime | None = None
    until: datetime | None = None  # not included


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    actor_id: int | None  # None: the command line, or Koldo itself
    role: str  # "" for no record (an erased family, or the command line)
    organisation: str
    action: str
    subject: str
    details: dict[str, Any]


@dataclass(frozen=True)
class Trail:
    lines: list[AuditLine]
    case_known: bool  # False when a --case code is no case's


async def trail(session: AsyncSession, settings: Settings, filters: AuditFilters) -> Trail:
    subjects: set[str] = set()
    code = filters.case.strip().upper() if filters.case else None
    known = True
    if code:
        case = await cases.by_code(session, code)
        known = case is not None
        subjects = {code, *(await audit.match_subjects(session, case.id) if case else [])}
    entries = await audit.search(
        session,
        actor_id=filters.actor_id,
        action_prefix=filters.action,
        since=filters.since,
        until=filters.until,
        subjects=subjects,
        mentioning=code,
    )
    if code:
        entries = [e for e in entries if e.subject in subjects or _names(e.details, code)]
    actors = frozenset(e.actor_id for e in entries if e.actor_id is not None)
    people = {user.id: user for user in await users.with_ids(session, actors)}
    return Trail([_line(e, people.get(e.actor_id or 0), settings) for e in entries], known)


def _names(details: dict[str, Any], code: str) -> bool:
    """Whether an entry's details name the case: {"case": CODE} or {"cases": [..., CODE]}."""
    listed = details.get("cases")
    return details.get("case") == code or (isinstance(listed, list) and code in listed)


def _line(entry: AuditEntry, user: User | None, settings: Settings) -> AuditLine:
    return AuditLine(
        at=entry.at,
        actor_id=entry.actor_id,
        role=_role(entry.actor_id, user, settings),
        organisation=(user.organisation or "") if user and user.role != Role.FAMILY else "",
        action=entry.action,
        subject=entry.subject or "",
        details=entry.details or {},
    )


def _role(actor_id: int | None, user: User | None, settings: Settings) -> str:
    if actor_id is not None and actor_id in settings.admin_ids:
        return Role.ADMIN.value
    if user is None:
        return ""
    if user.role == Role.COORDINATOR and user.fact_checker:
        return "coordinator, fact-checker"
    return user.role.value


def details_text(details: dict[str, Any]) -> str:
    """Details for people: key=value, lists with commas, anything deeper as JSON."""
    parts = []
    for key, value in details.items():
        if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
            shown = ",".join(str(v) for v in value)
        elif isinstance(value, dict | list):
            shown = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        elif value is None:
            shown = "-"
        else:
            shown = str(value)
        parts.append(f"{key}={shown}")
    return " ".join(parts)


def details_json(details: dict[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
