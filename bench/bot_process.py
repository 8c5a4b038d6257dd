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
        redis_prefix=f"koldo-bench-{time.time_ns()}",
        throttle_limit=10_000,
    )
    await upgrade(settings.effective_database_url)
    resources = Resources.open(settings)
    return create_dispatcher(resources), create_bot(settings), resources


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
    args = parser.parse_args()

    dispatcher, bot, resources = await koldo(args) if args.kind == "koldo" else echo(args)
    timing = HandlingTime()
    dispatcher.update.outer_middleware(timing)
    # The timing middleware must be outermost: move it before the ones already registered.
    dispatcher.update.outer_middleware._middlewares.insert(
        0, dispatcher.update.outer_middleware._middlewares.pop()
    )
    loop = asyncio.get_running_loop()
    polling = asyncio.create_task(
        dispatcher.start_polling(bot, handle_signals=False, close_bot_session=True)
    )
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
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
    await dispatcher.stop_polling()
    await polling
    if resources is not None:
        await resources.close()
    stats = {"durations_ms": timing.durations_ms, "cpu_seconds": time.process_time() - cpu_at_ready}
    args.stats.write_text(json.dumps(stats))


if __name__ == "__main__":
    import uvloop

    uvloop.run(main())  # the event loop of `koldo run`, for both bots
