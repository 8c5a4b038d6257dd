"""Logging set-up. Koldo's own log lines carry ids and case codes only, never personal data."""

from __future__ import annotations

import logging

# These log SQL statements with their parameters (phone numbers, free text) at DEBUG.
PARAMETER_LOGGERS = ("aiosqlite", "sqlalchemy.engine")
# A line per loaded plugin at every start says nothing to the people running Koldo.
CHATTY_LOGGERS = ("alembic.runtime.plugins",)


def setup_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for name in (*PARAMETER_LOGGERS, *CHATTY_LOGGERS):
        logging.getLogger(name).setLevel(logging.WARNING)
    # One line per handled update is noise at INFO; it stays available at DEBUG.
    if logging.getLogger().level > logging.DEBUG:
        logging.getLogger("aiogram.event").setLevel(logging.WARNING)
