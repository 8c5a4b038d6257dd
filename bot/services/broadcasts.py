"""Verified safety updates: who receives one, how it reads in each language, and the workers that
deliver it at Telegram's rate without losing or repeating a message.

Who: everyone who started the bot, narrowed by the audience (districts, languages, coordinators,
a radius). Consent is not asked first: a safety update uses nothing of a family but the chat
Telegram opened, and a family that stopped at the consent screen is in as much danger as one
that agreed. People who blocked Koldo are written as unreachable at once.

How fast: one rate for every worker of every process (`KOLDO_BROADCAST_RATE`, 28/s of Telegram's
30/s, the rest left for the bot's own replies), shared through Redis when configured. Sends are
spaced evenly (each takes the next free slot), so nothing bursts past Telegram's bucket. A 429
pauses every worker for its retry_after; 5xx and network errors are tried again with backoff;
a 403 marks the person unreachable (users.blocked), never retried.

Nothing lost, nothing twice: each delivery's state is written right after its send. A worker
killed between a send and its record leaves that one delivery pending; it is sent again once
its lease ran out (README, "Broadcasts"): at most `KOLDO_BROADCAST_SENDERS` messages per worker.

The admin who sent one from the bot (handlers/broadcast.py) follows it in one progress message,
edited every few seconds by whichever process moves `progress_at` on first (a conditional
UPDATE), and gets one final report (`reported_at`, set likewise). A process that dies between
setting `reported_at` and sending leaves that report unsent: never two reports, at worst none.
"""

from __future__ import annotations

import asyncio
import enum
import html
import logging
import os
import secrets
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from datetime import time as day_time
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, Field, ValidationError
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import LOCALES, REGION_TIME, Settings
from bot.i18n import Localization, Translator
from bot.ids import is_person_chat
from bot.services.polling import end_if_cancelled, nap, still_running
from storage.models import Broadcast, BroadcastStatus, Delivery, DeliveryState, Role, utcnow
from storage.places import distance_km
from storage.repositories import audit, users
from storage.repositories import broadcasts as repo

if TYPE_CHECKING:
    from aiogram import Bot

# aiogram is imported where it is used: `koldo broadcast list|status|cancel` start without it.
logger = logging.getLogger("koldo.broadcasts")

CAPTION_LIMIT = 1024  # Telegram's limit for a photo's caption
TEXT_LIMIT = 4096
MAX_ATTEMPTS = 6  # 5xx and network errors; then the delivery failed
BATCH = 8  # deliveries claimed at once by one sender
LEASE = timedelta(seconds=15)  # a claim another worker may take over once it ran out
SEND_TIMEOUT = 10  # seconds; well within the lease, renewed before each send
POLL_SECONDS = 1.0  # how often an idle worker looks for work and for due broadcasts
PER_CHAT_SECONDS = 1.0  # Telegram: at most one message per second in a chat
CATCH_UP_SECONDS = 0.2  # slots a late sender may still use (see MemoryPace)
PROGRESS_SECONDS = 3.0  # how often the admin's progress message is edited, by one process


# ---- the audience ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Near:
    latitude: float
    longitude: float
    km: float


@dataclass(frozen=True)
class Audience:
    """An absent criterion does not narrow; those given narrow together."""

    districts: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    coordinators: bool = False
    near: Near | None = None

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if self.districts:
            found["districts"] = list(self.districts)
        if self.languages:
            found["languages"] = list(self.languages)
        if self.coordinators:
            found["coordinators"] = True
        if self.near is not None:
            found["near"] = [self.near.latitude, self.near.longitude, self.near.km]
        return found

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Audience:
        near = data.get("near")
        return cls(
            districts=tuple(data.get("districts") or ()),
            languages=tuple(data.get("languages") or ()),
            coordinators=bool(data.get("coordinators")),
            near=Near(*map(float, near)) if near else None,
        )

    def takes(
        self, reader: repo.Reader, place: repo.Whereabouts | None, settings: Settings
    ) -> bool:
        """Whether this audience includes `reader` as they are now: the language they read
        Koldo in, their role, and the district and position they gave last (`place`). The
        engine asks it for everyone a broadcast starts with, the safety updates screen for
        the person who opens it."""
        language = reader.language or settings.default_locale
        if self.languages and language not in self.languages:
            return False
        if self.coordinators and not _is_staff(reader.role, reader.id, settings):
            return False
        if self.districts and (place is None or place.district not in self.districts):
            return False
        if self.near is not None:
            near = self.near
            if place is None or place.latitude is None or place.longitude is None:
                return False
            km = distance_km(place.latitude, place.longitude, near.latitude, near.longitude)
            if km > near.km:
                return False
        return True


