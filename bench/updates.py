"""Updates benchmark: N families register needs at once through the sandbox (limits off), beside
a bare aiogram echo bot measured in the same run on the same sandbox.

    .venv/bin/python bench/updates.py --families 10
    .venv/bin/python bench/updates.py --families 10 \
        --database-url postgresql+asyncpg://postgres@127.0.0.1/koldo_bench \
        --redis-url redis://127.0.0.1:6379/0

Prints updates per second and p50/p95/p99 handling time for both bots, and the ratio of their
throughputs. The brief's budget: ratio at least 0.6, Koldo's p95 under 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.i18n import Localization
from sandbox.driver import SandboxDriver, make_token

ROOT = Path(__file__).resolve().parent.parent
KOK_TASH = (39.9497, 70.5358)
Step = Callable[[SandboxDriver, int], Awaitable[object]]


def needs_journey(locale: str = "ru") -> list[tuple[Step, int]]:
    """The whole needs form as a family taps it, each step with how many messages or edits
    the bot answers with (a person waits for the answer before the next tap)."""
    t = Localization().translator(locale)
    language = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}[locale]

    def press(label: str) -> Step:
        return lambda d, u: d.press_button(u, label)

    def toggle(label_id: str) -> Step:
        return press(t("toggle", on="no", label=t(label_id)))

    return [
        (lambda d, u: d.send_command(u, "start"), 1),
        (press(language), 1),
        (press(t("btn-consent-agree")), 2),
        (press(t("menu-needs")), 2),
        (lambda d, u: d.press_reply_button(u, t("btn-share-location"), location=KOK_TASH), 2),
        (press("4"), 1),
        (toggle("vuln-young_children"), 1),
        (press(t("btn-continue")), 1),
        (toggle("need-medical"), 1),
        # The phone step's reply keyboard comes as a new message; the needs lose their buttons.
        (press(t("btn-continue")), 2),
        (lambda d, u: d.press_reply_button(u, t("btn-share-phone")), 2),
        (press(t("btn-skip")), 1),
        (press(t("btn-confirm")), 2),
    ]


def echo_journey(length: int) -> list[tuple[Step, int]]:
    return [(lambda d, u, n=n: d.send_text(u, f"hello {n}"), 1) for n in range(length)]


@dataclass
class Result:
    name: str
    updates: int
    seconds: float
    durations_ms: list[float]
    cpu_seconds: float  # used by the bot's process once ready, all of its threads
    profile: Path | None = None  # cProfile stats (CPU time) of the bot's main thread
    requests: dict[str, int] | None = None  # Bot API requests by method, getUpdates aside
    statements: dict[str, int] | None = None  # SQL statements by their first word

    @property
    def cpu_ms_per_update(self) -> float:
        return self.cpu_seconds * 1000 / self.updates

    @property
    def per_second(self) -> float:
        return self.updates / self.seconds

    def percentile(self, p: int) -> float:
        return statistics.quantiles(self.durations_ms, n=100, method="inclusive")[p - 1]


async def run_bot(
    kind: str, url: str, journey: list[tuple[Step, int]], families: int, args: argparse.Namespace
) -> Result:
    token = make_token(5_000_000 + (1 if kind == "koldo" else 2))
    replicas = args.replicas if kind == "koldo" else 0  # 0: long polling
    folder = Path(tempfile.mkdtemp())
    public_url = f"http://balancer.bench-{time.time_ns()}.invalid/webhook"
    ports = [args.port + 1 + n for n in range(replicas)]
    async with SandboxDriver(url) as driver:
        await driver.add_bot(token)
        driver.bot_id = int(token.split(":")[0])
        if replicas:
            await driver.set_balancer(public_url, [f"http://127.0.0.1:{p}/webhook" for p in ports])
        # Replicas start one after the other: the first brings the schema up to date.
        processes = [
            await start_bot_process(kind, url, token, folder / f"stats{n}.json", args, webhook)
            for n, webhook in enumerate([(p, public_url) for p in ports] or [None])
        ]
        await driver.reset_counters()
        started = time.perf_counter()
        await asyncio.gather(*(family(driver, journey, args.rounds) for _ in range(families)))
        seconds = time.perf_counter() - started
        requests = dict((await driver.counters())["requests_per_method"])
    durations: list[float] = []
    cpu_seconds = 0.0
    statements: dict[str, int] = {}
    for process, stats in processes:
        process.send_signal(signal.SIGTERM)
        await process.wait()
        measured = json.loads(stats.read_text())
        durations += measured["durations_ms"]
        cpu_seconds += measured["cpu_seconds"]
        for word, n in measured.get("statements", {}).items():
            statements[word] = statements.get(word, 0) + n
    name = f"{kind} ×{replicas}" if replicas > 1 else kind
    result = Result(name, len(durations), seconds, durations, cpu_seconds)
    result.requests = {m: n for m, n in requests.items() if m not in ("getUpdates", "setWebhook")}
    result.statements = statements
    if args.profile:
        result.profile = processes[0][1].with_suffix(".prof")
    return result


async def start_bot_process(
    kind: str,
    url: str,
    token: str,
    stats: Path,
    args: argparse.Namespace,
    webhook: tuple[int, str] | None,
) -> tuple[asyncio.subprocess.Process, Path]:
    profile = ["--profile", str(stats.with_suffix(".prof"))] if args.profile else []
    database_url = args.database_url or f"sqlite+aiosqlite:///{stats.parent / 'bench.sqlite3'}"
    # A webhook replica: its port, and the public URL (the balancer's) it sets.
    serving = (
        [] if webhook is None else ["--webhook-port", str(webhook[0]), "--webhook-url", webhook[1]]
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "bench" / "bot_process.py"),
        kind,
        "--url",
        url,
        "--token",
        token,
        "--stats",
        str(stats),
        "--database-url",
        database_url,
        "--redis-url",
        args.redis_url,
        "--redis-prefix",
        args.redis_prefix,
        *serving,
        *profile,
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None
    await process.stdout.readline()  # "ready"
    return process, stats


async def family(driver: SandboxDriver, journey: list[tuple[Step, int]], rounds: int) -> None:
    """One family's phone: the journey again and again, each time as a new person."""
    for _ in range(rounds):
        user = await driver.create_user(None, "Family", language_code="ru")
        for act, answers in journey:
            await act(driver, int(user["id"]))
            await driver.wait_for_events(
                int(user["id"]), answers, kinds=("message", "edit"), timeout=60
            )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=20, help="families at once")
    parser.add_argument("--rounds", type=int, default=5, help="journeys each family makes")
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file")
    parser.add_argument("--redis-url", default="", help="default: in-memory FSM")
    parser.add_argument(
        "--replicas",
        type=int,
        default=0,
        help="Koldo as this many webhook replicas behind the sandbox's load balancer "
        "(PostgreSQL and Redis); default: one process, long polling",
    )
    parser.add_argument(
        "--profile", action="store_true", help="also print where Koldo's CPU goes, by layer"
    )
    args = parser.parse_args()
    if args.replicas and not (args.database_url and args.redis_url):
        parser.error("replicas share PostgreSQL and Redis: give --database-url and --redis-url")
    args.redis_prefix = f"koldo-bench-{time.time_ns()}"

    url = f"http://127.0.0.1:{args.port}"
    sandbox = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "sandbox",
        "--port",
        str(args.port),
        "--no-people",
        "--no-limits",
        cwd=ROOT,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        await wait_for_sandbox(url)
        journey = needs_journey()
        echo = await run_bot("echo", url, echo_journey(len(journey)), args.families, args)
        koldo = await run_bot("koldo", url, journey, args.families, args)
    finally:
        sandbox.terminate()
        await sandbox.wait()
    report(args, echo, koldo)
    if koldo.profile is not None:
        print_profile(koldo)


