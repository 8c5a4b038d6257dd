"""Register needs: the whole form, each bad input, and that nothing entered is ever lost."""

from __future__ import annotations

import dataclasses
import re

import pytest
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import select

from bot.i18n import Translator
from bot.services.codes import ALPHABET, CODE_LENGTH
from bot.services.forms import IncompleteDraftError
from bot.services.needs import Need, NeedsDraft, register_case
from storage.models import Attachment, AttachmentKind, Case, CaseKind, CaseStatus, Priority
from storage.repositories import audit, submissions, users
from tests.conftest import Harness
from tests.support.faults import fail_once_when_clearing
from tests.support.forms import hinted
from tests.support.journeys import (
    KOK_TASH,
    answer_the_rest_plainly,
    fill_needs_form,
    open_needs_form,
    send_anything,
    walk_back,
)
from tests.support.people import Person

CODE = re.compile(rf"<b>([{ALPHABET}]{{{CODE_LENGTH}}})</b>")


async def only_case(koldo: Harness) -> Case:
    async with koldo.session() as session:
        cases = (await session.scalars(select(Case))).all()
    assert len(cases) == 1
    return cases[0]


async def case_count(koldo: Harness) -> int:
    async with koldo.session() as session:
        return len((await session.scalars(select(Case))).all())


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_a_family_registers_needs_and_gets_a_code(koldo: Harness, locale: str) -> None:
    family = koldo.person(language_code="ru")
    t = koldo.t(locale)
    await fill_needs_form(family, t)

    summary = family.last_text
    assert t("place-village", village=_name(koldo, "kok-tash", locale), area=_area(koldo, locale))
    assert t("people-count", count=4) in summary
    assert t("vuln-young_children") in summary
    assert t("need-medical") in summary and t("need-food_water") in summary
    assert "+996555123456" in summary

    await family.press(t("btn-confirm"))
    created = family.texts()[-2]
    code = CODE.search(created)
    assert code, created
    assert created == t("needs-case-created", code=code[1])
    assert family.last_text == t("main-menu")

    case = await only_case(koldo)
    assert case.code == code[1]
    assert case.priority == Priority.URGENT  # medicine, and a child under five
    assert case.status == CaseStatus.NEW
    assert case.needs == ["medical", "food_water"]
    assert case.vulnerabilities == ["young_children"]
    assert case.household_size == 4
    assert (case.district, case.village) == ("batken-district", "kok-tash")
    assert (case.latitude, case.longitude) == KOK_TASH
    assert case.phone == "+996555123456"
    assert case.details == "Бала ооруп жатат, дары керек."
    assert case.language == locale
    async with koldo.session() as session:
        assert [e.subject for e in await audit.entries(session, "case.created")] == [case.code]


def _name(koldo: Harness, village: str, locale: str) -> str:
    found = koldo.resources.geography.village(village)
    assert found is not None
    return found[1].name(locale)


def _area(koldo: Harness, locale: str) -> str:
    area = koldo.resources.geography.area("batken-district")
    assert area is not None
    return area.name(locale)


