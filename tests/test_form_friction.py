"""The family's journey through the forms without friction (issue 11, points 7 to 9): consent
asked on the way into a form and the form going on after it; a village not in the list named
as written; Back and leaving that say "kept" only when something was; a text too long kept as
far as it fits; hints that name only buttons on screen; a language change that leaves no
keyboard in the old language; and one live keyboard in the chat, never a pile of dead ones."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Awaitable, Callable

import pytest
from sqlalchemy import select

from bot.callbacks import AgreedForCb, MenuItem
from bot.i18n import Translator
from storage.models import Case
from storage.repositories import users
from tests.conftest import Harness
from tests.support.cases import BATKEN, staff_member
from tests.support.fake_telegram import NGINX_502
from tests.support.forms import buttons_in_sight, hinted, with_buttons
from tests.support.journeys import (
    KOK_TASH,
    LANGUAGE_BUTTONS,
    agree_and_open_menu,
    consent_text,
    safe_consent_text,
)
from tests.support.people import Person

Step = Callable[[Person, Translator], Awaitable[None]]


async def declined(family: Person, t: Translator) -> None:
    """Started, chose the language, said no to the consent: the main menu."""
    await family.send("/start")
    await family.press(LANGUAGE_BUTTONS[t.locale])
    await family.press(t("btn-consent-decline"))
    assert family.last_text == t("main-menu")


async def only_case(koldo: Harness) -> Case:
    async with koldo.session() as session:
        [case] = (await session.scalars(select(Case))).all()
    return case


def area_name(koldo: Harness, code: str, locale: str) -> str:
    area = koldo.resources.geography.area(code)
    assert area is not None
    return area.name(locale)


# --- 7: consent asked on the way into a form, and the form after it --------------------------


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_ask_for_help_before_consenting_shows_the_consent_then_the_form(
    koldo: Harness, locale: str
) -> None:
    family = koldo.person()
    t = koldo.t(locale)
    await declined(family, t)

    await family.press(t("menu-needs"))
    consent = family.last
    assert consent_text(t) in consent.text  # the text to agree to, not "please read:" and nothing
    assert consent.text.startswith(consent_text(t, "consent-needed")[:20])
    assert consent.buttons() == [t("btn-consent-agree"), t("btn-consent-decline")]

    await family.press(t("btn-consent-agree"))
    assert t("consent-thanks") in family.texts()
    assert t("main-menu") not in family.texts()[-3:]
    assert family.texts()[-2:] == [t("needs-intro"), t("needs-location")]
    assert t("btn-share-location") in family.reply_buttons()
    await family.share_location(*KOK_TASH)
    assert family.last_text == t("needs-size")
    async with koldo.session() as session:
        user = await users.get(session, family.user.id)
        assert user is not None and user.consent_at is not None


async def test_a_missing_relative_before_consenting_goes_on_to_the_report(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await declined(family, t)
    await family.press(t("menu-missing"))
    assert consent_text(t) in family.last_text

    await family.press(t("btn-consent-agree"))
    assert family.texts()[-2:] == [t("missing-intro"), t("missing-name", max=100)]
    await family.send("Жумабаев Айбек")
    assert family.last_text == t("missing-sex")


async def test_we_are_safe_before_consenting_goes_on_to_the_list(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await declined(family, t)
    await family.press(t("menu-safe"))
    assert consent_text(t) in family.last_text

    await family.press(t("btn-consent-agree"))
    assert family.last_text == safe_consent_text(t)
    await family.press(t("btn-safe-agree"))
    assert family.last_text == t("safe-name-self")


async def test_declining_the_consent_a_form_asked_for_leads_to_the_menu(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("en")
    await declined(family, t)
    await family.press(t("menu-needs"))
    await family.press(t("btn-consent-decline"))
    assert t("consent-declined") in family.texts()
    assert family.last_text == t("main-menu")
    await family.press(t("menu-needs"))  # asked again, still
    assert consent_text(t) in family.last_text


async def test_agreeing_where_no_journey_can_go_on_is_a_plain_yes(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await declined(family, t)
    await family.press_data(AgreedForCb(journey=MenuItem.SHELTERS).pack())  # no form: forged
    assert family.texts()[-2:] == [t("consent-thanks"), t("main-menu")]
    await family.press(t("menu-needs"))
    assert family.last_text == t("needs-location")  # agreed: no consent asked any more


# --- 8a: a village not in the list, named as written ----------------------------------------


async def to_the_village_list(family: Person, t: Translator, koldo: Harness) -> None:
    await agree_and_open_menu(family, t)
    await family.press(t("menu-needs"))
    await family.tap(t("btn-choose-district"))
    await family.press(area_name(koldo, BATKEN, t.locale))
    assert family.last_text == t("needs-village", area=area_name(koldo, BATKEN, t.locale))


async def test_a_village_not_in_the_list_is_written_and_reaches_the_coordinator(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await to_the_village_list(family, t, koldo)

    await family.press(t("btn-village-not-listed"))
    assert family.last_text == t("needs-village-type", max=64)
    assert family.last.buttons() == [t("btn-skip"), t("btn-back")]
    await family.send_sticker()
    assert hinted(family, t("needs-village-type-hint"), t("needs-village-type", max=64))
    await family.send("Ж" * 65)
    assert hinted(family, t("needs-village-too-long", max=64), t("needs-village-type", max=64))
    await family.send("  Жаңы\x07 Турмуш   <2>  ")  # as written, the control character gone
    assert family.last_text == t("needs-size")

    await family.press("4")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-shelter")))
    await family.press(t("btn-continue"))
    await family.tap(t("btn-skip"))
    await family.press(t("btn-skip"))
    batken = area_name(koldo, BATKEN, "ky")
    assert t("place-village", village="Жаңы Турмуш &lt;2&gt;", area=batken) in family.last_text
    await family.press(t("btn-confirm"))
    case = await only_case(koldo)
    assert (case.district, case.village) == (BATKEN, "Жаңы Турмуш <2>")

    coordinator = await staff_member(koldo, [BATKEN], "ru")
    await coordinator.press(coordinator.last.buttons()[0])
    ru_place = koldo.t("ru")("place-village", village="Жаңы Турмуш &lt;2&gt;", area="")
    assert ru_place.rstrip(", ") + ", " + area_name(koldo, BATKEN, "ru") in coordinator.last_text


async def test_a_written_village_that_is_in_the_list_after_all_is_that_village(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await to_the_village_list(family, t, koldo)
    await family.press(t("btn-village-not-listed"))
    await family.send("Кок-Таш")
    await family.press("2")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-food_water")))
    await family.press(t("btn-continue"))
    await family.tap(t("btn-skip"))
    await family.press(t("btn-skip"))
    await family.press(t("btn-confirm"))
    assert (await only_case(koldo)).village == "kok-tash"


async def test_skip_and_back_on_writing_the_village(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("en")
    await to_the_village_list(family, t, koldo)
    await family.press(t("btn-village-not-listed"))
    await family.press(t("btn-back"))
    assert family.last_text == t("needs-village", area=area_name(koldo, BATKEN, "en"))
    await family.press(t("btn-village-not-listed"))
    await family.press(t("btn-skip"))
    assert family.last_text == t("needs-size")


async def test_the_missing_report_takes_a_written_village(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("en")
    await agree_and_open_menu(family, t)
    await family.press(t("menu-missing"))
    await family.press(t("btn-missing-report"))
    await family.send("Aibek Jumabaev")
    await family.press(t("missing-sex-male"))
    await family.send("40")
    await family.press(t("relation-brother"))
    await family.tap(t("btn-choose-district"))
    await family.press(area_name(koldo, BATKEN, "en"))
    await family.press(t("btn-missing-village-not-listed"))
    assert family.last_text == t("missing-village-type", max=64)
    await family.send("Upper Pasture")
    assert family.last_text == t("missing-seen")
    await family.press(t("btn-missing-seen-today"))
    await family.press(t("btn-missing-none-of-these"))
    await family.press(t("btn-skip"))
    await family.press(t("btn-skip"))
    await family.send("Aigul")
    await family.tap(t("btn-skip"))
    place = t("place-village", village="Upper Pasture", area=area_name(koldo, BATKEN, "en"))
    assert place in family.last_text


# --- 8b: "what you entered is kept" only when something was ----------------------------------


async def test_back_on_the_first_step_says_kept_only_when_something_was_entered(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await agree_and_open_menu(family, t)
    await family.press(t("menu-needs"))
    await family.tap(t("btn-back"))
    assert family.last_text == t("needs-leave-question-empty")
    await family.press(t("btn-form-resume"))
    await family.share_location(*KOK_TASH)
    await family.send("/menu")
    assert family.last_text == t("needs-leave-question")  # the place is kept


async def test_leaving_a_report_or_a_list_not_begun_says_nothing_is_kept(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await agree_and_open_menu(family, t)
    await family.press(t("menu-missing"))
    await family.press(t("btn-missing-report"))
    await family.press(t("btn-back"))
    assert family.last_text == t("missing-leave-question-empty")
    await family.press(t("btn-missing-resume"))
    await family.send("Айбек")
    await family.send("/menu")
    assert family.last_text == t("missing-leave-question")
    await family.press(t("btn-form-discard"))

    await family.press(t("menu-safe"))
    await family.send("/menu")
    assert family.last_text == t("safe-leave-question-empty")
    await family.press(t("btn-safe-resume"))
    await family.press(t("btn-safe-agree"))  # agreeing is no answer to keep
    await family.send("/menu")
    assert family.last_text == t("safe-leave-question-empty")
    await family.press(t("btn-safe-resume"))
    await family.send("Айгүл")
    await family.send("/start")
    assert family.last_text == t("safe-leave-question")


# --- 8c: a text too long keeps what fits, and says so --------------------------------------


async def test_a_text_too_long_is_kept_as_far_as_it_fits(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await agree_and_open_menu(family, t)
    await family.press(t("menu-needs"))
    await family.share_location(*KOK_TASH)
    await family.press("2")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-documents")))
    await family.press(t("btn-continue"))
    await family.tap(t("btn-skip"))

    long = "Дом сгорел. " * 120  # 1440 characters
    await family.send(long)
    notice = t("needs-text-cut", max=1000, kept=1000)
    assert family.last_text == notice
    assert "«📋 Мои заявки»" in notice and t("menu-cases") == "📋 Мои заявки"
    assert family.last.buttons() == [t("btn-continue"), t("btn-back")]
    await family.send("Ещё")
    assert family.last_text == t("needs-text-full", max=1000)
    await family.press(t("btn-continue"))
    await family.press(t("btn-confirm"))
    case = await only_case(koldo)
    assert case.details == long.strip()[:1000]


# --- 8d: a hint names only buttons on screen -----------------------------------------------

QUOTE = re.compile(r"«([^»]*)»|“([^”]*)”")


def _label(text: str) -> str:
    """A button's words as people read them: no emoji or arrows, any letter case."""
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LNZ" or ch in "-'’")
    return " ".join(kept.split()).casefold()


