"""Erase my data: personal fields, messages and attachments go; anonymous counts stay."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.callbacks import CaseAction
from storage.models import Attachment, Case, CaseStatus, Household, User
from storage.repositories import audit, cases
from tests.conftest import Harness
from tests.support.cases import BATKEN, case_data, staff_member
from tests.support.journeys import fill_needs_form


async def test_erasing_removes_everything_personal_and_keeps_counts(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await fill_needs_form(family, t)
    await family.press(t("btn-confirm"))
    neighbour = koldo.person()
    await fill_needs_form(neighbour, koldo.t("ru"))
    await neighbour.press(koldo.t("ru")("btn-confirm"))

    await family.send("/erase")
    assert family.last_text == t("erase-question")
    await family.press(t("btn-erase-confirm"))
    assert t("erase-done") in family.texts()

    async with koldo.session() as session:
        assert await session.get(User, family.user.id) is None
        cases = (await session.scalars(select(Case).order_by(Case.id))).all()
        erased, kept = cases
        assert (erased.user_id, erased.phone, erased.details) == (None, None, None)
        assert (erased.latitude, erased.village) == (None, None)
        assert erased.status == CaseStatus.RESOLVED
        assert erased.needs == ["medical", "food_water"]  # anonymous figures stay
        assert erased.district == "batken-district"
        assert kept.user_id == neighbour.user.id and kept.phone == "+996555123456"
        households = (await session.scalars(select(Household))).all()
        assert sorted(h.user_id is None for h in households) == [False, True]
        entries = await audit.entries(session, "user.erased")
        assert [e.details for e in entries] == [{"cases": [erased.code]}]
        assert entries[0].actor_id is None
        # The trail keeps that the case was made and the consent given, no longer by whom.
        trail = await audit.entries(session)
        assert not [e for e in trail if e.actor_id == family.user.id]
        assert not [e for e in trail if e.subject == f"user:{family.user.id}"]
        made = [e.subject for e in trail if e.action == "case.created"]
        assert sorted(made) == sorted([erased.code, kept.code])
        assert [e.actor_id for e in trail if e.subject == kept.code] == [neighbour.user.id]


async def test_erasing_deletes_attachments(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("en")
    await fill_needs_form(family, t)
    await family.press(t("btn-edit-details"))
    await family.send_photo()
    await family.press(t("btn-continue"))
    await family.press(t("btn-confirm"))
    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(Attachment)) == 1

    await family.send("/erase")
    await family.press(t("btn-erase-confirm"))

    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(Attachment)) == 0


async def test_keeping_the_data_changes_nothing(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await fill_needs_form(family, t)
    await family.press(t("btn-confirm"))
    await family.send("/erase")
    await family.press(t("btn-erase-keep"))

    assert family.last_text == t("erase-kept")
    async with koldo.session() as session:
        assert await session.get(User, family.user.id) is not None
        case = await session.scalar(select(Case))
        assert case is not None and case.phone == "+996555123456"


async def test_after_erasing_the_person_starts_afresh(koldo: Harness) -> None:
    family = koldo.person(language_code="en")
    t = koldo.t("ky")
    await fill_needs_form(family, t)
    await family.send("/erase")  # in the middle of a form
    await family.press(t("btn-erase-confirm"))

    await family.send("/start")
    assert family.last_text == koldo.t("en")("welcome")


# --- the coordinator and the family are told (issue 11, point 3) ----------------------------


async def test_the_holder_is_told_and_the_card_says_erased_by_the_family(koldo: Harness) -> None:
    ky, ru = koldo.t("ky"), koldo.t("ru")
    family = koldo.person(language_code="ky")
    await fill_needs_form(family, ky)
    await family.press(ky("btn-confirm"))
    async with koldo.session() as session:
        [case] = await cases.of_user(session, family.user.id)
    coordinator = await staff_member(koldo, [BATKEN], "ru")
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))

    await family.send("/erase")
    await family.press(ky("btn-erase-confirm"))

    assert ky("erase-done-closed", codes=case.code) in family.texts()
    assert coordinator.last_text == ru("case-erased-by-family", code=case.code)
    await coordinator.press(ru("btn-case-open"))
    card = coordinator.last_text
    assert f"<b>Заявка {case.code}</b>" in card and ru("case-erased") in card
    assert "+996555123456" not in card and "Бала ооруп" not in card
    # Closed: nothing to claim, write or resolve, only the way back to the queue.
    assert coordinator.last.buttons() == [ru("btn-queue")]


async def test_a_family_with_only_closed_requests_is_told_of_none(koldo: Harness) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    await family.send("/start")
    await family.press("English")
    await family.press(en("btn-consent-agree"))
    await family.send("/erase")
    await family.press(en("btn-erase-confirm"))
    assert en("erase-done") in family.texts()
    closed = en("erase-done-closed", codes="")[:10]
    assert not any(text.startswith(closed) for text in family.texts())
