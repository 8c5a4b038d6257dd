"""The retention period: what a family gave Koldo goes by itself once it no longer helps, by the
same erasure as /erase; open and recent cases are never touched; drafts expire too."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from datetime import datetime, timedelta

import pytest
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import func, select

from bot.callbacks import CaseAction, MenuCb, MenuItem, MyCaseAction, MyCaseCb
from bot.cli import retention as retention_cli
from bot.screens import consent_text
from bot.services import housekeeping, retention
from storage.fsm import ExpiringMemoryStorage, ExpiringRedisStorage
from storage.models import (
    Attachment,
    Case,
    CaseMessage,
    CaseStatus,
    Household,
    HouseholdMember,
    Person,
    PersonMatch,
    User,
    Verdict,
    utcnow,
)
from storage.repositories import audit, jobs, people
from tests.conftest import Harness
from tests.support.cases import BATKEN, case_data, registered_case, staff_member
from tests.support.fake_telegram import Shown
from tests.support.journeys import KOK_TASH, LANGUAGE_BUTTONS, open_needs_form
from tests.support.missing import (
    Details,
    family,
    import_list,
    list_as_safe,
    listed,
    matches_of,
    report_missing,
)
from tests.support.people import Person as Talker
from tests.test_cli import koldo_here
from tests.test_rumours import POST, SIMILAR, answer, ask, fact_checker, family_of

DAY = timedelta(days=1)
MYRZABEK = Details("Жумабаев Мырзабек", sex="M", age=44, settlement="Көк-Таш")
LIST = "Batken shelter list 2025-05-03"


async def helped_and_closed(koldo: Harness, family: Talker, coordinator: Talker) -> Case:
    """A family asks for help; a coordinator claims it and writes; the family answers with
    words and a photo; the coordinator closes it as helped."""
    ky, en = koldo.t("ky"), koldo.t("en")
    case = await registered_case(koldo, family, "ky")
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    await coordinator.send("Салам! Эртең келебиз.")
    await family.press(ky("btn-my-case-answer"))
    await family.send("Рахмат! Биз мектептебиз.")
    await family.send_photo(caption="Балдар")
    await family.press(ky("btn-my-case-done"))
    await coordinator.press_data(case_data(CaseAction.OPEN, case.id))
    await coordinator.press(en("btn-case-resolve"))
    await coordinator.press(en("outcome-helped"))
    return case


async def backdate(koldo: Harness, case: Case, **days_ago: int) -> None:
    """As if time had passed: `resolved_at=91` means resolved 91 days ago."""
    async with koldo.session() as session:
        stored = await session.get(Case, case.id)
        assert stored is not None
        for name, days in days_ago.items():
            setattr(stored, name, utcnow() - days * DAY)
        await session.commit()


async def stored_case(koldo: Harness, case: Case) -> Case:
    async with koldo.session() as session:
        found = await session.get(Case, case.id)
        assert found is not None
        return found


async def count(koldo: Harness, model: type, *where: object) -> int:
    async with koldo.session() as session:
        query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
        return int(await session.scalar(query) or 0)


async def run_retention(koldo: Harness, *, dry_run: bool = False) -> retention.RetentionReport:
    async with koldo.session() as session:
        return await retention.run(session, koldo.resources.settings, utcnow(), dry_run=dry_run)


# --- cases: exactly what is due, and nothing of open or recent ones ---------------------------


async def test_a_request_closed_91_days_ago_keeps_only_its_counts_and_recent_ones_stay(
    koldo: Harness,
) -> None:
    en, ky = koldo.t("en"), koldo.t("ky")
    coordinator = await staff_member(koldo, [BATKEN])
    old_family, recent_family, waiting_family = koldo.person(), koldo.person(), koldo.person()
    old = await helped_and_closed(koldo, old_family, coordinator)
    recent = await helped_and_closed(koldo, recent_family, coordinator)
    waiting = await registered_case(koldo, waiting_family, "ky")  # open, never claimed
    await backdate(koldo, old, resolved_at=91)
    await backdate(koldo, recent, resolved_at=89)
    await backdate(koldo, waiting, created_at=200)
    before = await stored_case(koldo, old)

    report = await run_retention(koldo)

    assert report.cases == [old.code] and report.missing == []
    erased = await stored_case(koldo, old)
    assert (erased.user_id, erased.phone, erased.details, erased.village) == (None,) * 4
    assert (erased.latitude, erased.longitude, erased.household_id) == (
        None,
        None,
        before.household_id,
    )
    assert erased.erased_at is not None
    # The anonymous counts stay, as they were.
    kept = ("kind", "needs", "vulnerabilities", "household_size", "district", "priority")
    assert [getattr(erased, f) for f in kept] == [getattr(before, f) for f in kept]
    assert (erased.status, erased.outcome) == (CaseStatus.RESOLVED, "helped")
    assert (erased.created_at, erased.resolved_at) == (before.created_at, before.resolved_at)
    assert await count(koldo, CaseMessage, CaseMessage.case_id == old.id) == 0
    assert await count(koldo, Attachment, Attachment.case_id == old.id) == 0
    async with koldo.session() as session:
        home = await session.get(Household, before.household_id)
        assert home is not None and (home.user_id, home.village, home.latitude) == (None,) * 3
        assert (home.district, home.size) == (BATKEN, 4)
        # The family stays, without its phone: nothing of theirs is kept that needs it.
        person = await session.get(User, old_family.user.id)
        assert person is not None and person.phone is None and person.language == "ky"
        assert person.consent_at is not None
        assert (await session.get(User, recent_family.user.id)).phone == "+996555123456"  # type: ignore[union-attr]
        # Its trail no longer says whose it was; the recent one's still does.
        trail = await audit.entries(session, "case.created")
        assert [e.actor_id for e in trail if e.subject == old.code] == [None]
        assert [e.actor_id for e in trail if e.subject == recent.code] == [recent_family.user.id]
        [entry] = await audit.entries(session, retention.AUDIT_ACTION)
    assert entry.details["cases"] == [old.code] and entry.actor_id is None
    assert (entry.details["missing_reports"], entry.details["phones"]) == (0, 1)
    assert "+996555123456" not in str(entry.details) and "Рахмат" not in str(entry.details)

    for case in (recent, waiting):
        untouched = await stored_case(koldo, case)
        assert untouched.phone == "+996555123456" and untouched.erased_at is None
        assert untouched.details == "Бала ооруп жатат, дары керек."
    assert await count(koldo, CaseMessage, CaseMessage.case_id == recent.id) > 0
    assert await count(koldo, Attachment, Attachment.case_id == recent.id) == 1

    # What people notice: the family's list no longer holds the old request, the newer one is
    # there; the coordinator's card says why it is empty; the family is still welcome.
    await old_family.press(ky("btn-my-cases"))
    assert old_family.last_text == ky("my-cases-none")
    await recent_family.press(ky("btn-my-cases"))
    assert recent.code in " ".join(recent_family.last.buttons())
    await coordinator.press_data(case_data(CaseAction.OPEN, old.id))
    card = coordinator.last_text
    assert en("case-erased-by-retention", days=91) in card
    assert "+996555123456" not in card and "Бала ооруп" not in card and "Рахмат" not in card
    await old_family.send("/start")
    assert old_family.last_text == ky("main-menu")


async def test_a_request_written_to_again_after_it_was_closed_is_kept(koldo: Harness) -> None:
    ky = koldo.t("ky")
    coordinator = await staff_member(koldo, [BATKEN])
    family_ = koldo.person()
    case = await helped_and_closed(koldo, family_, coordinator)
    await backdate(koldo, case, resolved_at=120)
    await family_.press(ky("btn-my-case-write"))
    await family_.send("Дагы дары керек.")  # it opens again

    report = await run_retention(koldo)

    assert report.nothing
    reopened = await stored_case(koldo, case)
    assert reopened.status != CaseStatus.RESOLVED and reopened.erased_at is None
    assert reopened.phone == "+996555123456"


async def test_a_dry_run_says_what_would_go_and_changes_nothing(koldo: Harness) -> None:
    coordinator = await staff_member(koldo, [BATKEN])
    old = await helped_and_closed(koldo, koldo.person(), coordinator)
    await backdate(koldo, old, resolved_at=100)
    messages = await count(koldo, CaseMessage)

    report = await run_retention(koldo, dry_run=True)

    assert report.cases == [old.code] and report.phones == 1
    untouched = await stored_case(koldo, old)
    assert untouched.phone == "+996555123456" and untouched.erased_at is None
    assert await count(koldo, CaseMessage) == messages
    assert await count(koldo, Attachment) == 1
    async with koldo.session() as session:
        assert await audit.entries(session, retention.AUDIT_ACTION) == []
    assert (await run_retention(koldo)).cases == [old.code]  # a real run does it


async def test_a_household_listed_as_safe_keeps_its_people_after_its_request_is_erased(
    koldo: Harness,
) -> None:
    """The request goes at 90 days; the family's "we are safe" list, on the same household,
    keeps its own period, and with it the phone its "share my phone" answer needs."""
    ky = koldo.t("ky")
    coordinator = await staff_member(koldo, [BATKEN])
    family_ = koldo.person()
    case = await helped_and_closed(koldo, family_, coordinator)
    await family_.press_data(MenuCb(item=MenuItem.SAFE).pack())
    await family_.press(ky("btn-safe-agree"))
    await family_.send("Айгүл Ташиева")
    await family_.press(ky("btn-safe-female"))
    await family_.send("30")
    await family_.press(ky("btn-safe-done"))
    async with koldo.session() as session:
        household_id = (await session.get(Case, case.id)).household_id  # type: ignore[union-attr]
        home = await session.get(Household, household_id)
        assert home is not None and home.listed_at is not None  # the request's household
    await backdate(koldo, case, resolved_at=91)

    report = await run_retention(koldo)

    assert report.cases == [case.code] and report.phones == 0
    async with koldo.session() as session:
        home = await session.get(Household, household_id, populate_existing=True)
        assert home is not None and home.user_id == family_.user.id and home.village
        assert await count(koldo, HouseholdMember, HouseholdMember.household_id == household_id)
        assert (await session.get(User, family_.user.id)).phone == "+996555123456"  # type: ignore[union-attr]
    assert (await stored_case(koldo, case)).phone is None
    await family_.press_data(MenuCb(item=MenuItem.SAFE).pack())
    assert "Айгүл Ташиева" in family_.last_text  # still listed


async def test_a_question_answered_91_days_ago_loses_its_words_and_leaves_its_rumour(
    koldo: Harness,
) -> None:
    """ "Is this true?": what the family wrote or forwarded is theirs, and goes as /erase takes
    it; the other family's question, answered lately, stays with the rumour."""
    checker = await fact_checker(koldo)
    aigul, ky = await family_of(koldo, "ky")
    olga, ru = await family_of(koldo, "ru")
    first = await ask(koldo, aigul, ky, POST, forwarded=True)
    second = await ask(koldo, olga, ru, SIMILAR)
    await answer(koldo, checker, first.code, Verdict.FALSE, {"ky": "Жол ачык.", "ru": "Открыта."})
    await backdate(koldo, first, resolved_at=91)
    await backdate(koldo, second, resolved_at=10)

    report = await run_retention(koldo)

    assert report.cases == [first.code]
    erased, kept = await stored_case(koldo, first), await stored_case(koldo, second)
    assert (erased.user_id, erased.details, erased.rumour_id, erased.forward_key) == (None,) * 4
    assert (erased.outcome, erased.status) == ("false", CaseStatus.RESOLVED)
    assert await count(koldo, CaseMessage, CaseMessage.case_id == first.id) == 0  # its origin
    assert (kept.details, kept.rumour_id) == (SIMILAR, first.rumour_id)
    await aigul.press_data(MyCaseCb(action=MyCaseAction.LIST).pack())
    assert aigul.last_text == ky("my-cases-none")
    await olga.press_data(MyCaseCb(action=MyCaseAction.LIST).pack())
    assert second.code in " ".join(olga.last.buttons())