async def wait_for_sandbox(url: str) -> None:
    async with SandboxDriver(url) as driver:
        for _ in range(100):
            try:
                await driver.state()
                return
            except OSError:  # not up yet
                await asyncio.sleep(0.1)
    raise RuntimeError(f"the sandbox did not start on {url}")


def report(args: argparse.Namespace, echo: Result, koldo: Result) -> None:
    backend = "PostgreSQL + Redis" if args.database_url else "SQLite + memory"
    if args.replicas:
        backend += f", {args.replicas} webhook replicas behind a load balancer"
    print(f"\n{args.families} families at once, {backend}, sandbox limits off\n")
    print(
        f"{'bot':<8}{'updates':>9}{'seconds':>9}{'upd/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'CPU ms/upd':>12}"
    )
    for result in (echo, koldo):
        print(
            f"{result.name:<8}{result.updates:>9}{result.seconds:>9.2f}{result.per_second:>9.1f}"
            f"{result.percentile(50):>9.1f}{result.percentile(95):>9.1f}"
            f"{result.percentile(99):>9.1f}{result.cpu_ms_per_update:>12.2f}"
        )
    for result in (echo, koldo):
        calls = result.requests or {}
        by_method = ", ".join(f"{m} {n / result.updates:.2f}" for m, n in sorted(calls.items()))
        print(f"{result.name} Bot API requests per update: {by_method}")
    if koldo.statements:
        total = sum(n for word, n in koldo.statements.items() if word != "COMMIT")
        by_word = ", ".join(
            f"{word} {n / koldo.updates:.2f}" for word, n in sorted(koldo.statements.items())
        )
        print(f"koldo SQL statements per update: {total / koldo.updates:.2f} ({by_word})")
    ratio = koldo.per_second / echo.per_second
    print(
        f"\nthroughput ratio koldo/echo: {ratio:.2f} (budget ≥ 0.60); "
        f"koldo p95 {koldo.percentile(95):.1f} ms (budget < 50 ms)"
    )


