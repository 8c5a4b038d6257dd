"""The situation report: open cases by district and need, urgent cases nobody claimed, time to
first response, shelters' free places by district; a picture and the same figures as text.

`gather` reads the figures (anonymous columns only, storage/repositories/report.py) and
`summarize` turns them into a `SituationReport` of plain numbers, pure and testable; the
picture (bot/report_picture.py) and the text (bot/screens/report.py) only show it.

Admins ask for it with /report, and may have it sent every day at `KOLDO_REPORT_AT`
(Kyrgyzstan's time): `send_if_due` is called by the bot process's housekeeping; of several
replicas one claims each day's run (storage/repositories/jobs.py), so nobody gets it twice,
and a replica started after the hour sends what is still due. A run claimed is a run done: a
crash in the middle of it leaves the rest of that day's admins without it (never a second one).
"""

from __future__ import annotations

import asyncio
import logging
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from aiogram import Bot
from aiogram.exceptions import ClientDecodeError, TelegramAPIError
from aiogram.types import BufferedInputFile
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import REGION_TIME, Settings
from bot.i18n import Localization, Translator
from bot.keyboards import report as keyboards
from bot.screens import report as screens
from bot.services import roles
from bot.services.delivery import deliver
from bot.services.needs import Need
from storage.models import CaseKind, User, utcnow
from storage.places import Geography
from storage.repositories import audit, jobs
from storage.repositories import report as repo
from storage.repositories.report import ShelterRow, Unclaimed

logger = logging.getLogger("koldo.report")
JOB = "daily-report"
# Time to first response is measured over the cases that came in today and the days before,
# in Kyrgyzstan's calendar: RESPONSE_DAYS days in all.
RESPONSE_DAYS = 7
# The kinds of need in the order the needs form asks them, then missing relatives.
NEED_ORDER: tuple[str, ...] = (*(need.value for need in Need), CaseKind.MISSING.value)


@dataclass(frozen=True)
class DistrictCases:
    """The open cases of one district (None: a place Koldo could not name)."""

    district: str | None
    cases: int
    # (kind of need, open cases naming it), in NEED_ORDER; a case with several needs counts
    # under each.
    needs: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class DayResponses:
    day: date  # Kyrgyzstan's calendar
    answered: int  # cases of that day a coordinator has written to
    median: timedelta | None


@dataclass(frozen=True)
class ShelterRoom:
    district: str
    shelters: int  # open or full; closed ones are left out
    capacity: int
    free: int

    @property
    def taken(self) -> int:
        return max(self.capacity - self.free, 0)


@dataclass(frozen=True)
class SituationReport:
    at: datetime  # when it was made (UTC)
    open_cases: int
    districts: tuple[DistrictCases, ...]  # most open cases first
    urgent_unclaimed: int
    oldest_wait: timedelta | None  # how long the urgent case nobody claimed longest has waited
    # Cases that came in over the last RESPONSE_DAYS days: answered (a coordinator wrote to the
    # family) and open ones not yet; the median and 90th percentile of the time to that answer.
    answered: int
    unanswered: int
    response_median: timedelta | None
    response_p90: timedelta | None
    days: tuple[DayResponses, ...]  # oldest first, RESPONSE_DAYS of them
    shelters: tuple[ShelterRoom, ...]  # in the geography's order

    @property
    def need_kinds(self) -> tuple[str, ...]:
        """The kinds of need some open case names, in NEED_ORDER."""
        named = {kind for district in self.districts for kind, _ in district.needs}
        return tuple(kind for kind in NEED_ORDER if kind in named)

    @property
    def shelter_count(self) -> int:
        return sum(room.shelters for room in self.shelters)

    @property
    def capacity(self) -> int:
        return sum(room.capacity for room in self.shelters)

    @property
    def free_places(self) -> int:
        return sum(room.free for room in self.shelters)


def region_day(moment: datetime) -> date:
    return moment.astimezone(REGION_TIME).date()


def window_start(now: datetime) -> datetime:
    """Midnight in Kyrgyzstan, RESPONSE_DAYS - 1 days before today (UTC)."""
    first = region_day(now) - timedelta(days=RESPONSE_DAYS - 1)
    return datetime.combine(first, time(0, 0), tzinfo=REGION_TIME).astimezone(UTC)


