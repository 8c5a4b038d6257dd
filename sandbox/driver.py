"""An async client of the control API, for tests and benchmarks.

    async with SandboxDriver(server.url) as driver:
        await driver.create_user(42, "Aigul", language_code="ky")
        await driver.send_command(42, "start")
        [menu] = await driver.wait_for_messages(42)
        await driver.press_button(42, "Кыргызча")

A driver remembers, per chat, the last thing it did or saw there; wait_for_messages waits for
bot messages that came after it, so a wait right after an action catches the bot's replies.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from typing import Any

import aiohttp

JsonDict = dict[str, Any]


def make_token(bot_id: int) -> str:
    """A token of Telegram's shape for a bot id; the sandbox takes any such token."""
    return f"{bot_id}:{secrets.token_urlsafe(30)}"


class SandboxError(Exception):
    def __init__(self, status: int, message: str, body: JsonDict | None = None) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message
        self.body = body or {}


@dataclass(frozen=True)
class BotMessage:
    """A message the bot sent (or edited), with the full reply markup it was sent with."""

    message: JsonDict
    markup: JsonDict | None
    seq: int
    edited: bool = False

    @property
    def message_id(self) -> int:
        return int(self.message["message_id"])

    @property
    def chat_id(self) -> int:
        return int(self.message["chat"]["id"])

    @property
    def text(self) -> str | None:
        """The text, or the caption of a media message."""
        value = self.message.get("text", self.message.get("caption"))
        return None if value is None else str(value)

    @property
    def buttons(self) -> list[list[str]]:
        """Texts of the inline keyboard, row by row."""
        rows = (self.message.get("reply_markup") or {}).get("inline_keyboard") or []
        return [[button["text"] for button in row] for row in rows]

    @property
    def reply_buttons(self) -> list[list[str]]:
        """Texts of the reply keyboard this message brought, row by row."""
        rows = (self.markup or {}).get("keyboard") or []
        return [[button["text"] for button in row] for row in rows]


@dataclass(frozen=True)
class Sent:
    """What a simulated user's action produced: the update the bot gets (None if filtered out
    by the bot's allowed_updates, or nothing was sent, as for a URL button)."""

    seq: int
    update_id: int | None
    message: JsonDict | None = None
    callback_query: JsonDict | None = None


