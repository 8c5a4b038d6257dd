"""The control API under /sandbox/: build the world, act as people, read and wait, tune limits.

Every answer is {"ok": true, "result": ...} or {"ok": false, "error": "..."}.
"""

from __future__ import annotations

import base64
import json
import time
from typing import Any

from aiohttp import BodyPartReader, web

from sandbox import people
from sandbox.errors import ControlError
from sandbox.models import BotAccount, ChatLog, JsonDict, Person
from sandbox.places import Place
from sandbox.world import World

WORLD = web.AppKey("world", World)
LONG_POLL_LIMIT = 60.0


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def ok(result: Any, status: int = 200) -> web.Response:
    return web.json_response({"ok": True, "result": result}, status=status, dumps=_dumps)


@web.middleware
async def control_errors(request: web.Request, handler: Any) -> web.StreamResponse:
    try:
        response: web.StreamResponse = await handler(request)
    except ControlError as error:
        return web.json_response({"ok": False, "error": error.message}, status=error.status)
    except (KeyError, TypeError, ValueError) as error:
        if not request.path.startswith("/sandbox/"):
            raise
        return web.json_response({"ok": False, "error": f"bad request: {error}"}, status=400)
    return response


async def _body(request: web.Request) -> JsonDict:
    if not request.body_exists:
        return {}
    body = await request.json()
    if not isinstance(body, dict):
        raise ControlError("the body must be a JSON object")
    return body


def _world(request: web.Request) -> World:
    return request.app[WORLD]


def _person(request: web.Request) -> Person:
    return _world(request).person(int(request.match_info["user_id"]))


def _bot(world: World, value: Any) -> BotAccount:
    return world.default_bot(None if value in (None, "") else int(value))


