"""A replica's way to Telegram that can be held shut: its requests wait at the gate, as when a
reply takes long, so that a test knows an update is in hand while others arrive."""

from __future__ import annotations

import asyncio

from aiogram import Bot
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

from tests.support.fake_telegram import FakeTelegram, InMemorySession


class Gate(InMemorySession):
    def __init__(self, telegram: FakeTelegram) -> None:
        super().__init__()
        self.telegram = telegram
        self._open = asyncio.Event()
        self._open.set()
        self.someone_waits = asyncio.Event()

    def shut(self) -> None:
        self._open.clear()
        self.someone_waits.clear()

    def open(self) -> None:
        self._open.set()

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        if not self._open.is_set():
            self.someone_waits.set()
            await self._open.wait()
        return await self.telegram.make_request(bot, method, timeout)
