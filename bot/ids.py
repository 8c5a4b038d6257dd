"""Telegram ids as they arrive from the edge (commands, the command line, button values).

A Telegram user id is positive and has at most 52 significant bits
(https://core.telegram.org/bots/api#user). Anything else is refused here, before it reaches the
database, where a 20-digit number would overflow a BIGINT.
"""

from __future__ import annotations

TELEGRAM_ID_BITS = 52
MAX_TELEGRAM_USER_ID = 2**TELEGRAM_ID_BITS - 1
_MAX_DIGITS = len(str(MAX_TELEGRAM_USER_ID))


def telegram_user_id(value: str | int) -> int | None:
    """The user id written in `value` (ASCII digits only, or an int), or None when it can't be
    one: empty, signed, not a number, zero, or more than 52 bits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text or len(text) > _MAX_DIGITS or not (text.isascii() and text.isdecimal()):
            return None
        value = int(text)
    return value if 0 < value <= MAX_TELEGRAM_USER_ID else None


def is_person_chat(chat_id: int) -> bool:
    """A private chat's id is its person's user id; groups and channels have negative ids."""
    return telegram_user_id(chat_id) is not None
