"""The `koldo` command line, run as a person would run it."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from pathlib import Path

from tests.conftest import Backend, fresh_postgres_database

ROOT = Path(__file__).resolve().parent.parent


async def koldo(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[int, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KOLDO_")}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env={**clean, **(env or {})},
        cwd=cwd or ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, output.decode()


async def test_run_without_a_token_says_what_to_set(tmp_path: Path) -> None:
    code, output = await koldo("run", cwd=tmp_path)
    assert code == 2
    assert "KOLDO_BOT_TOKEN" in output


async def test_a_webhook_without_a_secret_is_refused(tmp_path: Path) -> None:
    code, output = await koldo(
        "run",
        env={"KOLDO_BOT_TOKEN": "1:x", "KOLDO_WEBHOOK_URL": "https://example.org/hook"},
        cwd=tmp_path,
    )
    assert code == 2
    assert "KOLDO_WEBHOOK_SECRET" in output


async def test_run_on_an_outdated_postgres_schema_says_to_upgrade(backend: Backend) -> None:
    if backend.name != "postgres":
        return  # the embedded SQLite upgrades itself; see the test below
    url = await fresh_postgres_database(f"koldo_outdated_{uuid.uuid4().hex[:8]}")
    token = "12345:" + "A" * 35
    code, output = await koldo("run", env={"KOLDO_BOT_TOKEN": token, "KOLDO_DATABASE_URL": url})
    assert code == 2
    assert "koldo db upgrade" in output

    code, output = await koldo("db", "upgrade", env={"KOLDO_DATABASE_URL": url})
    assert code == 0
    assert "schema revision: " in output and "(newest: " in output
    current, newest = output.split("schema revision: ")[1].split(" (newest: ")
    assert current == newest.strip().rstrip(")")


async def test_db_current_on_the_embedded_database(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'k.sqlite3'}"
    code, output = await koldo("db", "current", env={"KOLDO_DATABASE_URL": url})
    assert code == 0 and "schema revision: none" in output
