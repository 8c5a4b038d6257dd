"""Periodic jobs: of replicas that try the same run, one does it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from storage.repositories import jobs
from tests.conftest import Harness


async def test_one_claim_wins_each_run_and_the_next_run_comes_when_due(koldo: Harness) -> None:
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

    async def try_claim(at: datetime) -> bool:
        async with koldo.session() as session:
            won = await jobs.claim(session, "retention", due_before=at - timedelta(hours=1), now=at)
            await session.commit()
            return won

    results = await asyncio.gather(try_claim(now), try_claim(now), try_claim(now))
    assert sorted(results) == [False, False, True]
    assert await try_claim(now + timedelta(minutes=30)) is False  # not due yet
    assert await try_claim(now + timedelta(hours=1, minutes=1)) is True
    async with koldo.session() as session:
        assert await jobs.last_run(session, "retention") == now + timedelta(hours=1, minutes=1)
