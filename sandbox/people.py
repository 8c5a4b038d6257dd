"""What simulated people do: each action becomes the update Telegram would send the bot."""

from __future__ import annotations

import secrets
import time
import zlib
from typing import Any

from sandbox.errors import ControlError
from sandbox.files import placeholder_bytes
from sandbox.formatting import detect_entities
from sandbox.markup import find_button
from sandbox.models import BotAccount, CallbackRecord, ChatLog, JsonDict, Person, StoredMessage
from sandbox.world import World

STICKER_SIDE = 512


def _unblock_on_message(world: World, bot: BotAccount, person: Person, log: ChatLog) -> None:
    """Writing to a bot means having pressed Start (or Restart after blocking it)."""
    if log.chat["type"] != "private":
        return
    bot.started_by.add(person.id)
    if person.id in bot.blocked_by:
        set_blocked(world, bot, person, blocked=False)


def post_message(
    world: World,
    bot: BotAccount,
    person: Person,
    chat_id: int | None,
    content: JsonDict,
    reply_to_message_id: int | None = None,
) -> JsonDict:
    log = world.user_chat(bot, person, chat_id)
    _unblock_on_message(world, bot, person, log)
    message: JsonDict = {
        "message_id": log.take_message_id(),
        "from": person.as_user(),
        "chat": log.chat,
        "date": int(time.time()),
    }
    if reply_to_message_id is not None:
        target = log.find(reply_to_message_id)
        if target is None:
            raise ControlError(f"no message {reply_to_message_id} to reply to")
        message["reply_to_message"] = {
            k: v for k, v in target.message.items() if k != "reply_to_message"
        }
    message.update(content)
    log.force_reply = None
    log.messages[message["message_id"]] = StoredMessage(message, from_bot=False)
    event = world.record(bot, log, "message", direction="in", message=message)
    update = bot.updates.push("message", message)
    return {"message": message, "update_id": update and update["update_id"], "seq": event["seq"]}


def send_text(
    world: World,
    bot: BotAccount,
    person: Person,
    chat_id: int | None,
    text: str,
    reply_to_message_id: int | None = None,
) -> JsonDict:
    if not text:
        raise ControlError("text is empty")
    content: JsonDict = {"text": text}
    if entities := detect_entities(text, []):
        content["entities"] = entities  # a leading /command becomes a bot_command entity
    return post_message(world, bot, person, chat_id, content, reply_to_message_id)


def share_location(
    world: World,
    bot: BotAccount,
    person: Person,
    chat_id: int | None,
    latitude: float,
    longitude: float,
) -> JsonDict:
    location = {"latitude": float(latitude), "longitude": float(longitude)}
    return post_message(world, bot, person, chat_id, {"location": location})


def share_contact(
    world: World,
    bot: BotAccount,
    person: Person,
    chat_id: int | None,
    of_user: int | None = None,
    phone_number: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
) -> JsonDict:
    """One's own contact (user_id set to oneself), another user's (their user_id), or a
    number typed in for someone not on Telegram (no user_id)."""
    contact: JsonDict
    if phone_number is None:
        owner = world.person(of_user) if of_user is not None else person
        contact = {
            "phone_number": owner.phone_number,
            "first_name": owner.first_name,
            "user_id": owner.id,
        }
        if owner.last_name:
            contact["last_name"] = owner.last_name
    else:
        contact = {"phone_number": phone_number, "first_name": first_name or "Contact"}
        if last_name:
            contact["last_name"] = last_name
        if of_user is not None:
            contact["user_id"] = int(of_user)
    return post_message(world, bot, person, chat_id, {"contact": contact})


def send_media(
    world: World,
    bot: BotAccount,
    person: Person,
    chat_id: int | None,
    kind: str,
    data: bytes | None = None,
    caption: str | None = None,
    file_name: str | None = None,
    mime_type: str | None = None,
    duration: int | None = None,
    emoji: str | None = None,
) -> JsonDict:
    """A photo, voice note, document or sticker, stored so that getFile finds it."""
    data = data if data else placeholder_bytes(kind)
    content: JsonDict
    if kind == "photo":
        content = {"photo": world.files.add_photo(data)}
    elif kind == "voice":
        stored = world.files.add("voice", data, "audio/ogg")
        content = {"voice": {**stored.describe(), "duration": duration or 3}}
    elif kind == "document":
        stored = world.files.add(
            "document", data, mime_type or "application/pdf", file_name or "document.pdf"
        )
        content = {"document": stored.describe()}
    elif kind == "sticker":
        stored = world.files.add("sticker", data, None)
        content = {"sticker": _sticker(stored.describe(), emoji or "👍")}
    else:
        raise ControlError(f"unknown media kind {kind!r}: photo, voice, document or sticker")
    if caption and kind != "sticker":
        content["caption"] = caption
        if entities := detect_entities(caption, []):
            content["caption_entities"] = entities
    return post_message(world, bot, person, chat_id, content)


