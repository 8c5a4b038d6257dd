"""What Koldo knows about me, end to end: `koldo run` against the sandbox over HTTP. A family
registers, opens "My data", presses "Send it as a file", and the chat has the document, whose
text the sandbox hands back as it was uploaded (issue 13, point 2)."""

from __future__ import annotations

import itertools
import re

from bot.i18n import Localization
from sandbox.driver import BotMessage, SandboxDriver
from tests.conftest import App
from tests.e2e.conftest import StartKoldo
from tests.e2e.test_coordination_over_http import case_of
from tests.e2e.test_over_http import register_needs
from tests.support.e2e import Phone, plain

_user_ids = itertools.count(64_000_001)  # no other end-to-end test uses these
FILE_NAME = re.compile(r"koldo-my-data-\d{4}-\d{2}-\d{2}\.txt")


async def test_a_family_reads_its_data_and_gets_it_as_a_file(
    start_koldo: StartKoldo, driver: SandboxDriver, app: App
) -> None:
    await start_koldo()
    family = Phone(driver, next(_user_ids), Localization().translator("ky"))
    await driver.create_user(family.user_id, "Айгүл", language_code="ky")
    await register_needs(family)
    case = await case_of(app, family)
    code, phone = case.code, case.phone or ""
    assert phone  # the one the sandbox's share-contact button gave
    t = family.t

    await family.press(t("menu-mydata"))
    heading = plain(t("mydata-heading"))

    async def data_page() -> BotMessage | None:
        newest = (await family.messages())[-1]
        return newest if (newest.text or "").startswith(heading) else None

    page = await family.eventually(data_page)
    assert page.text is not None
    for shown in (code, phone, plain(t("need-medical")), plain(t("mydata-footer"))):
        assert shown in page.text, shown
    assert [t("btn-mydata-file")] in page.buttons and [t("menu-erase")] in page.buttons

    await family.press(t("btn-mydata-file"))

    async def document() -> BotMessage | None:
        newest = (await family.messages())[-1]
        return newest if "document" in newest.message else None

    sent = await family.eventually(document)
    file = sent.message["document"]
    assert FILE_NAME.fullmatch(file["file_name"]), file
    assert file["mime_type"] == "text/plain"
    assert sent.text == plain(t("mydata-file-caption"))
    assert sent.buttons == [[t("menu-erase")], [t("btn-main-menu")]]
    content = (await driver.download(file["file_id"])).decode("utf-8")
    assert code in content and phone in content
    assert plain(t("mydata-footer")) in content
    assert "<b>" not in content
