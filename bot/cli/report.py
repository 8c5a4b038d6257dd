"""`koldo report --out report.png [--language ky|ru|en]`: the situation report from the shell.

Writes the same picture admins get from /report, and prints its figures as text (the bot's
bold marks left out). English by default, like the other commands; audited like a report sent.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import re
import sys

from bot.cli.database import command_session
from bot.config import Settings
from bot.i18n import Localization
from bot.screens import report as screens
from bot.services import report
from storage.places import Geography
from storage.repositories import audit

_TAGS = re.compile(r"</?b>")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot import report_picture

    t = Localization().translator(args.language)
    geography = Geography.load()
    async with command_session(settings) as session:
        figures = await report.gather(session, geography)
        png = report_picture.render(figures, t, geography)
        try:
            await asyncio.to_thread(args.out.write_bytes, png)
        except OSError as error:
            print(f"koldo: cannot write {args.out}: {error.strerror}", file=sys.stderr)
            return 2
        audit.record(
            session,
            "report.written",
            details={"language": args.language, "open_cases": figures.open_cases},
        )
        await session.commit()
    print(html.unescape(_TAGS.sub("", screens.figures(t, figures, geography))))
    print(
        f"koldo: wrote {args.out} ({report_picture.WIDTH_PX}x{report_picture.HEIGHT_PX} PNG)",
        file=sys.stderr,
    )
    return 0