@dataclass(frozen=True)
class Recipient:
    chat_id: int
    language: str
    reachable: bool


def _is_staff(role: Role, user_id: int, settings: Settings) -> bool:
    return role != Role.FAMILY or user_id in settings.admin_ids


async def recipients(
    session: AsyncSession, audience: Audience, settings: Settings
) -> list[Recipient]:
    """Everyone the audience takes, each in the language they read Koldo in."""
    places = await repo.whereabouts(session) if audience.districts or audience.near else {}
    found: list[Recipient] = []
    for reader in await repo.readers(session):
        if audience.takes(reader, places.get(reader.id), settings):
            language = reader.language or settings.default_locale
            found.append(Recipient(reader.id, language, not reader.blocked))
    return found


def per_language(found: Sequence[Recipient]) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(LOCALES, 0)
    for recipient in found:
        counts[recipient.language] = counts.get(recipient.language, 0) + 1
    return counts


# ---- writing one ------------------------------------------------------------------------------

DATE_FORMAT = "%d.%m.%Y %H:%M"
MAX_ROW_ID = 2**31 - 1  # an INTEGER id on PostgreSQL (bot/callbacks.py checks buttons alike)


@dataclass(frozen=True)
class Draft:
    texts: dict[str, str]
    source: str
    audience: Audience = Audience()
    urgent: bool = False
    scheduled_at: datetime | None = None  # None: now
    photo_file_id: str | None = None
    location: tuple[float, float] | None = None
    created_by: int | None = None
    # The update this one corrects, and when that one went out (its readers are told).
    corrects_id: int | None = None
    corrects_at: datetime | None = None
    # Made when an admin starts composing in the bot: a second Send finds the first one.
    submission_key: str | None = None
    # The admin's chat for the progress message and the final report (None: the command line).
    progress_chat_id: int | None = None


def problems(draft: Draft, settings: Settings, localization: Localization) -> list[str]:
    """Message ids (locales/en/broadcast.ftl) of what keeps the draft from being sent."""
    found: list[str] = []
    if not draft.texts.get(settings.default_locale, "").strip():
        found.append("broadcast-problem-no-default-text")
    if not draft.source.strip():
        found.append("broadcast-problem-no-source")
    if too_long(draft, settings, localization):
        found.append("broadcast-problem-too-long")
    return found


def limit_of(draft: Draft) -> int:
    return CAPTION_LIMIT if draft.photo_file_id else TEXT_LIMIT


def too_long(draft: Draft, settings: Settings, localization: Localization) -> bool:
    """Whether the message of some language, as its readers get it, is over Telegram's limit."""
    limit = limit_of(draft)
    return any(
        len(
            render(
                draft.texts,
                draft.source,
                draft.urgent,
                language,
                settings,
                localization,
                corrects=draft.corrects_at,
            )
        )
        > limit
        for language in LOCALES
    )


def text_in(texts: dict[str, str], language: str, settings: Settings) -> str:
    """The admin's text in this language, or in the default locale's when left empty."""
    return (texts.get(language) or "").strip() or texts.get(settings.default_locale, "").strip()


def falls_back(texts: dict[str, str], language: str, settings: Settings) -> bool:
    """Whether readers of this language get the default locale's text (none of their own)."""
    return language != settings.default_locale and not (texts.get(language) or "").strip()


def local_date(moment: datetime) -> str:
    """A moment as people of the region read it: day and time of Kyrgyzstan."""
    return moment.astimezone(REGION_TIME).strftime(DATE_FORMAT)


def render(
    texts: dict[str, str],
    source: str,
    urgent: bool,
    language: str,
    settings: Settings,
    localization: Localization,
    *,
    corrects: datetime | None = None,
) -> str:
    """The message as a reader of `language` gets it (HTML): the admin's own words as they
    wrote them, and the source line under them. A correction says first which update it
    corrects (`corrects`: when that one went out)."""
    t = localization.translator(language)
    body = html.escape(text_in(texts, language, settings))
    parts = [t("broadcast-corrects", date=local_date(corrects))] if corrects else []
    parts += [t("broadcast-urgent")] if urgent else []
    parts += [body, t("broadcast-source", source=html.escape(source.strip()))]
    return "\n\n".join(parts)


def went_out_at(broadcast: Broadcast) -> datetime:
    """When an update reached (or reaches) people: its start, else its scheduled time."""
    return broadcast.started_at or broadcast.scheduled_at


