"""All the sandbox's state in one object, shared by the Bot API, the control API and the page."""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import aiohttp

from sandbox.counters import Counters, content_signature
from sandbox.errors import (
    CHAT_NOT_FOUND,
    UNAUTHORIZED,
    BotApiError,
    ControlError,
    bad_request,
    forbidden,
)
from sandbox.files import FileStore
from sandbox.limits import FaultDice, Faults, Limits, RateLimiter
from sandbox.models import BotAccount, ChatLog, Group, JsonDict, Person, StoredMessage
from sandbox.places import DEFAULT_PLACES, Place
from sandbox.updates import UpdateQueue, WebhookConfig
from sandbox.webhook import Balancer, RetryPolicy, WebhookDelivery

TOKEN_SHAPE = re.compile(r"^(\d+):([A-Za-z0-9_-]{35,})$")
EVENT_HISTORY = 5000  # events kept for the page's long poll; chat transcripts keep everything

# Runs a Bot API method for a bot: the webhook uses it for methods answered in a webhook reply.
BotMethodRunner = Callable[[BotAccount, JsonDict], Awaitable[None]]


class World:
    def __init__(
        self,
        limits: Limits | None = None,
        faults: Faults | None = None,
        places: Iterable[Place] | None = None,
        seed: int | None = None,
        webhook_retry: RetryPolicy | None = None,
    ) -> None:
        self.bots: dict[int, BotAccount] = {}
        self.people: dict[int, Person] = {}
        self.groups: dict[int, Group] = {}
        self.files = FileStore()
        self.limits = limits or Limits()
        self.limiter = RateLimiter(self.limits)
        self.faults = faults or Faults()
        self.dice = FaultDice(seed)
        self.counters = Counters()
        self.places = list(DEFAULT_PLACES if places is None else places)
        self.events: deque[JsonDict] = deque(maxlen=EVENT_HISTORY)
        self.seq = 0
        self.webhook_retry = webhook_retry or RetryPolicy()
        self.webhooks: dict[int, WebhookDelivery] = {}
        # Load balancers in front of webhook URLs: the URL set with setWebhook -> its targets.
        self.balancers: dict[str, Balancer] = {}
        self.http: aiohttp.ClientSession | None = None
        self.run_bot_method: BotMethodRunner | None = None
        self.closed = False
        self.structure_version = 0  # bumped when bots, people, groups, places or menus change
        self._changed = asyncio.Event()

    # ---- lifecycle -----------------------------------------------------------------------------

    async def start(self, run_bot_method: BotMethodRunner) -> None:
        self.http = aiohttp.ClientSession()
        self.run_bot_method = run_bot_method

    async def close(self) -> None:
        self.closed = True
        for bot_id in list(self.webhooks):
            await self.stop_webhook(bot_id)
        for bot in self.bots.values():
            bot.updates.close()
            for log in bot.chats.values():
                log.notify()
        self.notify()
        if self.http is not None:
            await self.http.close()

    # ---- bots, people, groups ------------------------------------------------------------------

    def bot_for_token(self, token: str) -> BotAccount:
        """Any token of Telegram's shape is a bot; its id is the part before the colon."""
        match = TOKEN_SHAPE.match(token)
        if match is None:
            raise UNAUTHORIZED
        bot = self.bots.get(int(match[1]))
        if bot is None:
            return self.add_bot(token)
        if bot.token != token:
            raise UNAUTHORIZED
        return bot

    def add_bot(
        self, token: str, first_name: str | None = None, username: str | None = None
    ) -> BotAccount:
        match = TOKEN_SHAPE.match(token)
        if match is None:
            raise ControlError(
                "a token looks like 123456:ABC..., with 35 or more characters after ':'"
            )
        bot_id = int(match[1])
        existing = self.bots.get(bot_id)
        if existing is not None and existing.token != token:
            raise ControlError(f"bot {bot_id} already exists with another token")
        bot = existing or BotAccount(
            id=bot_id,
            token=token,
            first_name=first_name or "Sandbox Bot",
            username=username or f"sandbox_{bot_id}_bot",
            updates=UpdateQueue(),
        )
        if existing is not None:
            bot.first_name = first_name or bot.first_name
            bot.username = username or bot.username
        self.bots[bot_id] = bot
        self.structure_changed()
        return bot

    def default_bot(self, bot_id: int | None) -> BotAccount:
        if bot_id is not None:
            bot = self.bots.get(int(bot_id))
            if bot is None:
                raise ControlError(f"no bot with id {bot_id}", 404)
            return bot
        if not self.bots:
            raise ControlError(
                "no bot yet: register one (POST /sandbox/bots) or make a Bot API call"
            )
        return next(iter(self.bots.values()))

    def add_person(self, **fields: Any) -> Person:
        if "id" not in fields or fields["id"] is None:
            fields["id"] = max([*self.people, 100000]) + 1
        if not fields.get("phone_number"):
            # Telegram apps share the phone number in international form without a plus.
            fields["phone_number"] = f"99670{int(fields['id']) % 10**7:07d}"
        person = Person(**fields)
        self.people[person.id] = person
        self.structure_changed()
        return person

    def person(self, user_id: int) -> Person:
        person = self.people.get(int(user_id))
        if person is None:
            raise ControlError(f"no user with id {user_id}", 404)
        return person

    def add_group(self, **fields: Any) -> Group:
        if "id" not in fields or fields["id"] is None:
            fields["id"] = min([*self.groups, -1001000000000]) - 1
        group = Group(**fields)
        if group.id >= 0:
            raise ControlError("group ids are negative")
        for member_id in group.member_ids:
            self.person(member_id)
        self.groups[group.id] = group
        self.structure_changed()
        return group

    # ---- chats ---------------------------------------------------------------------------------

    def chat_log(self, bot: BotAccount, chat_id: int | str) -> ChatLog:
        """The bot's chat with a person or a group, or 400 "chat not found"."""
        chat = self._chat_object(chat_id)
        if chat is None:
            raise bad_request(CHAT_NOT_FOUND)
        log = bot.chats.get(chat["id"])
        if log is None:
            log = bot.chats[chat["id"]] = ChatLog(chat=chat)
        return log

    def _chat_object(self, chat_id: int | str) -> JsonDict | None:
        if isinstance(chat_id, str):
            name = chat_id.removeprefix("@").lower()
            groups = (g for g in self.groups.values() if (g.username or "").lower() == name)
            group = next(groups, None)
            return group.as_chat() if group else None
        if chat_id in self.people:
            return self.people[chat_id].as_chat()
        if chat_id in self.groups:
            return self.groups[chat_id].as_chat()
        return None

    def has_started(self, bot: BotAccount, user_id: int) -> bool:
        person = self.people.get(user_id)
        return person is not None and (person.started_every_bot or user_id in bot.started_by)

    def check_can_write(self, bot: BotAccount, log: ChatLog) -> None:
        """403s as Telegram gives them for private chats."""
        if log.chat["type"] != "private":
            return
        user_id = log.chat["id"]
        if user_id in bot.blocked_by:
            self.counters.record_refusal("forbidden")
            raise forbidden("bot was blocked by the user")
        if not self.has_started(bot, user_id):
            self.counters.record_refusal("forbidden")
            raise forbidden("bot can't initiate conversation with a user")

    def user_chat(self, bot: BotAccount, person: Person, chat_id: int | None) -> ChatLog:
        """The chat a simulated user writes in: their private chat, or a group they are in."""
        if chat_id is None or int(chat_id) == person.id:
            return self.chat_log(bot, person.id)
        group = self.groups.get(int(chat_id))
        if group is None:
            raise ControlError(f"no group with id {chat_id}", 404)
        if person.id not in group.member_ids:
            raise ControlError(f"user {person.id} is not a member of group {group.id}")
        return self.chat_log(bot, group.id)

    # ---- sending -------------------------------------------------------------------------------

    def take_send_slot(self, bot: BotAccount, log: ChatLog, paid: bool) -> None:
        is_group = log.chat["type"] != "private"
        try:
            self.limiter.check_and_take(bot.id, log.chat["id"], is_group, paid)
        except BotApiError:
            self.counters.record_refusal("too_many_requests")
            raise

    def store_bot_message(
        self, bot: BotAccount, log: ChatLog, message: JsonDict, markup: JsonDict | None
    ) -> None:
        log.messages[message["message_id"]] = StoredMessage(message, from_bot=True, markup=markup)
        log.apply_markup(markup)
        signature = content_signature(message, markup)
        window = self.limits.duplicate_window
        self.counters.record_delivery(bot.id, log.chat["id"], signature, window)
        self.record(bot, log, "message", direction="out", message=message, markup=markup)

    # ---- events for the transcript, the page and waiting drivers -------------------------------

    def record(self, bot: BotAccount, log: ChatLog, kind: str, **data: Any) -> JsonDict:
        self.seq += 1
        event = {
            "seq": self.seq,
            "time": time.time(),
            "bot_id": bot.id,
            "chat_id": log.chat["id"],
            "kind": kind,
            **data,
        }
        log.events.append(event)
        self.events.append(event)
        log.notify()
        self.notify()
        return event

    def structure_changed(self) -> None:
        self.structure_version += 1
        self.notify()

    def notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for_change(self, seconds: float) -> None:
        changed = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), seconds)

    def events_since(self, seq: int) -> list[JsonDict]:
        return [event for event in self.events if event["seq"] > seq]

    # ---- webhooks ------------------------------------------------------------------------------

    def start_webhook(self, bot: BotAccount, config: WebhookConfig) -> None:
        if self.http is None or self.run_bot_method is None:
            raise RuntimeError("the sandbox is not started")
        run_bot_method = self.run_bot_method

        async def run_method(body: JsonDict) -> None:
            await run_bot_method(bot, body)

        bot.updates.webhook = config
        self.webhooks[bot.id] = WebhookDelivery(
            bot.updates, config, self.http, run_method, self.webhook_retry, self.balancers
        )

    def set_balancer(
        self, url: str, targets: list[str], balance: str = "round_robin"
    ) -> Balancer | None:
        """Puts a load balancer in front of a webhook URL (no targets: takes it away). It
        applies to deliveries from the next attempt on, also to a webhook already set."""
        if not targets:
            self.balancers.pop(url, None)
            return None
        balancer = self.balancers[url] = Balancer([str(t) for t in targets], balance)
        return balancer

    async def stop_webhook(self, bot_id: int) -> None:
        delivery = self.webhooks.pop(bot_id, None)
        if delivery is not None:
            await delivery.stop()
        if bot_id in self.bots:
            self.bots[bot_id].updates.webhook = None
