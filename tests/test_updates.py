"""Safety updates from the menu: what a family (or a coordinator) reads there, in its language,
newest first, with source and date, a page at a time; corrections; nothing not meant for them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from aiogram.methods import SendPhoto
from sqlalchemy import update

from bot.callbacks import UpdatesCb
from bot.i18n import Translator
from bot.services import broadcasts
from storage.models import Broadcast, DeliveryState, Household, Role, utcnow
from storage.repositories import broadcasts as repo
from tests.conftest import Harness
from tests.support.cases import BATKEN, LEILEK
from tests.support.fake_telegram import Shown
from tests.support.journeys import agree_and_open_menu
from tests.support.people import Person
from tests.support.shelters import make_staff

ROAD = {"ky": "Баткен–Исфана жолу ачык.", "ru": "Дорога Баткен–Исфана открыта.", "en": "Road open."}
SOURCE = "Batken akimiat"
BATKEN_TOWN = (40.0627, 70.8194)


@pytest.fixture
def server_elsewhere() -> Iterator[None]:
    """The server's own clock in another time zone (UTC-3): dates are still Kyrgyzstan's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "<-03>3")
        time.tzset()
        yield
    time.tzset()


async def publish(
    koldo: Harness,
    texts: dict[str, str] | None = None,
    *,
    hours_ago: float = 0,
    corrects: int | None = None,
    delivered: bool = True,
    **draft: object,
) -> int:
    """An update an admin sent: created, started (its recipients written), its deliveries
    recorded as sent, done; `hours_ago` moves when it went out into the past."""
    values: dict[str, object] = {"texts": texts or ROAD, "source": SOURCE} | draft
    async with koldo.session() as session:
        broadcast = await broadcasts.create(session, broadcasts.Draft(**values))  # type: ignore[arg-type]
        if corrects is not None:
            broadcast.corrects_id = corrects
            await session.commit()
        broadcast_id = broadcast.id
    await broadcasts.start_due(koldo.resources.session_factory, koldo.resources.settings)
    async with koldo.session() as session:
        if delivered:
            for delivery in await repo.deliveries(session, broadcast_id):
                await repo.record(session, delivery.id, DeliveryState.SENT)
            await repo.finish_done(session, utcnow())
        if hours_ago:
            started = utcnow() - timedelta(hours=hours_ago)
            await session.execute(
                update(Broadcast).where(Broadcast.id == broadcast_id).values(started_at=started)
            )
        await session.commit()
    return broadcast_id


async def cancel(koldo: Harness, broadcast_id: int) -> None:
    async with koldo.session() as session:
        assert await repo.cancel(session, broadcast_id, utcnow())
        await session.commit()


async def sent_at(koldo: Harness, broadcast_id: int) -> str:
    """When it went out, in Kyrgyzstan's time (the screens' format)."""
    async with koldo.session() as session:
        broadcast = await repo.get(session, broadcast_id)
    assert broadcast is not None and broadcast.started_at is not None
    return broadcasts.local_date(broadcast.started_at)


async def family_in(koldo: Harness, locale: str, district: str | None = None) -> Person:
    """A family at the main menu, who said it is in `district`."""
    family = koldo.person(language_code=locale)
    await agree_and_open_menu(family, koldo.t(locale))
    if district is not None:
        async with koldo.session() as session:
            session.add(Household(user_id=family.user.id, district=district))
            await session.commit()
    return family


@dataclass
class Reading:
    heading: str  # the pressed message, now the heading (or the word that there is none)
    updates: list[Shown]  # each update's messages (text, map pin), newest first
    footer: Shown  # the buttons

    @property
    def texts(self) -> list[str]:
        return [shown.text for shown in self.updates if shown.text]


