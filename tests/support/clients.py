"""Two independent Bot API clients behind one small adapter, for the sandbox's conformance tests.

aiogram (pydantic models) and python-telegram-bot (its own classes) each parse every answer of
the sandbox into their typed objects, and `call` checks two things more of every answer:
- no field the client does not know: both keep unknown keys aside (aiogram's `model_extra`,
  PTB's `api_kwargs`), and a key only the sandbox invents would land there;
- nothing bent to fit: the parsed object, written back as JSON by the library, is the JSON that
  came (a number sent as a string, a missing part, a dropped value would differ).
The tests call methods by their snake_case
names with plain JSON-like parameters (keyboards, scopes and reply parameters as dicts, files
as Upload); each client turns them into its own types, and each maps error answers to its own
exceptions (`client.errors`).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest
import telegram
import telegram.error
from aiogram import Bot
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods.base import TelegramMethod
from aiogram.types import BufferedInputFile
from pydantic import BaseModel
from telegram.request import HTTPXRequest

# PTB 22 moves time periods (voice.duration, retry_after...) to timedelta and warns on every
# read of the old int; opting in, as its deprecation note advises, reads them warning-free.
os.environ.setdefault("PTB_TIMEDELTA", "true")


@dataclass(frozen=True)
class Upload:
    """A file sent with the call (multipart), as both clients upload bytes."""

    data: bytes
    filename: str


@dataclass(frozen=True)
class Errors:
    """What each library raises for each kind of answer."""

    bad_request: type[Exception]  # 400
    unauthorized: type[Exception]  # 401
    forbidden: type[Exception]  # 403
    not_found: type[Exception]  # 404, an unknown method
    conflict: type[Exception]  # 409
    retry_after: type[Exception]  # 429 with parameters.retry_after
    server_error: type[Exception]  # 500 in JSON
    gateway_page: type[Exception]  # 502/504: nginx's HTML page, not JSON
    network: type[Exception]  # a connection closed without an answer


class Client(ABC):
    name: ClassVar[str]
    errors: ClassVar[Errors]

    async def call(self, method: str, **params: Any) -> Any:
        """Calls a Bot API method the library's own way; the answer must parse, completely."""
        result = await self._call(method, params)
        unknown = list(self._unknown_fields(result, method))
        assert not unknown, f"{self.name} does not know {unknown}"
        differences = list(_differences(self._as_json(result), self._last_answer()["result"]))
        assert not differences, f"{self.name} read {method}'s answer otherwise: {differences}"
        return result

    @contextmanager
    def raises(self, kind: str, text: str = "") -> Iterator[pytest.ExceptionInfo[Exception]]:
        """The library's exception for this kind of answer, exactly (PTB's BadRequest is a
        NetworkError too, so a subclass would not do), with Telegram's text in its message
        (PTB strips "Bad Request: " and changes the case)."""
        expected: type[Exception] = getattr(self.errors, kind)
        with pytest.raises(expected, match=f"(?i){re.escape(text)}") as raised:
            yield raised
        assert type(raised.value) is expected, f"{type(raised.value)} is not {expected}"

    @abstractmethod
    async def _call(self, method: str, params: dict[str, Any]) -> Any: ...

    @abstractmethod
    def _unknown_fields(self, value: Any, path: str) -> Iterator[str]: ...

    @abstractmethod
    def _as_json(self, value: Any) -> Any:
        """The parsed answer written back as the library would send it to Telegram."""

    @abstractmethod
    def _last_answer(self) -> dict[str, Any]:
        """The JSON of the last answer, as it came over HTTP."""

    @abstractmethod
    async def call_unknown_method(self) -> None: ...

    @abstractmethod
    async def download(self, file_id: str) -> bytes: ...

    @staticmethod
    def seconds(value: int | dt.timedelta | None) -> int | None:
        """A time period as whole seconds, whichever way the library gives it."""
        return int(value.total_seconds()) if isinstance(value, dt.timedelta) else value

    def retry_after(self, error: Exception) -> int | None:
        return self.seconds(getattr(error, "retry_after", None))


