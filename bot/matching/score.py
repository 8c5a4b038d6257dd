"""How likely two person records are the same person: a calibrated score and its reasons.

The name decides most (surname, given name and patronymic compared token by token in any
order, on their phonetic spelling and skeleton); age, sex, village and phone are evidence for
and against. The parts add up as log-odds and the sum goes through a logistic curve, so that
0.8 and above means "a coordinator should look at this first".

Reasons are codes, not text (a screen localizes them): "surname", "given", "patronymic",
"sex", "age", "settlement", "phone" when the field agrees, the same with a "-" in front when it
disagrees ("-age": a namesake decades older).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations
from typing import Final

from rapidfuzz.distance import Levenshtein

from bot.matching import tables
from bot.matching.names import ParsedName, Token, parse, short_form_expansions
from bot.matching.records import REFERENCE_YEAR, PersonRecord
from bot.matching.translit import phonetic, skeleton

# Weights of the log-odds sum (tuned on one half of the development set, checked on the other).
NAME_SLOPE: Final[float] = 14.0
NAME_CENTRE: Final[float] = 0.82
SURNAME_WEIGHT: Final[float] = 0.4
SURNAME_UNKNOWN: Final[float] = 0.6  # the surname of a surname-less report (Bektur uulu Azamat)
STEM_PENALTY: Final[float] = 0.06  # Karimova / Karimov, Zhumabaev / Zhumabai
SKELETON_PENALTY: Final[float] = 0.04  # Kosimov / Kasymov: same skeleton, other letters
SUFFIX_PENALTY: Final[float] = 0.02  # the same surname in another form (-ova / -ov / -zoda)
SHORT_FORM_SIMILARITY: Final[float] = 0.9  # Sasha / Aleksandr
AGREE: Final[float] = 0.85
DISAGREE: Final[float] = 0.6
PATRONYMIC_AGREE: Final[float] = 1.0
PATRONYMIC_DISAGREE: Final[float] = -2.5
# Two surnames that clearly differ (Bekmurzaev / Teshebaev) are two families, however alike
# the rest: such a pair stays below the threshold, still in the candidates.
SURNAME_DISAGREE: Final[float] = -2.5
SEX_AGREE: Final[float] = 0.2
SEX_DISAGREE: Final[float] = -4.0
AGE_TOLERANCE: Final[int] = 6
AGE_POINTS: Final[tuple[tuple[int, float], ...]] = (
    (2, 0.8), (AGE_TOLERANCE, 0.3), (10, -1.5), (15, -3.0),
)  # fmt: skip
AGE_FAR: Final[float] = -6.0  # a namesake 16 or more years off is another person
SETTLEMENT_AGREE: Final[float] = 0.7
SETTLEMENT_DISAGREE: Final[float] = -1.5
PHONE_AGREE: Final[float] = 0.6  # weak: children are registered with a parent's number
PHONE_DIGITS: Final[int] = 9

# Words around a village name that say what it is, not which (any script, phonetic spelling).
SETTLEMENT_WORDS: Final[frozenset[str]] = frozenset(
    phonetic(w) for w in tables.words("settlement_words")
)


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Evidence:
    logit: float
    reasons: tuple[str, ...]


def score(query: PersonRecord, candidate: PersonRecord, *, year: int = REFERENCE_YEAR) -> Match:
    """The score (0..1) that `candidate` is the person `query` describes, and why."""
    q, c = parse(query.full_name), parse(candidate.full_name)
    reasons: list[str] = []
    logit = _names(q, c, reasons)
    logit += _sex(_sex_of(query.sex, q), _sex_of(candidate.sex, c), reasons)
    logit += _age(query.age_in(year), candidate.age_in(year), reasons)
    logit += _settlement(query.settlement, candidate.settlement, reasons)
    logit += _phone(query.phone, candidate.phone, reasons)
    return Match(candidate.id, round(1.0 / (1.0 + math.exp(-logit)), 4), tuple(reasons))


def _sim(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return float(Levenshtein.normalized_similarity(a, b))


@lru_cache(maxsize=262144)
def token_similarity(a: Token, b: Token) -> float:
    """How alike two name words are (1.0 the same), across scripts and respellings."""
    if a.core and b.core:  # two surnames: the common endings (-ova, -zoda) say nothing
        best = max(
            _sim(a.core, b.core),
            _sim(a.stem, b.stem) - SKELETON_PENALTY,
            _sim(a.core, b.phonetic) - STEM_PENALTY,  # a weak ending that was none (Mumin)
            _sim(a.phonetic, b.core) - STEM_PENALTY,
        )
        if a.phonetic != b.phonetic:
            best -= SUFFIX_PENALTY
        return max(best, 0.0)
    best = max(_sim(a.phonetic, b.phonetic), _sim(a.skeleton, b.skeleton) - SKELETON_PENALTY)
    if best >= 1.0 - SKELETON_PENALTY:
        return best
    for x in (a.skeleton, a.stem):
        for y in (b.skeleton, b.stem):
            if x and y and (x is a.stem or y is b.stem):
                best = max(best, _sim(x, y) - STEM_PENALTY)
    for short, full in ((a, b), (b, a)):
        for expansion in short_form_expansions(short.skeleton):
            if _sim(expansion, full.skeleton) >= AGREE:
                best = max(best, SHORT_FORM_SIMILARITY)
    return max(best, 0.0)


def _pairs(q: ParsedName, c: ParsedName) -> list[tuple[int, int, float]]:
    """The one-to-one pairing of the two names' words that agrees best, in any order."""
    if not q.tokens or not c.tokens:
        return []
    sims = [[token_similarity(a, b) for b in c.tokens] for a in q.tokens]
    best: list[tuple[int, int, float]] = []
    best_total = -1.0
    if len(q.tokens) <= len(c.tokens):
        for perm in permutations(range(len(c.tokens)), len(q.tokens)):
            pairs = [(i, j, sims[i][j]) for i, j in enumerate(perm)]
            total = sum(s for _, _, s in pairs)
            if total > best_total:
                best, best_total = pairs, total
    else:
        for perm in permutations(range(len(q.tokens)), len(c.tokens)):
            pairs = [(i, j, sims[i][j]) for j, i in enumerate(perm)]
            total = sum(s for _, _, s in pairs)
            if total > best_total:
                best, best_total = pairs, total
    return best


