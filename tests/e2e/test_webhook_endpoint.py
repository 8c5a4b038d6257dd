"""The webhook endpoint of `koldo run` over HTTP: what it answers to bodies that are no update."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import aiohttp
import pytest

from sandbox.driver import SandboxDriver
from tests.e2e.conftest import StartKoldo
from tests.e2e.test_over_http import agree
from tests.support.e2e import Phone

pytestmark = pytest.mark.e2e
NewPhone = Callable[..., Awaitable[Phone]]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MARK = "Aigul-996555123456"  # stands for personal data in a body: it must never reach the log
JUNK = [
    b"",  # an empty body
    f'{{"update_id": 7, "message": {{"text": "{MARK}"'.encode(),  # cut short: not JSON
    f'["{MARK}"]'.encode(),  # JSON, not an object
    f'{{"name": "{MARK}"}}'.encode(),  # an object, not an update
    f'{{"update_id": "{MARK}"}}'.encode(),  # an update_id that is no number
    b"\xff\xfe not even text",
]


async def post(url: str, body: bytes, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[SECRET_HEADER] = secret
    async with (
        aiohttp.ClientSession() as http,
        http.post(url, data=body, headers=headers) as answer,
    ):
        return answer.status


async def test_junk_bodies_get_400_and_one_line_each_and_a_wrong_secret_401(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver
) -> None:
    koldo = await start_koldo(webhook=True)
    url, secret = koldo.env["KOLDO_WEBHOOK_URL"], koldo.env["KOLDO_WEBHOOK_SECRET"]
    update = json.dumps({"update_id": 999_999, "message": {"text": MARK}}).encode()

    assert [await post(url, body, secret) for body in JUNK] == [400] * len(JUNK)
    assert await post(url, update, "not-the-secret") == 401
    assert await post(url, update, None) == 401
    assert await post(url, JUNK[1], None) == 401

    # The replica goes on serving families.
    family = await person(language_code="ru", locale="ru")
    await driver.send_command(family.user_id, "start")
    await family.sees("welcome")
    assert await koldo.stop() == 0

    refused = [line for line in koldo.output if "webhook request refused" in line]
    assert len(refused) == len(JUNK)
    assert "Traceback" not in koldo.log
    assert MARK not in koldo.log


async def test_a_press_is_answered_in_the_webhook_reply_or_by_a_call_when_its_update_is_slow(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver
) -> None:
    """The spinner stops either way; a quick press costs no request of its own."""
    koldo = await start_koldo(webhook=True)
    family = await person(language_code="ru", locale="ru")
    await driver.reset_counters()
    await agree(family)  # two presses: the language and the consent

    async def answered() -> int:
        events = (await driver.transcript(family.user_id))["events"]
        return sum(event["kind"] == "callback_answer" for event in events)

    async def answered_at_least(n: int) -> int | None:
        count = await answered()
        return count if count >= n else None

    assert await family.eventually(lambda: answered_at_least(2)) == 2
    counted = (await driver.counters())["requests_per_method"]
    assert counted.get("answerCallbackQuery (in a webhook reply)") == 2
    assert "answerCallbackQuery" not in counted

    # Telegram slow to take the reply: the press is answered before the update ends.
    await driver.set_faults(latency=0.6, methods=["editMessageText", "sendMessage"])
    await driver.reset_counters()
    await family.press(family.t("menu-shelters"))
    assert await family.eventually(lambda: answered_at_least(3)) == 3
    await driver.clear_faults()
    counted = (await driver.counters())["requests_per_method"]
    assert counted.get("answerCallbackQuery") == 1
    assert "answerCallbackQuery (in a webhook reply)" not in counted
    assert await koldo.stop() == 0
