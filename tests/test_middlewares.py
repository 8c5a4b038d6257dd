"""What every update goes through: de-duplication, flood control, and a kind apology on failure."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from types import SimpleNamespace

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import Chat, Message, Update
from sqlalchemy import func, select

from bot.app import Resources, create_dispatcher
from bot.logs import setup_logging
from storage.models import Case
from tests.conftest import App, Backend, Harness, make_settings
from tests.support.fake_telegram import FakeTelegram
from tests.support.journeys import fill_needs_form


async def test_a_redelivered_update_is_handled_once(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await fill_needs_form(family, t)
    await family.press(t("btn-confirm"))
    before = len(family.texts())
    update = Update(
        update_id=9_000_001,
        message=Message(
            message_id=1,
            date=0,
            chat=Chat(id=family.user.id, type="private"),
            from_user=family.user,
            text="/start",
        ),
    )
    await koldo.dispatcher.feed_update(koldo.bot, update)
    await koldo.dispatcher.feed_update(koldo.bot, update)
    assert len(family.texts()) == before + 2  # one "welcome back" and one menu, not two of each


@pytest.fixture
async def strict(app: App, backend: Backend) -> AsyncIterator[Harness]:
    """A bot that calls five updates in a minute a flood."""
    settings = make_settings(backend, throttle_limit=5, throttle_window_seconds=60)
    resources = Resources.open(settings)
    dispatcher = create_dispatcher(resources)
    telegram = FakeTelegram()
    bot = Bot("42:TEST-token-for-the-dispatcher-tests-0123456789", session=telegram)
    yield Harness(resources, dispatcher, bot, telegram, backend)
    await dispatcher.storage.close()
    await resources.close()


async def test_a_flood_gets_one_slow_down_and_is_then_ignored(
    strict: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Floods are counted per minute of the clock: a test that crossed a minute would see two.
    monkeypatch.setattr("bot.middlewares.throttle.time", SimpleNamespace(time=lambda: 6.0e8))
    family = strict.person(language_code="ru")
    for _ in range(5):
        await family.send("/start")
    answered = len(family.texts())
    for _ in range(10):
        await family.send("/start")
    slow_down = strict.t("ru")("slow-down")
    assert family.texts()[answered:] == [slow_down]

    neighbour = strict.person(language_code="ru")
    await neighbour.send("/start")
    assert neighbour.last_text == strict.t("ru")("welcome")  # others are not slowed down


async def test_a_failure_gets_an_apology_and_a_log_without_personal_data(
    koldo: Harness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await fill_needs_form(family, t)

    async def broken(*_args: object, **_kwargs: object) -> None:
        # Database errors quote the values they were given; the log must not repeat them.
        phone = "+996" + "555123456"
        raise RuntimeError(f"database said: phone {phone} violates something")

    monkeypatch.setattr("handlers.needs.register_case", broken)
    with caplog.at_level(logging.INFO):
        await family.press(t("btn-confirm"))

    assert family.last_text == t("error-apology")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged and str(family.user.id) in logged
    assert "+996555123456" not in logged
    assert "Бала ооруп" not in logged

    monkeypatch.undo()
    await family.press(t("btn-confirm"))  # nothing entered was lost
    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(Case)) == 1


async def test_the_whole_journey_logs_no_names_phones_or_messages(
    koldo: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    setup_logging("DEBUG")  # as `koldo run` does, at its most talkative
    with caplog.at_level(logging.DEBUG):
        await fill_needs_form(family, t)
        await family.press(t("btn-confirm"))
        await family.send("/erase")
        await family.press(t("btn-erase-confirm"))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ("+996555123456", "Бала ооруп", family.user.first_name):
        assert secret not in logged


async def test_updates_without_a_person_are_handled_quietly(koldo: Harness) -> None:
    dispatcher: Dispatcher = koldo.dispatcher
    update = Update(
        update_id=9_000_002,
        channel_post=Message(message_id=1, date=0, chat=Chat(id=-100, type="channel"), text="news"),
    )
    await dispatcher.feed_update(koldo.bot, update)
    assert koldo.telegram.calls == []