def _names(q: ParsedName, c: ParsedName, reasons: list[str]) -> float:
    pairs = _pairs(q, c)
    if not pairs:
        return -NAME_SLOPE * NAME_CENTRE
    surname_pair = _surname_pair(q, c, pairs)
    given = [s for i, j, s in pairs if (i, j, s) != surname_pair]
    if surname_pair is None:
        surname: float | None = None
    else:
        surname = surname_pair[2]
        _reason(reasons, "surname", surname)
    if given:
        given_sim = min(given)
        _reason(reasons, "given", given_sim)
    else:  # only the surname is known on one side
        given_sim = 0.0
    if surname is None:
        both_have_surnames = c.surname is not None and q.surname is not None
        surname = 0.0 if both_have_surnames else SURNAME_UNKNOWN
        if c.surname is None and q.surname is None and c.patronymic and q.patronymic:
            surname = 1.0  # surname-less on both sides: given name and father's name decide
    name = SURNAME_WEIGHT * surname + (1.0 - SURNAME_WEIGHT) * given_sim
    logit = NAME_SLOPE * (name - NAME_CENTRE)
    if surname_pair is not None and surname_pair[2] < DISAGREE:
        logit += SURNAME_DISAGREE
    if q.patronymic and c.patronymic:
        p = token_similarity(q.patronymic, c.patronymic)
        _reason(reasons, "patronymic", p)
        if p >= AGREE:
            logit += PATRONYMIC_AGREE
        elif p < DISAGREE:
            logit += PATRONYMIC_DISAGREE
    return logit


def _surname_pair(
    q: ParsedName, c: ParsedName, pairs: list[tuple[int, int, float]]
) -> tuple[int, int, float] | None:
    if c.surname is not None:
        return next((p for p in pairs if p[1] == c.surname), None)
    if q.surname is not None:
        return next((p for p in pairs if p[0] == q.surname), None)
    if len(pairs) >= 2:  # no clue which word is the surname: the better-agreeing one
        return max(pairs, key=lambda p: p[2])
    return None


def _reason(reasons: list[str], code: str, similarity: float) -> None:
    if similarity >= AGREE:
        reasons.append(code)
    elif similarity < DISAGREE:
        reasons.append("-" + code)


def _sex_of(given: str | None, name: ParsedName) -> str | None:
    return given or name.patronymic_sex


def _sex(a: str | None, b: str | None, reasons: list[str]) -> float:
    if a is None or b is None:
        return 0.0
    if a == b:
        reasons.append("sex")
        return SEX_AGREE
    reasons.append("-sex")
    return SEX_DISAGREE


def _age(a: int | None, b: int | None, reasons: list[str]) -> float:
    if a is None or b is None:
        return 0.0
    gap = abs(a - b)
    for limit, points in AGE_POINTS:
        if gap <= limit:
            if points > 0:
                reasons.append("age")
            elif points < 0:
                reasons.append("-age")
            return points
    reasons.append("-age")
    return AGE_FAR


@lru_cache(maxsize=65536)
def settlement_key(settlement: str) -> str:
    """A village name without "s.", "aiyl", "sh.", "g." ..., as one skeleton (Kara-Suu: karasuu)."""
    parts = [phonetic(w) for w in re.split(r"[\s.,;()]+", settlement) if w]
    kept = [p for p in parts if p and p not in SETTLEMENT_WORDS]
    return skeleton("".join(kept or parts))


def _settlement(a: str | None, b: str | None, reasons: list[str]) -> float:
    ka, kb = settlement_key(a) if a else "", settlement_key(b) if b else ""
    if not ka or not kb:
        return 0.0
    if _sim(ka, kb) >= AGREE:
        reasons.append("settlement")
        return SETTLEMENT_AGREE
    reasons.append("-settlement")
    return SETTLEMENT_DISAGREE


def phone_key(phone: str) -> str:
    """The last nine digits of a phone number, whatever its format ("" if too short)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""


def _phone(a: str | None, b: str | None, reasons: list[str]) -> float:
    ka, kb = phone_key(a) if a else "", phone_key(b) if b else ""
    if ka and ka == kb:
        reasons.append("phone")
        return PHONE_AGREE
    return 0.0
