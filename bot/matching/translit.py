"""Every script and spelling system of a name folded into one phonetic form, table-driven.

Two levels:

- `phonetic(word)`: a lower-case Latin spelling, the same for a word typed in Kyrgyz, Russian,
  Tajik or Uzbek Cyrillic and for the usual Latin renderings of it (ICAO 9303, older passports,
  GOST 7.79 B, BGN/PCGN Kyrgyz, official Uzbek Latin, English ad hoc): the Kyrgyz and the
  Russian-document Cyrillic spellings of Zhumabaev / Dzhumabaev, "DZHUMABAEV", "Jumabaev",
  "Zhumabayev" all come out close (jumabaev / jumabayev).
- `skeleton(phonetic)`: a coarser key where vowels that documents swap (a/o, i/y/e, u/ü/yu,
  ö/yo/e) become one vowel class and consonants that respellings swap (zh/dzh/j, kh/h, k/q,
  p/f) one consonant class: Kosimov and Kasymov, Ysmayyl and Ismail, Abdullo and Abdulla,
  Ömürbekov and Omurbekov share their skeleton. No name is listed: the classes do it.

The letter tables (Cyrillic per language, look-alike letters) live in tables.toml.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from bot.matching import tables

# Latin letters typed inside Cyrillic words (and the reverse) that look the same.
LOOKALIKE_LATIN_TO_CYRILLIC: Final[dict[str, str]] = tables.mapping("lookalike_latin_to_cyrillic")
LOOKALIKE_CYRILLIC_TO_LATIN: Final[dict[str, str]] = {
    cyr: lat for lat, cyr in LOOKALIKE_LATIN_TO_CYRILLIC.items()
}

# Cyrillic to the phonetic Latin spelling, one table per language (applied after lower-casing).
CYRILLIC_RUSSIAN: Final[dict[str, str]] = tables.mapping("cyrillic_russian")
CYRILLIC_KYRGYZ: Final[dict[str, str]] = tables.mapping("cyrillic_kyrgyz")
CYRILLIC_TAJIK: Final[dict[str, str]] = tables.mapping("cyrillic_tajik")
CYRILLIC_UZBEK: Final[dict[str, str]] = tables.mapping("cyrillic_uzbek")
CYRILLIC: Final[dict[str, str]] = {
    **CYRILLIC_RUSSIAN, **CYRILLIC_KYRGYZ, **CYRILLIC_TAJIK, **CYRILLIC_UZBEK,
}  # fmt: skip
CYRILLIC_DIGRAPHS: Final[dict[str, str]] = tables.mapping("cyrillic_digraphs")

# Latin spellings. Apostrophe-like marks are first made one mark.
APOSTROPHES: Final[str] = "'`ʻʼ’‘´ʹ"
LATIN_MARKED: Final[dict[str, str]] = {
    "o'": "u",  # official Uzbek Latin oʻ (Cyrillic u with breve)
    "g'": "g",  # official Uzbek Latin gʻ (Cyrillic ghe with stroke)
    "y'": "y",  # GOST 7.79 B y' (Cyrillic yeru)
}
LATIN_LETTERS: Final[dict[str, str]] = {
    "ö": "o", "ü": "u", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "g", "ñ": "n", "ə": "a",
    "ä": "a", "é": "e", "è": "e", "ë": "yo", "ŭ": "u", "ō": "o", "ū": "u", "ī": "i",
}  # fmt: skip
# Longest first: ICAO / old passports / GOST / BGN / English ad hoc digraphs.
LATIN_DIGRAPHS: Final[tuple[tuple[str, str], ...]] = (
    ("shch", "sh"), ("sch", "sh"), ("dzh", "j"), ("tch", "ch"), ("dj", "j"), ("zh", "j"),
    ("kh", "h"), ("gh", "g"), ("ts", "ts"), ("ch", "ch"), ("sh", "sh"), ("ph", "f"),
    ("q", "k"), ("x", "h"), ("w", "v"), ("c", "ts"),
)  # fmt: skip
# ICAO 9303 writes ya, yu, yo as ia, iu, io.
LATIN_ICAO_VOWELS: Final[dict[str, str]] = {"ia": "ya", "iu": "yu", "io": "yo"}

# The skeleton: consonant classes (after the phonetic spelling) and one vowel class.
SKELETON_VOWELS: Final[frozenset[str]] = frozenset("aeiouy")
SKELETON_DIGRAPHS: Final[tuple[tuple[str, str], ...]] = (
    ("sh", "w"), ("ch", "c"), ("ts", "s"),
)  # fmt: skip
SKELETON_CONSONANTS: Final[dict[str, str]] = {"f": "p", "q": "k"}
SKELETON_VOWEL: Final[str] = "a"

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_DIGRAPH_RE = re.compile("|".join(re.escape(k) for k, _ in LATIN_DIGRAPHS))
_DIGRAPH_MAP = dict(LATIN_DIGRAPHS)
_ICAO_RE = re.compile("|".join(LATIN_ICAO_VOWELS))
_SKELETON_DIGRAPH_RE = re.compile("|".join(k for k, _ in SKELETON_DIGRAPHS))
_SKELETON_DIGRAPH_MAP = dict(SKELETON_DIGRAPHS)
_NG_RE = re.compile("ng")  # BGN writes the Kyrgyz velar n as ng, Russian documents as n


def fold_lookalikes(word: str) -> str:
    """Latin look-alike letters inside a Cyrillic word made Cyrillic, and the reverse."""
    cyrillic = len(_CYRILLIC_RE.findall(word))
    latin = len(_LATIN_RE.findall(word))
    if cyrillic and latin:
        if cyrillic >= latin and all(
            c in LOOKALIKE_LATIN_TO_CYRILLIC for c in word if _LATIN_RE.match(c)
        ):
            return "".join(LOOKALIKE_LATIN_TO_CYRILLIC.get(c, c) for c in word)
        if latin > cyrillic and all(
            c in LOOKALIKE_CYRILLIC_TO_LATIN for c in word if _CYRILLIC_RE.match(c)
        ):
            return "".join(LOOKALIKE_CYRILLIC_TO_LATIN.get(c, c) for c in word)
    return word


def _cyrillic_to_latin(word: str) -> str:
    for digraph, latin in CYRILLIC_DIGRAPHS.items():
        word = word.replace(digraph, latin)
    return "".join(CYRILLIC.get(c, c) for c in word)


def _latin_letters(word: str) -> str:
    out = []
    for c in word:
        if c in LATIN_LETTERS:
            out.append(LATIN_LETTERS[c])
        elif "a" <= c <= "z" or c == "'":
            out.append(c)
        else:  # other accented Latin letters lose their accents; anything else goes
            base = unicodedata.normalize("NFKD", c)[0]
            if "a" <= base <= "z":
                out.append(base)
    return "".join(out)


def phonetic(word: str) -> str:
    """One word (a name, or a village) in the phonetic Latin spelling; "" for no letters."""
    word = fold_lookalikes(unicodedata.normalize("NFC", word)).lower()
    for mark in APOSTROPHES:
        word = word.replace(mark, "'")
    word = _cyrillic_to_latin(word)
    for marked, plain in LATIN_MARKED.items():
        word = word.replace(marked, plain)
    word = _latin_letters(word).replace("'", "")
    word = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group(0)], word)
    word = _ICAO_RE.sub(lambda m: LATIN_ICAO_VOWELS[m.group(0)], word)
    return _squeeze(word)


def skeleton(phonetic_word: str) -> str:
    """The coarse key of a phonetic spelling: consonant classes, one vowel class."""
    word = _NG_RE.sub("n", phonetic_word)
    word = _SKELETON_DIGRAPH_RE.sub(lambda m: _SKELETON_DIGRAPH_MAP[m.group(0)], word)
    out: list[str] = []
    for c in word:
        letter = SKELETON_VOWEL if c in SKELETON_VOWELS else SKELETON_CONSONANTS.get(c, c)
        if not out or out[-1] != letter:
            out.append(letter)
    return "".join(out)


def _squeeze(word: str) -> str:
    """Doubled letters made single (Lakkon / Lakon, Abdukahhor / Abdukahor)."""
    return re.sub(r"(.)\1+", r"\1", word)
