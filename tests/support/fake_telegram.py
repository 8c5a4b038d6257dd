"""A Bot API session that answers in memory, so the Dispatcher can be driven without HTTP.

It keeps what a person would see: each chat's messages with their keyboards (edits applied),
the reply keyboard currently shown, and the answers to button presses.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.methods import (
    AnswerCallbackQuery,
    CopyMessage,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    SendDocument,
    SendLocation,
    SendMessage,
    SendPhoto,
    SendVenue,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    BufferedInputFile,
    Chat,
    Document,
    InlineKeyboardMarkup,
    Location,
    Message,
    MessageId,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    User,
    Venue,
)

BOT_USER = User(id=42, is_bot=True, first_name="Koldo", username="koldo_bot")

# Telegram's front end when the Bot API server behind it does not answer: nginx's page, not JSON.
NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)
NGINX_504 = (
    "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n"
    "<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)
JSON_500 = '{"ok":false,"error_code":500,"description":"Internal Server Error"}'
JSON_502 = '{"ok":false,"error_code":502,"description":"Bad Gateway"}'


@dataclass
class Shown:
    """A message of the bot as it stands now in the chat."""

    message_id: int
    text: str
    inline: InlineKeyboardMarkup | None = None
    # A map pin (sendVenue) or a bare location (sendLocation) instead of text.
    venue: Venue | None = None
    location: Location | None = None
    # A person's message the bot copied here (copyMessage), as that person sent it.
    copied: Message | None = None
    # A file the bot uploaded (sendDocument), its text the caption: the name and the bytes.
    document: Document | None = None
    data: bytes | None = None
    # A picture the bot made and uploaded (the situation report), as the bytes sent; `text`
    # is its caption.
    photo: bytes | None = None
    # When Telegram says it was sent (unix time); None: now. A test ages a message with it.
    date: int | None = None

    def buttons(self) -> list[str]:
        if self.inline is None:
            return []
        return [button.text for row in self.inline.inline_keyboard for button in row]


@dataclass
class ChatView:
    messages: list[Shown] = field(default_factory=list)
    reply_keyboard: ReplyKeyboardMarkup | None = None
    alerts: list[str] = field(default_factory=list)

    def by_id(self, message_id: int) -> Shown:
        return next(m for m in self.messages if m.message_id == message_id)


class InMemorySession(BaseSession):
    """A Bot API session that never opens a connection or downloads a file."""

    async def close(self) -> None:
        return None

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError("no file downloads in dispatcher tests")
        yield b""


class FakeTelegram(InMemorySession):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        self.chats: dict[int, ChatView] = {}
        # An answer to a button press names the press, not the chat: the driver tells us which.
        self.callback_chats: dict[str, int] = {}
        self._ids = itertools.count(1000)
        # What people sent, by (chat, message id): copyMessage copies from here.
        self.incoming: dict[tuple[int, int], Message] = {}
        # People who blocked the bot: writing to them fails with 403, as on Telegram.
        self.blocked: set[int] = set()
        # What the next calls of a method get instead of an answer, by Bot API method name:
        # (HTTP status, body), read by aiogram's own check_response as an answer over HTTP
        # would be, e.g. failures["sendMessage"] = [(502, NGINX_502)] raises ClientDecodeError.
        self.failures: dict[str, list[tuple[int, str]]] = {}

    def chat(self, chat_id: int) -> ChatView:
        return self.chats.setdefault(chat_id, ChatView())

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        self.calls.append(method)
        if failures := self.failures.get(method.__api_method__):
            status, body = failures.pop(0)
            self.check_response(bot, method, status, body)
            raise AssertionError(f"status {status} with {body!r} is not a failure")
        target = getattr(method, "chat_id", None)
        if target is not None and int(target) in self.blocked and not isinstance(method, GetMe):
            raise TelegramForbiddenError(method, "Forbidden: bot was blocked by the user")
        match method:
            case CopyMessage():
                return self._copy(method)  # type: ignore[return-value]
            case SendMessage():
                return self._send(method)  # type: ignore[return-value]
            case SendDocument():
                return self._send_document(method)  # type: ignore[return-value]
            case SendPhoto(photo=BufferedInputFile()):
                return self._upload(method)  # type: ignore[return-value]
            case SendVenue():
                location = Location(latitude=method.latitude, longitude=method.longitude)
                venue = Venue(location=location, title=method.title, address=method.address)
                return self._send_place(method, venue=venue, location=location)  # type: ignore[return-value]
            case SendLocation():
                location = Location(latitude=method.latitude, longitude=method.longitude)
                return self._send_place(method, location=location)  # type: ignore[return-value]
            case EditMessageText():
                shown = self.chat(int(method.chat_id or 0)).by_id(method.message_id or 0)
                if shown.document is not None:
                    # As on Telegram: a file's caption is not its text.
                    raise TelegramBadRequest(
                        method, "Bad Request: there is no text in the message to edit"
                    )
                shown.text = method.text
                shown.inline = method.reply_markup
                return self._as_message(int(method.chat_id or 0), shown)  # type: ignore[return-value]
            case EditMessageReplyMarkup():
                shown = self.chat(int(method.chat_id or 0)).by_id(method.message_id or 0)
                shown.inline = method.reply_markup
                return self._as_message(int(method.chat_id or 0), shown)  # type: ignore[return-value]
            case AnswerCallbackQuery():
                chat_id = self.callback_chats.pop(method.callback_query_id)
                if method.text:
                    self.chat(chat_id).alerts.append(method.text)
                return True  # type: ignore[return-value]
            case GetMe():
                return BOT_USER  # type: ignore[return-value]
        return True  # type: ignore[return-value]

    def _send(self, method: SendMessage) -> Message:
        chat_id = int(method.chat_id)
        view = self.chat(chat_id)
        markup = method.reply_markup
        shown = Shown(
            next(self._ids),
            method.text,
            markup if isinstance(markup, InlineKeyboardMarkup) else None,
        )
        if isinstance(markup, ReplyKeyboardMarkup):
            view.reply_keyboard = markup
        elif isinstance(markup, ReplyKeyboardRemove):
            view.reply_keyboard = None
        view.messages.append(shown)
        return self._as_message(chat_id, shown)

    def _send_document(self, method: SendDocument) -> Message:
        """A file by upload (kept with its bytes) or by a file id Telegram knows."""
        upload = method.document
        n = next(self._ids)
        if isinstance(upload, BufferedInputFile):
            document = Document(
                file_id=f"sent-doc-{n}", file_unique_id=f"sd{n}", file_name=upload.filename
            )
            data: bytes | None = upload.data
        else:
            document = Document(file_id=str(upload), file_unique_id=f"sd{n}")
            data = None
        markup = method.reply_markup
        inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
        shown = Shown(n, method.caption or "", inline, document=document, data=data)
        self.chat(int(method.chat_id)).messages.append(shown)
        return self._as_message(int(method.chat_id), shown)

    def _upload(self, method: SendPhoto) -> Message:
        """A photo uploaded as a file shows in the chat. (Photos sent by a file_id, as staff and
        families sent them, are only in `calls`, as before.)"""
        assert isinstance(method.photo, BufferedInputFile)
        chat_id = int(method.chat_id)
        markup = method.reply_markup
        inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
        shown = Shown(next(self._ids), method.caption or "", inline, photo=method.photo.data)
        self.chat(chat_id).messages.append(shown)
        return self._as_message(chat_id, shown)

    def _copy(self, method: CopyMessage) -> MessageId:
        source = self.incoming[(int(method.from_chat_id), method.message_id)]
        markup = method.reply_markup
        inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
        text = source.text or source.caption or ""
        shown = Shown(next(self._ids), text, inline, location=None, copied=source)
        self.chat(int(method.chat_id)).messages.append(shown)
        return MessageId(message_id=shown.message_id)

    def _send_place(
        self,
        method: SendVenue | SendLocation,
        location: Location,
        venue: Venue | None = None,
    ) -> Message:
        chat_id = int(method.chat_id)
        markup = method.reply_markup
        inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
        shown = Shown(next(self._ids), "", inline, venue=venue, location=location)
        self.chat(chat_id).messages.append(shown)
        return self._as_message(chat_id, shown)

    def _as_message(self, chat_id: int, shown: Shown) -> Message:
        if shown.location is not None:
            return Message(
                message_id=shown.message_id,
                date=shown.date or int(time.time()),
                chat=Chat(id=chat_id, type="private"),
                from_user=BOT_USER,
                venue=shown.venue,
                location=shown.location,
                reply_markup=shown.inline,
            )
        if shown.document is not None:
            return Message(
                message_id=shown.message_id,
                date=int(time.time()),
                chat=Chat(id=chat_id, type="private"),
                from_user=BOT_USER,
                document=shown.document,
                caption=shown.text,
                reply_markup=shown.inline,
            )
        return Message(
            message_id=shown.message_id,
            date=shown.date or int(time.time()),
            chat=Chat(id=chat_id, type="private"),
            from_user=BOT_USER,
            text=shown.text,
            reply_markup=shown.inline,
        )