async def corrected_at(session: AsyncSession, corrects_id: int | None) -> datetime | None:
    """When the update a correction corrects went out; None when there is none (any more)."""
    if corrects_id is None or not 0 < corrects_id <= MAX_ROW_ID:
        return None
    corrected = await repo.get(session, corrects_id)
    return went_out_at(corrected) if corrected is not None else None


async def create(session: AsyncSession, draft: Draft) -> Broadcast:
    """Saved as scheduled (for now or later); `start_due` or a worker writes its recipients."""
    audience = draft.audience.to_json()
    if draft.submission_key:
        audience[SUBMISSION] = draft.submission_key
    broadcast = Broadcast(
        texts={k: v.strip() for k, v in draft.texts.items() if v.strip()},
        source=draft.source.strip(),
        audience=audience,
        urgent=draft.urgent,
        scheduled_at=draft.scheduled_at or utcnow(),
        photo_file_id=draft.photo_file_id,
        latitude=draft.location[0] if draft.location else None,
        longitude=draft.location[1] if draft.location else None,
        created_by=draft.created_by,
        corrects_id=draft.corrects_id,
        progress_chat_id=draft.progress_chat_id,
    )
    await repo.add(session, broadcast)
    audit.record(
        session,
        "broadcast.created",
        actor_id=draft.created_by,
        subject=f"broadcast:{broadcast.id}",
    )
    await session.commit()
    logger.info("broadcast %s created", broadcast.id)
    return broadcast


# The draft's submission key is kept in the audience JSON (no column of its own): an absent key
# of the audience does not narrow it, and Audience.from_json reads only its own keys.
SUBMISSION = "submission"


async def submitted(session: AsyncSession, created_by: int, key: str) -> Broadcast | None:
    """What an admin's draft with this key made, if it was sent."""
    return await repo.submitted(session, created_by, key)


async def create_once(session: AsyncSession, draft: Draft) -> tuple[Broadcast, bool]:
    """The broadcast of a confirmed draft, made once per submission key: a second Send (a
    double tap, an old preview, a retry after a lost answer) finds the first. Also whether it
    was made now. An admin's updates are handled one at a time (bot/middlewares/turns.py), on
    every replica; on PostgreSQL the admin's row is locked as well, so that two transactions
    of one admin never both find nothing."""
    assert draft.submission_key and draft.created_by is not None
    await repo.lock_author(session, draft.created_by)
    found = await repo.submitted(session, draft.created_by, draft.submission_key)
    if found is not None:
        await session.commit()  # the lock goes
        return found, False
    return await create(session, draft), True


# ---- composing in the bot ---------------------------------------------------------------------


class AudienceKind(enum.StrEnum):
    """Whom an update composed in the bot goes to: one choice, as the composer asks it."""

    EVERYONE = "everyone"
    DISTRICTS = "districts"
    LANGUAGES = "languages"
    COORDINATORS = "coordinators"
    NEAR = "near"


MIN_KM, MAX_KM = 0.1, 500.0
KM_CHOICES = (5, 10, 25, 50)
SOURCE_LIMIT = 200  # characters: a name, not a paragraph (the column holds 300)


class ComposeDraft(BaseModel):
    """An update being composed in the bot, kept in FSM storage (so Redis keeps it across
    restarts and replicas). Its key ties its buttons to it and makes Send idempotent."""

    key: str = Field(default_factory=lambda: secrets.token_hex(8))
    texts: dict[str, str] = Field(default_factory=dict)
    photo_file_id: str | None = None
    location: tuple[float, float] | None = None
    source: str = ""
    audience: AudienceKind | None = None
    districts: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    point: tuple[float, float] | None = None
    km: float | None = None
    urgent: bool | None = None
    corrects_id: int | None = None
    # True while one answer is changed from the preview: the step returns to it.
    editing: bool = False

    def audience_of(self) -> Audience:
        if self.audience == AudienceKind.DISTRICTS:
            return Audience(districts=tuple(self.districts))
        if self.audience == AudienceKind.LANGUAGES:
            return Audience(languages=tuple(self.languages))
        if self.audience == AudienceKind.COORDINATORS:
            return Audience(coordinators=True)
        if self.audience == AudienceKind.NEAR and self.point and self.km:
            return Audience(near=Near(self.point[0], self.point[1], self.km))
        return Audience()

    def draft(
        self,
        *,
        created_by: int | None = None,
        corrects_at: datetime | None = None,
        scheduled_at: datetime | None = None,
    ) -> Draft:
        return Draft(
            texts=dict(self.texts),
            source=self.source,
            audience=self.audience_of(),
            urgent=bool(self.urgent),
            scheduled_at=scheduled_at,
            photo_file_id=self.photo_file_id,
            location=self.location,
            created_by=created_by,
            corrects_id=self.corrects_id if corrects_at else None,
            corrects_at=corrects_at,
            submission_key=self.key,
            progress_chat_id=created_by,
        )


