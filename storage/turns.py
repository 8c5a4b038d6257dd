"""Each update handled once, and one person's updates one at a time in the order Telegram sent
them (update_id order): in one process, where long polling hands over a batch handled as
concurrent tasks, and across webhook replicas sharing Redis.

An update takes a *turn* before it is handled and ends it after::

    async with turns.turn(bot_id, update_id, person) as mine:
        if mine:  # False: this update was handled already
            ...

* **Once.** Taking a turn claims the update. An update handled to the end is remembered for a
  day (Telegram keeps an undelivered update no longer), and a redelivery of it is dropped. An
  update whose handling failed (an exception, a Redis error, a cancelled task) is not
  remembered, so a redelivery is handled. A redelivery that comes while the update is still
  being handled waits for that handling to end: dropped if it succeeded, handled if it failed
  or its replica died.
* **In order.** The updates of one person (the bot, the chat and the user, as aiogram keys a
  person's FSM state) stand in a line ordered by update_id. The lowest goes first and the
  others wait for it to end; an update that arrives later with a lower id waits behind the one
  already going.

With Redis, the line is a sorted set per person, and every update in it has a *lease*: its
claim key, which expires a few seconds after its replica stops renewing it. A replica renews
the leases of all the updates it has in hand together, in one call every few seconds, from one
background task. A replica that died (kill -9) or lost Redis stops renewing, and its updates
free the line in seconds: whoever checks the line next removes an update whose lease ran out.
Each check is one Lua script, so taking a free turn is one round trip, and ending it another.
A waiting update is woken by a list push from the update that ended before it (BLPOP), and
checks again at least twice a second in case that replica died.

In one process, the updates of one person register in Redis one after the other, lowest first:
the round trips of a polling batch would otherwise reach Redis in any order, and a later update
could find the line empty and go before an earlier one had registered. Of those waiting, only
the lowest waits in Redis (one connection per person, not one per update of a burst).

Without Redis, `MemoryTurns` keeps the same rules in the process's memory.

Neither aiogram nor any Telegram type is used here: the middleware in bot/middlewares/turns.py
turns an update into ids.
"""

from __future__ import annotations

import asyncio
import bisect
import heapq
import itertools
import logging
import secrets
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from storage.redis_client import LONGEST_BLOCK_SECONDS

logger = logging.getLogger("koldo.turns")

# (chat id, user id): whose line an update stands in.
Person = tuple[int, int]

HANDLED_TTL_SECONDS = 24 * 3600  # Telegram keeps an undelivered update for at most a day
LEASE_SECONDS = 5.0  # how long a turn outlives the replica that stopped renewing it
MEMORY_CAPACITY = 100_000

# What a check of the line answers; ELSEWHERE: another replica has this very update in hand.
HANDLED, WAIT, GO, ELSEWHERE = -1, 0, 1, 2


class Turns(Protocol):
    def turn(
        self, bot_id: int, update_id: int, person: Person | None
    ) -> AbstractAsyncContextManager[bool]:
        """Waits for the update's turn; yields False if the update was handled already."""
        ...


class _Line:
    __slots__ = ("busy", "waiting")

    def __init__(self) -> None:
        self.busy = False
        self.waiting: list[tuple[int, int, asyncio.Future[None]]] = []


class Lines:
    """One process's lines: one place at a time per key, the lowest order first.

    A place is taken in the same step of the event loop as `place()` is entered, before any
    wait: tasks created in update order stand in update order.
    """

    def __init__(self) -> None:
        self._lines: dict[Hashable, _Line] = {}
        self._arrivals = itertools.count()

    @asynccontextmanager
    async def place(self, key: Hashable, order: int) -> AsyncIterator[None]:
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = _Line()
        if line.busy:
            future = asyncio.get_running_loop().create_future()
            heapq.heappush(line.waiting, (order, next(self._arrivals), future))
            try:
                await future
            except asyncio.CancelledError:
                if future.done() and not future.cancelled():
                    self._pass_on(key, line)  # handed the place just as it was cancelled
                raise
        else:
            line.busy = True
        try:
            yield
        finally:
            self._pass_on(key, line)

    def _pass_on(self, key: Hashable, line: _Line) -> None:
        while line.waiting:
            _, _, future = heapq.heappop(line.waiting)
            if not future.done():  # skips those cancelled while waiting
                future.set_result(None)
                return
        line.busy = False
        del self._lines[key]


