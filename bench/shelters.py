"""Nearest-shelter search over many shelters, on SQLite and on PostgreSQL. Prints figures.

How it stays fast: the database returns only the positions inside a small latitude/longitude box
around the family (an index on (latitude, longitude)), haversine ranks those few candidates,
and the box widens (5, 20, 80, 500 km) only when it holds fewer than five shelters with room.
For comparison the benchmark also times a full scan: every position, ranked in Python.

    .venv/bin/python bench/shelters.py                      # 10,000 shelters, both backends
    .venv/bin/python bench/shelters.py --shelters 50000 --backends sqlite
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
from sqlalchemy import insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.services import shelters
from storage.database import create_engine, create_session_factory, upgrade
from storage.models import Shelter, ShelterStatus, utcnow
from storage.places import Geography, distance_km

POSTGRES_ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "koldo_bench_shelters"


def random_shelters(
    count: int, geography: Geography, rng: random.Random
) -> list[dict[str, object]]:
    """Shelters spread over the whole region: 80% with room, 15% full, 5% closed."""
    box, areas, now = geography.region, geography.areas, utcnow()
    rows: list[dict[str, object]] = []
    for n in range(count):
        roll = rng.random()
        status = ShelterStatus.OPEN if roll < 0.8 else ShelterStatus.FULL
        status = ShelterStatus.CLOSED if roll > 0.95 else status
        rows.append(
            {
                "external_id": f"bench-{n}",
                "names": {"en": f"Shelter {n}"},
                "district": rng.choice(areas).code,
                "latitude": rng.uniform(box.min_lat, box.max_lat),
                "longitude": rng.uniform(box.min_lon, box.max_lon),
                "capacity": 100,
                "free_places": rng.randint(1, 100) if status == ShelterStatus.OPEN else 0,
                "services": ["food"],
                "status": status,
                "updated_at": now,
                "sample": True,
            }
        )
    return rows


async def full_scan(session: AsyncSession, latitude: float, longitude: float) -> list[int]:
    """The simple way, for comparison: every position from the database, ranked in Python."""
    rows = await session.execute(
        select(Shelter.id, Shelter.latitude, Shelter.longitude).where(
            Shelter.status != ShelterStatus.CLOSED
        )
    )
    ranked = sorted((distance_km(latitude, longitude, lat, lon), id) for id, lat, lon in rows)
    return [id for _, id in ranked[:5]]


async def timed(
    factory: async_sessionmaker[AsyncSession],
    points: list[tuple[float, float]],
    search: Callable[[AsyncSession, float, float], Awaitable[object]],
) -> list[float]:
    durations = []
    for latitude, longitude in points:
        started = time.perf_counter()
        async with factory() as session:
            await search(session, latitude, longitude)
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def figures(label: str, durations: list[float]) -> str:
    ordered = sorted(durations)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    return (
        f"  {label:<28} p50 {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms   "
        f"p99 {p99:7.2f} ms"
    )


async def plan(factory: async_sessionmaker[AsyncSession], backend: str) -> str:
    """How the database answers the box query: it should name ix_shelters_position."""
    where = "latitude BETWEEN 40.0 AND 40.09 AND longitude BETWEEN 70.5 AND 70.62"
    query = f"SELECT id, latitude, longitude FROM shelters WHERE {where}"
    prefix = "EXPLAIN QUERY PLAN " if backend == "sqlite" else "EXPLAIN "
    async with factory() as session:
        rows = [str(row[-1]) for row in await session.execute(text(prefix + query))]
    # PostgreSQL's lines carry costs and conditions; the node names say enough.
    return " / ".join(row.split("  (")[0].strip(" ->") for row in rows if _is_access(row))


def _is_access(plan_line: str) -> bool:
    return any(word in plan_line for word in ("Scan", "SCAN", "SEARCH"))


async def bench_one(backend: str, url: str, args: argparse.Namespace) -> None:
    geography = Geography.load()
    rng = random.Random(args.seed)
    await upgrade(url)
    engine = create_engine(url)
    factory = create_session_factory(engine)
    try:
        async with factory() as session:
            await session.execute(Shelter.__table__.delete())
            await session.execute(insert(Shelter), random_shelters(args.shelters, geography, rng))
            await session.commit()
            if backend == "postgres":
                await session.execute(text("ANALYZE shelters"))
                await session.commit()
        box = geography.region
        points = [
            (rng.uniform(box.min_lat, box.max_lat), rng.uniform(box.min_lon, box.max_lon))
            for _ in range(args.queries)
        ]
        await timed(factory, points[:20], shelters.nearest)  # warm caches and the pool
        print(
            f"\n{backend}: {args.shelters:,} shelters, {args.queries} searches from random points"
        )
        print(f"  plan of the box query: {await plan(factory, backend)}")
        print(figures("nearest (box + haversine)", await timed(factory, points, shelters.nearest)))
        print(figures("full scan, for comparison", await timed(factory, points, full_scan)))
    finally:
        await engine.dispose()


async def fresh_postgres(admin_url: str, name: str = BENCH_DATABASE) -> str:
    admin = make_url(admin_url)
    connection = await asyncpg.connect(
        host=admin.host,
        port=admin.port,
        user=admin.username,
        password=admin.password,
        database=admin.database,
    )
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return admin.set(database=name).render_as_string(hide_password=False)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shelters", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--postgres-url", default=POSTGRES_ADMIN_URL, help="an admin connection")
    parser.add_argument("--seed", type=int, default=4)
    await on_each_backend(parser.parse_args(), bench_one, BENCH_DATABASE)


async def on_each_backend(
    args: argparse.Namespace,
    bench_one: Callable[[str, str, argparse.Namespace], Awaitable[None]],
    database: str,
) -> None:
    """`bench_one(backend, url, args)` on a new SQLite file and a new PostgreSQL database."""
    backends = args.backends.split(",")
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory() as folder:
            await bench_one("sqlite", f"sqlite+aiosqlite:///{folder}/bench.sqlite3", args)
    if "postgres" in backends:
        await bench_one("postgres", await fresh_postgres(args.postgres_url, database), args)


if __name__ == "__main__":
    asyncio.run(main())
