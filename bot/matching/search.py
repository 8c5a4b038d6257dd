"""Candidate retrieval by blocking keys, and ranking.

`blocking_keys(record)` gives a few short strings per record; a database stores them in an
indexed column (PostgreSQL and SQLite alike) and a search scores only the records that share at
least one key with the query, instead of everyone. A true match shares one in practically all
cases: every name word gives its skeleton prefix and its consonant prefix (so a typo in one
word, or a vowel at the start, still leaves keys), a surname its stem's (Karimova / Karimov), a
short form its full names' (Sasha / Aleksandr).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Final

from bot.matching.names import Token, parse, short_form_expansions
from bot.matching.records import REFERENCE_YEAR, PersonRecord
from bot.matching.score import Match, score

PREFIX: Final[int] = 3


def _consonants(sk: str) -> str:
    out: list[str] = []
    for c in sk:
        if c != "a" and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


def _token_keys(tok: Token) -> Iterable[str]:
    for sk in (tok.skeleton, tok.stem, *short_form_expansions(tok.skeleton)):
        if len(sk) >= 2:
            yield "s:" + sk[:PREFIX]
            cons = _consonants(sk)
            if len(cons) >= 2:
                yield "c:" + cons[:PREFIX]


def blocking_keys(record: PersonRecord) -> frozenset[str]:
    """The keys under which `record` is found (empty for a name with no letters)."""
    name = parse(record.full_name)
    keys: set[str] = set()
    for tok in name.tokens:
        keys.update(_token_keys(tok))
    return frozenset(keys)


def rank(
    query: PersonRecord,
    candidates: Iterable[PersonRecord],
    top: int = 5,
    *,
    year: int = REFERENCE_YEAR,
) -> list[Match]:
    """The `top` candidates most likely to be the person `query` describes, best first."""
    matches = [score(query, c, year=year) for c in candidates]
    matches.sort(key=lambda m: (-m.score, m.id))
    return matches[:top]


class Index:
    """An in-memory inverted index of blocking keys: what the database index does, for batches."""

    def __init__(self, records: Sequence[PersonRecord]) -> None:
        self.records = list(records)
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for i, record in enumerate(self.records):
            for key in blocking_keys(record):
                self._by_key[key].append(i)

    def candidates(self, query: PersonRecord) -> list[PersonRecord]:
        found: set[int] = set()
        for key in blocking_keys(query):
            found.update(self._by_key.get(key, ()))
        return [self.records[i] for i in sorted(found)]

    def search(
        self, query: PersonRecord, top: int = 5, *, year: int = REFERENCE_YEAR
    ) -> list[Match]:
        return rank(query, self.candidates(query), top, year=year)