def parse_km(text: str) -> float | None:
    """A radius typed by an admin ("10", "7.5", "7,5 km", in Cyrillic too), None unless from
    MIN_KM to MAX_KM."""
    cleaned = text.strip().lower().removesuffix("km").removesuffix("\u043a\u043c").strip()
    try:
        km = float(cleaned.replace(",", "."))
    except ValueError:
        return None
    return km if MIN_KM <= km <= MAX_KM else None


class BadTimeError(ValueError):
    """A time that is not one (`past` False), or one that has passed (`past` True)."""

    def __init__(self, past: bool) -> None:
        super().__init__("the time has passed" if past else "not a time")
        self.past = past


def parse_time(text: str, now: datetime, zone: tzinfo | None = None) -> datetime:
    """An ISO time (without a zone: `zone`'s, by default this computer's), or HH:MM today; in
    UTC. Both `koldo broadcast send --at` and the composer's typed time read it here."""
    text = text.strip()
    try:
        if ":" in text and len(text) <= 5:
            today = now.astimezone(zone).date()
            at = datetime.combine(today, day_time.fromisoformat(text.zfill(5)))
            at = at.replace(tzinfo=zone) if zone else at.astimezone()
        else:
            at = datetime.fromisoformat(text)
            if at.tzinfo is None:
                at = at.replace(tzinfo=zone) if zone else at.astimezone()
    except ValueError:
        raise BadTimeError(past=False) from None
    at = at.astimezone(UTC)
    if at < now - timedelta(minutes=1):
        raise BadTimeError(past=True)
    return at


class ScheduleChoice(enum.StrEnum):
    IN_1_HOUR = "1h"
    IN_3_HOURS = "3h"
    TOMORROW_MORNING = "tomorrow"


MORNING = day_time(8, 0)


def scheduled_for(choice: ScheduleChoice, now: datetime) -> datetime:
    """The time a schedule button stands for: in 1 or 3 hours, or tomorrow 08:00 in the
    region."""
    if choice == ScheduleChoice.IN_1_HOUR:
        return now + timedelta(hours=1)
    if choice == ScheduleChoice.IN_3_HOURS:
        return now + timedelta(hours=3)
    tomorrow = now.astimezone(REGION_TIME).date() + timedelta(days=1)
    return datetime.combine(tomorrow, MORNING, tzinfo=REGION_TIME).astimezone(UTC)


def submission_of(broadcast: Broadcast) -> str | None:
    key = broadcast.audience.get(SUBMISSION)
    return str(key) if key else None


async def cancel(session: AsyncSession, broadcast_id: int, actor_id: int | None) -> bool:
    """Stops a scheduled or running broadcast, audited and committed; False when it had
    already ended."""
    if not await repo.cancel(session, broadcast_id, utcnow()):
        return False
    subject = f"broadcast:{broadcast_id}"
    audit.record(session, "broadcast.cancelled", actor_id=actor_id, subject=subject)
    await session.commit()
    logger.info("broadcast %s cancelled", broadcast_id)
    return True


def is_finished(broadcast: Broadcast) -> bool:
    return broadcast.status in (BroadcastStatus.DONE, BroadcastStatus.CANCELLED)


async def find(session: AsyncSession, broadcast_id: int) -> Broadcast | None:
    if not 0 < broadcast_id <= MAX_ROW_ID:
        return None
    return await repo.get(session, broadcast_id)


async def follow(session: AsyncSession, broadcast_id: int, message_id: int) -> None:
    """The admin's progress message, edited from now on by the workers; committed."""
    await repo.set_progress_message(session, broadcast_id, message_id)
    await session.commit()


async def refused(session: AsyncSession, user_id: int, subject: str) -> None:
    """A press on a broadcast button by someone who may not, or on a broadcast that is not
    there: audited (ids only) and committed."""
    audit.record(session, "broadcast.refused", actor_id=user_id, subject=subject)
    await session.commit()
    logger.info("user %s refused %s", user_id, subject)