# Where a function's own CPU time is counted: the first rule whose text is in its file path (or,
# for built-ins, in its name).
LAYERS = (
    ("bot/middlewares/", "Koldo's middlewares"),
    ("/handlers/", "Koldo's handlers"),
    ("bot/screens/", "screens and keyboards"),
    ("bot/keyboards/", "screens and keyboards"),
    ("/fluent/", "Fluent formatting"),
    ("bot/i18n", "Fluent formatting"),
    ("bot/services/", "Koldo's services"),
    ("/storage/", "Koldo's repositories"),
    ("/bot/", "Koldo, other"),
    ("aiogram/fsm/", "FSM storage (aiogram)"),
    ("/redis/", "Redis client"),
    ("aiogram/client/", "Bot API calls: aiogram client"),
    ("aiogram/methods/", "Bot API calls: aiogram client"),
    ("aiogram/types/", "update and reply objects (aiogram types, pydantic)"),
    ("pydantic", "update and reply objects (aiogram types, pydantic)"),
    ("aiogram/", "aiogram dispatch: routers, filters, middleware chain"),
    ("magic_filter", "aiogram dispatch: routers, filters, middleware chain"),
    ("sqlalchemy/", "SQLAlchemy"),
    ("aiosqlite", "database driver"),
    ("asyncpg", "database driver"),
    ("sqlite3", "database driver"),
    ("aiohttp/", "HTTP (aiohttp, yarl, multidict)"),
    ("yarl", "HTTP (aiohttp, yarl, multidict)"),
    ("multidict", "HTTP (aiohttp, yarl, multidict)"),
    ("json", "JSON"),
    ("asyncio", "event loop (asyncio)"),
    ("selectors", "event loop (asyncio)"),
    ("epoll", "event loop (asyncio)"),
    ("socket", "event loop (asyncio)"),
)


STDLIB = str(Path(statistics.__file__).parent)
OTHER = "other (stdlib, logging)"


def layer_of(path: str, name: str) -> str | None:
    """The layer a function belongs to; None for a built-in or a stdlib helper, whose time is
    its callers' (urlencode is the HTTP layer's when aiohttp calls it)."""
    if path == "~" or (path.startswith(STDLIB) and "site-packages" not in path):
        where = path if path != "~" else name
        for text in ("asyncio", "selectors", "epoll", "/json/", "sqlite3"):
            if text in where:
                return next(layer for key, layer in LAYERS if key in where)
        return None
    for text, layer in LAYERS:
        if text in path:
            return layer
    return OTHER


Func = tuple[str, int, str]


def layers_of(stats: Any) -> dict[str, float]:
    """Own CPU time by layer; a built-in's or stdlib helper's time goes to its callers' layers,
    in the share each caller spent in it."""
    found: dict[str, float] = {}

    def give(func: Func, seconds: float, depth: int) -> None:
        layer = layer_of(func[0].replace("\\", "/"), func[2])
        callers = stats.stats[func][4] if func in stats.stats else {}
        if layer is None and callers and depth < 8:
            spent = sum(entry[2] for entry in callers.values()) or 1.0
            for caller, entry in callers.items():
                give(caller, seconds * entry[2] / spent, depth + 1)
            return
        layer = layer or OTHER
        found[layer] = found.get(layer, 0.0) + seconds

    for func, (_cc, _nc, own, _cum, _callers) in stats.stats.items():
        give(func, own, 0)
    return found


def print_profile(result: Result) -> None:
    """Koldo's CPU per update by layer: each function's own time, from cProfile in CPU time.
    What the main thread did not do (SQLite's own thread under aiosqlite) is the rest."""
    import pstats

    assert result.profile is not None
    layers = layers_of(pstats.Stats(str(result.profile)))
    profiled = sum(layers.values())
    rest = "other threads (SQLite under aiosqlite)"
    layers[rest] = max(0.0, result.cpu_seconds - profiled)
    total = sum(layers.values())
    print(f"\nwhere Koldo's CPU goes ({result.updates} updates, cProfile in CPU time):\n")
    print(f"{'layer':<54}{'ms/update':>10}{'share':>8}")
    for layer, seconds in sorted(layers.items(), key=lambda item: -item[1]):
        print(f"{layer:<54}{seconds * 1000 / result.updates:>10.3f}{seconds / total:>8.1%}")
    print("(cProfile adds its own cost to every call: the shares count, the sums run high)")


if __name__ == "__main__":
    asyncio.run(main())
