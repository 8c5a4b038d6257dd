"""The Bot API session: aiogram's aiohttp session, posting a call without files as one JSON body.

aiogram posts every call as a form; aiohttp urlencodes each field byte by byte in Python, which
for a Cyrillic text and its keyboard was the largest share of Koldo's CPU per update
(`bench/updates.py --profile`). The Bot API takes application/json for every call that uploads
no file; a call with a file still goes as aiogram's multipart form.
"""

from __future__ import annotations

from typing import Any, cast

import orjson
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiohttp import ClientError, ClientTimeout

JSON_HEADERS = {"Content-Type": "application/json"}


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


class JsonSession(AiohttpSession):
    def __init__(self, **kwargs: Any) -> None:
        # orjson: Telegram's answers parsed, and bodies written, several times faster than the
        # json module (and as UTF-8, not escaped).
        kwargs.setdefault("json_loads", orjson.loads)
        kwargs.setdefault("json_dumps", _dumps)
        super().__init__(**kwargs)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,
    ) -> TelegramType:
        files: dict[str, Any] = {}
        values = self.prepare_value(
            method.model_dump(warnings=False), bot=bot, files=files, _dumps_json=False
        )
        if files:  # an upload: multipart, as aiogram does it
            return await super().make_request(bot, method, timeout)
        session = await self.create_session()
        url = self.api.api_url(token=bot.token, method=method.__api_method__)
        try:
            async with session.post(
                url,
                data=self.json_dumps(values),
                headers=JSON_HEADERS,
                timeout=ClientTimeout(total=self.timeout if timeout is None else timeout),
            ) as resp:
                raw_result = await resp.text()
        except TimeoutError as error:
            raise TelegramNetworkError(method=method, message="Request timeout error") from error
        except ClientError as error:
            message = f"{type(error).__name__}: {error}"
            raise TelegramNetworkError(method=method, message=message) from error
        response = self.check_response(
            bot=bot, method=method, status_code=resp.status, content=raw_result
        )
        return cast(TelegramType, response.result)