async def read(family: Person, t: Translator, label: str | None = None, data: str = "") -> Reading:
    """Presses the menu's Safety updates (or `label`, or sends `data`) and reads what came."""
    label = label or t("menu-updates")
    before = len(family.view.messages)
    if data:
        pressed = family.last
        await family.press_data(data, pressed)
    else:
        pressed = next(m for m in reversed(family.view.messages) if label in m.buttons())
        await family.press(label, in_message=pressed)
    now = family.view.by_id(pressed.message_id)
    came = family.view.messages[before:]
    if not came:  # nothing to read: the pressed message says so, with its buttons
        return Reading(now.text, [], now)
    return Reading(now.text, came[:-1], came[-1])


# ---- in their language, newest first, with source and date -------------------------------------


@pytest.mark.parametrize("locale", ["ky", "ru"])
async def test_a_family_reads_the_updates_in_its_language_newest_first(
    koldo: Harness, locale: str
) -> None:
    t = koldo.t(locale)
    family = await family_in(koldo, locale)
    older = await publish(koldo, hours_ago=20)
    newer = await publish(
        koldo,
        {"ky": "Суу Кызыл-Кыяда таратылат.", "ru": "Воду раздают в Кызыл-Кие."},
        source="Red Crescent",
        hours_ago=2,
    )

    reading = await read(family, t)

    assert reading.heading == t("updates-heading")
    newest, oldest = reading.texts
    assert newest.startswith(t("updates-date", date=await sent_at(koldo, newer)))
    assert ("Суу Кызыл-Кыяда таратылат." if locale == "ky" else "Воду раздают в Кызыл-Кие.") in (
        newest
    )
    assert newest.endswith(t("broadcast-source", source="Red Crescent"))
    assert oldest.startswith(t("updates-date", date=await sent_at(koldo, older)))
    assert ROAD[locale] in oldest and oldest.endswith(t("broadcast-source", source=SOURCE))
    assert reading.footer.text == t("updates-footer")
    assert reading.footer.buttons() == [t("btn-rumour"), t("btn-main-menu")]
    await family.press(t("btn-main-menu"))
    assert family.last_text == t("main-menu")


async def test_dates_are_in_kyrgyzstans_time_wherever_the_server_is(
    koldo: Harness, server_elsewhere: None
) -> None:
    t = koldo.t("ru")
    family = await family_in(koldo, "ru")
    broadcast_id = await publish(koldo, hours_ago=3)
    async with koldo.session() as session:
        broadcast = await repo.get(session, broadcast_id)
    assert broadcast is not None and broadcast.started_at is not None
    in_bishkek = broadcast.started_at + timedelta(hours=6)  # the UTC clock, six hours on

    [text] = (await read(family, t)).texts

    assert text.startswith(f"🗓 {in_bishkek:%d.%m.%Y %H:%M}\n")


async def test_a_language_the_admin_left_empty_reads_the_default_one(koldo: Harness) -> None:
    t = koldo.t("en")
    family = await family_in(koldo, "en")
    await publish(koldo, {"ky": "Жол ачык.", "ru": "Дорога открыта.", "en": ""})

    [text] = (await read(family, t)).texts

    assert "Жол ачык." in text
    assert text.endswith("✅ Verified by: Batken akimiat")  # under an English source line


async def test_an_urgent_update_says_so_and_the_admins_words_stay_as_written(
    koldo: Harness,
) -> None:
    t = koldo.t("ru")
    family = await family_in(koldo, "ru")
    await publish(koldo, {"ky": "a", "ru": "Эвакуация <сейчас> & быстро"}, urgent=True)

    [text] = (await read(family, t)).texts

    assert t("broadcast-urgent") in text
    assert "Эвакуация &lt;сейчас&gt; &amp; быстро" in text  # HTML: shown as typed


