from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.dispatcher.middlewares.user_context import EVENT_CONTEXT_KEY, EventContext
from aiogram.types import TelegramObject, Update

from storage.turns import Person, Turns

logger = logging.getLogger("koldo.turns")


class TakeTurns(BaseMiddleware):
    """Each update once, and one person's updates one at a time in update_id order, with Redis
    across replicas as in memory (the rules are in storage/turns.py).

    It stands in for aiogram's event isolation (the Dispatcher gets none) and comes before the
    FSM middleware, so that a person's state is read only once it is their update's turn, and
    inside ApologizeOnError, so that a Redis failure here is answered with the apology. It must
    be the first middleware to wait for anything: tasks that reach it in update order take
    their places in that order.
    """

    def __init__(self, turns: Turns) -> None:
        self._turns = turns

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, Update)
        bot: Bot = data["bot"]
        async with self._turns.turn(bot.id, event.update_id, person_of(data)) as mine:
            if not mine:
                logger.info("duplicate update %s dropped", event.update_id)
                return None
            return await handler(event, data)


def person_of(data: dict[str, Any]) -> Person | None:
    """Whose line an update stands in: its chat and user, as aiogram keys FSM state (the user's
    private chat when the update has no chat); None for updates from nobody (channel posts)."""
    context: EventContext = data[EVENT_CONTEXT_KEY]
    if context.user_id is None:
        return None
    chat_id = context.chat_id if context.chat_id is not None else context.user_id
    return (chat_id, context.user_id)
