"""Which rumour a family's "is this true?" question is about: pure, imports neither aiogram nor a
database (bot/services/rumours.py feeds it the questions of the open rumours).

A question joins a rumour when it is the same post (the same forward origin), the same picture
(the same Telegram file_unique_id), or the same words. "The same words" is decided word by word,
not by one similarity figure for the whole text: "the road is closed" and "the road is open"
differ in one word of many and score above 90 on any whole-text ratio, yet one answer cannot
serve both. Words are compared after folding what differs without changing the meaning: letter
case, punctuation and emoji, links, Latin look-alike letters inside Cyrillic words, diacritics
(yo/e), and word endings (Kyrgyz and Russian inflect: "Batkende", "Batkenge"). A question joins a
rumour when nearly every word has its counterpart (MAX_UNPAIRED_SHARE), every number agrees, and
no negation stands alone on one side (rumours.toml). A negation inside a word (a Kyrgyz verb's
-ba-, zhabyldy / zhabylbady) is not seen: the two share their beginning.
Short texts never join by words ("is this true?" is not a rumour): MIN_WORDS.

Merging two different claims would tell a family a false answer; missing a match only makes
staff answer twice. The rules lean to the second.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Final

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.matching.translit import fold_lookalikes

# Fewer words than this never join by words alone.
MIN_WORDS = 4
# Words without a counterpart, as a share of all words of both texts, that still join.
MAX_UNPAIRED_SHARE = 0.1
# Words this long or longer are the same word when they begin alike (endings differ)...
STEM_LENGTH = 5
# ...and words this long or longer are the same word with one typo in them.
TYPO_MIN_LENGTH = 7

# Words that negate a claim (rumours.toml): two texts differing by one never join.
NEGATIONS: Final[frozenset[str]] = frozenset(
    tomllib.loads(
        resources.files("bot.matching").joinpath("rumours.toml").read_text(encoding="utf-8")
    )["negations"]
)

_LINK = re.compile(r"(?:https?://|www\.|t\.me/)\S+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Question:
    """What a family asked about, as the matcher needs it."""

    text: str = ""
    forward_key: str | None = None  # "<chat id>:<message id>" of a forwarded post
    photos: frozenset[str] = field(default_factory=frozenset)  # Telegram file_unique_ids


@dataclass(frozen=True)
class Asked:
    """An earlier question of an open rumour."""

    rumour_id: int
    question: Question


def words(text: str) -> list[str]:
    """The words of a text, folded: lower case, no links, punctuation or emoji, Latin look-alikes
    in Cyrillic words made Cyrillic, diacritics gone (Russian yo is ye; the Kyrgyz letters have
    none to lose)."""
    folded = []
    for word in _WORD.findall(_LINK.sub(" ", text).casefold()):
        word = fold_lookalikes(word)
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        folded.append(word)
    return folded


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


@dataclass(frozen=True)
class _Words:
    """A text's words, with what pairing them looks up: read once per text."""

    words: tuple[str, ...]
    distinct: frozenset[str]
    stems: frozenset[str]
    long: tuple[str, ...]  # the words one typo may change
    numbers: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _Words:
        found = words(text)
        plain = [w for w in found if not _has_digit(w)]
        return cls(
            tuple(found),
            frozenset(found),
            frozenset(w[:STEM_LENGTH] for w in plain if len(w) >= STEM_LENGTH),
            tuple(sorted({w for w in plain if len(w) >= TYPO_MIN_LENGTH})),
            frozenset(w for w in found if _has_digit(w)),
        )

    def has(self, word: str) -> bool:
        """Whether some word of this text is `word` written another way: exactly; or, without
        digits, the same beginning of a long word (another ending), or one typo in a longer
        word. Numbers agree only exactly."""
        if word in self.distinct:
            return True
        if _has_digit(word):
            return False
        if len(word) >= STEM_LENGTH and word[:STEM_LENGTH] in self.stems:
            return True
        if len(word) < TYPO_MIN_LENGTH or not self.long:
            return False
        typo = process.extractOne(word, self.long, scorer=Levenshtein.distance, score_cutoff=1)
        return typo is not None


def _alone(mine: _Words, theirs: _Words, limit: int) -> int:
    """How many words of `mine` have no counterpart in `theirs`, counted up to `limit` + 1; a
    negation alone is more than any limit."""
    alone = 0
    for word in mine.words:
        if not theirs.has(word):
            alone += limit + 1 if word in NEGATIONS else 1
            if alone > limit:
                break
    return alone


def _allowed(mine: _Words, theirs: _Words) -> int:
    """How many words without a counterpart two texts may have and still join."""
    return int((len(mine.words) + len(theirs.words)) * MAX_UNPAIRED_SHARE + 1e-9)


def _unpaired(mine: _Words, theirs: _Words, limit: int) -> int | None:
    """The words of either text without a counterpart in the other; None when they may not
    join by words at all (too short, a number differs) or when more than `limit` are alone
    (counting stops there)."""
    if len(mine.words) < MIN_WORDS or len(theirs.words) < MIN_WORDS:
        return None
    if mine.numbers != theirs.numbers:
        return None
    alone = _alone(mine, theirs, limit)
    if alone <= limit:
        alone += _alone(theirs, mine, limit - alone)
    return alone if alone <= limit else None


def text_score(one: str, other: str) -> float:
    """How alike two texts are, word by word, from 0 to 1: the share of their words that have a
    counterpart in the other; 0 when they may not join by words (too short, or a number
    differs)."""
    mine, theirs = _Words.of(one), _Words.of(other)
    total = len(mine.words) + len(theirs.words)
    alone = _unpaired(mine, theirs, total)
    return 0.0 if alone is None else 1.0 - alone / total


def same_text(one: str, other: str) -> bool:
    """Whether two texts say the same (see the module's rules)."""
    mine, theirs = _Words.of(one), _Words.of(other)
    return _unpaired(mine, theirs, _allowed(mine, theirs)) is not None


def best_rumour(question: Question, asked: Iterable[Asked]) -> int | None:
    """The rumour the question is about: the same post first, then the same picture, then the
    closest words; None when none is close enough (a new rumour)."""
    earlier = list(asked)
    if question.forward_key is not None:
        for one in earlier:
            if one.question.forward_key == question.forward_key:
                return one.rumour_id
    if question.photos:
        for one in earlier:
            if question.photos & one.question.photos:
                return one.rumour_id
    best: tuple[float, int] | None = None
    mine = _Words.of(question.text)
    for one in earlier:
        theirs = _Words.of(one.question.text)
        alone = _unpaired(mine, theirs, _allowed(mine, theirs))
        if alone is None:
            continue
        score = 1.0 - alone / (len(mine.words) + len(theirs.words))
        if best is None or score > best[0]:
            best = (score, one.rumour_id)
    return best[1] if best is not None else None
