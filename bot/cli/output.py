"""Where a command's table goes: the screen (stdout), or a file with --out."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


async def write_out(text: str, target: Path | None) -> None:
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    await asyncio.to_thread(target.write_text, text, encoding="utf-8")
