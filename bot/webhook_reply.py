"""A button press answered in the webhook's reply instead of a Bot API call of its own.

Telegram runs one method given in the body of a webhook's reply. Nearly every press is answered
with answerCallbackQuery, which only stops the spinner: carried in the reply it costs no request
of its own (a third of Koldo's calls per update). The webhook answers once the update has been
handled, so an answer is carried only while that is quick: a press still in hand after
`CARRY_WITHIN_SECONDS` (sending files, a broadcast's preview) gets its answer by a call as
before, and so does one whose update ends in an error reply (Telegram would not run the method
of a 5xx answer). Failures of a carried answer go unseen, as answerCallbackQuery's failures are
ignored anyway (bot/middlewares/callback_answers.py).
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from typing import TYPE_CHECKING, Any, cast

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import AnswerCallbackQuery, Response, TelegramMethod
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot

logger = logging.getLogger("koldo.webhook")

CARRY_WITHIN_SECONDS = 0.25


class ReplySlot:
    """The one method an update's webhook reply can carry: a press's answer, or nothing."""

    def __init__(self, bot: Bot, carry_within: float = CARRY_WITHIN_SECONDS) -> None:
        self._bot = bot
        self._carry_within = carry_within
        self._answer: AnswerCallbackQuery | None = None
        self._open = True
        self._timer: asyncio.TimerHandle | None = None
        self._sending: asyncio.Task[Any] | None = None

    def hold(self, answer: AnswerCallbackQuery) -> bool:
        """Keeps the press's answer for the reply, if the slot is still free."""
        if not self._open or self._answer is not None:
            return False
        self._answer = answer
        self._timer = asyncio.get_running_loop().call_later(self._carry_within, self.send_now)
        return True

    def take(self) -> dict[str, Any] | None:
        """The reply's body, once the update is handled: the answer held, if any."""
        answer = self._close()
        if answer is None:
            return None
        return {"method": answer.__api_method__, **answer.model_dump(exclude_none=True)}

    def send_now(self) -> None:
        """Sends the held answer by a call of its own (too slow, or no reply to carry it)."""
        answer = self._close()
        if answer is not None:
            self._sending = asyncio.create_task(self._send(answer))

    def _close(self) -> AnswerCallbackQuery | None:
        """Takes no more answers; hands over the one held, if any, exactly once."""
        self._open = False
        answer, self._answer = self._answer, None
        if self._timer is not None:
            self._timer.cancel()
        return answer

    async def _send(self, answer: AnswerCallbackQuery) -> None:
        try:
            await self._bot(answer)
        except Exception as error:  # ids only; the press was acted on all the same
            logger.info(
                "answerCallbackQuery %s failed (%s)", answer.callback_query_id, type(error).__name__
            )


_slot: contextvars.ContextVar[ReplySlot | None] = contextvars.ContextVar(
    "koldo_reply_slot", default=None
)


def open_slot(bot: Bot) -> ReplySlot:
    """A slot for the update about to be taken in hand: its task, made after this, sees it."""
    slot = ReplySlot(bot)
    _slot.set(slot)
    return slot


def close_slot() -> None:
    _slot.set(None)


class AnswerInWebhookReply(BaseRequestMiddleware):
    """answerCallbackQuery, during an update that came by webhook, goes into its reply."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        slot = _slot.get()
        if isinstance(method, AnswerCallbackQuery) and slot is not None and slot.hold(method):
            return cast("Response[TelegramType]", Response[bool](ok=True, result=True))
        return await make_request(bot, method)