def buttons_a_hint_names_not_in_sight(family: Person, hint: str) -> set[str]:
    """The buttons a hint quotes that are nowhere on screen."""
    quoted = {_label(a or b) for a, b in QUOTE.findall(hint)}
    return quoted - {_label(label) for label in buttons_in_sight(family)}


async def hint_for_a_sticker(family: Person) -> str:
    """What a sticker sent now gets: the first message that answers it."""
    before = len(family.view.messages)
    await family.send_sticker()
    return family.view.messages[before].text


async def _location(family: Person, t: Translator) -> None:
    await family.share_location(*KOK_TASH)


def press(message_id: str, **args: object) -> Step:
    async def step(family: Person, t: Translator) -> None:
        await family.press(t(message_id, **args) if args else t(message_id))

    return step


def tap(message_id: str) -> Step:
    async def step(family: Person, t: Translator) -> None:
        await family.tap(t(message_id))

    return step


def write(text: str) -> Step:
    async def step(family: Person, t: Translator) -> None:
        await family.send(text)

    return step


async def write_photo(family: Person, t: Translator) -> None:
    await family.send_photo()


async def _to_needs(family: Person, t: Translator) -> None:
    await agree_and_open_menu(family, t)
    await family.press(t("menu-needs"))


async def _to_missing(family: Person, t: Translator) -> None:
    await agree_and_open_menu(family, t)
    await family.press(t("menu-missing"))
    await family.press(t("btn-missing-report"))


