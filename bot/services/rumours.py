"""'Is this true?': a family's question about a rumour, the rumour it joins, and one answer for
every family that asked.

A question is a case of kind rumour, made once per submission key like every form's case. It
joins a rumour asked or answered in the last WINDOW when the matcher (bot/matching/rumours.py,
pure) finds it the same post, picture or words; else it starts a new one, and only then are the
admins and fact-checkers alerted. A question about a rumour already answered true or false gets
the answer at once and is resolved; one about a rumour "not known yet" is told so and stays open.

An answer is recorded by one conditional UPDATE (pressed twice, or by two people at once, it is
given once), then every family still waiting is told in its own language, the explanation in the
default language standing in for one left empty (as broadcasts do). Families are told after the
commit; a crash in the middle of telling leaves the rest untold (their questions show the answer
in My cases all the same).
"""

from __future__ import annotations

import enum
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiogram import Bot
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import LOCALES, Settings
from bot.i18n import Localization
from bot.matching.rumours import Asked, Question, best_rumour
from bot.screens import rumours as screens
from bot.services import roles
from bot.services.broadcasts import text_in
from bot.services.delivery import deliver
from bot.services.forms import DraftAttachment, FormDraft, unused_code
from storage.models import (
    AlertKind,
    Attachment,
    Case,
    CaseKind,
    CaseStatus,
    Priority,
    Rumour,
    User,
    Verdict,
    utcnow,
)
from storage.repositories import alerts, audit, submissions, users
from storage.repositories import rumours as repo

logger = logging.getLogger("koldo.rumours")

WINDOW = timedelta(days=14)
MAX_TEXT = 8000  # what a family sends, all messages together (a whole post and their words)
MAX_PHOTOS = 5
MAX_EXPLANATION = 1000  # per language: the answer, its verdict and source fit one message
OPEN_VERDICTS = (None, Verdict.UNKNOWN)


class OriginKind(enum.StrEnum):
    """Where a forwarded message came from (Telegram's MessageOrigin types)."""

    CHANNEL = "channel"
    GROUP = "group"  # a group's own post (an anonymous admin)
    PERSON = "person"
    HIDDEN = "hidden"  # a person who hides their account when forwarded


@dataclass(frozen=True)
class Origin:
    kind: OriginKind
    name: str
    # "<chat id>:<message id>" of a channel's or group's post: the same post forwarded again
    # joins the same rumour.
    key: str | None = None


class Problem(enum.StrEnum):
    """Why a message was not added to the question; each has a hint `rumour-hint-<value>`."""

    NOTHING = "nothing"  # no words, no photo (a sticker, a voice note, dots)
    TOO_LONG = "too-long"
    TOO_MANY_PHOTOS = "too-many-photos"


class RumourDraft(FormDraft):
    """What a family sent so far (FSM storage): their words and forwarded texts, one a line,
    photos, and where the first forwarded message came from."""

    text: str = ""
    photos: list[DraftAttachment] = Field(default_factory=list)
    forward_key: str | None = None
    origin: OriginKind | None = None
    origin_name: str | None = None

    @property
    def has_content(self) -> bool:
        return bool(self.text or self.photos)


def added(
    draft: RumourDraft, text: str, photo: DraftAttachment | None, origin: Origin | None
) -> RumourDraft | Problem:
    """The draft with one more message; a message that would break a limit changes nothing."""
    text = text.strip()
    if not photo and not any(ch.isalnum() for ch in text):
        return Problem.NOTHING
    combined = f"{draft.text}\n{text}" if draft.text and text else draft.text or text
    if len(combined) > MAX_TEXT:
        return Problem.TOO_LONG
    photos = draft.photos
    if photo is not None:
        if len(photos) >= MAX_PHOTOS:
            return Problem.TOO_MANY_PHOTOS
        photos = [*photos, photo]
    changes: dict[str, object] = {"text": combined, "photos": photos}
    if origin is not None and draft.origin is None:
        changes |= {"origin": origin.kind, "origin_name": origin.name[:200]}
        changes["forward_key"] = origin.key
    return draft.model_copy(update=changes)


def question_of(draft: RumourDraft) -> Question:
    return Question(
        draft.text, draft.forward_key, frozenset(p.file_unique_id for p in draft.photos)
    )


# --- a family asks ------------------------------------------------------------------------


@dataclass(frozen=True)
class AskResult:
    case: Case
    # What the family reads at once: the answer given, or that it is not known yet.
    answer: str | None = None
    # The family had asked this before: `case` is their earlier, still open question.
    before: bool = False


