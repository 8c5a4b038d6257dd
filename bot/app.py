"""Assembly: the resources Koldo runs on, and the Dispatcher with its middlewares and routers."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import handlers
from bot.config import Settings
from bot.filters import check_magic_filters_in_the_loop
from bot.i18n import Localization
from bot.middlewares.callback_answers import AnswerCallbacksAtBest
from bot.middlewares.clean_text import StripControlCharacters
from bot.middlewares.context import UpdateContext
from bot.middlewares.dedup import DropDuplicateUpdates
from bot.middlewares.errors import ApologizeOnError
from bot.middlewares.response_types import KeepResponseTypes
from bot.middlewares.retry import RetryTelegram
from bot.middlewares.throttle import ThrottleFloods
from storage.database import create_engine, create_session_factory
from storage.places import Geography

# One person's updates are handled one at a time. redis-py polls a taken lock every 0.1 s by
# default, which a family tapping through a form would feel on every tap.
EVENT_LOCK = {"timeout": 60, "sleep": 0.005}


@dataclass
class Resources:
    """Everything that outlives a single update; opened once per process."""

    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    redis: Redis | None
    localization: Localization
    geography: Geography

    @classmethod
    def open(cls, settings: Settings) -> Resources:
        engine = create_engine(settings.effective_database_url)
        return cls(
            settings=settings,
            engine=engine,
            session_factory=create_session_factory(engine),
            redis=Redis.from_url(settings.redis_url) if settings.redis_url else None,
            localization=Localization(default_locale=settings.default_locale),
            geography=Geography.load(),
        )

    async def close(self) -> None:
        if self.redis is not None:
            await self.redis.aclose()
        await self.engine.dispose()


def create_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    """The bot and its Bot API session with Koldo's request middlewares; tests give their own
    session (an in-memory Telegram) and get the same middlewares."""
    if session is None:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    session.middleware(KeepResponseTypes())
    # Outermost first: a press is acted on even when its answer fails, after any retries.
    session.middleware(AnswerCallbacksAtBest())
    session.middleware(RetryTelegram())
    return Bot(
        settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


def create_dispatcher(resources: Resources) -> Dispatcher:
    settings = resources.settings
    storage: BaseStorage
    isolation: BaseEventIsolation
    if resources.redis is not None:
        key_builder = DefaultKeyBuilder(prefix=f"{settings.redis_prefix}:fsm", with_bot_id=True)
        storage = RedisStorage(resources.redis, key_builder=key_builder)
        isolation = RedisEventIsolation(
            resources.redis, key_builder=key_builder, lock_kwargs=EVENT_LOCK
        )
    else:
        storage, isolation = MemoryStorage(), SimpleEventIsolation()

    dispatcher = Dispatcher(
        storage=storage,
        events_isolation=isolation,
        settings=settings,
        localization=resources.localization,
        geography=resources.geography,
    )
    # Outermost first: an apology for any failure below, what people typed without control
    # characters, then drop repeats before any work.
    dispatcher.update.outer_middleware(ApologizeOnError())
    dispatcher.update.outer_middleware(StripControlCharacters())
    dispatcher.update.outer_middleware(DropDuplicateUpdates(resources.redis, settings.redis_prefix))
    dispatcher.update.outer_middleware(
        UpdateContext(resources.session_factory, resources.localization)
    )
    dispatcher.update.outer_middleware(
        ThrottleFloods(
            resources.redis,
            settings.redis_prefix,
            settings.throttle_limit,
            settings.throttle_window_seconds,
        )
    )
    dispatcher.include_routers(*handlers.routers())
    check_magic_filters_in_the_loop(dispatcher)
    return dispatcher
