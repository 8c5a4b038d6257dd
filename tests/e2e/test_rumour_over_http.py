"""'Is this true?' through `koldo run` and the sandbox: a Kyrgyz family writes what a channel
said, a Russian family sends a photo of it with the same words; the admin hears of one rumour,
sees that two families asked, answers "not true" in Kyrgyz and Russian, and each family reads the
answer in its own language."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from sqlalchemy import select

from bot.screens import rumours as rumour_screens
from bot.services import roles
from sandbox.driver import BotMessage, SandboxDriver
from storage.models import Case, CaseStatus, Role, Verdict
from tests.conftest import App
from tests.e2e.conftest import StartKoldo
from tests.e2e.test_over_http import agree
from tests.support.e2e import Phone, plain

NewPhone = Callable[..., Awaitable[Phone]]
POST = "Срочно! Дорога Баткен–Исфана закрыта, все выезжают через Лейлек."
RETOLD = "срочно дорогу баткен исфана закрыли все выезжают через лейлек"
EXPLANATION = {
    "ky": "Жол ачык. Баткен облусунун башкармалыгы саат 10до ырастады.",
    "ru": "Дорога открыта. Администрация Баткенской области подтвердила это в 10:00.",
}
ORGANISATION = "Batken Fact Check"


async def make_admin(app: App, phone: Phone) -> None:
    async with app.resources.session_factory() as session:
        change = await roles.grant(session, phone.user_id, Role.ADMIN, app.settings, actor_id=None)
        change.user.language, change.user.organisation = phone.t.locale, ORGANISATION
        await session.commit()


async def question_code(family: Phone) -> str:
    start = plain(family.t("rumour-sent", code="@@")).split("@@")[0]

    async def sent() -> BotMessage | None:
        return next((m for m in await family.messages() if (m.text or "").startswith(start)), None)

    found = await family.eventually(sent)
    code = re.search(r"[23456789A-HJKMNP-Z]{6}", found.text or "")
    assert code, found.text
    return code[0]


async def test_two_families_ask_about_one_rumour_and_each_reads_the_answer_in_its_language(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver, app: App
) -> None:
    await start_koldo(alert_poll_seconds="0.5")
    admin = await person(language_code="en", locale="en")
    await driver.send_command(admin.user_id, "start")  # Koldo may write to them from now
    await admin.sees("welcome")
    await make_admin(app, admin)

    aigul = await person(language_code="ky", locale="ky")
    await agree(aigul)
    await driver.send_command(aigul.user_id, "check")
    await aigul.sees("rumour-ask")
    await driver.send_sticker(aigul.user_id)  # a sticker: a hint, the prompt stays
    await aigul.sees("rumour-hint-nothing")
    await aigul.write(POST)
    await aigul.sees("rumour-received")
    await aigul.press(aigul.t("btn-rumour-send"))
    first = await question_code(aigul)

    olga = await person(language_code="ru", locale="ru")
    await agree(olga)
    await driver.send_command(olga.user_id, "check")
    await olga.sees("rumour-ask")
    await driver.send_photo(olga.user_id, caption=RETOLD)
    await olga.sees("rumour-received")
    await olga.press(olga.t("btn-rumour-send"))
    second = await question_code(olga)

    # One rumour: one alert, one line in the queue, two families on the card.
    at = admin.t
    await admin.received("alert-new-rumours", count=1, codes=first)
    await driver.send_command(admin.user_id, "queue")
    await admin.showing(at("btn-queue"))
    await admin.press_containing(first)
    card = await admin.showing(at("btn-rumour-false"))
    assert "Asked by 2 families" in (card.text or "") and POST in (card.text or "")
    assert RETOLD not in " ".join(m.text or "" for m in await admin.messages())
    assert POST not in " ".join(m.text or "" for m in await olga.messages())

    await admin.press(at("btn-rumour-false"))
    await admin.showing(at("btn-rumour-cancel"))
    await admin.write(EXPLANATION["ky"])
    await admin.showing(at("btn-rumour-skip"))
    await admin.write(EXPLANATION["ru"])
    await admin.eventually(lambda: _russian_written(admin))
    await admin.press(at("btn-rumour-skip"))  # English: the Kyrgyz text stands in
    await admin.press(at("btn-rumour-confirm", count=2))
    await admin.sees("rumour-answered", told=2, count=2)
    await admin.showing(at("btn-rumour-broadcast"))

    for family, code in ((aigul, first), (olga, second)):
        t = family.t
        body = rumour_screens.answer_body(t, Verdict.FALSE, EXPLANATION[t.locale], ORGANISATION)
        await family.received("rumour-answer", code=code, body=body)
    async with app.resources.session_factory() as session:
        cases = list(await session.scalars(select(Case).order_by(Case.id)))
    assert [(c.code, c.status, c.outcome) for c in cases] == [
        (first, CaseStatus.RESOLVED, "false"),
        (second, CaseStatus.RESOLVED, "false"),
    ]
    assert cases[0].rumour_id == cases[1].rumour_id


async def _russian_written(admin: Phone) -> BotMessage | None:
    """The step after the Russian explanation: English, which may be skipped."""
    language = plain(admin.t("rumour-language-en"))
    messages = await admin.messages()
    newest = messages[-1] if messages else None
    return newest if newest is not None and language in (newest.text or "") else None