async def ask(
    session: AsyncSession,
    user: User,
    draft: RumourDraft,
    language: str,
    localization: Localization,
    settings: Settings,
) -> AskResult:
    """The family's question as a case of its rumour, committed; sending the same draft again
    finds the case it made."""
    existing = await submissions.case_for(session, draft.submission_key)
    if existing is not None:
        rumour = await rumour_of(session, existing)
        return AskResult(
            existing, await _answer_for(session, localization, settings, rumour, language)
        )
    rumour = await _matching_rumour(session, question_of(draft))
    if rumour is not None and rumour.verdict in OPEN_VERDICTS:
        earlier = await repo.open_question_of(session, rumour.id, user.id)
        if earlier is not None:
            await session.commit()
            return AskResult(earlier, None, before=True)
    new = rumour is None
    if rumour is None:
        rumour = await repo.add(session)
    verdict = rumour.verdict

    async def build() -> Case:
        return _case_of(await unused_code(session), user, draft, language, rumour, verdict)

    def created(case: Case) -> None:
        audit.record(session, "case.created", actor_id=user.id, subject=case.code)
        if new:  # a question joining a rumour already known alerts nobody again
            alerts.schedule(session, AlertKind.NEW_CASE, case.id, utcnow())

    case = await submissions.add_once(session, draft.submission_key, build, created)
    await session.commit()
    logger.info("rumour question %s by %s (rumour %s, new %s)", case.code, user.id, rumour.id, new)
    answer = await _answer_for(session, localization, settings, rumour, language)
    return AskResult(case, answer)


async def _matching_rumour(session: AsyncSession, question: Question) -> Rumour | None:
    """The rumour the question is about, held until the commit (an answer being given to it
    meanwhile comes before or after, never between)."""
    rows = await repo.asked_since(session, utcnow() - WINDOW)
    earlier = [Asked(r.rumour_id, Question(r.text, r.forward_key, r.photos)) for r in rows]
    rumour_id = best_rumour(question, earlier)
    return None if rumour_id is None else await repo.get(session, rumour_id, lock=True)


def _case_of(
    code: str,
    user: User,
    draft: RumourDraft,
    language: str,
    rumour: Rumour,
    verdict: Verdict | None,
) -> Case:
    case = Case(
        code=code,
        kind=CaseKind.RUMOUR,
        user_id=user.id,
        language=language,
        # A rumour can send people onto a closed road: above the normal cases.
        priority=Priority.HIGH,
        details=draft.text or None,
        rumour_id=rumour.id,
        forward_key=draft.forward_key,
        attachments=[
            Attachment(
                kind=p.kind, file_id=p.file_id, file_unique_id=p.file_unique_id, caption=p.caption
            )
            for p in draft.photos
        ],
    )
    if draft.origin is not None:
        case.messages = [repo.origin_line(draft.origin.value, draft.origin_name or "")]
    if verdict is not None:  # answered before this family asked
        case.outcome = verdict.value
    if verdict in (Verdict.TRUE, Verdict.FALSE):
        case.status, case.resolved_at = CaseStatus.RESOLVED, utcnow()
    return case


async def rumour_of(session: AsyncSession, case: Case) -> Rumour | None:
    """The rumour a question belongs to; None once its family erased their data."""
    return None if case.rumour_id is None else await repo.get(session, case.rumour_id)


async def _answer_for(
    session: AsyncSession,
    localization: Localization,
    settings: Settings,
    rumour: Rumour | None,
    language: str,
) -> str | None:
    """The answer so far as a reader of `language` reads it; None before any answer."""
    if rumour is None or rumour.verdict is None:
        return None
    t = localization.translator(language)
    answerer = await answerer_of(session, rumour)
    explanation = text_in(rumour.answer_texts, language, settings)
    source = screens.source_of(t, answerer.organisation if answerer else None)
    return screens.answer_body(t, rumour.verdict, explanation, source)


async def answerer_of(session: AsyncSession, rumour: Rumour) -> User | None:
    """The staff member who answered last (their organisation is the answer's source)."""
    return await users.get(session, rumour.answered_by) if rumour.answered_by else None


async def answer_of(
    session: AsyncSession, localization: Localization, settings: Settings, case: Case, language: str
) -> str | None:
    """The answer to a family's question as they read it in My cases."""
    rumour = await rumour_of(session, case)
    return await _answer_for(session, localization, settings, rumour, language)


# --- staff answer ---------------------------------------------------------------------------


def may_answer(user: User | None, case: Case, settings: Settings) -> bool:
    """Admins, and coordinators who check rumours (roles.covers_case)."""
    return case.kind == CaseKind.RUMOUR and roles.may_hold(user, case, settings)


def answer_languages(settings: Settings) -> tuple[str, ...]:
    """The order the explanation is asked in: the default language first (it may not be
    skipped: the others fall back to it), then the others."""
    default = settings.default_locale
    return (default, *(language for language in LOCALES if language != default))


def source_text(organisation: str | None, localization: Localization) -> str:
    """Who checked, as a safety update's source line says it to every language."""
    if organisation:
        return organisation
    return localization.translator(localization.default_locale)("rumour-source")


