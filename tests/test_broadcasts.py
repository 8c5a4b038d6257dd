"""Verified safety updates: who receives one, in which language, and that the delivery engine
loses nothing and repeats nothing, against the sandbox's Telegram (its 429, 5xx and 403)."""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from aiogram import Bot

from bot.config import Settings
from bot.i18n import Localization
from bot.services import broadcasts
from sandbox import Faults, Limits, SandboxServer, start_sandbox
from sandbox.driver import SandboxDriver, make_token
from storage.models import (
    Case,
    CaseKind,
    DeliveryState,
    Priority,
    Role,
    User,
    utcnow,
)
from storage.repositories import broadcasts as repo
from tests.conftest import Backend, Harness, make_settings
from tests.support import processes
from tests.support.readers import add_reader

_bot_ids = itertools.count(7_100_001)
_user_ids = itertools.count(71_000_001)
BATKEN, LEILEK = "batken-district", "leilek-district"
KOK_TASH = (39.9497, 70.5358)  # Leilek district
BATKEN_TOWN = (40.0627, 70.8194)


@pytest.fixture(scope="module")
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = await start_sandbox(limits=Limits(enabled=False), seed=3)
    yield server
    await server.stop()


@dataclass
class Scene:
    koldo: Harness
    driver: SandboxDriver
    settings: Settings
    bots: list[Bot]

    def worker(self, **changes: object) -> broadcasts.Worker:
        settings = self.settings.model_copy(update=changes) if changes else self.settings
        bot = broadcasts.create_broadcast_bot(settings)
        self.bots.append(bot)
        pace = broadcasts.open_pace(settings, self.koldo.resources.redis)
        return broadcasts.Worker(
            self.koldo.resources.session_factory,
            bot,
            Localization(default_locale="ky"),
            settings,
            pace,
            lease=timedelta(seconds=1),
            poll_seconds=0.05,
        )

    async def family(
        self,
        language: str | None = "ky",
        district: str | None = None,
        position: tuple[float, float] | None = None,
        role: Role = Role.FAMILY,
    ) -> int:
        """Someone who started the bot (in the sandbox and in Koldo), and where they said
        they are."""
        user_id = next(_user_ids)
        await self.driver.create_user(user_id, "Family", started=True)
        await add_reader(self.koldo, user_id, language, district, position, role)
        return user_id

    async def send(self, **draft: object) -> int:
        values: dict[str, object] = {
            "texts": {"ky": "Жол ачык.", "ru": "Дорога открыта.", "en": "The road is open."},
            "source": "Batken akimiat",
        }
        values.update(draft)
        async with self.koldo.session() as session:
            broadcast = await broadcasts.create(session, broadcasts.Draft(**values))  # type: ignore[arg-type]
        return broadcast.id

    async def received(self, user_id: int) -> list[str]:
        return [m.text or "" for m in await self.driver.bot_messages(user_id)]

    async def states(self, broadcast_id: int) -> dict[int, DeliveryState]:
        async with self.koldo.session() as session:
            rows = await repo.deliveries(session, broadcast_id)
        return {row.chat_id: row.state for row in rows}


@pytest.fixture
async def scene(sandbox: SandboxServer, koldo: Harness, backend: Backend) -> AsyncIterator[Scene]:
    token = make_token(next(_bot_ids))
    sandbox.world.limits.update(Limits(enabled=False, duplicate_window=None).to_dict())
    sandbox.world.faults.update(Faults().to_dict())
    settings = make_settings(backend, bot_token=token, telegram_api_url=sandbox.url)
    bots: list[Bot] = []
    async with SandboxDriver(sandbox.url) as driver:
        await driver.add_bot(token)
        await driver.reset_counters()
        yield Scene(koldo, driver, settings, bots)
    for bot in bots:
        await bot.session.close()
    sandbox.world.limits.update(Limits(enabled=False).to_dict())
    sandbox.world.faults.update(Faults().to_dict())


