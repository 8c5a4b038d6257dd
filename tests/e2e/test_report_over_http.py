"""The situation report through `koldo run` and the sandbox: the picture goes up as a real
upload (multipart, as to Telegram), its figures come under it, and the daily switch works."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sandbox.driver import BotMessage, SandboxDriver
from storage.models import User
from tests.conftest import App
from tests.e2e.conftest import StartKoldo
from tests.e2e.test_rumour_over_http import make_admin
from tests.support.e2e import Phone

NewPhone = Callable[..., Awaitable[Phone]]


async def test_an_admin_gets_the_picture_over_http_and_turns_the_daily_report_on(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver, app: App
) -> None:
    await start_koldo()
    admin = await person(language_code="en", locale="en")
    await driver.send_command(admin.user_id, "start")
    await admin.sees("welcome")
    await make_admin(app, admin)

    await driver.send_command(admin.user_id, "report")

    async def picture() -> BotMessage | None:
        return next((m for m in await admin.messages() if "photo" in m.message), None)

    # Drawn in a fresh process: matplotlib loads then, a few seconds on a busy machine.
    shown = await admin.eventually(picture, timeout=90)
    largest = max(shown.message["photo"], key=lambda size: size["width"])
    assert (largest["width"], largest["height"]) == (1080, 1600)
    assert (shown.text or "").startswith("📊 Situation report, ")
    on = admin.t("btn-report-daily-on", at="08:00")
    await admin.press(on)

    async def switched() -> bool | None:
        async with app.resources.session_factory() as session:
            user = await session.get(User, admin.user_id)
        return True if user is not None and user.daily_report else None

    assert await admin.eventually(switched)
    await admin.showing(admin.t("btn-report-daily-off"))
