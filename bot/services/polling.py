"""The background loops of `koldo run` (alerts, housekeeping): a piece of work every few seconds
until told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

logger = logging.getLogger("koldo.polling")


async def every(
    seconds: float, stop: asyncio.Event, work: Callable[[], Awaitable[object]], name: str
) -> None:
    """Does `work` every `seconds` until `stop` is set. Work under way when it is set is
    finished, never cut half-way; work that fails is logged by the type of its failure only
    (its message can quote personal data) and tried again at the next turn."""
    while not stop.is_set():
        try:
            await work()
        except Exception as error:  # a database or network hiccup must not end the loop
            logger.error("%s failed with %s", name, type(error).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), seconds)
