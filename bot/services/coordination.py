"""The coordinators' side of a case: the queue, the card, and who holds the case.

Every function that acts on a case asks `roles.covers_case` first: callback data comes from the
phone, and a role or a district can be taken away between two taps. Changes are committed before
anyone is told (see bot/services/accounts.py).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Awaitable
from dataclasses import dataclass, field

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy import ColumnElement, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import Localization
from bot.keyboards import cases as case_keyboards
from bot.services import roles
from bot.services.delivery import deliver
from storage.models import (
    Attachment,
    AttachmentKind,
    Author,
    Case,
    CaseKind,
    CaseMessage,
    CaseStatus,
    Person,
    Role,
    User,
    utcnow,
)
from storage.repositories import audit, people, queue, users
from storage.repositories import rumours as rumour_cases

logger = logging.getLogger("koldo.cases")
PAGE_SIZE = 10
FILES_PAGE = 5  # files sent at a time: a screenful on a phone
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
    # An admin looking at a case someone else holds: they may take it over, release it or hand
    # it over.
    can_take_over: bool = False
    # Of a missing report: the person sought, as the family described them.
    sought: Person | None = None
    # How many files (photos, voice notes, documents, locations) the case has: the card offers
    # to send them.
    files: int = 0


@dataclass(frozen=True)
class FilesPage:
    """Some of a case's files, in the order they came: `first` is the number of the first one
    (from 1) of `total`."""

    files: list[Attachment]
    page: int
    first: int
    total: int

    @property
    def has_more(self) -> bool:
        return self.first - 1 + len(self.files) < self.total


@dataclass(frozen=True)
class Change:
    """What a claim, release or hand-over did: refused (and why), or made. `taken_from` names
    whoever held the case when an admin took it over from them, so that they can be told."""

    refusal: Refusal | None = None
    taken_from: int | None = None


def _scope(user: User, settings: Settings) -> ColumnElement[bool]:
    """The open cases this person sees (as roles.covers_case decides for one case): admins
    every case, a coordinator those of their districts and kinds of need, and rumours too if
    they check them. A rumour asked by many families is one line: its first open question."""
    if roles.is_admin(user, settings):
        seen = queue.coverage(None, None)
    else:
        seen = and_(
            rumour_cases.not_rumour(), queue.coverage(user.districts, user.need_kinds or None)
        )
        if roles.is_coordinator(user) and user.fact_checker:
            seen = or_(seen, rumour_cases.is_rumour())
    return and_(seen, rumour_cases.one_line_per_rumour())


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


async def open_card(session: AsyncSession, user: User, case: Case, settings: Settings) -> CaseView:
    audit.record(session, "case.opened", actor_id=user.id, subject=case.code)
    await session.commit()
    messages = await queue.messages_of(session, case.id, CARD_MESSAGES)
    held_by_me = case.assignee_id == user.id
    can_take_over = (
        case.assignee_id is not None
        and not held_by_me
        and case.status != CaseStatus.RESOLVED
        and roles.is_admin(user, settings)
    )
    sought = await people.sought_in(session, case.id) if case.kind == CaseKind.MISSING else None
    files = await queue.attachment_count(session, case.id)
    return CaseView(case, messages, held_by_me, can_take_over, sought, files)


async def files_page(session: AsyncSession, user: User, case: Case, page: int) -> FilesPage:
    """A page of the case's files for whoever may see the card (the caller checked); audited
    like opening the card, since they are the family's own photos and voice."""
    audit.record(session, "case.files", actor_id=user.id, subject=case.code, details={"page": page})
    await session.commit()
    total = await queue.attachment_count(session, case.id)
    found = await queue.attachments_of(session, case.id, page * FILES_PAGE, FILES_PAGE)
    return FilesPage(list(found), page, page * FILES_PAGE + 1, total)


async def send_file(
    session: AsyncSession, bot: Bot, chat_id: int, file: Attachment, caption: str
) -> bool:
    """One of a case's files, sent by its Telegram file id as the family sent it (a location as
    a map pin); False when Telegram refused it (a file id it no longer knows)."""
    if file.kind == AttachmentKind.LOCATION:
        if file.latitude is None or file.longitude is None:
            return False
        call: Awaitable[object] = bot.send_location(chat_id, file.latitude, file.longitude)
    elif file.file_id is None:
        return False
    elif file.kind == AttachmentKind.PHOTO:
        call = bot.send_photo(chat_id, file.file_id, caption=caption)
    elif file.kind == AttachmentKind.VOICE:
        call = bot.send_voice(chat_id, file.file_id, caption=caption)
    elif file.kind == AttachmentKind.AUDIO:
        call = bot.send_audio(chat_id, file.file_id, caption=caption)
    elif file.kind == AttachmentKind.VIDEO:
        call = bot.send_video(chat_id, file.file_id, caption=caption)
    else:
        call = bot.send_document(chat_id, file.file_id, caption=caption)
    return await deliver(session, chat_id, call) is not None


