"""Rumours families ask "is this true?" about, and the questions (cases of kind rumour) that
share one. A rumour row holds nothing a family wrote: what it is about is read from its cases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.models import (
    Attachment,
    AttachmentKind,
    Author,
    Case,
    CaseKind,
    CaseMessage,
    CaseStatus,
    Rumour,
    User,
    Verdict,
)
from storage.repositories.queue import OPEN_STATUSES

# A question's origin is kept as a system line of its case, so that it goes with the case.
ORIGIN_PREFIX = "forwarded-from\t"


@dataclass(frozen=True)
class AskedRow:
    """An earlier question, as the matcher compares it."""

    rumour_id: int
    forward_key: str | None
    text: str
    photos: frozenset[str]


def is_rumour() -> ColumnElement[bool]:
    return Case.kind == CaseKind.RUMOUR


def not_rumour() -> ColumnElement[bool]:
    return Case.kind != CaseKind.RUMOUR


def one_line_per_rumour() -> ColumnElement[bool]:
    """Of the open questions of one rumour, the queue shows the first: one answer serves all."""
    other = aliased(Case)
    first_open = (
        select(func.min(other.id))
        .where(other.rumour_id == Case.rumour_id, other.status.in_(OPEN_STATUSES))
        .scalar_subquery()
    )
    return or_(not_rumour(), Case.rumour_id.is_(None), Case.id == first_open)


async def get(session: AsyncSession, rumour_id: int, *, lock: bool = False) -> Rumour | None:
    """The rumour as the database has it now; with `lock`, its row is held until the commit, so
    that a question joining it and an answer to it come one after the other."""
    return await session.get(
        Rumour, rumour_id, populate_existing=True, with_for_update=True if lock else None
    )


async def add(session: AsyncSession) -> Rumour:
    rumour = Rumour()
    session.add(rumour)
    await session.flush()
    return rumour


async def asked_since(session: AsyncSession, since: datetime) -> list[AskedRow]:
    """Every question of the rumours asked or answered since `since`, answered ones included
    (a family asking later about one gets its answer)."""
    query = (
        select(Case.id, Case.rumour_id, Case.forward_key, Case.details)
        .join(Rumour, Rumour.id == Case.rumour_id)
        .where(
            is_rumour(),
            Case.user_id.is_not(None),
            or_(Rumour.created_at >= since, Rumour.answered_at >= since),
        )
        .order_by(Case.id)
    )
    rows = (await session.execute(query)).all()
    photos = await _photos_of(session, [row.id for row in rows])
    return [
        AskedRow(row.rumour_id, row.forward_key, row.details or "", photos.get(row.id, frozenset()))
        for row in rows
    ]


async def _photos_of(session: AsyncSession, case_ids: list[int]) -> dict[int, frozenset[str]]:
    if not case_ids:
        return {}
    query = select(Attachment.case_id, Attachment.file_unique_id).where(
        Attachment.case_id.in_(case_ids),
        Attachment.kind == AttachmentKind.PHOTO,
        Attachment.file_unique_id.is_not(None),
    )
    found: dict[int, set[str]] = defaultdict(set)
    for case_id, unique_id in await session.execute(query):
        if unique_id:
            found[case_id].add(unique_id)
    return {case_id: frozenset(ids) for case_id, ids in found.items()}


async def open_question_of(session: AsyncSession, rumour_id: int, user_id: int) -> Case | None:
    """This family's own open question about the rumour, if they asked before."""
    query = select(Case).where(
        Case.rumour_id == rumour_id, Case.user_id == user_id, Case.status.in_(OPEN_STATUSES)
    )
    return await session.scalar(query.order_by(Case.id).limit(1))


async def first_question(session: AsyncSession, rumour_id: int) -> Case | None:
    """The first question of the rumour still kept (an erased family's is not)."""
    query = select(Case).where(Case.rumour_id == rumour_id, Case.user_id.is_not(None))
    return await session.scalar(query.order_by(Case.id).limit(1))


