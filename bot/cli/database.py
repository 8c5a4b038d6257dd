"""A database session for a command, on a schema that is current."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from storage import database


@asynccontextmanager
async def command_session(settings: Settings) -> AsyncIterator[AsyncSession]:
    """Raises `SchemaOutdatedError` on a configured database that `koldo db upgrade` has not
    reached yet; the embedded SQLite upgrades itself."""
    engine = database.create_engine(settings.effective_database_url)
    try:
        await database.ensure_schema(engine, upgrade_it=settings.uses_embedded_database)
        async with database.create_session_factory(engine)() as session:
            yield session
    finally:
        await engine.dispose()
