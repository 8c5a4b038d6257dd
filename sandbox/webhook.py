"""Webhook delivery: POST each update to the bot's URL, retrying with backoff until it lands.

As Telegram's Bot API server does: up to max_connections requests in flight, but one chat's
updates one at a time and in order (the next is sent only once the previous was answered 2xx;
a failed one is tried again before anything after it in that chat); a reply {"method": ...} is
carried out. A URL can have a load balancer in front of it (`Balancer`): each attempt then goes
to one of several targets, as it would to replicas of a bot.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import zlib
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from sandbox.updates import UpdateQueue, WebhookConfig, update_chat_id

log = logging.getLogger(__name__)

Update = dict[str, Any]
# Runs a method that the webhook answered with ({"method": "sendMessage", ...}), as Telegram does.
MethodRunner = Callable[[dict[str, Any]], Awaitable[None]]


@dataclass
class RetryPolicy:
    first_delay: float = 0.1
    max_delay: float = 5.0
    request_timeout: float = 60.0  # Telegram gives up on an answer after 60 s, and sends again

    def delay(self, attempt: int) -> float:
        return float(min(self.max_delay, self.first_delay * 2 ** (attempt - 1)))


BALANCING = ("round_robin", "hash")


@dataclass
class Balancer:
    """A load balancer in front of a webhook URL, with the bot's replicas as its targets.

    round_robin sends each attempt to the next target; hash keeps a chat on one target. An
    attempt that fails (a replica stopped or restarting) makes the next attempt of that update
    go to the next target, as a balancer takes a replica that refuses connections out of its
    rotation: a stopped replica delays an update, it does not hold it."""

    targets: list[str]
    balance: str = "round_robin"
    accepted: Counter[str] = field(default_factory=Counter)  # deliveries answered 2xx, by target
    in_flight: Counter[str] = field(default_factory=Counter)  # sent, not answered yet, by target
    _turn: int = 0

    def __post_init__(self) -> None:
        if not self.targets:
            raise ValueError("a balancer needs at least one target")
        if self.balance not in BALANCING:
            raise ValueError(f"balance is one of {', '.join(BALANCING)}")

    def target(self, chat_id: int | None, attempt: int) -> str:
        if self.balance == "hash":
            start = zlib.crc32(str(chat_id).encode())
            return self.targets[(start + attempt) % len(self.targets)]
        chosen = self.targets[self._turn % len(self.targets)]
        self._turn += 1
        return chosen

    def public(self) -> dict[str, Any]:
        return {
            "targets": self.targets,
            "balance": self.balance,
            "accepted": dict(self.accepted),
            "in_flight": {target: n for target, n in self.in_flight.items() if n},
        }


class WebhookDelivery:
    """Up to max_connections updates in flight at once, but one chat's updates one at a time and
    in order: each chat has a lane, and a lane with updates waits in the ready queue."""

    def __init__(
        self,
        queue: UpdateQueue,
        config: WebhookConfig,
        session: aiohttp.ClientSession,
        run_method: MethodRunner,
        retry: RetryPolicy,
        balancers: Mapping[str, Balancer] | None = None,
    ) -> None:
        self.queue = queue
        self.config = config
        self.session = session
        self.run_method = run_method
        self.retry = retry
        self.balancers = balancers or {}
        self.lanes: dict[int | None, deque[Update]] = {}
        self.ready: asyncio.Queue[int | None] = asyncio.Queue()
        for update in queue.pending:
            self.add(update)
        queue.listener = self.add
        self.tasks = [
            asyncio.create_task(self._worker()) for _ in range(max(1, config.max_connections))
        ]

    def add(self, update: Update) -> None:
        chat_id = update_chat_id(update)
        lane = self.lanes.setdefault(chat_id, deque())
        lane.append(update)
        if len(lane) == 1:  # an empty lane was neither ready nor being delivered
            self.ready.put_nowait(chat_id)

    async def stop(self) -> None:
        self.queue.listener = None
        # A webhook reply can itself call deleteWebhook: never wait for the calling worker.
        others = [task for task in self.tasks if task is not asyncio.current_task()]
        for task in others:
            task.cancel()
        for task in others:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _worker(self) -> None:
        while True:
            chat_id = await self.ready.get()
            lane = self.lanes[chat_id]
            update = lane[0]
            await self._deliver_until_accepted(update)
            lane.popleft()
            self.queue.remove(update)
            if lane:
                self.ready.put_nowait(chat_id)
            else:
                del self.lanes[chat_id]

    async def _deliver_until_accepted(self, update: Update) -> None:
        """Telegram keeps trying; so does the sandbox, until the webhook is changed or deleted."""
        attempt = 0
        while (error := await self._post(update, attempt)) is not None:
            attempt += 1
            self.config.last_error_date = int(time.time())
            self.config.last_error_message = error
            log.info("webhook delivery of update %s failed: %s", update["update_id"], error)
            await asyncio.sleep(self.retry.delay(attempt))

    async def _post(self, update: Update, attempt: int) -> str | None:
        headers = {}
        if self.config.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.config.secret_token
        timeout = aiohttp.ClientTimeout(total=self.retry.request_timeout)
        balancer = self.balancers.get(self.config.url)
        url = self.config.url
        if balancer is not None:
            url = balancer.target(update_chat_id(update), attempt)
            balancer.in_flight[url] += 1
        try:
            async with self.session.post(
                url, json=update, headers=headers, timeout=timeout
            ) as response:
                if not 200 <= response.status < 300:
                    return f"Wrong response from the webhook: {response.status} {response.reason}"
                if balancer is not None:
                    balancer.accepted[url] += 1
                await self._run_answered_method(response)
                return None
        except TimeoutError:
            return "Read timeout expired"
        except aiohttp.ClientConnectorError:
            return "Connection refused"
        except aiohttp.ClientError as error:
            return f"Connection error: {type(error).__name__}"
        finally:
            if balancer is not None:
                balancer.in_flight[url] -= 1

    async def _run_answered_method(self, response: aiohttp.ClientResponse) -> None:
        if response.content_type != "application/json":
            return
        try:
            body = await response.json()
        except ValueError:
            return
        if isinstance(body, dict) and isinstance(body.get("method"), str):
            await self.run_method(body)