async def deliver_all(scene: Scene, worker: broadcasts.Worker, timeout: float = 30) -> None:
    """Starts what is due and sends until nothing is pending (retries included)."""

    async def until_done() -> None:
        await broadcasts.start_due(scene.koldo.resources.session_factory, scene.settings)
        while True:
            if not await worker.send_batch(worker.name):
                async with scene.koldo.session() as session:
                    await repo.finish_done(session, utcnow())
                    await session.commit()
                    if not await _pending(scene):
                        return
                await asyncio.sleep(0.1)

    await asyncio.wait_for(until_done(), timeout)


async def _pending(scene: Scene) -> int:
    async with scene.koldo.session() as session:
        total = 0
        for broadcast in await repo.newest(session, 50):
            counts = await repo.counts(session, broadcast.id)
            total += sum(c.get(DeliveryState.PENDING, 0) for c in counts.values())
        return total


# ---- who receives it, and how it reads ---------------------------------------------------------


async def test_each_family_gets_the_update_once_in_its_language(scene: Scene) -> None:
    kyrgyz, russian, english = [await scene.family(lang) for lang in ("ky", "ru", "en")]
    undecided = await scene.family(None)  # started the bot, never picked a language
    broadcast_id = await scene.send(texts={"ky": "Жол ачык.", "ru": "Дорога открыта.", "en": ""})
    await deliver_all(scene, scene.worker())

    assert await scene.received(kyrgyz) == ["Жол ачык.\n\n✅ Текшерген: Batken akimiat"]
    assert await scene.received(russian) == ["Дорога открыта.\n\n✅ Проверено: Batken akimiat"]
    # English left empty: the default language's text, under an English source line.
    assert await scene.received(english) == ["Жол ачык.\n\n✅ Verified by: Batken akimiat"]
    assert await scene.received(undecided) == ["Жол ачык.\n\n✅ Текшерген: Batken akimiat"]
    counters = await scene.driver.counters()
    assert counters["duplicates_total"] == 0
    async with scene.koldo.session() as session:
        progress = await broadcasts.progress(session, broadcast_id)
    assert progress is not None
    assert progress.broadcast.status.value == "done"
    assert progress.total(DeliveryState.SENT) == 4
    assert {lang: sum(s.values()) for lang, s in progress.by_language.items()} == {
        "ky": 2,
        "ru": 1,
        "en": 1,
    }


async def test_an_urgent_update_says_so_and_the_admins_text_is_shown_as_written(
    scene: Scene,
) -> None:
    family = await scene.family("ru")
    await scene.send(texts={"ky": "a <b>", "ru": "Эвакуация <сейчас> & быстро"}, urgent=True)
    await deliver_all(scene, scene.worker())
    [text] = await scene.received(family)
    assert text.startswith("⚠️ Срочно\n\n")
    assert "Эвакуация <сейчас> & быстро" in text


async def test_districts_take_the_latest_place_a_family_gave(scene: Scene) -> None:
    in_batken = await scene.family("ky", district=BATKEN)
    in_leilek = await scene.family("ru", district=LEILEK)
    nowhere = await scene.family("ky")
    moved = await scene.family("ky", district=LEILEK)
    async with scene.koldo.session() as session:  # a later case: the family is in Batken now
        session.add(
            Case(
                code="BC0001",
                kind=CaseKind.NEEDS,
                user_id=moved,
                language="ky",
                priority=Priority.NORMAL,
                district=BATKEN,
                created_at=utcnow() + timedelta(seconds=1),
            )
        )
        await session.commit()
    await scene.send(audience=broadcasts.Audience(districts=(BATKEN,)))
    await deliver_all(scene, scene.worker())
    assert len(await scene.received(in_batken)) == 1
    assert len(await scene.received(moved)) == 1
    assert await scene.received(in_leilek) == []
    assert await scene.received(nowhere) == []


