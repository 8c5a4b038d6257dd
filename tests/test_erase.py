"""Erase my data: personal fields, messages and attachments go; anonymous counts stay."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import Attachment, Case, CaseStatus, Household, User
from storage.repositories import audit
from tests.conftest import Harness
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
