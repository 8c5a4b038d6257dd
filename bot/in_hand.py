"""The updates a `koldo run` process has taken and not yet finished handling.

Webhook and long polling hand every update to `UpdatesInHand.take`, which handles it as a task
of its own; on SIGTERM or SIGINT, `finish` waits for those tasks (bounded by the shutdown
timeout) before the process closes its database, Redis and Bot API sessions under them.
"""

from __future__ import annotations

import asyncio
import logging
import traceback

from aiogram import Bot, Dispatcher
from aiogram.methods import TelegramMethod
from aiogram.types import Update

logger = logging.getLogger("koldo.updates")


class UpdatesInHand:
    def __init__(self, dispatcher: Dispatcher, bot: Bot) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.closed = False
        self._tasks: set[asyncio.Task[bool]] = set()

    def __len__(self) -> int:
        return len(self._tasks)

    def take(self, update: Update) -> asyncio.Task[bool]:
        """Starts handling an update; the task's result says whether it was handled."""
        if self.closed:
            raise RuntimeError("the process is stopping and takes no more updates")
        task = asyncio.create_task(self._handle(update), name=f"update-{update.update_id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _handle(self, update: Update) -> bool:
        """False when an exception escaped every middleware (the family got no apology)."""
        try:
            result = await self.dispatcher.feed_update(self.bot, update)
            if isinstance(result, TelegramMethod):
                # A method a handler returned instead of calling it: called here, before the
                # update counts as handled, rather than as an answer to the webhook request,
                # whose failures nobody would see.
                await self.dispatcher.silent_call_request(self.bot, result)
        except Exception as error:
            # Ids and where it failed only: exception messages can quote personal data.
            logger.error(
                "update %s failed outside the apology with %s\n%s",
                update.update_id,
                type(error).__name__,
                "".join(traceback.format_tb(error.__traceback__)),
            )
            return False
        return True

    def close(self) -> None:
        """Takes no more updates."""
        self.closed = True

    async def finish(self, timeout: float) -> int:
        """Waits up to `timeout` seconds for the updates in hand, then cancels the ones left;
        returns how many were cancelled."""
        self.close()
        if not self._tasks:
            return 0
        _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)
            logger.warning(
                "%s updates were not finished within the shutdown timeout: %s",
                len(pending),
                ", ".join(sorted(task.get_name() for task in pending)),
            )
        return len(pending)
