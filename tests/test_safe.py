"""We are safe: a family lists who is with them, and relatives' reports can find them."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from bot.callbacks import SafeAction, SafeCb
from bot.i18n import Translator
from bot.services import household
from bot.services.household import NotAgreedError, SafeDraft, SafePerson, Sex
from storage.models import Case, Household, HouseholdMember, Person, PersonKey, PersonSource
from storage.repositories import audit, people, users
from tests.conftest import Harness
from tests.support.faults import fail_once_when_clearing
from tests.support.forms import hinted
from tests.support.journeys import (
    KOK_TASH,
    agree_and_open_menu,
    fill_needs_form,
    safe_consent_text,
)
from tests.support.people import Person as Family

KOK_TASH_KY = "Көк-Таш"


async def open_safe(family: Family, t: Translator) -> None:
    await agree_and_open_menu(family, t)
    await family.press(t("menu-safe"))
    assert family.last_text == safe_consent_text(t)


async def at_the_first_name(koldo: Harness, locale: str) -> tuple[Family, Translator]:
    """A family that opened "we are safe" and agreed: asked for the first person's name."""
    family = koldo.person()
    t = koldo.t(locale)
    await open_safe(family, t)
    await family.press(t("btn-safe-agree"))
    return family, t


async def enter(family: Family, t: Translator, name: str, sex: str, age: str | None) -> None:
    """One person: name, sex ("btn-safe-male" or "btn-safe-female"), age (None: don't know)."""
    await family.send(name)
    await family.press(t(sex))
    if age is None:
        await family.press(t("btn-safe-age-unknown"))
    else:
        await family.send(age)


async def list_two(family: Family, t: Translator) -> None:
    """From the consent line: the one writing, a woman of 34, and a boy of unknown age."""
    await family.press(t("btn-safe-agree"))
    assert family.last_text == t("safe-name-self")
    await enter(family, t, "Айгүл Ташиева", "btn-safe-female", "34")
    await family.press(t("btn-safe-add"))
    assert family.last_text == t("safe-name")
    await enter(family, t, "Бакыт Ташиев", "btn-safe-male", None)


async def list_two_after_a_case(family: Family, t: Translator) -> None:
    """A needs case sent, then its button, and the two people of `list_two`."""
    await fill_needs_form(family, t)
    await family.press(t("btn-confirm"))
    await family.press(t("btn-safe-list-people"))
    await list_two(family, t)


async def listed_people(koldo: Harness) -> list[Person]:
    async with koldo.session() as session:
        query = select(Person).where(Person.source == PersonSource.HOUSEHOLD).order_by(Person.id)
        return list((await session.scalars(query)).all())


async def members(koldo: Harness) -> list[HouseholdMember]:
    async with koldo.session() as session:
        query = select(HouseholdMember).order_by(HouseholdMember.id)
        return list((await session.scalars(query)).all())


@pytest.mark.parametrize("locale", ["ky", "ru"])
async def test_a_family_lists_who_is_with_them_from_the_menu(koldo: Harness, locale: str) -> None:
    family = koldo.person()
    t = koldo.t(locale)
    await open_safe(family, t)
    await list_two(family, t)

    shown = family.last_text
    assert "1. Айгүл Ташиева" in shown and t("safe-age-years", age=34) in shown
    assert "2. Бакыт Ташиев" in shown and t("safe-age-not-known") in shown
    await family.press(t("btn-safe-done"))
    assert t("safe-place-intro") in family.texts()
    assert family.last_text == t("needs-location")  # Koldo knows no household of theirs yet
    await family.share_location(*KOK_TASH)

    assert t("safe-saved", people=t("people-count", count=2)) in family.texts()
    assert family.last_text == t("main-menu")
    found = await listed_people(koldo)
    assert [(p.full_name, p.sex, p.age) for p in found] == [
        ("Айгүл Ташиева", "F", 34),
        ("Бакыт Ташиев", "M", None),
    ]
    assert {p.settlement for p in found} == {KOK_TASH_KY}
    assert {p.phone for p in found} == {None}  # no phone was ever given
    async with koldo.session() as session:
        for person in found:
            assert await people.keys_of(session, person.id)
        home = await session.get(Household, found[0].household_id)
        assert home is not None and home.user_id == family.user.id
        assert home.listed_at is not None and home.village == "kok-tash"
        assert len(await audit.entries(session, "household.listed")) == 1
    assert [(m.name, m.sex, m.age) for m in await members(koldo)] == [
        ("Айгүл Ташиева", "F", 34),
        ("Бакыт Ташиев", "M", None),
    ]