async def latest(session: AsyncSession, limit: int) -> list[tuple[Broadcast, int]]:
    """The newest broadcasts, each with how many messages of it were sent so far."""
    found = []
    for broadcast in await repo.newest(session, limit):
        counts = await repo.counts(session, broadcast.id)
        sent = sum(states.get(DeliveryState.SENT, 0) for states in counts.values())
        found.append((broadcast, sent))
    return found


async def start_due(
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    now: datetime | None = None,
) -> list[int]:
    """Starts every scheduled broadcast whose time has come: its recipients written once."""
    started: list[int] = []
    async with session_factory() as session:
        due = await repo.due_to_start(session, now or utcnow())
    for broadcast_id in due:
        async with session_factory() as session:
            broadcast = await repo.get(session, broadcast_id)
            if broadcast is None:
                continue
            found = await recipients(session, Audience.from_json(broadcast.audience), settings)
            rows = [(r.chat_id, r.language, r.reachable) for r in found]
            if await repo.start(session, broadcast_id, rows, utcnow()):
                await session.commit()
                started.append(broadcast_id)
                logger.info("broadcast %s started for %s recipients", broadcast_id, len(rows))
    return started


# ---- progress ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    broadcast: Broadcast
    by_language: dict[str, dict[DeliveryState, int]]
    rate: float  # messages per second over the last RATE_WINDOW

    def total(self, state: DeliveryState) -> int:
        return sum(states.get(state, 0) for states in self.by_language.values())

    @property
    def left(self) -> int:
        return self.total(DeliveryState.PENDING)

    @property
    def seconds_to_finish(self) -> float | None:
        if self.left == 0:
            return 0.0
        return self.left / self.rate if self.rate > 0 else None


RATE_WINDOW = timedelta(seconds=10)


async def progress(session: AsyncSession, broadcast_id: int) -> Progress | None:
    broadcast = await repo.get(session, broadcast_id)
    if broadcast is None:
        return None
    by_language = await repo.counts(session, broadcast_id)
    now = utcnow()
    since = max(now - RATE_WINDOW, broadcast.started_at or now)
    seconds = (now - since).total_seconds()
    sent = await repo.sent_since(session, broadcast_id, since) if seconds > 0 else 0
    return Progress(broadcast, by_language, sent / seconds if seconds > 0 else 0.0)


# ---- the rate, shared by every worker ----------------------------------------------------------


class Pace(Protocol):
    async def slot(self, messages: int, paid: bool) -> float:
        """Takes the next free send slot(s); returns how many seconds to wait for them."""

    async def pause(self, seconds: float) -> None:
        """Telegram said 429: no worker sends before `seconds` from now."""

    async def chat_free(self, chat_id: int) -> bool:
        """Whether nothing was sent to this chat in the last second (and books it if so)."""


class MemoryPace:
    """One process: slots spaced 1/rate apart. A sender that fell behind (a slow database
    write) may catch up on CATCH_UP_SECONDS of slots, no more: idle time is not saved up, so
    the rate never bursts past Telegram's bucket."""

    def __init__(self, rate: float, paid_rate: float) -> None:
        self._interval = {False: 1 / rate, True: 1 / paid_rate}
        self._next = {False: 0.0, True: 0.0}
        self._paused_until = 0.0
        self._chats: dict[int, float] = {}

    async def slot(self, messages: int, paid: bool) -> float:
        now = time.monotonic()
        start = max(self._next[paid], now - CATCH_UP_SECONDS, self._paused_until)
        self._next[paid] = start + self._interval[paid] * messages
        return max(0.0, start - now)

    async def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    async def chat_free(self, chat_id: int) -> bool:
        now = time.monotonic()
        if self._chats.get(chat_id, 0.0) > now:
            return False
        if len(self._chats) > 10_000:
            self._chats = {c: until for c, until in self._chats.items() if until > now}
        self._chats[chat_id] = now + PER_CHAT_SECONDS
        return True


# Redis' own clock for every process, in microseconds; the next free slot moves on atomically.
_SLOT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local start = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now - tonumber(ARGV[3]),
                       tonumber(redis.call('GET', KEYS[2]) or '0'))
local after = start + tonumber(ARGV[1]) * tonumber(ARGV[2])
redis.call('SET', KEYS[1], string.format('%d', after),
           'PX', math.floor((after - now) / 1000) + 60000)
return math.max(0, start - now)
"""
_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local until_ = now + tonumber(ARGV[1])
if until_ > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%d', until_),
             'PX', math.floor(tonumber(ARGV[1]) / 1000) + 1000)
end
return 0
"""


