"""What comes in from the phone and from Telegram, checked once at the edge for every journey:
presses too old to answer still act, ids out of any column's range are stale buttons, and
control characters never reach a handler."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import CallbackQuery, Chat, Contact, Message, MessageEntity, Update, User

from bot.app import create_bot
from bot.callbacks import CaseAction, CaseCb
from bot.middlewares.clean_text import clean
from storage.models import CaseStatus
from storage.repositories import cases, queue
from tests.conftest import App, Harness
from tests.support.cases import BATKEN, registered_case, staff_member
from tests.support.fake_telegram import FakeTelegram
from tests.support.journeys import KOK_TASH, agree_and_open_menu, open_needs_form

QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
BIG = "9" * 20  # an id no database column holds


class LateTelegram(FakeTelegram):
    """Telegram after downtime or a backlog: every button press is too old to answer."""

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        if isinstance(method, AnswerCallbackQuery):
            self.calls.append(method)
            self.callback_chats.pop(method.callback_query_id, None)
            raise TelegramBadRequest(method, f"Bad Request: {QUERY_TOO_OLD}")
        return await super().make_request(bot, method, timeout)


@pytest.fixture
def late(koldo: Harness, app: App) -> Harness:
    """The bot as `koldo run` builds it (its Bot API middlewares), against a late Telegram."""
    telegram = LateTelegram()
    return dataclasses.replace(
        koldo, bot=create_bot(app.settings, session=telegram), telegram=telegram
    )


def answers_tried(harness: Harness) -> int:
    return sum(isinstance(call, AnswerCallbackQuery) for call in harness.telegram.calls)


# --- a press too old to answer still does what it says ------------------------------------


async def test_needs_steps_pressed_too_late_to_answer_still_apply(
    late: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    family = late.person()
    t = late.t("ky")
    caplog.set_level(logging.INFO, logger="koldo.telegram")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)

    await family.press("4")
    assert family.last_text == t("needs-vulnerable")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-cash")))
    assert t("toggle", on="yes", label=t("need-cash")) in family.last.buttons()
    await family.press(t("btn-continue"))
    assert family.last_text == t("needs-phone")
    await family.tap(t("btn-skip"))
    await family.press(t("btn-skip"))
    await family.press(t("btn-confirm"))

    assert family.last_text == t("main-menu")
    assert t("error-apology") not in family.texts()
    async with late.session() as session:
        [case] = await cases.of_user(session, family.user.id)
    assert case.household_size == 4 and case.needs == ["cash"]
    assert answers_tried(late) >= 8  # every press was answered, and every answer failed
    logged = [r.getMessage() for r in caplog.records if r.name == "koldo.telegram"]
    assert any("answerCallbackQuery" in line for line in logged)


async def test_a_claim_pressed_too_late_to_answer_still_takes_the_case(late: Harness) -> None:
    family = late.person(language_code="en")
    case = await registered_case(late, family, "en")
    coordinator = await staff_member(late, [BATKEN])
    en = late.t("en")

    await coordinator.press_data(CaseCb(action=CaseAction.CLAIM, case=case.id).pack())

    assert en("case-held-by-you") in coordinator.last_text
    assert family.last_text == en("family-case-claimed", code=case.code)
    assert en("error-apology") not in coordinator.texts()
    async with late.session() as session:
        held = await queue.by_id(session, case.id)
    assert held is not None and held.assignee_id == coordinator.user.id
    assert held.status == CaseStatus.IN_PROGRESS


# --- ids no database column holds are stale buttons, refused before any handler ---------


@pytest.mark.parametrize(
    "forged",
    [
        f"my:open:{BIG}",
        f"my:write:{2**31}",
        f"shel:pin:{BATKEN}:{BIG}",
        f"shel:pin::{2**31}",
    ],
)
async def test_a_family_button_with_an_id_out_of_range_is_an_expired_button(
    koldo: Harness, forged: str
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await agree_and_open_menu(family, t)

    await family.press_data(forged)

    assert family.view.alerts[-1] == t("button-expired")
    assert t("error-apology") not in family.texts()


@pytest.mark.parametrize(
    "forged",
    [
        f"case:open:{BIG}:0:",
        f"case:claim:{2**31}:0:",
        f"case:queue:0:{BIG}:",
        f"stsh:pick::{BIG}:0:",
        f"stsh:list:{BATKEN}:0:{BIG}:",
    ],
)
async def test_a_staff_button_with_an_id_out_of_range_is_an_expired_button(
    koldo: Harness, forged: str
) -> None:
    coordinator = await staff_member(koldo, [BATKEN])
    en = koldo.t("en")

    await coordinator.press_data(forged)

    assert coordinator.view.alerts[-1] == en("button-expired")
    assert en("error-apology") not in coordinator.texts()


# --- control characters never reach a handler ---------------------------------------------


async def test_a_command_after_a_control_character_is_still_the_command(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await family.send("\x00/start")
    assert family.last_text == t("welcome")


def test_entities_keep_pointing_at_their_words_once_control_characters_are_gone() -> None:
    sender = User(id=7, is_bot=False, first_name="Ай\x00гүл")
    message = Message(
        message_id=1,
        date=0,
        chat=Chat(id=7, type="private"),
        from_user=sender,
        # "🌍" is two UTF-16 code units, as Telegram counts offsets.
        text="🌍\x00 <b>Үй\x07</b> күйдү\r\n",
        entities=[
            MessageEntity(type="bold", offset=4, length=10),
            MessageEntity(type="italic", offset=9, length=1),  # only a removed character
        ],
    )
    contact = Message(
        message_id=2,
        date=0,
        chat=Chat(id=7, type="private"),
        contact=Contact(phone_number="+996\x00555", first_name="Апа\x1b"),
    )
    query = CallbackQuery(id="1", from_user=sender, chat_instance="1", data="needs:size:\x004")

    cleaned = clean(Update(update_id=1, message=message))
    assert cleaned.message.text == "🌍 <b>Үй</b> күйдү\n"
    [bold] = cleaned.message.entities
    assert cleaned.message.text.encode("utf-16-le")[2 * bold.offset :][: 2 * bold.length] == (
        "<b>Үй</b>".encode("utf-16-le")
    )
    assert cleaned.message.from_user.first_name == "Айгүл"
    card = clean(Update(update_id=2, message=contact)).message.contact
    assert (card.phone_number, card.first_name) == ("+996555", "Апа")
    assert clean(Update(update_id=3, callback_query=query)).callback_query.data == "needs:size:4"