@pytest.mark.parametrize("locale", ["ky", "ru"])
async def test_after_a_needs_case_the_family_lists_its_household(
    koldo: Harness, locale: str
) -> None:
    family = koldo.person()
    t = koldo.t(locale)
    await fill_needs_form(family, t)
    await family.press(t("btn-confirm"))
    created = family.texts()[-2]
    await family.press(t("btn-safe-list-people"))
    assert family.view.messages[-3].text == created  # the code stays on screen
    assert family.last_text == safe_consent_text(t)
    await list_two(family, t)
    await family.press(t("btn-safe-done"))  # no place asked: the case's household is known

    assert t("safe-saved", people=t("people-count", count=2)) in family.texts()
    found = await listed_people(koldo)
    async with koldo.session() as session:
        case = await session.scalar(select(Case))
        assert case is not None
        assert {p.household_id for p in found} == {case.household_id}
        assert await session.scalar(select(func.count()).select_from(Household)) == 1
        for person in found:
            assert await people.keys_of(session, person.id)
    # Only the one writing carries the family's phone.
    assert [p.phone for p in found] == ["+996555123456", None]
    assert {p.settlement for p in found} == {KOK_TASH_KY}


async def test_a_case_of_someone_else_opens_nothing(koldo: Harness) -> None:
    other = koldo.person()
    await fill_needs_form(other, koldo.t("ru"))
    await other.press(koldo.t("ru")("btn-confirm"))
    async with koldo.session() as session:
        case = await session.scalar(select(Case))
        assert case is not None
    family, t = koldo.person(), koldo.t("ky")
    await agree_and_open_menu(family, t)
    await family.press_data(SafeCb(action=SafeAction.BEGIN, case=case.id).pack())
    assert family.view.alerts[-1] == t("button-expired")
    assert family.last_text == t("main-menu")


async def test_each_bad_input_gets_a_hint_and_the_step_again(koldo: Harness) -> None:
    family, t = await at_the_first_name(koldo, "ky")

    for bad, hint in [
        ("  ", "safe-name-empty"),
        ("12345 !!", "safe-name-no-letters"),
        ("А" * 101, "safe-name-too-long"),
    ]:
        await family.send(bad)
        assert hinted(family, t(hint, max=100), t("safe-name-self"))
    await family.send_sticker()
    assert hinted(family, t("safe-name-hint"), t("safe-name-self"))

    await family.send("Ali Jumabaev")  # any script
    await family.press(t("btn-safe-male"))
    for bad in ["abc", "121", "-3", "3.5"]:
        await family.send(bad)
        age_step = t("safe-age", name="Ali Jumabaev")
        assert hinted(family, t("safe-age-invalid", max=120), age_step)
    await family.send_sticker()
    # The name was kept.
    assert hinted(family, t("safe-age-invalid", max=120), t("safe-age", name="Ali Jumabaev"))
    await family.send("0")
    assert "1. Ali Jumabaev" in family.last_text