def _chat_id(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


# ---- the world ------------------------------------------------------------------------------


async def get_state(request: web.Request) -> web.Response:
    world = _world(request)
    return ok(
        {
            "seq": world.seq,
            "bots": [bot.public() for bot in world.bots.values()],
            "users": [person.public() for person in world.people.values()],
            "groups": [group.public() for group in world.groups.values()],
            "places": [place.to_dict() for place in world.places],
            "limits": world.limits.to_dict(),
            "faults": world.faults.to_dict(),
        }
    )


async def add_bot(request: web.Request) -> web.Response:
    body = await _body(request)
    bot = _world(request).add_bot(body["token"], body.get("first_name"), body.get("username"))
    return ok(bot.public())


async def list_bots(request: web.Request) -> web.Response:
    return ok([bot.public() for bot in _world(request).bots.values()])


async def add_user(request: web.Request) -> web.Response:
    body = await _body(request)
    world = _world(request)
    if body.get("id") is not None and int(body["id"]) in world.people:
        raise ControlError(f"user {body['id']} already exists", 409)
    return ok(world.add_person(**body).public())


async def list_users(request: web.Request) -> web.Response:
    return ok([person.public() for person in _world(request).people.values()])


async def add_group(request: web.Request) -> web.Response:
    body = await _body(request)
    return ok(_world(request).add_group(**body).public())


async def list_groups(request: web.Request) -> web.Response:
    return ok([group.public() for group in _world(request).groups.values()])


# ---- acting as a person -----------------------------------------------------------------------


async def user_send(request: web.Request) -> web.Response:
    body, world = await _body(request), _world(request)
    reply_to = body.get("reply_to_message_id")
    result = people.send_text(
        world,
        _bot(world, body.get("bot_id")),
        _person(request),
        _chat_id(body.get("chat_id")),
        str(body.get("text") or ""),
        None if reply_to is None else int(reply_to),
    )
    return ok(result)


async def user_press(request: web.Request) -> web.Response:
    body, world = await _body(request), _world(request)
    message_id = body.get("message_id")
    result = people.press_inline_button(
        world,
        _bot(world, body.get("bot_id")),
        _person(request),
        _chat_id(body.get("chat_id")),
        message_id=None if message_id is None else int(message_id),
        text=body.get("text"),
        row=body.get("row"),
        column=body.get("column"),
    )
    return ok(result)


def _coordinates(world: World, body: JsonDict) -> tuple[float, float] | None:
    """Typed coordinates, or a named place from the page's list."""
    if body.get("place"):
        name = str(body["place"]).casefold()
        place = next((p for p in world.places if p.name.casefold() == name), None)
        if place is None:
            raise ControlError(f"no place named {body['place']!r}", 404)
        return place.latitude, place.longitude
    if body.get("latitude") is None or body.get("longitude") is None:
        return None
    latitude, longitude = float(body["latitude"]), float(body["longitude"])
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ControlError("latitude is from -90 to 90 and longitude from -180 to 180")
    return latitude, longitude


async def user_reply_button(request: web.Request) -> web.Response:
    body, world = await _body(request), _world(request)
    result = people.press_reply_button(
        world,
        _bot(world, body.get("bot_id")),
        _person(request),
        _chat_id(body.get("chat_id")),
        str(body.get("text") or ""),
        _coordinates(world, body),
    )
    return ok(result)


async def user_location(request: web.Request) -> web.Response:
    body, world = await _body(request), _world(request)
    coordinates = _coordinates(world, body)
    if coordinates is None:
        raise ControlError("give latitude and longitude, or a place")
    bot = _bot(world, body.get("bot_id"))
    chat_id = _chat_id(body.get("chat_id"))
    return ok(people.share_location(world, bot, _person(request), chat_id, *coordinates))


async def user_contact(request: web.Request) -> web.Response:
    body, world = await _body(request), _world(request)
    result = people.share_contact(
        world,
        _bot(world, body.get("bot_id")),
        _person(request),
        _chat_id(body.get("chat_id")),
        of_user=_chat_id(body.get("of_user")),
        phone_number=body.get("phone_number"),
        first_name=body.get("first_name"),
        last_name=body.get("last_name"),
    )
    return ok(result)


async def _media_fields(request: web.Request) -> tuple[JsonDict, bytes | None]:
    """Multipart (a "file" part and plain fields), or JSON with optional base64 "data"."""
    if request.content_type != "multipart/form-data":
        body = await _body(request)
        data = body.pop("data", None)
        return body, base64.b64decode(data) if data else None
    fields: JsonDict = {}
    data = None
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader):
            continue
        if part.name == "file":
            data = bytes(await part.read())
            fields.setdefault("file_name", part.filename)
            fields.setdefault("mime_type", part.headers.get("Content-Type"))
        elif part.name:
            fields[part.name] = await part.text()
    return fields, data


async def user_media(request: web.Request) -> web.Response:
    fields, data = await _media_fields(request)
    world = _world(request)
    duration = fields.get("duration")
    result = people.send_media(
        world,
        _bot(world, fields.get("bot_id")),
        _person(request),
        _chat_id(fields.get("chat_id")),
        request.match_info["kind"],
        data,
        caption=fields.get("caption") or None,
        file_name=fields.get("file_name") or None,
        mime_type=fields.get("mime_type") or None,
        duration=None if duration in (None, "") else int(duration),
        emoji=fields.get("emoji") or None,
    )
    return ok(result)


async def user_block(request: web.Request) -> web.Response:
    body, world = await _body(request), _world(request)
    person = _person(request)
    blocked = bool(body.get("blocked", True))
    bots = [_bot(world, body["bot_id"])] if body.get("bot_id") else list(world.bots.values())
    for bot in bots:
        people.set_blocked(world, bot, person, blocked)
    return ok({"user_id": person.id, "blocked": blocked, "bot_ids": [bot.id for bot in bots]})


# ---- reading and waiting ----------------------------------------------------------------------


def commands_for(bot: BotAccount, chat: JsonDict, language: str) -> list[JsonDict]:
    """The command menu a Telegram app shows in this chat, by Telegram's order of scopes."""
    chat_scope = f"chat:{chat['id']}"
    broad = "all_private_chats" if chat["type"] == "private" else "all_group_chats"
    for scope in (chat_scope, broad, "default"):
        for lang in (language, ""):
            if (scope, lang) in bot.commands:
                return bot.commands[(scope, lang)]
    return []