async def test_place_can_be_picked_from_district_and_village_buttons(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await open_needs_form(family, t)
    assert t("btn-share-location") in family.reply_buttons()

    await family.tap(t("btn-choose-district"))
    await family.press(_area_name(koldo, "leilek-district", "ky"))
    await family.press(_name(koldo, "arka", "ky"))
    assert family.last_text == t("needs-size")

    await family.press("2")
    await answer_the_rest_plainly(family, t, "need-shelter")
    await family.press(t("btn-confirm"))
    case = await only_case(koldo)
    assert (case.district, case.village) == ("leilek-district", "arka")
    assert case.latitude is None


def _area_name(koldo: Harness, code: str, locale: str) -> str:
    area = koldo.resources.geography.area(code)
    assert area is not None
    return area.name(locale)


async def test_a_location_far_away_asks_for_the_district_instead(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await open_needs_form(family, t)

    await family.share_location(0.0, 0.0)  # the ocean off Africa: a broken GPS fix

    assert t("needs-location-far") in family.texts()
    assert family.last_text == t("needs-district")
    await family.press(_area_name(koldo, "sulukta-town", "ru"))
    assert family.last_text in (
        t("needs-size"),
        t("needs-village", area=_area_name(koldo, "sulukta-town", "ru")),
    )


@pytest.mark.parametrize(
    "bad_input", ["0", "-3", "five", "пять", "500", "3.5", "x" * 5000, "sticker", "photo"]
)
async def test_household_size_refuses_what_is_not_a_number_of_people(
    koldo: Harness, bad_input: str
) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)

    await send_anything(family, bad_input)

    assert hinted(family, t("needs-size-invalid", max=30), t("needs-size"))
    await family.send("7")
    assert family.last_text == t("needs-vulnerable")
    await answer_the_rest_plainly(family, t, "need-cash")
    assert t("people-count", count=7) in family.last_text
    assert _area_name(koldo, "batken-district", "ky") in family.last_text  # the place is kept


async def test_six_or_more_asks_for_the_exact_number(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("en")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press(t("btn-size-more"))
    assert family.last_text == t("needs-size-type", max=30)
    await family.send("11")
    assert family.last_text == t("needs-vulnerable")


async def test_needs_step_wants_at_least_one_need(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("3")
    await family.press(t("btn-nobody-vulnerable"))

    await family.press(t("btn-continue"))

    assert family.view.alerts[-1] == t("needs-choose-one")
    assert family.last_text == t("needs-needs")


async def test_toggles_show_what_is_chosen_and_can_be_undone(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("3")
    elderly_off = t("toggle", on="no", label=t("vuln-elderly"))
    elderly_on = t("toggle", on="yes", label=t("vuln-elderly"))

    await family.press(elderly_off)
    assert elderly_on in family.last.buttons()
    assert t("btn-continue") in family.last.buttons()
    await family.press(elderly_on)
    assert elderly_off in family.last.buttons()
    assert t("btn-nobody-vulnerable") in family.last.buttons()


async def test_someone_elses_contact_is_refused_and_the_own_accepted(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("2")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-shelter")))
    await family.press(t("btn-continue"))

    await family.share_contact("+996700000001", user_id=777)  # a neighbour's card
    assert hinted(family, t("needs-phone-not-own"), t("needs-phone"))
    await family.share_contact("+996700000002", user_id=None)  # a card with no account
    assert hinted(family, t("needs-phone-not-own"), t("needs-phone"))
    await family.send("+996 555 12 34 56")  # typed: we cannot tell whose it is
    assert hinted(family, t("needs-phone-hint"), t("needs-phone"))
    assert t("btn-share-phone") in family.reply_buttons()

    await family.share_contact("+996555000111")
    assert t("needs-phone-saved") in family.texts()
    assert family.last_text == t("needs-details")


async def test_details_keep_text_photos_and_voice_and_cut_what_is_too_long(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("en")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("2")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-documents")))
    await family.press(t("btn-continue"))
    await family.tap(t("btn-skip"))

    await family.send("Our passports burned with the house.")
    await family.send("x" * 5000)
    cut = t("needs-text-cut", max=1000, kept=1000 - 37)  # the earlier text and a new line
    assert family.last_text == cut
    await family.send_sticker()
    assert hinted(family, t("needs-details-hint"), cut)
    await family.send_photo()
    await family.send_voice()
    assert family.last_text == t("needs-file-added")
    await family.press(t("btn-continue"))
    assert t("summary-files", count=2) in family.last_text
    await family.press(t("btn-confirm"))

    case = await only_case(koldo)
    assert case.details == "Our passports burned with the house.\n" + "x" * 963
    async with koldo.session() as session:
        kinds = [a.kind for a in await session.scalars(select(Attachment).order_by(Attachment.id))]
    assert kinds == [AttachmentKind.PHOTO, AttachmentKind.VOICE]
    assert case.priority == Priority.NORMAL


async def test_an_answer_can_be_changed_from_the_summary(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await fill_needs_form(family, t)

    await family.press(t("btn-edit-size"))
    assert family.last_text == t("needs-size")
    await family.press("2")

    summary = family.last_text
    assert summary.startswith(
        t(
            "needs-summary",
            place="",
            people="",
            vulnerable="",
            needs="",
            phone="",
            details="",
            files="",
        )[:20]
    )
    assert t("people-count", count=2) in summary
    assert t("need-medical") in summary and "+996555123456" in summary  # the rest is kept


async def test_back_walks_through_every_step(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await fill_needs_form(family, t)
    expected = [
        t("needs-details"),
        t("needs-phone"),
        t("needs-needs"),
        t("needs-vulnerable"),
        t("needs-size"),
        t("needs-location"),
        t("needs-leave-question"),
    ]
    assert await walk_back(family, t, len(expected)) == expected

    await family.press(t("btn-form-resume"))
    assert family.last_text.startswith(
        t(
            "needs-summary",
            place="",
            people="",
            vulnerable="",
            needs="",
            phone="",
            details="",
            files="",
        )[:20]
    )
    assert t("need-medical") in family.last_text


async def test_start_in_the_middle_asks_before_abandoning(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("5")

    await family.send("/start")
    assert family.last_text == t("needs-leave-question")
    await family.press(t("btn-form-resume"))
    assert family.last_text == t("needs-vulnerable")  # size 5 and the place were kept

    await family.send("/menu")
    await family.press(t("btn-form-discard"))
    assert family.last_text == t("main-menu")
    await family.press(t("menu-needs"))
    assert family.last_text == t("needs-location")  # a fresh form


async def test_a_button_of_a_finished_form_does_nothing_but_say_so(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await fill_needs_form(family, t)
    # A phone on a weak network may still show the summary's buttons after the case is made.
    lagging_summary = dataclasses.replace(family.last)
    await family.press(t("btn-confirm"))

    await family.press(t("btn-confirm"), in_message=lagging_summary)
    await family.press(t("btn-edit-size"), in_message=lagging_summary)

    assert family.view.alerts[-2:] == [t("button-expired")] * 2
    assert await case_count(koldo) == 1
    assert family.last_text == t("main-menu")


@pytest.mark.parametrize(
    "forged", ["needs:size:999", "needs:district:atlantis", "needs:vuln:everyone", "nonsense"]
)
async def test_forged_button_data_is_refused_kindly(koldo: Harness, forged: str) -> None:
    family = koldo.person()
    t = koldo.t("en")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press_data(forged)
    assert family.view.alerts[-1] == t("button-expired")
    await family.press("3")
    assert family.last_text == t("needs-vulnerable")


async def test_switching_language_midway_keeps_the_answers(koldo: Harness) -> None:
    family = koldo.person()
    ky, ru = koldo.t("ky"), koldo.t("ru")
    await open_needs_form(family, ky)
    await family.share_location(*KOK_TASH)
    await family.press("4")

    await family.send("/language")
    await family.press("Русский")

    assert family.last_text == ru("needs-vulnerable")
    await family.press(ru("btn-nobody-vulnerable"))
    await family.press(ru("toggle", on="no", label=ru("need-transport")))
    await family.press(ru("btn-continue"))
    await family.tap(ru("btn-skip"))
    await family.press(ru("btn-skip"))
    assert ru("people-count", count=4) in family.last_text


async def to_details_step(family: Person, t: Translator) -> None:
    """Kok-Tash, two people, nobody vulnerable, documents, no phone: the details step."""
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("2")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-documents")))
    await family.press(t("btn-continue"))
    await family.tap(t("btn-skip"))
    assert family.last_text == t("needs-details")


def codes_shown(family: Person) -> list[str]:
    return [m[1] for text in family.texts() if (m := CODE.search(text))]


# --- one press of Send, one case ----------------------------------------------------------


@pytest.mark.parametrize("begun", ["with-key", "before-keys-existed"])
async def test_send_again_after_the_form_could_not_be_cleared_shows_the_same_case(
    koldo: Harness, monkeypatch: pytest.MonkeyPatch, begun: str
) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await fill_needs_form(family, t)
    summary = dataclasses.replace(family.last)  # a phone on a weak network still shows it
    storage = koldo.dispatcher.fsm.storage
    if begun == "before-keys-existed":  # a draft kept in Redis across the upgrade
        key = StorageKey(bot_id=koldo.bot.id, chat_id=family.chat.id, user_id=family.user.id)
        draft = await storage.get_data(key)
        del draft["submission_key"]
        await storage.set_data(key, draft)
    failed = fail_once_when_clearing(monkeypatch, storage)

    await family.press(t("btn-confirm"))
    assert failed and family.last_text == t("error-apology")
    await family.press(t("btn-confirm"), in_message=summary)  # "please try again"

    case = await only_case(koldo)
    assert set(codes_shown(family)) == {case.code}
    created = t("needs-case-created", code=case.code)
    assert family.view.by_id(summary.message_id).text == created  # where Send was pressed
    assert family.last_text == t("main-menu")
    async with koldo.session() as session:
        assert len(await audit.entries(session, "case.created")) == 1


async def test_a_send_racing_another_of_the_same_form_gets_the_case_that_won(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("en")
    await open_needs_form(family, t)
    draft = NeedsDraft(district="batken-district", household_size=2, needs=[Need.CASH])
    draft = draft.model_copy(update={"phone_skipped": True})
    won: list[Case] = []

    async def build() -> Case:
        # Another replica sends the same form between this one's lookup and its insert.
        async with koldo.session() as replica:
            replica_user = await users.get(replica, family.user.id)
            assert replica_user is not None
            won.append(await register_case(replica, replica_user, draft, "en"))
        return Case(code="RACE23", kind=CaseKind.NEEDS, language="en", priority=Priority.NORMAL)

    async with koldo.session() as session:
        case = await submissions.add_once(session, draft.submission_key, build, lambda _: None)
        await session.commit()
        assert case.code == won[0].code  # the session is still usable after the violation
    assert (await only_case(koldo)).code == won[0].code


# --- a complete form, or no case -----------------------------------------------------------


async def test_undoing_the_only_need_and_going_back_asks_for_a_need_before_sending(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("3")
    await answer_the_rest_plainly(family, t, "need-cash")
    lagging_summary = dataclasses.replace(family.last)

    await family.press(t("btn-edit-needs"))
    await family.press(t("toggle", on="yes", label=t("need-cash")))
    await family.press(t("btn-back"))

    assert hinted(family, t("needs-choose-one"), t("needs-needs"))
    await family.press(t("btn-confirm"), in_message=lagging_summary)
    assert family.view.alerts[-1] == t("button-expired")
    assert await case_count(koldo) == 0

    await family.press(t("toggle", on="no", label=t("need-transport")))
    await family.press(t("btn-continue"))
    assert t("need-transport") in family.last_text  # back at the summary, the rest kept
    assert t("people-count", count=3) in family.last_text
    await family.press(t("btn-confirm"))
    assert (await only_case(koldo)).needs == ["transport"]


@pytest.mark.parametrize(
    "draft",
    [
        NeedsDraft(district="batken-district", household_size=2, phone_skipped=True),
        NeedsDraft(household_size=2, needs=[Need.CASH], phone_skipped=True),
        NeedsDraft(district="batken-district", needs=[Need.CASH], phone_skipped=True),
        NeedsDraft(district="batken-district", household_size=2, needs=[Need.CASH]),
    ],
    ids=["no-need", "no-place", "no-size", "no-phone-answer"],
)
async def test_a_draft_that_breaks_a_rule_of_the_form_makes_no_case(
    koldo: Harness, draft: NeedsDraft
) -> None:
    family = koldo.person()
    await open_needs_form(family, koldo.t("en"))
    async with koldo.session() as session:
        user = await users.get(session, family.user.id)
        assert user is not None
        with pytest.raises(IncompleteDraftError):
            await register_case(session, user, draft, "en")
    assert await case_count(koldo) == 0


# --- what the family wrote, kept as written -----------------------------------------------


async def test_captions_of_a_photo_a_voice_note_and_a_file_are_kept_with_the_case(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await to_details_step(family, t)

    await family.send_photo(caption="Паспорттун биринчи бети")
    await family.send_voice(caption="Апам айтып берет")
    await family.send_document()
    await family.press(t("btn-continue"))

    summary = family.last_text
    assert t("summary-files", count=3) in summary
    assert t("summary-file-caption", caption="Паспорттун биринчи бети") in summary
    assert t("summary-file-caption", caption="Апам айтып берет") in summary
    await family.press(t("btn-confirm"))
    case = await only_case(koldo)
    async with koldo.session() as session:
        stored = await session.scalars(
            select(Attachment).where(Attachment.case_id == case.id).order_by(Attachment.id)
        )
        captions = [(a.kind, a.caption) for a in stored]
    assert captions == [
        (AttachmentKind.PHOTO, "Паспорттун биринчи бети"),
        (AttachmentKind.VOICE, "Апам айтып берет"),
        (AttachmentKind.DOCUMENT, None),
    ]


async def test_control_characters_are_stripped_from_details_and_captions_newlines_kept(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await to_details_step(family, t)

    await family.send("Үйүбүз\x00 күйүп\x07 кетти.\r\nБалдар\tменен\x1b чатырдабыз\x7f\x85")
    await family.send_photo(caption="Паспорт\x00\x08 бети\nэкинчиси")
    await family.press(t("btn-continue"))
    await family.press(t("btn-confirm"))

    case = await only_case(koldo)  # PostgreSQL refuses NUL in text: the case exists at all
    assert codes_shown(family) == [case.code]
    assert case.details == "Үйүбүз күйүп кетти.\nБалдар\tменен чатырдабыз"
    async with koldo.session() as session:
        [attachment] = await session.scalars(
            select(Attachment).where(Attachment.case_id == case.id)
        )
    assert attachment.caption == "Паспорт бети\nэкинчиси"
