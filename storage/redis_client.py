"""The one place that builds Koldo's Redis client: FSM, update turns, flood control, alerts and
broadcasts all go through it, so every Redis call is bounded the same way.

redis-py's defaults wait 5 s for a reply and retry ten times with back-off, which turned a
Redis stall into a minute during which a family's update was neither handled nor answered.
Here a call waits at most about two seconds in all: a second to connect, a second for the
reply, and one more attempt only when the connection broke at once (a restarted Redis, an idle
connection closed by the network), never after a stall.
"""

from __future__ import annotations

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ConstantBackoff
from redis.exceptions import ConnectionError as RedisConnectionError

CONNECT_TIMEOUT_SECONDS = 1.0
REPLY_TIMEOUT_SECONDS = 1.0
# A blocking command (BLPOP) must come back well within the reply timeout.
LONGEST_BLOCK_SECONDS = REPLY_TIMEOUT_SECONDS / 2


def open_redis(url: str) -> Redis:
    return Redis.from_url(
        url,
        socket_timeout=REPLY_TIMEOUT_SECONDS,
        socket_connect_timeout=CONNECT_TIMEOUT_SECONDS,
        # A timeout is not retried: a stalled Redis would only be waited for twice.
        retry=Retry(ConstantBackoff(0.05), retries=1, supported_errors=(RedisConnectionError,)),
    )
