from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Router
from aiogram.types import CallbackQuery, Message, TelegramObject

Build = Callable[[Message | CallbackQuery, dict[str, Any]], object]


class Provide(BaseMiddleware):
    """Hands each matched handler of a router one object built for this update (the form of a
    family, the desk of a coordinator), so that handlers take it instead of ten parameters."""

    def __init__(self, name: str, build: Build) -> None:
        self.name = name
        self.build = build

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, Message | CallbackQuery)
        data[self.name] = self.build(event, data)
        return await handler(event, data)


def provide(router: Router, name: str, build: Build) -> None:
    """Registers `Provide` for the router's messages and button presses."""
    middleware = Provide(name, build)
    router.message.middleware(middleware)
    router.callback_query.middleware(middleware)