# --- missing relatives and the person index: their own period --------------------------------


async def test_missing_reports_and_the_person_index_follow_their_own_period(
    koldo: Harness,
) -> None:
    reporter, other, still_searching = await family(koldo), await family(koldo), await family(koldo)
    old_report = await report_missing(koldo, reporter, MYRZABEK)
    newer_report = await report_missing(koldo, other, Details("Токтогулова Айгүл", sex="F"))
    open_report = await report_missing(koldo, still_searching, MYRZABEK)
    await import_list(
        koldo,
        LIST,
        [listed("p1", "DZHUMABAEV MIRZABEK", sex="M", age=44), listed("p3", "Asanova Gulnara")],
    )
    assert len(await matches_of(koldo, open_report.case)) >= 1
    await backdate(koldo, old_report.case, resolved_at=366)
    await backdate(koldo, newer_report.case, resolved_at=200)  # past 90 days: still kept
    async with koldo.session() as session:
        for row in await people.of_list(session, LIST):
            if row.external_id == "p1":
                row.updated_at = utcnow() - 366 * DAY  # no import brought it again
        for case in (old_report.case, newer_report.case):  # "They are found", long ago
            stored = await session.get(Case, case.id)
            assert stored is not None
            stored.status = CaseStatus.RESOLVED
        await session.commit()
    safe_long_ago, safe_lately = await family(koldo, "ru"), await family(koldo, "ru")
    await list_as_safe(koldo, safe_long_ago, [Details("Асанов Бакыт", sex="M", age=60)])
    await list_as_safe(koldo, safe_lately, [Details("Асанова Бүбү", sex="F", age=58)])
    async with koldo.session() as session:
        for home in await session.scalars(select(Household)):
            if home.user_id == safe_long_ago.user.id:
                home.listed_at = utcnow() - 400 * DAY
        await session.commit()

    report = await run_retention(koldo)

    assert report.missing == [old_report.case.code] and report.cases == []
    assert (report.imported_people, report.listings) == (1, 1)
    anonymized = await stored_case(koldo, old_report.case)
    assert anonymized.user_id is None and anonymized.erased_at is not None
    async with koldo.session() as session:
        assert await session.get(Person, old_report.person.id) is None
        assert await session.get(Person, newer_report.person.id) is not None
        assert await session.get(Person, open_report.person.id) is not None
        assert [p.external_id for p in await people.of_list(session, LIST)] == ["p3"]
        names = {p.full_name for p in await session.scalars(select(Person))}
    assert "Асанов Бакыт" not in names and "Асанова Бүбү" in names
    # A possible match goes with either of its people: none is left pointing at nobody.
    assert await matches_of(koldo, old_report.case) == []
    assert await matches_of(koldo, open_report.case) == []  # its candidate p1 is gone
    assert (await stored_case(koldo, open_report.case)).status == CaseStatus.NEW
    someone = select(Person.id)
    dangling = ~PersonMatch.sought_id.in_(someone) | ~PersonMatch.found_id.in_(someone)
    assert await count(koldo, PersonMatch, dangling) == 0

    async with koldo.session() as session:
        homes = {h.user_id: h.listed_at for h in await session.scalars(select(Household))}
    # Withdrawn, and no request of theirs: the household is counts only, linked to nobody.
    assert safe_long_ago.user.id not in homes and homes[safe_lately.user.id] is not None
    # The family listed long ago finds itself no longer listed, and is asked again.
    await safe_long_ago.press_data(MenuCb(item=MenuItem.SAFE).pack())
    assert safe_long_ago.last_text == koldo.t("ru")("safe-consent", days=365)


