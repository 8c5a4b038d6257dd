"""The Bot API methods: each takes a call's parameters and returns Telegram's result object."""

from __future__ import annotations

import contextlib
import mimetypes
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sandbox.errors import (
    NOT_FOUND,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    WEBHOOK_CONFLICT,
    BotApiError,
    bad_request,
)
from sandbox.files import StoredFile
from sandbox.formatting import detect_entities, parse_text
from sandbox.markup import inline_part, normalize_markup
from sandbox.models import BotAccount, ChatLog, JsonDict, StoredMessage
from sandbox.params import Params
from sandbox.updates import DEFAULT_UPDATE_TYPES, UpdateQueue, WebhookConfig
from sandbox.world import World

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
# What copyMessage and forwardMessage carry over from the original message.
CONTENT_KEYS = (
    "text",
    "entities",
    "caption",
    "caption_entities",
    "photo",
    "document",
    "voice",
    "sticker",
    "location",
    "venue",
    "contact",
)


@dataclass
class Call:
    world: World
    bot: BotAccount
    params: Params


Method = Callable[[Call], Awaitable[Any]]
METHODS: dict[str, Method] = {}


def method(name: str) -> Callable[[Method], Method]:
    def register(function: Method) -> Method:
        METHODS[name.lower()] = function
        return function

    return register


async def call_method(world: World, bot: BotAccount, name: str, params: Params) -> Any:
    """Method names are case-insensitive in the Bot API."""
    handler = METHODS.get(name.lower())
    if handler is None:
        raise NOT_FOUND
    return await handler(Call(world, bot, params))


# ---- shared pieces ----------------------------------------------------------------------------


def _target_chat(call: Call, name: str = "chat_id") -> ChatLog:
    log = call.world.chat_log(call.bot, call.params.chat_id(name))
    call.world.check_can_write(call.bot, log)
    return log


def _formatted_text(call: Call) -> tuple[str, list[JsonDict]]:
    text, entities = _parse(call, "text", "entities")
    if not text.strip():
        raise bad_request("message text is empty")
    if len(text) > MESSAGE_LIMIT:
        raise bad_request("message is too long")
    return text, entities


def _caption(call: Call) -> JsonDict:
    if not call.params.has("caption"):
        return {}
    caption, entities = _parse(call, "caption", "caption_entities")
    if not caption:
        return {}
    if len(caption) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    content: JsonDict = {"caption": caption}
    if entities:
        content["caption_entities"] = entities
    return content


def _parse(call: Call, text_key: str, entities_key: str) -> tuple[str, list[JsonDict]]:
    raw = call.params.text(text_key) or ""
    if call.params.has(entities_key):
        text, entities = raw, list(call.params.nested(entities_key, "entities") or [])
    else:
        text, entities = parse_text(raw, call.params.text("parse_mode"))
    return text, detect_entities(text, entities)


def _text_content(text: str, entities: list[JsonDict]) -> JsonDict:
    return {"text": text, "entities": entities} if entities else {"text": text}


def _reply_markup(call: Call) -> JsonDict | None:
    raw = call.params.nested("reply_markup", "reply keyboard markup")
    return None if raw is None else normalize_markup(raw)


def _reply_target(call: Call, log: ChatLog) -> JsonDict | None:
    parameters = call.params.nested("reply_parameters")
    if not parameters and call.params.has("reply_to_message_id"):
        parameters = {"message_id": call.params.integer("reply_to_message_id")}
    if not parameters:
        return None
    source = log
    if parameters.get("chat_id") not in (None, log.chat["id"]):
        source = call.world.chat_log(call.bot, parameters["chat_id"])
    target = source.find(int(parameters.get("message_id") or 0))
    if target is None:
        if parameters.get("allow_sending_without_reply") or call.params.flag(
            "allow_sending_without_reply"
        ):
            return None
        raise bad_request("message to be replied not found")
    return {k: v for k, v in target.message.items() if k != "reply_to_message"}


