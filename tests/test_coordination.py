"""Coordinators take cases from their queue and talk with families through the bot."""

from __future__ import annotations

import asyncio

import pytest
from aiogram.methods import CopyMessage, ForwardMessage, SendDocument, SendPhoto, SendVoice

from bot.callbacks import CaseAction, CaseFilesCb, MyCaseAction, MyCaseCb
from bot.i18n import Translator
from bot.services import coordination, relay, roles
from storage.models import Author, Case, CaseStatus, Role
from storage.repositories import audit, cases, queue, users
from tests.conftest import Harness
from tests.support.cases import (
    BATKEN,
    LEILEK,
    case_data,
    deliver_alerts,
    registered_case,
    staff_member,
)
from tests.support.journeys import fill_needs_form
from tests.support.people import Person
from tests.support.shelters import make_staff


async def test_a_kyrgyz_case_is_claimed_talked_through_and_resolved(koldo: Harness) -> None:
    ky, ru = koldo.t("ky"), koldo.t("ru")
    family = koldo.person(language_code="ky")
    case = await registered_case(koldo, family, "ky")
    assert case.district == BATKEN
    coordinator = await staff_member(koldo, [BATKEN], "ru")
    await coordinator.send("/queue")
    assert case.code in " ".join(coordinator.last.buttons())

    await coordinator.press(coordinator.last.buttons()[0])
    assert f"<b>Заявка {case.code}</b>" in coordinator.last_text
    await coordinator.press(ru("btn-case-claim"))
    assert family.last_text == ky("family-case-claimed", code=case.code)

    # The coordinator writes: text, photo, voice, location, a file; the family gets copies.
    await coordinator.send("Салам! Эртең келебиз.")
    await coordinator.send_photo()
    await coordinator.send_voice()
    await coordinator.share_location(39.95, 70.53)
    await coordinator.send_document()
    copies = [m for m in family.view.messages if m.copied is not None]
    assert [c.copied.from_user.id for c in copies if c.copied.from_user] == [
        coordinator.user.id
    ] * 5
    assert copies[0].text == "Салам! Эртең келебиз."
    assert copies[1].copied.photo and copies[2].copied.voice and copies[3].copied.location
    assert copies[4].copied.document
    assert not [c for c in koldo.telegram.calls if isinstance(c, ForwardMessage)]
    assert all(
        c.chat_id == family.user.id for c in koldo.telegram.calls if isinstance(c, CopyMessage)
    )

    # The family answers from My cases: each message reaches the coordinator under the code.
    await family.press(ky("btn-my-case-answer"), in_message=copies[0])
    await family.send("Рахмат!")
    await family.send_photo()
    await family.send_voice()
    await family.share_location(39.94, 70.52)
    assert family.last_text == ky("my-case-sent")
    headers = [
        m for m in coordinator.view.messages if m.text == ru("relay-from-family", code=case.code)
    ]
    assert len(headers) == 4
    received = [m.copied for m in coordinator.view.messages if m.copied is not None]
    first, photo, voice, place = received
    assert [bool(first.text), bool(photo.photo), bool(voice.voice), bool(place.location)] == [
        True
    ] * 4

    async with koldo.session() as session:
        stored = await queue.messages_of(session, case.id, 50)
        saved = await queue.by_id(session, case.id)
    assert [m.author for m in stored] == [Author.COORDINATOR] * 5 + [Author.FAMILY] * 4
    assert [a.kind.value for m in stored for a in m.attachments] == [
        "photo",
        "voice",
        "location",
        "document",
        "photo",
        "voice",
        "location",
    ]
    assert saved is not None and saved.first_response_at is not None
    assert first.text == "Рахмат!"

    await coordinator.send("/queue")
    await coordinator.press(coordinator.last.buttons()[0])
    await coordinator.press(ru("btn-case-waiting"))
    assert family.last_text == ky("family-case-waiting", code=case.code)
    await coordinator.press(ru("btn-case-resolve"))
    await coordinator.press(ru("outcome-helped"))
    assert family.last_text == ky("family-case-resolved-helped", code=case.code)

    # Writing after the case was resolved opens it again, with the same coordinator.
    await family.press(ky("btn-my-case-write"))
    await family.send("Дагы дары керек.")
    async with koldo.session() as session:
        reopened = await queue.by_id(session, case.id)
        entries = [e.action for e in await audit.entries(session) if e.subject == case.code]
    assert reopened is not None and reopened.status == CaseStatus.IN_PROGRESS
    assert "case.reopened" in entries and "case.opened" in entries and "case.claimed" in entries
    assert coordinator.view.messages[-1].copied is not None


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_ready_replies_reach_the_family_in_their_language(
    koldo: Harness, locale: str
) -> None:
    t, en = koldo.t(locale), koldo.t("en")
    family = koldo.person(language_code=locale)
    case = await registered_case(koldo, family, locale)
    coordinator = await staff_member(koldo, [BATKEN], "en")
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))

    await coordinator.press(en("btn-case-canned"))
    await coordinator.press(en("btn-canned-received"))
    assert family.last_text == t("canned-received", code=case.code)
    await coordinator.press(en("btn-case-back"))
    await coordinator.press(en("btn-case-canned"))
    await coordinator.press(en("btn-canned-send-location"))
    assert family.last_text == t("canned-send-location")
    await coordinator.press(en("btn-case-back"))
    await coordinator.press(en("btn-case-canned"))
    await coordinator.press(en("btn-canned-aid-at"))
    await coordinator.send("School No. 3, 10:00")
    assert family.last_text == t("canned-aid-at", place="School No. 3, 10:00")
    assert coordinator.last_text == en("case-canned-sent")