async def _refused(session: AsyncSession, case: Case, refusal: Refusal) -> Change:
    """A conditional UPDATE that changed nothing: the transaction ends without a rollback (a
    rollback would expire every object the card reads next), and the case is read again so
    that the card shown with the refusal is the case as it is now."""
    await session.commit()
    await session.refresh(case)
    return Change(refusal)


async def _made(
    session: AsyncSession,
    case: Case,
    user: User,
    action: str,
    holder: int | None,
    **details: object,
) -> Change:
    """Audits a change that was made (a take-over when an admin took someone else's case),
    commits it, and reads the case again."""
    taken_from = holder if holder is not None and holder != user.id else None
    if taken_from is not None:
        details = {"from": taken_from, "as": action, **details}
        action = "case.taken_over"
    audit.record(session, action, actor_id=user.id, subject=case.code, details=details or None)
    await session.commit()
    await session.refresh(case)
    logger.info("%s %s by %s", action, case.code, user.id)
    return Change(None, taken_from)


async def _may_take(session: AsyncSession, person: User, case: Case, settings: Settings) -> bool:
    """Whether `person` may be given the case, by their role as the database has it now (their
    row held until the commit: a revoke that comes meanwhile waits, then hands the case back)."""
    return roles.may_hold(await users.current(session, person.id, lock=True), case, settings)


async def claim(session: AsyncSession, user: User, case: Case, settings: Settings) -> Change:
    """Takes a case nobody holds; an admin may also take over a case someone else holds. A
    rumour is answered for all its families at once (bot/services/rumours.py), never held."""
    if case.status == CaseStatus.RESOLVED:
        return Change(Refusal.CLOSED)
    if case.kind == CaseKind.RUMOUR:
        return Change(Refusal.NOT_ALLOWED)
    if not await _may_take(session, user, case, settings):
        return await _refused(session, case, Refusal.NOT_ALLOWED)
    holder, now = case.assignee_id, utcnow()
    if holder is None:
        done = await queue.claim(session, case.id, user.id, now)
    elif holder != user.id and roles.is_admin(user, settings):
        done = await queue.change_holder(session, case.id, holder, user.id, now)
    else:
        done = False
    if not done:
        return await _refused(session, case, Refusal.TAKEN)
    return await _made(session, case, user, "case.claimed", holder)


async def release(session: AsyncSession, user: User, case: Case, settings: Settings) -> Change:
    """Back to the queue, by whoever holds the case, or by an admin whoever holds it."""
    holder = case.assignee_id
    if holder is None or (holder != user.id and not roles.is_admin(user, settings)):
        return await _refused(session, case, Refusal.NOT_HELD)
    taken = holder != user.id
    if not await roles.hand_back(
        session,
        case,
        settings,
        actor_id=user.id,
        reason="take-over" if taken else "released",
        action="case.taken_over" if taken else "case.released",
    ):
        return await _refused(session, case, Refusal.NOT_HELD)
    await session.commit()
    return Change(None, holder if taken else None)


async def hand_over_candidates(
    session: AsyncSession, user: User, case: Case, settings: Settings
) -> list[User]:
    """Other coordinators and admins who cover the case and still use the bot."""
    staff = await queue.staff_covering(session, (Role.COORDINATOR, Role.ADMIN))
    return [
        other
        for other in staff
        if other.id not in (user.id, case.assignee_id) and roles.covers_case(other, case, settings)
    ]


async def hand_over(
    session: AsyncSession, user: User, case: Case, to: User | None, settings: Settings
) -> Change:
    """To another coordinator who covers the case, by whoever holds it, or by an admin."""
    holder = case.assignee_id
    if to is None or to.id == holder or not roles.may_hold(to, case, settings):
        return Change(Refusal.NOT_ALLOWED)
    if holder is None or (holder != user.id and not roles.is_admin(user, settings)):
        return await _refused(session, case, Refusal.NOT_HELD)
    if not await _may_take(session, to, case, settings):
        return await _refused(session, case, Refusal.NOT_ALLOWED)
    if not await queue.change_holder(session, case.id, holder, to.id, utcnow()):
        return await _refused(session, case, Refusal.NOT_HELD)
    return await _made(session, case, user, "case.handed_over", holder, to=to.id)


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


async def tell_taken_over(
    session: AsyncSession, bot: Bot, localization: Localization, case: Case, previous_id: int
) -> None:
    """The coordinator an admin took a case from is told, in their own language."""
    await tell_staff(session, bot, localization, previous_id, "case-taken-from-you", case)


async def tell_staff(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    user_id: int,
    message_id: str,
    case: Case,
) -> None:
    """A staff member told something about a case (`message_id` takes its code), in their own
    language, with the way to their queue."""
    person = await users.get(session, user_id)
    t = localization.translator(person.language if person else None)
    text = t(message_id, code=case.code)
    await notify_staff(session, bot, user_id, text, case_keyboards.to_queue(t))
