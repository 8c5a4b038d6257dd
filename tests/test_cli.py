"""The `koldo` command line, run as a person would run it."""

from __future__ import annotations

import contextlib
import io
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.cli import run_command
from bot.config import Settings
from tests.conftest import Backend, drop_postgres_database, fresh_postgres_database
from tests.support import processes

ROOT = Path(__file__).resolve().parent.parent


async def koldo(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[int, str]:
    done = await processes.run(*args, env=env, cwd=cwd)
    return done.code, done.output


async def koldo_here(*args: str, settings: Settings) -> tuple[int, str]:
    """`koldo …` in this process, on these settings: what it prints and what it returns (its
    own start-up is tested above; a Python of its own per command costs seconds)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = await run_command(list(args), settings)
    return code, printed.getvalue()


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


@pytest.fixture
async def empty_postgres(backend: Backend) -> AsyncIterator[str]:
    """A PostgreSQL database of the test's own, with no schema; "" on the SQLite backend."""
    if backend.name != "postgres":
        yield ""
        return
    name = f"koldo_empty_{uuid.uuid4().hex[:8]}"
    yield await fresh_postgres_database(name)
    await drop_postgres_database(name)


async def test_run_on_an_outdated_postgres_schema_says_to_upgrade(empty_postgres: str) -> None:
    if not empty_postgres:
        return  # the embedded SQLite upgrades itself; see the test below
    url = empty_postgres
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


# ---- Which database a command works on (next to `./dev demo`, with --demo) ----

SAMPLE_SHELTERS = ROOT / "storage" / "data" / "sample_shelters.csv"


async def koldo_apart(*args: str, env: dict[str, str]) -> tuple[int, str, str]:
    """`koldo …` with what it prints and what it says on stderr kept apart."""
    done = await processes.run(*args, env=env, apart=True)
    return done.code, done.output, done.errors


def _sqlite(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


async def test_a_command_says_which_database_it_uses_in_one_line(tmp_path: Path) -> None:
    env = {
        "KOLDO_DATABASE_URL": _sqlite(tmp_path / "k.sqlite3"),
        "KOLDO_DEMO_DATABASE_PATH": str(tmp_path / "demo.sqlite3"),
    }
    assert (await koldo_apart("db", "upgrade", env=env))[0] == 0

    code, out, err = await koldo_apart("shelters", "export", env=env)

    assert code == 0
    assert out.startswith("id,")  # the CSV alone on stdout
    assert err.strip().splitlines() == [f"koldo: database {_sqlite(tmp_path / 'k.sqlite3')}"]
    assert "INFO" not in err and "alembic" not in err


async def test_the_embedded_database_is_named_with_the_way_to_the_demo(tmp_path: Path) -> None:
    env = {"KOLDO_DEMO_DATABASE_PATH": str(tmp_path / "demo.sqlite3")}
    code, _, err = await koldo_apart("db", "current", env=env)
    assert code == 0
    assert err.strip().splitlines()[0] == (
        f"koldo: database {_sqlite(ROOT / 'var' / 'koldo.sqlite3')}"
        " (the embedded one; --demo for the demo's data)"
    )


async def test_a_password_in_the_database_address_is_never_shown(empty_postgres: str) -> None:
    if not empty_postgres:
        return
    url = empty_postgres
    with_password = url.replace("postgres@", "postgres:hunter2@")
    code, out, err = await koldo_apart("db", "current", env={"KOLDO_DATABASE_URL": with_password})
    assert code == 0 and "schema revision: none" in out
    assert "hunter2" not in out + err
    assert (
        err.strip().splitlines()[0]
        == f"koldo: database {url.replace('postgres@', 'postgres:***@')}"
    )


async def test_demo_acts_on_the_demos_data(tmp_path: Path) -> None:
    demo_file = tmp_path / "demo.sqlite3"
    elsewhere = {
        "KOLDO_DATABASE_URL": _sqlite(tmp_path / "other.sqlite3"),
        "KOLDO_DEMO_DATABASE_PATH": str(demo_file),
    }
    code, out, err = await koldo_apart("shelters", "export", "--demo", env=elsewhere)
    assert code == 2 and out == ""
    assert err.strip() == (
        f"koldo: there is no demo database at {demo_file}: start it with ./dev demo (or koldo demo)"
    )

    # The demo's own file, with shelters in it, as `koldo demo` leaves it.
    as_demo = {"KOLDO_DATABASE_URL": _sqlite(demo_file)}
    assert (await koldo_apart("db", "upgrade", env=as_demo))[0] == 0
    assert (await koldo_apart("shelters", "import", str(SAMPLE_SHELTERS), env=as_demo))[0] == 0

    code, out, err = await koldo_apart("shelters", "export", "--demo", env=elsewhere)
    assert code == 0
    assert err.strip().splitlines()[0] == f"koldo: database {_sqlite(demo_file)} (the demo's)"
    assert "sample-batken-sports" in out
    code, out, _ = await koldo_apart("roles", "list", "--demo", env=elsewhere)
    assert code == 0
