"""What people type, cleaned once wherever it comes in: the bot's updates
(bot/middlewares/clean_text.py) and the files admins import (bot/services/tables.py)."""

from __future__ import annotations

import re

# Control characters (C0 but tab and newline, DEL, C1), and lone surrogates: PostgreSQL refuses
# NUL in text, a lone surrogate cannot be encoded at all, and none of them is something a person
# meant to write.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    return CONTROL.sub("", text) if CONTROL.search(text) else text
