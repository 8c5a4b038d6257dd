"""Per-bot update queue: long polling with getUpdates, or hand-over to a webhook."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sandbox.errors import POLLING_CONFLICT

# What Telegram sends when allowed_updates was never set or set to an empty list.
DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)


@dataclass
class WebhookConfig:
    url: str
    secret_token: str | None = None
    max_connections: int = 40
    ip_address: str | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


def update_chat_id(update: dict[str, Any]) -> int | None:
    """The chat an update belongs to: webhook delivery keeps each chat's updates in order."""
    for kind, payload in update.items():
        if kind == "update_id" or not isinstance(payload, dict):
            continue
        chat = payload.get("chat") or (payload.get("message") or {}).get("chat")
        if chat:
            return int(chat["id"])
        sender = payload.get("from")
        return int(sender["id"]) if sender else None
    return None


class UpdateQueue:
    def __init__(self) -> None:
        self.pending: list[dict[str, Any]] = []
        self.next_update_id = 1
        self.allowed = DEFAULT_UPDATE_TYPES
        self.webhook: WebhookConfig | None = None
        self.closed = False
        self.listener: Callable[[dict[str, Any]], None] | None = None  # the webhook delivery
        self._arrived = asyncio.Event()
        self._poller: object | None = None

    @property
    def webhook_url(self) -> str | None:
        return self.webhook.url if self.webhook else None

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queues an update, unless the bot's allowed_updates leaves this kind out."""
        if kind not in self.allowed:
            return None
        update = {"update_id": self.next_update_id, kind: payload}
        self.next_update_id += 1
        self.pending.append(update)
        if self.listener is not None:
            self.listener(update)
        self.notify()
        return update

    def notify(self) -> None:
        """Wakes every waiter: long polls and webhook workers."""
        self._arrived.set()
        self._arrived = asyncio.Event()

    async def wait(self, seconds: float | None) -> None:
        arrived = self._arrived
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(arrived.wait(), seconds)

    def set_allowed(self, kinds: Iterable[str] | None) -> None:
        """None leaves the setting as it was; an empty list restores Telegram's default."""
        if kinds is None:
            return
        chosen = frozenset(kinds)
        self.allowed = chosen or DEFAULT_UPDATE_TYPES

    def confirm(self, offset: int | None) -> None:
        if offset is None or offset == 0:
            return
        if offset < 0:
            # A negative offset keeps only the last -offset updates and forgets the rest.
            del self.pending[: max(0, len(self.pending) + offset)]
        else:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]

    def drop_pending(self) -> None:
        self.pending.clear()

    def remove(self, update: dict[str, Any]) -> None:
        """A delivered update; it is near the front, so the search is short."""
        for index, pending in enumerate(self.pending):
            if pending is update:
                del self.pending[index]
                return

    async def poll(
        self, offset: int | None, limit: int, wait_seconds: float
    ) -> list[dict[str, Any]]:
        """getUpdates: waits for updates; a newer call ends an older one with 409."""
        self.confirm(offset)
        ticket = object()
        self._poller = ticket
        self.notify()  # a poll that is still waiting learns that it was replaced
        deadline = time.monotonic() + wait_seconds
        try:
            while True:
                if self._poller is not ticket:
                    raise POLLING_CONFLICT
                remaining = deadline - time.monotonic()
                if self.pending or remaining <= 0 or self.closed:
                    return self.pending[:limit]
                await self.wait(remaining)
        finally:
            if self._poller is ticket:
                self._poller = None

    def close(self) -> None:
        self.closed = True
        self.notify()
