from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import ClientDecodeError, TelegramAPIError
from aiogram.methods import AnswerCallbackQuery, Response, TelegramMethod
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot

logger = logging.getLogger("koldo.telegram")


class AnswerCallbacksAtBest(BaseRequestMiddleware):
    """A button press is acted on whatever becomes of its answer.

    Answering a press only stops the spinner on the person's phone (or shows a short alert).
    Telegram refuses answers that come late ("query is too old and response timeout expired
    or query ID is invalid": after downtime, a backlog, a slow update) and may fail them like any
    call; the press must still do what it says. So a failed answerCallbackQuery is logged, by
    ids only, and reported to the handler as answered.
    """

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if method.__api_method__ != AnswerCallbackQuery.__api_method__:
            return await make_request(bot, method)
        try:
            return await make_request(bot, method)
        except (TelegramAPIError, ClientDecodeError) as error:
            logger.info(
                "answerCallbackQuery %s failed (%s); the press is acted on all the same",
                getattr(method, "callback_query_id", None),
                type(error).__name__,
            )
            return cast("Response[TelegramType]", Response[bool](ok=True, result=True))
