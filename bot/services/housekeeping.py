"""Periodic jobs of `koldo run`: each checked every `alert_poll_seconds`, each claiming its own
runs in `job_runs`, so that of several replicas one does each run (storage.repositories.jobs).

A job is `async def job(session_factory, bot, localization, settings) -> None` that does
nothing when it is not due; add it to `JOBS`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.i18n import Localization
from bot.services import polling, report, retention

logger = logging.getLogger("koldo.housekeeping")

Job = Callable[[async_sessionmaker[AsyncSession], Bot, Localization, Settings], Awaitable[None]]
# Each in turn, once per poll; a job's own claim says whether it is due.
JOBS: tuple[tuple[str, Job], ...] = (
    ("retention", retention.run_if_due),
    ("daily report", report.send_if_due),
)


async def run_due(
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    localization: Localization,
    settings: Settings,
) -> None:
    """Every job that is due, one after the other; one that fails is logged (by the type of
    its failure only) and the others still run."""
    for name, job in JOBS:
        try:
            await job(session_factory, bot, localization, settings)
        except Exception as error:  # a database or network hiccup must not stop the others
            logger.error("the %s job failed with %s", name, type(error).__name__)


async def run_until(
    stop: asyncio.Event,
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    localization: Localization,
    settings: Settings,
) -> None:
    """The background task of `koldo run`, polling every `alert_poll_seconds` until `stop` is
    set; a run under way when it is set is finished (its transaction commits or rolls back
    whole either way, but a finished run needs no second one)."""
    await polling.every(
        settings.alert_poll_seconds,
        stop,
        lambda: run_due(session_factory, bot, localization, settings),
        "housekeeping",
    )
