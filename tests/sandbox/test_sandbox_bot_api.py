"""Every Bot API method the sandbox offers, called through aiogram, which must parse each answer."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import ClassVar

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramUnauthorizedError,
)
from aiogram.methods.base import TelegramMethod
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BufferedInputFile,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
)

from sandbox import SandboxServer
from sandbox.driver import SandboxDriver
from sandbox.files import placeholder_png

NewUser = Callable[..., Awaitable[int]]
MakeBot = Callable[[str | None], Bot]


def keyboard(*labels: str) -> InlineKeyboardMarkup:
    buttons = [InlineKeyboardButton(text=label, callback_data=label.lower()) for label in labels]
    return InlineKeyboardMarkup(inline_keyboard=[buttons])


class NoSuchMethod(TelegramMethod[bool]):
    __returning__: ClassVar[type] = bool
    __api_method__: ClassVar[str] = "noSuchMethod"


async def test_get_me_describes_the_bot(bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == bot.id
    assert me.is_bot
    assert me.username


async def test_unknown_token_and_method(
    sandbox: SandboxServer, bot: Bot, make_bot: MakeBot
) -> None:
    impostor = make_bot(f"{bot.id}:{'x' * 40}")  # the bot's id with another secret
    with pytest.raises(TelegramUnauthorizedError, match="Unauthorized"):
        await impostor.get_me()
    with pytest.raises(TelegramNotFound, match="Not Found"):
        await bot(NoSuchMethod())
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{sandbox.url}/botnot-a-token/getMe") as response,
    ):
        assert response.status == 401
        assert await response.json() == {
            "ok": False,
            "error_code": 401,
            "description": "Unauthorized",
        }


async def test_send_message_returns_a_full_message(bot: Bot, user: int) -> None:
    message = await bot.send_message(
        user,
        "<b>Салам</b>, <i>Айгүл</i> 👋 call +996 312 123456",
        parse_mode="HTML",
        reply_markup=keyboard("Yes", "No"),
    )
    assert message.message_id > 0
    assert message.date is not None
    assert message.chat.id == user and message.chat.type == "private"
    assert message.from_user is not None and message.from_user.id == bot.id
    assert message.text == "Салам, Айгүл 👋 call +996 312 123456"
    assert message.entities is not None
    kinds = [(e.type, e.offset, e.length) for e in message.entities]
    # 👋 is two UTF-16 code units, so the phone number starts at 21, not 20.
    assert kinds == [("bold", 0, 5), ("italic", 7, 5), ("phone_number", 21, 15)]
    assert message.reply_markup is not None
    assert message.reply_markup.inline_keyboard[0][1].callback_data == "no"


async def test_markdown_v2_and_its_errors(bot: Bot, user: int) -> None:
    message = await bot.send_message(
        user, "*bold* _it_ __under__ [site](https://example.org) 1\\.5", parse_mode="MarkdownV2"
    )
    assert message.text == "bold it under site 1.5"
    assert [e.type for e in message.entities or []] == ["bold", "italic", "underline", "text_link"]
    with pytest.raises(TelegramBadRequest, match=r"Character '\.' is reserved"):
        await bot.send_message(user, "1.5", parse_mode="MarkdownV2")
    with pytest.raises(TelegramBadRequest, match='Unsupported start tag "br"'):
        await bot.send_message(user, "a<br>b", parse_mode="HTML")


async def test_text_errors(bot: Bot, user: int) -> None:
    with pytest.raises(TelegramBadRequest, match="Bad Request: message text is empty"):
        await bot.send_message(user, "   ")
    with pytest.raises(TelegramBadRequest, match="Bad Request: message is too long"):
        await bot.send_message(user, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="Bad Request: chat not found"):
        await bot.send_message(424242, "hello")
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        markup = InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text="x", callback_data="d" * 65)]]
        )
        await bot.send_message(user, "too much data", reply_markup=markup)


async def test_forbidden_until_the_user_writes(
    bot: Bot, driver: SandboxDriver, new_user: NewUser
) -> None:
    stranger = await new_user()
    with pytest.raises(TelegramForbiddenError, match="bot can't initiate conversation"):
        await bot.send_message(stranger, "hi")
    await driver.send_text(stranger, "hello")
    await bot.send_message(stranger, "hi")
    await driver.block_bot(stranger)
    with pytest.raises(TelegramForbiddenError, match="Forbidden: bot was blocked by the user"):
        await bot.send_message(stranger, "are you there?")


async def test_reply_keyboards_stay_with_the_chat(
    bot: Bot, driver: SandboxDriver, user: int
) -> None:
    markup = ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text="📞 Phone", request_contact=True)],
            [
                KeyboardButton(text="📍 Where I am", request_location=True),
                KeyboardButton(text="Menu"),
            ],
        ],
        is_persistent=True,
        one_time_keyboard=True,
        resize_keyboard=True,
    )
    message = await bot.send_message(user, "Share your number", reply_markup=markup)
    assert message.reply_markup is None  # only inline keyboards ride on messages
    transcript = await driver.transcript(user)
    assert transcript["reply_keyboard"]["keyboard"][0][0]["request_contact"] is True
    assert transcript["reply_keyboard"]["is_persistent"] is True

    await bot.send_message(user, "Type the name", reply_markup=ForceReply(force_reply=True))
    assert (await driver.transcript(user))["force_reply"]["force_reply"] is True
    await bot.send_message(user, "Thanks", reply_markup=ReplyKeyboardRemove(remove_keyboard=True))
    assert (await driver.transcript(user))["reply_keyboard"] is None


async def test_reply_parameters_thread_and_paid_broadcast(bot: Bot, user: int) -> None:
    first = await bot.send_message(user, "first")
    reply = await bot.send_message(
        user,
        "second",
        reply_parameters=ReplyParameters(message_id=first.message_id),
        message_thread_id=7,
        allow_paid_broadcast=True,
    )
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.text == "first"
    assert reply.message_thread_id == 7
    with pytest.raises(TelegramBadRequest, match="message to be replied not found"):
        await bot.send_message(user, "x", reply_parameters=ReplyParameters(message_id=99999))
    alone = await bot.send_message(
        user,
        "x",
        reply_parameters=ReplyParameters(message_id=99999, allow_sending_without_reply=True),
    )
    assert alone.reply_to_message is None


async def test_edit_and_delete(bot: Bot, user: int) -> None:
    message = await bot.send_message(user, "Choose", reply_markup=keyboard("A", "B"))
    edited = await bot.edit_message_text(
        "Chosen: <b>A</b>", chat_id=user, message_id=message.message_id, parse_mode="HTML"
    )
    assert not isinstance(edited, bool)
    assert edited.text == "Chosen: A"
    assert edited.edit_date is not None
    assert edited.reply_markup is None  # no reply_markup in the edit removes the keyboard
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "Chosen: <b>A</b>", chat_id=user, message_id=message.message_id, parse_mode="HTML"
        )
    with_keyboard = await bot.edit_message_reply_markup(
        chat_id=user, message_id=message.message_id, reply_markup=keyboard("Undo")
    )
    assert not isinstance(with_keyboard, bool)
    assert with_keyboard.reply_markup is not None
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_reply_markup(
            chat_id=user, message_id=message.message_id, reply_markup=keyboard("Undo")
        )
    assert await bot.delete_message(user, message.message_id) is True
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(user, message.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("again", chat_id=user, message_id=message.message_id)


async def test_callback_answers(bot: Bot, driver: SandboxDriver, user: int) -> None:
    await bot.send_message(user, "Pick", reply_markup=keyboard("One"))
    pressed = await driver.press_button(user, "One")
    assert pressed.callback_query is not None
    query_id = pressed.callback_query["id"]
    assert await bot.answer_callback_query(query_id, text="Saved", show_alert=True) is True
    answer = await driver.wait_for_callback_answer(user)
    assert (answer["text"], answer["show_alert"]) == ("Saved", True)
    with pytest.raises(TelegramBadRequest, match="query is too old and response timeout expired"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(TelegramBadRequest, match="query ID is invalid"):
        await bot.answer_callback_query("12345")


async def test_location_venue_contact(bot: Bot, user: int) -> None:
    location = await bot.send_location(user, 40.0625, 70.8194, horizontal_accuracy=50)
    assert location.location is not None
    assert (location.location.latitude, location.location.longitude) == (40.0625, 70.8194)
    venue = await bot.send_venue(user, 40.06, 70.82, "School No. 3", "Batken, Lenina 10")
    assert venue.venue is not None and venue.venue.title == "School No. 3"
    assert venue.location is not None
    contact = await bot.send_contact(user, "+996 312 123456", "Hotline")
    assert contact.contact is not None and contact.contact.phone_number == "+996 312 123456"
    with pytest.raises(TelegramBadRequest):
        await bot.send_location(user, 123.0, 10.0)


async def test_files_upload_get_file_and_download(bot: Bot, user: int) -> None:
    png = placeholder_png(64, 48)
    photo = await bot.send_photo(
        user, BufferedInputFile(png, "map.png"), caption="<b>Map</b>", parse_mode="HTML"
    )
    assert photo.photo is not None and photo.caption == "Map"
    largest = photo.photo[-1]
    assert (largest.width, largest.height) == (64, 48)
    assert largest.file_id.startswith("AgAC") and len(largest.file_unique_id) >= 12
    file = await bot.get_file(largest.file_id)
    assert file.file_path is not None
    downloaded = await bot.download_file(file.file_path)
    assert downloaded is not None and downloaded.read() == png

    again = await bot.send_photo(user, largest.file_id)
    assert again.photo is not None and again.photo[-1].file_id == largest.file_id

    document = await bot.send_document(user, BufferedInputFile(b"id,name\n1,A\n", "list.csv"))
    assert document.document is not None and document.document.file_name == "list.csv"
    voice = await bot.send_voice(user, BufferedInputFile(b"OggS" + bytes(100), "v.ogg"), duration=4)
    assert voice.voice is not None and voice.voice.duration == 4
    with pytest.raises(TelegramBadRequest, match="invalid file_id"):
        await bot.get_file("nope")
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_photo(user, "nope")


async def test_copy_and_forward(bot: Bot, driver: SandboxDriver, user: int) -> None:
    sent = await driver.send_text(user, "My house burned")
    assert sent.message is not None
    copied = await bot.copy_message(user, user, sent.message["message_id"])
    assert copied.message_id > sent.message["message_id"]
    forwarded = await bot.forward_message(user, user, sent.message["message_id"])
    assert forwarded.text == "My house burned"
    assert forwarded.forward_origin is not None
    with pytest.raises(TelegramBadRequest, match="message to copy not found"):
        await bot.copy_message(user, user, 99999)
    [copy] = [m for m in await driver.bot_messages(user) if m.message_id == copied.message_id]
    assert copy.text == "My house burned"


async def test_chat_action_and_get_chat(bot: Bot, driver: SandboxDriver, user: int) -> None:
    assert await bot.send_chat_action(user, "typing") is True
    [event] = await driver.wait_for_events(user, kinds=("chat_action",))
    assert event["action"] == "typing"
    with pytest.raises(TelegramBadRequest):
        await bot.send_chat_action(user, "dancing")
    chat = await bot.get_chat(user)
    assert chat.id == user and chat.type == "private" and chat.first_name == "Aigul"


async def test_commands_by_scope_and_language(bot: Bot, user: int) -> None:
    default = [BotCommand(command="start", description="Start")]
    kyrgyz = [BotCommand(command="start", description="Баштоо")]
    personal = [BotCommand(command="queue", description="Cases")]
    assert await bot.set_my_commands(default) is True
    await bot.set_my_commands(kyrgyz, scope=BotCommandScopeAllPrivateChats(), language_code="ky")
    await bot.set_my_commands(personal, scope=BotCommandScopeChat(chat_id=user))

    def pairs(commands: list[BotCommand]) -> list[tuple[str, str]]:
        return [(command.command, command.description) for command in commands]

    assert pairs(await bot.get_my_commands()) == pairs(default)
    ky = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="ky")
    assert pairs(ky) == pairs(kyrgyz)
    assert pairs(await bot.get_my_commands(scope=BotCommandScopeChat(chat_id=user))) == pairs(
        personal
    )
    assert await bot.delete_my_commands(scope=BotCommandScopeChat(chat_id=user)) is True
    assert await bot.get_my_commands(scope=BotCommandScopeChat(chat_id=user)) == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad Command", description="x")])


async def test_json_form_and_query_bodies(sandbox: SandboxServer, bot: Bot, user: int) -> None:
    """Other clients send JSON bodies with nested objects, or plain forms, or query strings."""
    base = f"{sandbox.url}/bot{bot.token}"
    markup = {"inline_keyboard": [[{"text": "OK", "callback_data": "ok"}]]}
    async with aiohttp.ClientSession() as http:
        async with http.post(
            f"{base}/sendMessage", json={"chat_id": user, "text": "json", "reply_markup": markup}
        ) as response:
            body = await response.json()
            assert body["ok"] and body["result"]["reply_markup"] == markup
        form = {"chat_id": str(user), "text": "form", "reply_markup": json.dumps(markup)}
        async with http.post(f"{base}/sendmessage", data=form) as response:
            assert (await response.json())["result"]["text"] == "form"
        async with http.get(
            f"{base}/sendMessage", params={"chat_id": user, "text": "q"}
        ) as response:
            assert (await response.json())["result"]["text"] == "q"
        async with http.post(f"{base}/sendMessage", data={"chat_id": str(user)}) as response:
            assert response.status == 400
            assert await response.json() == {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message text is empty",
            }


async def test_several_bots_keep_their_own_state(bot: Bot, user: int, make_bot: MakeBot) -> None:
    other = make_bot(None)
    with pytest.raises(TelegramForbiddenError):
        await other.send_message(user, "hello from another bot")
    await bot.set_my_commands([BotCommand(command="start", description="Start")])
    assert await other.get_my_commands() == []
