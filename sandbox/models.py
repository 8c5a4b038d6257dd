"""The simulated Telegram world: people, groups, bots and the chats between them."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field
from typing import Any

from sandbox.updates import UpdateQueue

JsonDict = dict[str, Any]


@dataclass
class Person:
    """A simulated Telegram user."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    phone_number: str | None = None
    role: str | None = None  # a label for the chat page: "family", "coordinator", ...
    started_every_bot: bool = False  # as if this person had already pressed Start everywhere

    def as_user(self) -> JsonDict:
        user: JsonDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for name in ("last_name", "username", "language_code"):
            if value := getattr(self, name):
                user[name] = value
        return user

    def as_chat(self) -> JsonDict:
        chat: JsonDict = {"id": self.id, "type": "private", "first_name": self.first_name}
        for name in ("last_name", "username"):
            if value := getattr(self, name):
                chat[name] = value
        return chat

    def public(self) -> JsonDict:
        return {**self.as_user(), "phone_number": self.phone_number, "role": self.role}


@dataclass
class Group:
    id: int
    title: str
    member_ids: list[int] = field(default_factory=list)
    type: str = "supergroup"
    username: str | None = None

    def as_chat(self) -> JsonDict:
        chat: JsonDict = {"id": self.id, "type": self.type, "title": self.title}
        if self.username:
            chat["username"] = self.username
        return chat

    def public(self) -> JsonDict:
        return {**self.as_chat(), "member_ids": self.member_ids}


@dataclass
class StoredMessage:
    """A message as the bot sees it, plus what only the sandbox keeps."""

    message: JsonDict
    from_bot: bool
    markup: JsonDict | None = None  # the full reply_markup, reply keyboards included
    deleted: bool = False
    edited: bool = False

    def view(self) -> JsonDict:
        return {
            **self.message,
            "from_bot": self.from_bot,
            "markup": self.markup,
            "deleted": self.deleted,
            "edited": self.edited,
        }


@dataclass
class ChatLog:
    """One chat between one bot and a person or a group: its messages and keyboard state."""

    chat: JsonDict
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    events: list[JsonDict] = field(default_factory=list)
    next_message_id: int = 1
    reply_keyboard: JsonDict | None = None
    keyboard_hidden: bool = False
    force_reply: JsonDict | None = None
    changed: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

    def notify(self) -> None:
        """Wakes the drivers waiting on this chat only, not every waiter in the sandbox."""
        self.changed.set()
        self.changed = asyncio.Event()

    async def wait_for_change(self, seconds: float) -> None:
        changed = self.changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), seconds)

    def take_message_id(self) -> int:
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id

    def find(self, message_id: int) -> StoredMessage | None:
        stored = self.messages.get(message_id)
        return None if stored is None or stored.deleted else stored

    def apply_markup(self, markup: JsonDict | None) -> None:
        """Reply keyboards stay until replaced or removed, as in Telegram's apps."""
        if markup is None:
            return
        if "keyboard" in markup:
            self.reply_keyboard, self.keyboard_hidden = markup, False
        elif markup.get("remove_keyboard"):
            self.reply_keyboard = None
        elif markup.get("force_reply"):
            self.force_reply = markup


@dataclass
class CallbackRecord:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    created: float = field(default_factory=time.monotonic)
    answered: bool = False


@dataclass
class BotAccount:
    id: int
    token: str
    first_name: str
    username: str
    updates: UpdateQueue
    commands: dict[tuple[str, str], list[JsonDict]] = field(default_factory=dict)
    chats: dict[int, ChatLog] = field(default_factory=dict)
    callbacks: dict[str, CallbackRecord] = field(default_factory=dict)
    blocked_by: set[int] = field(default_factory=set)
    started_by: set[int] = field(default_factory=set)

    def as_user(self) -> JsonDict:
        return {
            "id": self.id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }

    def public(self) -> JsonDict:
        return {**self.as_user(), "webhook": self.updates.webhook_url}
