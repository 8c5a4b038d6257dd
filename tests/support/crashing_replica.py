"""A replica that dies while it handles an update. Run as a process, it assembles Koldo as
`koldo run` does, with the settings it is given, and handles one update; its database then
hangs, so the update stays in hand until the process is killed (kill -9, as in a crash).

    python -m tests.support.crashing_replica SETTINGS_JSON UPDATE_JSON

It prints "handling" once the update is in hand.
"""

from __future__ import annotations

import asyncio
import json
import sys

from aiogram import Bot
from aiogram.types import Update

import storage.repositories.users
from bot.app import Resources, create_dispatcher
from bot.config import Settings
from storage.models import User
from tests.support.fake_telegram import FakeTelegram


async def _hang(*_args: object) -> User:
    print("handling", flush=True)
    await asyncio.Event().wait()
    raise AssertionError("killed before this")


async def main(settings_json: str, update_json: str) -> None:
    settings = Settings(_env_file=None, **json.loads(settings_json))  # type: ignore[call-arg]
    storage.repositories.users.get_or_create = _hang  # type: ignore[assignment]
    dispatcher = create_dispatcher(Resources.open(settings))
    bot = Bot(settings.bot_token.get_secret_value(), session=FakeTelegram())
    await dispatcher.feed_update(bot, Update.model_validate_json(update_json))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