def _message_seqs(log: ChatLog) -> dict[int, int]:
    """When each message came, as the seq of its event: messages and answers share one order."""
    return {
        event["message"]["message_id"]: event["seq"]
        for event in log.events
        if event["kind"] == "message"
    }


def _alerts(log: ChatLog) -> list[JsonDict]:
    """The callback answers a person saw (a notice, or a pop-up with show_alert), where they
    came in the chat: the page shows them in the history and pops up only those newer than
    what it had loaded, so reloading it never shows old pop-ups again."""
    return [
        {
            "seq": event["seq"],
            "time": event["time"],
            "text": event["text"],
            "show_alert": event["show_alert"],
            "message_id": event["message_id"],
        }
        for event in log.events
        if event["kind"] == "callback_answer" and event.get("text")
    ]


def _chat_view(world: World, bot: BotAccount, log: ChatLog, since: int) -> JsonDict:
    person = world.people.get(log.chat["id"])
    language = (person.language_code if person else None) or ""
    seqs = _message_seqs(log)
    return {
        "bot": bot.as_user(),
        "chat": log.chat,
        "seq": world.seq,
        "messages": [
            {**stored.view(), "seq": seqs.get(message_id, 0)}
            for message_id, stored in log.messages.items()
        ],
        "alerts": _alerts(log),
        "events": [event for event in log.events if event["seq"] > since],
        "reply_keyboard": log.reply_keyboard,
        "keyboard_hidden": log.keyboard_hidden,
        "force_reply": log.force_reply,
        "commands": commands_for(bot, log.chat, language),
        "blocked": person is not None and person.id in bot.blocked_by,
    }


async def get_chat(request: web.Request) -> web.Response:
    world = _world(request)
    bot = _bot(world, request.query.get("bot_id"))
    log = _control_chat(world, bot, int(request.match_info["chat_id"]))
    return ok(_chat_view(world, bot, log, int(request.query.get("since", 0))))


def _control_chat(world: World, bot: BotAccount, chat_id: int) -> ChatLog:
    if chat_id not in world.people and chat_id not in world.groups:
        raise ControlError(f"no user or group with id {chat_id}", 404)
    return world.chat_log(bot, chat_id)


def _bot_events_after(log: ChatLog, after: int, kinds: set[str]) -> list[JsonDict]:
    found = []
    for event in reversed(log.events):
        if event["seq"] <= after:
            break
        if event["kind"] in kinds and event.get("direction") != "in":
            found.append(event)
    return found[::-1]


async def wait_chat(request: web.Request) -> web.Response:
    """Waits for count new bot events (by default new messages) after seq "after"."""
    body, world = await _body(request), _world(request)
    bot = _bot(world, body.get("bot_id"))
    log = _control_chat(world, bot, int(request.match_info["chat_id"]))
    count = int(body.get("count", 1))
    after = int(body.get("after", world.seq))
    kinds = set(body.get("kinds") or ["message"])
    timeout = min(LONG_POLL_LIMIT, float(body.get("timeout", 5.0)))
    deadline = time.monotonic() + timeout
    while True:
        found = _bot_events_after(log, after, kinds)
        if len(found) >= count:
            return ok(found[:count])
        remaining = deadline - time.monotonic()
        if remaining <= 0 or world.closed:
            error = f"waited {timeout:g}s for {count} bot event(s) {sorted(kinds)} in chat "
            error += f"{log.chat['id']}, got {len(found)}"
            return web.json_response({"ok": False, "error": error, "events": found}, status=408)
        await log.wait_for_change(remaining)


async def get_events(request: web.Request) -> web.Response:
    """The page's long poll: events after "since", or an empty list after "timeout" seconds."""
    world = _world(request)
    since = int(request.query.get("since", 0))
    timeout = min(LONG_POLL_LIMIT, float(request.query.get("timeout", 25)))
    version = int(request.query.get("version", world.structure_version))
    deadline = time.monotonic() + timeout
    while since >= world.seq and world.structure_version == version and not world.closed:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        await world.wait_for_change(remaining)
    events = world.events_since(since)
    return ok({"seq": world.seq, "version": world.structure_version, "events": events})


