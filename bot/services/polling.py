"""The background loops of `koldo run` (alerts, housekeeping): a piece of work every few seconds
until told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

logger = logging.getLogger("koldo.polling")


def end_if_cancelled() -> None:
    """Ends a task that was cancelled, even when the cancellation was lost on the way: Python
    3.11's `asyncio.wait_for` drops one that comes as the awaited call completes (fixed in
    3.12), and redis-py awaits every socket write with it. A broadcast sender cancelled so went
    on for ever, sending with a bot and a database that were no longer its own."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


def still_running(stop: asyncio.Event) -> bool:
    """Whether a background loop goes round once more: not told to stop, nor cancelled."""
    end_if_cancelled()
    return not stop.is_set()


async def nap(stop: asyncio.Event, seconds: float) -> None:
    """Waits `seconds`, or less if `stop` is set meanwhile."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def every(
    seconds: float, stop: asyncio.Event, work: Callable[[], Awaitable[object]], name: str
) -> None:
    """Does `work` every `seconds` until `stop` is set. Work under way when it is set is
    finished, never cut half-way; work that fails is logged by the type of its failure only
    (its message can quote personal data) and tried again at the next turn."""
    while still_running(stop):
        try:
            await work()
        except Exception as error:  # a database or network hiccup must not end the loop
            logger.error("%s failed with %s", name, type(error).__name__)
        await nap(stop, seconds)