async def test_back_and_leaving_midway_keep_what_was_entered(koldo: Harness) -> None:
    family, t = await at_the_first_name(koldo, "ru")
    await enter(family, t, "Айгуль", "btn-safe-female", "30")
    await family.press(t("btn-safe-add"))
    await family.send("Нурлан")
    await family.press(t("btn-back"))
    assert family.last_text == t("safe-name")
    await family.send("Нурлан")
    await family.press(t("btn-safe-male"))
    await family.press(t("btn-back"))
    assert family.last_text == t("safe-sex", name="Нурлан")

    await family.send("/menu")
    assert family.last_text == t("safe-leave-question")
    await family.press(t("btn-safe-resume"))
    assert family.last_text == t("safe-sex", name="Нурлан")
    await family.press(t("btn-safe-male"))
    await family.send("/start")
    await family.press(t("btn-safe-resume"))
    assert family.last_text == t("safe-age", name="Нурлан")
    await family.send("7")
    assert "1. Айгуль" in family.last_text and "2. Нурлан" in family.last_text

    await family.send("/menu")
    await family.press(t("btn-form-discard"))
    assert t("safe-discarded") in family.texts() and family.last_text == t("main-menu")
    assert await listed_people(koldo) == []


async def test_the_same_person_twice_is_listed_once(koldo: Harness) -> None:
    family, t = await at_the_first_name(koldo, "en")
    await enter(family, t, "Aigul Tashieva", "btn-safe-female", "34")
    await family.press(t("btn-safe-add"))
    await enter(family, t, "aigul  tashieva", "btn-safe-female", "34")
    assert t("safe-already-entered", name="aigul tashieva") in family.texts()
    assert "2." not in family.last_text


async def test_done_again_after_a_failure_lists_nobody_twice(
    koldo: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await list_two_after_a_case(family, t)
    the_list = dataclasses.replace(family.last)  # a phone on a weak network still shows it
    failed = fail_once_when_clearing(monkeypatch, koldo.dispatcher.fsm.storage)
    await family.press(t("btn-safe-done"))
    assert failed and family.last_text == t("error-apology")
    await family.press(t("btn-safe-done"), in_message=the_list)
    await family.press(t("btn-safe-done"), in_message=the_list)  # and once more, too late

    assert family.view.alerts[-1] == t("button-expired")
    assert len(await listed_people(koldo)) == 2
    assert len(await members(koldo)) == 2
    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(PersonKey)) == sum(
            [len(await people.keys_of(session, p.id)) for p in await listed_people(koldo)]
        )


async def test_saving_the_same_list_twice_adds_nobody(koldo: Harness) -> None:
    family = koldo.person()
    await agree_and_open_menu(family, koldo.t("en"))
    draft = SafeDraft(district="batken-district", village="kok-tash")
    draft = household.agreed(draft).model_copy(
        update={"people": [SafePerson(name="Aigul", sex=Sex.FEMALE, age=34)]}
    )
    async with koldo.session() as session:
        user = await users.get(session, family.user.id)
        assert user is not None
        first = await household.save_list(session, user, draft, koldo.resources.geography)
        again = await household.save_list(session, user, draft, koldo.resources.geography)
    assert (len(first), len(again)) == (1, 0)
    assert len(await listed_people(koldo)) == 1


