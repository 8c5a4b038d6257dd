"""What the sandbox counts for tests and benchmarks."""

from __future__ import annotations

import json
import time
from collections import Counter
from typing import Any

# Parts of a message that make two messages "the same" for duplicate counting.
_CONTENT_KEYS = ("text", "caption", "location", "venue", "contact", "sticker", "voice", "document")


def content_signature(message: dict[str, Any], markup: dict[str, Any] | None) -> str:
    content = {key: message[key] for key in _CONTENT_KEYS if key in message}
    if "photo" in message:
        content["photo"] = message["photo"][-1]["file_unique_id"]
    return json.dumps([content, markup], sort_keys=True, ensure_ascii=False)


class Counters:
    """Messages per chat, refusals given, and duplicates: the same bot delivering the same
    content (text or caption, media, and reply markup) to the same chat again, within
    Limits.duplicate_window seconds of the previous copy, or at any time when that is None."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.messages_per_chat: Counter[int] = Counter()
        self.duplicates_per_chat: Counter[int] = Counter()
        self.requests_per_method: Counter[str] = Counter()
        self.refusals: Counter[str] = Counter()
        self._last_delivery: dict[tuple[int, int, str], float] = {}

    def record_request(self, method: str) -> None:
        self.requests_per_method[method] += 1

    def record_refusal(self, kind: str) -> None:
        self.refusals[kind] += 1

    def record_delivery(
        self, bot_id: int, chat_id: int, signature: str, window: float | None
    ) -> None:
        now = time.monotonic()
        self.messages_per_chat[chat_id] += 1
        key = (bot_id, chat_id, signature)
        previous = self._last_delivery.get(key)
        if previous is not None and (window is None or now - previous <= window):
            self.duplicates_per_chat[chat_id] += 1
        self._last_delivery[key] = now

    def snapshot(self) -> dict[str, Any]:
        return {
            "messages_total": sum(self.messages_per_chat.values()),
            "messages_per_chat": {str(k): v for k, v in self.messages_per_chat.items()},
            "duplicates_total": sum(self.duplicates_per_chat.values()),
            "duplicates_per_chat": {str(k): v for k, v in self.duplicates_per_chat.items()},
            "too_many_requests": self.refusals["too_many_requests"],
            "server_errors": self.refusals["server_errors"],
            "dropped_connections": self.refusals["dropped_connections"],
            "forbidden": self.refusals["forbidden"],
            "requests_per_method": dict(self.requests_per_method),
        }
