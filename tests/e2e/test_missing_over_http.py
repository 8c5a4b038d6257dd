"""A missing relative found across scripts, through `koldo run`, the sandbox and the command line.

A family reports «Жумабаев Мырзабек» in Kyrgyz (or «Джумабаев Мирзабек» in Russian); an admin
imports a Latin list that holds "DZHUMABAEV MIRZABEK"; the coordinator of the district gets the
possible match, sees both records side by side, verifies it, reaches the man through the list's
source and records that he agrees; only then is the family told, in its own language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from sandbox.driver import BotMessage, SandboxDriver
from storage.models import Case, CaseKind, MatchStatus, PersonMatch, User
from tests.conftest import App
from tests.e2e.conftest import StartKoldo
from tests.e2e.test_coordination_over_http import make_coordinator
from tests.e2e.test_over_http import agree, register_needs
from tests.support.e2e import Phone, plain
from tests.support.journeys import KOK_TASH
from tests.test_shelter_import import koldo_cli

NewPhone = Callable[..., Awaitable[Phone]]
LIST = "Batken shelter list 2026-05-03"
# As each family would write the man it searches for.
SOUGHT = {"ky": "Жумабаев Мырзабек", "ru": "Джумабаев Мирзабек"}


async def report_missing(family: Phone, name: str) -> str:
    """From the main menu, the whole report as a family fills it in; returns the case code."""
    t = family.t
    await family.press(t("menu-missing"))
    await family.press(t("btn-missing-report"))
    await family.sees("missing-name", max=100)
    await family.driver.send_sticker(family.user_id)  # a sticker for a name: a hint, the step again
    await family.received("missing-name-hint")
    await family.write(name)
    await family.press(t("missing-sex-male"))
    await family.sees("missing-age")
    await family.write("сорок")  # words where digits are wanted: a hint, then the step again
    await family.received("missing-age-hint", max=120)
    await family.write("45")
    await family.press(t("relation-husband"))
    await family.tap("btn-missing-share-location", location=KOK_TASH)
    await family.press(t("btn-missing-seen-yesterday"))
    await family.press(t("btn-missing-none-of-these"))
    await family.press(t("btn-skip"))  # no photo
    await family.write("Көк куртка кийген.")
    await family.press(t("btn-continue"))
    await family.sees("missing-reporter")
    await family.write("Айгүл")
    await family.tap("btn-skip")  # no phone
    await family.press(t("btn-missing-send"))
    await family.press(t("btn-missing-send"))  # pressed twice: still one case
    sent = await family.eventually(lambda: _starting(family, t("missing-sent", code="")[:20]))
    code = re.search(r"[23456789A-HJKMNP-Z]{6}", sent.text or "")
    assert code, sent.text
    return code[0]


@pytest.mark.parametrize(("family_locale", "staff_locale"), [("ky", "ru"), ("ru", "ky")])
async def test_a_report_in_cyrillic_meets_a_latin_list_and_the_family_is_told(
    start_koldo: StartKoldo,
    person: NewPhone,
    driver: SandboxDriver,
    app: App,
    tmp_path: Path,
    family_locale: str,
    staff_locale: str,
) -> None:
    await start_koldo(alert_poll_seconds="0.5")
    family = await person(language_code=family_locale, locale=family_locale)
    coordinator = await person(language_code=staff_locale, locale=staff_locale)
    await driver.send_command(coordinator.user_id, "start")  # Koldo may write to them from now
    await coordinator.sees("welcome")
    await make_coordinator(app, coordinator, "batken-district")
    await agree(family)
    code = await report_missing(family, SOUGHT[family_locale])
    case = await _case(app, code)
    assert case.kind == CaseKind.MISSING and case.district == "batken-district"
    await coordinator.received("alert-new-cases", count=1, codes=code)

    # The evacuee list comes in by the command line, in Latin letters, with a namesake 30 years
    # older and a woman of the same village.
    rows = [
        {"id": "b-17", "full_name": "DZHUMABAEV MIRZABEK", "sex": "M", "age": 44},
        {"id": "b-18", "full_name": "Zhumabaev Myrzabek", "sex": "M", "age": 75},
        {"id": "b-19", "full_name": "Toktogulova Aigul", "sex": "F", "age": 30},
    ]
    listed = tmp_path / "batken.jsonl"
    listed.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    exit_code, out, err = await koldo_cli(
        "people", "import", str(listed), "--source", LIST, database_url=app.settings.database_url
    )
    assert exit_code == 0, err
    assert "possible matches for missing people proposed: 1" in out

    # Until a coordinator has verified, the family hears nothing of anyone on the list.
    ct = coordinator.t
    await coordinator.received("alert-matches", count=1, codes=code)
    assert "DZHUMABAEV" not in " ".join(m.text or "" for m in await family.messages())
    await coordinator.press(ct("btn-alert-match", code=code, count=1))
    card = await coordinator.eventually(lambda: _containing(coordinator, "DZHUMABAEV MIRZABEK"))
    assert SOUGHT[family_locale] in (card.text or "")
    assert LIST in (card.text or "")  # where to reach him
    assert plain(ct("reunion-why-surname-agrees")) in (card.text or "")
    assert "Zhumabaev Myrzabek" not in " ".join(m.text or "" for m in await coordinator.messages())

    await coordinator.press(ct("btn-match-verify"))
    await coordinator.showing(ct("btn-match-outcome-agrees"))
    assert "DZHUMABAEV" not in " ".join(m.text or "" for m in await family.messages())
    await coordinator.press(ct("btn-match-outcome-agrees"))

    # Both sides told what was shared: the family, in its language, with the name as it wrote it.
    await family.received("reunion-told-safe-list", code=code, name=SOUGHT[family_locale])
    texts = " ".join(m.text or "" for m in await family.messages())
    assert "DZHUMABAEV" not in texts and LIST not in texts
    async with app.resources.session_factory() as session:
        matches = list(await session.scalars(select(PersonMatch)))
    assert [m.status for m in matches] == [MatchStatus.VERIFIED]
    assert matches[0].outcome is not None
    assert len(await _cases(app)) == 1  # Send pressed twice made one case


async def _case(app: App, code: str) -> Case:
    async with app.resources.session_factory() as session:
        return (await session.scalars(select(Case).where(Case.code == code))).one()


async def _cases(app: App) -> list[Case]:
    async with app.resources.session_factory() as session:
        return list(await session.scalars(select(Case)))


async def _starting(phone: Phone, start: str) -> BotMessage | None:
    wanted = plain(start)
    return next((m for m in await phone.messages() if (m.text or "").startswith(wanted)), None)


async def _containing(phone: Phone, part: str) -> BotMessage | None:
    return next((m for m in reversed(await phone.messages()) if part in (m.text or "")), None)


async def test_a_family_listed_as_safe_agrees_and_the_searching_family_is_told(
    start_koldo: StartKoldo, person: NewPhone, driver: SandboxDriver, app: App
) -> None:
    """A Russian family sent its needs and listed who is with it, in Latin letters; a Kyrgyz
    family reports him missing in Cyrillic; the coordinator verifies; the Russian family agrees
    to share its phone; each side is told exactly what was shared, in its own language."""
    await start_koldo(alert_poll_seconds="0.5")
    safe, searching = await person("ru", "ru"), await person("ky", "ky")
    coordinator = await person("ky", "ky")
    await driver.send_command(coordinator.user_id, "start")
    await coordinator.sees("welcome")
    await make_coordinator(app, coordinator, "batken-district")

    await register_needs(safe)
    st = safe.t
    await safe.press(st("menu-safe"))
    await safe.press(st("btn-safe-agree"))
    await safe.write("Mirzabek Jumabaev")
    await safe.press(st("btn-safe-male"))
    await safe.write("44")
    await safe.press(st("btn-safe-done"))
    await safe.received("safe-saved", people=st("people-count", count=1))

    await agree(searching)
    code = await report_missing(searching, SOUGHT["ky"])
    ct = coordinator.t
    await coordinator.received("alert-matches", count=1, codes=code)
    await coordinator.press(ct("btn-alert-match", code=code, count=1))
    card = await coordinator.eventually(lambda: _containing(coordinator, "Mirzabek Jumabaev"))
    assert plain(ct("reunion-from-household")) in (card.text or "")
    # Nothing reaches either family before the coordinator's word.
    assert "Mirzabek" not in " ".join(m.text or "" for m in await searching.messages())
    assert SOUGHT["ky"] not in " ".join(m.text or "" for m in await safe.messages())
    await coordinator.press(ct("btn-match-verify"))

    # The family he is with is asked in Russian: the reporter's first name and relation only.
    question = await safe.eventually(lambda: _containing(safe, "Айгүл"))
    assert plain(st("reunion-relation-husband")) in (question.text or "")
    assert "Көк куртка" not in (question.text or "")  # nothing else of the report
    assert "Mirzabek" not in " ".join(m.text or "" for m in await searching.messages())
    await safe.press(st("btn-reunion-consent-phone"))

    phone = await _phone_of(app, safe)
    await safe.received(
        "reunion-found-shared-phone", reporter="Айгүл", name="Mirzabek Jumabaev", phone=phone
    )
    told = await searching.eventually(lambda: _containing(searching, phone))
    kt = searching.t
    assert plain(kt("reunion-told-safe", code=code, name=SOUGHT["ky"])) in (told.text or "")
    await coordinator.received("reunion-staff-answered", code=code)


async def _phone_of(app: App, phone: Phone) -> str:
    async with app.resources.session_factory() as session:
        user = await session.get(User, phone.user_id)
        assert user is not None and user.phone
        return user.phone