class RedisPace:
    """Every process of a deployment: the same slots, pause and per-chat marks, in Redis."""

    def __init__(self, redis: Redis, prefix: str, rate: float, paid_rate: float) -> None:
        self._redis = redis
        self._prefix = f"{prefix}:broadcast"
        self._interval_us = {False: 1_000_000 / rate, True: 1_000_000 / paid_rate}
        self._slot = redis.register_script(_SLOT)
        self._pause = redis.register_script(_PAUSE)

    async def slot(self, messages: int, paid: bool) -> float:
        keys = [f"{self._prefix}:next:{'paid' if paid else 'free'}", f"{self._prefix}:pause"]
        args = [self._interval_us[paid], messages, int(CATCH_UP_SECONDS * 1_000_000)]
        waited = await self._slot(keys=keys, args=args)
        return int(waited) / 1_000_000

    async def pause(self, seconds: float) -> None:
        await self._pause(keys=[f"{self._prefix}:pause"], args=[int(seconds * 1_000_000)])

    async def chat_free(self, chat_id: int) -> bool:
        key = f"{self._prefix}:chat:{chat_id}"
        return bool(await self._redis.set(key, 1, nx=True, px=int(PER_CHAT_SECONDS * 1000)))


def open_pace(settings: Settings, redis: Redis | None) -> Pace:
    if redis is None:
        return MemoryPace(settings.broadcast_rate, settings.paid_broadcast_rate)
    return RedisPace(
        redis, settings.redis_prefix, settings.broadcast_rate, settings.paid_broadcast_rate
    )