async def test_notes_stay_inside(koldo: Harness) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    coordinator = await staff_member(koldo, [BATKEN])
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    seen = len(family.view.messages)
    await coordinator.press(en("btn-case-note"))
    await coordinator.send("Neighbour says the grandmother is diabetic.")
    assert coordinator.last_text == en("case-note-saved")
    assert len(family.view.messages) == seen
    async with koldo.session() as session:
        stored = await queue.messages_of(session, case.id, 10)
    assert [m.author for m in stored] == [Author.NOTE]


async def test_a_reply_goes_to_the_case_of_the_replied_message(koldo: Harness) -> None:
    en = koldo.t("en")
    first_family, second_family = koldo.person(language_code="en"), koldo.person(language_code="en")
    first = await registered_case(koldo, first_family, "en")
    second = await registered_case(koldo, second_family, "en")
    coordinator = await staff_member(koldo, [BATKEN])
    await coordinator.press_data(case_data(CaseAction.CLAIM, first.id))
    await first_family.press(en("btn-my-case-write"))
    await first_family.send("We are at the school.")
    from_first = coordinator.view.messages[-1]
    await coordinator.press_data(case_data(CaseAction.CLAIM, second.id))  # now the second is open

    await coordinator.reply(from_first, "Stay there, we come at noon.")
    assert first_family.last.copied is not None
    assert first_family.last_text == "Stay there, we come at noon."
    assert all(m.copied is None for m in second_family.view.messages)


async def test_a_blocked_family_is_marked_and_the_coordinator_told(koldo: Harness) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    coordinator = await staff_member(koldo, [BATKEN])
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    koldo.telegram.blocked.add(family.user.id)
    await coordinator.send("Hello?")
    assert coordinator.last_text == en("case-family-unreachable")
    async with koldo.session() as session:
        family_user = await users.get(session, family.user.id)
    assert family_user is not None and family_user.blocked


async def test_twenty_coordinators_claim_at_once_and_one_wins(koldo: Harness) -> None:
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    people = [await staff_member(koldo, [BATKEN]) for _ in range(20)]

    async def claim(user_id: int) -> bool:
        async with koldo.session() as session:
            user = await users.get(session, user_id)
            found = await queue.by_id(session, case.id)
            assert user is not None and found is not None
            change = await coordination.claim(session, user, found, koldo.resources.settings)
            return change.refusal is None

    results = await asyncio.gather(*(claim(p.user.id) for p in people))
    assert results.count(True) == 1
    async with koldo.session() as session:
        saved = await queue.by_id(session, case.id)
        claims = await audit.entries(session, "case.claimed")
    winner = people[results.index(True)].user.id
    assert saved is not None and saved.assignee_id == winner and len(claims) == 1