class AiogramClient(Client):
    name = "aiogram"
    errors = Errors(
        bad_request=TelegramBadRequest,
        unauthorized=TelegramUnauthorizedError,
        forbidden=TelegramForbiddenError,
        not_found=TelegramNotFound,
        conflict=TelegramConflictError,
        retry_after=TelegramRetryAfter,
        server_error=TelegramServerError,
        gateway_page=ClientDecodeError,
        network=TelegramNetworkError,
    )

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        session = bot.session
        if not isinstance(session.json_loads, _Recording):  # sessions are shared by bots
            session.json_loads = _Recording(session.json_loads)
        self._answers: _Recording = session.json_loads

    async def _call(self, method: str, params: dict[str, Any]) -> Any:
        # aiogram's method models validate dicts into its types (keyboards, scopes...).
        converted = {
            key: BufferedInputFile(value.data, value.filename)
            if isinstance(value, Upload)
            else value
            for key, value in params.items()
        }
        return await getattr(self.bot, method)(**converted)

    def _unknown_fields(self, value: Any, path: str) -> Iterator[str]:
        if isinstance(value, BaseModel):
            yield from (f"{path}.{key}" for key in value.model_extra or {})
            for name in type(value).model_fields:
                yield from self._unknown_fields(getattr(value, name), f"{path}.{name}")
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                yield from self._unknown_fields(item, f"{path}[{index}]")

    def _as_json(self, value: Any) -> Any:
        if isinstance(value, BaseModel):
            return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
        if isinstance(value, list | tuple):
            return [self._as_json(item) for item in value]
        return value

    def _last_answer(self) -> dict[str, Any]:
        return self._answers.last

    async def call_unknown_method(self) -> None:
        await self.bot(_NoSuchMethod())

    async def download(self, file_id: str) -> bytes:
        file = await self.call("get_file", file_id=file_id)
        downloaded = await self.bot.download_file(file.file_path)
        assert downloaded is not None
        return downloaded.read()


class _Recording:
    """A JSON loader that keeps what it loaded last."""

    def __init__(self, loads: Callable[..., Any]) -> None:
        self.loads = loads
        self.last: Any = None

    def __call__(self, text: str) -> Any:
        self.last = self.loads(text)
        return self.last


class _NoSuchMethod(TelegramMethod[bool]):
    __returning__: ClassVar[type] = bool
    __api_method__: ClassVar[str] = "noSuchMethod"


