"""A full name, as typed in any order, split into surname, given name and patronymic.

Table-driven: patronymic suffixes and markers (Russian -ovich/-ovna, Kyrgyz uulu/kyzy, Uzbek
o'g'li/qizi, the father's name before the marker), surname suffixes (-ov/-ova, -ev/-eva,
-in/-ina, Tajik -zoda/-zade), given-name elements (-bek, -bai, -zhan/-jon, -gul ...) that a
short form drops, and the common short forms of given names (Sasha, Misha, Lesha ...). Words
are compared in their phonetic spelling and skeleton (see `translit`), so the tables hold each
entry once, in any script; the Cyrillic ones live in tables.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from bot.matching import tables
from bot.matching.translit import phonetic, skeleton

# Words that follow the father's name (uulu, kyzy, o'g'li, qizi ...), phonetic spelling.
PATRONYMIC_MARKERS_MALE: Final[frozenset[str]] = frozenset(
    phonetic(w) for w in tables.words("patronymic_markers_male")
)
PATRONYMIC_MARKERS_FEMALE: Final[frozenset[str]] = frozenset(
    phonetic(w) for w in tables.words("patronymic_markers_female")
)
# Russian-style patronymic endings (phonetic spelling), with the common typos of "-ich".
PATRONYMIC_SUFFIX_MALE: Final[re.Pattern[str]] = re.compile(
    r"(?:o|e|yo)v(?:ich|ic|ih|ch|its|ish|iç)$|(?:o|e)vi?ch$"
)
PATRONYMIC_SUFFIX_FEMALE: Final[re.Pattern[str]] = re.compile(r"(?:o|e|yo)vn(?:a|y)$|ichna$")
PATRONYMIC_MIN_LENGTH: Final[int] = 6
# Surname endings, longest first; strong ones mark a surname, weak ones may end a given name.
SURNAME_SUFFIXES_STRONG: Final[tuple[str, ...]] = (
    "zoda", "zode", "zade", "zada", "ova", "eva", "yova", "ov", "ev", "yov", "skaya", "skiy",
    "sky", "skii", "ykh", "ikh",
)  # fmt: skip
SURNAME_SUFFIXES_WEAK: Final[tuple[str, ...]] = ("ina", "yna", "in", "yn", "aya", "iy")
SURNAME_SUFFIXES_FEMALE: Final[tuple[str, ...]] = ("ova", "eva", "yova", "ina", "yna", "skaya")
# Elements that end given names and that a short form or a dropped surname suffix leaves off.
GIVEN_NAME_ELEMENTS: Final[tuple[str, ...]] = tuple(
    sorted(
        {skeleton(phonetic(w)) for w in tables.words("given_name_elements")}, key=len, reverse=True
    )
)

# Common short forms of given names: short form -> full names (any script).
SHORT_FORMS: Final[dict[str, tuple[str, ...]]] = tables.expansions("short_forms")


@dataclass(frozen=True, slots=True)
class Token:
    """One name word: as typed, in the phonetic spelling, its skeleton and its stem."""

    raw: str
    phonetic: str
    skeleton: str
    stem: str  # skeleton with a surname or given-name suffix taken off ("" if none)
    core: str  # phonetic spelling without its surname suffix ("" if it has none)
    surname_strength: int  # 2 strong surname ending, 1 weak, 0 none
    female_form: bool


@dataclass(frozen=True, slots=True)
class ParsedName:
    tokens: tuple[Token, ...]  # surname and given-name candidates, in the typed order
    patronymic: Token | None  # the father's name, without suffix or marker
    patronymic_sex: str | None  # "M" / "F" from -ovich/-ovna or uulu/kyzy
    surname: int | None  # index into tokens of the likely surname, None if no clue

    @property
    def skeletons(self) -> tuple[str, ...]:
        return tuple(t.skeleton for t in self.tokens)


_SPLIT_RE = re.compile(r"[\s,;/()\[\]«»\"]+")
_STRIP_RE = re.compile(r"[.\-_–—]")


def words(full_name: str) -> list[str]:
    """The words of a name; hyphens and dots join or vanish (Abdu-Rahim = Abdurahim)."""
    return [w for w in (_STRIP_RE.sub("", p) for p in _SPLIT_RE.split(full_name[:200])) if w]


@lru_cache(maxsize=65536)
def token(raw: str) -> Token:
    ph = phonetic(raw)
    strength, cut = _surname_suffix(ph)
    sk = skeleton(ph)
    stem = skeleton(ph[: len(ph) - cut]) if cut else _given_stem(sk)
    return Token(
        raw=raw,
        phonetic=ph,
        skeleton=sk,
        stem=stem if stem != sk else "",
        core=ph[: len(ph) - cut] if cut else "",
        surname_strength=strength,
        female_form=strength > 0 and ph.endswith(SURNAME_SUFFIXES_FEMALE),
    )


def _surname_suffix(ph: str) -> tuple[int, int]:
    for strength, suffixes in ((2, SURNAME_SUFFIXES_STRONG), (1, SURNAME_SUFFIXES_WEAK)):
        for suffix in suffixes:
            if ph.endswith(suffix) and len(ph) - len(suffix) >= 3:
                return strength, len(suffix)
    return 0, 0


def _given_stem(sk: str) -> str:
    for element in GIVEN_NAME_ELEMENTS:
        if sk.endswith(element) and len(sk) - len(element) >= 3:
            return sk[: -len(element)]
    return ""


def _patronymic(ph: str) -> tuple[str, str | None]:
    """The father's name and the sex if `ph` is a Russian-style patronymic, else ("", None)."""
    if len(ph) < PATRONYMIC_MIN_LENGTH:
        return "", None
    for sex, pattern in (("M", PATRONYMIC_SUFFIX_MALE), ("F", PATRONYMIC_SUFFIX_FEMALE)):
        found = pattern.search(ph)
        if found and found.start() >= 3:
            return ph[: found.start()], sex
    return "", None


