"""Webhook delivery: POST each update to the bot's URL, retrying with backoff until it lands."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
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
    request_timeout: float = 30.0

    def delay(self, attempt: int) -> float:
        return float(min(self.max_delay, self.first_delay * 2 ** (attempt - 1)))


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
    ) -> None:
        self.queue = queue
        self.config = config
        self.session = session
        self.run_method = run_method
        self.retry = retry
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
        while (error := await self._post(update)) is not None:
            attempt += 1
            self.config.last_error_date = int(time.time())
            self.config.last_error_message = error
            log.info("webhook delivery of update %s failed: %s", update["update_id"], error)
            await asyncio.sleep(self.retry.delay(attempt))

    async def _post(self, update: Update) -> str | None:
        headers = {}
        if self.config.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.config.secret_token
        timeout = aiohttp.ClientTimeout(total=self.retry.request_timeout)
        try:
            async with self.session.post(
                self.config.url, json=update, headers=headers, timeout=timeout
            ) as response:
                if not 200 <= response.status < 300:
                    return f"Wrong response from the webhook: {response.status} {response.reason}"
                await self._run_answered_method(response)
                return None
        except TimeoutError:
            return "Read timeout expired"
        except aiohttp.ClientConnectorError:
            return "Connection refused"
        except aiohttp.ClientError as error:
            return f"Connection error: {type(error).__name__}"

    async def _run_answered_method(self, response: aiohttp.ClientResponse) -> None:
        if response.content_type != "application/json":
            return
        try:
            body = await response.json()
        except ValueError:
            return
        if isinstance(body, dict) and isinstance(body.get("method"), str):
            await self.run_method(body)
