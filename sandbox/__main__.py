"""python -m sandbox --host 127.0.0.1 --port 8081: the sandbox on its own, until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging

from sandbox.limits import Limits
from sandbox.places import DEFAULT_PEOPLE
from sandbox.server import start_sandbox


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument(
        "--token", action="append", default=[], help="register a bot token (repeatable)"
    )
    parser.add_argument(
        "--no-people", action="store_true", help="start without the demo family, coordinator, admin"
    )
    parser.add_argument("--no-limits", action="store_true", help="switch Telegram's limits off")
    parser.add_argument("--seed", type=int, default=None, help="seed for injected faults")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    server = await start_sandbox(
        args.host,
        args.port,
        bots=args.token,
        people=() if args.no_people else DEFAULT_PEOPLE,
        limits=Limits(enabled=not args.no_limits),
        seed=args.seed,
    )
    print(f"Sandbox: chat page {server.url}/  Bot API base {server.url}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(parse_args(argv)))


if __name__ == "__main__":
    main()
