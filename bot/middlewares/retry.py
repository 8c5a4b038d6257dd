from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramEntityTooLarge,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import GetUpdates, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from pydantic import ValidationError

if TYPE_CHECKING:
    from aiogram import Bot

logger = logging.getLogger("koldo.telegram")

# nginx's error pages name their status first in the title: "<title>502 Bad Gateway</title>".
_GATEWAY_PAGE = re.compile(r"<title>\s*5\d\d\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Retry:
    wait: float
    last_attempt: int
    reason: str


class RetryTelegram(BaseRequestMiddleware):
    """Waits out Telegram's "too many requests" and retries passing server and network errors,
    so a burst of replies or a flaky mobile operator never loses what a family should read.

    Telegram's front end answers 502 and 504 itself, with nginx's HTML page instead of the Bot
    API's JSON; aiogram cannot decode it and raises ClientDecodeError, which carries the page
    but not the status. A page whose title names a 5xx status is a server error, retried like
    a 5xx in JSON. Every call through the bot's session is covered, the apology too.

    Long polling is left alone: aiogram's polling loop has its own back-off.
    """

    def __init__(
        self,
        attempts: int = 6,
        longest_wait: float = 30.0,
        undecodable_attempts: int = 2,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.attempts = attempts
        self.longest_wait = longest_wait
        self.undecodable_attempts = undecodable_attempts
        self._sleep = sleep

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if method.__api_method__ == GetUpdates.__api_method__:
            return await make_request(bot, method)
        attempt = 0
        while True:
            attempt += 1
            try:
                return await make_request(bot, method)
            except (TelegramAPIError, ClientDecodeError) as error:
                retry = self._retry(error, attempt)
                if retry is None or attempt >= retry.last_attempt or retry.wait > self.longest_wait:
                    raise
            logger.info(
                "%s: %s, retry %d in %.2fs",
                method.__api_method__,
                retry.reason,
                attempt,
                retry.wait,
            )
            await self._sleep(retry.wait)

    def _retry(self, error: TelegramAPIError | ClientDecodeError, attempt: int) -> _Retry | None:
        """How long to wait before the next attempt and how many there may be; None: raise."""
        backoff = min(0.25 * 2**attempt, 5.0)
        if isinstance(error, TelegramRetryAfter):
            return _Retry(float(error.retry_after), self.attempts, "429")
        if isinstance(error, TelegramEntityTooLarge):
            return None  # a 413 is a network error to aiogram, but the same file fails again
        if isinstance(error, TelegramServerError | TelegramNetworkError):
            return _Retry(backoff, self.attempts, type(error).__name__)
        if not isinstance(error, ClientDecodeError):
            return None  # 400, 403...: Telegram's answer, the same every time
        if isinstance(error.original, ValidationError):
            # JSON that does not fit the method's result: the Bot API answered, so the call
            # most likely took effect (a 200 whose message aiogram cannot read). Sending it
            # again would give the family a second copy, and would fail the same way.
            return None
        if isinstance(error.data, str) and _GATEWAY_PAGE.search(error.data):
            return _Retry(backoff, self.attempts, "gateway error page")
        # Not JSON and not a gateway's page (a proxy's page, a cut-off body): it may pass or
        # it may last (KOLDO_TELEGRAM_API_URL pointing at another server). One more try covers
        # a glitch; a lasting fault is raised in a second, to the log and the apology, instead
        # of after every attempt a 5xx gets.
        return _Retry(backoff, self.undecodable_attempts, "undecodable answer")
