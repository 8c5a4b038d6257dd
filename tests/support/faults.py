"""Failures a test switches on, as they come in production."""

from __future__ import annotations

import pytest
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from redis.exceptions import ConnectionError as RedisConnectionError


def fail_once_when_clearing(monkeypatch: pytest.MonkeyPatch, storage: BaseStorage) -> list[bool]:
    """Redis goes away once, right after a form was committed, as the form is being cleared.
    Returns a list that holds True once the failure happened."""
    clear_state = storage.set_state
    failed: list[bool] = []

    async def fails_once(key: StorageKey, state: StateType = None) -> None:
        if state is None and not failed:
            failed.append(True)
            raise RedisConnectionError("Connection reset by peer")
        await clear_state(key, state)

    monkeypatch.setattr(storage, "set_state", fails_once)
    return failed