async def test_languages_coordinators_and_radius_narrow_the_audience(scene: Scene) -> None:
    russian = await scene.family("ru", position=KOK_TASH)
    kyrgyz_near = await scene.family("ky", position=KOK_TASH)
    kyrgyz_far = await scene.family("ky", position=BATKEN_TOWN)  # about 26 km away
    no_location = await scene.family("ky")
    coordinator = await scene.family("ru", role=Role.COORDINATOR)

    await scene.send(audience=broadcasts.Audience(languages=("ru",)))
    await scene.send(
        texts={"ky": "Координаторлор үчүн"}, audience=broadcasts.Audience(coordinators=True)
    )
    await scene.send(
        texts={"ky": "Жакын жерде"},
        audience=broadcasts.Audience(near=broadcasts.Near(*KOK_TASH, 10)),
    )
    await deliver_all(scene, scene.worker())

    assert len(await scene.received(russian)) == 2  # Russian, and within 10 km
    assert len(await scene.received(coordinator)) == 2  # Russian, and a coordinator
    assert [t.split("\n")[0] for t in await scene.received(kyrgyz_near)] == ["Жакын жерде"]
    assert await scene.received(kyrgyz_far) == []
    assert await scene.received(no_location) == []


# ---- Telegram's answers ------------------------------------------------------------------------


async def test_429_is_waited_out_and_everyone_gets_it_once(scene: Scene) -> None:
    families = [await scene.family("ky") for _ in range(12)]
    # Telegram allows this bot 4 messages a second; the worker is set to try 40.
    await scene.driver.set_limits(enabled=True, per_bot_per_second=4.0, duplicate_window=None)
    await scene.send()
    await deliver_all(scene, scene.worker(broadcast_rate=40.0))
    counters = await scene.driver.counters()
    assert counters["too_many_requests"] > 0
    assert counters["duplicates_total"] == 0
    for family in families:
        assert len(await scene.received(family)) == 1


async def test_a_429_pauses_every_worker_that_shares_the_pace(scene: Scene) -> None:
    pace = broadcasts.open_pace(scene.settings, scene.koldo.resources.redis)
    await pace.pause(1.0)
    waited = await pace.slot(1, paid=False)
    assert 0.8 < waited <= 1.0


async def test_403_marks_the_person_unreachable_until_they_write_again(scene: Scene) -> None:
    blocker, other = await scene.family("ky"), await scene.family("ky")
    await scene.driver.block_bot(blocker)
    first = await scene.send()
    await deliver_all(scene, scene.worker())
    assert (await scene.states(first))[blocker] == DeliveryState.UNREACHABLE
    assert len(await scene.received(other)) == 1
    counters = await scene.driver.counters()
    assert counters["forbidden"] == 1  # tried once, never again
    async with scene.koldo.session() as session:
        user = await session.get(User, blocker)
        assert user is not None and user.blocked

    # Blocked people are not even tried by the next broadcast.
    second = await scene.send()
    await deliver_all(scene, scene.worker())
    assert (await scene.states(second))[blocker] == DeliveryState.UNREACHABLE
    assert (await scene.driver.counters())["forbidden"] == 1

    # They come back: /start in the bot makes them reachable for the next update.
    await scene.driver.block_bot(blocker, blocked=False)
    await scene.koldo.person(blocker).send("/start")
    await scene.send(texts={"ky": "Жаңы кабар"})
    await deliver_all(scene, scene.worker())
    assert [t.split("\n")[0] for t in await scene.received(blocker)] == ["Жаңы кабар"]
    assert (await scene.states(first))[blocker] == DeliveryState.UNREACHABLE


async def test_server_errors_and_dropped_connections_are_retried(scene: Scene) -> None:
    family = await scene.family("ru")
    await scene.driver.set_faults(next_faults=[502, 500, "drop"], methods=["sendMessage"])
    broadcast_id = await scene.send()
    await deliver_all(scene, scene.worker())
    assert len(await scene.received(family)) == 1
    assert (await scene.states(broadcast_id))[family] == DeliveryState.SENT
    counters = await scene.driver.counters()
    assert counters["server_errors"] == 2


async def test_a_delivery_that_keeps_failing_is_given_up(scene: Scene) -> None:
    family = await scene.family("ru")
    await scene.driver.set_faults(error_rate=1.0, error_statuses=[500], methods=["sendMessage"])
    broadcast_id = await scene.send()
    worker = scene.worker()
    original = broadcasts.MAX_ATTEMPTS
    broadcasts.MAX_ATTEMPTS = 2  # the backoff doubles from a second; two tries are enough
    try:
        await deliver_all(scene, worker)
    finally:
        broadcasts.MAX_ATTEMPTS = original
    assert (await scene.states(broadcast_id))[family] == DeliveryState.FAILED
    assert await scene.received(family) == []


