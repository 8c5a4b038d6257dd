"""FSM storage whose records expire: a form's draft, and anything else a person's FSM keeps, is
forgotten after a while without a touch (KOLDO_DRAFT_DAYS), in memory and in Redis alike.

A touch is any write, of the state or of the data: each refreshes both, so that a family adding
words to one step for days keeps its step and its draft together. Reading touches nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from copy import copy
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, overload

from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, KeyBuilder, StateType, StorageKey
from aiogram.fsm.storage.redis import RedisStorage
from redis.asyncio import Redis

Clock = Callable[[], float]


@dataclass
class _Record:
    touched_at: float
    state: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


class ExpiringMemoryStorage(BaseStorage):
    """aiogram's MemoryStorage, but a record untouched for `ttl` is gone (aiogram has no such
    storage). Expired records are dropped when read, and all of them now and then on a write,
    so that a long-running process does not keep every person it ever met. `clock` (seconds,
    monotonic) is for tests."""

    def __init__(self, ttl: timedelta, clock: Clock = time.monotonic) -> None:
        self.ttl = ttl.total_seconds()
        self.clock = clock
        self._records: dict[StorageKey, _Record] = {}
        self._swept_at = clock()

    async def close(self) -> None:
        self._records.clear()

    def _live(self, key: StorageKey) -> _Record | None:
        record = self._records.get(key)
        if record is not None and self.clock() - record.touched_at >= self.ttl:
            del self._records[key]
            return None
        return record

    def _touched(self, key: StorageKey) -> _Record:
        now = self.clock()
        if now - self._swept_at >= min(self.ttl, 3600.0):
            self._sweep(now)
        record = self._live(key) or self._records.setdefault(key, _Record(now))
        record.touched_at = now
        return record

    def _sweep(self, now: float) -> None:
        self._swept_at = now
        expired = [k for k, r in self._records.items() if now - r.touched_at >= self.ttl]
        for key in expired:
            del self._records[key]

    def _forget_if_empty(self, key: StorageKey, record: _Record) -> None:
        if record.state is None and not record.data:
            self._records.pop(key, None)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        record = self._touched(key)
        record.state = state.state if isinstance(state, State) else state
        self._forget_if_empty(key, record)

    async def get_state(self, key: StorageKey) -> str | None:
        record = self._live(key)
        return record.state if record is not None else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if not isinstance(data, dict):
            msg = f"Data must be a dict or dict-like object, got {type(data).__name__}"
            raise DataNotDictLikeError(msg)
        record = self._touched(key)
        record.data = data.copy()
        self._forget_if_empty(key, record)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        record = self._live(key)
        return record.data.copy() if record is not None else {}

    @overload
    async def get_value(self, storage_key: StorageKey, dict_key: str) -> Any | None: ...

    @overload
    async def get_value(self, storage_key: StorageKey, dict_key: str, default: Any) -> Any: ...

    async def get_value(
        self, storage_key: StorageKey, dict_key: str, default: Any | None = None
    ) -> Any | None:
        record = self._live(storage_key)
        return copy(record.data.get(dict_key, default)) if record is not None else default


class ExpiringRedisStorage(RedisStorage):
    """aiogram's RedisStorage with `state_ttl` and `data_ttl`, where writing one of a
    person's two keys refreshes the other's time too, in the same round trip."""

    def __init__(self, redis: Redis, key_builder: KeyBuilder, ttl: timedelta) -> None:
        super().__init__(redis, key_builder=key_builder, state_ttl=ttl, data_ttl=ttl)
        self.ttl = ttl

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        state_key = self.key_builder.build(key, "state")
        data_key = self.key_builder.build(key, "data")
        name = state.state if isinstance(state, State) else state
        pipe = self.redis.pipeline(transaction=False)
        if name is None:
            pipe.delete(state_key)
        else:
            pipe.set(state_key, name, ex=self.ttl)
        pipe.expire(data_key, self.ttl)
        await pipe.execute()

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if not isinstance(data, dict):
            msg = f"Data must be a dict or dict-like object, got {type(data).__name__}"
            raise DataNotDictLikeError(msg)
        state_key = self.key_builder.build(key, "state")
        data_key = self.key_builder.build(key, "data")
        pipe = self.redis.pipeline(transaction=False)
        if data:
            pipe.set(data_key, self.json_dumps(data), ex=self.ttl)
        else:
            pipe.delete(data_key)
        pipe.expire(state_key, self.ttl)
        await pipe.execute()
