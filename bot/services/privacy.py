"""Erasing a person's data on request: personal fields go, anonymous counts stay. The same
erasure of a case serves the retention period (bot/services/retention.py).

The coordinators holding the family's open cases are told, in their own language, that the
family erased their data and the case is closed; the case's card says so from then on (the row
stays, anonymized, with the outcome `erased_by_family`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Localization
from bot.keyboards import cases as case_keyboards
from bot.services.delivery import deliver
from storage.models import CaseStatus, utcnow
from storage.repositories import audit, cases, households, users

ERASED_OUTCOME = "erased_by_family"


@dataclass(frozen=True)
class HeldCase:
    """An open case of the family that a coordinator held when the family erased their data."""

    holder_id: int
    case_id: int
    code: str


@dataclass(frozen=True)
class Erased:
    """What an erasure did: the codes of every case anonymized, those of the cases it closed
    (they were open), and who held which of those."""

    codes: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    held: list[HeldCase] = field(default_factory=list)


async def erase_cases(
    session: AsyncSession,
    case_ids: Sequence[int],
    now: datetime,
    *,
    close_as: str | None = None,
    resolved_before: datetime | None = None,
) -> list[cases.ErasedCase]:
    """The one erasure of a case's personal data, for a family's /erase and for the retention
    period alike (storage.repositories.cases.anonymize says what goes and what stays); the
    households of these cases go too, unless a listing ("we are safe") or another case still
    holding personal data needs them. Returns the cases erased. The caller commits."""
    owners = await cases.owners(session, case_ids)
    erased = await cases.anonymize(
        session, case_ids, now, close_as=close_as, resolved_before=resolved_before
    )
    # The audit of an erased case no longer says whose it was.
    gone = {case.code for case in erased}
    for user_id, code in owners:
        if code in gone:
            await audit.forget_person(session, user_id, [code])
    touched = {case.household_id for case in erased if case.household_id is not None}
    await households.anonymize(session, await households.unneeded(session, touched))
    return erased


async def erase_user(session: AsyncSession, user_id: int) -> Erased:
    """Erases everything personal about one person."""
    own = await cases.of_user(session, user_id)
    open_cases = [c for c in own if c.status != CaseStatus.RESOLVED]
    closed = sorted(case.code for case in open_cases)
    held = [
        HeldCase(case.assignee_id, case.id, case.code)
        for case in open_cases
        if case.assignee_id is not None
    ]
    erased = await erase_cases(session, [c.id for c in own], utcnow(), close_as=ERASED_OUTCOME)
    # Every household of theirs, the listed ones and those of no case too.
    await households.anonymize(session, await households.of_user(session, user_id))
    await users.delete_user(session, user_id)
    await audit.forget_person(session, user_id)
    codes = [case.code for case in erased]
    # The audit keeps that an erasure happened and which anonymous cases it touched, not who.
    audit.record(session, "user.erased", details={"cases": codes})
    await session.commit()
    return Erased(codes, closed, held)


async def tell_holders(
    session: AsyncSession, bot: Bot, localization: Localization, erased: Erased
) -> None:
    """Each coordinator who held one of the family's open cases is told it is closed, with the
    way to its card (which says "erased by the family")."""
    for held in erased.held:
        holder = await users.get(session, held.holder_id)
        t = localization.translator(holder.language if holder else None)
        text = t("case-erased-by-family", code=held.code)
        markup = case_keyboards.open_case(t, held.case_id)
        await deliver(
            session, held.holder_id, bot.send_message(held.holder_id, text, reply_markup=markup)
        )