async def test_two_presses_of_claim_one_gets_told_it_is_taken(koldo: Harness) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    first, second = await staff_member(koldo, [BATKEN]), await staff_member(koldo, [BATKEN])
    await asyncio.gather(
        first.press_data(case_data(CaseAction.CLAIM, case.id)),
        second.press_data(case_data(CaseAction.CLAIM, case.id)),
    )
    alerts = first.view.alerts + second.view.alerts
    assert sorted(alerts) == sorted([en("case-claimed"), en("case-refused-taken")])


@pytest.mark.parametrize("who", ["family", "other-district", "revoked"])
async def test_forged_case_buttons_get_nothing(koldo: Harness, who: str) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    if who == "family":
        intruder = koldo.person(language_code="en")
        await intruder.send("/menu")
    elif who == "other-district":
        intruder = await staff_member(koldo, [LEILEK])
    else:
        intruder = await staff_member(koldo, [BATKEN])
        async with koldo.session() as session:
            await roles.revoke(session, intruder.user.id, koldo.resources.settings, actor_id=None)
            await session.commit()
    for action in CaseAction:
        await intruder.press_data(case_data(action, case.id, "helped"))
    assert set(intruder.view.alerts) <= {en("case-refused-not-allowed"), en("button-expired")}
    assert all(case.code not in m.text for m in intruder.view.messages)
    await intruder.send("/queue")
    assert case.code not in " ".join(intruder.last.buttons())
    async with koldo.session() as session:
        saved = await queue.by_id(session, case.id)
        refused = await audit.entries(session, "case.refused")
    assert saved is not None and saved.assignee_id is None and saved.status == CaseStatus.NEW
    assert {(e.actor_id, e.subject) for e in refused} == {(intruder.user.id, case.code)}


async def test_a_family_cannot_open_another_familys_case(koldo: Harness) -> None:
    en = koldo.t("en")
    owner, other = koldo.person(language_code="en"), koldo.person(language_code="en")
    case = await registered_case(koldo, owner, "en")
    await other.send("/menu")
    for action in (MyCaseAction.OPEN, MyCaseAction.WRITE):
        await other.press_data(MyCaseCb(action=action, case=case.id).pack())
    assert other.view.alerts == [en("button-expired")] * 2
    assert all(case.code not in m.text for m in other.view.messages)


async def test_my_cases_lists_each_case_with_its_status(koldo: Harness) -> None:
    ky = koldo.t("ky")
    family = koldo.person(language_code="ky")
    case = await registered_case(koldo, family, "ky")
    await family.press(ky("menu-cases"))
    label = ky("btn-my-case", code=case.code, status=ky("family-status-new"))
    assert family.last_text == ky("my-cases") and label in family.last.buttons()
    await family.press(label)
    assert case.code in family.last_text and ky("btn-main-menu") in family.last.buttons()


@pytest.mark.parametrize("outcome", ["helped", "referred", "unreachable", "duplicate"])
async def test_each_outcome_tells_the_family_its_own_words(koldo: Harness, outcome: str) -> None:
    """Issue 11, point 11: "resolved" is untrue of a duplicate or of a family nobody reached;
    the family reads its own status words, never the staff's."""
    ru = koldo.t("ru")
    family = koldo.person(language_code="ru")
    case = await registered_case(koldo, family, "ru")
    coordinator = await staff_member(koldo, [BATKEN], "en")
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    await family.press(ru("menu-cases"))
    claimed = ru("btn-my-case", code=case.code, status=ru("family-status-in_progress"))
    assert claimed in family.last.buttons()
    assert ru("case-status-in_progress") not in family.last_text
    await coordinator.press(koldo.t("en")("btn-case-resolve"))
    await coordinator.press(koldo.t("en")(f"outcome-{outcome}"))
    assert family.last_text == ru(f"family-case-resolved-{outcome}", code=case.code)
    await family.press(ru("menu-cases"))
    closed = ru("btn-my-case", code=case.code, status=ru(f"family-status-resolved-{outcome}"))
    assert closed in family.last.buttons()


