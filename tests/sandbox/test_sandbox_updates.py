"""getUpdates: long polling, offsets, limits, allowed_updates and the 409 conflicts."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramConflictError

from sandbox.driver import SandboxDriver

NewUser = Callable[..., Awaitable[int]]


async def drain(bot: Bot) -> int:
    """Confirms everything pending; returns the offset to poll from next."""
    updates = await bot.get_updates(timeout=0)
    offset = updates[-1].update_id + 1 if updates else 0
    await bot.get_updates(offset=offset, timeout=0)
    return offset


async def test_offset_confirms_updates(bot: Bot, driver: SandboxDriver, user: int) -> None:
    offset = await drain(bot)
    for text in ("one", "two", "three"):
        await driver.send_text(user, text)
    updates = await bot.get_updates(offset=offset, timeout=0)
    assert [u.message.text for u in updates if u.message] == ["one", "two", "three"]
    assert [u.update_id for u in updates] == list(range(offset, offset + 3))
    again = await bot.get_updates(offset=offset, timeout=0)
    assert len(again) == 3  # not confirmed yet: delivered again
    limited = await bot.get_updates(offset=updates[1].update_id, limit=1, timeout=0)
    assert [u.message.text for u in limited if u.message] == ["two"]
    rest = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    assert rest == []


async def test_negative_offset_keeps_the_last_updates(
    bot: Bot, driver: SandboxDriver, user: int
) -> None:
    await drain(bot)
    for text in ("a", "b", "c"):
        await driver.send_text(user, text)
    last = await bot.get_updates(offset=-1, timeout=0)
    assert [u.message.text for u in last if u.message] == ["c"]


async def test_long_poll_waits_for_the_next_update(
    bot: Bot, driver: SandboxDriver, user: int
) -> None:
    offset = await drain(bot)
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(offset=offset, timeout=10))
    await asyncio.sleep(0.2)
    assert not poll.done()
    await driver.send_text(user, "are you there?")
    updates = await asyncio.wait_for(poll, 2)
    assert updates[0].message is not None and updates[0].message.text == "are you there?"
    assert time.monotonic() - started < 2


async def test_long_poll_times_out_empty(bot: Bot, user: int) -> None:
    offset = await drain(bot)
    started = time.monotonic()
    assert await bot.get_updates(offset=offset, timeout=1) == []
    assert 0.9 <= time.monotonic() - started < 3


async def test_allowed_updates_filters_new_updates(
    bot: Bot, driver: SandboxDriver, user: int
) -> None:
    offset = await drain(bot)
    await bot.get_updates(offset=offset, timeout=0, allowed_updates=["callback_query"])
    await driver.send_text(user, "ignored")
    assert await bot.get_updates(offset=offset, timeout=0) == []
    await bot.get_updates(offset=offset, timeout=0, allowed_updates=[])  # back to the default
    await driver.send_text(user, "heard")
    [update] = await bot.get_updates(offset=offset, timeout=0)
    assert update.message is not None and update.message.text == "heard"


async def test_a_second_poller_ends_the_first_with_409(bot: Bot, user: int) -> None:
    offset = await drain(bot)
    first = asyncio.create_task(bot.get_updates(offset=offset, timeout=5))
    await asyncio.sleep(0.1)
    second = asyncio.create_task(bot.get_updates(offset=offset, timeout=0))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates request"):
        await asyncio.wait_for(first, 2)
    assert await second == []


async def test_get_updates_conflicts_with_a_webhook(bot: Bot) -> None:
    await bot.set_webhook("http://127.0.0.1:9/hook")
    try:
        with pytest.raises(
            TelegramConflictError, match="can't use getUpdates method while webhook"
        ):
            await bot.get_updates(timeout=0)
    finally:
        await bot.delete_webhook()
    await bot.get_updates(timeout=0)


async def test_updates_from_groups_and_media(
    bot: Bot, driver: SandboxDriver, user: int, new_user: NewUser
) -> None:
    neighbour = await new_user("Bakyt", language_code="ru")
    group = await driver.create_group("Batken volunteers", [user, neighbour])
    offset = await drain(bot)
    await driver.send_command(neighbour, "queue", chat_id=group["id"])
    await driver.send_photo(user, caption="our house")
    await driver.send_voice(user, duration=7)
    await driver.send_document(user, b"%PDF-1.4 list", file_name="list.pdf")
    await driver.send_sticker(user, emoji="🙏")
    updates = await bot.get_updates(offset=offset, timeout=0)
    messages = [u.message for u in updates if u.message]
    command, photo, voice, document, sticker = messages
    assert command.chat.id == group["id"] and command.chat.type == "supergroup"
    assert command.entities is not None and command.entities[0].type == "bot_command"
    assert photo.photo is not None and photo.caption == "our house"
    assert voice.voice is not None and voice.voice.duration == 7
    assert document.document is not None and document.document.file_name == "list.pdf"
    assert sticker.sticker is not None and sticker.sticker.emoji == "🙏"
    file = await bot.get_file(document.document.file_id)
    assert file.file_path is not None
    downloaded = await bot.download_file(file.file_path)
    assert downloaded is not None and downloaded.read() == b"%PDF-1.4 list"