# --- the job: once an hour, one replica of several ---------------------------------------------


async def test_two_replicas_polling_at_once_run_the_erasure_once(
    koldo: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    coordinator = await staff_member(koldo, [BATKEN])
    old = await helped_and_closed(koldo, koldo.person(), coordinator)
    await backdate(koldo, old, resolved_at=95)
    runs: list[datetime] = []
    real_run = retention.run

    async def counted(*args: object, **kwargs: object) -> retention.RetentionReport:
        runs.append(utcnow())
        return await real_run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(retention, "run", counted)
    resources, now = koldo.resources, utcnow()

    async def poll(at: datetime) -> None:
        await retention.run_if_due(
            resources.session_factory, koldo.bot, resources.localization, resources.settings, at
        )

    await asyncio.gather(poll(now), poll(now))
    assert len(runs) == 1
    await poll(now + timedelta(minutes=20))  # the next poll, within the hour
    assert len(runs) == 1
    await poll(now + timedelta(hours=1, minutes=1))
    assert len(runs) == 2
    assert (await stored_case(koldo, old)).erased_at is not None
    async with koldo.session() as session:
        assert len(await audit.entries(session, retention.AUDIT_ACTION)) == 1
        assert await jobs.last_run(session, retention.JOB) == now + timedelta(hours=1, minutes=1)


async def test_the_bot_erases_what_is_due_by_itself_and_stops_when_asked(koldo: Harness) -> None:
    coordinator = await staff_member(koldo, [BATKEN])
    old = await helped_and_closed(koldo, koldo.person(), coordinator)
    await backdate(koldo, old, resolved_at=90)
    resources, stop = koldo.resources, asyncio.Event()
    loop = asyncio.create_task(
        housekeeping.run_until(
            stop, resources.session_factory, koldo.bot, resources.localization, resources.settings
        )
    )
    for _ in range(200):
        if (await stored_case(koldo, old)).erased_at is not None:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(loop, 5)
    assert (await stored_case(koldo, old)).phone is None


# --- the command line ---------------------------------------------------------------------------


async def test_koldo_retention_run_dry_run_prints_the_codes_and_a_run_erases_them(
    koldo: Harness,
) -> None:
    en = koldo.t("en")
    coordinator = await staff_member(koldo, [BATKEN])
    old = await helped_and_closed(koldo, koldo.person(), coordinator)
    await backdate(koldo, old, resolved_at=120)
    settings = koldo.resources.settings

    code, output = await koldo_here("retention", "run", "--dry-run", settings=settings)

    assert code == 0
    assert en("retention-run-dry-title") in output
    assert en("retention-run-cases", days=90, count=1) in output
    assert en("retention-run-codes", codes=old.code) in output
    assert (await stored_case(koldo, old)).phone == "+996555123456"

    code, output = await koldo_here("retention", "run", settings=settings)
    assert code == 0 and en("retention-run-title") in output and old.code in output
    assert (await stored_case(koldo, old)).phone is None
    nothing = retention.RetentionReport()
    nothing_left = retention_cli.lines(en, nothing, koldo.resources.settings, dry_run=False)
    assert nothing_left == [en("retention-run-nothing")]


# --- the consent says it ---------------------------------------------------------------------


async def test_the_consent_says_after_how_many_days_data_goes(
    koldo: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = koldo.resources.settings
    monkeypatch.setattr(settings, "retention_days", 30)
    monkeypatch.setattr(settings, "people_retention_days", 180)
    for locale in ("ky", "ru", "en"):
        t = koldo.t(locale)
        family_ = koldo.person(language_code=locale)
        await family_.send("/start")
        await family_.press(LANGUAGE_BUTTONS[locale])
        assert family_.last_text == consent_text(t, settings)
        assert "30" in family_.last_text and "180" in family_.last_text
    assert "30 дней" in consent_text(koldo.t("ru"), settings)
    assert "30 күн" in consent_text(koldo.t("ky"), settings)


# --- drafts expire ---------------------------------------------------------------------------


async def expire_drafts(koldo: Harness, monkeypatch: pytest.MonkeyPatch, talker: Talker) -> None:
    """As if `draft_days` passed without a touch: in memory the storage's clock moves on; in
    Redis the keys are gone as their TTL makes them go."""
    storage = koldo.dispatcher.fsm.storage
    if isinstance(storage, ExpiringMemoryStorage):
        later = storage.clock() + storage.ttl + 60
        monkeypatch.setattr(storage, "clock", lambda: later)
        return
    assert isinstance(storage, ExpiringRedisStorage)
    keys = await fsm_keys(koldo, talker)
    assert keys
    await storage.redis.delete(*keys)


async def fsm_keys(koldo: Harness, talker: Talker) -> list[bytes]:
    storage = koldo.dispatcher.fsm.storage
    assert isinstance(storage, ExpiringRedisStorage)
    pattern = f"{koldo.resources.settings.redis_prefix}:fsm:*:{talker.user.id}:*"
    return [key async for key in storage.redis.scan_iter(pattern)]


def aged(shown: Shown, days: float) -> Shown:
    """The message as Telegram reports it when it was sent `days` ago."""
    return dataclasses.replace(shown, date=int(time.time() - days * 86400))


async def test_a_form_left_longer_than_drafts_are_kept_starts_again_kindly(
    koldo: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = koldo.t("ru")
    family_ = koldo.person()
    await open_needs_form(family_, t)
    await family_.share_location(*KOK_TASH)
    await family_.press("4")
    step = family_.last
    assert step.text == t("needs-vulnerable")

    await expire_drafts(koldo, monkeypatch, family_)
    await family_.press(t("btn-nobody-vulnerable"), in_message=aged(step, 8))

    assert family_.view.by_id(step.message_id).text == t("form-expired", days=7)
    assert family_.view.by_id(step.message_id).buttons() == []  # the old step's buttons go
    assert t("needs-intro") in family_.texts() and family_.last_text == t("needs-location")
    assert t("error-apology") not in family_.texts()
    await family_.share_location(*KOK_TASH)
    await family_.press("3")
    assert family_.last_text == t("needs-vulnerable")  # a fresh form goes on as usual


async def test_the_leave_question_of_an_expired_form_leads_to_the_menu(
    koldo: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = koldo.t("en")
    family_ = koldo.person(language_code="en")
    await open_needs_form(family_, t)
    await family_.share_location(*KOK_TASH)
    await family_.send("/menu")
    question = family_.last
    assert question.text == t("needs-leave-question")

    await expire_drafts(koldo, monkeypatch, family_)
    await family_.press(t("btn-form-resume"), in_message=aged(question, 30))

    assert family_.view.by_id(question.message_id).text == t("form-expired", days=7)
    assert family_.last_text == t("main-menu")


async def test_a_button_of_a_form_just_sent_still_only_says_it_is_no_longer_active(
    koldo: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A form's button without a form behind it, on a message newer than drafts are kept: not
    an expired draft (a lagging copy of a summary just sent, say), so no new form starts."""
    t = koldo.t("en")
    family_ = koldo.person(language_code="en")
    await open_needs_form(family_, t)
    await family_.share_location(*KOK_TASH)
    await family_.press("4")
    step = family_.last
    await expire_drafts(koldo, monkeypatch, family_)
    await family_.press(t("btn-nobody-vulnerable"), in_message=aged(step, 2))
    assert family_.view.alerts[-1] == t("button-expired")
    assert t("form-expired", days=7) not in family_.texts()


async def test_drafts_in_memory_expire_after_draft_days_without_a_touch() -> None:
    now = [1000.0]
    storage = ExpiringMemoryStorage(timedelta(days=7), clock=lambda: now[0])
    key, other = StorageKey(1, 2, 2), StorageKey(1, 3, 3)
    await storage.set_state(key, "NeedsForm:details")
    await storage.set_data(key, {"details": "Бала ооруп жатат"})
    await storage.set_data(other, {"x": 1})
    now[0] += 6.9 * 86400
    assert await storage.get_state(key) == "NeedsForm:details"
    await storage.set_data(key, {"details": "Бала ооруп жатат\nДары керек"})  # a touch
    now[0] += 6.9 * 86400
    # Touched 6.9 days ago: the state and the draft are both still there.
    assert await storage.get_state(key) == "NeedsForm:details"
    assert (await storage.get_data(key))["details"].endswith("Дары керек")
    assert await storage.get_value(key, "details") is not None
    assert await storage.get_data(other) == {}  # untouched for 13.8 days
    now[0] += 0.2 * 86400
    assert await storage.get_state(key) is None and await storage.get_data(key) == {}
    assert await storage.get_value(key, "details", "gone") == "gone"
    await storage.set_state(StorageKey(1, 4, 4), "X")  # a write sweeps what expired
    assert set(storage._records) == {StorageKey(1, 4, 4)}


async def test_drafts_in_redis_expire_after_draft_days_without_a_touch(koldo: Harness) -> None:
    if koldo.backend.name != "postgres":
        return  # memory: the test above
    storage = koldo.dispatcher.fsm.storage
    assert isinstance(storage, ExpiringRedisStorage)
    t = koldo.t("ky")
    family_ = koldo.person()
    await open_needs_form(family_, t)
    await family_.share_location(*KOK_TASH)
    await family_.press("4")
    keys = await fsm_keys(koldo, family_)
    [state_key] = [key for key in keys if key.endswith(b":state")]
    [data_key] = [key for key in keys if key.endswith(b":data")]
    week = 7 * 86400
    for key in (state_key, data_key):
        assert week - 60 <= await storage.redis.ttl(key) <= week
    # Toggling a choice writes the draft only: the step's time is refreshed with it.
    await storage.redis.expire(state_key, 100)
    await family_.press(t("toggle", on="no", label=t("vuln-young_children")))
    assert await storage.redis.ttl(state_key) > week - 60
