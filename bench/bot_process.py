"""One bot under load, polling the sandbox: Koldo's real dispatcher, or a bare aiogram echo bot.

Started by bench/updates.py in a process of its own. Every update's handling time is measured by
an outermost middleware, the same for both bots, and written as JSON when the process is stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import signal
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message, TelegramObject


class HandlingTime:
    def __init__(self) -> None:
        self.durations_ms: list[float] = []
        self.first: float | None = None
        self.last: float | None = None

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        start = time.perf_counter()
        self.first = self.first or start
        try:
            return await handler(event, data)
        finally:
            self.last = time.perf_counter()
            self.durations_ms.append((self.last - start) * 1000)


def echo_dispatcher() -> Dispatcher:
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "?")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


async def koldo(args: argparse.Namespace) -> tuple[Dispatcher, Bot, Any]:
    """Koldo as `koldo run` assembles it: its dispatcher, and its bot with its session."""
    from bot.app import Resources, create_bot, create_dispatcher
    from bot.config import Settings
    from storage.database import upgrade

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=args.token,
        telegram_api_url=args.url,
        database_url=args.database_url,
        redis_url=args.redis_url,
        # Replicas of one deployment share their Redis keys.
        redis_prefix=args.redis_prefix or f"koldo-bench-{time.time_ns()}",
        throttle_limit=10_000,
        # A replica's bot is made as `koldo run` makes it in webhook mode.
        webhook_url=args.webhook_url or "",
        webhook_secret=WEBHOOK_SECRET,
    )
    await upgrade(settings.effective_database_url)
    resources = Resources.open(settings)
    count_statements(resources.engine.sync_engine)
    return create_dispatcher(resources), create_bot(settings), resources


STATEMENTS: dict[str, int] = {}


def count_statements(engine: Any) -> None:
    """Counts the SQL statements the bot sends, by their first word (SELECT, INSERT, …)."""
    from sqlalchemy import event

    @event.listens_for(engine, "before_cursor_execute")
    def _count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        word = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "?"
        STATEMENTS[word] = STATEMENTS.get(word, 0) + 1

    @event.listens_for(engine, "commit")
    def _commit(_conn: Any) -> None:
        STATEMENTS["COMMIT"] = STATEMENTS.get("COMMIT", 0) + 1


WEBHOOK_SECRET = "bench-secret"


async def serve_webhook(dispatcher: Dispatcher, bot: Bot, args: argparse.Namespace) -> Any:
    """A replica as `koldo run` serves a webhook: Koldo's endpoint, updates taken in hand."""
    from aiohttp import web

    from bot.in_hand import UpdatesInHand
    from bot.webhook import WebhookEndpoint

    app = web.Application()
    endpoint = WebhookEndpoint(UpdatesInHand(dispatcher, bot), WEBHOOK_SECRET)
    app.router.add_post("/webhook", endpoint.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", args.webhook_port).start()
    # Every replica sets the same webhook, as `koldo run` does; the sandbox keeps it.
    await bot.set_webhook(
        args.webhook_url,
        secret_token=WEBHOOK_SECRET,
        allowed_updates=dispatcher.resolve_used_update_types(),
    )
    return runner


def echo(args: argparse.Namespace) -> tuple[Dispatcher, Bot, None]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(args.url))
    return echo_dispatcher(), Bot(args.token, session=session), None


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["koldo", "echo"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the run here")
    parser.add_argument(
        "--webhook-port", type=int, help="a webhook replica on this port, not long polling"
    )
    parser.add_argument("--redis-prefix", default="", help="shared by the replicas")
    parser.add_argument("--webhook-url", help="the public webhook URL (the sandbox's balancer)")
    args = parser.parse_args()

    dispatcher, bot, resources = await koldo(args) if args.kind == "koldo" else echo(args)
    timing = HandlingTime()
    dispatcher.update.outer_middleware(timing)
    # The timing middleware must be outermost: move it before the ones already registered.
    dispatcher.update.outer_middleware._middlewares.insert(
        0, dispatcher.update.outer_middleware._middlewares.pop()
    )
    loop = asyncio.get_running_loop()
    if args.webhook_port:
        serving = await serve_webhook(dispatcher, bot, args)
    else:
        polling = asyncio.create_task(
            dispatcher.start_polling(bot, handle_signals=False, close_bot_session=True)
        )
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    STATEMENTS.clear()  # the schema's check at start is not the journey's
    cpu_at_ready = time.process_time()
    # CPU time, not wall time: waiting in epoll is not work.
    profile = cProfile.Profile(time.process_time) if args.profile else None
    if profile is not None:
        profile.enable()
    print("ready", flush=True)
    await stop.wait()
    if profile is not None:
        profile.disable()
        profile.dump_stats(args.profile)
    if args.webhook_port:
        await serving.cleanup()
        await bot.session.close()
    else:
        await dispatcher.stop_polling()
        await polling
    if resources is not None:
        await resources.close()
    stats = {
        "durations_ms": timing.durations_ms,
        "cpu_seconds": time.process_time() - cpu_at_ready,
        "statements": STATEMENTS,
    }
    args.stats.write_text(json.dumps(stats))


if __name__ == "__main__":
    import uvloop

    uvloop.run(main())  # the event loop of `koldo run`, for both bots
