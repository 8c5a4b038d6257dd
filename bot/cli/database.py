"""A database session for a command, on a schema that is current."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from storage import database


@asynccontextmanager
async def command_session(settings: Settings) -> AsyncIterator[AsyncSession]:
    """Raises `SchemaOutdatedError` on a configured database that `koldo db upgrade` has not
    reached yet; the embedded SQLite upgrades itself."""
    announce(settings)
    engine = database.create_engine(settings.effective_database_url)
    try:
        await database.ensure_schema(engine, upgrade_it=settings.uses_embedded_database)
        async with database.create_session_factory(engine)() as session:
            yield session
    finally:
        await engine.dispose()


def announce(settings: Settings) -> None:
    """One line on stderr: which database this command works on (never its password), so that
    a command run next to `./dev demo` cannot silently act on another, empty one."""
    shown = make_url(settings.effective_database_url).render_as_string(hide_password=True)
    if settings.uses_demo_database:
        shown += " (the demo's)"
    elif not settings.database_url:
        shown += " (the embedded one; --demo for the demo's data)"
    print(f"koldo: database {shown}", file=sys.stderr)
