"""The sandbox's HTTP server: Bot API, file downloads, control API and chat page in one app."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable
from pathlib import Path

from aiohttp import web

from sandbox import botapi
from sandbox.control import WORLD, add_control_routes, control_errors
from sandbox.errors import (
    FRONT_END_SERVER,
    GATEWAY_ERRORS,
    INTERNAL_ERROR,
    NOT_FOUND,
    BotApiError,
    gateway_error_page,
)
from sandbox.limits import DROP, Faults, Limits
from sandbox.models import BotAccount, JsonDict
from sandbox.params import read_params
from sandbox.places import Place
from sandbox.webhook import RetryPolicy
from sandbox.world import World

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
MAX_UPLOAD_BYTES = 60 * 1024 * 1024  # Telegram takes 50 MB from bots; leave room for the form


def _json_response(body: JsonDict, status: int = 200) -> web.Response:
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return web.Response(text=text, status=status, content_type="application/json")


def _drop_connection(request: web.Request) -> web.Response:
    """Closes the socket without an answer; the response returned is never written."""
    if request.transport is not None:
        request.transport.close()
    request.protocol.force_close()
    return web.Response()


def _server_error(status: int) -> web.Response:
    """A 500 in the Bot API's JSON, or a 502/504 page of Telegram's nginx front end."""
    if status not in GATEWAY_ERRORS:
        return _json_response(INTERNAL_ERROR.payload(), 500)
    return web.Response(
        body=gateway_error_page(status).encode(),
        status=status,
        headers={"Content-Type": "text/html", "Server": FRONT_END_SERVER},
    )


async def _inject_faults(request: web.Request, world: World, method: str) -> web.Response | None:
    faults = world.faults
    if not faults.applies_to(method):
        return None
    delay = world.dice.delay(faults)
    if delay > 0:
        await asyncio.sleep(delay)
    fault = faults.take_next()
    if fault is None and world.dice.hit(faults.drop_rate):
        fault = DROP
    if fault is None and world.dice.hit(faults.error_rate):
        fault = world.dice.pick(faults.error_statuses)
    if fault is None:
        return None
    if fault == DROP:
        world.counters.record_refusal("dropped_connections")
        return _drop_connection(request)
    world.counters.record_refusal("server_errors")
    return _server_error(int(fault))


async def handle_bot_api(request: web.Request) -> web.Response:
    world = request.app[WORLD]
    method = request.match_info["method"]
    try:
        bot = world.bot_for_token(request.match_info["token"])
        if method.lower() not in botapi.METHODS:
            raise NOT_FOUND
        world.counters.record_request(method)
        # The whole request before any fault: a call Telegram has received is carried out even
        # if the client goes away while Telegram is slow to answer it.
        params = await read_params(request)
        fault = await _inject_faults(request, world, method)
        if fault is not None:
            return fault
        result = await botapi.call_method(world, bot, method, params)
    except BotApiError as error:
        return _json_response(error.payload(), error.status)
    except Exception:
        # A bug of the sandbox: still answer in Telegram's shape, so the bot sees a 500.
        log.exception("sandbox failed on %s", method)
        return _json_response(INTERNAL_ERROR.payload(), 500)
    return _json_response({"ok": True, "result": result})


async def handle_file_download(request: web.Request) -> web.Response:
    world = request.app[WORLD]
    try:
        world.bot_for_token(request.match_info["token"])
    except BotApiError as error:
        return _json_response(error.payload(), error.status)
    stored = world.files.by_path.get(request.match_info["path"])
    if stored is None:
        return _json_response(NOT_FOUND.payload(), 404)
    return web.Response(
        body=stored.data, content_type=stored.mime_type or "application/octet-stream"
    )


async def handle_index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC_DIR / "index.html")


def create_app(world: World) -> web.Application:
    app = web.Application(client_max_size=MAX_UPLOAD_BYTES, middlewares=[control_errors])
    app[WORLD] = world
    app.router.add_route("*", "/bot{token}/{method}", handle_bot_api)
    app.router.add_get("/file/bot{token}/{path:.+}", handle_file_download)
    add_control_routes(app)
    app.router.add_get("/", handle_index)
    app.router.add_static("/static/", STATIC_DIR)

    async def run_webhook_reply(bot: BotAccount, body: JsonDict) -> None:
        await botapi.run_webhook_reply(world, bot, body)

    async def on_startup(_: web.Application) -> None:
        await world.start(run_webhook_reply)

    async def on_shutdown(_: web.Application) -> None:
        # Before the runner waits for open requests: long polls must end now, not on timeout.
        await world.close()

    app.on_startup.append(on_startup)
    app.on_shutdown.append(on_shutdown)
    return app


class SandboxServer:
    """A running sandbox: .url for aiogram's TelegramAPIServer.from_base, .world for tests."""

    def __init__(self, world: World, runner: web.AppRunner, host: str, port: int) -> None:
        self.world = world
        self.runner = runner
        self.host = host
        self.port = port

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    async def stop(self) -> None:
        await self.runner.cleanup()

    async def __aenter__(self) -> SandboxServer:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()


def populate(
    world: World,
    bots: Iterable[str | JsonDict] = (),
    people: Iterable[JsonDict] = (),
    groups: Iterable[JsonDict] = (),
) -> None:
    for bot in bots:
        if isinstance(bot, str):
            world.add_bot(bot)
        else:
            world.add_bot(bot["token"], bot.get("first_name"), bot.get("username"))
    for person in people:
        world.add_person(**person)
    for group in groups:
        world.add_group(**group)


async def start_sandbox(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    bots: Iterable[str | JsonDict] = (),
    people: Iterable[JsonDict] = (),
    groups: Iterable[JsonDict] = (),
    places: Iterable[Place] | None = None,
    limits: Limits | None = None,
    faults: Faults | None = None,
    seed: int | None = None,
    webhook_retry: RetryPolicy | None = None,
) -> SandboxServer:
    """Starts the sandbox in the running event loop; port 0 picks a free port."""
    world = World(
        limits=limits, faults=faults, places=places, seed=seed, webhook_retry=webhook_retry
    )
    populate(world, bots, people, groups)
    runner = web.AppRunner(create_app(world), shutdown_timeout=2.0, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    actual_port = _bound_port(runner, port)
    log.info("sandbox listening on http://%s:%s", host, actual_port)
    return SandboxServer(world, runner, host, actual_port)


def _bound_port(runner: web.AppRunner, requested: int) -> int:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return requested