def percentile_90(values: Sequence[float]) -> float:
    """The 90th percentile, within the values seen (one value is its own)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def summarize(
    open_needs: Iterable[tuple[str | None, Sequence[str]]],
    unclaimed: Unclaimed,
    responses: Iterable[tuple[datetime, datetime | None, bool]],
    shelter_rows: Iterable[ShelterRow],
    now: datetime,
    district_order: Sequence[str] = (),
) -> SituationReport:
    """The report from the rows the repository reads. Pure: no database, no clock."""
    place = {code: n for n, code in enumerate(district_order)}
    cases: Counter[str | None] = Counter()
    needs: dict[str | None, Counter[str]] = defaultdict(Counter)
    for district, kinds in open_needs:
        cases[district] += 1
        needs[district].update(set(kinds))

    def district_key(code: str | None) -> tuple[int, int, int, str]:
        # Most cases first; then the geography's order; an unnamed place last.
        return (code is None, -cases[code], place.get(code or "", len(place)), code or "")

    districts = tuple(
        DistrictCases(
            code,
            cases[code],
            tuple((kind, needs[code][kind]) for kind in NEED_ORDER if needs[code][kind]),
        )
        for code in sorted(cases, key=district_key)
    )

    waits: dict[date, list[float]] = defaultdict(list)
    unanswered = 0
    for created, answered, still_open in responses:
        if answered is None:
            # A case closed without a word to the family (erased, say) waits for nobody.
            unanswered += still_open
        else:
            waits[region_day(created)].append(max((answered - created).total_seconds(), 0.0))
    every = sorted(seconds for day in waits.values() for seconds in day)
    today = region_day(now)
    days = tuple(
        DayResponses(
            day,
            len(waits[day]),
            timedelta(seconds=statistics.median(waits[day])) if waits[day] else None,
        )
        for day in (today - timedelta(days=back) for back in range(RESPONSE_DAYS - 1, -1, -1))
    )

    rooms = sorted(shelter_rows, key=lambda r: (place.get(r.district, len(place)), r.district))
    return SituationReport(
        at=now,
        open_cases=sum(cases.values()),
        districts=districts,
        urgent_unclaimed=unclaimed.count,
        oldest_wait=(
            max(now - unclaimed.oldest_at, timedelta(0))
            if unclaimed.count and unclaimed.oldest_at is not None
            else None
        ),
        answered=len(every),
        unanswered=unanswered,
        response_median=timedelta(seconds=statistics.median(every)) if every else None,
        response_p90=timedelta(seconds=percentile_90(every)) if every else None,
        days=days,
        shelters=tuple(ShelterRoom(r.district, r.shelters, r.capacity, r.free) for r in rooms),
    )


async def gather(
    session: AsyncSession, geography: Geography, now: datetime | None = None
) -> SituationReport:
    now = now or utcnow()
    return summarize(
        await repo.open_case_needs(session),
        await repo.urgent_unclaimed(session),
        await repo.first_responses(session, window_start(now)),
        await repo.shelter_room(session),
        now,
        [area.code for area in geography.areas],
    )


@cache
def _geography() -> Geography:
    return Geography.load()


async def picture(report: SituationReport, t: Translator, geography: Geography) -> bytes:
    """The PNG, drawn in a thread of its own: a second or so of CPU that no update waits on."""
    from bot import report_picture

    return await asyncio.to_thread(report_picture.render, report, t, geography)


def file_name(report: SituationReport) -> str:
    return f"koldo-report-{report.at.astimezone(REGION_TIME):%Y-%m-%d-%H%M}.png"


async def send(
    session: AsyncSession,
    bot: Bot,
    person: User,
    t: Translator,
    geography: Geography,
    settings: Settings,
    report: SituationReport,
    png: bytes,
    *,
    daily: bool = False,
) -> bool:
    """The picture, then its figures as text with the daily switch under them; audited.
    False when Telegram would not take it (the person blocked Koldo: remembered)."""
    photo = BufferedInputFile(png, filename=file_name(report))
    caption = screens.title(t, report)
    sent = await deliver(session, person.id, bot.send_photo(person.id, photo, caption=caption))
    if sent is None:
        return False
    markup = keyboards.daily_switch(t, person.daily_report, settings.report_at)
    text = screens.figures(t, report, geography)
    await deliver(session, person.id, bot.send_message(person.id, text, reply_markup=markup))
    audit.record(
        session,
        "report.sent",
        actor_id=None if daily else person.id,
        subject=f"user:{person.id}",
        details={"daily": daily, "open_cases": report.open_cases},
    )
    await session.commit()
    logger.info("report sent to %s (daily: %s)", person.id, daily)
    return True


async def set_daily(session: AsyncSession, person: User, on: bool) -> bool:
    """Turns the daily report on or off for this admin (the caller checked the role); whether
    anything changed. Audited when it did."""
    if person.daily_report == on:
        return False
    person.daily_report = on
    audit.record(session, "report.daily", actor_id=person.id, details={"on": on})
    await session.commit()
    return True


async def refused(session: AsyncSession, user_id: int) -> None:
    """A press on the daily switch by someone who is no admin (forged, or the role went):
    audited (ids only) and committed."""
    audit.record(session, "report.refused", actor_id=user_id, subject=f"user:{user_id}")
    await session.commit()
    logger.info("user %s refused the report's switch", user_id)


def report_moment(day: date, settings: Settings) -> datetime:
    """When the daily report of `day` (Kyrgyzstan's calendar) is due, in UTC."""
    return datetime.combine(day, settings.report_at, tzinfo=REGION_TIME).astimezone(UTC)


async def send_if_due(
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    localization: Localization,
    settings: Settings,
    now: datetime | None = None,
) -> None:
    """Once a day, at or after KOLDO_REPORT_AT in Kyrgyzstan's time: every admin who asked for
    it gets the report in their language. Safe to call often and from every replica."""
    now = now or utcnow()
    due = report_moment(region_day(now), settings)
    if now < due:
        return
    async with session_factory() as session:
        won = await jobs.claim(session, JOB, due_before=due, now=now)
        await session.commit()
        if not won:
            return
        admins = [
            person
            for person in await repo.daily_subscribers(session)
            if roles.is_admin(person, settings)
        ]
        if not admins:
            return
        geography = _geography()
        report = await gather(session, geography, now)
        pictures: dict[str, bytes] = {}
        sent = 0
        for person in admins:
            t = localization.translator(person.language)
            if t.locale not in pictures:
                pictures[t.locale] = await picture(report, t, geography)
            try:
                done = await send(
                    session,
                    bot,
                    person,
                    t,
                    geography,
                    settings,
                    report,
                    pictures[t.locale],
                    daily=True,
                )
            except (TelegramAPIError, ClientDecodeError) as error:
                # Telegram failed for this one (after the retries): the others still get theirs.
                logger.warning("daily report to %s failed: %s", person.id, type(error).__name__)
                await session.rollback()
                continue
            sent += done
        logger.info("daily report sent to %s of %s admins", sent, len(admins))
