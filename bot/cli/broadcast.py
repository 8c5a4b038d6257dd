"""`koldo broadcast send|list|status|cancel|work`: verified safety updates from the shell.

`send` writes the broadcast and, unless it is scheduled (--at), its recipients at once; the
workers of `koldo run` (or `koldo broadcast work`) deliver it. What an admin reads comes from
locales/en/broadcast.ftl like all text.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from datetime import datetime

from bot.cli.database import command_session
from bot.config import LOCALES, Settings
from bot.i18n import Localization, Translator
from bot.services import broadcasts
from bot.services.geo import PlaceNames
from storage.models import Broadcast, BroadcastStatus, DeliveryState, utcnow
from storage.places import Geography
from storage.repositories import broadcasts as broadcast_repo

CLI_LOCALE = "en"
WATCH_SECONDS = 2.0
MAX_RADIUS_KM = 500.0


class Refused(Exception):  # noqa: N818 - a refusal, not an error of Koldo's
    """A bad argument: its message id in broadcast.ftl and the values it names."""

    def __init__(self, message_id: str, **values: object) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.values = values


async def run(args: argparse.Namespace, settings: Settings) -> int:
    localization = Localization(default_locale=settings.default_locale)
    t = localization.translator(CLI_LOCALE)
    try:
        if args.broadcast_command == "send":
            return await _send(args, settings, localization, t)
        if args.broadcast_command == "list":
            return await _list(settings, t)
        if args.broadcast_command == "status":
            return await _status(args.id, settings, t)
        if args.broadcast_command == "cancel":
            return await _cancel(args.id, settings, t)
        return await work(settings, localization, t)
    except Refused as refused:
        print(f"koldo: {t(refused.message_id, **refused.values)}", file=sys.stderr)
        return 2


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _numbers(text: str, count: int, message_id: str) -> list[float]:
    parts = _split(text)
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise Refused(message_id) from None
    if len(numbers) != count:
        raise Refused(message_id)
    if not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
        raise Refused(message_id)
    return numbers


def parse_time(text: str, now: datetime) -> datetime:
    """An ISO time (without a zone: this computer's), or HH:MM today; in UTC."""
    try:
        return broadcasts.parse_time(text, now)
    except broadcasts.BadTimeError as bad:
        raise Refused(
            "broadcast-problem-past-time" if bad.past else "broadcast-problem-bad-time"
        ) from None


def audience_of(args: argparse.Namespace) -> broadcasts.Audience:
    names = PlaceNames(Geography.load())
    districts: list[str] = []
    for value in _split(args.districts):
        code = names.district(value)
        if code is None:
            raise Refused("broadcast-problem-bad-district", value=value)
        districts.append(code)
    languages = _split(args.languages.lower())
    for value in languages:
        if value not in LOCALES:
            raise Refused("broadcast-problem-bad-language", value=value)
    near = None
    if args.near:
        latitude, longitude, km = _numbers(args.near, 3, "broadcast-problem-bad-near")
        if not 0.1 <= km <= MAX_RADIUS_KM:
            raise Refused("broadcast-problem-bad-near")
        near = broadcasts.Near(latitude, longitude, km)
    return broadcasts.Audience(tuple(districts), tuple(languages), args.coordinators, near)


async def _send(
    args: argparse.Namespace, settings: Settings, localization: Localization, t: Translator
) -> int:
    now = utcnow()
    location = None
    if args.location:
        latitude, longitude = _numbers(args.location, 2, "broadcast-problem-bad-location")
        location = (latitude, longitude)
    corrects_at = None
    if args.corrects is not None:
        async with command_session(settings) as session:
            corrects_at = await broadcasts.corrected_at(session, args.corrects)
        if corrects_at is None:
            raise Refused("broadcast-problem-not-found", id=str(args.corrects))
    draft = broadcasts.Draft(
        texts={locale: getattr(args, f"text_{locale}") for locale in LOCALES},
        source=args.source,
        audience=audience_of(args),
        urgent=args.urgent,
        scheduled_at=parse_time(args.at, now) if args.at else None,
        photo_file_id=args.photo or None,
        location=location,
        corrects_id=args.corrects,
        corrects_at=corrects_at,
    )
    found = broadcasts.problems(draft, settings, localization)
    if found:
        for problem in found:
            print(f"koldo: {t(problem, language=settings.default_locale)}", file=sys.stderr)
        return 2
    async with command_session(settings) as session:
        broadcast = await broadcasts.create(session, draft)
        recipients = await broadcasts.recipients(session, draft.audience, settings)
    if draft.scheduled_at is None:
        await _start_now(settings)
    async with command_session(settings) as session:
        current = await broadcasts.progress(session, broadcast.id)
    assert current is not None
    print(t("broadcast-created", id=broadcast.id, status=_status_text(t, current.broadcast)))
    counts = broadcasts.per_language(recipients)
    languages = ", ".join(f"{locale} {count}" for locale, count in counts.items())
    print(t("broadcast-recipients", count=len(recipients), languages=languages))
    if args.wait:
        return await _watch(broadcast.id, settings, t)
    return 0


async def _start_now(settings: Settings) -> None:
    from storage import database

    engine = database.create_engine(settings.effective_database_url)
    try:
        await broadcasts.start_due(database.create_session_factory(engine), settings)
    finally:
        await engine.dispose()


def _status_text(t: Translator, broadcast: Broadcast) -> str:
    if broadcast.status == BroadcastStatus.SCHEDULED:
        at = broadcast.scheduled_at.astimezone().isoformat(timespec="minutes")
        return t("broadcast-status-scheduled", at=at)
    return t(f"broadcast-status-{broadcast.status.value}")


def progress_line(t: Translator, progress: broadcasts.Progress) -> str:
    seconds = progress.seconds_to_finish
    if seconds == 0:
        eta = t("broadcast-eta-done")
    elif seconds is None or progress.broadcast.status != BroadcastStatus.RUNNING:
        eta = t("broadcast-eta-unknown")
    else:
        eta = t("broadcast-eta", seconds=round(seconds))
    return t(
        "broadcast-progress",
        sent=progress.total(DeliveryState.SENT),
        failed=progress.total(DeliveryState.FAILED),
        unreachable=progress.total(DeliveryState.UNREACHABLE),
        left=progress.left,
        rate=f"{progress.rate:.1f}",
        eta=eta,
    )


def report_line(t: Translator, progress: broadcasts.Progress) -> str:
    return t(
        "broadcast-report",
        id=progress.broadcast.id,
        status=_status_text(t, progress.broadcast),
        sent=progress.total(DeliveryState.SENT),
        total=progress.broadcast.recipients,
        failed=progress.total(DeliveryState.FAILED),
        unreachable=progress.total(DeliveryState.UNREACHABLE),
    )


async def _watch(broadcast_id: int, settings: Settings, t: Translator) -> int:
    while True:
        async with command_session(settings) as session:
            current = await broadcasts.progress(session, broadcast_id)
        assert current is not None
        if current.broadcast.status in (BroadcastStatus.DONE, BroadcastStatus.CANCELLED):
            print(report_line(t, current))
            return 0
        print(progress_line(t, current), flush=True)
        await asyncio.sleep(WATCH_SECONDS)


async def _list(settings: Settings, t: Translator) -> int:
    async with command_session(settings) as session:
        rows = await broadcast_repo.newest(session, 20)
        if not rows:
            print(t("broadcast-list-empty"))
        for broadcast in rows:
            current = await broadcasts.progress(session, broadcast.id)
            assert current is not None
            sent = current.total(DeliveryState.SENT)
            created = broadcast.created_at.astimezone().isoformat(timespec="minutes")
            status = _status_text(t, broadcast)
            print(f"{broadcast.id}\t{created}\t{status}\t{sent}/{broadcast.recipients}")
    return 0


async def _status(broadcast_id: int, settings: Settings, t: Translator) -> int:
    async with command_session(settings) as session:
        current = await broadcasts.progress(session, broadcast_id)
    if current is None:
        raise Refused("broadcast-problem-not-found", id=broadcast_id)
    print(t("broadcast-created", id=broadcast_id, status=_status_text(t, current.broadcast)))
    print(progress_line(t, current))
    return 0


async def _cancel(broadcast_id: int, settings: Settings, t: Translator) -> int:
    async with command_session(settings) as session:
        if await broadcast_repo.get(session, broadcast_id) is None:
            raise Refused("broadcast-problem-not-found", id=broadcast_id)
        if not await broadcast_repo.cancel(session, broadcast_id, utcnow()):
            raise Refused("broadcast-problem-not-cancellable", id=broadcast_id)
        await session.commit()
    print(t("broadcast-cancelled", id=broadcast_id))
    return 0


async def work(settings: Settings, localization: Localization, t: Translator) -> int:
    """A worker alone, until SIGTERM or SIGINT; the send under way is finished first."""
    from bot.app import Resources
    from storage.database import ensure_schema

    if not settings.bot_token.get_secret_value():
        print("koldo: set KOLDO_BOT_TOKEN (the token @BotFather gave you).", file=sys.stderr)
        return 2
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    resources = Resources.open(settings)
    bot = broadcasts.create_broadcast_bot(settings)
    worker = broadcasts.Worker(
        resources.session_factory,
        bot,
        localization,
        settings,
        broadcasts.open_pace(settings, resources.redis),
    )
    try:
        await ensure_schema(resources.engine, upgrade_it=settings.uses_embedded_database)
        print(f"broadcast worker {worker.name} ready", flush=True)
        await worker.run_until(stop)
    finally:
        await bot.session.close()
        await resources.close()
    print(t("broadcast-worker-stopped", count=worker.sent))
    return 0