async def card_view(
    session: AsyncSession, user: User, case: Case, settings: Settings
) -> tuple[screens.CardView, str | None]:
    """The rumour card of a question, and the file id of the first photo sent with it."""
    rumour = await rumour_of(session, case)
    first = await repo.first_question(session, rumour.id) if rumour else None
    shown = first or case
    origin = await repo.origin_of(session, shown.id)
    photo = await repo.photo_of(session, shown.id)
    verdict = rumour.verdict if rumour else None
    audit.record(session, "case.opened", actor_id=user.id, subject=case.code)
    await session.commit()
    view = screens.CardView(
        case=case,
        first=first,
        origin=origin,
        has_photo=photo is not None,
        families=await repo.families(session, rumour.id) if rumour else 0,
        verdict=verdict,
        can_answer=rumour is not None and verdict in OPEN_VERDICTS,
        can_broadcast=roles.is_admin(user, settings) and verdict in (Verdict.TRUE, Verdict.FALSE),
    )
    return view, photo


class AnswerDraft(BaseModel):
    """A staff member's answer while they write it (FSM storage)."""

    case: int
    verdict: Verdict
    texts: dict[str, str] = Field(default_factory=dict)
    language: str  # the language being written now
    # When the rumour was last answered ("not known yet") as they began: a confirm after
    # someone else answered meanwhile changes nothing.
    seen: datetime | None = None


async def refused(session: AsyncSession, user: User, case: Case, action: str) -> None:
    """A press this person may not make (a forged or stale button): audited, nothing done."""
    audit.record(
        session, "case.refused", actor_id=user.id, subject=case.code, details={"action": action}
    )
    await session.commit()
    logger.info("user %s refused %s on case %s", user.id, action, case.code)


@dataclass(frozen=True)
class Preview:
    bodies: dict[str, str]  # language -> the answer as its families read it
    readers: dict[str, int]  # language -> families waiting who read it


async def preview(
    session: AsyncSession,
    localization: Localization,
    settings: Settings,
    staff: User,
    case: Case,
    verdict: Verdict,
    texts: dict[str, str],
) -> Preview:
    readers = await repo.readers(session, case.rumour_id) if case.rumour_id else {}
    counts = Counter(readers.values())
    bodies: dict[str, str] = {}
    for language in LOCALES:
        t = localization.translator(language)
        source = screens.source_of(t, staff.organisation)
        bodies[language] = screens.answer_body(
            t, verdict, text_in(texts, language, settings), source
        )
    return Preview(bodies, {language: counts.get(language, 0) for language in LOCALES})


@dataclass(frozen=True)
class Answered:
    families: int = 0
    told: int = 0
    already: bool = False  # someone answered first (or this was confirmed before)
    codes: list[str] = field(default_factory=list)


async def answer(
    session: AsyncSession,
    bot: Bot,
    localization: Localization,
    settings: Settings,
    staff_id: int,
    case: Case,
    verdict: Verdict,
    texts: dict[str, str],
    seen: datetime | None,
) -> Answered | None:
    """Answers the rumour of `case` for every family still waiting, each in its language; None
    when this person may not (their role read again now)."""
    staff = await users.current(session, staff_id)
    if staff is None or not may_answer(staff, case, settings) or case.rumour_id is None:
        return None
    rumour_id, now = case.rumour_id, utcnow()
    written: dict[str, str] = {k: v.strip() for k, v in texts.items() if k in LOCALES and v.strip()}
    if not await repo.record_answer(session, rumour_id, verdict, written, staff.id, seen, now):
        await session.commit()
        return Answered(already=True)
    waiting = await repo.open_questions(session, rumour_id)
    readers = await repo.readers(session, rumour_id)
    await repo.settle(session, [q.id for q in waiting], verdict, now)
    codes = [q.code for q in waiting]
    audit.record(
        session,
        "rumour.answered",
        actor_id=staff.id,
        subject=f"rumour:{rumour_id}",
        details={"verdict": verdict.value, "cases": codes},
    )
    await session.commit()
    logger.info(
        "rumour %s answered %s by %s: %d questions", rumour_id, verdict, staff.id, len(codes)
    )
    first_code: dict[int, str] = {}
    for question in waiting:
        if question.user_id is not None:
            first_code.setdefault(question.user_id, question.code)
    told = 0
    for user_id, code in first_code.items():
        language = readers.get(user_id) or settings.default_locale
        t = localization.translator(language)
        body = screens.answer_body(
            t,
            verdict,
            text_in(written, language, settings),
            screens.source_of(t, staff.organisation),
        )
        screen = screens.family_answer(t, code, body)
        send = bot.send_message(user_id, screen.text, reply_markup=screen.markup)
        if await deliver(session, user_id, send) is not None:
            told += 1
    return Answered(len(first_code), told, codes=codes)