async def get_file(request: web.Request) -> web.Response:
    stored = _world(request).files.by_id.get(request.match_info["file_id"])
    if stored is None:
        raise ControlError("no such file", 404)
    mime = stored.mime_type or "application/octet-stream"
    # A text file a bot uploaded (a family's data, a CSV) opens on the chat page as written.
    charset = "utf-8" if mime.startswith("text/") and _is_utf8(stored.data) else None
    return web.Response(body=stored.data, content_type=mime, charset=charset)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# ---- counters, limits, faults, places ---------------------------------------------------------


async def get_counters(request: web.Request) -> web.Response:
    return ok(_world(request).counters.snapshot())


async def reset_counters(request: web.Request) -> web.Response:
    world = _world(request)
    world.counters.reset()
    return ok(world.counters.snapshot())


async def limits(request: web.Request) -> web.Response:
    world = _world(request)
    if request.method == "POST":
        try:
            world.limits.update(await _body(request))
        except ValueError as error:
            raise ControlError(str(error)) from None
        world.limiter.reset()
    return ok(world.limits.to_dict())


async def faults(request: web.Request) -> web.Response:
    world = _world(request)
    if request.method == "POST":
        body = await _body(request)
        if "seed" in body:
            world.dice.reseed(body.pop("seed"))
        try:
            world.faults.update(body)
        except ValueError as error:
            raise ControlError(str(error)) from None
    return ok(world.faults.to_dict())


async def places(request: web.Request) -> web.Response:
    world = _world(request)
    if request.method == "POST":
        body = await _body(request)
        world.places = [
            Place(str(p["name"]), float(p["latitude"]), float(p["longitude"]))
            for p in body["places"]
        ]
        world.structure_changed()
    return ok([place.to_dict() for place in world.places])


async def balancers(request: web.Request) -> web.Response:
    """Load balancers in front of webhook URLs: POST {url, targets, balance?} (no targets
    takes the balancer away); GET lists them with the deliveries each target accepted."""
    world = _world(request)
    if request.method == "POST":
        body = await _body(request)
        targets = body.get("targets") or []
        if not isinstance(targets, list):
            raise ControlError("targets is a list of URLs")
        try:
            world.set_balancer(str(body["url"]), targets, str(body.get("balance", "round_robin")))
        except ValueError as error:
            raise ControlError(str(error)) from None
    return ok({url: balancer.public() for url, balancer in world.balancers.items()})


def add_control_routes(app: web.Application) -> None:
    routes = app.router
    routes.add_get("/sandbox/state", get_state)
    routes.add_get("/sandbox/bots", list_bots)
    routes.add_post("/sandbox/bots", add_bot)
    routes.add_get("/sandbox/users", list_users)
    routes.add_post("/sandbox/users", add_user)
    routes.add_get("/sandbox/groups", list_groups)
    routes.add_post("/sandbox/groups", add_group)
    routes.add_post("/sandbox/users/{user_id}/send", user_send)
    routes.add_post("/sandbox/users/{user_id}/press", user_press)
    routes.add_post("/sandbox/users/{user_id}/reply_button", user_reply_button)
    routes.add_post("/sandbox/users/{user_id}/location", user_location)
    routes.add_post("/sandbox/users/{user_id}/contact", user_contact)
    routes.add_post("/sandbox/users/{user_id}/media/{kind}", user_media)
    routes.add_post("/sandbox/users/{user_id}/block", user_block)
    routes.add_get("/sandbox/chats/{chat_id}", get_chat)
    routes.add_post("/sandbox/chats/{chat_id}/wait", wait_chat)
    routes.add_get("/sandbox/events", get_events)
    routes.add_get("/sandbox/files/{file_id}", get_file)
    routes.add_get("/sandbox/counters", get_counters)
    routes.add_post("/sandbox/counters/reset", reset_counters)
    routes.add_route("*", "/sandbox/limits", limits)
    routes.add_route("*", "/sandbox/faults", faults)
    routes.add_route("*", "/sandbox/places", places)
    routes.add_route("*", "/sandbox/balancers", balancers)
