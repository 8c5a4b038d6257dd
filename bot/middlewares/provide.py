from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import Localization, Translator
from storage.models import User
from storage.places import Geography

Build = Callable[[Message | CallbackQuery, dict[str, Any]], object]


class PerUpdate:
    """What a journey's handlers work with during one update, taken from aiogram's data; each
    journey's own object (a form, a desk) adds the steps its handlers share."""

    def __init__(self, event: Message | CallbackQuery, data: dict[str, Any]) -> None:
        self.event = event
        self.state: FSMContext = data["state"]
        self.session: AsyncSession = data["session"]
        self.user: User = data["user"]
        self.settings: Settings = data["settings"]
        self.t: Translator = data["t"]
        self.geography: Geography = data["geography"]
        self.bot: Bot = data["bot"]
        self.localization: Localization = data["localization"]


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
