"""`koldo demo`: the sandbox Telegram and the real bot side by side (built with the sandbox)."""

from __future__ import annotations

import sys

from bot.config import Settings


async def run_demo(settings: Settings) -> int:
    print("koldo demo: the local Telegram stand-in is not built yet.", file=sys.stderr)
    return 1
