from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot


class KeepResponseTypes(BaseRequestMiddleware):
    """Holds on to the `Response[...]` model of every Bot API method Koldo calls.

    aiogram parses each answer with `Response[method.__returning__]`, a pydantic generic model
    that pydantic caches only weakly: every garbage collection drops it, and building it again
    takes milliseconds (4 ms for `Response[Message]`), on the path of every reply under load.
    """

    def __init__(self) -> None:
        self._kept: dict[Any, Any] = {}

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        returning = method.__returning__
        if returning not in self._kept:
            self._kept[returning] = Response[returning]  # type: ignore[valid-type]
        return await make_request(bot, method)