@pytest.mark.parametrize("locale", ["ky", "ru"])
async def test_every_hint_of_the_needs_form_names_only_buttons_on_screen(
    koldo: Harness, locale: str
) -> None:
    family = koldo.person()
    t = koldo.t(locale)
    steps: list[Step] = [
        _location,
        write("4"),
        press("btn-nobody-vulnerable"),
        press("toggle", on="no", label=t("need-food_water")),
        press("btn-continue"),
        tap("btn-skip"),  # the details step: nothing yet (Skip), then something (Continue)
        write("Бала ооруп жатат."),
        press("btn-continue"),  # the summary
        press("btn-back"),  # the details again
    ]
    await _to_needs(family, t)
    for number, step in enumerate([None, *steps]):
        if step is not None:
            await step(family, t)
        hint = await hint_for_a_sticker(family)
        assert not buttons_a_hint_names_not_in_sight(family, hint), (number, hint)


@pytest.mark.parametrize("locale", ["ky", "ru"])
async def test_every_hint_of_the_missing_report_names_only_buttons_on_screen(
    koldo: Harness, locale: str
) -> None:
    family = koldo.person()
    t = koldo.t(locale)
    steps: list[Step] = [
        write("Жумабаев Айбек"),
        press("missing-sex-male"),
        write("40"),
        press("relation-brother"),
        _location,
        press("btn-missing-seen-today"),
        press("btn-missing-none-of-these"),  # photos: none yet (Skip)
        write_photo,  # then one (Continue)
        press("btn-continue"),  # the description: none yet (Skip)
        write("Көк куртка."),  # then some (Continue)
        press("btn-continue"),
        write("Айгүл"),
        tap("btn-skip"),
    ]
    await _to_missing(family, t)
    for number, step in enumerate([None, *steps]):
        if step is not None:
            await step(family, t)
        hint = await hint_for_a_sticker(family)
        assert not buttons_a_hint_names_not_in_sight(family, hint), (number, hint)