def _send(call: Call, log: ChatLog, content: JsonDict, markup: JsonDict | None) -> JsonDict:
    """Everything that sends a new message ends here: limits, storing, counters."""
    reply_to = _reply_target(call, log)
    call.world.take_send_slot(call.bot, log, call.params.flag("allow_paid_broadcast"))
    message: JsonDict = {
        "message_id": log.take_message_id(),
        "from": call.bot.as_user(),
        "chat": log.chat,
        "date": int(time.time()),
    }
    if thread_id := call.params.integer("message_thread_id"):
        message["message_thread_id"] = thread_id
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    if call.params.flag("protect_content"):
        message["has_protected_content"] = True
    message.update(content)
    if inline := inline_part(markup):
        message["reply_markup"] = inline
    call.world.store_bot_message(call.bot, log, message, markup)
    return message


def _input_file(call: Call, name: str, kind: str) -> StoredFile:
    """A file by upload (a multipart part, or attach://part) or by a known file_id."""
    value = call.params.text(name)
    upload = call.params.uploads.get(name)
    if upload is None and value and value.startswith("attach://"):
        upload = call.params.uploads.get(value.removeprefix("attach://"))
    if upload is not None:
        mime = upload.content_type
        if mime == "application/octet-stream":
            mime = mimetypes.guess_type(upload.filename)[0] or mime
        if kind == "photo":
            sizes = call.world.files.add_photo(upload.data)
            return call.world.files.get(sizes[-1]["file_id"])
        return call.world.files.add(kind, upload.data, mime, upload.filename)
    if not value:
        raise bad_request(f"there is no {name} in the request")
    if value.startswith(("http://", "https://")):
        # The sandbox never downloads anything: files come by upload or by file_id.
        raise bad_request("failed to get HTTP URL content")
    stored = call.world.files.by_id.get(value)
    if stored is None:
        raise bad_request("wrong file identifier/HTTP URL specified")
    return stored


