"""Days and times typed on the command line, in Kyrgyzstan's time (REGION_TIME)."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta

from bot.config import REGION_TIME


def day(text: str) -> date:
    """An argparse type: YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day: write YYYY-MM-DD") from None


def since(text: str) -> datetime:
    """An argparse type: a day (from its start) or a time, YYYY-MM-DD[THH:MM], Kyrgyzstan's
    time unless it says otherwise."""
    return _moment(text, end_of_day=False)


def until(text: str) -> datetime:
    """Like `since`, but a day counts to its end: --until 2026-05-03 includes that day."""
    return _moment(text, end_of_day=True)


def _moment(text: str, *, end_of_day: bool) -> datetime:
    cleaned = text.strip()
    try:
        if len(cleaned) == 10:
            start = datetime.combine(date.fromisoformat(cleaned), time(), tzinfo=REGION_TIME)
            return start + timedelta(days=1) if end_of_day else start
        moment = datetime.fromisoformat(cleaned.replace(" ", "T", 1))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day or a time: write YYYY-MM-DD or YYYY-MM-DDTHH:MM"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=REGION_TIME)
