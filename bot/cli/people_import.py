"""`koldo people import FILE --source LABEL`: a list of people into the person index.

The file is read and checked whole first (bot.services.people_files); a file with any bad row
changes nothing and lists every problem by line and column, as shelter imports do. Then the
people of open missing cases are searched for among the list's people (bot.services.reunion):
what it finds waits for a coordinator, as a possible match.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.cli.database import command_session
from bot.cli.datafiles import refuse
from bot.config import Settings
from bot.services import people_files, reunion
from bot.typed_text import clean_text
from storage.repositories import people


async def run(args: argparse.Namespace, settings: Settings) -> int:
    source = " ".join(clean_text(args.source).split())
    if not source or len(source) > people_files.MAX_SOURCE:
        print(
            f"koldo: --source needs a name of 1 to {people_files.MAX_SOURCE} characters",
            file=sys.stderr,
        )
        return 2
    path: Path = args.file
    try:
        data = await asyncio.to_thread(path.read_bytes)
    except OSError as error:
        print(f"koldo: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 2
    parsed = people_files.parse(data)
    if parsed.problems:
        return refuse(path, parsed.problems)
    async with command_session(settings) as session:
        result = await people_files.apply(session, parsed.records, source)
        # The whole list, not only its new rows: a pair proposed before is never proposed
        # again, and a row that changed may match now.
        listed = await people.of_list(session, source)
        proposed = await reunion.propose_for(session, listed)
        await session.commit()
    print(
        f"imported {len(parsed.records)} people from {path} into “{source}”: "
        f"{result.created} new, {result.updated} updated; "
        f"possible matches for missing people proposed: {proposed}"
    )
    return 0
