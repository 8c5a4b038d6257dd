"""Missing-person search over 100,000 people, on SQLite and on PostgreSQL. Prints figures.

How it stays fast: every person is stored with the matcher's blocking keys (`person_keys`,
indexed by key); a search reads the people sharing the most keys with the report (one indexed
lookup, at most 200 of them) and the matcher ranks only those. The people are made up here from
common name elements; each search is a real person of the index as a family would report them
in another script (a simple Russian-to-Latin transliteration of this file's own, not the
matcher's), with the patronymic dropped or the order swapped half of the time and the age a
little off.

    .venv/bin/python bench/matching.py                       # 100,000 people, both backends
    .venv/bin/python bench/matching.py --people 20000 --backends sqlite
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.shelters import POSTGRES_ADMIN_URL, on_each_backend
from bot.matching.records import PersonRecord
from bot.matching.search import rank
from bot.services.people_files import ImportedPerson
from bot.services.person_index import candidates_for, index_keys, record_of
from storage.database import create_engine, create_session_factory, upgrade
from storage.repositories import people

ROOTS = [
    "Асан",
    "Осмон",
    "Токто",
    "Абды",
    "Кадыр",
    "Мамат",
    "Нур",
    "Сыдык",
    "Турсун",
    "Жолдош",
    "Бектур",
    "Алым",
    "Эсен",
    "Курман",
    "Садыр",
    "Таштан",
    "Калыс",
    "Орозо",
    "Сапар",
    "Жуман",
    "Байыш",
    "Карим",
    "Рахим",
    "Юсуп",
    "Назар",
    "Шер",
    "Сафар",
    "Ахмед",
    "Хасан",
    "Умар",
    "Мирза",
    "Абдулла",
    "Иса",
    "Файзул",
    "Раҳим",
    "Давлат",
    "Исмоил",
    "Бахтияр",
    "Ташмат",
    "Эргеш",
    "Кенже",
    "Мырза",
    "Бакыт",
]
SURNAME_ENDINGS = ("ов", "ев", "беков", "алиев", "баев", "зода")
MEN = [
    "Азамат",
    "Бакыт",
    "Нурлан",
    "Эрлан",
    "Улан",
    "Марат",
    "Таалай",
    "Айбек",
    "Жаныбек",
    "Мирлан",
    "Бекзат",
    "Арген",
    "Руслан",
    "Фаррух",
    "Шерзод",
    "Джамшид",
    "Далер",
    "Сардор",
    "Отабек",
    "Бахтиёр",
    "Алексей",
    "Сергей",
    "Иван",
    "Дмитрий",
    "Михаил",
    "Тимур",
    "Эльдар",
    "Кубан",
    "Канат",
    "Медер",
    "Дастан",
    "Нурбек",
    "Байэл",
    "Самат",
    "Эмир",
]
WOMEN = [
    "Айгүл",
    "Гүлнара",
    "Айжамал",
    "Бурулай",
    "Нургүл",
    "Жылдыз",
    "Чолпон",
    "Асел",
    "Динара",
    "Бермет",
    "Зарина",
    "Мадина",
    "Нилуфар",
    "Дилноза",
    "Ситора",
    "Гулбахор",
    "Шахноза",
    "Мехрангиз",
    "Ольга",
    "Елена",
    "Анна",
    "Татьяна",
    "Наталья",
    "Айпери",
    "Элнура",
    "Бактыгүл",
    "Мээрим",
    "Айзада",
    "Назира",
    "Салтанат",
    "Алтынай",
    "Перизат",
]
VILLAGES = [
    "Көк-Таш",
    "Ак-Сай",
    "Кара-Булак",
    "Самаркандек",
    "Арка",
    "Достук",
    "Кулунду",
    "Максат",
    "Бужум",
    "Лейлек",
    "Исфана",
    "Сүлүктү",
    "Кызыл-Кыя",
    "Кадамжай",
    "Ворух",
    "Чоркүх",
    "Шураб",
    "Кара-Суу",
    "Жаңы-Жер",
    "Таш-Төбө",
]
# A Russian keyboard's transliteration, as a volunteer would type it: not the matcher's tables.
LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяөүңҳҷӣӯ",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "-",
            "y",
            "-",
            "e",
            "yu",
            "ya",
            "o",
            "u",
            "n",
            "h",
            "j",
            "i",
            "u",
        ],
        strict=True,
    )
)


def made_up_people(count: int, rng: random.Random) -> list[ImportedPerson]:
    result = []
    for n in range(count):
        sex = rng.choice("MF")
        surname = rng.choice(ROOTS) + rng.choice(SURNAME_ENDINGS)
        if sex == "F" and not surname.endswith("зода"):
            surname += "а"
        given = rng.choice(MEN if sex == "M" else WOMEN)
        father = rng.choice(MEN)
        patronymic = father + ("ович" if sex == "M" else "овна")
        phone = f"+996 {rng.randint(500, 779)} {rng.randint(100000, 999999)}"
        result.append(
            ImportedPerson(
                f"b{n}",
                f"{surname} {given} {patronymic}",
                sex,
                rng.randint(1, 90),
                None,
                rng.choice(VILLAGES),
                phone if rng.random() < 0.5 else None,
            )
        )
    return result


def to_latin(name: str) -> str:
    return "".join(
        LATIN.get(ch, ch) if ch.islower() else LATIN.get(ch.lower(), ch).title() for ch in name
    ).replace("-", "")


def as_reported(person: ImportedPerson, rng: random.Random) -> PersonRecord:
    words = person.full_name.split()
    if rng.random() < 0.5:
        words = words[:2]
    if rng.random() < 0.5:
        words[0], words[1] = words[1], words[0]
    name = " ".join(words)
    return PersonRecord(
        id=person.external_id,
        full_name=to_latin(name) if rng.random() < 0.7 else name,
        sex=person.sex if rng.random() < 0.8 else None,
        age=(person.age or 30) + rng.randint(-2, 2) if rng.random() < 0.8 else None,
        birth_year=None,
        settlement=person.settlement if rng.random() < 0.7 else None,
        phone=None,
    )


def percentile(ordered: list[float], share: float) -> float:
    return ordered[max(int(len(ordered) * share) - 1, 0)]


async def bench_one(backend: str, url: str, args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    await upgrade(url)
    engine = create_engine(url)
    factory = create_session_factory(engine)
    try:
        everyone = made_up_people(args.people, rng)
        started = time.perf_counter()
        for start in range(0, len(everyone), 5000):
            async with factory() as session:
                await people.upsert_listed(
                    session, "bench list", everyone[start : start + 5000], index_keys
                )
                await session.commit()
        loaded = time.perf_counter() - started
        if backend == "postgres":
            async with factory() as session:
                await session.execute(text("ANALYZE people"))
                await session.execute(text("ANALYZE person_keys"))
                await session.commit()
        reports = [as_reported(p, rng) for p in rng.sample(everyone, args.queries)]
        durations, found, sizes = [], 0, []
        for n, report in enumerate(reports):
            began = time.perf_counter()
            async with factory() as session:
                candidates = await candidates_for(session, report)
                ranked = rank(
                    report,
                    [
                        record_of(c.person, c.person.external_id or str(c.person.id))
                        for c in candidates
                    ],
                    top=5,
                )
            if n >= 10:  # the first few warm the caches and the pool
                durations.append((time.perf_counter() - began) * 1000)
            sizes.append(len(candidates))
            found += any(m.id == report.id for m in ranked)
        ordered = sorted(durations)
        print(
            f"\n{backend}: {args.people:,} people (indexed in {loaded:.0f} s), "
            f"{args.queries} searches"
        )
        print(
            f"  search (keys + rank)  p50 {statistics.median(ordered):6.1f} ms   "
            f"p95 {percentile(ordered, 0.95):6.1f} ms   p99 {percentile(ordered, 0.99):6.1f} ms"
        )
        print(
            f"  recall@5 {found / len(reports):.3f}   candidates per search: "
            f"mean {statistics.mean(sizes):.0f}, max {max(sizes)}"
        )
    finally:
        await engine.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--postgres-url", default=POSTGRES_ADMIN_URL, help="an admin connection")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    await on_each_backend(args, bench_one, "koldo_bench_matching")


if __name__ == "__main__":
    asyncio.run(main())
