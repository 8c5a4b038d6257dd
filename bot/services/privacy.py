"""Erasing a person's data on request: personal fields go, anonymous counts stay.

The coordinators holding the family's open cases are told, in their own language, that the
family erased their data and the case is closed; the case's card says so from then on (the row
stays, anonymized, with the outcome `erased_by_family`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Localization
from bot.keyboards import cases as case_keyboards
from bot.services.delivery import deliver
from storage.models import CaseStatus
from storage.repositories import audit, cases, people, rumours, users

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


async def erase_user(session: AsyncSession, user_id: int) -> Erased:
    """Erases everything personal about one person."""
    open_cases = [
        c for c in await cases.of_user(session, user_id) if c.status != CaseStatus.RESOLVED
    ]
    closed = sorted(case.code for case in open_cases)
    held = [
        HeldCase(case.assignee_id, case.id, case.code)
        for case in open_cases
        if case.assignee_id is not None
    ]
    # First, while their households and cases still name them: the person index forgets
    # everyone they told Koldo about, and whom they were looking for.
    await people.delete_for_user(session, user_id)
    # Their questions leave the rumours they shared with other families: the counts drop, and
    # a later question is never grouped by what they wrote.
    await rumours.forget_user(session, user_id)
    codes = await cases.anonymize_for_user(session, user_id, ERASED_OUTCOME)
    await users.delete_user(session, user_id)
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
