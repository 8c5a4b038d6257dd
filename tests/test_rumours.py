"""'Is this true?' (issue 10, point 4): families ask about what they saw; one answer from an
admin or a fact-checker reaches every family that asked, in its own language."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiogram.methods import SendPhoto
from aiogram.types import Chat, MessageOriginChannel, MessageOriginHiddenUser, PhotoSize
from sqlalchemy import func, select

from bot.callbacks import CaseAction, MenuCb, MenuItem, RumourAction, RumourCb
from bot.i18n import Translator
from bot.matching.rumours import Asked, Question, best_rumour, same_text, words
from bot.screens import rumours as rumour_screens
from storage.models import Case, CaseKind, CaseStatus, Role, Rumour, Verdict
from storage.repositories import audit, users
from storage.repositories import broadcasts as broadcast_repo
from tests.conftest import Harness
from tests.support.cases import BATKEN, case_data, deliver_alerts, staff_member
from tests.support.journeys import LANGUAGE_BUTTONS, agree_and_open_menu, consent_text
from tests.support.people import Person
from tests.test_cli import koldo as run_koldo

CHANNEL = Chat(id=-1001234567890, type="channel", title="Batken Janylyktary", username="bnews")
# A post as a channel put it, and as another family retyped it (another ending, no dash, no
# capitals); and something else entirely.
POST = "Срочно! Дорога Баткен–Исфана закрыта, все выезжают через Лейлек."
SIMILAR = "срочно дорогу баткен исфана закрыли все выезжают через лейлек!!"
OTHER = "В Кадамжае завтра раздают муку и масло у школы номер 5, приходите с паспортом."
ORGANISATION = "Batken Fact Check"


def channel_post(message_id: int = 77) -> MessageOriginChannel:
    return MessageOriginChannel(
        type="channel", date=datetime.now(UTC), chat=CHANNEL, message_id=message_id
    )


# --- the matcher, alone ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "retold",
    [
        "срочно дорога баткен исфана закрыта все выезжают через лейлек!!!",  # case, punctuation
        "Срочнo! Дoрoга Баткен–Исфана закрыта, все выезжают через Лейлек.",  # Latin o inside
        "Срочно: дорогу Баткен-Исфана закрыли, все выезжают через Лейлек",  # other endings
        "Дорога Баткен Исфана закрыта, все выезжают через Лейлек",  # one word fewer
        "Срочно! Дорога Баткен–Исфана закрыта, все выежают через Лейлек https://t.me/x/1",  # a typo
    ],
)
def test_a_rumour_retold_is_the_same_rumour(retold: str) -> None:
    assert same_text(POST, retold)
    assert same_text(retold, POST)


@pytest.mark.parametrize(
    "other",
    [
        "Срочно! Дорога Баткен–Исфана открыта, все выезжают через Лейлек.",  # the opposite
        "Срочно! Дорога Баткен–Исфана не закрыта, все выезжают через Лейлек.",  # negated
        "Срочно! Дорога Баткен–Исфара закрыта, все выезжают через Лейлек.",  # another town
        "Срочно! Дорога Баткен–Исфана закрыта, все выезжают через Лейлек до 18:00.",  # a time
        "Дорога закрыта",  # too short to tell
        OTHER,
    ],
)
def test_a_near_miss_is_another_rumour(other: str) -> None:
    assert not same_text(POST, other)
    assert not same_text(other, POST)


def test_numbers_must_agree() -> None:
    killed = "В селе Ак-Сай при обстреле погибли 5 человек, дома горят"
    assert same_text(killed, "в селе ак сай при обстреле погибли 5 человек дома горят")
    assert not same_text(killed, killed.replace("5", "50"))


def test_short_questions_never_join_by_words() -> None:
    assert not same_text("Это правда?", "Это правда?")
    assert words("Ёлка, «ЁЖ»!") == ["елка", "еж"]


def test_the_same_post_or_picture_joins_whatever_the_words() -> None:
    earlier = [
        Asked(1, Question("Текст первой семьи о чём-то совсем другом сегодня", "-100:7")),
        Asked(2, Question("", None, frozenset({"photo-a"}))),
        Asked(3, Question(POST)),
    ]
    assert best_rumour(Question("правда?", "-100:7"), earlier) == 1
    assert best_rumour(Question("", None, frozenset({"photo-a", "b"})), earlier) == 2
    assert best_rumour(Question(SIMILAR), earlier) == 3
    assert best_rumour(Question(OTHER, "-100:8", frozenset({"c"})), earlier) is None


def test_the_matcher_imports_neither_aiogram_nor_a_database() -> None:
    program = (
        "import sys\n"
        "import bot.matching.rumours\n"
        "heavy = [m for m in ('aiogram', 'sqlalchemy', 'redis') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == "[]"


# --- helpers ---------------------------------------------------------------------------------


async def family_of(koldo: Harness, locale: str) -> tuple[Person, Translator]:
    family = koldo.person(language_code=locale)
    t = koldo.t(locale)
    await agree_and_open_menu(family, t)
    return family, t


async def open_question(family: Person) -> None:
    """The "Is this true?" button of the safety updates screen (another branch draws it)."""
    await family.press_data(MenuCb(item=MenuItem.RUMOUR).pack())


async def ask(
    koldo: Harness, family: Person, t: Translator, text: str, *, forwarded: bool = False
) -> Case:
    """Asks about `text` (forwarded from the channel, or typed) and sends it; the case made."""
    await open_question(family)
    assert family.last_text == t("rumour-ask")
    if forwarded:
        await family.forward(channel_post(), text)
    else:
        await family.send(text)
    assert family.last_text == t("rumour-received")
    await family.press(t("btn-rumour-send"))
    return await newest_case(koldo, family)


async def newest_case(koldo: Harness, family: Person) -> Case:
    async with koldo.session() as session:
        query = select(Case).where(Case.user_id == family.user.id).order_by(Case.id.desc())
        case = await session.scalar(query.limit(1))
    assert case is not None
    return case


async def case_by_id(koldo: Harness, case_id: int) -> Case:
    async with koldo.session() as session:
        case = await session.get(Case, case_id)
    assert case is not None
    return case


async def fact_checker(koldo: Harness, language: str = "en") -> Person:
    """A coordinator of no district who checks rumours, granted as an admin would."""
    person = await staff_member(koldo, [], language)
    async with koldo.session() as session:
        user = await users.get(session, person.user.id)
        assert user is not None
        user.fact_checker, user.organisation = True, ORGANISATION
        await session.commit()
    return person


async def open_card(staff: Person, code: str) -> None:
    await staff.send("/queue")
    label = next(b for b in staff.last.buttons() if code in b)
    await staff.press(label)


async def answer(
    koldo: Harness, staff: Person, code: str, verdict: Verdict, texts: dict[str, str]
) -> None:
    """From the queue, as staff reading English: the verdict, the explanation in each language
    (a language not in `texts` is skipped), the preview, confirm."""
    en = koldo.t("en")
    await open_card(staff, code)
    await staff.press(en(f"btn-rumour-{verdict.value}"))
    for language in ("ky", "ru", "en"):
        if language in texts:
            await staff.send(texts[language])
        else:
            await staff.press(en("btn-rumour-skip"))
    assert staff.last_text.startswith(en("rumour-preview"))
    confirm = next(b for b in staff.last.buttons() if b.startswith("📨"))
    await staff.press(confirm)


def answered_text(
    t: Translator, code: str, verdict: Verdict, explanation: str, source: str = ORGANISATION
) -> str:
    """What a family reads: their code, the verdict, the explanation, who checked."""
    body = rumour_screens.answer_body(t, verdict, explanation, source)
    return t("rumour-answer", code=code, body=body)


def answers_of(family: Person, t: Translator, code: str) -> list[str]:
    head = t("rumour-answer", code=code, body="")
    return [m for m in family.texts() if m.startswith(head)]


FALSE_KY = "Жол ачык. Баткен облусунун башкармалыгы саат 10до ырастады."
FALSE_RU = "Дорога открыта. Администрация Баткенской области подтвердила это в 10:00."


# --- a family asks ---------------------------------------------------------------------------


async def test_a_forward_and_a_retold_text_are_one_rumour_and_another_text_another(
    koldo: Harness,
) -> None:
    aigul, ky = await family_of(koldo, "ky")
    first = await ask(koldo, aigul, ky, POST, forwarded=True)
    assert aigul.last_text == ky("rumour-sent", code=first.code)
    assert (first.kind, first.forward_key) == (CaseKind.RUMOUR, f"{CHANNEL.id}:77")
    assert first.details == POST and first.language == "ky"
    olga, ru = await family_of(koldo, "ru")
    second = await ask(koldo, olga, ru, SIMILAR)
    john, en = await family_of(koldo, "en")
    third = await ask(koldo, john, en, OTHER)
    assert second.rumour_id == first.rumour_id != third.rumour_id
    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(Rumour)) == 2

    # The queue has one line per rumour; the card shows the first question and the count.
    admin = await staff_member(koldo, role=Role.ADMIN)
    await admin.send("/queue")
    lines = " ".join(admin.last.buttons())
    assert first.code in lines and third.code in lines and second.code not in lines
    await open_card(admin, first.code)
    card = admin.last_text
    assert "Asked by 2 families" in card
    assert "Forwarded from the channel Batken Janylyktary (@bnews)" in card
    assert POST in card and SIMILAR not in card
    assert {koldo.t("en")(f"btn-rumour-{v}") for v in ("true", "false", "unknown")} <= set(
        admin.last.buttons()
    )

    # Nothing of one family reaches another: not the post, not the channel, not the words.
    for family, theirs in ((aigul, POST), (olga, SIMILAR), (john, OTHER)):
        seen = " ".join(family.texts())
        for words_of_another in {POST, SIMILAR, OTHER, "Batken Janylyktary"} - {theirs}:
            assert words_of_another not in seen
    await olga.press(ru("btn-my-cases"))
    assert olga.last.buttons()[0] == ru(
        "btn-my-rumour", code=second.code, status=ru("rumour-status-checking")
    )
    await olga.press(olga.last.buttons()[0])
    assert "срочно дорогу баткен" in olga.last_text and POST not in olga.last_text


async def test_a_photo_is_kept_and_the_same_picture_joins_the_same_rumour(koldo: Harness) -> None:
    aigul, ky = await family_of(koldo, "ky")
    await open_question(aigul)
    picture = [PhotoSize(file_id="file-A", file_unique_id="pic-1", width=800, height=600)]
    await aigul.forward(
        MessageOriginHiddenUser(type="hidden_user", date=datetime.now(UTC), sender_user_name="Ali"),
        photo=picture,
        caption="Эртең суу болбойт дешти",
    )
    await aigul.press(ky("btn-rumour-send"))
    first = await newest_case(koldo, aigul)
    # The same picture comes again through another chat: another file id, the same picture.
    olga, ru = await family_of(koldo, "ru")
    await open_question(olga)
    same = [PhotoSize(file_id="file-B", file_unique_id="pic-1", width=800, height=600)]
    await olga.forward(channel_post(90), photo=same)
    await olga.press(ru("btn-rumour-send"))
    second = await newest_case(koldo, olga)
    assert second.rumour_id == first.rumour_id
    assert second.details is None

    admin = await staff_member(koldo, role=Role.ADMIN)
    await open_card(admin, first.code)
    photos = [c for c in koldo.telegram.calls if isinstance(c, SendPhoto)]
    assert [p.photo for p in photos] == ["file-A"] and photos[0].chat_id == admin.user.id
    en = koldo.t("en")
    assert en("rumour-card-photo") in admin.last_text
    assert "Forwarded from Ali (the account is hidden)" in admin.last_text


@pytest.mark.parametrize("what", ["sticker", "voice", "document", "dots"])
async def test_what_cannot_be_checked_gets_a_hint_and_the_prompt_stays(
    koldo: Harness, what: str
) -> None:
    family, t = await family_of(koldo, "ru")
    await open_question(family)
    if what == "sticker":
        await family.send_sticker()
    elif what == "voice":
        await family.send_voice()
    elif what == "document":
        await family.send_document()
    else:
        await family.send("...")
    assert family.last_text == t("rumour-hint-nothing")
    assert t("btn-rumour-send") not in family.last.buttons()  # nothing to send yet
    await family.send(SIMILAR)  # still asking: the question goes on
    assert family.last_text == t("rumour-received")
    await family.send_sticker()
    assert family.last_text == t("rumour-hint-nothing")
    assert t("btn-rumour-send") in family.last.buttons()  # what came before is kept
    await family.press(t("btn-rumour-send"))
    case = await newest_case(koldo, family)
    assert case.details == SIMILAR and family.last_text == t("rumour-sent", code=case.code)


async def test_a_question_needs_consent_first(koldo: Harness) -> None:
    family = koldo.person(language_code="ky")
    t = koldo.t("ky")
    await family.send("/start")
    await family.press(LANGUAGE_BUTTONS["ky"])
    await open_question(family)
    assert family.last_text == consent_text(t, "consent-needed")
    await family.send(POST)
    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(Case)) == 0


async def test_sending_twice_makes_one_question_and_asking_again_finds_it(koldo: Harness) -> None:
    family, t = await family_of(koldo, "ru")
    await open_question(family)
    await family.send(POST)
    send = RumourCb(action=RumourAction.SEND).pack()
    await family.press_data(send)
    await family.press_data(send)  # pressed twice, or Telegram delivering the press again
    assert family.view.alerts[-1] == t("button-expired")
    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(Case)) == 1
    case = await newest_case(koldo, family)
    # The same family asks about the same thing again: their question is found, not doubled.
    await open_question(family)
    await family.send(SIMILAR)
    await family.press(t("btn-rumour-send"))
    assert family.last_text == t("rumour-asked-before", code=case.code)
    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(Case)) == 1


async def test_check_command_asks_and_a_command_leaves(koldo: Harness) -> None:
    family, t = await family_of(koldo, "en")
    await family.send("/check")
    assert family.last_text == t("rumour-ask")
    await family.send("/menu")
    assert family.last_text == t("main-menu")
    await family.send(POST)  # no longer asking: not a question
    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(Case)) == 0


# --- who sees rumours ------------------------------------------------------------------------


async def test_only_admins_and_fact_checkers_see_rumours_and_hear_of_new_ones(
    koldo: Harness,
) -> None:
    en = koldo.t("en")
    coordinator = await staff_member(koldo, [BATKEN])
    checker = await fact_checker(koldo)
    admin = await staff_member(koldo, role=Role.ADMIN)
    family, ky = await family_of(koldo, "ky")
    case = await ask(koldo, family, ky, POST, forwarded=True)

    await deliver_alerts(koldo)
    alert = en("alert-new-rumours", count=1, codes=case.code)
    assert checker.last_text == alert and admin.last_text == alert
    assert not any(case.code in text for text in coordinator.texts())
    # A second family asking about it alerts nobody again.
    other, ru = await family_of(koldo, "ru")
    await ask(koldo, other, ru, SIMILAR)
    await deliver_alerts(koldo)
    assert [checker.texts().count(alert), admin.texts().count(alert)] == [1, 1]

    for staff in (checker, admin):
        await staff.send("/queue")
        assert any(case.code in b for b in staff.last.buttons())
    await coordinator.send("/queue")
    assert not any(case.code in b for b in coordinator.last.buttons())
    # Forged buttons of an ordinary coordinator: refused, audited, nothing changes.
    await coordinator.press_data(case_data(CaseAction.OPEN, case.id))
    assert coordinator.view.alerts[-1] == en("case-refused-not-allowed")
    await coordinator.press_data(
        RumourCb(action=RumourAction.VERDICT, case=case.id, value="false").pack()
    )
    assert coordinator.view.alerts[-1] == en("case-refused-not-allowed")
    await coordinator.press_data(RumourCb(action=RumourAction.CONFIRM, case=case.id).pack())
    assert coordinator.view.alerts[-1] == en("case-refused-not-allowed")
    await coordinator.press_data(case_data(CaseAction.CLAIM, case.id))
    async with koldo.session() as session:
        refused = [
            e.actor_id
            for e in await audit.entries(session, "case.refused")
            if e.subject == case.code
        ]
        rumour = await session.get(Rumour, case.rumour_id)
    assert refused.count(coordinator.user.id) >= 3
    assert rumour is not None and rumour.verdict is None

    # Nobody holds a rumour, not even a fact-checker pressing a forged Claim.
    await checker.press_data(case_data(CaseAction.CLAIM, case.id))
    assert checker.view.alerts[-1] == en("case-refused-not-allowed")
    assert "Asked by 2 families" in checker.last_text  # the rumour card, as it is
    async with koldo.session() as session:
        claims = [
            e.details
            for e in await audit.entries(session, "case.refused")
            if e.actor_id == checker.user.id
        ]
    assert claims == [{"action": "claim"}]
    assert (await case_by_id(koldo, case.id)).assignee_id is None


# --- answering -------------------------------------------------------------------------------


async def test_a_false_answer_reaches_each_family_once_in_its_language(koldo: Harness) -> None:
    checker = await fact_checker(koldo)
    aigul, ky = await family_of(koldo, "ky")
    olga, ru = await family_of(koldo, "ru")
    john, en = await family_of(koldo, "en")
    asked = {
        "ky": await ask(koldo, aigul, ky, POST, forwarded=True),
        "ru": await ask(koldo, olga, ru, SIMILAR),
        "en": await ask(koldo, john, en, POST),
    }
    code = asked["ky"].code

    await open_card(checker, code)
    await checker.press(en("btn-rumour-false"))
    assert checker.last_text.startswith(en("rumour-word-false") + " · rumour " + code)
    assert en("btn-rumour-skip") not in checker.last.buttons()  # the default language: required
    await checker.send(FALSE_KY)
    await checker.send(FALSE_RU)
    await checker.press(en("btn-rumour-skip"))  # English falls back to the Kyrgyz text
    preview = checker.last_text
    assert "Kyrgyz</b> · 1 family" in preview and "English</b> · 1 family" in preview
    assert en("rumour-preview-fallback", default=en("rumour-language-ky")) in preview
    assert en("btn-rumour-confirm", count=3) in checker.last.buttons()
    confirm = RumourCb(action=RumourAction.CONFIRM, case=asked["ky"].id).pack()
    await checker.press(en("btn-rumour-confirm", count=3))
    assert checker.last_text == en("rumour-answered", told=3, count=3)
    assert en("btn-rumour-broadcast") not in checker.last.buttons()  # a fact-checker's

    expected = {"ky": FALSE_KY, "ru": FALSE_RU, "en": FALSE_KY}
    for (locale, case), family in zip(asked.items(), (aigul, olga, john), strict=True):
        t = koldo.t(locale)
        assert answers_of(family, t, case.code) == [
            answered_text(t, case.code, Verdict.FALSE, expected[locale])
        ]
        saved = await case_by_id(koldo, case.id)
        assert (saved.status, saved.outcome) == (CaseStatus.RESOLVED, "false")

    # Confirm pressed again: nothing is sent twice.
    await checker.press_data(confirm)
    assert checker.last_text == en("rumour-already-answered")
    assert len(answers_of(olga, ru, asked["ru"].code)) == 1

    await olga.press(ru("btn-my-cases"))
    label = ru("btn-my-rumour", code=asked["ru"].code, status=ru("rumour-status-answered"))
    assert olga.last.buttons()[0] == label
    await olga.press(label)
    assert rumour_screens.answer_body(ru, Verdict.FALSE, FALSE_RU, ORGANISATION) in olga.last_text
    async with koldo.session() as session:
        entries = await audit.entries(session, "rumour.answered")
    assert [(e.actor_id, e.details["verdict"]) for e in entries] == [(checker.user.id, "false")]


async def test_not_known_yet_keeps_questions_open_and_a_late_asker_hears_at_once(
    koldo: Harness,
) -> None:
    admin = await staff_member(koldo, role=Role.ADMIN)
    aigul, ky = await family_of(koldo, "ky")
    first = await ask(koldo, aigul, ky, POST, forwarded=True)
    unknown = "Азырынча расмий маалымат жок."
    await answer(koldo, admin, first.code, Verdict.UNKNOWN, {"ky": unknown})
    assert admin.last_text == koldo.t("en")("rumour-answered", told=1, count=1)
    # An admin answering "not known yet" has no safety update to send yet.
    assert koldo.t("en")("btn-rumour-broadcast") not in admin.last.buttons()
    assert answers_of(aigul, ky, first.code) == [
        answered_text(ky, first.code, Verdict.UNKNOWN, unknown, ky("rumour-source"))
    ]
    saved = await case_by_id(koldo, first.id)
    assert (saved.status, saved.outcome) == (CaseStatus.NEW, "unknown")
    await aigul.press(ky("btn-my-cases"))
    assert ky("rumour-status-unknown") in aigul.last.buttons()[0]

    # Another family asks meanwhile: told at once that it is not known yet, in Russian (the
    # Kyrgyz text stands in for the Russian left empty).
    olga, ru = await family_of(koldo, "ru")
    second = await ask(koldo, olga, ru, SIMILAR)
    assert olga.last_text == answered_text(
        ru, second.code, Verdict.UNKNOWN, unknown, ru("rumour-source")
    )
    assert (await case_by_id(koldo, second.id)).status == CaseStatus.NEW

    # Then it is known: both are told, both questions resolved.
    await answer(koldo, admin, first.code, Verdict.FALSE, {"ky": FALSE_KY, "ru": FALSE_RU})
    assert admin.last_text == koldo.t("en")("rumour-answered", told=2, count=2)
    assert koldo.t("en")("btn-rumour-broadcast") in admin.last.buttons()
    for family, t, case, text in ((aigul, ky, first, FALSE_KY), (olga, ru, second, FALSE_RU)):
        told = answers_of(family, t, case.code)
        assert told[-1] == answered_text(t, case.code, Verdict.FALSE, text, t("rumour-source"))
        assert (await case_by_id(koldo, case.id)).status == CaseStatus.RESOLVED

    # A family asking later gets the answer straight away; the question is resolved.
    john, en = await family_of(koldo, "en")
    late = await ask(koldo, john, en, POST)
    assert john.last_text == answered_text(
        en, late.code, Verdict.FALSE, FALSE_KY, en("rumour-source")
    )
    assert (late.status, late.outcome, late.rumour_id) == (
        CaseStatus.RESOLVED,
        "false",
        first.rumour_id,
    )
    await john.press(en("btn-my-cases"))
    assert en("rumour-status-answered") in john.last.buttons()[0]


async def test_the_admin_may_turn_an_answer_into_a_safety_update_the_fact_checker_not(
    koldo: Harness,
) -> None:
    en = koldo.t("en")
    admin = await staff_member(koldo, role=Role.ADMIN)
    checker = await fact_checker(koldo)
    family, ky = await family_of(koldo, "ky")
    case = await ask(koldo, family, ky, POST, forwarded=True)
    await answer(koldo, admin, case.code, Verdict.TRUE, {"ky": "Чын, жол жабык."})
    assert en("btn-rumour-broadcast") in admin.last.buttons()
    # Resolved, it is no longer queued: the card opens from an old message (an alert).
    await admin.press_data(case_data(CaseAction.OPEN, case.id))
    assert en("btn-rumour-broadcast") in admin.last.buttons()
    assert en("btn-rumour-true") not in admin.last.buttons()  # answered for good
    await checker.press_data(case_data(CaseAction.OPEN, case.id))
    assert en("rumour-card-said", verdict=en("rumour-word-true")) in checker.last_text
    assert en("btn-rumour-broadcast") not in checker.last.buttons()
    # A forged press of the fact-checker: refused and audited.
    await checker.press_data(RumourCb(action=RumourAction.BROADCAST, case=case.id).pack())
    assert checker.view.alerts[-1] == en("case-refused-not-allowed")
    async with koldo.session() as session:
        refused = [
            e for e in await audit.entries(session, "case.refused") if e.subject == case.code
        ]
    assert [(e.actor_id, e.details) for e in refused] == [
        (checker.user.id, {"action": "broadcast"})
    ]
    # The admin's press opens the composer with the answer and its source filled in: straight
    # at the audience, then the preview shows the Kyrgyz explanation as families will read it.
    await admin.press(en("btn-rumour-broadcast"))
    assert admin.last_text == en("broadcast-compose-audience")
    await admin.press(en("btn-broadcast-everyone"))
    await admin.press(en("btn-broadcast-normal"))
    assert admin.last.buttons()[0] == en("btn-broadcast-send")
    assert any("Чын, жол жабык." in text for text in admin.texts())
    await admin.press(en("btn-broadcast-send"))
    async with koldo.session() as session:
        made = await broadcast_repo.newest(session, 1)
    assert made and made[0].texts.get("ky") == "Чын, жол жабык." and made[0].source


# --- roles and erasure -----------------------------------------------------------------------


async def test_koldo_roles_grant_and_revoke_a_fact_checker(tmp_path: Path) -> None:
    env = {"KOLDO_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'k.sqlite3'}"}
    code, _ = await run_koldo("db", "upgrade", env=env)
    assert code == 0
    code, output = await run_koldo(
        "roles", "grant", "555", "coordinator", "--fact-checker", "--organisation", "FC", env=env
    )
    assert code == 0 and "555: coordinator, fact-checker" in output.splitlines()
    code, output = await run_koldo("roles", "list", env=env)
    assert "555\t(no name yet)\tcoordinator, fact-checker\tFC\tall districts" in output
    code, output = await run_koldo("roles", "grant", "556", "coordinator", env=env)
    assert code == 2 and "at least one district" in output  # a plain coordinator needs one
    code, output = await run_koldo("roles", "revoke", "555", env=env)
    assert code == 0
    code, output = await run_koldo(
        "roles", "grant", "555", "coordinator", "--districts", "batken-district", env=env
    )
    code, output = await run_koldo("roles", "list", env=env)
    assert "fact-checker" not in output  # revoked, then granted again without it


async def test_an_admin_grants_and_revokes_a_fact_checker_in_the_bot(koldo: Harness) -> None:
    en = koldo.t("en")
    admin = await staff_member(koldo, role=Role.ADMIN)
    checker = await staff_member(koldo, [BATKEN], role=Role.FAMILY)
    await admin.send(f"/grant {checker.user.id} coordinator - - Batken Fact Check factchecker")
    assert admin.last_text == en(
        "roles-granted", id=str(checker.user.id), role=en("role-fact-checker")
    )
    assert checker.last_text == en("roles-welcome-fact-checker-only")
    await admin.send("/staff")
    line = f"{checker.user.id} · (no name yet) · coordinator, fact-checker · Batken Fact Check"
    assert line in admin.last_text
    family, ky = await family_of(koldo, "ky")
    case = await ask(koldo, family, ky, POST)
    await checker.send("/queue")
    assert any(case.code in b for b in checker.last.buttons())

    await admin.send(f"/revoke {checker.user.id}")
    async with koldo.session() as session:
        person = await users.get(session, checker.user.id)
    assert person is not None and (person.role, person.fact_checker) == (Role.FAMILY, False)
    await checker.press_data(case_data(CaseAction.OPEN, case.id))
    assert checker.view.alerts[-1] == en("case-refused-not-allowed")
    # A grant with districts and the word adds a line to the welcome.
    await admin.send(f"/grant {checker.user.id} coordinator batken-district - NGO factchecker")
    assert en("roles-welcome-fact-checker") in checker.last_text


async def test_an_erased_family_leaves_the_rumour(koldo: Harness) -> None:
    aigul, ky = await family_of(koldo, "ky")
    first = await ask(koldo, aigul, ky, POST, forwarded=True)
    olga, ru = await family_of(koldo, "ru")
    second = await ask(koldo, olga, ru, SIMILAR)
    await aigul.send("/erase")
    await aigul.press(ky("btn-erase-confirm"))

    erased = await case_by_id(koldo, first.id)
    assert (erased.user_id, erased.details, erased.rumour_id, erased.forward_key) == (
        None,
        None,
        None,
        None,
    )
    admin = await staff_member(koldo, role=Role.ADMIN)
    await open_card(admin, second.code)
    card = admin.last_text
    assert "Asked by 1 family" in card and POST not in card and "Batken Janylyktary" not in card
    assert SIMILAR in card
    # A new forward of the same post no longer finds the erased family's question.
    john, en = await family_of(koldo, "en")
    await open_question(john)
    await john.forward(channel_post(), "правда?")
    await john.press(en("btn-rumour-send"))
    assert (await newest_case(koldo, john)).rumour_id != second.rumour_id
