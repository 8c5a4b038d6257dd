"""Transliteration tables: every script and spelling system folds to one phonetic skeleton.

Pure and fast: no database, no Telegram. Names here are made up for the tests.
"""

from __future__ import annotations

import pytest

from bot.matching import translit
from bot.matching.translit import fold_lookalikes, phonetic, skeleton


def key(word: str) -> str:
    return skeleton(phonetic(word))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Владимир", "vladimir"),
        ("Щукин", "shukin"),
        ("Цой", "tsoy"),
        ("Юлия", "yuliya"),
        ("Объедков", "obedkov"),
        ("Эргешов", "ergeshov"),
        ("Чынгыз", "chyngyz"),
    ],
)
def test_russian_cyrillic_table(word: str, expected: str) -> None:
    assert phonetic(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Өскөнбай", "oskonbay"), ("Сүйүнбек", "suyunbek"), ("Жеңиш", "jenish")],
)
def test_kyrgyz_cyrillic_table(word: str, expected: str) -> None:
    assert phonetic(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Раҳимҷон", "rahimjon"),
        ("Ғайратҷон", "gayratjon"),
        ("Қурбонӣ", "kurboni"),
        ("Наврӯз", "navruz"),
    ],
)
def test_tajik_cyrillic_table(word: str, expected: str) -> None:
    assert phonetic(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Ўрол", "urol"), ("Ғулом", "gulom"), ("Қаҳҳор", "kahor"), ("Тўлқин", "tulkin")],
)
def test_uzbek_cyrillic_table(word: str, expected: str) -> None:
    assert phonetic(word) == expected


def test_every_cyrillic_table_letter_becomes_latin() -> None:
    for table in (
        translit.CYRILLIC_RUSSIAN,
        translit.CYRILLIC_KYRGYZ,
        translit.CYRILLIC_TAJIK,
        translit.CYRILLIC_UZBEK,
    ):
        for letter in table:
            assert all("a" <= c <= "z" for c in phonetic("а" + letter + "а")), letter
            assert all("a" <= c <= "z" for c in phonetic("А" + letter.upper() + "А")), letter


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        # ICAO 9303
        ("Ергешова Юлия", "ERGESHOVA IULIIA"),
        ("Сурайё", "SURAIIO"),
        # older passports
        ("Сергей Эргешов", "SERGEY ERGESHOV"),
        # GOST 7.79 B
        ("Чыңгыз", "Chy'ngy'z"),
        ("Ильяс", "Il`yas"),
        # BGN/PCGN Kyrgyz
        ("Өскөнбай", "Öskönbay"),
        ("Үмүткан", "Ümütkan"),
        ("Жеңиш", "Jengish"),
        # official Uzbek Latin
        ("Тўлқин", "Toʻlqin"),
        ("Ғулом", "G'ulom"),
        ("Шерали Хўжаев", "Sherali Xo'jayev"),
        # English ad hoc
        ("Джаныбек", "Dzhanybek"),
        ("Джаныбек", "Janybek"),
        ("Жаныбек", "Zhanybek"),
        ("Хуршед", "Khurshed"),
        ("Хуршед", "Hurshed"),
        ("Щербаков", "Shcherbakov"),
        ("Цыганов", "Tsyganov"),
        ("Махмудов", "Makhmudov"),
    ],
)
def test_latin_schemes_reach_the_cyrillic_skeleton(cyrillic: str, latin: str) -> None:
    assert [key(w) for w in cyrillic.split()] == [key(w) for w in latin.split()]


def test_each_latin_table_entry_is_used() -> None:
    for marked, plain in translit.LATIN_MARKED.items():
        assert phonetic("ab" + marked + "ab") == "ab" + plain + "ab"
    for source, target in translit.LATIN_DIGRAPHS:
        assert target in phonetic("a" + source + "a"), source
    for letter, plain in translit.LATIN_LETTERS.items():
        assert plain in phonetic("b" + letter + "b"), letter
    for icao, plain in translit.LATIN_ICAO_VOWELS.items():
        assert phonetic("b" + icao) == "b" + plain


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Жаныбеков", "Джаныбеков"),  # Russian-document дж
        ("Ыйса", "Иса"),  # ы / и, й between vowels
        ("Тоштемиров", "Таштемиров"),  # о / а
        ("Өскөнбаев", "Осконбаев"),  # Kyrgyz letters typed on a Russian keyboard
        ("Ҷӯраев", "Джураев"),  # Tajik ҷ ӯ
        ("Раҳматулло", "Рахматулла"),  # -улло / -улла
        ("Файзуллоев", "Пайзуллоев"),  # ф / п
        ("Эргешов", "Ергешов"),  # э / е
    ],
)
def test_russian_document_respellings_share_the_skeleton(a: str, b: str) -> None:
    assert key(a) == key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Эргешов", "Акматов"), ("Нурлан", "Нурбек"), ("Ғулом", "Салом")]
)
def test_different_names_keep_different_skeletons(a: str, b: str) -> None:
    assert key(a) != key(b)


def test_latin_lookalikes_inside_cyrillic_words_fold_first() -> None:
    mixed = "ЭРГEШOВ"  # Latin E and O
    assert mixed != "ЭРГЕШОВ"
    assert fold_lookalikes(mixed) == "ЭРГЕШОВ"
    assert phonetic(mixed) == phonetic("Эргешов")
    for latin, cyrillic in translit.LOOKALIKE_LATIN_TO_CYRILLIC.items():
        assert fold_lookalikes("Ж" + latin + "Ж") == "Ж" + cyrillic + "Ж"


def test_a_latin_word_with_a_cyrillic_lookalike_stays_latin() -> None:
    assert fold_lookalikes("Ergeshоv") == "Ergeshov"  # Cyrillic о inside
    assert fold_lookalikes("Ergeshov") == "Ergeshov"


def test_case_and_punctuation_do_not_matter() -> None:
    assert phonetic("ЭРГЕШОВ") == phonetic("эргешов") == phonetic("Эргешов.")
    assert phonetic("O'G'LI") == phonetic("oʻgʻli")
    assert phonetic("123") == ""
