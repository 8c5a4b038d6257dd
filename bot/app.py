"""Assembly: the resources Koldo runs on, and the Dispatcher with its middlewares and routers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import handlers
from bot.config import Settings
from bot.filters import check_magic_filters_in_the_loop, route_presses_by_prefix
from bot.i18n import Localization
from bot.middlewares.callback_answers import AnswerCallbacksAtBest
from bot.middlewares.clean_text import StripControlCharacters
from bot.middlewares.context import UpdateContext
from bot.middlewares.errors import ApologizeOnError
from bot.middlewares.response_types import KeepResponseTypes
from bot.middlewares.retry import RetryTelegram
from bot.middlewares.throttle import ThrottleFloods
from bot.middlewares.turns import TakeTurns
from bot.session import JsonSession
from bot.webhook_reply import AnswerInWebhookReply
from storage.database import create_engine, create_session_factory
from storage.fsm import ExpiringMemoryStorage, ExpiringRedisStorage
from storage.places import Geography
from storage.redis_client import open_redis
from storage.turns import MemoryTurns, RedisTurns, Turns


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
            redis=open_redis(settings.redis_url) if settings.redis_url else None,
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
        session = JsonSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    session.middleware(KeepResponseTypes())
    if settings.webhook_url:
        # A press's answer rides in the webhook's reply when the update is handled quickly.
        session.middleware(AnswerInWebhookReply())
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
    turns: Turns
    # A draft (or any FSM data) untouched for KOLDO_DRAFT_DAYS is forgotten.
    drafts_kept = timedelta(days=settings.draft_days)
    if resources.redis is not None:
        key_builder = DefaultKeyBuilder(prefix=f"{settings.redis_prefix}:fsm", with_bot_id=True)
        storage = ExpiringRedisStorage(resources.redis, key_builder, drafts_kept)
        turns = RedisTurns(resources.redis, settings.redis_prefix)
    else:
        storage, turns = ExpiringMemoryStorage(drafts_kept), MemoryTurns()

    # aiogram's FSM middleware is registered below, in its place among Koldo's: by default the
    # Dispatcher puts it first, where a Redis failure escapes the apology, and its event
    # isolation (redis-py's Lock, which polls) lets one person's updates overtake each other.
    dispatcher = Dispatcher(
        storage=storage,
        disable_fsm=True,
        settings=settings,
        localization=resources.localization,
        geography=resources.geography,
    )
    # Outermost first: an apology for any failure below; what people typed without control
    # characters (no I/O, so a polling batch keeps its order); then each update once and each
    # person's updates in order, before anything reads their state; then their FSM state, one
    # database session with their record and language, and flood control.
    dispatcher.update.outer_middleware(ApologizeOnError(resources.session_factory))
    dispatcher.update.outer_middleware(StripControlCharacters())
    dispatcher.update.outer_middleware(TakeTurns(turns))
    dispatcher.update.outer_middleware(dispatcher.fsm)
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
    route_presses_by_prefix(dispatcher)
    return dispatcher
