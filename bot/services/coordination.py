"""The coordinators' side of a case: the queue, the card, and who holds the case.

Every function that acts on a case asks `roles.covers_case` first: callback data comes from the
phone, and a role or a district can be taken away between two taps. Changes are committed before
anyone is told (see bot/services/accounts.py).
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import Localization
from bot.keyboards import cases as case_keyboards
from bot.services import roles
from bot.services.delivery import deliver
from storage.models import Author, Case, CaseMessage, CaseStatus, Role, User, utcnow
from storage.repositories import audit, queue, users

logger = logging.getLogger("koldo.cases")
PAGE_SIZE = 10
CARD_MESSAGES = 8
OUTCOMES = case_keyboards.OUTCOME_KEYS


class Refusal(enum.StrEnum):
    """Why an action on a case was refused; each has a message `case-refused-<value>`."""

    NOT_ALLOWED = "not-allowed"
    TAKEN = "taken"
    NOT_HELD = "not-held"
    CLOSED = "closed"


@dataclass(frozen=True)
class QueuePage:
    cases: list[Case]
    counts: dict[CaseStatus, int]
    page: int
    has_more: bool


@dataclass(frozen=True)
class CaseView:
    case: Case
    messages: list[CaseMessage] = field(default_factory=list)
    held_by_me: bool = False


def _scope(user: User, settings: Settings) -> ColumnElement[bool]:
    if roles.is_admin(user, settings):
        return queue.coverage(None, None)
    return queue.coverage(user.districts, user.need_kinds or None)


async def queue_page(session: AsyncSession, user: User, settings: Settings, page: int) -> QueuePage:
    scope = _scope(user, settings)
    found = await queue.page(session, scope, page * PAGE_SIZE, PAGE_SIZE + 1)
    counts = await queue.counts(session, scope)
    return QueuePage(list(found[:PAGE_SIZE]), counts, page, len(found) > PAGE_SIZE)


async def allowed_case(
    session: AsyncSession, user: User | None, settings: Settings, case_id: int
) -> Case | None:
    """The case, if this person may see it; a refusal is audited (forged buttons leave a trace)."""
    case = await queue.by_id(session, case_id)
    if (
        case is not None
        and roles.is_staff(user, settings)
        and roles.covers_case(user, case, settings)
    ):
        return case
    audit.record(
        session,
        "case.refused",
        actor_id=user.id if user else None,
        subject=case.code if case else f"case-id:{case_id}",
    )
    await session.commit()
    logger.info("user %s refused case id %s", user.id if user else None, case_id)
    return None


async def open_card(session: AsyncSession, user: User, case: Case) -> CaseView:
    audit.record(session, "case.opened", actor_id=user.id, subject=case.code)
    await session.commit()
    messages = await queue.messages_of(session, case.id, CARD_MESSAGES)
    return CaseView(case, messages, case.assignee_id == user.id)


async def claim(session: AsyncSession, user: User, case: Case) -> Refusal | None:
    if case.status == CaseStatus.RESOLVED:
        return Refusal.CLOSED
    if not await queue.claim(session, case.id, user.id, utcnow()):
        await session.rollback()
        return Refusal.TAKEN
    audit.record(session, "case.claimed", actor_id=user.id, subject=case.code)
    await session.commit()
    await session.refresh(case)
    logger.info("case %s claimed by %s", case.code, user.id)
    return None


async def release(session: AsyncSession, user: User, case: Case) -> Refusal | None:
    if not await queue.change_holder(session, case.id, user.id, None, utcnow()):
        await session.rollback()
        return Refusal.NOT_HELD
    audit.record(session, "case.released", actor_id=user.id, subject=case.code)
    await session.commit()
    await session.refresh(case)
    return None


async def hand_over_candidates(
    session: AsyncSession, user: User, case: Case, settings: Settings
) -> list[User]:
    """Other coordinators and admins who cover the case and still use the bot."""
    staff = await queue.staff_covering(session, (Role.COORDINATOR, Role.ADMIN))
    return [
        other for other in staff if other.id != user.id and roles.covers_case(other, case, settings)
    ]


async def hand_over(
    session: AsyncSession, user: User, case: Case, to: User | None, settings: Settings
) -> Refusal | None:
    if to is None or to.id == user.id or not roles.covers_case(to, case, settings):
        return Refusal.NOT_ALLOWED
    if not await queue.change_holder(session, case.id, user.id, to.id, utcnow()):
        await session.rollback()
        return Refusal.NOT_HELD
    audit.record(
        session, "case.handed_over", actor_id=user.id, subject=case.code, details={"to": to.id}
    )
    await session.commit()
    await session.refresh(case)
    return None


async def set_status(
    session: AsyncSession, user: User, case: Case, status: CaseStatus, outcome: str | None = None
) -> Refusal | None:
    """Waiting for the family, or resolved with an outcome: only by whoever holds the case."""
    if case.assignee_id != user.id or case.status == CaseStatus.RESOLVED:
        return Refusal.NOT_HELD
    case.status = status
    if status == CaseStatus.RESOLVED:
        case.outcome, case.resolved_at = outcome, utcnow()
    details = {"status": status.value, "outcome": outcome} if outcome else {"status": status.value}
    audit.record(session, "case.status", actor_id=user.id, subject=case.code, details=details)
    await session.commit()
    return None


async def add_note(session: AsyncSession, user: User, case: Case, text: str) -> None:
    """An internal note: stored with the case, shown to staff only, never sent to the family."""
    session.add(CaseMessage(case_id=case.id, author=Author.NOTE, sender_id=user.id, text=text))
    audit.record(session, "case.note", actor_id=user.id, subject=case.code)
    await session.commit()


async def tell_family(
    session: AsyncSession, bot: Bot, localization: Localization, case: Case, message_id: str
) -> None:
    """A status change, said to the family in their own language."""
    if case.user_id is None:
        return
    family = await users.get(session, case.user_id)
    t = localization.translator((family.language if family else None) or case.language)
    await deliver(
        session,
        case.user_id,
        bot.send_message(
            case.user_id,
            t(message_id, code=case.code),
            reply_markup=case_keyboards.family_case(t, case.id),
        ),
    )


async def notify_staff(
    session: AsyncSession, bot: Bot, user_id: int, text: str, markup: InlineKeyboardMarkup
) -> None:
    await deliver(session, user_id, bot.send_message(user_id, text, reply_markup=markup))