async def photo_of(session: AsyncSession, case_id: int) -> str | None:
    """The file id of the first photo sent with a question."""
    query = select(Attachment.file_id).where(
        Attachment.case_id == case_id, Attachment.kind == AttachmentKind.PHOTO
    )
    return await session.scalar(query.order_by(Attachment.id).limit(1))


def origin_line(kind: str, name: str) -> CaseMessage:
    """Where a forwarded question came from, as its case keeps it."""
    return CaseMessage(author=Author.SYSTEM, text=f"{ORIGIN_PREFIX}{kind}\t{name}")


async def origin_of(session: AsyncSession, case_id: int) -> tuple[str, str] | None:
    """(kind, name) of where a question was forwarded from; None for a question of its own."""
    query = select(CaseMessage.text).where(
        CaseMessage.case_id == case_id,
        CaseMessage.author == Author.SYSTEM,
        CaseMessage.text.startswith(ORIGIN_PREFIX),
    )
    text = await session.scalar(query.order_by(CaseMessage.id).limit(1))
    if text is None:
        return None
    kind, _, name = text.removeprefix(ORIGIN_PREFIX).partition("\t")
    return kind, name


async def families(session: AsyncSession, rumour_id: int) -> int:
    """How many families asked about it (an erased family no longer counts)."""
    query = select(func.count(func.distinct(Case.user_id))).where(
        Case.rumour_id == rumour_id, Case.user_id.is_not(None)
    )
    return int(await session.scalar(query) or 0)


async def open_questions(session: AsyncSession, rumour_id: int) -> Sequence[Case]:
    """The questions still waiting for an answer, of families still here."""
    query = select(Case).where(
        Case.rumour_id == rumour_id, Case.user_id.is_not(None), Case.status.in_(OPEN_STATUSES)
    )
    return (await session.scalars(query.order_by(Case.id))).all()


async def readers(session: AsyncSession, rumour_id: int) -> dict[int, str]:
    """Each family waiting for the answer, and the language they read Koldo in (else the one
    they asked in)."""
    query = (
        select(Case.user_id, User.language, Case.language)
        .join(User, User.id == Case.user_id)
        .where(Case.rumour_id == rumour_id, Case.status.in_(OPEN_STATUSES))
        .order_by(Case.id)
    )
    rows = await session.execute(query)
    return {user_id: chosen or asked for user_id, chosen, asked in rows if user_id is not None}


async def record_answer(
    session: AsyncSession,
    rumour_id: int,
    verdict: Verdict,
    texts: dict[str, str],
    answered_by: int,
    seen: datetime | None,
    now: datetime,
) -> bool:
    """One conditional UPDATE: the answer is recorded only while the rumour is as the staff
    member saw it when they began to answer (not answered, or "not known yet" said at `seen`).
    Of two confirms, pressed twice or by two people, one changes the row."""
    unchanged = Rumour.answered_at.is_(None) if seen is None else Rumour.answered_at <= seen
    result = await session.execute(
        update(Rumour)
        .where(
            Rumour.id == rumour_id,
            or_(Rumour.verdict.is_(None), Rumour.verdict == Verdict.UNKNOWN),
            unchanged,
        )
        .values(verdict=verdict, answer_texts=texts, answered_by=answered_by, answered_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def settle(
    session: AsyncSession, case_ids: Sequence[int], verdict: Verdict, now: datetime
) -> None:
    """The questions answered: resolved with the verdict as outcome; "not known yet" keeps
    them open and says so in their outcome."""
    if not case_ids:
        return
    values: dict[str, object] = {"outcome": verdict.value, "updated_at": now}
    if verdict != Verdict.UNKNOWN:
        values |= {"status": CaseStatus.RESOLVED, "resolved_at": now}
    await session.execute(
        update(Case)
        .where(Case.id.in_(list(case_ids)), Case.status.in_(OPEN_STATUSES))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
