from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject, Update
from redis.asyncio import Redis

logger = logging.getLogger("koldo.dedup")

SEEN_TTL_SECONDS = 24 * 3600  # Telegram keeps an undelivered update for at most a day
MEMORY_CAPACITY = 100_000


class DropDuplicateUpdates(BaseMiddleware):
    """Handles each update once, even when Telegram redelivers it or replicas race for it."""

    def __init__(self, redis: Redis | None, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix
        self._seen: OrderedDict[tuple[int, int], None] = OrderedDict()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, Update)
        bot: Bot = data["bot"]
        if not await self._first_sight(bot.id, event.update_id):
            logger.info("duplicate update %s dropped", event.update_id)
            return None
        return await handler(event, data)

    async def _first_sight(self, bot_id: int, update_id: int) -> bool:
        if self._redis is not None:
            key = f"{self._prefix}:update:{bot_id}:{update_id}"
            return bool(await self._redis.set(key, 1, nx=True, ex=SEEN_TTL_SECONDS))
        key_pair = (bot_id, update_id)
        if key_pair in self._seen:
            return False
        self._seen[key_pair] = None
        if len(self._seen) > MEMORY_CAPACITY:
            self._seen.popitem(last=False)
        return True
