"""Possible matches for missing people: who is proposed, what the coordinator sees and decides,
and what reaches families (nothing before a coordinator verified, then only what was agreed)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, select

from bot.callbacks import ConsentAnswer, MatchAction, MatchCb, MatchConsentCb
from bot.services import people_files, reunion
from storage.models import AuditEntry, Consent, MatchStatus, PersonMatch, Role
from storage.repositories import audit, people
from tests.conftest import Harness
from tests.support.cases import BATKEN, LEILEK, deliver_alerts, staff_member
from tests.support.missing import (
    Details,
    Report,
    family,
    hold,
    import_list,
    list_as_safe,
    listed,
    matches_of,
    report_missing,
    resolve,
    the_match,
)
from tests.support.people import Person
from tests.test_shelter_import import koldo_cli

MYRZABEK = Details("Жумабаев Мырзабек", sex="M", age=44, settlement="Көк-Таш")
LIST = "Batken shelter list 2026-05-03"


@contextmanager
def statements(koldo: Harness) -> Iterator[list[str]]:
    """The SQL statements run meanwhile (their text only)."""
    seen: list[str] = []

    def note(*args: object) -> None:
        seen.append(str(args[2]).split("\n")[0][:80])

    engine = koldo.resources.engine.sync_engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def match_data(action: MatchAction, match_id: int = 0, case_id: int = 0, value: str = "") -> str:
    return MatchCb(action=action, match=match_id, case=case_id, value=value).pack()


async def status_of(koldo: Harness, match_id: int) -> PersonMatch:
    async with koldo.session() as session:
        found = await session.get(PersonMatch, match_id)
        assert found is not None
        return found


async def open_from_alert(koldo: Harness, coordinator: Person, report: Report) -> None:
    """The coordinator hears of the match and opens its card from the alert."""
    en = koldo.t("en")
    await deliver_alerts(koldo)
    await coordinator.press(en("btn-alert-match", code=report.case.code, count=1))


async def verified(koldo: Harness, coordinator: Person, report: Report) -> PersonMatch:
    await open_from_alert(koldo, coordinator, report)
    await coordinator.press(koldo.t("en")("btn-match-verify"))
    return await the_match(koldo, report.case)


def nothing_new(person: Person, before: int) -> bool:
    return len(person.view.messages) == before


# --- proposals -----------------------------------------------------------------------------


async def test_a_latin_import_matches_a_kyrgyz_report_but_not_an_older_namesake(
    koldo: Harness, tmp_path: Path
) -> None:
    reporter = await family(koldo)
    report = await report_missing(koldo, reporter, MYRZABEK)
    assert report.proposed == 0
    rows = [
        {"id": "p1", "full_name": "DZHUMABAEV MIRZABEK", "sex": "M", "age": 44},
        {"id": "p2", "full_name": "Zhumabaev Myrzabek", "sex": "M", "age": 74},
        {"id": "p3", "full_name": "Toktogulova Aigul", "sex": "F", "age": 30},
    ]
    path = tmp_path / "list.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    url = koldo.backend.database_url

    code, out, _ = await koldo_cli(
        "people", "import", str(path), "--source", LIST, database_url=url
    )

    assert code == 0 and "possible matches for missing people proposed: 1" in out
    match = await the_match(koldo, report.case)
    async with koldo.session() as session:
        found = await session.get(PersonMatch, match.id, populate_existing=True)
        assert found is not None
        await session.refresh(found, ["found"])
        assert found.found.external_id == "p1"
    assert match.score >= 0.8 and "surname" in match.reasons

    # The coordinator says it is someone else: the same list again proposes nothing.
    coordinator = await staff_member(koldo, [BATKEN])
    await open_from_alert(koldo, coordinator, report)
    en = koldo.t("en")
    await coordinator.press(en("btn-match-reject"))
    await coordinator.press(en("btn-match-why-age"))
    assert (await status_of(koldo, match.id)).status == MatchStatus.REJECTED
    assert en("reunion-rejected") in coordinator.view.alerts
    code, out, _ = await koldo_cli(
        "people", "import", str(path), "--source", LIST, database_url=url
    )
    assert code == 0 and "possible matches for missing people proposed: 0" in out
    assert len(await matches_of(koldo, report.case)) == 1


async def test_a_new_report_finds_a_family_member_listed_as_safe(koldo: Harness) -> None:
    listing = await family(koldo, "ru")
    assert await list_as_safe(koldo, listing, [Details("Mirzabek Jumabaev", sex="M", age=45)]) == 0
    reporter = await family(koldo)

    report = await report_missing(koldo, reporter, MYRZABEK)

    assert report.proposed == 1
    match = await the_match(koldo, report.case)
    assert match.status == MatchStatus.PROPOSED and match.consent == Consent.NOT_ASKED


async def test_a_new_household_member_is_proposed_for_open_reports_only(koldo: Harness) -> None:
    closed = await report_missing(koldo, await family(koldo), MYRZABEK)
    await resolve(koldo, closed.case)
    reporter = await family(koldo)
    open_report = await report_missing(koldo, reporter, MYRZABEK)
    assert open_report.proposed == 0  # a resolved report is nobody's match
    # The reporter's own household is never offered to their own report.
    assert await list_as_safe(koldo, reporter, [Details("Жумабаев Мырзабек", "M", 44)]) == 0

    listing = await family(koldo, "ru")
    proposed = await list_as_safe(
        koldo, listing, [Details("Джумабаев Мирзабек", sex="M", age=44), Details("Ali Nur")]
    )

    assert proposed == 1
    assert len(await matches_of(koldo, open_report.case)) == 1
    assert await matches_of(koldo, closed.case) == []


async def test_an_import_searches_once_per_open_report(koldo: Harness) -> None:
    reporter = await family(koldo)
    report = await report_missing(koldo, reporter, MYRZABEK)
    rows = [listed(f"r{i}", f"Person{i} Someone{i}", age=i % 90) for i in range(2000)]
    rows.append(listed("hit", "JUMABAEV MYRZABEK", sex="M", age=44))
    async with koldo.session() as session:
        await people_files.apply(session, rows, LIST)
        imported = await people.of_list(session, LIST)
        with statements(koldo) as seen:
            assert await reunion.propose_for(session, imported) == 1
        await session.commit()
    # A handful of statements for 2,001 people, not one search each.
    assert len(seen) < 20, seen
    assert len(await matches_of(koldo, report.case)) == 1
    # The same list again: the pair is known, nothing new.
    assert await import_list(koldo, LIST, rows) == 0


async def test_two_families_searching_for_the_same_man_are_proposed(koldo: Harness) -> None:
    first = await report_missing(koldo, await family(koldo), MYRZABEK)
    second = await report_missing(
        koldo, await family(koldo, "ru"), Details("Джумабаев Мирзабек", "M", 44), relation="father"
    )
    assert (first.proposed, second.proposed) == (0, 1)
    match = await the_match(koldo, second.case)
    assert (match.sought_id, match.found_id) == (second.person.id, first.person.id)
    # And the pair is not proposed the other way round after a third report.
    third = await report_missing(koldo, await family(koldo), MYRZABEK)
    assert third.proposed == 2
    assert await matches_of(koldo, first.case) == []


# --- the coordinator's card and alerts -----------------------------------------------------


async def test_the_alert_and_the_case_card_lead_to_the_side_by_side_card(koldo: Harness) -> None:
    en = koldo.t("en")
    coordinator = await staff_member(koldo, [BATKEN])
    elsewhere = await staff_member(koldo, [LEILEK])
    listing = await family(koldo, "ru")
    await list_as_safe(koldo, listing, [Details("Mirzabek Jumabaev", sex="M", age=45)])
    report = await report_missing(koldo, await family(koldo), MYRZABEK, relation="son")

    assert await deliver_alerts(koldo) == 1
    alert = coordinator.last
    assert alert.text == en("alert-matches", count=1, codes=report.case.code)
    assert all(report.case.code not in m.text for m in elsewhere.view.messages)
    await coordinator.press(en("btn-alert-match", code=report.case.code, count=1))

    card = coordinator.last_text
    for part in (
        "Жумабаев Мырзабек",
        "Mirzabek Jumabaev",
        en("reunion-relation-son"),
        en("reunion-from-household"),
        en("reunion-why-surname-agrees"),
        en("reunion-why-age-agrees"),
        en("reunion-age", age=44),
        "Көк-Таш",
    ):
        assert part in card, part
    assert coordinator.last.buttons()[:3] == [
        en("btn-match-verify"),
        en("btn-match-reject"),
        en("btn-match-unsure"),
    ]

    # From the queue: the case card has the button, and the list leads to the same card.
    await coordinator.send("/queue")
    await coordinator.press(next(b for b in coordinator.last.buttons() if report.case.code in b))
    await coordinator.press(en("btn-case-matches", count=1))
    assert coordinator.last_text.startswith(
        en("reunion-list", code=report.case.code, count=1).split("\n")[0]
    )
    await coordinator.press(next(b for b in coordinator.last.buttons() if "Mirzabek" in b))
    assert "Mirzabek Jumabaev" in coordinator.last_text
    await coordinator.press(en("btn-match-unsure"))
    assert (await the_match(koldo, report.case)).status == MatchStatus.UNSURE
    assert en("reunion-status-unsure") in coordinator.last_text
    assert en("btn-match-unsure") not in coordinator.last.buttons()


async def test_the_match_alert_goes_to_the_holder_else_to_covering_coordinators(
    koldo: Harness,
) -> None:
    en = koldo.t("en")
    holder, other = await staff_member(koldo, [BATKEN]), await staff_member(koldo, [BATKEN])
    elsewhere = await staff_member(koldo, [LEILEK])
    reporter = await family(koldo)
    held = await report_missing(koldo, reporter, MYRZABEK)
    await hold(koldo, held.case, holder.user.id)
    unheld = await report_missing(koldo, await family(koldo), Details("Toktogulova Aigul", "F", 30))
    await list_as_safe(
        koldo,
        await family(koldo, "ru"),
        [Details("Jumabaev Myrzabek", "M", 44), Details("Aigul Toktogulova", "F", 31)],
    )

    await deliver_alerts(koldo)

    codes = f"{held.case.code}, {unheld.case.code}"
    assert holder.last_text == en("alert-matches", count=2, codes=codes)
    assert other.last_text == en("alert-matches", count=1, codes=unheld.case.code)
    assert all("🔎" not in m.text for m in elsewhere.view.messages)
    assert await deliver_alerts(koldo) == 0


# --- disclosure ----------------------------------------------------------------------------


async def household_match(
    koldo: Harness, listing_phone: str | None = "+996555111222"
) -> tuple[Person, Person, Person, Report]:
    """A Russian-speaking family lists Mirzabek as safe; a Kyrgyz family reports him."""
    coordinator = await staff_member(koldo, [BATKEN])
    listing = await family(koldo, "ru", phone=listing_phone)
    await list_as_safe(koldo, listing, [Details("Мирзабек Жумабаев", sex="M", age=44)])
    reporter = await family(koldo, "ky")
    report = await report_missing(koldo, reporter, MYRZABEK, reported_by="Айгүл")
    return coordinator, listing, reporter, report


async def test_the_reporter_hears_nothing_before_verify_nor_before_consent(koldo: Harness) -> None:
    coordinator, listing, reporter, report = await household_match(koldo)
    ru, ky = koldo.t("ru"), koldo.t("ky")
    seen_by_reporter, seen_by_listing = len(reporter.view.messages), len(listing.view.messages)
    await open_from_alert(koldo, coordinator, report)
    assert nothing_new(reporter, seen_by_reporter) and nothing_new(listing, seen_by_listing)

    await coordinator.press(koldo.t("en")("btn-match-verify"))

    assert koldo.t("en")("reunion-verified-family") in coordinator.view.alerts
    assert nothing_new(reporter, seen_by_reporter)
    question = listing.last
    assert question.text == ru(
        "reunion-ask-found",
        reporter="Айгүл",
        name="Мирзабек Жумабаев",
        relation=ru("reunion-relation-son"),
    )
    assert question.buttons() == [
        ru("btn-reunion-consent-phone"),
        ru("btn-reunion-consent-yes"),
        ru("btn-reunion-consent-no"),
    ]
    match = await the_match(koldo, report.case)
    assert (match.status, match.consent) == (MatchStatus.VERIFIED, Consent.ASKED)

    await listing.press(ru("btn-reunion-consent-phone"))

    assert reporter.view.messages[-1].text == "\n".join(
        [
            ky("reunion-told-safe", code=report.case.code, name="Жумабаев Мырзабек"),
            ky("reunion-told-phone", phone="+996555111222"),
        ]
    )
    assert listing.last_text == ru(
        "reunion-found-shared-phone",
        reporter="Айгүл",
        name="Мирзабек Жумабаев",
        phone="+996555111222",
    )
    # The coordinator who verified hears that the family answered.
    assert coordinator.last_text == koldo.t("en")("reunion-staff-answered", code=report.case.code)
    await assert_audit_has_no_personal_data(koldo)


async def test_consent_without_a_phone_shares_no_phone(koldo: Harness) -> None:
    coordinator, listing, reporter, report = await household_match(koldo, listing_phone=None)
    ru, ky = koldo.t("ru"), koldo.t("ky")
    await verified(koldo, coordinator, report)
    assert listing.last.buttons() == [ru("btn-reunion-consent-yes"), ru("btn-reunion-consent-no")]

    await listing.press(ru("btn-reunion-consent-yes"))

    told = reporter.last_text
    assert told.startswith(ky("reunion-told-safe", code=report.case.code, name="Жумабаев Мырзабек"))
    assert told.endswith(ky("reunion-told-no-phone"))
    assert "+996" not in told
    assert listing.last_text == ru(
        "reunion-found-shared", reporter="Айгүл", name="Мирзабек Жумабаев"
    )
    match = await the_match(koldo, report.case)
    assert (match.consent, match.found_phone_shared) == (Consent.AGREED, False)


async def test_a_refusal_tells_the_reporter_only_that_the_search_goes_on(koldo: Harness) -> None:
    coordinator, listing, reporter, report = await household_match(koldo)
    ru, ky = koldo.t("ru"), koldo.t("ky")
    await verified(koldo, coordinator, report)

    await listing.press(ru("btn-reunion-consent-no"))

    assert reporter.last_text == ky("reunion-told-search-goes-on", code=report.case.code)
    assert all("Мирзабек Жумабаев" not in text for text in reporter.texts())
    assert all("+996" not in text for text in reporter.texts())
    assert listing.last_text == ru("reunion-found-not-shared", name="Мирзабек Жумабаев")
    assert (await the_match(koldo, report.case)).consent == Consent.REFUSED
    # A second answer, forged after the buttons are gone, changes nothing.
    before = len(reporter.view.messages)
    await listing.press_data(
        MatchConsentCb(
            match=(await the_match(koldo, report.case)).id, answer=ConsentAnswer.WITH_PHONE
        ).pack()
    )
    assert ru("reunion-consent-refused") in listing.view.alerts
    assert nothing_new(reporter, before)
    assert (await the_match(koldo, report.case)).consent == Consent.REFUSED


async def test_consent_pressed_by_anyone_but_the_found_family_is_refused(koldo: Harness) -> None:
    coordinator, listing, reporter, report = await household_match(koldo)
    ky, en = koldo.t("ky"), koldo.t("en")
    match = await verified(koldo, coordinator, report)
    forged = MatchConsentCb(match=match.id, answer=ConsentAnswer.WITH_PHONE).pack()
    before, asked = len(reporter.view.messages), len(listing.view.messages)

    await reporter.press_data(forged)
    await coordinator.press_data(forged)
    stranger = await family(koldo)
    await stranger.press_data(forged)
    await stranger.press_data(MatchConsentCb(match=match.id + 999, answer=ConsentAnswer.NO).pack())

    assert ky("reunion-consent-refused") in reporter.view.alerts
    assert en("reunion-consent-refused") in coordinator.view.alerts
    assert stranger.view.alerts == [ky("reunion-consent-refused")] * 2
    assert nothing_new(reporter, before) and nothing_new(listing, asked)
    assert (await the_match(koldo, report.case)).consent == Consent.ASKED
    async with koldo.session() as session:
        assert len(await audit.entries(session, "match.consent_refused")) == 4


async def test_two_reporters_learn_of_each_other_only_when_both_agree(koldo: Harness) -> None:
    ky, ru = koldo.t("ky"), koldo.t("ru")
    coordinator = await staff_member(koldo, [BATKEN])
    aigul = await family(koldo, "ky", phone="+996700000001")
    await report_missing(koldo, aigul, MYRZABEK, relation="son", reported_by="Айгүл")
    bakyt = await family(koldo, "ru", phone="+996700000002")
    second = await report_missing(
        koldo,
        bakyt,
        Details("Джумабаев Мирзабек", "M", 44),
        relation="brother",
        reported_by="Бакыт",
        language="ru",
    )
    await verified(koldo, coordinator, second)
    assert koldo.t("en")("reunion-verified-both") in coordinator.view.alerts
    # Each is asked about the person as they wrote them, and learns nothing of the other yet.
    assert bakyt.last_text.startswith(
        ru("reunion-ask-touch", code=second.case.code, name="Джумабаев Мирзабек",
           relation=ru("reunion-relation-brother")).split("\n")[0]
    )  # fmt: skip
    assert "Айгүл" not in bakyt.last_text and "Бакыт" not in aigul.last_text
    assert aigul.last.buttons()[0] == ky("btn-reunion-consent-phone")

    await aigul.press(ky("btn-reunion-consent-phone"))
    assert aigul.last_text == ky("reunion-touch-waiting")
    assert "+996700000001" not in bakyt.last_text

    await bakyt.press(ru("btn-reunion-consent-yes"))

    to_bakyt = bakyt.last_text
    assert "Айгүл" in to_bakyt and "+996700000001" in to_bakyt
    assert to_bakyt.endswith(ru("reunion-touch-no-my-phone"))
    to_aigul = aigul.last_text
    assert "Бакыт" in to_aigul and ky("reunion-relation-brother") in to_aigul
    assert "+996700000002" not in to_aigul
    assert ky("reunion-told-no-phone") in to_aigul and to_aigul.endswith(
        ky("reunion-touch-my-phone")
    )


async def test_one_reporter_refusing_means_neither_learns_anything(koldo: Harness) -> None:
    ky, ru = koldo.t("ky"), koldo.t("ru")
    coordinator = await staff_member(koldo, [BATKEN])
    aigul = await family(koldo, "ky", phone="+996700000001")
    first = await report_missing(koldo, aigul, MYRZABEK, reported_by="Айгүл")
    bakyt = await family(koldo, "ru")
    second = await report_missing(
        koldo, bakyt, Details("Джумабаев Мирзабек", "M", 44), reported_by="Бакыт"
    )
    await verified(koldo, coordinator, second)

    await aigul.press(ky("btn-reunion-consent-phone"))
    await bakyt.press(ru("btn-reunion-consent-no"))

    assert bakyt.last_text == ru("reunion-touch-refused")
    assert aigul.last_text == ky("reunion-told-search-goes-on", code=first.case.code)
    assert all("Бакыт" not in t for t in aigul.texts())
    assert all("Айгүл" not in t and "+996700000001" not in t for t in bakyt.texts())


async def test_a_person_of_an_imported_list_is_reached_through_its_source(koldo: Harness) -> None:
    en, ky = koldo.t("en"), koldo.t("ky")
    coordinator = await staff_member(koldo, [BATKEN])
    reporter = await family(koldo)
    report = await report_missing(koldo, reporter, MYRZABEK)
    await import_list(
        koldo, LIST, [listed("p1", "DZHUMABAEV MIRZABEK", sex="M", age=44, phone="0555 12 34 56")]
    )
    await open_from_alert(koldo, coordinator, report)
    assert en("reunion-from-list", source=LIST, row="p1") in coordinator.last_text
    assert "0555 12 34 56" in coordinator.last_text
    before = len(reporter.view.messages)

    await coordinator.press(en("btn-match-verify"))

    assert en("reunion-verified-list") in coordinator.view.alerts
    assert nothing_new(reporter, before)
    await coordinator.press(en("btn-match-outcome-unreachable"))
    assert reporter.last_text == ky("reunion-told-search-goes-on", code=report.case.code)
    await coordinator.press(en("btn-match-outcome-agrees"))
    assert reporter.last_text == ky(
        "reunion-told-safe-list", code=report.case.code, name="Жумабаев Мырзабек"
    )
    assert en("reunion-status-list-agrees") in coordinator.last_text
    assert en("btn-match-outcome-agrees") not in coordinator.last.buttons()
    assert (await the_match(koldo, report.case)).outcome == "agrees"


async def test_an_imported_person_who_does_not_agree_is_not_disclosed(koldo: Harness) -> None:
    en, ky = koldo.t("en"), koldo.t("ky")
    coordinator = await staff_member(koldo, [BATKEN])
    reporter = await family(koldo)
    report = await report_missing(koldo, reporter, MYRZABEK)
    await import_list(koldo, LIST, [listed("p1", "DZHUMABAEV MIRZABEK", sex="M", age=44)])
    await verified(koldo, coordinator, report)

    await coordinator.press(en("btn-match-outcome-declines"))

    assert reporter.last_text == ky("reunion-told-search-goes-on", code=report.case.code)
    assert all("DZHUMABAEV" not in t and "Batken shelter" not in t for t in reporter.texts())
    # The outcome is final: a forged "agrees" afterwards tells nobody anything.
    match = await the_match(koldo, report.case)
    before = len(reporter.view.messages)
    await coordinator.press_data(match_data(MatchAction.OUTCOME, match.id, value="agrees"))
    assert en("reunion-refused-decided") in coordinator.view.alerts
    assert nothing_new(reporter, before)


# --- forged and repeated presses -----------------------------------------------------------


async def test_forged_and_repeated_decisions_change_nothing(koldo: Harness) -> None:
    en, ky = koldo.t("en"), koldo.t("ky")
    coordinator, listing, reporter, report = await household_match(koldo)
    elsewhere = await staff_member(koldo, [LEILEK])
    match = await the_match(koldo, report.case)
    before_listing = len(listing.view.messages)

    await elsewhere.press_data(match_data(MatchAction.VERIFY, match.id))
    await elsewhere.press_data(match_data(MatchAction.OPEN, match.id))
    await elsewhere.press_data(match_data(MatchAction.LIST, case_id=report.case.id))
    await reporter.press_data(match_data(MatchAction.VERIFY, match.id))
    await coordinator.press_data(match_data(MatchAction.VERIFY, match.id + 999))
    await coordinator.press_data(match_data(MatchAction.REASON, match.id, value="nonsense"))

    assert elsewhere.view.alerts == [en("reunion-refused-not-allowed")] * 3
    assert reporter.view.alerts == [ky("reunion-refused-not-allowed")]
    assert coordinator.view.alerts == [
        en("reunion-refused-not-allowed"),
        en("button-expired"),
    ]
    assert (await status_of(koldo, match.id)).status == MatchStatus.PROPOSED
    assert nothing_new(listing, before_listing)

    await verified(koldo, coordinator, report)
    asked = len(listing.view.messages)
    await coordinator.press_data(match_data(MatchAction.VERIFY, match.id))
    await coordinator.press_data(match_data(MatchAction.REASON, match.id, value="age"))
    await coordinator.press_data(match_data(MatchAction.REJECT, match.id))

    assert coordinator.view.alerts[-3:] == [en("reunion-refused-decided")] * 3
    assert (await status_of(koldo, match.id)).status == MatchStatus.VERIFIED
    assert len(listing.view.messages) == asked  # asked once, not twice
    async with koldo.session() as session:
        refused = await audit.entries(session, "match.refused")
        assert len(refused) == 5
        assert len(await audit.entries(session, "match.verified")) == 1


async def test_an_admin_may_decide_and_a_family_never_sees_the_list(koldo: Harness) -> None:
    en = koldo.t("en")
    admin = await staff_member(koldo, role=Role.ADMIN)
    _, _, reporter, report = await household_match(koldo)
    match = await the_match(koldo, report.case)
    await reporter.press_data(match_data(MatchAction.LIST, case_id=report.case.id))
    assert reporter.view.alerts == [koldo.t("ky")("reunion-refused-not-allowed")]

    await admin.press_data(match_data(MatchAction.OPEN, match.id))
    await admin.press(en("btn-match-reject"))
    await admin.press(en("btn-match-why-different-person"))

    assert (await status_of(koldo, match.id)).reject_reason == "different-person"
    assert (
        en("reunion-status-rejected", reason=en("btn-match-why-different-person"))
        in admin.last_text
    )


async def assert_audit_has_no_personal_data(koldo: Harness) -> None:
    async with koldo.session() as session:
        entries = list(await session.scalars(select(AuditEntry)))
    text = json.dumps([[e.action, e.subject, e.details] for e in entries], ensure_ascii=False)
    for word in ("Жумабаев", "Мирзабек", "Айгүл", "+996", "Mirzabek"):
        assert word not in text
    actions = {e.action for e in entries}
    assert {"match.proposed", "match.opened", "match.verified", "match.consent_asked"} <= actions
    assert {"match.consent", "match.disclosed"} <= actions