def create_broadcast_bot(settings: Settings) -> Bot:
    """A bot session of its own for broadcasts, without the retrying middleware of replies:
    the worker handles 429 and server errors itself, for every worker at once."""
    from aiogram import Bot
    from aiogram.client.default import DefaultBotProperties
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.enums import ParseMode

    from bot.middlewares.response_types import KeepResponseTypes
    from bot.session import JsonSession

    session = JsonSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    session.middleware(KeepResponseTypes())
    return Bot(
        settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


# ---- the worker -------------------------------------------------------------------------------


@dataclass
class Outcome:
    state: DeliveryState
    attempted: bool = True
    retry_in: float | None = None
    message_id: int | None = None
    error: str | None = None


@dataclass
class Worker:
    """Sends pending deliveries until stopped. Run one per process (`koldo run` does, and
    `koldo broadcast work`); they share the work through the deliveries table."""

    session_factory: async_sessionmaker[AsyncSession]
    bot: Bot
    localization: Localization
    settings: Settings
    pace: Pace
    name: str = field(default_factory=lambda: f"{os.getpid()}-{uuid.uuid4().hex[:8]}")
    lease: timedelta = LEASE
    poll_seconds: float = POLL_SECONDS
    progress_seconds: float = PROGRESS_SECONDS
    sent: int = 0  # messages this worker recorded as sent
    _broadcasts: dict[int, Broadcast] = field(default_factory=dict)
    # When the update a cached broadcast corrects went out (None: it corrects none).
    _corrects: dict[int, datetime | None] = field(default_factory=dict)

    async def run_until(self, stop: asyncio.Event) -> None:
        """Until `stop` is set; the send under way is finished and recorded, what was claimed
        and not sent is given back for another worker."""
        senders = [
            self._sender(f"{self.name}-{n}", stop) for n in range(self.settings.broadcast_senders)
        ]
        await asyncio.gather(self._scheduler(stop), *senders)

    async def _scheduler(self, stop: asyncio.Event) -> None:
        while still_running(stop):
            try:
                await start_due(self.session_factory, self.settings)
                async with self.session_factory() as session:
                    done = await repo.finish_done(session, utcnow())
                    await session.commit()
                for broadcast_id in done:
                    logger.info("broadcast %s done", broadcast_id)
            except Exception as error:  # a database hiccup must not end the loop
                logger.error("broadcast schedule failed with %s", type(error).__name__)
            try:
                await self.tell_admins()
            except Exception as error:
                logger.error("broadcast progress failed with %s", type(error).__name__)
            await nap(stop, self.poll_seconds)

    async def tell_admins(self, now: datetime | None = None) -> None:
        """Edits the progress messages due for it and sends the final reports due, each by the
        one process whose conditional UPDATE moved progress_at (or set reported_at) first."""
        now = now or utcnow()
        async with self.session_factory() as session:
            editing = await repo.claim_progress(
                session, now, timedelta(seconds=self.progress_seconds)
            )
            reporting = await repo.claim_reports(session, now)
            await session.commit()
        for broadcast_id in editing:
            await self._edit_progress(broadcast_id)
        for broadcast_id in reporting:
            await self._report(broadcast_id)

    async def _admin_view(self, broadcast_id: int) -> tuple[Progress, Translator] | None:
        """The figures of a broadcast and the translator of the admin who follows it."""
        async with self.session_factory() as session:
            current = await progress(session, broadcast_id)
            if current is None or current.broadcast.progress_chat_id is None:
                return None
            admin = await users.get(session, current.broadcast.progress_chat_id)
        return current, self.localization.translator(admin.language if admin else None)

    async def _edit_progress(self, broadcast_id: int) -> bool:
        """One edit of the progress message; True unless Telegram asked to retry later."""
        from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter

        from bot.screens import broadcast as screens

        found = await self._admin_view(broadcast_id)
        if found is None or found[0].broadcast.progress_message_id is None:
            return True
        current, t = found
        broadcast = current.broadcast
        await asyncio.sleep(await self.pace.slot(1, paid=False))  # edits count to the rate too
        try:
            await self.bot.edit_message_text(
                text=screens.progress_text(t, current),
                chat_id=broadcast.progress_chat_id,
                message_id=broadcast.progress_message_id,
                request_timeout=SEND_TIMEOUT,
            )
        except TelegramRetryAfter as error:
            logger.info("progress of broadcast %s: 429, this round skipped", broadcast_id)
            await self.pace.pause(error.retry_after)
            return False
        except TelegramBadRequest as error:
            if "not modified" in error.message:
                return True
            logger.info("progress of broadcast %s not edited: %s", broadcast_id, error.message)
            if "not found" in error.message or "can't be edited" in error.message:
                async with self.session_factory() as session:  # gone: the report still comes
                    await repo.forget_progress_message(session, broadcast_id)
                    await session.commit()
        except Exception as error:  # a server or network error: the next round
            logger.info("progress of broadcast %s: %s", broadcast_id, type(error).__name__)
            return False
        return True

    async def _report(self, broadcast_id: int) -> None:
        """The progress message's last edit and the final report, once: a failure Telegram may
        get over (429, 5xx, the network) gives the report back for a later round."""
        from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError

        from bot.screens import broadcast as screens

        found = await self._admin_view(broadcast_id)
        if found is None:
            return
        current, t = found
        chat_id = current.broadcast.progress_chat_id
        assert chat_id is not None
        sent = False
        if await self._edit_progress(broadcast_id):
            try:
                await self.bot.send_message(
                    chat_id, screens.final_report(t, current), request_timeout=SEND_TIMEOUT
                )
                sent = True
            except (TelegramForbiddenError, TelegramBadRequest) as error:
                # The admin blocked Koldo, or the chat is gone: not again.
                logger.info("report of broadcast %s: %s", broadcast_id, type(error).__name__)
                sent = True
            except Exception as error:
                logger.info("report of broadcast %s: %s", broadcast_id, type(error).__name__)
        if not sent:
            async with self.session_factory() as session:
                await repo.unclaim_report(session, broadcast_id)
                await session.commit()
            return
        logger.info("broadcast %s reported", broadcast_id)

    async def _sender(self, name: str, stop: asyncio.Event) -> None:
        while still_running(stop):
            try:
                worked = await self.send_batch(name, stop)
            except Exception as error:
                logger.error("broadcast worker failed with %s", type(error).__name__)
                worked = False
            if not worked:
                await nap(stop, self.poll_seconds)

    async def send_batch(self, name: str, stop: asyncio.Event | None = None) -> bool:
        """Claims a few due deliveries and sends them; False when there was nothing to do."""
        async with self.session_factory() as session:
            batch = await repo.claim(session, name, BATCH, utcnow(), self.lease)
            if not batch:
                return False
            for index, delivery in enumerate(batch):
                if stop is not None and not still_running(stop):
                    await repo.release(session, [d.id for d in batch[index:]], name)
                    break
                await self._deliver(session, name, delivery)
        return True

    async def _deliver(
        self,
        session: AsyncSession,
        name: str,
        delivery: Delivery,
    ) -> None:
        delivery_id, chat_id = delivery.id, delivery.chat_id
        broadcast = await self._broadcast(session, delivery.broadcast_id)
        paid = broadcast.urgent and self.settings.paid_broadcast
        messages = 2 if broadcast.latitude is not None else 1
        # The slot first, the checks while waiting for it: a sender's database round trips
        # then cost no send time (a check that fails gives up one slot, rarely).
        loop = asyncio.get_running_loop()
        due = loop.time() + await self.pace.slot(messages, paid)
        if not await repo.hold(session, delivery_id, name, utcnow(), self.lease):
            return  # cancelled, or taken over by another worker after the lease ran out
        if not await self.pace.chat_free(chat_id):
            busy = utcnow() + timedelta(seconds=PER_CHAT_SECONDS)
            await repo.record(
                session, delivery_id, DeliveryState.PENDING, attempted=False, next_attempt_at=busy
            )
            return
        if due > loop.time():
            await asyncio.sleep(due - loop.time())
        end_if_cancelled()  # the Redis calls above may have lost a cancellation
        outcome = await self._send(broadcast, chat_id, delivery.language, paid)
        if outcome.state == DeliveryState.PENDING and outcome.attempted:
            attempt = await repo.attempts(session, delivery_id) + 1
            if attempt >= MAX_ATTEMPTS:
                outcome.state = DeliveryState.FAILED
            else:  # this delivery backs off on its own; the others go on at the full rate
                outcome.retry_in = min(2.0 ** (attempt - 1), 30.0)
        later: datetime | None = None
        if outcome.retry_in is not None:
            later = utcnow() + timedelta(seconds=outcome.retry_in)
        await repo.record(
            session,
            delivery_id,
            outcome.state,
            attempted=outcome.attempted,
            next_attempt_at=later,
            message_id=outcome.message_id,
            error=outcome.error,
        )
        if outcome.state == DeliveryState.UNREACHABLE and is_person_chat(chat_id):
            await repo.mark_blocked(session, chat_id)
            await session.commit()
        if outcome.state == DeliveryState.SENT:
            self.sent += 1

    async def _broadcast(self, session: AsyncSession, broadcast_id: int) -> Broadcast:
        found = self._broadcasts.get(broadcast_id)
        if found is None:
            found = await repo.get(session, broadcast_id)
            assert found is not None, "a delivery's broadcast goes with it"
            self._corrects[broadcast_id] = await corrected_at(session, found.corrects_id)
            self._broadcasts[broadcast_id] = found
        return found

    async def _send(self, broadcast: Broadcast, chat_id: int, language: str, paid: bool) -> Outcome:
        from aiogram.exceptions import (
            ClientDecodeError,
            TelegramAPIError,
            TelegramForbiddenError,
            TelegramNetworkError,
            TelegramRetryAfter,
            TelegramServerError,
        )

        text = render(
            broadcast.texts,
            broadcast.source,
            broadcast.urgent,
            language,
            self.settings,
            self.localization,
            corrects=self._corrects.get(broadcast.id),
        )
        extra: dict[str, Any] = {"request_timeout": SEND_TIMEOUT}
        if paid:
            extra["allow_paid_broadcast"] = True
        try:
            if broadcast.photo_file_id:
                message = await self.bot.send_photo(
                    chat_id, broadcast.photo_file_id, caption=text, **extra
                )
            else:
                message = await self.bot.send_message(chat_id, text, **extra)
            if broadcast.latitude is not None and broadcast.longitude is not None:
                await self.bot.send_location(
                    chat_id, broadcast.latitude, broadcast.longitude, **extra
                )
        except TelegramRetryAfter as error:
            await self.pace.pause(error.retry_after)
            logger.info("429: every broadcast worker waits %ss", error.retry_after)
            return Outcome(DeliveryState.PENDING, attempted=False, retry_in=error.retry_after)
        except TelegramForbiddenError:
            logger.info("user %s blocked the bot", chat_id)
            return Outcome(DeliveryState.UNREACHABLE, error="blocked")
        except (TelegramServerError, TelegramNetworkError) as error:
            return self._again(type(error).__name__)
        except ClientDecodeError as error:
            if isinstance(error.original, ValidationError):
                # The Bot API answered with something unexpected: the message most likely
                # went out; sending it again could give a second copy.
                return Outcome(DeliveryState.SENT)
            return self._again("undecodable")  # nginx's 502/504 page, not JSON
        except TelegramAPIError as error:
            logger.warning("broadcast to chat %s refused: %s", chat_id, type(error).__name__)
            return Outcome(DeliveryState.FAILED, error=type(error).__name__)
        return Outcome(DeliveryState.SENT, message_id=message.message_id)

    def _again(self, reason: str) -> Outcome:
        return Outcome(DeliveryState.PENDING, error=reason)
