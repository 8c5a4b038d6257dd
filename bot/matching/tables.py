"""The matcher's tables, read once from tables.toml beside this module.

They hold Cyrillic words and letters, which stay out of the Python code (the project keeps
every non-Latin text out of it); each table is tested in tests/test_matching_*.py.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any, Final

_TABLES: Final[dict[str, Any]] = tomllib.loads(
    resources.files("bot.matching").joinpath("tables.toml").read_text(encoding="utf-8")
)


def mapping(name: str) -> dict[str, str]:
    """A table of letters or words to their replacement."""
    table = _TABLES[name]
    return {str(k): str(v) for k, v in table.items()}


def words(name: str) -> tuple[str, ...]:
    """A list of words."""
    return tuple(str(w) for w in _TABLES[name])


def expansions(name: str) -> dict[str, tuple[str, ...]]:
    """A table of words to the words they stand for."""
    return {str(k): tuple(str(x) for x in v) for k, v in _TABLES[name].items()}
