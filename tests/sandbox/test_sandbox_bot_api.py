"""Every Bot API method the sandbox offers, called through two independent, strictly typed
clients (aiogram and python-telegram-bot, see tests/support/clients.py): each must parse every
answer completely, and map every error answer to its own exception."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

import aiohttp
import pytest
from aiogram import Bot

from sandbox import SandboxServer
from sandbox.driver import SandboxDriver
from sandbox.files import placeholder_png
from tests.sandbox.conftest import MakeClient
from tests.support.clients import Client, Upload

NewUser = Callable[..., Awaitable[int]]


def keyboard(*labels: str) -> dict[str, object]:
    buttons = [{"text": label, "callback_data": label.lower()} for label in labels]
    return {"inline_keyboard": [buttons]}


async def test_get_me_describes_the_bot(client: Client, bot: Bot) -> None:
    me = await client.call("get_me")
    assert me.id == bot.id
    assert me.is_bot
    assert me.username


async def test_unknown_token_and_method(client: Client, bot: Bot, make_client: MakeClient) -> None:
    impostor = make_client(f"{bot.id}:{'x' * 40}")  # the bot's id with another secret
    with impostor.raises("unauthorized"):
        await impostor.call("get_me")
    with client.raises("not_found"):
        await client.call_unknown_method()


async def test_unknown_token_raw(sandbox: SandboxServer) -> None:
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


async def test_send_message_returns_a_full_message(client: Client, bot: Bot, user: int) -> None:
    message = await client.call(
        "send_message",
        chat_id=user,
        text="<b>Салам</b>, <i>Айгүл</i> 👋 call +996 312 123456",
        parse_mode="HTML",
        reply_markup=keyboard("Yes", "No"),
    )
    assert message.message_id > 0
    assert message.date is not None
    assert message.chat.id == user and message.chat.type == "private"
    assert message.from_user is not None and message.from_user.id == bot.id
    assert message.text == "Салам, Айгүл 👋 call +996 312 123456"
    kinds = [(e.type, e.offset, e.length) for e in message.entities]
    # 👋 is two UTF-16 code units, so the phone number starts at 21, not 20.
    assert kinds == [("bold", 0, 5), ("italic", 7, 5), ("phone_number", 21, 15)]
    assert message.reply_markup is not None
    assert message.reply_markup.inline_keyboard[0][1].callback_data == "no"


async def test_entities_given_as_they_are(client: Client, user: int) -> None:
    entities = [
        {"type": "bold", "offset": 0, "length": 5},
        {"type": "text_link", "offset": 6, "length": 4, "url": "https://example.org/"},
    ]
    message = await client.call("send_message", chat_id=user, text="Салам site", entities=entities)
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        ("bold", 0, 5),
        ("text_link", 6, 4),
    ]
    assert message.entities[1].url == "https://example.org/"


async def test_markdown_v2_and_its_errors(client: Client, user: int) -> None:
    message = await client.call(
        "send_message",
        chat_id=user,
        text="*bold* _it_ __under__ [site](https://example.org) 1\\.5",
        parse_mode="MarkdownV2",
    )
    assert message.text == "bold it under site 1.5"
    assert [e.type for e in message.entities] == ["bold", "italic", "underline", "text_link"]
    with client.raises("bad_request", "Character '.' is reserved"):
        await client.call("send_message", chat_id=user, text="1.5", parse_mode="MarkdownV2")
    with client.raises("bad_request", 'Unsupported start tag "br"'):
        await client.call("send_message", chat_id=user, text="a<br>b", parse_mode="HTML")


async def test_text_errors(client: Client, user: int) -> None:
    with client.raises("bad_request", "message text is empty"):
        await client.call("send_message", chat_id=user, text="   ")
    with client.raises("bad_request", "message is too long"):
        await client.call("send_message", chat_id=user, text="x" * 4097)
    with client.raises("bad_request", "chat not found"):
        await client.call("send_message", chat_id=424242, text="hello")
    markup = {"inline_keyboard": [[{"text": "x", "callback_data": "d" * 65}]]}
    with client.raises("bad_request", "BUTTON_DATA_INVALID"):
        await client.call("send_message", chat_id=user, text="too much", reply_markup=markup)


async def test_forbidden_until_the_user_writes(
    client: Client, driver: SandboxDriver, new_user: NewUser
) -> None:
    stranger = await new_user()
    with client.raises("forbidden", "Forbidden: bot can't initiate conversation with a user"):
        await client.call("send_message", chat_id=stranger, text="hi")
    await driver.send_text(stranger, "hello")
    await client.call("send_message", chat_id=stranger, text="hi")
    await driver.block_bot(stranger)
    with client.raises("forbidden", "Forbidden: bot was blocked by the user"):
        await client.call("send_message", chat_id=stranger, text="are you there?")


async def test_reply_keyboards_stay_with_the_chat(
    client: Client, driver: SandboxDriver, user: int
) -> None:
    markup = {
        "keyboard": [
            [{"text": "📞 Phone", "request_contact": True}],
            [{"text": "📍 Where I am", "request_location": True}, {"text": "Menu"}],
        ],
        "is_persistent": True,
        "one_time_keyboard": True,
        "resize_keyboard": True,
    }
    message = await client.call(
        "send_message", chat_id=user, text="Share your number", reply_markup=markup
    )
    assert message.reply_markup is None  # only inline keyboards ride on messages
    transcript = await driver.transcript(user)
    assert transcript["reply_keyboard"]["keyboard"][0][0]["request_contact"] is True
    assert transcript["reply_keyboard"]["is_persistent"] is True

    force = {"force_reply": True, "input_field_placeholder": "Name"}
    await client.call("send_message", chat_id=user, text="Type the name", reply_markup=force)
    assert (await driver.transcript(user))["force_reply"]["force_reply"] is True
    remove = {"remove_keyboard": True}
    await client.call("send_message", chat_id=user, text="Thanks", reply_markup=remove)
    assert (await driver.transcript(user))["reply_keyboard"] is None


async def test_reply_parameters_thread_and_paid_broadcast(client: Client, user: int) -> None:
    first = await client.call("send_message", chat_id=user, text="first")
    reply = await client.call(
        "send_message",
        chat_id=user,
        text="second",
        reply_parameters={"message_id": first.message_id},
        message_thread_id=7,
        allow_paid_broadcast=True,
        protect_content=True,
    )
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.text == "first"
    assert reply.message_thread_id == 7
    assert reply.has_protected_content is True
    with client.raises("bad_request", "message to be replied not found"):
        await client.call(
            "send_message", chat_id=user, text="x", reply_parameters={"message_id": 99999}
        )
    alone = await client.call(
        "send_message",
        chat_id=user,
        text="x",
        reply_parameters={"message_id": 99999, "allow_sending_without_reply": True},
    )
    assert alone.reply_to_message is None


async def test_edit_and_delete(client: Client, user: int) -> None:
    message = await client.call(
        "send_message", chat_id=user, text="Choose", reply_markup=keyboard("A", "B")
    )
    where = {"chat_id": user, "message_id": message.message_id}
    edited = await client.call(
        "edit_message_text", text="Chosen: <b>A</b>", parse_mode="HTML", **where
    )
    assert edited.text == "Chosen: A"
    assert edited.edit_date is not None
    assert edited.reply_markup is None  # no reply_markup in the edit removes the keyboard
    with client.raises("bad_request", "message is not modified"):
        await client.call("edit_message_text", text="Chosen: <b>A</b>", parse_mode="HTML", **where)
    with_keyboard = await client.call(
        "edit_message_reply_markup", reply_markup=keyboard("Undo"), **where
    )
    assert with_keyboard.reply_markup.inline_keyboard[0][0].text == "Undo"
    with client.raises("bad_request", "message is not modified"):
        await client.call("edit_message_reply_markup", reply_markup=keyboard("Undo"), **where)
    assert await client.call("delete_message", **where) is True
    with client.raises("bad_request", "message to delete not found"):
        await client.call("delete_message", **where)
    with client.raises("bad_request", "message to edit not found"):
        await client.call("edit_message_text", text="again", **where)


async def test_callback_answers(client: Client, driver: SandboxDriver, user: int) -> None:
    await client.call("send_message", chat_id=user, text="Pick", reply_markup=keyboard("One"))
    pressed = await driver.press_button(user, "One")
    assert pressed.callback_query is not None
    query_id = pressed.callback_query["id"]
    answered = await client.call(
        "answer_callback_query", callback_query_id=query_id, text="Saved", show_alert=True
    )
    assert answered is True
    answer = await driver.wait_for_callback_answer(user)
    assert (answer["text"], answer["show_alert"]) == ("Saved", True)
    with client.raises("bad_request", "query is too old and response timeout expired"):
        await client.call("answer_callback_query", callback_query_id=query_id)
    with client.raises("bad_request", "query ID is invalid"):
        await client.call("answer_callback_query", callback_query_id="12345")


async def test_location_venue_contact(client: Client, user: int) -> None:
    location = await client.call(
        "send_location", chat_id=user, latitude=40.0625, longitude=70.8194, horizontal_accuracy=50
    )
    assert (location.location.latitude, location.location.longitude) == (40.0625, 70.8194)
    assert location.location.horizontal_accuracy == 50
    venue = await client.call(
        "send_venue",
        chat_id=user,
        latitude=40.06,
        longitude=70.82,
        title="School No. 3",
        address="Batken, Lenina 10",
        reply_markup=keyboard("Route"),
    )
    assert venue.venue.title == "School No. 3" and venue.venue.location.latitude == 40.06
    assert venue.location is not None
    contact = await client.call(
        "send_contact", chat_id=user, phone_number="+996 312 123456", first_name="Hotline"
    )
    assert contact.contact.phone_number == "+996 312 123456"
    with client.raises("bad_request", "wrong latitude or longitude"):
        await client.call("send_location", chat_id=user, latitude=123.0, longitude=10.0)


async def test_files_upload_get_file_and_download(client: Client, user: int) -> None:
    png = placeholder_png(64, 48)
    photo = await client.call(
        "send_photo",
        chat_id=user,
        photo=Upload(png, "map.png"),
        caption="<b>Map</b>",
        parse_mode="HTML",
    )
    assert photo.caption == "Map"
    assert [e.type for e in photo.caption_entities] == ["bold"]
    largest = photo.photo[-1]
    assert (largest.width, largest.height) == (64, 48)
    assert largest.file_id.startswith("AgAC") and len(largest.file_unique_id) >= 12
    file = await client.call("get_file", file_id=largest.file_id)
    assert file.file_path and file.file_size == len(png)
    assert await client.download(largest.file_id) == png

    again = await client.call("send_photo", chat_id=user, photo=largest.file_id)
    assert again.photo[-1].file_id == largest.file_id

    document = await client.call(
        "send_document", chat_id=user, document=Upload(b"id,name\n1,A\n", "list.csv")
    )
    assert document.document.file_name == "list.csv"
    assert await client.download(document.document.file_id) == b"id,name\n1,A\n"
    voice = await client.call(
        "send_voice", chat_id=user, voice=Upload(b"OggS" + bytes(100), "v.ogg"), duration=4
    )
    assert client.seconds(voice.voice.duration) == 4
    assert voice.voice.mime_type == "audio/ogg"
    with client.raises("bad_request", "invalid file_id"):
        await client.call("get_file", file_id="nope")
    with client.raises("bad_request", "wrong file identifier"):
        await client.call("send_photo", chat_id=user, photo="nope")


async def test_copy_and_forward(client: Client, driver: SandboxDriver, user: int) -> None:
    sent = await driver.send_text(user, "My house burned")
    assert sent.message is not None
    original = {"from_chat_id": user, "message_id": sent.message["message_id"]}
    copied = await client.call("copy_message", chat_id=user, **original)
    assert copied.message_id > sent.message["message_id"]
    forwarded = await client.call("forward_message", chat_id=user, **original)
    assert forwarded.text == "My house burned"
    assert forwarded.forward_origin.type == "user"
    assert forwarded.forward_origin.sender_user.id == user
    with client.raises("bad_request", "message to copy not found"):
        await client.call("copy_message", chat_id=user, from_chat_id=user, message_id=99999)
    [copy] = [m for m in await driver.bot_messages(user) if m.message_id == copied.message_id]
    assert copy.text == "My house burned"

    photo = await driver.send_photo(user, caption="our house")
    assert photo.message is not None
    copied_photo = await client.call(
        "copy_message",
        chat_id=user,
        from_chat_id=user,
        message_id=photo.message["message_id"],
        caption="Case K7M2QX",
    )
    [copy] = [m for m in await driver.bot_messages(user) if m.message_id == copied_photo.message_id]
    assert copy.message["caption"] == "Case K7M2QX" and copy.message["photo"]


async def test_groups_documents_and_contact_cards(
    client: Client, driver: SandboxDriver, user: int
) -> None:
    group = await driver.create_group("Coordinators", [user])
    text = (
        '<a href="https://example.org">map</a> <pre><code class="language-python">x = 1</code>'
        "</pre> <blockquote expandable>news</blockquote> <tg-spoiler>s</tg-spoiler> @koldo_help "
        "/queue help@example.org"
    )
    posted = await client.call(
        "send_message",
        chat_id=group["id"],
        text=text,
        parse_mode="HTML",
        reply_markup={
            "inline_keyboard": [
                [{"text": "Open", "url": "https://example.org"}],
                [{"text": "Copy code", "copy_text": {"text": "K7M2QX"}}],
            ]
        },
    )
    assert posted.chat.type == "supergroup" and posted.chat.title == "Coordinators"
    assert [e.type for e in posted.entities] == [
        "text_link",
        "pre",
        "expandable_blockquote",
        "spoiler",
        "mention",
        "bot_command",
        "email",
    ]
    assert posted.entities[1].language == "python"
    edited = await client.call(
        "edit_message_text",
        chat_id=group["id"],
        message_id=posted.message_id,
        text="*Claimed* by ||someone||",
        parse_mode="MarkdownV2",
        reply_markup=keyboard("Release"),
    )
    assert [e.type for e in edited.entities] == ["bold", "spoiler"]
    chat = await client.call("get_chat", chat_id=group["id"])
    assert (chat.type, chat.title) == ("supergroup", "Coordinators")

    document = await client.call(
        "send_document",
        chat_id=user,
        document=Upload(b"code,needs\nK7M2QX,food\n", "cases.csv"),
        caption="Cases <i>today</i>",
        parse_mode="HTML",
        reply_markup=keyboard("Done"),
    )
    assert (document.document.file_name, document.caption) == ("cases.csv", "Cases today")
    card = await client.call(
        "send_contact",
        chat_id=user,
        phone_number="+996 3622 50505",
        first_name="Batken",
        last_name="Hospital",
        vcard="BEGIN:VCARD\nVERSION:3.0\nFN:Batken Hospital\nEND:VCARD",
    )
    assert (card.contact.last_name, card.contact.vcard.startswith("BEGIN")) == ("Hospital", True)
    forwarded = await client.call(
        "forward_message", chat_id=group["id"], from_chat_id=user, message_id=document.message_id
    )
    assert forwarded.document.file_id == document.document.file_id
    assert forwarded.forward_origin.sender_user.is_bot


async def test_chat_action_and_get_chat(client: Client, driver: SandboxDriver, user: int) -> None:
    assert await client.call("send_chat_action", chat_id=user, action="typing") is True
    [event] = await driver.wait_for_events(user, kinds=("chat_action",))
    assert event["action"] == "typing"
    with client.raises("bad_request", "wrong parameter action in request"):
        await client.call("send_chat_action", chat_id=user, action="dancing")
    chat = await client.call("get_chat", chat_id=user)
    assert chat.id == user and chat.type == "private" and chat.first_name == "Aigul"
    name = f"batken_help_{user}"
    group = await driver.create_group("Batken volunteers", [user], username=name)
    full = await client.call("get_chat", chat_id=f"@{name}")
    assert (full.id, full.type, full.title) == (group["id"], "supergroup", "Batken volunteers")


async def test_commands_by_scope_and_language(client: Client, user: int) -> None:
    default = [{"command": "start", "description": "Start"}]
    kyrgyz = [{"command": "start", "description": "Баштоо"}]
    personal = [{"command": "queue", "description": "Cases"}]
    private_chats = {"type": "all_private_chats"}
    this_chat = {"type": "chat", "chat_id": user}
    assert await client.call("set_my_commands", commands=default) is True
    await client.call("set_my_commands", commands=kyrgyz, scope=private_chats, language_code="ky")
    await client.call("set_my_commands", commands=personal, scope=this_chat)

    async def pairs(**where: object) -> list[tuple[str, str]]:
        commands = await client.call("get_my_commands", **where)
        return [(command.command, command.description) for command in commands]

    assert await pairs() == [("start", "Start")]
    assert await pairs(scope=private_chats, language_code="ky") == [("start", "Баштоо")]
    assert await pairs(scope=this_chat) == [("queue", "Cases")]
    assert await client.call("delete_my_commands", scope=this_chat) is True
    assert await pairs(scope=this_chat) == []
    with client.raises("bad_request", "BOT_COMMAND_INVALID"):
        await client.call(
            "set_my_commands", commands=[{"command": "Bad Command", "description": "x"}]
        )


async def test_webhook_set_info_and_delete(
    client: Client, driver: SandboxDriver, user: int
) -> None:
    await client.call("get_updates", timeout=0)
    unreachable = "http://127.0.0.1:9/telegram"  # nothing listens: every delivery fails
    assert (
        await client.call(
            "set_webhook",
            url=unreachable,
            secret_token="s3cr3t_token-1",
            max_connections=5,
            allowed_updates=["message", "callback_query"],
        )
        is True
    )
    try:
        await driver.send_text(user, "hello")
        info = await client.call("get_webhook_info")
        assert (info.url, info.max_connections) == (unreachable, 5)
        assert info.has_custom_certificate is False
        assert sorted(info.allowed_updates) == ["callback_query", "message"]
        with client.raises("conflict", "can't use getUpdates method while webhook is active"):
            await client.call("get_updates", timeout=0)
        async with asyncio.timeout(5):
            while info.last_error_date is None:  # the failed delivery shows in the info
                await asyncio.sleep(0.02)
                info = await client.call("get_webhook_info")
        assert info.last_error_message and info.pending_update_count >= 1
    finally:
        assert await client.call("delete_webhook", drop_pending_updates=True) is True
    info = await client.call("get_webhook_info")
    assert (info.url, info.pending_update_count) == ("", 0)
    assert list(await client.call("get_updates", timeout=0)) == []


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


async def test_several_bots_keep_their_own_state(
    client: Client, user: int, make_client: MakeClient
) -> None:
    other = make_client(None)
    with other.raises("forbidden", "bot can't initiate conversation"):
        await other.call("send_message", chat_id=user, text="hello from another bot")
    await client.call("set_my_commands", commands=[{"command": "start", "description": "Start"}])
    assert list(await other.call("get_my_commands")) == []


# ---- every kind of update the sandbox produces ------------------------------------------------


async def test_every_kind_of_update_parses(
    client: Client, bot: Bot, driver: SandboxDriver, user: int, new_user: NewUser
) -> None:
    neighbour = await new_user("Bakyt", last_name="Jumabaev", username="bakyt_j")
    group = await driver.create_group("Batken volunteers", [user, neighbour])
    updates = await client.call("get_updates", timeout=0)
    offset = updates[-1].update_id + 1 if updates else 0
    await client.call("get_updates", offset=offset, timeout=0)

    menu = await client.call("send_message", chat_id=user, text="Menu", reply_markup=keyboard("Go"))
    await client.call(
        "send_message",
        chat_id=user,
        text="Share",
        reply_markup={
            "keyboard": [
                [{"text": "Phone", "request_contact": True}],
                [{"text": "Location", "request_location": True}],
            ]
        },
    )
    await driver.send_text(user, "hello https://example.org #batken")
    await driver.send_command(neighbour, "queue", chat_id=group["id"])
    await driver.send_text(user, "about this", reply_to_message_id=menu.message_id)
    await driver.send_photo(user, caption="our house")
    await driver.send_voice(user, duration=7)
    await driver.send_document(user, b"%PDF-1.4 list", file_name="list.pdf")
    await driver.send_sticker(user, emoji="🙏")
    await driver.press_reply_button(user, "Phone")
    await driver.share_contact(user, phone_number="+996555000111", first_name="Neighbour")
    await driver.press_reply_button(user, "Location", location=(40.06, 70.82))
    await driver.press_button(user, "Go")
    await driver.block_bot(user)
    await driver.send_command(user, "start")  # writing again unblocks

    updates = await client.call("get_updates", offset=offset, timeout=0)
    (
        text,
        command,
        reply,
        photo,
        voice,
        document,
        sticker,
        own_contact,
        card,
        location,
        press,
        blocked,
        unblocked,
        restart,
    ) = updates
    assert [u.update_id for u in updates] == list(range(offset, offset + len(updates)))
    assert text.message.text.startswith("hello")
    assert [e.type for e in text.message.entities] == ["url", "hashtag"]
    assert command.message.chat.type == "supergroup" and command.message.chat.id == group["id"]
    assert command.message.from_user.username == "bakyt_j"
    assert command.message.entities[0].type == "bot_command"
    assert reply.message.reply_to_message.message_id == menu.message_id
    assert reply.message.reply_to_message.reply_markup.inline_keyboard[0][0].text == "Go"
    assert photo.message.caption == "our house" and photo.message.photo[-1].width == 640
    assert client.seconds(voice.message.voice.duration) == 7
    assert document.message.document.file_name == "list.pdf"
    assert (sticker.message.sticker.emoji, sticker.message.sticker.type) == ("🙏", "regular")
    assert own_contact.message.contact.user_id == user
    assert card.message.contact.user_id is None
    assert card.message.contact.phone_number == "+996555000111"
    assert (location.message.location.latitude, location.message.location.longitude) == (
        40.06,
        70.82,
    )
    assert press.callback_query.data == "go" and press.callback_query.from_user.id == user
    assert press.callback_query.message.message_id == menu.message_id
    assert press.callback_query.chat_instance
    for changed, old, new in ((blocked, "member", "kicked"), (unblocked, "kicked", "member")):
        member = changed.my_chat_member
        assert (member.old_chat_member.status, member.new_chat_member.status) == (old, new)
        assert member.new_chat_member.user.id == bot.id and member.chat.id == user
    assert restart.message.text == "/start"


# ---- flood control and Telegram's failures ----------------------------------------------------


async def test_flood_control_is_429_with_retry_after(
    client: Client, driver: SandboxDriver, user: int
) -> None:
    await driver.set_limits(enabled=True, private_chat_burst=1, per_private_chat_per_second=1)
    await client.call("send_message", chat_id=user, text="first")
    with client.raises("retry_after") as refused:
        await client.call("send_message", chat_id=user, text="second")
    assert client.retry_after(refused.value) == 1


@pytest.mark.parametrize(
    ("fault", "kind", "text"),
    [
        (500, "server_error", "Internal Server Error"),
        (502, "gateway_page", "<title>502 Bad Gateway</title>"),  # the page is in the error
        (504, "gateway_page", "<title>504 Gateway Time-out</title>"),
        ("drop", "network", ""),
    ],
)
async def test_server_errors_as_telegram_gives_them(
    client: Client, driver: SandboxDriver, user: int, fault: int | str, kind: str, text: str
) -> None:
    await driver.set_faults(next_faults=[fault], methods=["sendMessage"])
    with client.raises(kind, text):
        await client.call("send_message", chat_id=user, text="hello")
    await client.call("send_message", chat_id=user, text="hello")  # the next one goes through
