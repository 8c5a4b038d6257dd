"""Engine, sessions and schema migrations (Alembic, run from code so no alembic.ini is needed)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def create_engine(url: str) -> AsyncEngine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    _make_sqlite_folder(url)
    # Sessions always end their transactions, so the pool's extra rollback on every check-in
    # is a wasted hop to aiosqlite's thread on each update.
    engine = create_async_engine(url, connect_args={"timeout": 30}, pool_reset_on_return=None)
    event.listen(engine.sync_engine, "connect", _tune_sqlite)
    return engine


def _make_sqlite_folder(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores foreign keys unless asked; WAL lets readers run beside the single writer.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database_url"] = url
    return config


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


async def schema_state(engine: AsyncEngine) -> SchemaState:
    head = ScriptDirectory.from_config(alembic_config(str(engine.url))).get_current_head()
    assert head is not None, "the project ships at least one migration"

    def read_current(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as connection:
        current = await connection.run_sync(read_current)
    return SchemaState(current=current, head=head)


async def upgrade(url: str, revision: str = "head") -> None:
    if make_url(url).get_backend_name() == "sqlite":
        _make_sqlite_folder(url)
    # Alembic's env.py runs its own event loop, so it gets a worker thread.
    await asyncio.to_thread(command.upgrade, alembic_config(url), revision)


async def downgrade(url: str, revision: str) -> None:
    await asyncio.to_thread(command.downgrade, alembic_config(url), revision)


class SchemaOutdatedError(RuntimeError):
    pass


async def ensure_schema(engine: AsyncEngine, upgrade_it: bool) -> None:
    """Upgrades the schema (the embedded SQLite does so itself), or refuses an outdated one: a
    configured database is upgraded on purpose, with `koldo db upgrade`."""
    if upgrade_it:
        await upgrade(str(engine.url.render_as_string(hide_password=False)))
        return
    state = await schema_state(engine)
    if not state.up_to_date:
        raise SchemaOutdatedError(
            f"The database schema is at revision {state.current or 'none'}, "
            f"but this Koldo needs {state.head}. Run `koldo db upgrade` first."
        )
