from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import GetUpdates, Response, TelegramMethod
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot

logger = logging.getLogger("koldo.telegram")


class RetryTelegram(BaseRequestMiddleware):
    """Waits out Telegram's "too many requests" and retries passing server and network errors,
    so a burst of replies or a flaky mobile operator never loses what a family should read.

    Long polling is left alone: aiogram's polling loop has its own back-off.
    """

    def __init__(self, attempts: int = 6, longest_wait: float = 30.0) -> None:
        self.attempts = attempts
        self.longest_wait = longest_wait

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if method.__api_method__ == GetUpdates.__api_method__:
            return await make_request(bot, method)
        for attempt in range(1, self.attempts + 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                wait = float(error.retry_after)
                reason = "429"
            except (TelegramServerError, TelegramNetworkError) as error:
                wait = min(0.25 * 2**attempt, 5.0)
                reason = type(error).__name__
            if attempt == self.attempts or wait > self.longest_wait:
                raise
            logger.info("%s: %s, retry %d in %.2fs", method.__api_method__, reason, attempt, wait)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")