def _editable(call: Call) -> tuple[ChatLog, StoredMessage]:
    if call.params.has("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    log = call.world.chat_log(call.bot, call.params.chat_id())
    stored = log.find(call.params.required_integer("message_id"))
    if stored is None:
        raise bad_request("message to edit not found")
    if not stored.from_bot:
        raise bad_request("message can't be edited")
    return log, stored


def _edit(call: Call, log: ChatLog, stored: StoredMessage, changes: JsonDict) -> JsonDict:
    """Applies changes (a None value removes the key), or 400 when nothing would change."""
    edited = {k: v for k, v in {**stored.message, **changes}.items() if v is not None}
    if all(stored.message.get(key) == edited.get(key) for key in changes):
        raise bad_request(NOT_MODIFIED)
    edited["edit_date"] = int(time.time())
    stored.message, stored.edited = edited, True
    if "reply_markup" in changes:
        stored.markup = changes["reply_markup"]
    call.world.record(call.bot, log, "edit", message=edited)
    return edited


def _location(call: Call) -> JsonDict:
    latitude, longitude = call.params.number("latitude"), call.params.number("longitude")
    if latitude is None or longitude is None:
        raise bad_request("latitude and longitude are required")
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise bad_request("wrong latitude or longitude")
    location: JsonDict = {"latitude": latitude, "longitude": longitude}
    for name in ("horizontal_accuracy", "live_period", "heading", "proximity_alert_radius"):
        if call.params.has(name):
            location[name] = call.params.number(name)
    return location


# ---- bot and updates --------------------------------------------------------------------------


@method("getMe")
async def get_me(call: Call) -> JsonDict:
    return {
        **call.bot.as_user(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@method("getUpdates")
async def get_updates(call: Call) -> list[JsonDict]:
    queue = call.bot.updates
    if queue.webhook is not None:
        raise WEBHOOK_CONFLICT
    queue.set_allowed(call.params.nested("allowed_updates"))
    limit = min(100, max(1, call.params.integer("limit", 100) or 100))
    timeout = max(0.0, call.params.number("timeout") or 0.0)
    return await queue.poll(call.params.integer("offset"), limit, timeout)


@method("setWebhook")
async def set_webhook(call: Call) -> bool:
    url = call.params.text("url") or ""
    if not url:
        await call.world.stop_webhook(call.bot.id)
        return True
    if not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = call.params.text("secret_token")
    if secret is not None and not (
        0 < len(secret) <= 256 and all(c.isalnum() or c in "_-" for c in secret)
    ):
        raise bad_request("secret token contains unallowed characters")
    config = WebhookConfig(
        url=url,
        secret_token=secret,
        max_connections=min(100, max(1, call.params.integer("max_connections", 40) or 40)),
        ip_address=call.params.text("ip_address"),
    )
    queue, allowed = call.bot.updates, call.params.nested("allowed_updates")
    drop = call.params.flag("drop_pending_updates")
    if not drop and _same_webhook(queue.webhook, config) and _same_allowed(queue, allowed):
        # Telegram answers "Webhook is already set" and changes nothing: deliveries under way
        # go on (replicas of a bot each set the same webhook when they start).
        return True
    await call.world.stop_webhook(call.bot.id)
    if drop:
        queue.drop_pending()
    queue.set_allowed(allowed)
    call.world.start_webhook(call.bot, config)
    return True


def _same_webhook(current: WebhookConfig | None, new: WebhookConfig) -> bool:
    fields = ("url", "secret_token", "max_connections", "ip_address")
    return current is not None and all(
        getattr(current, name) == getattr(new, name) for name in fields
    )


def _same_allowed(queue: UpdateQueue, allowed: Any) -> bool:
    return allowed is None or (frozenset(allowed) or DEFAULT_UPDATE_TYPES) == queue.allowed


@method("deleteWebhook")
async def delete_webhook(call: Call) -> bool:
    await call.world.stop_webhook(call.bot.id)
    if call.params.flag("drop_pending_updates"):
        call.bot.updates.drop_pending()
    return True


@method("getWebhookInfo")
async def get_webhook_info(call: Call) -> JsonDict:
    queue = call.bot.updates
    info: JsonDict = {
        "url": queue.webhook_url or "",
        "has_custom_certificate": False,
        "pending_update_count": len(queue.pending),
    }
    if queue.webhook is not None:
        config = queue.webhook
        info["max_connections"] = config.max_connections
        if queue.allowed:
            info["allowed_updates"] = sorted(queue.allowed)
        for name in ("ip_address", "last_error_date", "last_error_message"):
            if (value := getattr(config, name)) is not None:
                info[name] = value
    return info


# ---- commands ---------------------------------------------------------------------------------

_SCOPES_WITH_CHAT = {"chat", "chat_administrators", "chat_member"}
_SCOPES = {"default", "all_private_chats", "all_group_chats", "all_chat_administrators"}


def _commands_key(call: Call) -> tuple[str, str]:
    scope = call.params.nested("scope") or {"type": "default"}
    kind = scope.get("type")
    language = call.params.text("language_code") or ""
    if kind in _SCOPES:
        return kind, language
    if kind not in _SCOPES_WITH_CHAT:
        raise bad_request("wrong scope type specified")
    chat = call.world.chat_log(call.bot, scope.get("chat_id") or "").chat
    key = f"{kind}:{chat['id']}"
    if kind == "chat_member":
        key += f":{int(scope.get('user_id') or 0)}"
    return key, language


def _check_command(command: Any) -> JsonDict:
    if not isinstance(command, dict):
        raise bad_request("can't parse BotCommand JSON object")
    name, description = str(command.get("command", "")), str(command.get("description", ""))
    name = name.removeprefix("/")
    if not (0 < len(name) <= 32 and all(c.islower() or c.isdigit() or c == "_" for c in name)):
        raise bad_request("BOT_COMMAND_INVALID")
    if not 0 < len(description) <= 256:
        raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return {"command": name, "description": description}


@method("setMyCommands")
async def set_my_commands(call: Call) -> bool:
    commands = call.params.nested("commands", "bot commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("can't parse bot commands JSON object")
    checked = [_check_command(command) for command in commands]
    key = _commands_key(call)
    if checked:
        call.bot.commands[key] = checked
    else:
        call.bot.commands.pop(key, None)
    call.world.structure_changed()
    return True


@method("getMyCommands")
async def get_my_commands(call: Call) -> list[JsonDict]:
    return call.bot.commands.get(_commands_key(call), [])


@method("deleteMyCommands")
async def delete_my_commands(call: Call) -> bool:
    call.bot.commands.pop(_commands_key(call), None)
    call.world.structure_changed()
    return True


# ---- sending ----------------------------------------------------------------------------------


@method("sendMessage")
async def send_message(call: Call) -> JsonDict:
    log = _target_chat(call)
    text, entities = _formatted_text(call)
    return _send(call, log, _text_content(text, entities), _reply_markup(call))


@method("sendLocation")
async def send_location(call: Call) -> JsonDict:
    log = _target_chat(call)
    return _send(call, log, {"location": _location(call)}, _reply_markup(call))


@method("sendVenue")
async def send_venue(call: Call) -> JsonDict:
    log = _target_chat(call)
    location = _location(call)
    venue: JsonDict = {
        "location": location,
        "title": call.params.required_text("title"),
        "address": call.params.required_text("address"),
    }
    for name in ("foursquare_id", "foursquare_type", "google_place_id", "google_place_type"):
        if value := call.params.text(name):
            venue[name] = value
    return _send(call, log, {"venue": venue, "location": location}, _reply_markup(call))


@method("sendContact")
async def send_contact(call: Call) -> JsonDict:
    log = _target_chat(call)
    contact: JsonDict = {
        "phone_number": call.params.required_text("phone_number"),
        "first_name": call.params.required_text("first_name"),
    }
    for name in ("last_name", "vcard"):
        if value := call.params.text(name):
            contact[name] = value
    return _send(call, log, {"contact": contact}, _reply_markup(call))


@method("sendPhoto")
async def send_photo(call: Call) -> JsonDict:
    log = _target_chat(call)
    stored = _input_file(call, "photo", "photo")
    sizes = stored.photo_sizes or [
        {**stored.describe(), "width": 1280, "height": 960}  # a file_id of another kind
    ]
    return _send(call, log, {"photo": sizes, **_caption(call)}, _reply_markup(call))


@method("sendDocument")
async def send_document(call: Call) -> JsonDict:
    log = _target_chat(call)
    document = _input_file(call, "document", "document").describe()
    return _send(call, log, {"document": document, **_caption(call)}, _reply_markup(call))


@method("sendVoice")
async def send_voice(call: Call) -> JsonDict:
    log = _target_chat(call)
    voice = _input_file(call, "voice", "voice").describe()
    voice.pop("file_name", None)
    voice["duration"] = call.params.integer("duration", 1)
    voice["mime_type"] = "audio/ogg"
    return _send(call, log, {"voice": voice, **_caption(call)}, _reply_markup(call))


def _source_message(call: Call, missing: str) -> StoredMessage:
    source = call.world.chat_log(call.bot, call.params.chat_id("from_chat_id"))
    stored = source.find(call.params.required_integer("message_id"))
    if stored is None:
        raise bad_request(missing)
    return stored


@method("copyMessage")
async def copy_message(call: Call) -> JsonDict:
    original = _source_message(call, "message to copy not found")
    log = _target_chat(call)
    content = {k: v for k, v in original.message.items() if k in CONTENT_KEYS}
    if call.params.has("caption"):
        content.pop("caption_entities", None)
        content.update(_caption(call))
    message = _send(call, log, content, _reply_markup(call))
    return {"message_id": message["message_id"]}


@method("forwardMessage")
async def forward_message(call: Call) -> JsonDict:
    original = _source_message(call, "message to forward not found")
    log = _target_chat(call)
    content = {k: v for k, v in original.message.items() if k in CONTENT_KEYS}
    content["forward_origin"] = {
        "type": "user",
        "sender_user": original.message["from"],
        "date": original.message["date"],
    }
    return _send(call, log, content, None)


# ---- changing messages ------------------------------------------------------------------------


def _inline_markup_change(call: Call) -> JsonDict | None:
    markup = _reply_markup(call)
    if markup is not None and "inline_keyboard" not in markup:
        raise bad_request("inline keyboard expected")
    return inline_part(markup)


@method("editMessageText")
async def edit_message_text(call: Call) -> JsonDict:
    log, stored = _editable(call)
    if "text" not in stored.message:
        raise bad_request("there is no text in the message to edit")
    text, entities = _formatted_text(call)
    # Without reply_markup Telegram removes the message's inline keyboard.
    changes = {
        "text": text,
        "entities": entities or None,
        "reply_markup": _inline_markup_change(call),
    }
    return _edit(call, log, stored, changes)


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(call: Call) -> JsonDict:
    log, stored = _editable(call)
    return _edit(call, log, stored, {"reply_markup": _inline_markup_change(call)})


@method("deleteMessage")
async def delete_message(call: Call) -> bool:
    log = call.world.chat_log(call.bot, call.params.chat_id())
    message_id = call.params.required_integer("message_id")
    stored = log.find(message_id)
    if stored is None:
        raise bad_request("message to delete not found")
    stored.deleted = True
    call.world.record(call.bot, log, "delete", message_id=message_id)
    return True


@method("answerCallbackQuery")
async def answer_callback_query(call: Call) -> bool:
    query_id = call.params.text("callback_query_id") or ""
    record = call.bot.callbacks.get(query_id)
    timeout = call.world.limits.callback_answer_timeout
    if record is None or record.answered or time.monotonic() - record.created > timeout:
        raise bad_request(QUERY_TOO_OLD)
    record.answered = True
    log = call.world.chat_log(call.bot, record.chat_id)
    answer = {
        "callback_query_id": query_id,
        "message_id": record.message_id,
        "text": call.params.text("text"),
        "show_alert": call.params.flag("show_alert"),
        "url": call.params.text("url"),
    }
    call.world.record(call.bot, log, "callback_answer", **answer)
    return True


@method("sendChatAction")
async def send_chat_action(call: Call) -> bool:
    log = _target_chat(call)
    action = call.params.text("action")
    if action not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    call.world.record(call.bot, log, "chat_action", action=action)
    return True


# ---- chats and files --------------------------------------------------------------------------


@method("getChat")
async def get_chat(call: Call) -> JsonDict:
    log = call.world.chat_log(call.bot, call.params.chat_id())
    chat = log.chat
    if chat["type"] == "private" and not call.world.has_started(call.bot, chat["id"]):
        raise bad_request("chat not found")
    return {
        **chat,
        "accent_color_id": abs(chat["id"]) % 7,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }


@method("getFile")
async def get_file(call: Call) -> JsonDict:
    return call.world.files.get(call.params.required_text("file_id")).as_file()


async def run_webhook_reply(world: World, bot: BotAccount, body: JsonDict) -> None:
    """A method a webhook answered with is run like a call; its errors go nowhere, as there."""
    params = Params({k: v for k, v in body.items() if k != "method"}, {})
    world.counters.record_request(f"{body['method']} (in a webhook reply)")
    with contextlib.suppress(BotApiError):
        await call_method(world, bot, str(body["method"]), params)