async def test_release_and_hand_over(koldo: Harness) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    first, second = await staff_member(koldo, [BATKEN]), await staff_member(koldo, [BATKEN])
    await first.press_data(case_data(CaseAction.CLAIM, case.id))
    await first.press(en("btn-case-release"))
    assert first.view.alerts[-1] == en("case-released")
    await first.press_data(case_data(CaseAction.CLAIM, case.id))
    await first.press(en("btn-case-handover"))
    await first.press(en("btn-handover-to", organisation="-", id=str(second.user.id)))
    assert second.last_text == en("case-handed-to-you", code=case.code)
    async with koldo.session() as session:
        saved = await queue.by_id(session, case.id)
    assert saved is not None and saved.assignee_id == second.user.id
    assert relay.CANNED  # every ready reply has its keys


async def test_only_staff_see_the_queue(koldo: Harness) -> None:
    family = koldo.person(language_code="en")
    await family.send("/queue")
    assert family.last_text == koldo.t("en")("staff-only")
    admin = await staff_member(koldo, role=Role.ADMIN)
    assert admin.last_text.startswith("<b>Open cases</b>")


# --- nobody keeps a case they may no longer hold (issue 8, point 1) --------------------------


async def test_a_family_never_reaches_a_holder_who_lost_the_role(koldo: Harness) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    holder = await staff_member(koldo, [BATKEN])
    other = await staff_member(koldo, [BATKEN])
    admin = await staff_member(koldo, role=Role.ADMIN)
    await holder.press_data(case_data(CaseAction.CLAIM, case.id))
    await holder.press(en("btn-case-resolve"))
    await holder.press(en("outcome-helped"))
    await admin.send(f"/revoke {holder.user.id}")  # the case is resolved: nothing to hand back
    assert admin.last_text == en("roles-revoked", id=str(holder.user.id))
    await deliver_alerts(koldo)
    seen_by_holder = len(holder.view.messages)

    # The family writes again to the resolved case: it reopens, but not with the ex-coordinator.
    await family.press(en("btn-my-case-write"))
    await family.send("We need medicine again.")
    assert family.last_text == en("my-case-reopened", code=case.code) + "\n" + en("my-case-queued")
    assert len(holder.view.messages) == seen_by_holder
    async with koldo.session() as session:
        saved = await queue.by_id(session, case.id)
        stored = await queue.messages_of(session, case.id, 10)
    assert saved is not None and saved.assignee_id is None and saved.status == CaseStatus.NEW
    assert stored[-1].text == "We need medicine again."
    await deliver_alerts(koldo)
    assert other.last_text == en("alert-new-cases", count=1, codes=case.code)
    await other.press_data(case_data(CaseAction.CLAIM, case.id))
    assert other.view.alerts[-1] == en("case-claimed")