def _sticker(file: JsonDict, emoji: str) -> JsonDict:
    return {
        **file,
        "type": "regular",
        "width": STICKER_SIDE,
        "height": STICKER_SIDE,
        "is_animated": False,
        "is_video": False,
        "emoji": emoji,
    }


def _latest_with_inline_keyboard(log: ChatLog) -> StoredMessage | None:
    for stored in reversed(log.messages.values()):
        if stored.from_bot and not stored.deleted and stored.message.get("reply_markup"):
            return stored
    return None


def press_inline_button(
    world: World,
    bot: BotAccount,
    person: Person,
    chat_id: int | None,
    message_id: int | None = None,
    text: str | None = None,
    row: int | None = None,
    column: int | None = None,
) -> JsonDict:
    """A callback_query with the message as it is now; old messages work too, as in Telegram."""
    log = world.user_chat(bot, person, chat_id)
    stored = log.find(message_id) if message_id is not None else _latest_with_inline_keyboard(log)
    if stored is None:
        raise ControlError("no such message with an inline keyboard in this chat", 404)
    rows = (stored.message.get("reply_markup") or {}).get("inline_keyboard") or []
    button = find_button(rows, text, row, column)
    if "callback_data" not in button:
        # URL and other buttons open something on the phone; the bot hears nothing.
        return {"button": button, "callback_query": None, "update_id": None, "seq": world.seq}
    query: JsonDict = {
        "id": str(secrets.randbits(63)),
        "from": person.as_user(),
        "message": stored.message,
        "chat_instance": _chat_instance(bot, log),
        "data": button["callback_data"],
    }
    bot.callbacks[query["id"]] = CallbackRecord(
        query["id"], person.id, log.chat["id"], stored.message["message_id"]
    )
    event = world.record(
        bot,
        log,
        "callback_query",
        direction="in",
        callback_query_id=query["id"],
        message_id=stored.message["message_id"],
        button_text=button["text"],
        data=button["callback_data"],
        user_id=person.id,
    )
    update = bot.updates.push("callback_query", query)
    return {
        "button": button,
        "callback_query": query,
        "update_id": update and update["update_id"],
        "seq": event["seq"],
    }


def _chat_instance(bot: BotAccount, log: ChatLog) -> str:
    """Stable per bot and chat, like Telegram's opaque chat_instance."""
    return str(zlib.crc32(f"{bot.id}:{log.chat['id']}".encode()) * 7919 + 10**12)


def press_reply_button(
    world: World,
    bot: BotAccount,
    person: Person,
    chat_id: int | None,
    text: str,
    location: tuple[float, float] | None = None,
) -> JsonDict:
    """Sends what the button sends: its text, one's own contact, or a location."""
    log = world.user_chat(bot, person, chat_id)
    keyboard = log.reply_keyboard
    if keyboard is None:
        raise ControlError("no reply keyboard is shown in this chat")
    button = find_button(keyboard["keyboard"], text)
    target = None if log.chat["type"] == "private" else log.chat["id"]
    result: JsonDict
    if button.get("request_contact"):
        result = share_contact(world, bot, person, target)
    elif button.get("request_location"):
        if location is None:
            raise ControlError("this button shares a location: give latitude and longitude")
        result = share_location(world, bot, person, target, *location)
    else:
        result = send_text(world, bot, person, target, button["text"])
    if keyboard.get("one_time_keyboard"):
        log.keyboard_hidden = True
    return result


def set_blocked(world: World, bot: BotAccount, person: Person, blocked: bool) -> None:
    """Blocking or unblocking sends the bot a my_chat_member update, as Telegram does."""
    if blocked == (person.id in bot.blocked_by):
        return
    old, new = ("member", "kicked") if blocked else ("kicked", "member")
    if blocked:
        bot.blocked_by.add(person.id)
    else:
        bot.blocked_by.discard(person.id)
    world.structure_changed()
    bot.updates.push(
        "my_chat_member",
        {
            "chat": person.as_chat(),
            "from": person.as_user(),
            "date": int(time.time()),
            "old_chat_member": _member(old, bot),
            "new_chat_member": _member(new, bot),
        },
    )


def _member(status: str, bot: BotAccount) -> dict[str, Any]:
    member: dict[str, Any] = {"status": status, "user": bot.as_user()}
    if status == "kicked":
        member["until_date"] = 0
    return member
