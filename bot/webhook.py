"""The webhook endpoint of `koldo run`: an update is answered 200 once it has been handled.

Telegram keeps an update until its webhook answers 2xx, and sends one chat's next update only
after that: so a replica killed in the middle of an update leaves it unanswered and Telegram
delivers it again (to this replica or, behind a load balancer, to another one), and one
person's updates are handled one after another, in order, across replicas.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets

from aiogram.types import Update
from aiohttp import web

from bot.in_hand import UpdatesInHand
from bot.webhook_reply import close_slot, open_slot

logger = logging.getLogger("koldo.webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram waits 60 s for the answer and then sends the update again. An update still being
# handled after this long is answered all the same (and finished in hand), so that it is not
# handled twice; aiogram's own webhook handler does the same at 55 s.
ANSWER_WITHIN_SECONDS = 55.0


class WebhookEndpoint:
    def __init__(
        self, in_hand: UpdatesInHand, secret: str, answer_within: float = ANSWER_WITHIN_SECONDS
    ) -> None:
        self.in_hand = in_hand
        self.secret = secret.encode()
        self.answer_within = answer_within

    async def handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not secrets.compare_digest(given, self.secret):
            return web.Response(status=401, text="Unauthorized")
        try:
            update = Update.model_validate(await request.json(), context={"bot": self.in_hand.bot})
        except (ValueError, RecursionError) as error:
            # Not from Telegram, or nothing aiogram can read: one line, and never the body.
            logger.warning(
                "webhook request refused with 400: the body (%s bytes) is %s",
                request.content_length,
                "not JSON" if _not_json(error) else "not an update",
            )
            return web.Response(status=400, text="Bad Request: not an update")
        if self.in_hand.closed:
            # Stopping: Telegram sends it again, to the replica that takes over.
            return web.Response(status=503, text="Stopping")
        slot = open_slot(self.in_hand.bot)
        try:
            task = self.in_hand.take(update)
        finally:
            close_slot()  # for the update's task only, not for this connection's next request
        done, _ = await asyncio.wait({task}, timeout=self.answer_within)
        if not done or task.cancelled() or not task.result():
            slot.send_now()
        else:
            reply = slot.take()
            if reply is not None:
                return web.json_response(reply)
        if not done:
            logger.warning(
                "update %s still in hand after %s s: answered, so that Telegram does not send "
                "it again",
                update.update_id,
                self.answer_within,
            )
            return web.json_response({})
        if task.cancelled():
            # The shutdown timeout ran out: not handled, so Telegram must send it again.
            return web.Response(status=503, text="Stopping")
        if not task.result():
            return web.Response(status=500, text="Not handled")
        return web.json_response({})


def _not_json(error: BaseException) -> bool:
    return isinstance(error, (json.JSONDecodeError, UnicodeDecodeError, RecursionError))
