"""Telegram's failures as they really come, through the retrying session every call of Koldo
goes through: 429 with retry_after, 5xx in JSON, the HTML pages of Telegram's nginx front end
(502, 504), and answers that would only fail again."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramRetryAfter,
    TelegramServerError,
)

from bot.app import create_bot
from bot.middlewares.retry import RetryTelegram
from tests.conftest import TEST_TOKEN, App, Backend, Harness, empty_tables
from tests.support.fake_telegram import JSON_500, JSON_502, NGINX_502, NGINX_504, FakeTelegram
from tests.support.journeys import fill_needs_form

FAMILY = 91_100_001
BACKOFF = [0.5, 1.0, 2.0, 4.0, 5.0]  # the waits before the 2nd to the 6th attempt


class Waits(list[float]):
    """Stands in for asyncio.sleep: notes each wait instead of waiting."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def retrying_bot(waits: Waits) -> tuple[FakeTelegram, Bot]:
    telegram = FakeTelegram()
    telegram.middleware(RetryTelegram(sleep=waits))
    return telegram, Bot(TEST_TOKEN, session=telegram)


async def test_an_html_502_page_is_retried_and_the_message_delivered() -> None:
    telegram = FakeTelegram()
    telegram.middleware(RetryTelegram())  # as `koldo run` has it: one real wait of half a second
    bot = Bot(TEST_TOKEN, session=telegram)
    telegram.failures["sendMessage"] = [(502, NGINX_502)]
    await bot.send_message(FAMILY, "Салам")
    assert [shown.text for shown in telegram.chat(FAMILY).messages] == ["Салам"]
    assert len(telegram.calls) == 2


@pytest.mark.parametrize(
    ("status", "body", "raised"),
    [
        (502, NGINX_502, ClientDecodeError),
        (504, NGINX_504, ClientDecodeError),
        (502, JSON_502, TelegramServerError),
        (500, JSON_500, TelegramServerError),
    ],
    ids=["html-502", "html-504", "json-502", "json-500"],
)
async def test_gateway_pages_are_waited_out_like_json_server_errors(
    status: int, body: str, raised: type[Exception]
) -> None:
    waits = Waits()
    telegram, bot = retrying_bot(waits)
    telegram.failures["sendMessage"] = [(status, body)] * 6
    with pytest.raises(raised):  # after the last attempt, the error itself
        await bot.send_message(FAMILY, "Салам")
    assert waits == BACKOFF
    assert len(telegram.calls) == 6

    telegram.failures["sendMessage"] = [(status, body)] * 5
    await bot.send_message(FAMILY, "Салам")
    assert [shown.text for shown in telegram.chat(FAMILY).messages] == ["Салам"]


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, "<html><body>Sign in to the Wi-Fi</body></html>"),  # a captive portal
        (503, "Service Unavailable"),
        (502, '{"ok":false,"error_code":50'),  # cut off
    ],
    ids=["portal", "plain-text", "cut-off"],
)
async def test_other_undecodable_answers_get_one_more_try(status: int, body: str) -> None:
    waits = Waits()
    telegram, bot = retrying_bot(waits)
    telegram.failures["sendMessage"] = [(status, body)] * 6
    with pytest.raises(ClientDecodeError):
        await bot.send_message(FAMILY, "Салам")
    assert waits == BACKOFF[:1]
    assert len(telegram.calls) == 2


@pytest.mark.parametrize(
    ("status", "body", "raised"),
    [
        # JSON that does not fit a Message: Telegram answered, so the message was most
        # likely sent; a retry would send the family a second copy.
        (200, '{"ok":true,"result":{"message_id":"seven"}}', ClientDecodeError),
        (400, '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}', None),
        (413, '{"ok":false,"error_code":413,"description":"Request Entity Too Large"}', None),
    ],
    ids=["does-not-fit", "400", "413"],
)
async def test_answers_that_would_fail_again_are_raised_at_once(
    status: int, body: str, raised: type[Exception] | None
) -> None:
    waits = Waits()
    telegram, bot = retrying_bot(waits)
    telegram.failures["sendMessage"] = [(status, body)] * 6
    expected = raised or {400: TelegramBadRequest, 413: TelegramEntityTooLarge}[status]
    with pytest.raises(expected):
        await bot.send_message(FAMILY, "Салам")
    assert waits == []
    assert len(telegram.calls) == 1


async def test_too_many_requests_waits_as_long_as_telegram_says() -> None:
    waits = Waits()
    telegram, bot = retrying_bot(waits)
    too_many = '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after %d",'
    too_many += '"parameters":{"retry_after":%d}}'
    telegram.failures["sendMessage"] = [(429, too_many % (3, 3))]
    await bot.send_message(FAMILY, "Салам")
    assert waits == [3.0]
    telegram.failures["sendMessage"] = [(429, too_many % (600, 600))]
    with pytest.raises(TelegramRetryAfter):  # longer than a reply may wait: raised at once
        await bot.send_message(FAMILY, "Салам")
    assert waits == [3.0]


@pytest.fixture
async def koldo_behind_nginx(app: App, backend: Backend) -> Harness:
    """Koldo with the session `koldo run` has (create_bot's middlewares), on a fake Telegram."""
    await empty_tables(app.resources)
    telegram = FakeTelegram()
    bot = create_bot(app.settings, session=telegram)
    return Harness(app.resources, app.dispatcher, bot, telegram, backend)


async def test_the_family_gets_the_reply_through_an_html_502(koldo_behind_nginx: Harness) -> None:
    family = koldo_behind_nginx.person(language_code="ru")
    koldo_behind_nginx.telegram.failures["sendMessage"] = [(502, NGINX_502)]
    await family.send("/start")
    assert family.texts() == [koldo_behind_nginx.t("ru")("welcome")]


async def test_the_apology_gets_through_an_html_502(
    koldo_behind_nginx: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = koldo_behind_nginx.person()
    t = koldo_behind_nginx.t("ky")
    await fill_needs_form(family, t)

    async def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr("handlers.needs.register_case", broken)
    koldo_behind_nginx.telegram.failures["sendMessage"] = [(502, NGINX_502)]
    await family.press(t("btn-confirm"))
    assert family.last_text == t("error-apology")