class MemoryTurns:
    """Turns for a single process (no Redis): the rules above, in memory."""

    def __init__(self, capacity: int = MEMORY_CAPACITY) -> None:
        self._lines = Lines()
        self._handled: OrderedDict[tuple[int, int], None] = OrderedDict()
        self._in_hand: dict[tuple[int, int], asyncio.Event] = {}
        self._capacity = capacity

    @asynccontextmanager
    async def turn(self, bot_id: int, update_id: int, person: Person | None) -> AsyncIterator[bool]:
        update = (bot_id, update_id)
        while update in self._in_hand:  # a redelivery while it is being handled
            await self._in_hand[update].wait()
        if update in self._handled:
            yield False
            return
        ended = self._in_hand[update] = asyncio.Event()
        handled = False
        try:
            if person is None:
                yield True
            else:
                async with self._lines.place((bot_id, *person), update_id):
                    yield True
            handled = True
        finally:
            if handled:
                self._handled[update] = None
                if len(self._handled) > self._capacity:
                    self._handled.popitem(last=False)
            del self._in_hand[update]
            ended.set()


# KEYS[1]: the update's claim; KEYS[2], if given: the person's line.
# ARGV: token, lease ms, update id, claim key prefix (+ update id = another update's claim).
# Returns -1 (handled already), 0 (wait), 1 (go: the turn is ours, marked by score -1) or 2
# (another replica has this very update in hand).
_TRY = """
local claim = redis.call('GET', KEYS[1])
if claim == 'done' then return -1 end
if claim and claim ~= ARGV[1] then return 2 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if #KEYS == 1 then return 1 end
local line = KEYS[2]
redis.call('ZADD', line, 'NX', ARGV[3], ARGV[3])
redis.call('PEXPIRE', line, ARGV[2])
while true do
  local head = redis.call('ZRANGE', line, 0, 0)[1]
  if head == ARGV[3] then
    redis.call('ZADD', line, 'XX', -1, head)
    return 1
  end
  local lease = redis.call('GET', ARGV[4] .. head)
  if lease and lease ~= 'done' then return 0 end
  redis.call('ZREM', line, head)
end
"""

# KEYS as for _TRY. ARGV: token, handled (1/0), seconds to remember, update id, claim key
# prefix, wake key prefix, ms a wake-up is kept. Wakes the next update of the line, if alive.
_END = """
if ARGV[2] == '1' then
  redis.call('SET', KEYS[1], 'done', 'EX', ARGV[3])
elseif redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
if #KEYS == 1 then return 0 end
local line = KEYS[2]
redis.call('ZREM', line, ARGV[4])
while true do
  local head = redis.call('ZRANGE', line, 0, 0, 'WITHSCORES')
  if not head[1] or tonumber(head[2]) < 0 then return 0 end
  local lease = redis.call('GET', ARGV[5] .. head[1])
  if lease and lease ~= 'done' then
    local wake = ARGV[6] .. head[1]
    redis.call('LPUSH', wake, 1)
    redis.call('PEXPIRE', wake, ARGV[7])
    return 0
  end
  redis.call('ZREM', line, head[1])
end
"""

# KEYS: the claims held, then their lines. ARGV: lease ms, number of claims, their tokens.
_RENEW = """
local claims = tonumber(ARGV[2])
for i = 1, claims do
  if redis.call('GET', KEYS[i]) == ARGV[2 + i] then redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
end
for i = claims + 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
return 0
"""


@dataclass(order=True)
class _Waiter:
    update_id: int
    arrival: int
    woken: asyncio.Event = field(default_factory=asyncio.Event, compare=False)


