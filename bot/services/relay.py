"""Messages between a family and the coordinator holding their case, through the bot.

Relays are copies (copyMessage), never forwards: the family never sees the coordinator's own
account, and the coordinator sees the family only as the case. Every relayed message is stored
with the case, and every message the bot sends is linked to its case, so that a reply to it
reaches that case even when another one is open.

Who holds the case, and whether they still have the role and cover the case, is read again at
the moment of sending, both ways: a role can be taken away between two taps, or by another
replica during this very update. A holder who lost it never receives the family's message; the
case goes back to the queue with the message (bot/services/roles.py, `hand_back`).
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from aiogram import Bot
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.keyboards import cases as case_keyboards
from bot.services import roles
from bot.services.delivery import deliver
from storage.models import (
    Attachment,
    AttachmentKind,
    Author,
    Case,
    CaseMessage,
    CaseStatus,
    User,
    utcnow,
)
from storage.repositories import alerts, audit, queue, users

logger = logging.getLogger("koldo.relay")
CANNED = case_keyboards.CANNED_KEYS
MAX_TEXT = 4000
MAX_PLACE = 300


class FamilyOutcome(enum.StrEnum):
    DELIVERED = "delivered"  # the coordinator holding the case has it
    QUEUED = "queued"  # nobody holds the case: it waits in the queue with the message


@dataclass(frozen=True)
class FamilySent:
    """What became of a family's message, and whether it opened their closed case again (they
    are told so, and so is the coordinator holding it)."""

    outcome: FamilyOutcome
    reopened: bool = False

    @property
    def delivered(self) -> bool:
        return self.outcome == FamilyOutcome.DELIVERED


class Sent(enum.StrEnum):
    """What became of a coordinator's message to a family."""

    SENT = "sent"
    UNREACHABLE = "unreachable"  # the family blocked Koldo or erased their data; it is stored
    NOT_HELD = "not-held"  # the coordinator no longer holds the case or lost the role: not sent


@dataclass(frozen=True)
class Content:
    """What a message carries, without Telegram types, as it is stored with the case."""

    text: str | None
    kind: AttachmentKind | None = None
    file_id: str | None = None
    file_unique_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None


def content_of(message: Message) -> Content | None:
    """The storable content of a message; None for what is not relayed (stickers, polls…)."""
    text = (message.text or message.caption or "")[:MAX_TEXT] or None
    if message.location is not None:
        location = message.location
        return Content(
            None, AttachmentKind.LOCATION, None, None, location.latitude, location.longitude
        )
    if message.photo:
        largest = message.photo[-1]
        return Content(text, AttachmentKind.PHOTO, largest.file_id, largest.file_unique_id)
    for kind in (
        AttachmentKind.VOICE,
        AttachmentKind.AUDIO,
        AttachmentKind.VIDEO,
        AttachmentKind.DOCUMENT,
    ):
        media = getattr(message, kind.value)
        if media is not None:
            return Content(text, kind, media.file_id, media.file_unique_id)
    if message.text:
        return Content(text)
    return None


def _store(
    session: AsyncSession, case: Case, author: Author, sender: int, content: Content
) -> None:
    stored = CaseMessage(case_id=case.id, author=author, sender_id=sender, text=content.text)
    if content.kind is not None:
        stored.attachments.append(
            Attachment(
                case_id=case.id,
                kind=content.kind,
                file_id=content.file_id,
                file_unique_id=content.file_unique_id,
                latitude=content.latitude,
                longitude=content.longitude,
            )
        )
    session.add(stored)


async def _family_translator(
    session: AsyncSession, localization: Localization, case: Case
) -> Translator:
    family = await users.get(session, case.user_id) if case.user_id else None
    return localization.translator((family.language if family else None) or case.language)


def _mark_first_response(case: Case) -> None:
    if case.first_response_at is None:
        case.first_response_at = utcnow()


async def still_holds(
    session: AsyncSession, case: Case, coordinator: User, settings: Settings
) -> bool:
    """Whether the coordinator holds the open case and may hold it, as the database says now
    (both are read again). A holder who may not is relieved of the case, committed."""
    await session.refresh(case)
    holder = await _holder_now(session, case, settings)
    await session.commit()
    return (
        holder is not None
        and holder.id == coordinator.id
        and case.assignee_id == coordinator.id
        and case.status != CaseStatus.RESOLVED
    )