async def test_the_details_hint_says_skip_before_anything_and_continue_after(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await _to_needs(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("2")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-cash")))
    await family.press(t("btn-continue"))
    await family.tap(t("btn-skip"))
    await family.send_sticker()
    assert hinted(family, t("needs-details-hint-skip"), t("needs-details"))
    assert t("btn-skip") in family.view.messages[-2].buttons()
    await family.send_photo()
    await family.send_sticker()
    assert hinted(family, t("needs-details-hint"), t("needs-file-added"))
    assert t("btn-continue") in buttons_in_sight(family)


# --- 8e: a language change leaves no keyboard in the old language ----------------------------


async def test_a_language_change_shows_the_steps_reply_keyboard_in_the_new_language(
    koldo: Harness,
) -> None:
    family = koldo.person()
    ky, ru = koldo.t("ky"), koldo.t("ru")
    await _to_needs(family, ky)
    await family.send("/language")
    await family.press("Русский")
    assert family.reply_buttons() == [
        ru("btn-share-location"),
        ru("btn-choose-district"),
        ru("btn-back"),
    ]
    await family.share_location(*KOK_TASH)
    await family.press("3")
    await family.press(ru("btn-nobody-vulnerable"))
    await family.press(ru("toggle", on="no", label=ru("need-cash")))
    await family.press(ru("btn-continue"))
    assert family.reply_buttons()[0] == ru("btn-share-phone")

    # Leaving asked on the phone step: the phone's keyboard is under the leave question.
    await family.send("/menu")
    assert family.last_text == ru("needs-leave-question")
    await family.send("/language")
    await family.press("Кыргызча")
    assert not set(family.reply_buttons()) & {ru("btn-share-phone"), ru("btn-skip")}
    assert family.last_text == ky("needs-leave-question")
    assert len(with_buttons(family)) == 1
    await family.press(ky("btn-form-resume"))
    assert family.reply_buttons() == [ky("btn-share-phone"), ky("btn-skip"), ky("btn-back")]


# --- 9: one live keyboard, never a pile of dead ones -----------------------------------------


async def test_a_bad_entry_gets_a_short_hint_and_never_a_second_live_keyboard(
    koldo: Harness,
) -> None:
    family = koldo.person()
    t = koldo.t("en")
    await _to_needs(family, t)
    await family.share_location(*KOK_TASH)
    size, hint = t("needs-size"), t("needs-size-invalid", max=30)
    size_buttons = family.last.buttons()

    await family.send("five")  # right under the step: the hint alone
    assert family.texts()[-2:] == [size, hint]
    assert family.last.buttons() == []
    assert [m.buttons() for m in with_buttons(family)] == [size_buttons]

    await family.send("five")  # a hint is under it already: the step comes down, once
    assert family.texts()[-3:] == [hint, hint, size]
    assert [m.message_id for m in with_buttons(family)] == [family.last.message_id]

    await family.send("🙂")
    assert family.texts()[-2:] == [size, hint]
    await family.press("3")  # on the step above the hint: the next step comes at the bottom
    assert family.last_text == t("needs-vulnerable")
    assert [m.message_id for m in with_buttons(family)] == [family.last.message_id]


async def test_only_the_newest_screen_of_a_form_has_buttons(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await agree_and_open_menu(family, t)
    await family.press(t("menu-needs"))
    await family.tap(t("btn-choose-district"))
    assert len(with_buttons(family)) == 1
    await family.press(area_name(koldo, BATKEN, "ky"))
    await family.press(t("btn-village-not-listed"))
    await family.press(t("btn-back"))
    await family.press(t("btn-back"))  # the districts
    await family.press(area_name(koldo, BATKEN, "ky"))
    await family.press(t("btn-village-not-listed"))
    await family.send("Жаңы-Айыл")
    assert len(with_buttons(family)) == 1
    await family.press(t("btn-size-more"))
    await family.send("8")
    assert len(with_buttons(family)) == 1
    await family.press(t("btn-back"))  # back to the size from the vulnerabilities
    await family.send("8")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-cash")))
    await family.press(t("btn-continue"))
    assert len(with_buttons(family)) == 0  # the phone step: a reply keyboard only
    await family.tap(t("btn-back"))
    assert len(with_buttons(family)) == 1 and family.last_text == t("needs-needs")
    await family.press(t("btn-continue"))
    await family.tap(t("btn-skip"))
    await family.send("Бир")
    await family.send("Эки")
    await family.send_photo()
    assert len(with_buttons(family)) == 1
    await family.press(t("btn-continue"))
    await family.press(t("btn-edit-phone"))  # a reply keyboard comes: the summary loses its own
    assert len(with_buttons(family)) == 0
    await family.tap(t("btn-skip"))
    assert len(with_buttons(family)) == 1
    await family.press(t("btn-confirm"))
    assert family.last_text == t("main-menu")
    # The code and the menu: the code's message keeps its "we are safe" button, nothing else.
    assert [m.text for m in with_buttons(family)][-1] == t("main-menu")


@pytest.mark.parametrize(
    "refusal",
    [
        '{"ok":false,"error_code":400,"description":"Bad Request: message to edit not found"}',
        '{"ok":false,"error_code":400,"description":"Bad Request: message is not modified: '
        "specified new message content and reply markup are exactly the same as a current "
        'content and reply markup of the message"}',
        '{"ok":false,"error_code":400,"description":"Bad Request: message can\'t be edited"}',
    ],
)
async def test_buttons_telegram_will_not_take_off_do_not_stop_the_form(
    koldo: Harness, refusal: str
) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await _to_needs(family, t)
    await family.share_location(*KOK_TASH)
    koldo.telegram.failures["editMessageReplyMarkup"] = [(400, refusal), (502, NGINX_502)]
    await family.send("пять")
    await family.send("пять")  # the step comes down; the old copy keeps its buttons
    await family.send("4")  # and again: the step after it
    assert family.last_text == t("needs-vulnerable")
    assert t("error-apology") not in family.texts()
    assert koldo.telegram.failures["editMessageReplyMarkup"] == []