# ---- the admin's controls ----------------------------------------------------------------------


async def test_a_cancelled_broadcast_sends_nothing_more(scene: Scene) -> None:
    families = [await scene.family("ky") for _ in range(20)]
    broadcast_id = await scene.send()
    await broadcasts.start_due(scene.koldo.resources.session_factory, scene.settings)
    worker = scene.worker()
    assert await worker.send_batch(worker.name)  # a first batch went out
    async with scene.koldo.session() as session:
        assert await repo.cancel(session, broadcast_id, utcnow())
        await session.commit()
    await asyncio.sleep(0.1)
    assert not await worker.send_batch(worker.name)
    received = [len(await scene.received(family)) for family in families]
    assert sum(received) == broadcasts.BATCH


async def test_a_scheduled_broadcast_waits_for_its_time(scene: Scene) -> None:
    family = await scene.family("ky")
    later = utcnow() + timedelta(hours=1)
    await scene.send(scheduled_at=later)
    factory = scene.koldo.resources.session_factory
    assert await broadcasts.start_due(factory, scene.settings) == []
    worker = scene.worker()
    assert not await worker.send_batch(worker.name)
    assert await scene.received(family) == []
    assert len(await broadcasts.start_due(factory, scene.settings, later)) == 1
    await deliver_all(scene, worker)
    assert len(await scene.received(family)) == 1


# ---- crashes and several workers ---------------------------------------------------------------


async def test_a_worker_stopped_mid_way_is_taken_over_with_nothing_lost(scene: Scene) -> None:
    families = [await scene.family("ky") for _ in range(30)]
    broadcast_id = await scene.send()
    first = scene.worker(broadcast_rate=40.0)
    stop = asyncio.Event()
    task = asyncio.create_task(first.run_until(stop))
    while True:  # the worker's own count, polled: it has no event to wait for
        if first.sent >= 10:
            break
        await asyncio.sleep(0.01)
    task.cancel()  # as a kill would: no chance to give back what it claimed
    with pytest.raises(asyncio.CancelledError):
        await task
    assert first.sent < len(families)

    await asyncio.sleep(1.1)  # the lost worker's lease runs out
    await deliver_all(scene, scene.worker())
    counts = [len(await scene.received(family)) for family in families]
    assert min(counts) == 1  # nothing lost
    # At most the one message the killed worker had in flight went twice (README).
    assert sum(counts) - len(families) <= 1
    states = await scene.states(broadcast_id)
    assert set(states.values()) == {DeliveryState.SENT}


async def test_a_worker_cancelled_at_any_moment_sends_nothing_afterwards(
    scene: Scene, backend: Backend
) -> None:
    if backend.name != "postgres":
        # The lost cancellation is redis-py's; SQLite runs with the memory pace. There, cancels
        # this many landing inside aiosqlite's writes once left the database locked for 30 s
        # under a full run's load: not what this test is about.
        return
    families = [await scene.family("ru") for _ in range(20)]
    cancelled: list[tuple[broadcasts.Worker, int]] = []
    for round_ in range(16):  # a cancel lands in a database call, a Redis call, a send, a nap
        await scene.send()
        worker = scene.worker(broadcast_rate=100.0)
        task = asyncio.create_task(worker.run_until(asyncio.Event()))
        await asyncio.sleep(0.02 * round_)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        cancelled.append((worker, worker.sent))
    await asyncio.sleep(1.1)  # their leases run out: another worker takes the rest
    await deliver_all(scene, scene.worker())
    assert [worker.sent for worker, _ in cancelled] == [sent for _, sent in cancelled]
    for family in families:
        assert len(await scene.received(family)) >= 16


async def test_two_workers_share_one_broadcast_and_nobody_gets_it_twice(scene: Scene) -> None:
    families = [await scene.family("ru") for _ in range(60)]
    await scene.send()
    one, two = scene.worker(broadcast_rate=200.0), scene.worker(broadcast_rate=200.0)
    await broadcasts.start_due(scene.koldo.resources.session_factory, scene.settings)
    stop = asyncio.Event()
    tasks = [asyncio.create_task(w.run_until(stop)) for w in (one, two)]
    try:
        await asyncio.wait_for(_until_nothing_pending(scene), 30)
    finally:
        stop.set()
        await asyncio.gather(*tasks)
    assert one.sent > 0 and two.sent > 0
    assert one.sent + two.sent == len(families)
    assert (await scene.driver.counters())["duplicates_total"] == 0
    for family in families:
        assert len(await scene.received(family)) == 1