class SandboxDriver:
    def __init__(
        self, url: str, bot_id: int | None = None, session: aiohttp.ClientSession | None = None
    ) -> None:
        self.url = url.rstrip("/")
        self.bot_id = bot_id
        self._session = session
        self._own_session = session is None
        self._marks: dict[int, int] = {}

    async def __aenter__(self) -> SandboxDriver:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._own_session and self._session is not None:
            await self._session.close()
            self._session = None

    # ---- transport ---------------------------------------------------------------------------

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        return self._session

    async def _request(
        self, method: str, path: str, body: JsonDict | None = None, **query: Any
    ) -> Any:
        params = {k: str(v) for k, v in query.items() if v is not None}
        payload = None if body is None else {k: v for k, v in body.items() if v is not None}
        async with self._http().request(
            method, self.url + path, json=payload, params=params
        ) as response:
            answer = await response.json()
        if not answer.get("ok"):
            raise SandboxError(response.status, str(answer.get("error")), answer)
        return answer["result"]

    def _with_bot(self, body: JsonDict) -> JsonDict:
        return {"bot_id": self.bot_id, **body}

    def _remember(self, result: JsonDict) -> Sent:
        source = result.get("message") or (result.get("callback_query") or {}).get("message")
        if source is not None:
            self._marks[int(source["chat"]["id"])] = int(result["seq"])
        return Sent(
            seq=int(result["seq"]),
            update_id=result.get("update_id"),
            message=result.get("message"),
            callback_query=result.get("callback_query"),
        )

    async def _act(self, user_id: int, action: str, body: JsonDict) -> Sent:
        result = await self._request(
            "POST", f"/sandbox/users/{user_id}/{action}", self._with_bot(body)
        )
        return self._remember(result)

    # ---- the world ---------------------------------------------------------------------------

    async def state(self) -> JsonDict:
        result: JsonDict = await self._request("GET", "/sandbox/state")
        return result

    async def add_bot(
        self, token: str, first_name: str | None = None, username: str | None = None
    ) -> JsonDict:
        body = {"token": token, "first_name": first_name, "username": username}
        bot: JsonDict = await self._request("POST", "/sandbox/bots", body)
        if self.bot_id is None:
            self.bot_id = int(bot["id"])
        return bot

    async def create_user(
        self,
        user_id: int | None = None,
        first_name: str = "User",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        phone_number: str | None = None,
        role: str | None = None,
        started: bool = False,
    ) -> JsonDict:
        """started=True: as if the user had pressed Start with every bot, so bots may write."""
        body = {
            "id": user_id,
            "first_name": first_name,
            "last_name": last_name,
            "username": username,
            "language_code": language_code,
            "phone_number": phone_number,
            "role": role,
            "started_every_bot": started,
        }
        user: JsonDict = await self._request("POST", "/sandbox/users", body)
        return user

    async def create_group(
        self,
        title: str,
        member_ids: list[int],
        group_id: int | None = None,
        username: str | None = None,
    ) -> JsonDict:
        body = {"id": group_id, "title": title, "member_ids": member_ids, "username": username}
        group: JsonDict = await self._request("POST", "/sandbox/groups", body)
        return group

    # ---- acting as a user ----------------------------------------------------------------------

    async def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> Sent:
        body = {"text": text, "chat_id": chat_id, "reply_to_message_id": reply_to_message_id}
        return await self._act(user_id, "send", body)

    async def send_command(
        self, user_id: int, command: str, args: str = "", *, chat_id: int | None = None
    ) -> Sent:
        text = "/" + command.removeprefix("/") + (f" {args}" if args else "")
        return await self.send_text(user_id, text, chat_id=chat_id)

    async def press_button(
        self,
        user_id: int,
        text: str | None = None,
        *,
        row: int | None = None,
        column: int | None = None,
        message_id: int | None = None,
        chat_id: int | None = None,
    ) -> Sent:
        """Presses an inline button by text, or by row and column (from 0), on the given
        message or on the latest bot message with an inline keyboard."""
        body = {
            "text": text,
            "row": row,
            "column": column,
            "message_id": message_id,
            "chat_id": chat_id,
        }
        return await self._act(user_id, "press", body)

    async def press_reply_button(
        self,
        user_id: int,
        text: str,
        *,
        location: tuple[float, float] | None = None,
        place: str | None = None,
        chat_id: int | None = None,
    ) -> Sent:
        """A reply-keyboard button: sends its text, one's own contact, or the given location."""
        latitude, longitude = location if location else (None, None)
        body = {
            "text": text,
            "latitude": latitude,
            "longitude": longitude,
            "place": place,
            "chat_id": chat_id,
        }
        return await self._act(user_id, "reply_button", body)

    async def share_contact(
        self,
        user_id: int,
        *,
        of_user: int | None = None,
        phone_number: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        chat_id: int | None = None,
    ) -> Sent:
        """One's own contact by default; of_user: another user's; phone_number alone: a
        contact card without user_id."""
        body = {
            "of_user": of_user,
            "phone_number": phone_number,
            "first_name": first_name,
            "last_name": last_name,
            "chat_id": chat_id,
        }
        return await self._act(user_id, "contact", body)

    async def share_location(
        self,
        user_id: int,
        latitude: float | None = None,
        longitude: float | None = None,
        *,
        place: str | None = None,
        chat_id: int | None = None,
    ) -> Sent:
        body = {"latitude": latitude, "longitude": longitude, "place": place, "chat_id": chat_id}
        return await self._act(user_id, "location", body)

    async def _send_media(
        self, user_id: int, kind: str, data: bytes | None, fields: JsonDict
    ) -> Sent:
        body = {**fields, "data": base64.b64encode(data).decode() if data else None}
        return await self._act(user_id, f"media/{kind}", body)

    async def send_photo(
        self,
        user_id: int,
        data: bytes | None = None,
        *,
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> Sent:
        """Without data, a plain PNG stands in for the photo."""
        return await self._send_media(
            user_id, "photo", data, {"caption": caption, "chat_id": chat_id}
        )

    async def send_voice(
        self,
        user_id: int,
        data: bytes | None = None,
        *,
        duration: int = 3,
        chat_id: int | None = None,
    ) -> Sent:
        fields = {"duration": duration, "chat_id": chat_id}
        return await self._send_media(user_id, "voice", data, fields)

    async def send_document(
        self,
        user_id: int,
        data: bytes | None = None,
        *,
        file_name: str = "document.pdf",
        mime_type: str | None = None,
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> Sent:
        fields = {
            "file_name": file_name,
            "mime_type": mime_type,
            "caption": caption,
            "chat_id": chat_id,
        }
        return await self._send_media(user_id, "document", data, fields)

    async def send_sticker(
        self, user_id: int, *, emoji: str = "👍", chat_id: int | None = None
    ) -> Sent:
        return await self._send_media(
            user_id, "sticker", None, {"emoji": emoji, "chat_id": chat_id}
        )

    async def block_bot(self, user_id: int, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the driver's bot, or every bot when it has none."""
        await self._request(
            "POST", f"/sandbox/users/{user_id}/block", self._with_bot({"blocked": blocked})
        )

    # ---- reading and waiting -------------------------------------------------------------------

    async def transcript(self, chat_id: int, since: int = 0) -> JsonDict:
        """Messages in their current state, events after seq "since" (both directions,
        callbacks and their answers, edits, deletions, chat actions) and the reply keyboard."""
        result: JsonDict = await self._request(
            "GET", f"/sandbox/chats/{chat_id}", bot_id=self.bot_id, since=since
        )
        return result

    async def bot_messages(self, chat_id: int) -> list[BotMessage]:
        """The bot's messages in a chat as they are now (edits applied, deleted ones left out)."""
        transcript = await self.transcript(chat_id)
        sandbox_keys = ("from_bot", "markup", "deleted", "edited", "seq")
        return [
            BotMessage(
                {k: v for k, v in view.items() if k not in sandbox_keys},
                view["markup"],
                view["seq"],
                view["edited"],
            )
            for view in transcript["messages"]
            if view["from_bot"] and not view["deleted"]
        ]

    async def wait_for_events(
        self,
        chat_id: int,
        count: int = 1,
        *,
        kinds: tuple[str, ...] = ("message",),
        timeout: float = 5.0,
        after: int | None = None,
    ) -> list[JsonDict]:
        """Waits for count bot events (message, edit, delete, callback_answer, chat_action)."""
        body = {
            "bot_id": self.bot_id,
            "count": count,
            "kinds": list(kinds),
            "timeout": timeout,
            "after": self._marks.get(chat_id, 0) if after is None else after,
        }
        try:
            events: list[JsonDict] = await self._request(
                "POST", f"/sandbox/chats/{chat_id}/wait", body
            )
        except SandboxError as error:
            if error.status == 408:
                raise TimeoutError(error.message) from None
            raise
        if events:
            self._marks[chat_id] = max(self._marks.get(chat_id, 0), int(events[-1]["seq"]))
        return events

    async def wait_for_messages(
        self,
        chat_id: int,
        count: int = 1,
        *,
        timeout: float = 5.0,
        after: int | None = None,
        include_edits: bool = False,
    ) -> list[BotMessage]:
        kinds = ("message", "edit") if include_edits else ("message",)
        events = await self.wait_for_events(
            chat_id, count, kinds=kinds, timeout=timeout, after=after
        )
        return [
            BotMessage(event["message"], event.get("markup"), event["seq"], event["kind"] == "edit")
            for event in events
        ]

    async def wait_for_callback_answer(
        self,
        chat_id: int,
        *,
        timeout: float = 5.0,
        after: int | None = None,
    ) -> JsonDict:
        """The bot's answerCallbackQuery: text, show_alert, url."""
        [answer] = await self.wait_for_events(
            chat_id, kinds=("callback_answer",), timeout=timeout, after=after
        )
        return answer

    async def download(self, file_id: str) -> bytes:
        async with self._http().get(f"{self.url}/sandbox/files/{file_id}") as response:
            if response.status != 200:
                raise SandboxError(response.status, "no such file")
            return await response.read()

    # ---- counters, limits, faults, places ------------------------------------------------------

    async def counters(self) -> JsonDict:
        result: JsonDict = await self._request("GET", "/sandbox/counters")
        return result

    async def reset_counters(self) -> JsonDict:
        result: JsonDict = await self._request("POST", "/sandbox/counters/reset")
        return result

    async def set_limits(self, **changes: Any) -> JsonDict:
        """E.g. set_limits(enabled=False), set_limits(per_bot_per_second=5). None values are
        sent as they are: duplicate_window=None counts identical messages at any distance."""
        async with self._http().post(f"{self.url}/sandbox/limits", json=changes) as response:
            answer = await response.json()
        if not answer.get("ok"):
            raise SandboxError(response.status, str(answer.get("error")), answer)
        result: JsonDict = answer["result"]
        return result

    async def set_faults(self, **changes: Any) -> JsonDict:
        """E.g. set_faults(error_rate=0.2, error_statuses=[500, 502, 504], seed=1), or
        set_faults(next_faults=[502, "drop"], methods=["sendMessage"]): the next two
        sendMessage calls meet an HTML 502 page, then a closed connection."""
        async with self._http().post(f"{self.url}/sandbox/faults", json=changes) as response:
            answer = await response.json()
        if not answer.get("ok"):
            raise SandboxError(response.status, str(answer.get("error")), answer)
        result: JsonDict = answer["result"]
        return result

    async def clear_faults(self) -> JsonDict:
        return await self.set_faults(
            error_rate=0.0,
            error_statuses=[502],
            drop_rate=0.0,
            latency=0.0,
            latency_jitter=0.0,
            methods=None,
            next_faults=[],
        )

    async def set_balancer(
        self, url: str, targets: list[str], balance: str = "round_robin"
    ) -> JsonDict:
        """Puts a load balancer in front of the webhook URL `url`: deliveries go to `targets`
        (round_robin, or hash: one chat to one target); an empty list takes it away."""
        body = {"url": url, "targets": targets, "balance": balance}
        result: JsonDict = await self._request("POST", "/sandbox/balancers", body)
        return result

    async def balancers(self) -> JsonDict:
        """{url: {targets, balance, accepted: {target: deliveries answered 2xx}, in_flight:
        {target: deliveries sent and not answered yet}}}."""
        result: JsonDict = await self._request("GET", "/sandbox/balancers")
        return result

    async def set_places(self, places: list[tuple[str, float, float]]) -> list[JsonDict]:
        body = {"places": [{"name": n, "latitude": la, "longitude": lo} for n, la, lo in places]}
        result: list[JsonDict] = await self._request("POST", "/sandbox/places", body)
        return result
