from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.handler import FilterObject, HandlerObject
from aiogram.filters import Filter
from aiogram.filters.callback_data import CallbackData, CallbackQueryFilter
from aiogram.types import CallbackQuery, Message

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


class PressOf(Filter):
    """A press whose callback data is of one of these kinds, told by its prefix alone."""

    def __init__(self, kinds: set[type[CallbackData]]) -> None:
        self.exact = frozenset(kind.__prefix__ for kind in kinds)  # a kind without fields
        self.starts = tuple(kind.__prefix__ + kind.__separator__ for kind in kinds)

    async def __call__(self, query: CallbackQuery) -> bool:
        data = query.data or ""
        return data in self.exact or data.startswith(self.starts)


def route_presses_by_prefix(router: Router) -> None:
    """Lets a press skip, by its prefix, every router that has no handler for its kind.

    aiogram tries each handler's filters in turn, router after router, and a CallbackData
    filter parses the press's data to find it is not its kind (an exception each time): some
    thirty failed parses for a press that reaches a router near the end. A router whose every
    press handler takes a CallbackData kind gets one prefix check in front of them all; a
    router with any other press handler (a catch-all) is left as it is."""
    for sub_router in router.sub_routers:
        route_presses_by_prefix(sub_router)
    handlers = router.callback_query.handlers
    kinds = [_callback_data_kinds(handler) for handler in handlers]
    if not handlers or not all(kinds):
        return
    root = router.callback_query._handler  # the observer's own filters, checked first
    root.filters = [FilterObject(PressOf(set().union(*kinds))), *(root.filters or [])]


def _callback_data_kinds(handler: HandlerObject) -> set[type[CallbackData]]:
    return {
        event_filter.callback.callback_data
        for event_filter in handler.filters or ()
        if isinstance(event_filter.callback, CallbackQueryFilter)
    }
