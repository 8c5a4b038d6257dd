"""Cases registered as a family would, coordinators ready to take them, and what staff hear."""

from __future__ import annotations

import itertools
import time
from datetime import datetime

from aiogram.types import (
    Chat,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberUpdated,
    Update,
)

from bot.callbacks import CaseAction, CaseCb
from bot.services import alerts
from storage.models import Case, Role
from storage.repositories import cases
from tests.conftest import Harness
from tests.support.fake_telegram import BOT_USER
from tests.support.journeys import fill_needs_form
from tests.support.people import Person
from tests.support.shelters import make_staff

BATKEN = "batken-district"
LEILEK = "leilek-district"
_update_ids = itertools.count(8_000_001)


async def registered_case(koldo: Harness, family: Person, locale: str = "ky") -> Case:
    """A family fills the needs form at Kok-Tash (Batken) and sends it: an urgent case."""
    t = koldo.t(locale)
    await fill_needs_form(family, t)
    await family.press(t("btn-confirm"))
    async with koldo.session() as session:
        found = await cases.of_user(session, family.user.id)
    return found[0]


async def staff_member(
    koldo: Harness,
    districts: list[str] | None = None,
    language: str = "en",
    role: Role = Role.COORDINATOR,
) -> Person:
    person = koldo.person(language_code=language)
    await make_staff(koldo, person.user.id, role, districts, language)
    await person.send("/queue")
    return person


def case_data(action: CaseAction, case_id: int, value: str = "") -> str:
    return CaseCb(action=action, case=case_id, value=value).pack()


async def deliver_alerts(koldo: Harness, now: datetime | None = None) -> int:
    """One poll of the alert table, as `koldo run` does every 20 s."""
    resources = koldo.resources
    return await alerts.deliver_due(
        resources.session_factory, koldo.bot, resources.localization, resources.settings, now
    )


async def bot_status_changed(koldo: Harness, person: Person, chat: Chat, status: str) -> None:
    """Telegram's my_chat_member update: `person` made the bot `status` ("member", "kicked",
    "left") in `chat`, their private chat or a group."""
    new = {
        "member": ChatMemberMember(user=BOT_USER),
        "kicked": ChatMemberBanned(user=BOT_USER, until_date=0),
        "left": ChatMemberLeft(user=BOT_USER),
    }[status]
    old = (
        ChatMemberMember(user=BOT_USER)
        if status != "member"
        else ChatMemberBanned(user=BOT_USER, until_date=0)
    )
    change = ChatMemberUpdated(
        chat=chat,
        from_user=person.user,
        date=int(time.time()),
        old_chat_member=old,
        new_chat_member=new,
    )
    update = Update(update_id=next(_update_ids), my_chat_member=change)
    await koldo.dispatcher.feed_update(koldo.bot, update)