@lru_cache(maxsize=65536)
def parse(full_name: str) -> ParsedName:
    raw_words = words(full_name)
    phonetics = [phonetic(w) for w in raw_words]
    patronymic: Token | None = None
    sex: str | None = None
    keep: list[str] = []
    i = 0
    while i < len(raw_words):
        ph = phonetics[i]
        if not ph:
            i += 1
            continue
        marker = (
            "M"
            if ph in PATRONYMIC_MARKERS_MALE
            else "F"
            if ph in PATRONYMIC_MARKERS_FEMALE
            else None
        )
        if marker and keep and patronymic is None:
            patronymic, sex = token(keep.pop()), marker
            i += 1
            continue
        father, father_sex = _patronymic(ph)
        if father and patronymic is None:
            patronymic, sex = _father_token(raw_words[i], father), father_sex
        else:
            keep.append(raw_words[i])
        i += 1
    tokens = tuple(token(w) for w in keep[:4])
    return ParsedName(tokens, patronymic, sex, _surname_index(tokens, patronymic is not None))


def _father_token(raw: str, father_phonetic: str) -> Token:
    sk = skeleton(father_phonetic)
    stem = _given_stem(sk)
    return Token(raw, father_phonetic, sk, stem, "", 0, female_form=False)


def _surname_index(tokens: tuple[Token, ...], has_patronymic: bool) -> int | None:
    if len(tokens) < 2:
        return None
    best = max(t.surname_strength for t in tokens)
    if best:
        return next(i for i, t in enumerate(tokens) if t.surname_strength == best)
    return None


@lru_cache(maxsize=4096)
def short_form_expansions(sk: str) -> tuple[str, ...]:
    """Skeletons of the full given names a short form stands for (empty if it is none)."""
    return _SHORT_FORMS_BY_SKELETON.get(sk, ())


def _by_skeleton(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for short, fulls in table.items():
        key = skeleton(phonetic(short))
        out[key] = tuple(dict.fromkeys((*out.get(key, ()), *_skeletons(fulls))))
    return out


def _skeletons(names: Iterable[str]) -> Iterable[str]:
    return (skeleton(phonetic(n)) for n in names)


_SHORT_FORMS_BY_SKELETON: Final[dict[str, tuple[str, ...]]] = _by_skeleton(SHORT_FORMS)
