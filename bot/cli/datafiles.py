"""`koldo shelters|hotlines import FILE` and `… export [FILE]`: CSV files in and out.

A file with any bad row is refused whole, with every problem listed by line and column, so that
the person fixing it can do so in one pass; nothing is written until the whole file is good.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli.database import command_session
from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.services import hotline_files, shelter_files
from bot.services.tables import Problem, write_table
from storage.places import Geography

# Staff running the command line read English; the reasons come from locales/en like all text.
CLI_LOCALE = "en"
MAX_PROBLEMS_SHOWN = 200


async def run(args: argparse.Namespace, settings: Settings) -> int:
    async with command_session(settings) as session:
        if args.data_command == "import":
            return await _import(session, args.command, args.file)
        return await _export(session, args.command, args.file)


async def _import(session: AsyncSession, kind: str, path: Path) -> int:
    try:
        data = await asyncio.to_thread(path.read_bytes)
    except OSError as error:
        print(f"koldo: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 2
    geography = Geography.load()
    if kind == "shelters":
        shelters = shelter_files.parse(data, geography, path.name)
        if shelters.problems:
            return refuse(path, shelters.problems)
        result = await shelter_files.apply(session, shelters.records, path.name)
        kept = f", {result.kept_newer} kept newer places from the bot" if result.kept_newer else ""
        print(f"imported {len(shelters.records)} shelters from {path}: {_counts(result)}{kept}")
    else:
        hotlines = hotline_files.parse(data, geography, path.name)
        if hotlines.problems:
            return refuse(path, hotlines.problems)
        done = await hotline_files.apply(session, hotlines.records, path.name)
        print(f"imported {len(hotlines.records)} hotlines from {path}: {_counts(done)}")
    return 0


def _counts(result: shelter_files.ImportResult | hotline_files.ImportResult) -> str:
    return f"{result.created} new, {result.updated} updated"


def refuse(path: Path, problems: list[Problem]) -> int:
    t = Localization().translator(CLI_LOCALE)
    ordered = sorted(problems, key=Problem.sort_key)
    print(
        f"koldo: {path} was NOT imported; nothing was changed. {len(ordered)} problem(s) to fix:",
        file=sys.stderr,
    )
    for problem in ordered[:MAX_PROBLEMS_SHOWN]:
        print(f"  {describe(t, problem)}", file=sys.stderr)
    if len(ordered) > MAX_PROBLEMS_SHOWN:
        print(f"  … and {len(ordered) - MAX_PROBLEMS_SHOWN} more", file=sys.stderr)
    return 1


def describe(t: Translator, problem: Problem) -> str:
    reason = t(
        f"import-problem-{problem.code.value}", value=problem.value, other=problem.other_line
    )
    if problem.column:
        return t("import-problem-line", line=problem.line, column=problem.column, reason=reason)
    return t("import-problem-file", line=problem.line, reason=reason)


async def _export(session: AsyncSession, kind: str, target: str) -> int:
    module = shelter_files if kind == "shelters" else hotline_files
    rows = await module.export(session)
    text = write_table(rows)
    if target == "-":
        sys.stdout.write(text)
        return 0
    await asyncio.to_thread(Path(target).write_text, text, encoding="utf-8")
    # Two header rows: plain names for people, HXL hashtags for tools.
    print(f"exported {len(rows) - 2} {kind} to {target}", file=sys.stderr)
    return 0