async def _until_nothing_pending(scene: Scene) -> None:
    while True:  # the database is the only witness
        if not await _pending(scene):
            return
        await asyncio.sleep(0.05)


# ---- the command line --------------------------------------------------------------------------


async def koldo_cli(scene: Scene, *args: str) -> tuple[int, str]:
    env = {
        "KOLDO_DATABASE_URL": scene.settings.database_url,
        "KOLDO_REDIS_URL": scene.settings.redis_url,
        "KOLDO_REDIS_PREFIX": scene.settings.redis_prefix,
        "KOLDO_BOT_TOKEN": scene.settings.bot_token.get_secret_value(),
        "KOLDO_TELEGRAM_API_URL": scene.settings.telegram_api_url,
        "KOLDO_DEFAULT_LOCALE": "ky",
    }
    done = await processes.run("broadcast", *args, env=env)
    return done.code, done.output


async def test_the_command_line_sends_reports_and_cancels(scene: Scene) -> None:
    kyrgyz, russian = await scene.family("ky", district=BATKEN), await scene.family("ru")
    code, output = await koldo_cli(
        scene, "send", "--text-ky", "Жол ачык.", "--text-ru", "Дорога открыта.",
        "--source", "Batken akimiat",
    )  # fmt: skip
    assert code == 0, output
    first = _broadcast_id(output)
    assert f"Broadcast {first}: sending" in output
    assert "2 recipients (ky 1, ru 1, en 0)" in output
    await deliver_all(scene, scene.worker())
    assert len(await scene.received(kyrgyz)) == len(await scene.received(russian)) == 1

    code, output = await koldo_cli(scene, "status", first)
    assert code == 0, output
    assert "finished" in output and "sent 2, failed 0, unreachable 0, left 0" in output

    code, output = await koldo_cli(
        scene, "send", "--text-ky", "Эртең", "--source", "MChS", "--districts", "Batken District",
        "--at", (utcnow() + timedelta(hours=2)).isoformat(),
    )  # fmt: skip
    assert code == 0, output
    second = _broadcast_id(output)
    assert f"Broadcast {second}: scheduled for" in output and "1 recipient (ky 1" in output
    code, output = await koldo_cli(scene, "cancel", second)
    assert code == 0
    assert f"Broadcast {second} is cancelled; nothing more will be sent." in output
    code, output = await koldo_cli(scene, "list")
    assert code == 0 and "cancelled" in output and "finished" in output


def _broadcast_id(output: str) -> str:
    found = re.search(r"^Broadcast (\d+): ", output, re.MULTILINE)
    assert found is not None, output
    return found.group(1)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--text-ru", "Только по-русски"], "the text in the default language (ky) is missing"),
        (["--text-ky", "x", "--near", "40,70"], "--near takes LATITUDE,LONGITUDE,KM"),
        (["--text-ky", "x", "--near", "40,70,0"], "--near takes LATITUDE,LONGITUDE,KM"),
        (["--text-ky", "x", "--districts", "Atlantis"], "“Atlantis” is not a district"),
        (["--text-ky", "x", "--languages", "de"], "“de” is not a language of Koldo"),
        (["--text-ky", "x", "--at", "tomorrow"], "--at takes a time"),
        (["--text-ky", "x", "--at", "2020-01-01T10:00+06:00"], "--at is in the past"),
        (["--text-ky", "x" * 4100], "too long for one message"),
    ],
)
async def test_the_command_line_explains_bad_arguments(
    scene: Scene, args: list[str], says: str
) -> None:
    code, output = await koldo_cli(scene, "send", "--source", "MChS", *args)
    assert code == 2
    assert says in output
    code, output = await koldo_cli(scene, "status", "99")
    assert code == 2 and "there is no broadcast number 99" in output
