"""`koldo demo`: the sandbox Telegram and the real bot, on embedded defaults and demo data.

The sandbox runs as a process of its own and the bot talks to it over HTTP, exactly as it
talks to Telegram: the bot never imports the sandbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
from pathlib import Path
from typing import Any

import aiohttp
from pydantic import SecretStr

from bot.config import PROJECT_ROOT, Settings
from bot.services import roles
from bot.services.sample_cases import load_sample_cases
from bot.services.sample_data import load_sample_data
from storage.database import create_engine, create_session_factory, upgrade
from storage.models import Role, utcnow
from storage.places import Geography

DEMO_FILE = PROJECT_ROOT / "storage" / "data" / "demo.json"
STARTUP_SECONDS = 30.0
logger = logging.getLogger("koldo.demo")


async def run_demo(settings: Settings, host: str = "127.0.0.1", port: int = 8081) -> int:
    cast = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    url = f"http://{host}:{port}"
    sandbox = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "sandbox", "--host", host, "--port", str(port), "--no-people"
    )
    try:
        if not await _answers(url, sandbox):
            print(f"koldo demo: the sandbox did not start on {url} (is the port taken?)")
            return 1
        await _add_people(url, cast)
        demo = _demo_settings(settings, cast, url)
        await prepare_database(demo, cast)
        _announce(url, cast, demo.demo_database_path)
        from bot import runner

        await runner.run(demo)
        return 0
    finally:
        with contextlib.suppress(ProcessLookupError):
            sandbox.terminate()
        await sandbox.wait()


def _demo_settings(settings: Settings, cast: dict[str, Any], url: str) -> Settings:
    admins = frozenset(p["id"] for p in cast["people"] if p.get("role") == "admin")
    return settings.for_demo().model_copy(
        update={
            "bot_token": SecretStr(cast["bot"]["token"]),
            "telegram_api_url": url,
            "redis_url": "",
            "webhook_url": "",
            "admin_ids": admins,
        }
    )


async def _answers(url: str, sandbox: asyncio.subprocess.Process) -> bool:
    deadline = asyncio.get_running_loop().time() + STARTUP_SECONDS
    async with aiohttp.ClientSession() as http:
        while asyncio.get_running_loop().time() < deadline and sandbox.returncode is None:
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"{url}/sandbox/state") as response:
                    if response.status == 200:
                        return True
            await asyncio.sleep(0.2)
    return False


async def _add_people(url: str, cast: dict[str, Any]) -> None:
    bot = cast["bot"]
    async with aiohttp.ClientSession() as http:
        await _post(http, f"{url}/sandbox/bots", bot)
        for person in cast["people"]:
            fields = {
                k: person[k]
                for k in (
                    "id",
                    "first_name",
                    "last_name",
                    "username",
                    "language_code",
                    "phone_number",
                )
                if k in person
            }
            await _post(http, f"{url}/sandbox/users", {**fields, "role": person["label"]})


async def _post(http: aiohttp.ClientSession, url: str, body: dict[str, Any]) -> None:
    async with http.post(url, json=body) as response:
        if response.status != 200:
            raise RuntimeError(f"the sandbox refused {url}: {await response.text()}")


async def prepare_database(demo: Settings, cast: dict[str, Any]) -> None:
    """The demo database: its own file, migrated, with the demo staff in their roles (and the
    language they would have chosen at /start), the sample shelters and hotlines, and a few
    weeks of made-up cases (added once; those in progress held by the demo coordinator)."""
    await upgrade(demo.effective_database_url)
    engine = create_engine(demo.effective_database_url)
    try:
        async with create_session_factory(engine)() as session:
            for person in cast["people"]:
                if role := person.get("role"):
                    change = await roles.grant(
                        session,
                        person["id"],
                        Role(role),
                        demo,
                        actor_id=None,
                        organisation=person.get("organisation"),
                        districts=person.get("districts"),
                    )
                    change.user.language = person["language_code"]
            await session.commit()
            await load_sample_data(session, Geography.load())
            coordinator = next(
                (p["id"] for p in cast["people"] if p.get("role") == "coordinator"), None
            )
            await load_sample_cases(session, utcnow(), coordinator)
    finally:
        await engine.dispose()


def _announce(url: str, cast: dict[str, Any], data: Path) -> None:
    people = ", ".join(f"{p['first_name']} ({p['label']})" for p in cast["people"])
    print(
        f"\nKoldo demo is running. Open {url}/ in your browser.\n"
        f"People on the page: {people}.\n"
        f"Demo data lives in {_shown(data)}; `koldo … --demo` works on it "
        "(./dev koldo shelters export --demo). Stop with Ctrl+C.\n",
        flush=True,
    )


def _shown(path: Path) -> str:
    return str(path.relative_to(PROJECT_ROOT)) if path.is_relative_to(PROJECT_ROOT) else str(path)
