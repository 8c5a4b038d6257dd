"""`koldo run`: long polling, or a webhook server when KOLDO_WEBHOOK_URL is set.

What a replica guarantees is in README.md (Deployment). On SIGTERM or SIGINT it stops taking
updates, finishes the ones in hand, the alerts poll and the periodic job under way, all
within KOLDO_SHUTDOWN_TIMEOUT_SECONDS, and only then closes its sessions and exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable
from typing import Any, TypeVar

from aiogram import Bot, Dispatcher
from aiogram.utils.backoff import Backoff, BackoffConfig
from aiohttp import web

from bot import commands
from bot.app import Resources, create_bot, create_dispatcher
from bot.config import Settings
from bot.in_hand import UpdatesInHand
from bot.services import alerts, broadcasts, housekeeping
from bot.webhook import WebhookEndpoint
from storage.database import ensure_schema
from storage.repositories import users

logger = logging.getLogger("koldo.run")
T = TypeVar("T")
POLLING_TIMEOUT = 10  # seconds a getUpdates call waits for updates, as aiogram's default
POLLING_BACKOFF = BackoffConfig(min_delay=1.0, max_delay=5.0, factor=1.3, jitter=0.1)
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stop:
    """Set by SIGTERM or SIGINT; the shutdown timeout counts from that moment."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.event = asyncio.Event()
        self._deadline: float | None = None

    def request(self, reason: str) -> None:
        if self.event.is_set():
            return
        logger.info("stopping on %s", reason)
        self._deadline = asyncio.get_running_loop().time() + self.timeout
        self.event.set()

    def is_set(self) -> bool:
        return self.event.is_set()

    async def wait(self) -> None:
        await self.event.wait()

    def remaining(self) -> float:
        if self._deadline is None:
            return self.timeout
        return max(0.0, self._deadline - asyncio.get_running_loop().time())


async def _publish_staff_commands(bot: Bot, resources: Resources, settings: Settings) -> None:
    """Staff menus per chat: a role granted on the command line, where no bot runs, reaches the
    person's menu when the bot starts."""
    async with resources.session_factory() as session:
        staff = await users.staff(session)
        listed = {person.id for person in staff}
        admins = await users.with_ids(session, settings.admin_ids)
        staff += [person for person in admins if person.id not in listed]
    await commands.publish_staff(bot, staff, settings, resources.localization)


async def run(settings: Settings) -> None:
    stop = Stop(settings.shutdown_timeout_seconds)
    loop = asyncio.get_running_loop()
    for signum in STOP_SIGNALS:
        loop.add_signal_handler(signum, stop.request, signal.Signals(signum).name)
    resources = Resources.open(settings)
    bot = create_bot(settings)
    try:
        await ensure_schema(resources.engine, upgrade_it=settings.uses_embedded_database)
        dispatcher = create_dispatcher(resources)
        await commands.publish(bot, resources.localization)
        await _publish_staff_commands(bot, resources, settings)
        in_hand = UpdatesInHand(dispatcher, bot)
        await dispatcher.emit_startup(bot=bot)
        # New-case and escalation alerts, from their table: they survive restarts.
        alert_task = asyncio.create_task(
            alerts.run_until(
                stop.event, resources.session_factory, bot, resources.localization, settings
            )
        )
        # Periodic jobs (the retention period), each run claimed by one replica.
        housekeeping_task = asyncio.create_task(
            housekeeping.run_until(
                stop.event, resources.session_factory, bot, resources.localization, settings
            )
        )
        # Broadcasts, from the deliveries table: every replica sends its share.
        broadcast_bot = broadcasts.create_broadcast_bot(settings)
        broadcast_task = asyncio.create_task(
            broadcasts.Worker(
                resources.session_factory,
                broadcast_bot,
                resources.localization,
                settings,
                broadcasts.open_pace(settings, resources.redis),
            ).run_until(stop.event)
        )
        try:
            if settings.webhook_url:
                await _serve_webhook(settings, dispatcher, in_hand, stop)
            else:
                await _poll(dispatcher, in_hand, stop)
        finally:
            stop.request("the end of the run")
            try:
                await _finish_alerts(alert_task, stop.remaining())
                await _finish_alerts(housekeeping_task, stop.remaining(), "housekeeping")
                await _finish_alerts(broadcast_task, stop.remaining(), "broadcast")
            finally:
                # A run cancelled from outside leaves no loop behind to send for it.
                for task in (alert_task, housekeeping_task, broadcast_task):
                    task.cancel()
            await broadcast_bot.session.close()
            await dispatcher.emit_shutdown(bot=bot)
    finally:
        await bot.session.close()
        await resources.close()
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)
    logger.info("stopped")


