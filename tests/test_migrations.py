"""Migrations run up and down on SQLite and PostgreSQL, and match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from storage.database import create_engine, downgrade, schema_state, upgrade
from storage.models import Base
from tests.conftest import Backend


async def test_migrations_go_down_and_up_again(backend: Backend) -> None:
    engine = create_engine(backend.database_url)
    try:
        await downgrade(backend.database_url, "base")
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda c: inspect(c).get_table_names())
        assert set(tables) <= {"alembic_version"}
        assert not (await schema_state(engine)).up_to_date

        await upgrade(backend.database_url)
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda c: inspect(c).get_table_names())
        assert set(Base.metadata.tables) <= set(tables)
        assert (await schema_state(engine)).up_to_date
    finally:
        await engine.dispose()


async def test_the_migrated_schema_matches_the_models(backend: Backend) -> None:
    def differences(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))

    engine = create_engine(backend.database_url)
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(differences) == []
    finally:
        await engine.dispose()
