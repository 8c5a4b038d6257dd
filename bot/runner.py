"""`koldo run`: long polling, or a webhook server when KOLDO_WEBHOOK_URL is set."""

from __future__ import annotations

import asyncio
import logging
import signal

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot import commands
from bot.app import Resources, create_bot, create_dispatcher
from bot.config import Settings
from bot.services import alerts
from storage.database import ensure_schema

logger = logging.getLogger("koldo.run")


async def run(settings: Settings) -> None:
    resources = Resources.open(settings)
    bot = create_bot(settings)
    try:
        await ensure_schema(resources.engine, upgrade_it=settings.uses_embedded_database)
        dispatcher = create_dispatcher(resources)
        await commands.publish(bot, resources.localization)
        # New-case and escalation alerts, from their table: they survive restarts.
        alert_task = asyncio.create_task(
            alerts.run_forever(resources.session_factory, bot, resources.localization, settings)
        )
        try:
            if settings.webhook_url:
                await _serve_webhook(settings, dispatcher, bot)
            else:
                await _poll(dispatcher, bot)
        finally:
            alert_task.cancel()
    finally:
        await bot.session.close()
        await resources.close()


async def _poll(dispatcher: Dispatcher, bot: Bot) -> None:
    await bot.delete_webhook(drop_pending_updates=False)
    me = await bot.get_me()
    logger.info("bot %s polling", me.id)
    # aiogram stops polling gracefully on SIGINT and SIGTERM.
    await dispatcher.start_polling(
        bot,
        handle_signals=True,
        close_bot_session=False,
        allowed_updates=dispatcher.resolve_used_update_types(),
    )


async def _serve_webhook(settings: Settings, dispatcher: Dispatcher, bot: Bot) -> None:
    app = web.Application()
    SimpleRequestHandler(
        dispatcher=dispatcher, bot=bot, secret_token=settings.webhook_secret.get_secret_value()
    ).register(app, path=settings.webhook_path)
    app.router.add_get("/healthz", _healthy)
    setup_application(app, dispatcher, bot=bot)

    await bot.set_webhook(
        settings.webhook_url,
        secret_token=settings.webhook_secret.get_secret_value(),
        allowed_updates=dispatcher.resolve_used_update_types(),
    )
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
    logger.info("webhook server on port %s", settings.webhook_port)
    try:
        await _until_terminated()
    finally:
        # Other replicas may still serve the webhook: leave it registered.
        await runner.cleanup()


async def _healthy(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def _until_terminated() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    logger.info("stopping on signal")
