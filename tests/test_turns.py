"""One person's updates in the order Telegram sent them, each update once, and Redis failing:
with several updates in hand at once, in one process and across replicas sharing Redis.

Waits here are guards, not measurements: `GUARD` only keeps a test from hanging for the minute
a stalled Redis or a dead replica used to hold a family.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from redis.asyncio import Redis
from sqlalchemy import select

from bot.app import Resources, create_dispatcher
from handlers.needs import Form
from storage.models import Case
from storage.redis_client import open_redis
from storage.turns import RedisTurns
from tests.conftest import BACKENDS, REDIS_URL, TEST_TOKEN, Harness
from tests.support import processes
from tests.support.cases import BATKEN, registered_case, staff_member
from tests.support.fake_telegram import FakeTelegram
from tests.support.gate import Gate
from tests.support.journeys import reach_details, send_the_form
from tests.support.people import Person
from tests.support.tcp_proxy import StallingProxy

GUARD = 20.0  # seconds; the stall and the crash below each used to hold a family for a minute
TEXTS = [f"d{n:02}" for n in range(10)]
T = TypeVar("T")


async def details_of_the_case(koldo: Harness) -> str | None:
    async with koldo.session() as session:
        cases = (await session.scalars(select(Case))).all()
    assert len(cases) == 1
    return cases[0].details


# Replicas, stalls and crashes are about Redis: these run on the PostgreSQL + Redis backend only.
ON_REDIS = (
    pytest.mark.skipif("postgres" not in BACKENDS, reason="a run without PostgreSQL and Redis"),
    pytest.mark.parametrize("backend", ["postgres"], indirect=True),
)


def on_redis(test: T) -> T:
    for mark in ON_REDIS:
        test = mark(test)
    return test


async def wait_until_in_line(koldo: Harness, person: Person, count: int) -> None:
    """Until `count` updates of the person stand in their line in Redis, or a few seconds.
    In memory an update takes its place as soon as its task starts."""
    settings = koldo.resources.settings
    redis = koldo.resources.redis
    if redis is None:
        await asyncio.sleep(0)
        return
    line = f"{settings.redis_prefix}:line:{koldo.bot.id}:{person.chat.id}:{person.user.id}"
    for _ in range(500):
        if await redis.zcard(line) >= count:
            return
        await asyncio.sleep(0.01)


# --- in order ------------------------------------------------------------------------------


async def test_quick_texts_in_one_polling_batch_are_kept_in_the_order_sent(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await reach_details(family, t)

    await family.send_at_once(TEXTS)

    await send_the_form(family, t)
    assert await details_of_the_case(koldo) == "\n".join(TEXTS)


async def test_quick_texts_to_a_coordinator_reach_them_in_the_order_sent(koldo: Harness) -> None:
    ky, en = koldo.t("ky"), koldo.t("en")
    family = koldo.person(language_code="ky")
    case = await registered_case(koldo, family, "ky")
    coordinator = await staff_member(koldo, [BATKEN], "en")
    await coordinator.send("/queue")
    await coordinator.press(coordinator.last.buttons()[0])
    await coordinator.press(en("btn-case-claim"))
    assert family.last_text == ky("family-case-claimed", code=case.code)

    await family.press(ky("btn-my-case-write"))
    await family.send_at_once(TEXTS)

    received = [m.copied.text for m in coordinator.view.messages if m.copied is not None]
    assert received == TEXTS


async def test_an_update_given_up_while_it_waits_does_not_hold_the_ones_after_it(
    koldo: Harness,
) -> None:
    gate = Gate(koldo.telegram)
    family = koldo.person()
    family.bot = Bot(
        TEST_TOKEN, session=gate, default=DefaultBotProperties(parse_mode=ParseMode.HTML)
    )
    t = koldo.t("ru")
    await reach_details(family, t)
    first, given_up, last = (family.text_update(text) for text in ("d00", "d01", "d02"))

    gate.shut()
    in_hand = asyncio.create_task(family.deliver(first))
    await asyncio.wait_for(gate.someone_waits.wait(), GUARD)
    waiting = asyncio.create_task(family.deliver(given_up))
    await wait_until_in_line(koldo, family, 2)  # it takes its place behind the first
    waiting.cancel()  # as when a replica stops and gives up what it has not begun
    gate.open()
    await asyncio.wait_for(in_hand, GUARD)
    await asyncio.wait_for(family.deliver(last), GUARD)

    await send_the_form(family, t)
    assert await details_of_the_case(koldo) == "d00\nd02"


@pytest.fixture
async def replica(koldo: Harness) -> AsyncIterator[Dispatcher]:
    """A second replica of the bot: its own process state, the same Redis and database."""
    resources = Resources.open(koldo.resources.settings)
    dispatcher = create_dispatcher(resources)
    yield dispatcher
    await dispatcher.storage.close()
    await resources.close()


@on_redis
async def test_two_replicas_handle_one_persons_updates_in_the_order_sent(
    koldo: Harness, replica: Dispatcher
) -> None:
    gate = Gate(koldo.telegram)
    to_a = Bot(TEST_TOKEN, session=gate, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    to_b = koldo.bot
    family = koldo.person()
    family.bot = to_a
    t = koldo.t("ru")
    await reach_details(family, t)
    updates = [family.text_update(text) for text in TEXTS]

    # The first text is in hand on replica A (its reply waits) while the others arrive, one
    # after the other, at replicas B, A, B, A…, as a load balancer hands them out.
    gate.shut()
    first = asyncio.create_task(koldo.dispatcher.feed_update(to_a, updates[0]))
    await asyncio.wait_for(gate.someone_waits.wait(), GUARD)
    rest = [
        asyncio.create_task(
            replica.feed_update(to_b, update)
            if n % 2
            else koldo.dispatcher.feed_update(to_a, update)
        )
        for n, update in enumerate(updates[1:], start=1)
    ]
    await wait_until_in_line(koldo, family, len(updates))
    gate.open()
    await asyncio.wait_for(asyncio.gather(first, *rest), GUARD)

    await send_the_form(family, t)
    assert await details_of_the_case(koldo) == "\n".join(TEXTS)


# --- once ----------------------------------------------------------------------------------


async def test_a_redelivered_update_whose_first_handling_failed_is_handled(
    koldo: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await reach_details(family, t)
    update = family.text_update("d00")

    async def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Form, "change", broken)
    await family.deliver(update)
    assert family.last_text == t("error-apology")
    monkeypatch.undo()

    await family.deliver(update)  # Telegram delivers it again: now it is handled
    assert family.last_text == t("needs-details-added")
    await family.deliver(update)  # and again: handled already, dropped
    await send_the_form(family, t)
    assert await details_of_the_case(koldo) == "d00"


async def test_a_redelivery_while_the_update_is_in_hand_is_dropped(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await reach_details(family, t)
    update = family.text_update("d00")

    await asyncio.gather(family.deliver(update), family.deliver(update))

    await send_the_form(family, t)
    assert await details_of_the_case(koldo) == "d00"


@on_redis
async def test_a_redelivery_to_another_replica_while_one_has_it_in_hand_is_dropped(
    koldo: Harness, replica: Dispatcher
) -> None:
    gate = Gate(koldo.telegram)
    to_a = Bot(TEST_TOKEN, session=gate, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    family = koldo.person()
    family.bot = to_a
    t = koldo.t("ru")
    await reach_details(family, t)
    update = family.text_update("d00")

    gate.shut()
    on_a = asyncio.create_task(koldo.dispatcher.feed_update(to_a, update))
    await asyncio.wait_for(gate.someone_waits.wait(), GUARD)
    on_b = asyncio.create_task(replica.feed_update(koldo.bot, update))
    gate.open()
    await asyncio.wait_for(asyncio.gather(on_a, on_b), GUARD)

    await send_the_form(family, t)
    assert await details_of_the_case(koldo) == "d00"


# --- Redis failing -------------------------------------------------------------------------


@pytest.fixture
async def stalling(koldo: Harness) -> AsyncIterator[tuple[Harness, StallingProxy]]:
    """The bot with its Redis behind a proxy that can stall."""
    address = urlsplit(REDIS_URL)
    proxy = await StallingProxy(address.hostname or "127.0.0.1", address.port or 6379).start()
    settings = koldo.resources.settings.model_copy(update={"redis_url": proxy.url})
    resources = Resources.open(settings)
    dispatcher = create_dispatcher(resources)
    telegram = FakeTelegram()
    bot = Bot(TEST_TOKEN, session=telegram, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    yield Harness(resources, dispatcher, bot, telegram, koldo.backend), proxy
    await proxy.close()
    await dispatcher.storage.close()
    await resources.close()


@on_redis
async def test_a_redis_stall_gets_the_apology_and_the_form_goes_on_after_it(
    stalling: tuple[Harness, StallingProxy],
) -> None:
    koldo, proxy = stalling
    family = koldo.person(language_code="ru")
    t = koldo.t("ky")  # the language they chose, not their phone's: read from the database
    await reach_details(family, t)
    await family.send("d00")

    proxy.stall()
    await asyncio.wait_for(family.send("d01"), GUARD)
    assert family.last_text == t("error-apology")
    proxy.resume()

    await asyncio.wait_for(family.send("d02"), GUARD)
    await send_the_form(family, t)
    assert await details_of_the_case(koldo) == "d00\nd02"  # what came before the stall is kept


@on_redis
async def test_a_replica_killed_while_handling_frees_the_family_and_its_update_in_seconds(
    koldo: Harness, project_root: Path
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await reach_details(family, t)
    await family.send("d00")
    update = family.text_update("d01")

    settings = koldo.resources.settings
    values = {
        "bot_token": TEST_TOKEN,
        "database_url": settings.database_url,
        "redis_url": settings.redis_url,
        "redis_prefix": settings.redis_prefix,
        "telegram_api_url": settings.telegram_api_url,
    }
    replica = await processes.spawn(
        json.dumps(values),
        update.model_dump_json(exclude_none=True),
        module="tests.support.crashing_replica",
        stderr=None,
        cwd=project_root,
    )
    assert replica.stdout is not None
    assert await asyncio.wait_for(replica.stdout.readline(), 60) == b"handling\n"
    replica.kill()
    await replica.wait()

    await asyncio.wait_for(family.deliver(update), GUARD)  # Telegram delivers it again
    await asyncio.wait_for(family.send("d02"), GUARD)
    await send_the_form(family, t)
    assert await details_of_the_case(koldo) == "d00\nd01\nd02"


# --- the lease -----------------------------------------------------------------------------


@pytest.fixture
async def redis(koldo: Harness) -> AsyncIterator[Redis]:
    client = open_redis(REDIS_URL)
    yield client
    await client.aclose()


@on_redis
async def test_an_update_in_hand_longer_than_its_lease_keeps_its_turn(redis: Redis) -> None:
    turns = RedisTurns(redis, f"koldo-test-{uuid.uuid4().hex[:12]}", lease_seconds=0.3)
    person = (7, 7)
    handled: list[str] = []
    first_in_hand, first_may_end = asyncio.Event(), asyncio.Event()

    async def first() -> None:
        async with turns.turn(42, 1, person):
            first_in_hand.set()
            await first_may_end.wait()
            handled.append("first")

    async def second() -> None:
        async with turns.turn(42, 2, person):
            handled.append("second")

    tasks = [asyncio.create_task(first())]
    await first_in_hand.wait()
    tasks.append(asyncio.create_task(second()))
    await asyncio.sleep(1.5)  # five leases: renewed, or the second would have gone
    first_may_end.set()
    await asyncio.wait_for(asyncio.gather(*tasks), GUARD)
    assert handled == ["first", "second"]