class RedisTurns:
    """Turns shared by every replica on one Redis."""

    def __init__(self, redis: Redis, prefix: str, lease_seconds: float = LEASE_SECONDS) -> None:
        self._redis = redis
        self._prefix = prefix
        self._lease_ms = int(lease_seconds * 1000)
        self._renew_every = lease_seconds / 3  # a renewal may be late by a stalled call or two
        self._try = redis.register_script(_TRY)
        self._end = redis.register_script(_END)
        self._renew = redis.register_script(_RENEW)
        self._registering = Lines()
        self._waiting: dict[str, list[_Waiter]] = {}
        self._arrivals = itertools.count()
        # The claims this process holds, by token: (claim key, line key), renewed together.
        self._held: dict[str, tuple[str, str | None]] = {}
        self._renewer: asyncio.Task[None] | None = None

    def claim_key(self, bot_id: int, update_id: int) -> str:
        return f"{self._claims(bot_id)}{update_id}"

    def line_key(self, bot_id: int, person: Person) -> str:
        return f"{self._prefix}:line:{bot_id}:{person[0]}:{person[1]}"

    def _claims(self, bot_id: int) -> str:
        return f"{self._prefix}:update:{bot_id}:"

    def _wakes(self, bot_id: int) -> str:
        return f"{self._prefix}:wake:{bot_id}:"

    @asynccontextmanager
    async def turn(self, bot_id: int, update_id: int, person: Person | None) -> AsyncIterator[bool]:
        claim = self.claim_key(bot_id, update_id)
        line = None if person is None else self.line_key(bot_id, person)
        keys = [claim] if line is None else [claim, line]
        token = secrets.token_hex(8)
        args: list[str | int] = [token, self._lease_ms, update_id, self._claims(bot_id)]

        async def check() -> int:
            status = int(await self._try(keys=keys, args=args))
            if status in (WAIT, GO):  # the claim is ours: keep it alive
                self._held[token] = (claim, line)
                if self._renewer is None or self._renewer.done():
                    self._renewer = asyncio.create_task(self._keep_alive())
            else:
                self._held.pop(token, None)
            return status

        handled = False
        try:
            if line is None:
                status = await check()
            else:
                async with self._registering.place(line, update_id):
                    status = await check()
            if status in (WAIT, ELSEWHERE):
                status = await self._wait(bot_id, update_id, line, check)
            if status == HANDLED:
                yield False
                return
            yield True
            handled = True
        finally:
            if self._held.pop(token, None) is not None:
                await self._end_turn(keys, token, handled, update_id, bot_id)

    async def _wait(
        self, bot_id: int, update_id: int, line: str | None, check: Callable[[], Awaitable[int]]
    ) -> int:
        """Waits for the turn; returns how the last check answered (GO or HANDLED).

        Of one person's updates waiting in this process, only the lowest waits in Redis, woken
        by the update that ends before it (or by its own timeout, in case that one's replica
        died); the others wait in memory until they are the lowest.
        """
        wake = f"{self._wakes(bot_id)}{update_id}"
        me = _Waiter(update_id, next(self._arrivals))
        waiters = [me] if line is None else self._waiting.setdefault(line, [])
        if line is not None:
            bisect.insort(waiters, me)
        try:
            status = WAIT
            while status in (WAIT, ELSEWHERE):
                if waiters[0] is not me:
                    me.woken.clear()
                    await me.woken.wait()
                    continue
                await self._redis.blpop([wake], timeout=LONGEST_BLOCK_SECONDS)
                status = await check()
            return status
        finally:
            was_lowest = waiters[0] is me
            waiters.remove(me)
            if was_lowest and waiters:
                waiters[0].woken.set()
            if line is not None and not waiters:
                del self._waiting[line]

    async def _end_turn(
        self, keys: list[str], token: str, handled: bool, update_id: int, bot_id: int
    ) -> None:
        args: list[str | int] = [token, int(handled), HANDLED_TTL_SECONDS, update_id]
        args += [self._claims(bot_id), self._wakes(bot_id), self._lease_ms]
        try:
            await self._end(keys=keys, args=args)
        except RedisError as error:
            # Its lease runs out in seconds; only the memory of a handled update is lost.
            logger.warning(
                "ending the turn of update %s failed: %s", update_id, type(error).__name__
            )

    async def _keep_alive(self) -> None:
        """Renews the leases of every update in hand; ends when there are none left."""
        while self._held:
            await asyncio.sleep(self._renew_every)
            held = list(self._held.items())
            if not held:
                return
            claims = [claim for _, (claim, _) in held]
            tokens = [token for token, _ in held]
            lines = sorted({line for _, (_, line) in held if line is not None})
            try:
                await self._renew(
                    keys=[*claims, *lines], args=[self._lease_ms, len(claims), *tokens]
                )
            except RedisError as error:
                logger.warning("renewing %d turns failed: %s", len(claims), type(error).__name__)