class PtbClient(Client):
    name = "python-telegram-bot"
    errors = Errors(
        bad_request=telegram.error.BadRequest,
        unauthorized=telegram.error.InvalidToken,
        forbidden=telegram.error.Forbidden,
        not_found=telegram.error.EndPointNotFound,
        conflict=telegram.error.Conflict,
        retry_after=telegram.error.RetryAfter,
        server_error=telegram.error.NetworkError,
        gateway_page=telegram.error.NetworkError,
        network=telegram.error.NetworkError,
    )

    def __init__(self, bot: telegram.Bot, requests: tuple[RecordingRequest, ...]) -> None:
        self.bot = bot
        self.requests_used = requests

    @staticmethod
    def requests() -> tuple[RecordingRequest, RecordingRequest]:
        """HTTP connections for many bots: one for calls, one for getUpdates, as PTB has."""
        return RecordingRequest(), RecordingRequest(connection_pool_size=8)

    @classmethod
    def for_token(
        cls, sandbox_url: str, token: str, requests: tuple[RecordingRequest, RecordingRequest]
    ) -> PtbClient:
        bot = telegram.Bot(
            token,
            base_url=f"{sandbox_url}/bot",
            base_file_url=f"{sandbox_url}/file/bot",
            request=requests[0],
            get_updates_request=requests[1],
        )
        return cls(bot, requests)

    async def _call(self, method: str, params: dict[str, Any]) -> Any:
        converted = {key: self._convert(key, value) for key, value in params.items()}
        return await getattr(self.bot, method)(**converted)

    @staticmethod
    def _convert(key: str, value: Any) -> Any:
        if isinstance(value, Upload):
            return telegram.InputFile(value.data, filename=value.filename)
        if key == "reply_markup" and isinstance(value, dict):
            kinds: dict[str, type[telegram.TelegramObject]] = {
                "inline_keyboard": telegram.InlineKeyboardMarkup,
                "keyboard": telegram.ReplyKeyboardMarkup,
                "remove_keyboard": telegram.ReplyKeyboardRemove,
                "force_reply": telegram.ForceReply,
            }
            [kind] = [kinds[name] for name in kinds if name in value]
            return kind.de_json(value)
        if key == "reply_parameters" and isinstance(value, dict):
            return telegram.ReplyParameters.de_json(value)
        if key == "scope" and isinstance(value, dict):
            return telegram.BotCommandScope.de_json(value)
        if key == "commands":
            return [telegram.BotCommand(**command) for command in value]
        return value

    def _unknown_fields(self, value: Any, path: str) -> Iterator[str]:
        if isinstance(value, telegram.TelegramObject):
            yield from (f"{path}.{key}" for key in value.api_kwargs)
            for name, attribute in value._get_attrs(remove_bot=True).items():
                yield from self._unknown_fields(attribute, f"{path}.{name}")
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                yield from self._unknown_fields(item, f"{path}[{index}]")

    def _as_json(self, value: Any) -> Any:
        if isinstance(value, telegram.File) and value.file_path:
            # PTB makes file_path a download URL (base_file_url + token + path).
            written = value.to_dict()
            written["file_path"] = value.file_path.removeprefix(f"{self.bot.base_file_url}/")
            return written
        if isinstance(value, telegram.TelegramObject):
            return value.to_dict()
        if isinstance(value, list | tuple):
            return [self._as_json(item) for item in value]
        return value

    def _last_answer(self) -> dict[str, Any]:
        latest = max(self.requests_used, key=lambda request: request.answered)
        return latest.last

    async def call_unknown_method(self) -> None:
        await self.bot.do_api_request("no_such_method")

    async def download(self, file_id: str) -> bytes:
        file = await self.call("get_file", file_id=file_id)
        return bytes(await file.download_as_bytearray())


class RecordingRequest(HTTPXRequest):
    """PTB's HTTP connection, keeping the JSON of the last answer it parsed."""

    _answers = itertools.count(1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.last: dict[str, Any] = {}
        self.answered = 0

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:
        answer = super().parse_json_payload(payload)
        self.last = copy.deepcopy(answer)  # PTB's get_file changes file_path in the answer
        self.answered = next(self._answers)
        return answer


def _typed(value: Any) -> Any:
    """JSON with each scalar tagged by its JSON type: True is not 1, "5" is not 5, 5 is 5.0."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_typed(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, str):  # PTB's enums are str
        return ("string", str(value))
    return (type(value).__name__, value)


def _differences(read: Any, came: Any, path: str = "result") -> Iterator[str]:
    """Where the JSON a library wrote back differs from the JSON that came."""
    if isinstance(read, dict) and isinstance(came, dict):
        for key in sorted(read.keys() | came.keys()):
            if key not in came:
                if not _a_default(read[key]):  # PTB writes back False for absent flags
                    yield f"{path}.{key}: not in the answer, read as {read[key]!r}"
            elif key not in read:
                yield f"{path}.{key}: {came[key]!r} was dropped"
            else:
                yield from _differences(read[key], came[key], f"{path}.{key}")
    elif isinstance(read, list | tuple) and isinstance(came, list | tuple):
        if len(read) != len(came):
            yield f"{path}: {len(came)} items read as {len(read)}"
        for index, (one, other) in enumerate(zip(read, came, strict=False)):
            yield from _differences(one, other, f"{path}[{index}]")
    elif _typed(read) != _typed(came):
        yield f"{path}: {came!r} read as {read!r}"


def _a_default(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, list | tuple | dict) and not value)
