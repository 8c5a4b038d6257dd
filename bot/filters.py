from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Router
from aiogram.filters import Filter
from aiogram.types import Message

from bot.i18n import Localization


class ButtonText(Filter):
    """A reply-keyboard button, recognised in any language (the person may switch midway)."""

    def __init__(self, message_id: str) -> None:
        self.message_id = message_id

    async def __call__(self, message: Message, localization: Localization) -> bool:
        return message.text in localization.every_translation(self.message_id)


def check_magic_filters_in_the_loop(router: Router) -> None:
    """Makes every magic filter (`F.text`, `F.chat.type == "private"` …) of a router tree run
    in the event loop.

    aiogram runs any filter that is not a coroutine function in a worker thread
    (`asyncio.to_thread`). A magic filter is an attribute check of a few microseconds; the thread
    hop costs far more, and contends for the GIL with everything else, on every update and for
    every handler tried. The observer-level filters live in a private attribute, hence the
    `_handler` below.
    """
    for observer in router.observers.values():
        for handler in [observer._handler, *observer.handlers]:
            for event_filter in handler.filters or ():
                if event_filter.magic is not None and not event_filter.awaitable:
                    event_filter.callback = _awaitable(event_filter.callback)
                    event_filter.awaitable = True
    for sub_router in router.sub_routers:
        check_magic_filters_in_the_loop(sub_router)


def _awaitable(check: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
    async def checked(*args: Any, **kwargs: Any) -> Any:
        return check(*args, **kwargs)

    return checked