async def to_family(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    case: Case,
    coordinator: User,
    message: Message,
    content: Content,
) -> Sent:
    """A coordinator's message, copied to the family, if they still hold the case."""
    if not await still_holds(session, case, coordinator, settings):
        logger.info("case %s: %s no longer holds it, nothing sent", case.code, coordinator.id)
        return Sent.NOT_HELD
    _store(session, case, Author.COORDINATOR, coordinator.id, content)
    _mark_first_response(case)
    await session.commit()
    if case.user_id is None:
        return Sent.UNREACHABLE
    t = await _family_translator(session, localization, case)
    copied = await deliver(
        session,
        case.user_id,
        bot.copy_message(
            case.user_id,
            message.chat.id,
            message.message_id,
            reply_markup=case_keyboards.family_reply(t, case.id),
        ),
    )
    if copied is None:
        return Sent.UNREACHABLE
    queue.link(session, case.user_id, copied.message_id, case.id)
    await session.commit()
    logger.info("case %s: coordinator %s wrote to the family", case.code, coordinator.id)
    return Sent.SENT


async def canned_to_family(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    case: Case,
    coordinator: User,
    key: str,
    place: str = "",
) -> Sent:
    """A ready reply, written in the family's own language whatever the coordinator's, if they
    still hold the case."""
    if not await still_holds(session, case, coordinator, settings):
        return Sent.NOT_HELD
    t = await _family_translator(session, localization, case)
    text = t(f"canned-{key}", code=case.code, place=place)
    _store(session, case, Author.COORDINATOR, coordinator.id, Content(text))
    _mark_first_response(case)
    audit.record(
        session, "case.canned", actor_id=coordinator.id, subject=case.code, details={"key": key}
    )
    await session.commit()
    if case.user_id is None:
        return Sent.UNREACHABLE
    sent = await deliver(
        session,
        case.user_id,
        bot.send_message(case.user_id, text, reply_markup=case_keyboards.family_reply(t, case.id)),
    )
    if sent is None:
        return Sent.UNREACHABLE
    queue.link(session, case.user_id, sent.message_id, case.id)
    await session.commit()
    return Sent.SENT


async def _holder_now(session: AsyncSession, case: Case, settings: Settings) -> User | None:
    """Whoever holds the case, if they may still hold it, read from the database now. A holder
    who lost the role or the coverage is relieved of the case: it goes back to the queue."""
    if case.assignee_id is None:
        return None
    holder = await users.current(session, case.assignee_id)
    if roles.may_hold(holder, case, settings):
        return holder
    await roles.hand_back(session, case, settings, actor_id=None, reason="holder-may-not-hold")
    return None


async def from_family(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    case: Case,
    family: User,
    message: Message,
    content: Content,
) -> FamilySent:
    """A family's message: stored, the case reopened if it was resolved, and copied to whoever
    holds the case under a header with its code (saying it is open again, if it was closed),
    if they still may hold it; otherwise the case goes back to the queue with the message, and
    a reopened case nobody holds is announced to its coordinators again."""
    _store(session, case, Author.FAMILY, family.id, content)
    reopened = case.status == CaseStatus.RESOLVED
    if reopened:
        audit.record(session, "case.reopened", actor_id=family.id, subject=case.code)
        case.resolved_at, case.outcome = None, None
        if case.assignee_id is None:
            await alerts.case_queued_again(session, case, settings.urgent_escalation_minutes)
    if case.status != CaseStatus.NEW:
        case.status = CaseStatus.IN_PROGRESS if case.assignee_id else CaseStatus.NEW
    holder = await _holder_now(session, case, settings)
    await session.commit()
    queued = FamilySent(FamilyOutcome.QUEUED, reopened)
    if holder is None or case.assignee_id is None:
        return queued
    t = localization.translator(holder.language)
    header = await deliver(
        session,
        case.assignee_id,
        bot.send_message(
            case.assignee_id,
            t("relay-reopened-by-family" if reopened else "relay-from-family", code=case.code),
            reply_markup=case_keyboards.open_case(t, case.id),
        ),
    )
    if header is None:
        return queued
    copied = await deliver(
        session,
        case.assignee_id,
        bot.copy_message(case.assignee_id, message.chat.id, message.message_id),
    )
    queue.link(session, case.assignee_id, header.message_id, case.id)
    if copied is not None:
        queue.link(session, case.assignee_id, copied.message_id, case.id)
    await session.commit()
    logger.info("case %s: the family wrote to coordinator %s", case.code, case.assignee_id)
    return FamilySent(FamilyOutcome.DELIVERED, reopened)


async def replied_case(session: AsyncSession, message: Message) -> Case | None:
    """The case of the bot's message this message replies to, if it was a relayed one."""
    replied = message.reply_to_message
    if replied is None:
        return None
    return await queue.linked_case(session, message.chat.id, replied.message_id)
