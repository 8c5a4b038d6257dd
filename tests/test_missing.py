"""Report a missing relative: the whole report, each bad input, nothing entered ever lost, the
case and the person sought in the index, and the family's "they are found"."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.callbacks import CaseAction, MyCaseAction, MyCaseCb
from bot.i18n import Localization, Translator
from bot.keyboards.missing import EDITABLE_STEPS
from bot.services import roles
from bot.services.codes import ALPHABET, CODE_LENGTH
from bot.services.missing import (
    Age,
    DateProblem,
    MissingDraft,
    Sex,
    missing_priority,
    parse_age,
    parse_seen_date,
    report_missing,
    today,
)
from bot.services.needs import Vulnerability
from bot.services.person_index import index_keys
from storage.models import (
    Alert,
    Attachment,
    AttachmentKind,
    Case,
    CaseKind,
    CaseStatus,
    Person,
    PersonSource,
    Priority,
    Role,
)
from storage.repositories import audit, people, users
from storage.repositories.people import person_keys
from tests.conftest import Harness
from tests.support.cases import BATKEN, case_data, deliver_alerts, staff_member
from tests.support.forms import hinted
from tests.support.journeys import KOK_TASH, agree_and_open_menu, send_anything, walk_back
from tests.support.people import Person as Family
from tests.support.shelters import make_staff

CODE = re.compile(rf"<b>([{ALPHABET}]{{{CODE_LENGTH}}})</b>")
REPORTER = "Айгүл"  # the family's Telegram first name in the harness


async def open_report(family: Family, t: Translator) -> None:
    await agree_and_open_menu(family, t)
    await start_report(family, t)


async def start_report(family: Family, t: Translator) -> None:
    """From the main menu: the intro, then the first step."""
    await family.press(t("menu-missing"))
    await family.press(t("btn-missing-report"))


async def fill_report(
    family: Family,
    t: Translator,
    name: str = "Айбек Жумабаев",
    age: str = "45",
    *,
    at_menu: bool = False,
) -> None:
    """Everything answered: a son of 45 last seen yesterday at Kok-Tash, a photo, a few words,
    the reporter's own first name and phone: the summary. From /start, or from the main menu
    (`at_menu`)."""
    await (start_report(family, t) if at_menu else open_report(family, t))
    await family.send(name)
    await family.press(t("missing-sex-male"))
    await family.send(age)
    await family.press(t("relation-son"))
    await family.share_location(*KOK_TASH)
    await family.press(t("btn-missing-seen-yesterday"))
    await family.press(t("btn-missing-none-of-these"))
    await family.send_photo()
    await family.press(t("btn-continue"))
    await family.send("Көк куртка кийген.")
    await family.press(t("btn-continue"))
    await family.tap(REPORTER)
    await family.share_contact("+996555123456")


def summary_start(t: Translator) -> str:
    # The summary's placeholders are named as its edit buttons.
    return t("missing-summary", **dict.fromkeys(EDITABLE_STEPS, ""))[:20]


async def all_cases(koldo: Harness) -> list[Case]:
    async with koldo.session() as session:
        return list(await session.scalars(select(Case).order_by(Case.id)))


async def all_people(koldo: Harness) -> list[Person]:
    async with koldo.session() as session:
        return list(await session.scalars(select(Person).order_by(Person.id)))


def _village(koldo: Harness, code: str, locale: str) -> str:
    found = koldo.resources.geography.village(code)
    assert found is not None
    return found[1].name(locale)


def _area(koldo: Harness, code: str, locale: str) -> str:
    area = koldo.resources.geography.area(code)
    assert area is not None
    return area.name(locale)


# --- the whole report -----------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["ky", "ru"])
async def test_a_family_reports_a_missing_son_and_gets_a_code(koldo: Harness, locale: str) -> None:
    t = koldo.t(locale)
    family = koldo.person(language_code=locale)
    coordinator = await staff_member(koldo, [BATKEN], "en")
    await agree_and_open_menu(family, t)
    await family.press(t("menu-missing"))
    assert family.last_text == t("missing-intro")

    await family.press(t("btn-main-menu"))
    assert family.last_text == t("main-menu")
    await fill_report(family, t, at_menu=True)

    summary = family.last_text
    assert summary.startswith(summary_start(t))
    yesterday = (today() - timedelta(days=1)).strftime("%d.%m.%Y")
    for shown in (
        "Айбек Жумабаев",
        t("missing-sex-male"),
        t("missing-age-exact", age=45),
        t("relation-son"),
        _village(koldo, "kok-tash", locale),
        yesterday,
        t("missing-photos-count", count=1),
        "Көк куртка кийген.",
        REPORTER,
        "+996555123456",
    ):
        assert shown in summary, shown

    await family.press(t("btn-missing-send"))
    code = CODE.search(family.last_text)
    assert code, family.last_text
    assert family.last_text == t("missing-sent", code=code[1])
    assert t("btn-missing-another") in family.last.buttons()

    [case] = await all_cases(koldo)
    assert case.code == code[1]
    assert case.kind == CaseKind.MISSING
    assert case.needs == ["missing"]
    assert case.priority == Priority.HIGH
    assert (case.district, case.village) == (BATKEN, "kok-tash")
    assert (case.latitude, case.longitude) == KOK_TASH
    assert case.phone == "+996555123456"
    assert case.details == "Көк куртка кийген."
    assert case.language == locale
    async with koldo.session() as session:
        kinds = [a.kind for a in await session.scalars(select(Attachment).order_by(Attachment.id))]
        assert [e.subject for e in await audit.entries(session, "case.created")] == [case.code]
        assert len((await session.scalars(select(Alert))).all()) == 1
    assert kinds == [AttachmentKind.PHOTO]

    [person] = await all_people(koldo)
    assert person.source == PersonSource.MISSING and person.case_id == case.id
    assert (person.full_name, person.sex, person.age) == ("Айбек Жумабаев", "M", 45)
    assert person.settlement == _village(koldo, "kok-tash", "ky")
    assert person.phone is None  # the reporter's phone is not the son's
    assert person.relation == "son"
    assert person.last_seen_on == today() - timedelta(days=1)
    assert person.reported_by == REPORTER
    async with koldo.session() as session:
        keys = await people.keys_of(session, person.id)
    assert keys and keys == person_keys(person, index_keys)

    # Coordinators of the district hear of it, like of any new case.
    await deliver_alerts(koldo)
    en = koldo.t("en")
    assert coordinator.last_text == en("alert-new-cases", count=1, codes=case.code)


async def test_an_approximate_age_unknown_sex_and_day_and_a_village_from_the_list(
    koldo: Harness,
) -> None:
    t = koldo.t("ru")
    family = koldo.person()
    await open_report(family, t)
    await family.send("  Зарина   Касымова ")
    await family.press(t("missing-sex-unknown"))
    await family.send("около 30")
    await family.press(t("relation-sister"))
    await family.tap(t("btn-choose-district"))
    await family.press(_area(koldo, "leilek-district", "ru"))
    await family.press(_village(koldo, "arka", "ru"))
    assert family.last_text == t("missing-seen")
    await family.press(t("btn-missing-seen-unknown"))
    vuln = t("toggle", on="no", label=t("vuln-chronic_illness"))
    await family.press(vuln)
    await family.press(t("btn-continue"))
    await family.press(t("btn-skip"))  # no photo
    await family.press(t("btn-skip"))  # no description
    await family.send("Гульнара")
    await family.tap(t("btn-skip"))

    summary = family.last_text
    assert t("missing-age-about", age=30) in summary
    assert t("missing-seen-not-known") in summary
    assert t("vuln-chronic_illness") in summary
    await family.press(t("btn-missing-send"))
    [case] = await all_cases(koldo)
    assert case.priority == Priority.URGENT  # ill and needs medicine
    assert (case.district, case.village, case.latitude) == ("leilek-district", "arka", None)
    assert case.phone is None and case.details is None
    [person] = await all_people(koldo)
    assert (person.full_name, person.sex, person.age) == ("Зарина Касымова", None, 30)
    assert person.last_seen_on is None and person.reported_by == "Гульнара"
    assert person.settlement == _village(koldo, "arka", "ky")


# --- bad input: a hint, then the step again, nothing lost -------------------------------------


@pytest.mark.parametrize("bad_input", ["sticker", "x" * 5000, "12345", "   ", "photo"])
async def test_the_name_refuses_what_is_not_a_name(koldo: Harness, bad_input: str) -> None:
    t = koldo.t("ky")
    family = koldo.person()
    await open_report(family, t)
    await send_anything(family, bad_input)

    hint = "missing-name-too-long" if len(bad_input) > 100 else "missing-name-hint"
    assert hinted(family, t(hint, max=100), t("missing-name", max=100))
    await family.send("Jumabaev Aibek")
    assert family.last_text == t("missing-sex")


@pytest.mark.parametrize("bad_input", ["сорок", "130", "-", "40 50", "sticker"])
async def test_the_age_refuses_words_and_impossible_ages(koldo: Harness, bad_input: str) -> None:
    t = koldo.t("ru")
    family = koldo.person()
    await open_report(family, t)
    await family.send("Айбек")
    await family.press(t("missing-sex-male"))
    await send_anything(family, bad_input)

    assert hinted(family, t("missing-age-hint", max=120), t("missing-age", max=120))
    await family.press(t("btn-missing-age-unknown"))
    assert family.last_text == t("missing-relation")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("45", Age(45)),
        ("0", Age(0)),
        ("120", Age(120)),
        ("45 лет", Age(45)),
        ("45 жашта", Age(45)),
        ("~45", Age(45, True)),
        ("45?", Age(45, True)),
        ("около 45", Age(45, True)),
        ("Болжол 45", Age(45, True)),
        ("болжол менен 45 жашта", Age(45, True)),
        ("about 45", Age(45, True)),
        ("примерно 45 лет", Age(45, True)),
        ("сорок", None),
        ("130", None),
        ("45 50", None),
        ("45.5", None),
        ("", None),
        ("9" * 500, None),
        ("Айбек 45", None),
    ],
)
def test_a_typed_age_is_exact_or_about(
    koldo_words: tuple[frozenset[str], ...], typed: str, expected: Age | None
) -> None:
    about, years = koldo_words
    assert parse_age(typed, about, years) == expected


@pytest.fixture(scope="module")
def koldo_words() -> tuple[frozenset[str], ...]:
    from handlers.missing import _words

    localization = Localization()
    return (
        _words(localization, "missing-age-about-words"),
        _words(localization, "missing-age-year-words"),
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("03.05", date(2026, 5, 3)),
        ("3.5.2026", date(2026, 5, 3)),
        ("03/05/26", date(2026, 5, 3)),
        ("10.05", date(2026, 5, 10)),  # today
        ("28.12", date(2025, 12, 28)),  # no year, not yet this year: last December
        ("11.05.2026", DateProblem.FUTURE),
        ("01.01.2099", DateProblem.FUTURE),
        ("09.05.2021", DateProblem.TOO_OLD),
        ("10.05.2021", date(2021, 5, 10)),
        ("31.02", DateProblem.INVALID),
        ("вчера", DateProblem.INVALID),
        ("2026-05-03", DateProblem.INVALID),
    ],
)
def test_a_typed_day_is_read_as_day_and_month(typed: str, expected: date | DateProblem) -> None:
    assert parse_seen_date(typed, date(2026, 5, 10)) == expected


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("01.01.2099", "missing-seen-future"),
        ("01.01.2001", "missing-seen-too-old"),
        ("someday", "missing-seen-invalid"),
    ],
)
async def test_a_future_or_far_past_day_is_refused(koldo: Harness, typed: str, hint: str) -> None:
    t = koldo.t("en")
    family = koldo.person()
    await reach_seen_step(family, t)
    await family.press(t("btn-missing-seen-date"))
    assert family.last_text == t("missing-seen-type", years=5)

    await family.send(typed)
    assert hinted(family, t(hint, years=5), t("missing-seen-type", years=5))
    day = today() - timedelta(days=3)
    await family.send(day.strftime("%d.%m.%Y"))
    assert family.last_text == t("missing-vulnerable")
    await finish_plainly(family, t)
    assert day.strftime("%d.%m.%Y") in family.last_text


async def who(family: Family, t: Translator, name: str, sex: str, age: str, relation: str) -> None:
    """From the name step: name, sex, age and relation (message ids of the buttons)."""
    await family.send(name)
    await family.press(t(sex))
    await family.send(age)
    await family.press(t(relation))


async def reach_seen_step(family: Family, t: Translator) -> None:
    await open_report(family, t)
    await who(family, t, "Aibek Jumabaev", "missing-sex-male", "40", "relation-husband")
    await family.share_location(*KOK_TASH)
    assert family.last_text == t("missing-seen")


async def reach_photos_step(family: Family, t: Translator) -> None:
    """Through the form to its photos: last seen today, no special care."""
    await reach_seen_step(family, t)
    await family.press(t("btn-missing-seen-today"))
    await family.press(t("btn-missing-none-of-these"))


async def reach_reporter_step(family: Family, t: Translator) -> None:
    await reach_photos_step(family, t)
    await family.press(t("btn-skip"))
    await family.press(t("btn-skip"))


async def finish_plainly(family: Family, t: Translator) -> None:
    """From the vulnerability step: none, no photo, no words, own name, no phone: summary."""
    await family.press(t("btn-missing-none-of-these"))
    await family.press(t("btn-skip"))
    await family.press(t("btn-skip"))
    await family.tap(REPORTER)
    await family.tap(t("btn-skip"))


async def seen_today_and_finish(family: Family, t: Translator) -> None:
    """From the place: last seen today, then `finish_plainly`."""
    await family.press(t("btn-missing-seen-today"))
    await finish_plainly(family, t)


async def test_a_neighbours_contact_card_is_not_the_reporters_phone(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = koldo.person()
    await reach_reporter_step(family, t)
    await family.send("Айгүл")

    await family.share_contact("+996700000001", user_id=777)
    assert hinted(family, t("needs-phone-not-own"), t("missing-phone"))
    await family.send("+996 555 12 34 56")
    assert hinted(family, t("needs-phone-hint"), t("missing-phone"))
    await family.share_contact("+996555000111")
    assert family.last_text.startswith(summary_start(t))
    assert "+996555000111" in family.last_text and "+996700000001" not in family.last_text


async def test_a_location_in_the_ocean_asks_for_the_district(koldo: Harness) -> None:
    t = koldo.t("ru")
    family = koldo.person()
    await open_report(family, t)
    await who(family, t, "Айбек", "missing-sex-male", "40", "relation-brother")

    await family.share_location(0.0, 0.0)

    assert t("needs-location-far") in family.texts()
    assert family.last_text == t("missing-district")
    await family.press(_area(koldo, BATKEN, "ru"))
    await family.press(t("btn-missing-village-not-listed"))
    await family.press(t("btn-skip"))  # no name for the village either
    assert family.last_text == t("missing-seen")
    await seen_today_and_finish(family, t)
    assert _area(koldo, BATKEN, "ru") in family.last_text
    assert "Айбек" in family.last_text  # the name is kept


async def test_photos_are_three_at_most_and_a_file_gets_a_hint(koldo: Harness) -> None:
    t = koldo.t("en")
    family = koldo.person()
    await reach_photos_step(family, t)
    assert family.last_text == t("missing-photos", max=3)

    await family.send_document()
    assert hinted(family, t("missing-photos-hint-skip"), t("missing-photos", max=3))
    for _ in range(3):
        await family.send_photo()
    assert family.last_text == t("missing-photo-added", max=3)
    await family.send_photo()
    assert hinted(family, t("missing-photos-too-many", max=3), t("missing-photo-added", max=3))
    await family.press(t("btn-continue"))
    await family.send("Blue jacket.")
    await family.send("x" * 2000)
    assert family.last_text == t("needs-text-cut", max=1000, kept=1000 - 13)
    await family.send("With his cousin.")
    assert family.last_text == t("needs-text-full", max=1000)  # nothing more fits
    await family.press(t("btn-continue"))
    await family.tap(REPORTER)
    await family.tap(t("btn-skip"))
    assert t("missing-photos-count", count=3) in family.last_text
    await family.press(t("btn-missing-send"))
    [case] = await all_cases(koldo)
    assert case.details == "Blue jacket.\n" + "x" * 987
    async with koldo.session() as session:
        assert len((await session.scalars(select(Attachment))).all()) == 3


async def test_the_reporters_name_is_typed_or_tapped_and_checked(koldo: Harness) -> None:
    t = koldo.t("ru")
    family = koldo.person()
    await reach_reporter_step(family, t)
    assert family.last_text == t("missing-reporter", max=50)
    assert REPORTER in family.reply_buttons()

    await family.send("Г" * 51)
    step = t("missing-reporter", max=50)
    assert hinted(family, t("missing-reporter-too-long", max=50), step)
    await family.send_sticker()
    assert hinted(family, t("missing-reporter-hint"), step)
    await family.send("Бабушка Гуля")
    assert t("missing-reporter-saved", name="Бабушка Гуля") in family.texts()
    assert family.last_text == t("missing-phone")


# --- Back, edit, leaving, language: nothing lost ----------------------------------------------


async def test_back_walks_through_every_step_and_keeps_the_answers(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = koldo.person()
    await fill_report(family, t)
    expected = [
        t("missing-phone"),
        t("missing-reporter", max=50),
        t("missing-description", max=1000),
        t("missing-photos", max=3),
        t("missing-vulnerable"),
        t("missing-seen"),
        t("missing-location"),
        t("missing-relation"),
        t("missing-age", max=120),
        t("missing-sex"),
        t("missing-name", max=100),
        t("missing-leave-question"),
    ]
    assert await walk_back(family, t, len(expected)) == expected

    await family.press(t("btn-missing-resume"))
    summary = family.last_text
    assert summary.startswith(summary_start(t))
    for kept in ("Айбек Жумабаев", t("missing-age-exact", age=45), REPORTER, "+996555123456"):
        assert kept in summary


@pytest.mark.parametrize(
    ("button", "step", "answer", "shown"),
    [
        ("btn-edit-name", "missing-name", "Jumabaev Aibek", "Jumabaev Aibek"),
        ("btn-edit-age", "missing-age", "~50", "missing-age-about"),
        ("btn-edit-relation", "missing-relation", "relation-father", "relation-father"),
        ("btn-edit-seen", "missing-seen", "btn-missing-seen-today", "today"),
        ("btn-edit-reporter", "missing-reporter", "Мама", "Мама"),
    ],
)
async def test_an_answer_can_be_changed_from_the_summary(
    koldo: Harness, button: str, step: str, answer: str, shown: str
) -> None:
    t = koldo.t("ru")
    family = koldo.person()
    await fill_report(family, t)

    await family.press(t(button))
    assert family.last_text == t(step, max={"missing-name": 100, "missing-age": 120}.get(step, 50))
    if answer.startswith(("relation-", "btn-")):
        await family.press(t(answer))
    else:
        await family.send(answer)

    summary = family.last_text
    assert summary.startswith(summary_start(t))
    expected = {
        "missing-age-about": t("missing-age-about", age=50),
        "relation-father": t("relation-father"),
        "today": today().strftime("%d.%m.%Y"),
    }.get(shown, shown)
    assert expected in summary
    for kept in ("+996555123456", "Көк куртка кийген.", t("missing-sex-male")):
        assert kept in summary


async def test_leaving_with_menu_or_start_asks_and_keeps_the_draft(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = koldo.person()
    await open_report(family, t)
    await family.send("Айбек")
    await family.press(t("missing-sex-female"))

    await family.send("/menu")
    assert family.last_text == t("missing-leave-question")
    await family.press(t("btn-missing-resume"))
    assert family.last_text == t("missing-age", max=120)

    await family.send("/start")
    assert family.last_text == t("missing-leave-question")
    await family.press(t("btn-missing-resume"))
    await family.send("33")
    await family.press(t("relation-wife"))
    await family.share_location(*KOK_TASH)
    await seen_today_and_finish(family, t)
    assert "Айбек" in family.last_text and t("missing-sex-female") in family.last_text

    await family.send("/menu")
    await family.press(t("btn-form-discard"))
    assert family.last_text == t("main-menu")
    await family.press(t("menu-missing"))
    await family.press(t("btn-missing-report"))
    assert family.last_text == t("missing-name", max=100)  # a fresh report
    assert await all_cases(koldo) == []


async def test_switching_language_midway_keeps_the_answers(koldo: Harness) -> None:
    ky, ru = koldo.t("ky"), koldo.t("ru")
    family = koldo.person()
    await open_report(family, ky)
    await family.send("Айбек")
    await family.press(ky("missing-sex-male"))
    await family.send("болжол 45")

    await family.send("/language")
    await family.press("Русский")

    assert family.last_text == ru("missing-relation")
    await family.press(ru("relation-son"))
    await family.share_location(*KOK_TASH)
    await seen_today_and_finish(family, ru)
    assert ru("missing-age-about", age=45) in family.last_text


# --- one press of Send, one case; priority ------------------------------------------------------


async def test_send_pressed_twice_makes_one_case_and_one_person(koldo: Harness) -> None:
    t = koldo.t("en")
    family = koldo.person()
    await fill_report(family, t)
    lagging_summary = dataclasses.replace(family.last)
    await family.press(t("btn-missing-send"))
    await family.press(t("btn-missing-send"), in_message=lagging_summary)

    assert family.view.alerts[-1] == t("button-expired")
    assert len(await all_cases(koldo)) == 1
    assert len(await all_people(koldo)) == 1


async def test_the_same_draft_sent_again_returns_its_case_and_adds_nobody(koldo: Harness) -> None:
    family = koldo.person()
    await open_report(family, koldo.t("en"))
    draft = MissingDraft(
        full_name="Aibek",
        sex=Sex.MALE,
        age_unknown=True,
        relation="son",
        district=BATKEN,
        seen_unknown=True,
        reported_by="Aigul",
        phone_skipped=True,
    )
    async with koldo.session() as session:
        user = await users.get(session, family.user.id)
        assert user is not None
        first = await report_missing(session, user, draft, "en")
        again = await report_missing(session, user, draft, "en")
    assert first.code == again.code
    assert len(await all_cases(koldo)) == 1
    [person] = await all_people(koldo)
    assert person.age is None and person.settlement is None


@pytest.mark.parametrize(
    ("age", "vulnerabilities", "expected"),
    [
        (12, [], Priority.URGENT),
        (17, [], Priority.URGENT),
        (18, [], Priority.HIGH),
        (59, [], Priority.HIGH),
        (60, [], Priority.URGENT),
        (None, [], Priority.HIGH),
        (40, [Vulnerability.DISABLED], Priority.URGENT),
        (None, [Vulnerability.CHRONIC_ILLNESS], Priority.URGENT),
    ],
)
def test_missing_priority(
    age: int | None, vulnerabilities: list[Vulnerability], expected: Priority
) -> None:
    assert missing_priority(age, vulnerabilities) == expected


async def test_a_missing_child_is_urgent_and_an_adult_high(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = koldo.person()
    await fill_report(family, t, name="Нурбек", age="~9")
    await family.press(t("btn-missing-send"))
    await family.press(t("btn-missing-another"))
    assert family.last_text == t("missing-name", max=100)
    await who(family, t, "Асан", "missing-sex-male", "35", "relation-brother")
    await family.share_location(*KOK_TASH)
    await seen_today_and_finish(family, t)
    await family.press(t("btn-missing-send"))

    child, adult = await all_cases(koldo)
    assert (child.priority, adult.priority) == (Priority.URGENT, Priority.HIGH)


# --- My requests: both reports, "they are found" -------------------------------------------------


async def two_reports(koldo: Harness, family: Family, t: Translator) -> list[Case]:
    await fill_report(family, t, name="Айбек")
    await family.press(t("btn-missing-send"))
    await family.press(t("btn-missing-another"))
    await who(family, t, "Айжан", "missing-sex-female", "8", "relation-daughter")
    await family.share_location(*KOK_TASH)
    await seen_today_and_finish(family, t)
    await family.press(t("btn-missing-send"))
    return await all_cases(koldo)


async def test_two_reports_of_one_family_are_two_cases_in_my_requests(koldo: Harness) -> None:
    t = koldo.t("ru")
    family = koldo.person()
    first, second = await two_reports(koldo, family, t)
    assert first.code != second.code
    assert [p.full_name for p in await all_people(koldo)] == ["Айбек", "Айжан"]

    await family.press(t("btn-main-menu"))
    await family.press(t("menu-cases"))
    status = t("family-status-new")
    labels = [t("btn-my-missing-case", code=c.code, status=status) for c in (first, second)]
    assert set(labels) <= set(family.last.buttons())

    await family.press(labels[1])
    date_shown = second.created_at.strftime("%d.%m.%Y")
    assert family.last_text == t(
        "my-case-missing", code=second.code, status=status, name="Айжан", date=date_shown
    )
    assert t("btn-my-case-found") in family.last.buttons()


async def test_they_are_found_closes_the_report_and_tells_the_coordinator(
    koldo: Harness,
) -> None:
    t, en = koldo.t("ky"), koldo.t("en")
    family = koldo.person(language_code="ky")
    first, second = await two_reports(koldo, family, t)
    coordinator = await staff_member(koldo, [BATKEN], "en")
    await coordinator.press_data(case_data(CaseAction.CLAIM, second.id))

    await family.send("/menu")
    await family.press(t("menu-cases"))
    await family.press(
        t("btn-my-missing-case", code=second.code, status=t("family-status-in_progress"))
    )
    await family.press(t("btn-my-case-found"))
    assert family.last_text == t("missing-found-question", name="Айжан")
    await family.press(t("btn-missing-found-no"))
    assert t("btn-my-case-found") in family.last.buttons()  # nothing closed yet
    await family.press(t("btn-my-case-found"))
    await family.press(t("btn-missing-found-yes"))

    assert family.last_text == t("missing-found-thanks", code=second.code)
    assert coordinator.last_text == en("missing-found-staff", code=second.code)
    closed, still_open = {c.id: c for c in await all_cases(koldo)}[second.id], first
    assert (closed.status, closed.outcome) == (CaseStatus.RESOLVED, "found_by_family")
    assert closed.resolved_at is not None
    assert [c.status for c in await all_cases(koldo) if c.id == still_open.id] == [CaseStatus.NEW]
    async with koldo.session() as session:
        entries = [
            e for e in await audit.entries(session, "case.status") if e.subject == second.code
        ]
    assert [e.details for e in entries] == [{"status": "resolved", "outcome": "found_by_family"}]

    await family.press(t("btn-my-cases"))
    found = t("family-status-resolved-found_by_family")
    await family.press(t("btn-my-missing-case", code=second.code, status=found))
    assert t("btn-my-case-found") not in family.last.buttons()


async def test_a_forged_found_button_for_another_familys_case_changes_nothing(
    koldo: Harness,
) -> None:
    t = koldo.t("en")
    family = koldo.person()
    await fill_report(family, t)
    await family.press(t("btn-missing-send"))
    [case] = await all_cases(koldo)
    stranger = koldo.person()
    await agree_and_open_menu(stranger, t)

    for action in (MyCaseAction.FOUND, MyCaseAction.FOUND_YES):
        await stranger.press_data(MyCaseCb(action=action, case=case.id).pack())
        assert stranger.view.alerts[-1] == t("button-expired")

    [unchanged] = await all_cases(koldo)
    assert (unchanged.status, unchanged.outcome) == (CaseStatus.NEW, None)
    assert "Айбек" not in " ".join(stranger.texts())


async def test_a_needs_case_has_no_found_button(koldo: Harness) -> None:
    from tests.support.cases import registered_case

    t = koldo.t("ky")
    family = koldo.person()
    case = await registered_case(koldo, family, "ky")
    await family.press_data(MyCaseCb(action=MyCaseAction.FOUND_YES, case=case.id).pack())
    assert family.view.alerts[-1] == t("button-expired")
    assert (await all_cases(koldo))[0].status == CaseStatus.NEW


# --- staff -------------------------------------------------------------------------------------


async def test_missing_is_a_kind_of_need_a_coordinator_can_be_granted(koldo: Harness) -> None:
    geography = koldo.resources.geography
    assert roles.grant_problem(Role.COORDINATOR, [BATKEN], ["missing"], geography) is None
    assert roles.grant_problem(Role.COORDINATOR, [BATKEN], ["lost"], geography) == "roles-bad-need"

    t = koldo.t("ru")
    family = koldo.person()
    await fill_report(family, t)
    await family.press(t("btn-missing-send"))
    searcher = koldo.person(language_code="en")
    await make_staff(koldo, searcher.user.id, Role.COORDINATOR, [BATKEN], "en")
    async with koldo.session() as session:
        user = await users.get(session, searcher.user.id)
        assert user is not None
        user.need_kinds = ["medical"]
        await session.commit()
    await searcher.send("/queue")
    [case] = await all_cases(koldo)
    assert case.code not in " ".join(searcher.last.buttons())
    async with koldo.session() as session:
        user = await users.get(session, searcher.user.id)
        assert user is not None
        user.need_kinds = ["missing"]
        await session.commit()
    await searcher.send("/queue")
    assert case.code in " ".join(searcher.last.buttons())
    await searcher.press(searcher.last.buttons()[0])
    # The card says whom the family is looking for, as it described them.
    en, card = koldo.t("en"), searcher.last_text
    assert "Айбек Жумабаев" in card and en("reunion-relation-son") in card
    assert en("reunion-age", age=45) in card and "Көк куртка кийген." in card
    assert REPORTER in card
    assert en("people-count", count=0) not in card  # not a household of nobody