async def test_nobody_is_indexed_without_the_consent_step(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await open_safe(family, t)
    await family.press(t("btn-safe-not-now"))
    assert t("safe-not-now") in family.texts()
    # Buttons of the journey pressed without agreeing, forged or stale, change nothing.
    for action in (SafeAction.DONE, SafeAction.ADD, SafeAction.AGREE):
        await family.press_data(SafeCb(action=action).pack())
        assert family.view.alerts[-1] == t("button-expired")
    async with koldo.session() as session:
        user = await users.get(session, family.user.id)
        assert user is not None
        draft = SafeDraft(district="batken-district", people=[SafePerson(name="A", sex=Sex.MALE)])
        with pytest.raises(NotAgreedError):
            await household.save_list(session, user, draft, koldo.resources.geography)
    assert await listed_people(koldo) == []
    assert await members(koldo) == []


async def listed_family(koldo: Harness, t: Translator) -> Family:
    family = koldo.person()
    await open_safe(family, t)
    await list_two(family, t)
    await family.press(t("btn-safe-done"))
    await family.tap(t("btn-choose-district"))
    leilek = koldo.resources.geography.area("leilek-district")
    assert leilek is not None
    await family.press(leilek.name(t.locale))
    await family.press(t("btn-village-not-listed"))
    await family.press(t("btn-skip"))  # nor its name
    assert family.last_text == t("main-menu")
    return family


async def test_the_menu_item_later_shows_who_is_listed_and_removes_one(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = await listed_family(koldo, t)
    assert {p.settlement for p in await listed_people(koldo)} == {None}  # no village known

    await family.press(t("menu-safe"))
    assert "Айгүл Ташиева" in family.last_text and "Бакыт Ташиев" in family.last_text
    await family.press(t("btn-safe-remove"))
    await family.press("Бакыт Ташиев")
    assert family.view.alerts[-1] == t("safe-forgotten", name="Бакыт Ташиев")
    assert "Бакыт" not in family.last_text and "Айгүл Ташиева" in family.last_text
    found = await listed_people(koldo)
    assert [p.full_name for p in found] == ["Айгүл Ташиева"]
    async with koldo.session() as session:
        keyed = select(func.count(func.distinct(PersonKey.person_id)))
        assert await session.scalar(keyed) == 1

    await family.press(t("btn-safe-add-more"))
    await enter(family, t, "Нурай", "btn-safe-female", "5")
    await family.press(t("btn-safe-done"))  # the household is known now: no place asked
    assert t("safe-saved", people=t("people-count", count=2)) in family.texts()
    assert [p.full_name for p in await listed_people(koldo)] == ["Айгүл Ташиева", "Нурай"]


async def test_stop_being_findable_keeps_the_needs_case(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ru")
    await list_two_after_a_case(family, t)
    await family.press(t("btn-safe-done"))

    await family.press(t("menu-safe"))
    await family.press(t("btn-safe-stop"))
    assert family.last_text == t("safe-stop-question")
    await family.press(t("btn-safe-stop-sure"))
    assert t("safe-stopped") in family.texts()

    assert await listed_people(koldo) == [] and await members(koldo) == []
    async with koldo.session() as session:
        assert await session.scalar(select(func.count()).select_from(PersonKey)) == 0
        case = await session.scalar(select(Case))
        assert case is not None and case.household_id is not None
        home = await session.get(Household, case.household_id)
        assert home is not None and home.listed_at is None
        assert len(await audit.entries(session, "household.unlisted")) == 1
    await family.press(t("menu-safe"))
    assert family.last_text == safe_consent_text(t)  # asked again, from the start


async def test_erasing_removes_the_listed_people_and_their_keys(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = await listed_family(koldo, t)
    neighbour = await listed_family(koldo, t)
    assert len(await listed_people(koldo)) == 4

    await family.send("/erase")
    await family.press(t("btn-erase-confirm"))

    left = await listed_people(koldo)
    assert len(left) == 2 and len(await members(koldo)) == 2
    async with koldo.session() as session:
        keyed = select(func.count(func.distinct(PersonKey.person_id)))
        assert await session.scalar(keyed) == 2
        homes = [await session.get(Household, p.household_id) for p in left]
    assert {home.user_id for home in homes if home is not None} == {neighbour.user.id}


async def test_a_forged_button_cannot_remove_someone_of_another_family(koldo: Harness) -> None:
    t = koldo.t("en")
    family = await listed_family(koldo, t)
    stranger = await listed_family(koldo, t)
    theirs = (await members(koldo))[:2]

    await stranger.press(t("menu-safe"))
    for member in theirs:
        await stranger.press_data(SafeCb(action=SafeAction.FORGET, person=member.id).pack())
        assert stranger.view.alerts[-1] == t("button-expired")
    await stranger.press_data(SafeCb(action=SafeAction.FORGET, person=2**31 - 1).pack())
    await stranger.press_data("safe:forget::0:99999999999")  # out of range: does not parse

    assert len(await members(koldo)) == 4 and len(await listed_people(koldo)) == 4
    assert family.user.id != stranger.user.id
