"""`koldo people …`: commands on the person index. This module holds `koldo people match`.

The match command is pure: it reads two JSON-lines files and runs the matching engine, with no
database and no Telegram library imported, so that it starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

MATCH = "match"


def add_match_command(people: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `koldo people match --pool POOL --queries QUERIES [--top N]`."""
    match = people.add_parser(
        MATCH, help="rank pool records for each query (JSON lines in, JSON lines out)"
    )
    match.add_argument("--pool", type=Path, default=None, help="default: $POOL")
    match.add_argument("--queries", type=Path, default=None, help="default: $QUERIES")
    match.add_argument("--top", type=int, default=5, help="matches per query (default 5)")


def run_match_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Print one line per query: {"query_id": …, "matches": [{"id": …, "score": …}, …]}."""
    from bot.matching.records import PersonRecord
    from bot.matching.search import Index

    out = out or sys.stdout
    pool_path = args.pool or _env_path("POOL")
    queries_path = args.queries or _env_path("QUERIES")
    if pool_path is None or queries_path is None:
        print("koldo: give --pool and --queries (or set POOL and QUERIES).", file=sys.stderr)
        return 2
    if args.top < 1:
        print("koldo: --top must be 1 or more.", file=sys.stderr)
        return 2
    try:
        pool = [PersonRecord.from_json(row, id_field="id") for row in _rows(pool_path)]
        queries = [
            (row, PersonRecord.from_json(row, id_field="query_id")) for row in _rows(queries_path)
        ]
    except (OSError, ValueError) as error:
        print(f"koldo: {error}", file=sys.stderr)
        return 2
    index = Index(pool)
    for row, query in queries:
        matches = index.search(query, args.top)
        line = {
            "query_id": row.get("query_id"),
            "matches": [{"id": m.id, "score": m.score} for m in matches],
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    out.flush()
    return 0


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value) if value else None


def _rows(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from None
            if not isinstance(row, dict):
                raise ValueError(f"{path}:{number}: not a JSON object")
            rows.append(row)
    return rows
