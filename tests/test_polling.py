"""The background loops of `koldo run` end when told to, and when their task is cancelled."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from bot.services.polling import every, still_running


async def test_a_loop_whose_cancellation_was_lost_on_the_way_still_ends() -> None:
    rounds = 0

    async def loop() -> None:
        nonlocal rounds
        stop = asyncio.Event()
        while still_running(stop):
            rounds += 1
            # What Python 3.11's wait_for does when the call completes as the cancel comes:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.sleep(0.01)

    task = asyncio.create_task(loop())
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 1)
    assert task.cancelled()
    assert rounds >= 1


async def test_every_works_until_stopped_and_outlives_a_failing_round() -> None:
    stop = asyncio.Event()
    calls = 0

    async def work() -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ConnectionError("the database went away")
        if calls == 3:
            stop.set()

    await asyncio.wait_for(every(0.01, stop, work, "test"), 5)
    assert calls == 3
