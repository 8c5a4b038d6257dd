"""What Koldo knows about me (issue 13, point 2): a family sees everything Koldo keeps about it,
in its language, and who has seen it (the organisation, never the person); as a file too; and
never anything of another family."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from bot.callbacks import CaseAction, MatchAction, MatchCb, MyDataAction, MyDataCb
from bot.i18n import Translator
from bot.screens import mydata as mydata_screens
from bot.services.broadcasts import local_date
from storage.models import Case, CaseKind, Priority, Role, Verdict
from storage.repositories import audit, users
from tests.conftest import Harness
from tests.support.cases import BATKEN, case_data, registered_case
from tests.support.fake_telegram import Shown
from tests.support.journeys import KOK_TASH, agree_and_open_menu
from tests.support.missing import Details, matches_of, report_missing
from tests.support.missing import family as seeking_family
from tests.support.people import Person
from tests.support.shelters import make_staff
from tests.test_missing import fill_report
from tests.test_rumours import ORGANISATION as FACT_CHECKERS
from tests.test_rumours import answer, ask, fact_checker
from tests.test_safe import list_two, open_safe

ORGANISATION = "Кызыл Жарым Ай, Баткен"
COORDINATOR_NAME = "Бакытбек"
PHONE = "+996555123456"
FILE_NAME = re.compile(r"koldo-my-data-\d{4}-\d{2}-\d{2}\.txt")
_staff_ids = itertools.count(77_000_001)


@dataclass(frozen=True)
class Family:
    person: Person
    t: Translator
    needs: Case
    missing: Case
    coordinator: Person


async def coordinator_of(koldo: Harness, organisation: str | None = ORGANISATION) -> Person:
    """A coordinator of Batken with a name of their own (which no family may read)."""
    person = Person(
        koldo.dispatcher,
        koldo.bot,
        koldo.telegram,
        next(_staff_ids),
        "ru",
        first_name=COORDINATOR_NAME,
    )
    koldo.telegram.chat(person.user.id)
    await make_staff(koldo, person.user.id, Role.COORDINATOR, [BATKEN], "ru")
    async with koldo.session() as session:
        user = await users.get(session, person.user.id)
        assert user is not None
        user.organisation = organisation
        await session.commit()
    await person.send("/queue")
    return person


async def family_that_did_everything(koldo: Harness, locale: str = "ky") -> Family:
    """Needs registered, a missing son reported, and a chat with the coordinator who claimed
    the needs case: one message each way."""
    t, ru = koldo.t(locale), koldo.t("ru")
    family = koldo.person(language_code=locale)
    needs = await registered_case(koldo, family, locale)
    await family.send("/menu")
    await fill_report(family, t, at_menu=True)
    await family.press(t("btn-missing-send"))
    async with koldo.session() as session:
        query = select(Case).where(Case.user_id == family.user.id, Case.kind == CaseKind.MISSING)
        missing = await session.scalar(query)
    assert missing is not None

    coordinator = await coordinator_of(koldo)
    await coordinator.press_data(case_data(CaseAction.OPEN, needs.id))
    await coordinator.press(ru("btn-case-claim"))
    await coordinator.send("Салам! Эртең келебиз.")
    [copy] = [m for m in family.view.messages if m.copied is not None]
    await family.press(t("btn-my-case-answer"), in_message=copy)
    await family.send("Рахмат!")
    return Family(family, t, needs, missing, coordinator)


async def read_everything(person: Person, t: Translator, start: str = "/mydata") -> list[str]:
    """/mydata (or the menu button), then every page with Next, as a person would."""
    if start.startswith("/"):
        await person.send(start)
    else:
        await person.press(start)
    seen = [person.last_text]
    while t("btn-page-next") in person.last.buttons():
        await person.press(t("btn-page-next"))
        seen.append(person.last_text)
    return seen


async def consent_line(koldo: Harness, person: Person, t: Translator) -> str:
    async with koldo.session() as session:
        user = await users.get(session, person.user.id)
    assert user is not None and user.consent_at is not None
    return t("mydata-agreed", date=local_date(user.consent_at))


def the_file(person: Person) -> tuple[str, str]:
    """The newest document in the chat: its name and its text."""
    shown: Shown = next(m for m in reversed(person.view.messages) if m.document is not None)
    assert shown.document is not None and shown.data is not None
    return shown.document.file_name or "", shown.data.decode("utf-8")


async def test_a_family_sees_its_cases_and_the_organisation_but_not_the_coordinator(
    koldo: Harness,
) -> None:
    done = await family_that_did_everything(koldo, "ky")
    t, family = done.t, done.person
    pages = await read_everything(family, t)
    text = "\n".join(pages)

    assert text.startswith(t("mydata-heading"))
    for shown in (
        done.needs.code,
        done.missing.code,
        t("need-medical"),
        t("need-food_water"),
        t("vuln-young_children"),
        PHONE,
        "Бала ооруп жатат, дары керек.",
        t("family-status-in_progress"),
        t("people-count", count=4),
        # The needs case: one message each way; the report: its photo.
        t("mydata-messages", count=2, yours=1, theirs=1),
        t("mydata-no-messages"),
        t("mydata-files", count=1),
        # The missing son, as the family described him.
        "Айбек Жумабаев",
        t("relation-son"),
        "Көк куртка кийген.",
        t("mydata-seen", who="Кызыл Жарым Ай, Баткен"),
        t("mydata-seen-nobody"),  # nobody opened the report
        await consent_line(koldo, family, t),
    ):
        assert shown in text, shown
    # Who saw it: the organisation only, never the person, their Telegram name or id.
    assert COORDINATOR_NAME not in text
    assert str(done.coordinator.user.id) not in text
    assert "Салам! Эртең келебиз." not in text  # messages are counted, not shown again
    assert all(len(page) <= 4096 for page in pages)
    assert family.last.buttons()[-3:] == [
        t("btn-mydata-file"),
        t("menu-erase"),
        t("btn-main-menu"),
    ]

    async with koldo.session() as session:
        [viewed] = await audit.entries(session, "mydata.viewed")
    assert viewed.actor_id == family.user.id and viewed.subject is None
    assert viewed.details == {"page": 0}


async def test_an_admin_without_an_organisation_is_named_as_koldos_own(koldo: Harness) -> None:
    done = await family_that_did_everything(koldo, "ru")
    t = done.t
    admin = koldo.person(language_code="en")
    await make_staff(koldo, admin.user.id, Role.ADMIN, [], "en")
    await admin.send("/queue")
    await admin.press_data(case_data(CaseAction.OPEN, done.missing.id))
    text = "\n".join(await read_everything(done.person, t))
    assert t("mydata-seen", who=t("mydata-seen-admin")) in text
    assert "Кызыл Жарым Ай, Баткен" in text  # the needs case's coordinator

    # A coordinator whose organisation is not known is "a coordinator of Koldo".
    async with koldo.session() as session:
        user = await users.get(session, done.coordinator.user.id)
        assert user is not None
        user.organisation = None
        await session.commit()
    text = "\n".join(await read_everything(done.person, t))
    assert t("mydata-seen", who=t("mydata-seen-coordinator")) in text
    assert ORGANISATION not in text


async def test_another_family_sees_none_of_it_even_with_a_forged_button(koldo: Harness) -> None:
    done = await family_that_did_everything(koldo, "ky")
    neighbour = koldo.person(language_code="ru")
    ru = koldo.t("ru")
    await agree_and_open_menu(neighbour, ru)

    texts = await read_everything(neighbour, ru, ru("menu-mydata"))
    # A button's data carries no person: forged pages and the file show the presser's own.
    await neighbour.press_data(MyDataCb(action=MyDataAction.PAGE, page=3).pack())
    texts.append(neighbour.last_text)
    await neighbour.press_data(MyDataCb(action=MyDataAction.FILE).pack())
    _, content = the_file(neighbour)
    for text in [*texts, content]:
        for private in (
            done.needs.code,
            done.missing.code,
            PHONE,
            "Айбек Жумабаев",
            "Бала ооруп",
            ORGANISATION,
        ):
            assert private not in text, private
    assert await consent_line(koldo, neighbour, ru) in texts[0]


async def test_the_file_holds_the_same_as_plain_text(koldo: Harness) -> None:
    done = await family_that_did_everything(koldo, "ky")
    t, family = done.t, done.person
    await family.send("/mydata")
    await family.press(t("btn-mydata-file"))

    assert family.last.document is not None
    assert family.last.text == t("mydata-file-caption")
    name, content = the_file(family)
    assert FILE_NAME.fullmatch(name), name
    for shown in (
        done.needs.code,
        done.missing.code,
        PHONE,
        "Бала ооруп жатат, дары керек.",
        ORGANISATION,
        "Айбек Жумабаев",
        mydata_screens.plain(t("need-medical")),
        mydata_screens.plain(t("mydata-messages", count=2, yours=1, theirs=1)),
    ):
        assert shown in content, shown
    assert "<b>" not in content and "&lt;" not in content
    assert COORDINATOR_NAME not in content
    # The way on from the file: erase, or the menu.
    assert family.last.buttons() == [t("menu-erase"), t("btn-main-menu")]
    await family.press(t("menu-erase"))
    assert family.last_text == t("erase-question")

    async with koldo.session() as session:
        [sent] = await audit.entries(session, "mydata.sent")
    assert (sent.actor_id, sent.subject, sent.details) == (family.user.id, None, {})


async def test_a_person_koldo_keeps_nothing_of_is_told_so(koldo: Harness) -> None:
    person = koldo.person(language_code="ru")
    ru = koldo.t("ru")
    await person.send("/mydata")
    assert person.last_text == ru("mydata-nothing")
    assert person.last.buttons() == [ru("btn-main-menu")]
    await person.press(ru("btn-main-menu"))
    assert person.last_text == ru("main-menu")


async def test_after_erasing_there_is_nothing_to_show(koldo: Harness) -> None:
    done = await family_that_did_everything(koldo, "ky")
    t, family = done.t, done.person
    await family.send("/mydata")
    await family.press(t("menu-erase"))
    assert family.last_text == t("erase-question")
    await family.press(t("btn-erase-confirm"))

    await family.send("/mydata")
    assert family.last_text == t("mydata-nothing")
    await family.press_data(MyDataCb(action=MyDataAction.FILE).pack())
    _, content = the_file(family)
    assert done.needs.code not in content and PHONE not in content
    assert mydata_screens.plain(t("mydata-nothing")) in content


@pytest.mark.parametrize("locale", ["ky", "ru"])
async def test_the_menu_button_shows_it_in_the_familys_language(
    koldo: Harness, locale: str
) -> None:
    t = koldo.t(locale)
    family = koldo.person(language_code="en")
    await agree_and_open_menu(family, t)
    assert t("menu-mydata") in family.last.buttons()
    await family.press(t("menu-mydata"))
    assert family.last_text.startswith(t("mydata-heading"))
    assert (
        t("mydata-account", language=t(f"language-name-{locale}"), consent="", phone="")[:20]
        in family.last_text
    )
    assert t("mydata-footer") in family.last_text
    await family.press(t("btn-main-menu"))
    assert family.last_text == t("main-menu")


async def test_the_we_are_safe_list_and_who_looked_at_a_match_are_shown(koldo: Harness) -> None:
    ru = koldo.t("ru")
    family = koldo.person(language_code="ru")
    await open_safe(family, ru)
    await list_two(family, ru)
    await family.press(ru("btn-safe-done"))
    await family.share_location(*KOK_TASH)
    text = "\n".join(await read_everything(family, ru))
    assert "1. Айгүл Ташиева" in text and ru("safe-age-years", age=34) in text
    assert "2. Бакыт Ташиев" in text
    assert ru("mydata-not-listed") not in text and ru("mydata-seen-nobody") in text

    # Another family searches for her; a coordinator opens the possible match.
    seeker = await seeking_family(koldo, "ky")
    report = await report_missing(koldo, seeker, Details("Айгүл Ташиева", "F", 34))
    [match] = await matches_of(koldo, report.case)
    coordinator = await coordinator_of(koldo)
    await coordinator.press_data(MatchCb(action=MatchAction.OPEN, match=match.id).pack())
    text = "\n".join(await read_everything(family, ru))
    assert ru("mydata-seen", who=ORGANISATION) in text
    assert COORDINATOR_NAME not in text
    assert report.case.code not in text  # nothing of the family searching


async def test_a_question_is_shown_with_who_answered_it(koldo: Harness) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    await agree_and_open_menu(family, en)
    question = await ask(koldo, family, en, "Is the road to Batken closed?", forwarded=True)
    checker = await fact_checker(koldo)
    text = "\n".join(await read_everything(family, en))
    assert en("mydata-questions", count=1) in text
    assert "Is the road to Batken closed?" in text
    assert question.code in text and en("rumour-status-checking") in text
    assert FACT_CHECKERS not in text

    await answer(
        koldo, checker, question.code, Verdict.FALSE, {"ky": "Жол ачык.", "en": "It is open."}
    )
    text = "\n".join(await read_everything(family, en))
    assert en("rumour-status-answered") in text
    assert en("mydata-seen", who=FACT_CHECKERS) in text


async def test_a_long_history_is_paged_and_every_page_fits_a_message(koldo: Harness) -> None:
    ru = koldo.t("ru")
    family = koldo.person(language_code="ru")
    await agree_and_open_menu(family, ru)
    long_details = "Нужна помощь. " * 80  # about 1,100 characters: the screen shows a preview
    async with koldo.session() as session:
        made = [
            Case(
                code=f"T{n:05d}",
                kind=CaseKind.NEEDS,
                user_id=family.user.id,
                language="ru",
                needs=["food_water"],
                priority=Priority.HIGH,
                district=BATKEN,
                details=long_details,
            )
            for n in range(14)
        ]
        session.add_all(made)
        await session.commit()

    pages = await read_everything(family, ru)
    assert len(pages) > 1
    assert all(len(page) <= 4096 for page in pages)
    for number, page in enumerate(pages, 1):
        assert ru("mydata-page", page=number, pages=len(pages)) in page
    text = "\n".join(pages)
    assert all(text.count(case.code) == 1 for case in made)
    # Back a page, and a forged page beyond the last shows the last.
    await family.press(ru("btn-page-previous"))
    assert family.last_text == pages[-2]
    await family.press_data(MyDataCb(action=MyDataAction.PAGE, page=500).pack())
    assert family.last_text == pages[-1]
    # The file holds every case whole, on no pages.
    await family.press(ru("btn-mydata-file"))
    _, content = the_file(family)
    assert all(case.code in content for case in made)
    assert content.count(long_details.strip()) == len(made)
    assert ru("mydata-page", page=1, pages=len(pages)) not in content


def test_a_block_longer_than_a_page_is_cut_between_its_lines() -> None:
    lines = [f"line {n} " + "x" * 90 for n in range(100)]
    pages = mydata_screens.pages(["head", "\n".join(lines), "foot"], limit=1000)
    assert all(len(page) <= 1000 for page in pages)
    joined = "\n".join(pages)
    assert all(line in joined for line in lines)
    assert pages[0].startswith("head") and pages[-1].endswith("foot")


async def test_a_coordinator_sees_what_koldo_keeps_of_them_as_staff(koldo: Harness) -> None:
    ru = koldo.t("ru")
    coordinator = await coordinator_of(koldo)
    await coordinator.send("/menu")
    assert ru("menu-mydata") in coordinator.last.buttons()  # staff menus have it too
    text = "\n".join(await read_everything(coordinator, ru, ru("menu-mydata")))
    assert ru("mydata-role-coordinator") in text and ORGANISATION in text
    assert COORDINATOR_NAME in text  # their own name, as Telegram gives it, to themselves
    assert ru("mydata-nothing") not in text