async def _finish_alerts(task: asyncio.Task[Any], timeout: float, name: str = "alerts") -> None:
    """The alerts loop ends after the poll under way, housekeeping after the job under way, the
    broadcast worker after the send under way (it gives back what it claimed); cancelled only
    past the timeout."""
    try:
        await asyncio.wait_for(task, timeout)
    except TimeoutError:
        logger.warning("the %s loop was cancelled at the shutdown timeout", name)
    except Exception as error:
        logger.error("the %s loop failed with %s", name, type(error).__name__)


async def _stop_taking(in_hand: UpdatesInHand, stop: Stop) -> None:
    in_hand.close()
    logger.info("stopped taking updates; %s in hand", len(in_hand))
    await in_hand.finish(stop.remaining())


# ---- long polling ------------------------------------------------------------------------------


async def _poll(dispatcher: Dispatcher, in_hand: UpdatesInHand, stop: Stop) -> None:
    """getUpdates, each update handled in hand; not aiogram's start_polling, which on a signal
    neither waits for the handlers it started nor keeps the sessions open for them."""
    bot = in_hand.bot
    await bot.delete_webhook(drop_pending_updates=False)
    allowed_updates = dispatcher.resolve_used_update_types()
    me = await bot.me()
    logger.info("bot %s polling for updates", me.id)
    backoff = Backoff(POLLING_BACKOFF)
    offset: int | None = None  # confirms every update before it, as soon as it is sent
    sent_offset: int | None = None
    try:
        while not stop.is_set():
            sent_offset = offset
            try:
                updates = await _unless_stopped(
                    stop,
                    bot.get_updates(
                        offset=offset, timeout=POLLING_TIMEOUT, allowed_updates=allowed_updates
                    ),
                )
            except Exception as error:
                logger.warning("getUpdates failed with %s; trying again", type(error).__name__)
                await _unless_stopped(stop, backoff.asleep())
                continue
            backoff.reset()
            if updates is None or stop.is_set():
                break  # what this call brought is not confirmed: the next process gets it
            for update in updates:
                in_hand.take(update)
                offset = update.update_id + 1
    finally:
        await _stop_taking(in_hand, stop)
    if offset != sent_offset:
        await _confirm(bot, offset)


async def _confirm(bot: Bot, offset: int | None) -> None:
    """Confirms the updates taken since the last getUpdates, so that the next process does not
    get them again (without Redis it would not know them)."""
    try:
        await bot.get_updates(offset=offset, limit=1, timeout=0, request_timeout=5)
    except Exception as error:
        logger.warning("confirming the last updates failed with %s", type(error).__name__)


async def _unless_stopped(stop: Stop, work: Awaitable[T]) -> T | None:
    """The result of `work`, or None when stop comes first (`work` is then cancelled)."""
    task = asyncio.ensure_future(work)
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    return None if task.cancelled() else task.result()


# ---- webhook -----------------------------------------------------------------------------------


async def _serve_webhook(
    settings: Settings, dispatcher: Dispatcher, in_hand: UpdatesInHand, stop: Stop
) -> None:
    secret = settings.webhook_secret.get_secret_value()
    app = web.Application()
    app.router.add_post(settings.webhook_path, WebhookEndpoint(in_hand, secret).handle)
    app.router.add_get("/healthz", _healthy)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    try:
        # Listening first: Telegram delivers as soon as the webhook is set.
        await in_hand.bot.set_webhook(
            settings.webhook_url,
            secret_token=secret,
            allowed_updates=dispatcher.resolve_used_update_types(),
        )
        logger.info("webhook server on port %s", settings.webhook_port)
        await stop.wait()
        # No new connections; idle keep-alive ones close now, busy ones after their answer.
        # Other replicas may still serve the webhook: it stays registered.
        await site.stop()
        if runner.server is not None:
            runner.server.pre_shutdown()
        await _stop_taking(in_hand, stop)
    finally:
        await runner.cleanup()


async def _healthy(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})
