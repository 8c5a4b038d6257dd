"""Telegram's flood limits and the faults the sandbox can inject, both switchable at runtime."""

from __future__ import annotations

import math
import random
import time
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from sandbox.errors import too_many_requests


def _update_dataclass(target: Any, changes: dict[str, Any]) -> None:
    known = {f.name for f in fields(target)}
    unknown = set(changes) - known
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(target, name, value)


@dataclass
class Limits:
    """Telegram's documented limits. Edits, answers to callbacks and chat actions are not
    counted: only new messages (send*, copyMessage, forwardMessage) are, as in the Bot FAQ."""

    enabled: bool = True
    per_bot_per_second: float = 30.0
    paid_broadcast_per_second: float = 1000.0  # messages sent with allow_paid_broadcast
    per_private_chat_per_second: float = 1.0
    private_chat_burst: int = 3  # "short bursts" over one per second are tolerated
    per_group_per_minute: float = 20.0
    callback_answer_timeout: float = 15.0  # after this answerCallbackQuery says "too old"
    duplicate_window: float | None = 10.0  # None: identical messages count as duplicates forever

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def update(self, changes: dict[str, Any]) -> None:
        _update_dataclass(self, changes)


class TokenBucket:
    def __init__(self, capacity: float, per_second: float, now: float) -> None:
        self.capacity = capacity
        self.per_second = per_second
        self.tokens = capacity
        self.updated = now

    def wait_time(self, now: float) -> float:
        """Seconds until one token is available; 0 when one is available now."""
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.per_second)
        self.updated = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.per_second

    def take(self) -> None:
        self.tokens -= 1


class RateLimiter:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.buckets: dict[tuple[str, int], TokenBucket] = {}

    def reset(self) -> None:
        self.buckets.clear()

    def check_and_take(self, bot_id: int, chat_id: int, is_group: bool, paid: bool) -> None:
        """Raises 429 with retry_after when any bucket that this message draws from is empty;
        a refused message takes no token from any bucket."""
        if not self.limits.enabled:
            return
        now = time.monotonic()
        buckets = [self._bot_bucket(bot_id, paid, now), self._chat_bucket(chat_id, is_group, now)]
        wait = max(bucket.wait_time(now) for bucket in buckets)
        if wait > 0:
            raise too_many_requests(max(1, math.ceil(wait)))
        for bucket in buckets:
            bucket.take()

    def _bot_bucket(self, bot_id: int, paid: bool, now: float) -> TokenBucket:
        rate = self.limits.paid_broadcast_per_second if paid else self.limits.per_bot_per_second
        return self._bucket(("paid" if paid else "bot", bot_id), rate, rate, now)

    def _chat_bucket(self, chat_id: int, is_group: bool, now: float) -> TokenBucket:
        if is_group:
            per_minute = self.limits.per_group_per_minute
            return self._bucket(("group", chat_id), per_minute, per_minute / 60, now)
        rate = self.limits.per_private_chat_per_second
        return self._bucket(("chat", chat_id), self.limits.private_chat_burst, rate, now)

    def _bucket(
        self, key: tuple[str, int], capacity: float, per_second: float, now: float
    ) -> TokenBucket:
        bucket = self.buckets.get(key)
        if bucket is None or (bucket.capacity, bucket.per_second) != (capacity, per_second):
            # New bucket, or the limits were changed while running.
            bucket = self.buckets[key] = TokenBucket(capacity, per_second, now)
        return bucket


# The server errors the sandbox can answer with, as Telegram does: 500 is the Bot API's own JSON
# error; 502 and 504 are the HTML pages of Telegram's front end (see sandbox.errors).
SERVER_ERRORS = (500, 502, 504)
DROP = "drop"  # a scripted fault: the connection is closed without an answer


@dataclass
class Faults:
    """Faults injected into Bot API answers (the control API and file downloads are spared)."""

    error_rate: float = 0.0  # share of calls answered with a server error from error_statuses
    error_statuses: list[int] = field(default_factory=lambda: [502])  # picked at random
    drop_rate: float = 0.0  # share of calls whose connection is closed without an answer
    latency: float = 0.0  # seconds added before every answer
    latency_jitter: float = 0.0  # up to this many seconds more, at random
    methods: list[str] | None = None  # only these methods (case-insensitive); None: all
    # The next calls (of `methods`) meet these faults in turn, before any rate is rolled:
    # 500, 502, 504 or "drop". For tests that need "one 502, then it works".
    next_faults: list[int | str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def update(self, changes: dict[str, Any]) -> None:
        changes = dict(changes)
        if "error_statuses" in changes:
            statuses = [_server_error(s) for s in changes["error_statuses"] or ()]
            if not statuses:
                raise ValueError("error_statuses needs at least one of 500, 502, 504")
            changes["error_statuses"] = statuses
        if "next_faults" in changes:
            changes["next_faults"] = [
                DROP if fault == DROP else _server_error(fault)
                for fault in changes["next_faults"] or ()
            ]
        _update_dataclass(self, changes)

    def applies_to(self, method: str) -> bool:
        return self.methods is None or method.lower() in {m.lower() for m in self.methods}

    def take_next(self) -> int | str | None:
        """The next scripted fault, if any is left: a server error's status or "drop"."""
        return self.next_faults.pop(0) if self.next_faults else None


def _server_error(value: Any) -> int:
    if isinstance(value, bool) or str(value) not in {str(status) for status in SERVER_ERRORS}:
        raise ValueError(f"{value!r} is not a server error the sandbox gives: 500, 502, 504")
    return int(value)


class FaultDice:
    """Seeded randomness, so that a benchmark with faults can be replayed."""

    def __init__(self, seed: int | None = None) -> None:
        self.random = random.Random(seed)

    def reseed(self, seed: int | None) -> None:
        self.random.seed(seed)

    def hit(self, rate: float) -> bool:
        return rate > 0 and self.random.random() < rate

    def pick(self, statuses: list[int]) -> int:
        """One of the statuses; a single one takes no roll, so seeded runs replay as before."""
        return statuses[0] if len(statuses) == 1 else self.random.choice(statuses)

    def delay(self, faults: Faults) -> float:
        return faults.latency + faults.latency_jitter * self.random.random()
