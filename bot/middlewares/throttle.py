from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import Chat, TelegramObject, User
from redis.asyncio import Redis

from bot.i18n import Translator

logger = logging.getLogger("koldo.throttle")


class ThrottleFloods(BaseMiddleware):
    """Past `limit` updates from one person in a window: one "slow down", the rest ignored."""

    def __init__(self, redis: Redis | None, prefix: str, limit: int, window_seconds: float) -> None:
        self._redis = redis
        self._prefix = prefix
        self._limit = limit
        self._window = window_seconds
        self._counts: dict[tuple[int, int], int] = {}

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None:
            return await handler(event, data)
        count = await self._count(user.id)
        if count <= self._limit:
            return await handler(event, data)
        if count == self._limit + 1:
            logger.info("user %s is flooding; slowing down", user.id)
            await _ask_to_slow_down(data)
        return None

    async def _count(self, user_id: int) -> int:
        window = int(time.time() // self._window)
        if self._redis is not None:
            key = f"{self._prefix}:flood:{user_id}:{window}"
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(key)
                pipe.expire(key, int(self._window) + 1)
                count, _ = await pipe.execute()
            return int(count)
        self._forget_windows_before(window)
        count = self._counts.get((user_id, window), 0) + 1
        self._counts[(user_id, window)] = count
        return count

    def _forget_windows_before(self, window: int) -> None:
        if len(self._counts) > 10_000:
            self._counts = {key: n for key, n in self._counts.items() if key[1] >= window}


async def _ask_to_slow_down(data: dict[str, Any]) -> None:
    chat: Chat | None = data.get("event_chat")
    t: Translator = data["t"]
    bot: Bot = data["bot"]
    if chat is not None:
        await bot.send_message(chat.id, t("slow-down"))
