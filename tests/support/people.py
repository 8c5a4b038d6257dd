"""People who talk to the bot through the Dispatcher, as a family would on their phone."""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import (
    CallbackQuery,
    Chat,
    Contact,
    Document,
    Location,
    Message,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
    PhotoSize,
    Sticker,
    Update,
    User,
    Voice,
)

from tests.support.fake_telegram import ChatView, FakeTelegram, Shown

_update_ids = itertools.count(1)
_message_ids = itertools.count(1)
_callback_ids = itertools.count(1)


class Person:
    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        telegram: FakeTelegram,
        user_id: int,
        language_code: str | None = "ru",
        first_name: str = "Айгүл",
    ) -> None:
        self.dispatcher, self.bot, self.telegram = dispatcher, bot, telegram
        self.user = User(
            id=user_id, is_bot=False, first_name=first_name, language_code=language_code
        )
        self.chat = Chat(id=user_id, type="private", first_name=first_name)

    # --- what the person sees -----------------------------------------------------------

    @property
    def view(self) -> ChatView:
        return self.telegram.chat(self.user.id)

    @property
    def last(self) -> Shown:
        return self.view.messages[-1]

    @property
    def last_text(self) -> str:
        return self.last.text

    def texts(self) -> list[str]:
        return [message.text for message in self.view.messages]

    def reply_buttons(self) -> list[str]:
        keyboard = self.view.reply_keyboard
        if keyboard is None:
            return []
        return [button.text for row in keyboard.keyboard for button in row]

    # --- what the person does -----------------------------------------------------------

    async def send(self, text: str) -> None:
        entities = None
        if text.startswith("/"):
            command = text.split()[0]
            entities = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        await self._message(text=text, entities=entities)

    async def press(self, label: str, *, in_message: Shown | None = None) -> None:
        """Taps an inline button by its text, on the newest message that has it."""
        message = in_message or self._message_with_button(label)
        assert message.inline is not None
        button = next(b for row in message.inline.inline_keyboard for b in row if b.text == label)
        await self.press_data(button.callback_data or "", message)

    async def press_data(self, data: str, message: Shown | None = None) -> None:
        """Sends callback data as it arrives from a phone, forged or not."""
        message = message or self.last
        query_id = str(next(_callback_ids))
        self.telegram.callback_chats[query_id] = self.user.id
        query = CallbackQuery(
            id=query_id,
            from_user=self.user,
            chat_instance="1",
            message=self.telegram._as_message(self.user.id, message),
            data=data,
        )
        await self._feed(callback_query=query)

    async def send_at_once(self, texts: list[str]) -> None:
        """Quick texts that reach the bot in one batch of long polling: aiogram's polling
        handles each update of a batch as a task of its own, all of them at once."""
        updates = [self.text_update(text) for text in texts]
        tasks = [asyncio.create_task(self.deliver(update)) for update in updates]
        await asyncio.gather(*tasks)

    def text_update(self, text: str) -> Update:
        """The update of a text message, made but not delivered yet (see `deliver`)."""
        return Update(update_id=next(_update_ids), message=self._new_message(text=text))

    async def deliver(self, update: Update) -> None:
        """Delivers an update, as Telegram does (again, when it redelivers one)."""
        await self.dispatcher.feed_update(self.bot, update)

    async def tap(self, label: str) -> None:
        """Taps a button of the reply keyboard under the text box."""
        assert label in self.reply_buttons(), f"{label!r} not in {self.reply_buttons()}"
        await self.send(label)

    async def share_location(self, latitude: float, longitude: float) -> None:
        await self._message(location=Location(latitude=latitude, longitude=longitude))

    async def share_contact(self, phone: str, user_id: int | None = -1) -> None:
        """Shares a contact card: one's own by default, someone else's with another user_id."""
        owner = self.user.id if user_id == -1 else user_id
        contact = Contact(phone_number=phone, first_name=self.user.first_name, user_id=owner)
        await self._message(contact=contact)

    async def send_photo(self, caption: str | None = None) -> None:
        n = next(_message_ids)
        photo = [
            PhotoSize(file_id=f"photo-small-{n}", file_unique_id=f"ps{n}", width=90, height=90),
            PhotoSize(file_id=f"photo-{n}", file_unique_id=f"p{n}", width=800, height=600),
        ]
        await self._message(photo=photo, caption=caption)

    async def send_voice(self, caption: str | None = None) -> None:
        n = next(_message_ids)
        voice = Voice(file_id=f"voice-{n}", file_unique_id=f"v{n}", duration=4)
        await self._message(voice=voice, caption=caption)

    async def send_document(self, caption: str | None = None) -> None:
        n = next(_message_ids)
        document = Document(file_id=f"doc-{n}", file_unique_id=f"d{n}", file_name="list.pdf")
        await self._message(document=document, caption=caption)

    async def forward(
        self,
        origin: MessageOriginChannel
        | MessageOriginChat
        | MessageOriginUser
        | MessageOriginHiddenUser,
        text: str | None = None,
        *,
        photo: list[PhotoSize] | None = None,
        caption: str | None = None,
    ) -> None:
        """Forwards a message seen elsewhere (a channel's post, a person's message) to the bot."""
        await self._message(text=text, photo=photo, caption=caption, forward_origin=origin)

    async def reply(self, to: Shown, text: str) -> None:
        """Answers a message of the bot with Telegram's Reply."""
        await self._message(text=text, reply_to_message=self.telegram._as_message(self.user.id, to))

    async def send_sticker(self) -> None:
        n = next(_message_ids)
        sticker = Sticker(
            file_id=f"sticker-{n}",
            file_unique_id=f"s{n}",
            type="regular",
            width=512,
            height=512,
            is_animated=False,
            is_video=False,
        )
        await self._message(sticker=sticker)

    # --- plumbing -----------------------------------------------------------------------

    def _message_with_button(self, label: str) -> Shown:
        for message in reversed(self.view.messages):
            if label in message.buttons():
                return message
        shown = [m.buttons() for m in self.view.messages[-3:]]
        raise AssertionError(f"no button {label!r}; the last buttons were {shown}")

    async def _message(self, **content: Any) -> None:
        await self._feed(message=self._new_message(**content))

    def _new_message(self, **content: Any) -> Message:
        message = Message(
            message_id=next(_message_ids),
            date=int(time.time()),
            chat=self.chat,
            from_user=self.user,
            **content,
        )
        self.telegram.incoming[(self.chat.id, message.message_id)] = message
        return message

    async def _feed(self, **event: Any) -> None:
        update = Update(update_id=next(_update_ids), **event)
        await self.dispatcher.feed_update(self.bot, update)