async def test_a_role_taken_away_in_the_middle_of_an_action_stops_it(
    koldo: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The role goes (another admin, another replica, or by hand in the database) after the
    desk checked the case and before the action: the check at the moment of claiming, or of
    sending, stops it, and a case its holder may no longer hold goes back to the queue."""
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    coordinator = await staff_member(koldo, [BATKEN])
    checked = coordination.allowed_case

    async def role_gone_right_after_the_check(*args: object, **kwargs: object) -> object:
        found = await checked(*args, **kwargs)  # type: ignore[arg-type]
        await make_staff(koldo, coordinator.user.id, Role.FAMILY)
        return found

    async def claimed_then_role_gone_in_the_middle(press: str) -> None:
        await make_staff(koldo, coordinator.user.id, Role.COORDINATOR, [BATKEN])
        await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
        monkeypatch.setattr(coordination, "allowed_case", role_gone_right_after_the_check)
        if press:
            await coordinator.press_data(case_data(CaseAction.CANNED_KEY, case.id, press))
        else:
            await coordinator.send("We come at noon.")
        monkeypatch.undo()

    seen_by_family = len(family.view.messages)
    monkeypatch.setattr(coordination, "allowed_case", role_gone_right_after_the_check)
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    assert coordinator.view.alerts[-1] == en("case-refused-not-allowed")
    monkeypatch.undo()
    assert len(family.view.messages) == seen_by_family
    async with koldo.session() as session:
        saved = await queue.by_id(session, case.id)
    assert saved is not None and saved.assignee_id is None

    for press in ("", "received"):
        seen_by_family = len(family.view.messages)
        await claimed_then_role_gone_in_the_middle(press)
        assert coordinator.last_text == en("case-refused-not-held")
        assert len(family.view.messages) == seen_by_family + 1  # the claim's news only
        async with koldo.session() as session:
            saved = await queue.by_id(session, case.id)
            stored = await queue.messages_of(session, case.id, 10)
        assert [m for m in stored if m.author == Author.COORDINATOR] == []
        assert saved is not None and saved.assignee_id is None and saved.status == CaseStatus.NEW


async def test_an_admin_takes_over_hands_over_and_releases_a_case_someone_holds(
    koldo: Harness,
) -> None:
    en, ru = koldo.t("en"), koldo.t("ru")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    first = await staff_member(koldo, [BATKEN], "ru")
    second = await staff_member(koldo, [BATKEN])
    admin = await staff_member(koldo, role=Role.ADMIN)
    await first.press_data(case_data(CaseAction.CLAIM, case.id))

    await admin.press_data(case_data(CaseAction.OPEN, case.id))
    assert en("btn-case-claim") not in admin.last.buttons()
    await admin.press(en("btn-case-take-over"))
    assert admin.view.alerts[-1] == en("case-taken-over")
    assert first.last_text == ru("case-taken-from-you", code=case.code)
    assert en("case-held-by-you") in admin.last_text
    await family.press(en("btn-my-case-write"))
    await family.send("Is anyone there?")
    assert admin.view.messages[-1].copied is not None
    assert all(m.copied is None for m in first.view.messages)

    # The admin hands their case to the second coordinator, then hands it, held by the second,
    # back to the first, and at last releases it from the first.
    await admin.press_data(case_data(CaseAction.HANDOVER_TO, case.id, str(second.user.id)))
    assert second.last_text == en("case-handed-to-you", code=case.code)
    await admin.press_data(case_data(CaseAction.OPEN, case.id))
    await admin.press(en("btn-case-handover"))
    await admin.press(en("btn-handover-to", organisation="-", id=str(first.user.id)))
    assert second.last_text == en("case-taken-from-you", code=case.code)
    assert first.last_text == ru("case-handed-to-you", code=case.code)
    await admin.press_data(case_data(CaseAction.OPEN, case.id))
    await admin.press(en("btn-case-release"))
    assert admin.view.alerts[-1] == en("case-released")
    assert first.last_text == ru("case-taken-from-you", code=case.code)

    async with koldo.session() as session:
        saved = await queue.by_id(session, case.id)
        taken = await audit.entries(session, "case.taken_over")
    assert saved is not None and saved.assignee_id is None and saved.status == CaseStatus.NEW
    assert [(e.actor_id, e.details["from"]) for e in taken] == [
        (admin.user.id, first.user.id),
        (admin.user.id, second.user.id),
        (admin.user.id, first.user.id),
    ]


# --- an out-of-date card (issue 8, point 8) --------------------------------------------------


async def test_claim_or_release_on_an_out_of_date_card_gets_only_the_refusal(
    koldo: Harness,
) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    first, second = await staff_member(koldo, [BATKEN]), await staff_member(koldo, [BATKEN])

    # The second coordinator holds the case for a while: this card has Release on it.
    await second.press_data(case_data(CaseAction.CLAIM, case.id))
    card_when_held = second.last
    assert en("btn-case-release") in card_when_held.buttons()
    await second.send("/queue")
    await second.press(second.last.buttons()[0])
    await second.press(en("btn-case-release"))
    # Then opens it again: this card has Claim on it.
    await second.send("/queue")
    await second.press(second.last.buttons()[0])
    card_when_free = second.last
    assert en("btn-case-claim") in card_when_free.buttons()

    await first.press_data(case_data(CaseAction.CLAIM, case.id))
    alerts_before = len(second.view.alerts)
    await second.press(en("btn-case-claim"), in_message=card_when_free)
    await second.press(en("btn-case-release"), in_message=card_when_held)

    assert second.view.alerts[alerts_before:] == [
        en("case-refused-taken"),
        en("case-refused-not-held"),
    ]
    assert en("error-apology") not in second.texts()
    for card in (card_when_free, card_when_held):  # each now shows the case as it is
        assert en("case-held-by", organisation="-") in card.text
        assert en("btn-case-claim") not in card.buttons()
        assert en("btn-case-release") not in card.buttons()
    async with koldo.session() as session:
        saved = await queue.by_id(session, case.id)
    assert saved is not None and saved.assignee_id == first.user.id


# --- the case card shows the phone, the language and the files (issue 11, point 2) --------


async def _case_with_files(koldo: Harness, t: Translator) -> tuple[Person, Case]:
    """A family sends the form with its phone, a photo of the house with a caption and a voice
    note, as the details step takes them."""
    family = koldo.person(language_code=t.locale)
    await fill_needs_form(family, t)
    await family.press(t("btn-edit-details"))
    await family.send_photo(caption="Үйүбүз ушундай болуп калды")
    await family.send_voice()
    await family.press(t("btn-continue"))
    await family.press(t("btn-confirm"))
    async with koldo.session() as session:
        [case] = await cases.of_user(session, family.user.id)
    return family, case


def _files_sent_to(koldo: Harness, chat_id: int) -> list[tuple[str, str, str | None]]:
    """The files Koldo sent to this chat: (kind, file id, caption)."""
    kinds = {SendPhoto: "photo", SendVoice: "voice", SendDocument: "document"}
    sent = []
    for call in koldo.telegram.calls:
        kind = kinds.get(type(call))
        if kind is not None and int(getattr(call, "chat_id", 0)) == chat_id:
            sent.append((kind, str(getattr(call, kind)), getattr(call, "caption", None)))
    return sent


async def test_the_card_shows_the_phone_the_language_and_sends_the_files(
    koldo: Harness,
) -> None:
    ky, ru = koldo.t("ky"), koldo.t("ru")
    family, case = await _case_with_files(koldo, ky)
    coordinator = await staff_member(koldo, [BATKEN], "ru")
    await coordinator.press_data(case_data(CaseAction.OPEN, case.id))

    card = coordinator.last_text
    assert "Телефон: +996555123456" in card  # Telegram makes the number tappable
    assert "Язык: Кыргызча" in card
    files_button = ru("btn-case-files", count=2)
    assert coordinator.last.buttons()[0] == files_button

    await coordinator.press(files_button)
    header = ru("case-file-caption", code=case.code, number=1, total=2, kind=ru("attachment-photo"))
    voice = ru("case-file-caption", code=case.code, number=2, total=2, kind=ru("attachment-voice"))
    sent = _files_sent_to(koldo, coordinator.user.id)
    assert [(kind, caption) for kind, _, caption in sent] == [
        ("photo", f"{header}\nҮйүбүз ушундай болуп калды"),
        ("voice", voice),
    ]
    assert [file_id.split("-")[0] for _, file_id, _ in sent] == ["photo", "voice"]
    assert coordinator.last_text == ru("case-files-sent", code=case.code, first=1, last=2, total=2)
    assert coordinator.last.buttons() == [ru("btn-case-back")]  # all of them: no "more"
    assert _files_sent_to(koldo, family.user.id) == []


async def test_the_files_come_a_page_at_a_time(koldo: Harness) -> None:
    en = koldo.t("en")
    _, case = await _case_with_files(koldo, en)
    coordinator = await staff_member(koldo, [BATKEN])
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    for _ in range(coordination.FILES_PAGE):
        await coordinator.send_document()  # what the coordinator sent is kept with the case too
    total = 2 + coordination.FILES_PAGE
    await coordinator.press_data(case_data(CaseAction.OPEN, case.id))
    await coordinator.press(en("btn-case-files", count=total))
    last = coordination.FILES_PAGE
    assert coordinator.last_text == en(
        "case-files-sent", code=case.code, first=1, last=last, total=total
    )
    await coordinator.press(en("btn-case-files-more"))
    assert coordinator.last_text == en(
        "case-files-sent", code=case.code, first=last + 1, last=total, total=total
    )
    assert len(_files_sent_to(koldo, coordinator.user.id)) == total


async def test_files_of_a_case_are_refused_to_whoever_does_not_cover_it(koldo: Harness) -> None:
    en = koldo.t("en")
    family, case = await _case_with_files(koldo, en)
    elsewhere = await staff_member(koldo, [LEILEK])
    await elsewhere.press_data(CaseFilesCb(case=case.id).pack())
    assert elsewhere.view.alerts[-1] == en("case-refused-not-allowed")
    await family.press_data(CaseFilesCb(case=case.id).pack())
    assert _files_sent_to(koldo, elsewhere.user.id) == []
    assert _files_sent_to(koldo, family.user.id) == []


# --- telling people what happened (issue 11, point 3) ----------------------------------------


async def test_a_family_is_told_when_its_case_is_handed_over(koldo: Harness) -> None:
    ru, en = koldo.t("ru"), koldo.t("en")
    family = koldo.person(language_code="ru")
    case = await registered_case(koldo, family, "ru")
    first, second = await staff_member(koldo, [BATKEN]), await staff_member(koldo, [BATKEN])
    await first.press_data(case_data(CaseAction.CLAIM, case.id))
    await first.press(en("btn-case-handover"))
    await first.press(en("btn-handover-to", organisation="-", id=str(second.user.id)))
    assert family.last_text == ru("family-case-handed-over", code=case.code)
    assert ru("btn-my-case-write") in family.last.buttons()


async def test_a_reopened_case_tells_its_holder_and_its_family(koldo: Harness) -> None:
    ky, ru = koldo.t("ky"), koldo.t("ru")
    family = koldo.person(language_code="ky")
    case = await registered_case(koldo, family, "ky")
    coordinator = await staff_member(koldo, [BATKEN], "ru")
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    await coordinator.press(ru("btn-case-resolve"))
    await coordinator.press(ru("outcome-helped"))

    await family.press(ky("btn-my-case-write"))
    await family.send("Дагы дары керек.")

    assert family.last_text == ky("my-case-reopened", code=case.code) + "\n" + ky("my-case-sent")
    header = next(m for m in reversed(coordinator.view.messages) if m.copied is None)
    assert header.text == ru("relay-reopened-by-family", code=case.code)


async def test_a_reopened_case_nobody_holds_is_announced_again(koldo: Harness) -> None:
    en = koldo.t("en")
    family = koldo.person(language_code="en")
    case = await registered_case(koldo, family, "en")
    coordinator = await staff_member(koldo, [BATKEN])
    await deliver_alerts(koldo)
    async with koldo.session() as session:  # closed with nobody holding it (found by the family)
        stored = await queue.by_id(session, case.id)
        assert stored is not None
        stored.status, stored.outcome = CaseStatus.RESOLVED, "found_by_family"
        await session.commit()
    await family.press_data(MyCaseCb(action=MyCaseAction.WRITE, case=case.id).pack())
    await family.send("We need help again.")
    assert family.last_text == en("my-case-reopened", code=case.code) + "\n" + en("my-case-queued")
    await deliver_alerts(koldo)
    assert coordinator.last_text == en("alert-new-cases", count=1, codes=case.code)