async def test_three_to_a_page_with_older_and_newer(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = await family_in(koldo, "ky")
    for n in range(7):  # "Update 6" is the newest
        await publish(koldo, {"ky": f"Кабар {n}"}, hours_ago=10 - n)

    first = await read(family, t)
    assert first.heading == t("updates-heading-page", first=1, last=3, total=7)
    assert [text.split("\n\n")[1] for text in first.texts] == ["Кабар 6", "Кабар 5", "Кабар 4"]
    assert first.footer.buttons() == [t("btn-updates-older"), t("btn-rumour"), t("btn-main-menu")]

    second = await read(family, t, t("btn-updates-older"))
    assert second.heading == t("updates-heading-page", first=4, last=6, total=7)
    assert [text.split("\n\n")[1] for text in second.texts] == ["Кабар 3", "Кабар 2", "Кабар 1"]
    assert second.footer.buttons()[:2] == [t("btn-updates-newer"), t("btn-updates-older")]

    last = await read(family, t, t("btn-updates-older"))
    assert last.heading == t("updates-heading-page", first=7, last=7, total=7)
    assert [text.split("\n\n")[1] for text in last.texts] == ["Кабар 0"]
    assert last.footer.buttons() == [t("btn-updates-newer"), t("btn-rumour"), t("btn-main-menu")]

    back = await read(family, t, t("btn-updates-newer"))
    assert back.heading == t("updates-heading-page", first=4, last=6, total=7)


# ---- only what is meant for them ---------------------------------------------------------------


async def test_a_district_update_reaches_only_families_of_that_district(koldo: Harness) -> None:
    t = koldo.t("ky")
    in_batken = await family_in(koldo, "ky", BATKEN)
    in_leilek = await family_in(koldo, "ky", LEILEK)
    nowhere = await family_in(koldo, "ky")
    await publish(koldo, {"ky": "Баткенде суу бар."}, audience=broadcasts.Audience((BATKEN,)))
    await publish(koldo, {"ky": "Баарына."}, hours_ago=1)

    assert [text.split("\n\n")[1] for text in (await read(in_batken, t)).texts] == [
        "Баткенде суу бар.",
        "Баарына.",
    ]
    for family in (in_leilek, nowhere):
        assert [text.split("\n\n")[1] for text in (await read(family, t)).texts] == ["Баарына."]


async def test_a_radius_update_reaches_families_who_shared_a_place_near_it(
    koldo: Harness,
) -> None:
    t = koldo.t("ru")
    near, far = await family_in(koldo, "ru"), await family_in(koldo, "ru")
    async with koldo.session() as session:
        session.add(Household(user_id=near.user.id, latitude=40.07, longitude=70.82))
        session.add(Household(user_id=far.user.id, latitude=39.95, longitude=70.0))
        await session.commit()
    around = broadcasts.Audience(near=broadcasts.Near(*BATKEN_TOWN, km=10))
    await publish(koldo, {"ky": "a", "ru": "Пункт обогрева открыт."}, audience=around)

    assert "Пункт обогрева открыт." in (await read(near, t)).texts[0]
    assert (await read(far, t)).heading == t("updates-none")


async def test_a_coordinators_only_update_is_for_staff_not_families(koldo: Harness) -> None:
    t = koldo.t("en")
    family = await family_in(koldo, "en")
    coordinator = koldo.person(language_code="en")
    await agree_and_open_menu(coordinator, t)
    await make_staff(koldo, coordinator.user.id, Role.COORDINATOR, [BATKEN])
    staff_only = broadcasts.Audience(coordinators=True)
    texts = {"ky": "Координаторлор үчүн.", "en": "For coordinators."}
    await publish(koldo, texts, audience=staff_only)

    assert "For coordinators." in (await read(coordinator, t)).texts[0]
    assert (await read(family, t)).heading == t("updates-none")


async def test_a_language_update_is_for_readers_of_that_language(koldo: Harness) -> None:
    kyrgyz, russian = await family_in(koldo, "ky"), await family_in(koldo, "ru")
    await publish(koldo, {"ky": "Кыргызча гана."}, audience=broadcasts.Audience(languages=("ky",)))

    assert "Кыргызча гана." in (await read(kyrgyz, koldo.t("ky"))).texts[0]
    assert (await read(russian, koldo.t("ru"))).heading == koldo.t("ru")("updates-none")


async def test_scheduled_cancelled_and_old_updates_are_not_shown(koldo: Harness) -> None:
    t = koldo.t("ru")
    family = await family_in(koldo, "ru")
    later = utcnow() + timedelta(hours=5)
    await publish(koldo, {"ky": "a", "ru": "Запланировано."}, scheduled_at=later)
    await cancel(koldo, await publish(koldo, {"ky": "a", "ru": "Отменено."}, delivered=False))
    await publish(koldo, {"ky": "a", "ru": "Два месяца назад."}, hours_ago=24 * 60)
    await publish(koldo, {"ky": "a", "ru": "Ещё отправляется."}, delivered=False)

    texts = (await read(family, t)).texts

    assert len(texts) == 1 and "Ещё отправляется." in texts[0]  # running: it went out


# ---- corrections -------------------------------------------------------------------------------


async def test_a_corrected_update_says_so_and_the_correction_is_listed(koldo: Harness) -> None:
    t = koldo.t("ru")
    family = await family_in(koldo, "ru")
    wrong = await publish(koldo, {"ky": "a", "ru": "Дорога открыта."}, hours_ago=5)
    right = await publish(
        koldo, {"ky": "b", "ru": "Дорога закрыта до утра."}, hours_ago=1, corrects=wrong
    )

    correction, corrected = (await read(family, t)).texts

    assert "Дорога закрыта до утра." in correction
    assert t("updates-correction", date=await sent_at(koldo, wrong)) in correction
    assert "Дорога открыта." in corrected
    assert t("updates-corrected", date=await sent_at(koldo, right)) in corrected
    # Above the words it corrects: read before them.
    assert corrected.index(t("updates-corrected", date=await sent_at(koldo, right))) < (
        corrected.index("Дорога открыта.")
    )


async def test_a_cancelled_correction_does_not_count(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = await family_in(koldo, "ky")
    update_id = await publish(koldo, {"ky": "Жол ачык."}, hours_ago=5)
    withdrawn = await publish(koldo, {"ky": "Жол жабык."}, corrects=update_id, delivered=False)
    await cancel(koldo, withdrawn)

    [text] = (await read(family, t)).texts

    date = t("updates-date", date=await sent_at(koldo, update_id))
    assert text == f"{date}\n\nЖол ачык.\n\n{t('broadcast-source', source=SOURCE)}"


# ---- empty, old and forged buttons, photos and pins --------------------------------------------


@pytest.mark.parametrize("locale", ["ky", "ru", "en"])
async def test_no_updates_yet_says_so_warmly_with_the_buttons(koldo: Harness, locale: str) -> None:
    t = koldo.t(locale)
    family = await family_in(koldo, locale)

    reading = await read(family, t)

    assert reading.heading == t("updates-none")
    assert reading.footer.buttons() == [t("btn-rumour"), t("btn-main-menu")]
    await family.press(t("btn-main-menu"))
    assert family.last_text == t("main-menu")


async def test_an_old_page_button_after_updates_changed_shows_the_last_page(
    koldo: Harness,
) -> None:
    t = koldo.t("ru")
    family = await family_in(koldo, "ru")
    ids = [
        await publish(koldo, {"ky": "a", "ru": f"Сообщение {n}"}, hours_ago=9 - n, delivered=False)
        for n in range(5)
    ]
    await read(family, t)
    alerts = len(family.view.alerts)
    for broadcast_id in ids[:3]:  # withdrawn while still being sent: one page is left
        await cancel(koldo, broadcast_id)

    reading = await read(family, t, t("btn-updates-older"))

    assert reading.heading == t("updates-heading")
    assert [text.split("\n\n")[1] for text in reading.texts] == ["Сообщение 4", "Сообщение 3"]
    assert len(family.view.alerts) == alerts  # no "button expired": it still leads somewhere


async def test_a_forged_page_shows_the_nearest_one_or_says_the_button_expired(
    koldo: Harness,
) -> None:
    t = koldo.t("en")
    family = await family_in(koldo, "en")
    for n in range(4):
        await publish(koldo, {"ky": "a", "en": f"Update {n}"}, hours_ago=9 - n)

    reading = await read(family, t, data=UpdatesCb(page=9999).pack())
    assert reading.heading == t("updates-heading-page", first=4, last=4, total=4)
    assert [text.split("\n\n")[1] for text in reading.texts] == ["Update 0"]

    for forged in ("upd:-1", "upd:99999999999999999999", "upd:two"):
        await family.press_data(forged)
    assert family.view.alerts[-3:] == [t("button-expired")] * 3


async def test_an_update_with_a_photo_and_a_place_shows_both(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = await family_in(koldo, "ky")
    await publish(koldo, {"ky": "Жардам ушул жерде берилет."}, hours_ago=1)
    await publish(
        koldo,
        {"ky": "Көпүрө бузулду."},
        photo_file_id="photo-of-the-bridge",
        location=BATKEN_TOWN,
    )

    reading = await read(family, t)

    [photo] = [
        call
        for call in koldo.telegram.calls
        if isinstance(call, SendPhoto) and call.chat_id == family.user.id
    ]
    assert photo.photo == "photo-of-the-bridge"
    assert photo.caption is not None and "Көпүрө бузулду." in photo.caption
    assert t("broadcast-source", source=SOURCE) in photo.caption
    [pin] = [shown.location for shown in reading.updates if shown.location is not None]
    assert (pin.latitude, pin.longitude) == BATKEN_TOWN
    # The photo's caption carries its text: the one text message is the other update's.
    assert len(reading.texts) == 1 and "Жардам ушул жерде берилет." in reading.texts[0]


async def test_a_photo_whose_caption_would_be_too_long_comes_with_its_text_below(
    koldo: Harness,
) -> None:
    t = koldo.t("ru")
    family = await family_in(koldo, "ru")
    # As the admin sent it, it fits a photo's caption (1024 characters); with its date, not.
    long_text = "Маршрут эвакуации: " + "через Кызыл-Кию, " * 57
    broadcast_id = await publish(
        koldo, {"ky": "a", "ru": long_text}, photo_file_id="photo-of-the-route"
    )
    settings, localization = koldo.resources.settings, koldo.resources.localization
    as_pushed = broadcasts.render({"ru": long_text}, SOURCE, False, "ru", settings, localization)
    assert len(as_pushed) <= broadcasts.CAPTION_LIMIT

    reading = await read(family, t)

    [photo] = [c for c in koldo.telegram.calls if isinstance(c, SendPhoto)]
    assert photo.photo == "photo-of-the-route" and photo.caption is None
    [text] = reading.texts
    assert text.startswith(t("updates-date", date=await sent_at(koldo, broadcast_id)))
    assert long_text.strip() in text


async def test_a_family_that_moved_reads_the_updates_of_where_it_is_now(koldo: Harness) -> None:
    t = koldo.t("ky")
    family = await family_in(koldo, "ky")
    async with koldo.session() as session:
        earlier = utcnow() - timedelta(days=3)
        session.add(Household(user_id=family.user.id, district=LEILEK, created_at=earlier))
        session.add(Household(user_id=family.user.id, district=BATKEN))
        await session.commit()
    await publish(koldo, {"ky": "Лейлекке."}, audience=broadcasts.Audience((LEILEK,)))
    await publish(koldo, {"ky": "Баткенге."}, audience=broadcasts.Audience((BATKEN,)))

    [text] = (await read(family, t)).texts

    assert "Баткенге." in text
