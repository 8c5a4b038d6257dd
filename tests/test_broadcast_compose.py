"""An admin composes a safety update in the bot, previews it per language, sends or schedules
it, follows its progress and gets one final report; /broadcasts cancels and corrects. Families
receive what the workers send through the same test Telegram."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import EditMessageText, SendPhoto
from aiogram.types import Chat, Message
from sqlalchemy import func, select

from bot.callbacks import BroadcastAction, BroadcastCb, ComposeAction, ComposeCb
from bot.i18n import Localization, Translator
from bot.services import broadcasts
from handlers.broadcast import open_composer
from storage.models import (
    Broadcast,
    BroadcastStatus,
    DeliveryState,
    Role,
    utcnow,
)
from storage.repositories import audit
from storage.repositories import broadcasts as repo
from tests.conftest import Harness
from tests.support import processes
from tests.support.fake_telegram import Shown
from tests.support.people import Person
from tests.support.readers import add_reader
from tests.support.shelters import make_staff

BATKEN, LEILEK = "batken-district", "leilek-district"
KOK_TASH = (39.9497, 70.5358)  # Leilek district
BATKEN_TOWN = (40.0627, 70.8194)  # about 26 km from Kok-Tash
_family_ids = itertools.count(73_000_001)


@dataclass
class Desk:
    """An admin of Koldo (reading it in English) and the families the updates go to."""

    koldo: Harness
    admin: Person
    t: Translator

    async def family(
        self,
        language: str | None = "ky",
        district: str | None = None,
        position: tuple[float, float] | None = None,
        role: Role = Role.FAMILY,
    ) -> int:
        user_id = next(_family_ids)
        self.koldo.telegram.chat(user_id)
        await add_reader(self.koldo, user_id, language, district, position, role)
        return user_id

    def received(self, user_id: int) -> list[str]:
        return [m.text for m in self.koldo.telegram.chat(user_id).messages]

    def worker(self, **changes: Any) -> broadcasts.Worker:
        resources = self.koldo.resources
        settings = resources.settings
        return broadcasts.Worker(
            resources.session_factory,
            self.koldo.bot,
            resources.localization,
            settings,
            broadcasts.open_pace(settings, resources.redis),
            lease=timedelta(seconds=1),
            poll_seconds=0.05,
            progress_seconds=0.0,
            **changes,
        )

    async def compose(
        self,
        texts: dict[str, str | None],
        audience: Callable[[], Coroutine[Any, Any, None]] | None = None,
        source: str = "Batken akimiat",
        urgent: bool = False,
    ) -> None:
        """From /broadcast to the preview: a text per language (None: skipped), no photo, the
        source, the audience (everyone unless `audience` presses otherwise), the urgency."""
        admin, t = self.admin, self.t
        await admin.send("/broadcast")
        for language in ("ky", "ru", "en"):
            text = texts.get(language)
            if text is None:
                await admin.press(t("btn-skip"))
            else:
                await admin.send(text)
        await admin.press(t("btn-broadcast-no-media"))
        await admin.send(source)
        if audience is None:
            await admin.press(t("btn-broadcast-everyone"))
        else:
            await audience()
        await admin.press(t("btn-broadcast-urgent" if urgent else "btn-broadcast-normal"))
        assert admin.last.buttons()[0] == t("btn-broadcast-send")

    async def broadcasts_made(self) -> list[Broadcast]:
        async with self.koldo.session() as session:
            return list(await session.scalars(select(Broadcast).order_by(Broadcast.id)))

    def reports(self) -> list[str]:
        """The final reports in the admin's chat."""
        heads = ("🏁 <b>Safety update", "✖ <b>Safety update")
        return [
            text
            for text in self.admin.texts()
            if text.startswith(heads) and ("received it" in text)
        ]

    async def run_workers(self, *workers: broadcasts.Worker, reports: int = 1) -> None:
        """The workers as `koldo run` runs them, until the admin has `reports` final reports."""
        stop = asyncio.Event()
        tasks = [asyncio.create_task(worker.run_until(stop)) for worker in workers]
        try:
            async with asyncio.timeout(30):
                while True:  # the admin's chat is the witness
                    if len(self.reports()) >= reports:
                        break
                    await asyncio.sleep(0.05)
        finally:
            stop.set()
            await asyncio.gather(*tasks)
        for worker in workers:  # one more round each: a report never goes twice
            await worker.tell_admins()


@pytest.fixture
async def desk(koldo: Harness) -> AsyncIterator[Desk]:
    admin = koldo.person(language_code="en")
    await make_staff(koldo, admin.user.id, Role.ADMIN, language="en")
    yield Desk(koldo, admin, koldo.t("en"))


def as_family_reads(
    koldo: Harness, text_ky: str, language: str, source: str = "Batken akimiat", **extra: Any
) -> str:
    resources = koldo.resources
    texts = extra.pop("texts", {"ky": text_ky})
    return broadcasts.render(
        texts, source, False, language, resources.settings, resources.localization, **extra
    )


# ---- composing, previewing, sending -------------------------------------------------------------


async def test_an_admin_composes_in_kyrgyz_and_russian_and_each_family_gets_it_once(
    desk: Desk,
) -> None:
    koldo, t = desk.koldo, desk.t
    kyrgyz = await desk.family("ky", district=BATKEN)
    russian = await desk.family("ru")
    english = await desk.family("en")
    await desk.compose({"ky": "Жол ачык.", "ru": "Дорога открыта.", "en": None})

    shown = desk.admin.texts()
    # One preview a language, exactly as it goes out, under how many receive it.
    ky_text = as_family_reads(koldo, "Жол ачык.", "ky")
    ru_text = "Дорога открыта.\n\n✅ Проверено: Batken akimiat"
    en_text = "Жол ачык.\n\n✅ Verified by: Batken akimiat"
    assert ky_text in shown and ru_text in shown and en_text in shown
    label_ky = t("broadcast-preview-language", language="Kyrgyz", count=1)
    label_ru = t("broadcast-preview-language", language="Russian", count=1)
    # English: the family and the admin; no English text, so the Kyrgyz one, and it says so.
    label_en = t("broadcast-preview-language", language="English", count=2)
    fallback = t("broadcast-preview-fallback", language="English", default="Kyrgyz")
    assert label_ky in shown and label_ru in shown and f"{label_en}\n{fallback}" in shown
    assert desk.admin.last_text.startswith(t("broadcast-preview-summary", count=4))

    await desk.admin.press(t("btn-broadcast-send"))
    [broadcast] = await desk.broadcasts_made()
    assert broadcast.created_by == desk.admin.user.id
    progress = desk.admin.last
    assert progress.text == t("broadcast-progress-starting", id=broadcast.id)

    await desk.run_workers(desk.worker())
    assert desk.received(kyrgyz) == [ky_text]
    assert desk.received(russian) == [ru_text]
    assert desk.received(english) == [en_text]
    # The progress message was edited in place to its last figures; one final report.
    edits = [
        call
        for call in koldo.telegram.calls
        if isinstance(call, EditMessageText) and call.message_id == progress.message_id
    ]
    assert edits
    assert progress.text.startswith(t("broadcast-progress-done", id=broadcast.id))
    assert t("broadcast-figure-sent", count=4) in progress.text
    assert desk.reports() == [
        "\n".join(
            [
                t("broadcast-final-done", id=broadcast.id, sent=4, total=4),
                t("broadcast-figure-sent", count=4),
                t("broadcast-figure-failed", count=0),
                t("broadcast-figure-unreachable", count=0),
            ]
        )
    ]


async def test_send_pressed_twice_or_on_an_old_preview_makes_one_broadcast(desk: Desk) -> None:
    t, admin = desk.t, desk.admin
    family = await desk.family("ky")
    await desk.compose({"ky": "Бир", "ru": None, "en": None})
    summary = admin.last
    send = _data(summary, t("btn-broadcast-send"))
    await admin.press_data(send, summary)
    await admin.press_data(send, summary)  # a double tap: the first press already made it
    [first] = await desk.broadcasts_made()
    assert admin.view.alerts[-1] == t("broadcast-already-sent", id=first.id)

    # A new draft; Send on the old preview still finds the first, and leaves the new one be.
    await desk.compose({"ky": "Эки", "ru": None, "en": None})
    await admin.press_data(send, summary)
    assert admin.view.alerts[-1] == t("broadcast-already-sent", id=first.id)
    assert len(await desk.broadcasts_made()) == 1
    await admin.press(t("btn-broadcast-send"))
    assert [b.texts["ky"] for b in await desk.broadcasts_made()] == ["Бир", "Эки"]

    await desk.run_workers(desk.worker(), reports=2)
    assert [text.split("\n")[0] for text in desk.received(family)] == ["Бир", "Эки"]


async def test_a_photo_or_a_location_goes_with_each_preview(desk: Desk) -> None:
    t, admin, koldo = desk.t, desk.admin, desk.koldo
    await admin.send("/broadcast")
    await admin.send("Суу берилет.")
    await admin.press(t("btn-skip"))
    await admin.press(t("btn-skip"))
    await admin.send_photo(caption="not used")
    await admin.send("MChS")
    await admin.press(t("btn-broadcast-everyone"))
    await admin.press(t("btn-broadcast-normal"))
    photos = [call for call in koldo.telegram.calls if isinstance(call, SendPhoto)]
    assert [call.caption for call in photos] == [
        as_family_reads(koldo, "Суу берилет.", language, source="MChS")
        for language in ("ky", "ru", "en")
    ]

    await admin.press(t("btn-broadcast-edit"))
    await admin.press(t("btn-broadcast-edit-media"))
    await admin.share_location(*KOK_TASH)
    pins = [m for m in admin.view.messages if m.location is not None]
    assert len(pins) == 3  # one under each language's preview
    await admin.press(t("btn-broadcast-send"))
    [broadcast] = await desk.broadcasts_made()
    assert (broadcast.latitude, broadcast.longitude) == KOK_TASH
    assert broadcast.photo_file_id is None


# ---- the audience -------------------------------------------------------------------------------


AUDIENCES = ["districts", "languages", "coordinators", "near"]


@pytest.mark.parametrize("audience", AUDIENCES)
async def test_the_audience_chosen_in_the_bot_takes_the_right_people(
    desk: Desk, audience: str
) -> None:
    t, admin = desk.t, desk.admin
    people = {
        "batken": await desk.family("ky", district=BATKEN),
        "leilek_ru": await desk.family("ru", district=LEILEK),
        "coordinator": await desk.family("ru", role=Role.COORDINATOR),
        "near": await desk.family("ky", district=LEILEK, position=KOK_TASH),
        "far": await desk.family("ky", district=BATKEN, position=BATKEN_TOWN),
        "admin": admin.user.id,
    }

    async def districts() -> None:
        await admin.press(t("btn-broadcast-districts"))
        await admin.press(t("toggle", on="no", label="Batken District"))
        await admin.send("Лейлек району")  # typed, in another language: found all the same
        assert t("toggle", on="yes", label="Leilek District") in admin.last.buttons()
        await admin.press(t("btn-continue"))

    async def languages() -> None:
        await admin.press(t("btn-broadcast-languages"))
        await admin.press(t("toggle", on="no", label="Russian"))
        await admin.press(t("btn-continue"))

    async def coordinators() -> None:
        await admin.press(t("btn-broadcast-coordinators"))

    async def near() -> None:
        await admin.press(t("btn-broadcast-near"))
        await admin.share_location(*KOK_TASH)
        await admin.press(t("btn-broadcast-km", km=10))

    steps = {"districts": districts, "languages": languages}
    steps |= {"coordinators": coordinators, "near": near}
    expected = {
        "districts": {"batken", "leilek_ru", "near", "far"},
        "languages": {"leilek_ru", "coordinator"},
        "coordinators": {"coordinator", "admin"},
        "near": {"near"},
    }[audience]
    await desk.compose({"ky": "Кабар", "ru": "Новость", "en": None}, steps[audience])
    assert desk.admin.last_text.startswith(t("broadcast-preview-summary", count=len(expected)))
    await admin.press(t("btn-broadcast-send"))
    previewed = len(admin.texts())  # the admin's own previews are no delivery
    await desk.run_workers(desk.worker())
    got = {
        name
        for name, user_id in people.items()
        if any(
            text.startswith(("Кабар", "Новость"))
            for text in desk.received(user_id)[previewed if name == "admin" else 0 :]
        )
    }
    assert got == expected


# ---- scheduling and cancelling ------------------------------------------------------------------


async def test_a_scheduled_update_waits_and_is_cancelled_from_broadcasts(desk: Desk) -> None:
    t, admin, koldo = desk.t, desk.admin, desk.koldo
    family = await desk.family("ky")
    await desk.compose({"ky": "Эртең", "ru": None, "en": None})
    await admin.press(t("btn-broadcast-schedule"))
    await admin.press(t("btn-broadcast-in-hours", hours=1))
    [broadcast] = await desk.broadcasts_made()
    at = broadcasts.local_date(broadcast.scheduled_at)
    assert admin.last_text == t("broadcast-progress-scheduled", id=broadcast.id, at=at)
    assert broadcast.scheduled_at - utcnow() > timedelta(minutes=55)

    factory = koldo.resources.session_factory
    assert await broadcasts.start_due(factory, koldo.resources.settings) == []
    assert desk.received(family) == []

    await admin.send("/broadcasts")
    listing = admin.last
    status = t("broadcast-status-scheduled", at=at)
    assert f"<b>{broadcast.id}</b> · {at} · {status} · sent 0 of 0" in listing.text
    await admin.press(t("btn-broadcast-cancel-one", id=broadcast.id))
    assert admin.last_text == t("broadcast-cancel-question", id=broadcast.id)
    await admin.press(t("btn-broadcast-cancel-yes"))
    assert admin.last_text == t("broadcast-cancel-done", id=broadcast.id)

    later = utcnow() + timedelta(hours=2)
    assert await broadcasts.start_due(factory, koldo.resources.settings, later) == []
    assert desk.received(family) == []
    async with koldo.session() as session:
        [entry] = await audit.entries(session, "broadcast.cancelled")
    assert entry.actor_id == admin.user.id


async def test_a_typed_time_schedules_it_and_a_past_one_is_refused(desk: Desk) -> None:
    t, admin = desk.t, desk.admin
    await desk.compose({"ky": "Убакыт", "ru": None, "en": None})
    await admin.press(t("btn-broadcast-schedule"))
    await admin.press(t("btn-broadcast-type-time"))
    await admin.send("25:99")
    assert admin.texts()[-2] == t("broadcast-bad-time")
    await admin.send("2020-01-01 10:00")
    assert admin.texts()[-2] == t("broadcast-bad-past-time")
    day = (utcnow() + timedelta(days=2)).astimezone(broadcasts.REGION_TIME).date()
    await admin.send(f"{day.isoformat()} 10:00")
    [broadcast] = await desk.broadcasts_made()
    assert broadcasts.local_date(broadcast.scheduled_at) == f"{day:%d.%m.%Y} 10:00"
    assert broadcast.texts == {"ky": "Убакыт"}


async def test_a_running_update_is_cancelled_from_broadcasts(desk: Desk) -> None:
    t, admin, koldo = desk.t, desk.admin, desk.koldo
    families = [await desk.family("ky") for _ in range(20)]
    await desk.compose({"ky": "Көп", "ru": None, "en": None})
    await admin.press(t("btn-broadcast-send"))
    [broadcast] = await desk.broadcasts_made()
    await broadcasts.start_due(koldo.resources.session_factory, koldo.resources.settings)
    worker = desk.worker()
    assert await worker.send_batch(worker.name)  # a first batch went out

    await admin.send("/broadcasts")
    assert t("broadcast-status-running") in admin.last_text
    await admin.press(t("btn-broadcast-cancel-one", id=broadcast.id))
    await admin.press(t("btn-broadcast-cancel-yes"))
    assert admin.last_text == t("broadcast-cancel-done", id=broadcast.id)
    assert not await worker.send_batch(worker.name)
    async with koldo.session() as session:
        progress = await broadcasts.progress(session, broadcast.id)
    assert progress is not None
    received = progress.total(DeliveryState.SENT)
    assert received == broadcasts.BATCH  # the first batch, and nothing more
    assert sum(len(desk.received(family)) for family in families) <= received

    await worker.tell_admins()
    await worker.tell_admins()
    [report] = desk.reports()
    assert report.startswith(
        t("broadcast-final-cancelled", id=broadcast.id, sent=received, total=21)
    )
    # Pressing Cancel again on the old question: it has ended, nothing to cancel.
    await admin.press_data(
        BroadcastCb(action=BroadcastAction.CANCEL_YES, broadcast=broadcast.id).pack()
    )
    assert admin.last_text == t("broadcast-cancel-too-late", id=broadcast.id)


# ---- bad input ----------------------------------------------------------------------------------


async def test_bad_input_at_every_step_is_answered_and_the_draft_kept(desk: Desk) -> None:
    t, admin = desk.t, desk.admin
    await admin.send("/broadcast")
    await admin.send_sticker()
    assert admin.texts()[-2] == t("broadcast-bad-text")
    await admin.send("x" * 4090)  # with the source line it is over Telegram's 4096
    assert admin.texts()[-2] == t("broadcast-bad-too-long", max=4096)
    await admin.send("Көпүрө жабык.")
    await admin.send("Мост закрыт.")
    await admin.press(t("btn-skip"))
    await admin.send_sticker()
    assert admin.texts()[-2] == t("broadcast-bad-media")
    await admin.press(t("btn-broadcast-no-media"))
    await admin.send_sticker()
    assert admin.texts()[-2] == t("broadcast-bad-source", max=200)
    await admin.send("s" * 201)
    assert admin.texts()[-2] == t("broadcast-bad-source", max=200)
    await admin.send("Akimiat")
    await admin.press(t("btn-broadcast-districts"))
    await admin.send("Atlantis")
    assert admin.texts()[-2] == t("broadcast-bad-district", value="Atlantis")
    await admin.press(t("btn-continue"))
    assert admin.view.alerts[-1] == t("broadcast-bad-no-district")
    await admin.press(t("btn-back"))
    await admin.press(t("btn-broadcast-near"))
    await admin.send("40.1, 70.8")
    assert admin.texts()[-2] == t("broadcast-bad-point")
    await admin.share_location(0.0, 0.0)  # in the ocean
    assert admin.texts()[-2] == t("broadcast-bad-point-far")
    await admin.share_location(*KOK_TASH)
    for typed in ("0", "501", "far", "nan"):
        await admin.send(typed)
        assert admin.texts()[-2] == t("broadcast-bad-km", min=0.1, max=500)
    await admin.send("7,5 km")
    await admin.send("urgent")
    assert admin.texts()[-2] == t("broadcast-use-buttons")
    await admin.press(t("btn-broadcast-urgent"))

    # Nothing entered was lost.
    shown = admin.texts()
    assert "⚠️ <b>Шашылыш</b>\n\nКөпүрө жабык.\n\n✅ Текшерген: Akimiat" in shown
    assert "⚠️ <b>Срочно</b>\n\nМост закрыт.\n\n✅ Проверено: Akimiat" in shown
    assert t("broadcast-audience-near", km="7.5") in admin.last_text


async def test_a_photo_under_too_long_a_text_is_refused(desk: Desk) -> None:
    t, admin = desk.t, desk.admin
    await admin.send("/broadcast")
    await admin.send("ы" * 1500)
    await admin.press(t("btn-skip"))
    await admin.press(t("btn-skip"))
    await admin.send_photo()
    assert admin.texts()[-2] == t("broadcast-bad-photo-long", max=1024)
    await admin.press(t("btn-broadcast-no-media"))
    assert admin.last_text == t("broadcast-compose-source")


async def test_broadcast_again_offers_the_draft_under_way(desk: Desk) -> None:
    t, admin = desk.t, desk.admin
    await admin.send("/broadcast")
    await admin.send("Биринчи")
    await admin.send("/menu")
    await admin.send("/broadcast")
    assert admin.last_text == t("broadcast-compose-resume")
    await admin.press(t("btn-broadcast-resume"))
    assert admin.last_text.startswith(
        t("broadcast-compose-text-other", language="Russian", default="Kyrgyz")
    )
    await admin.send("/broadcast")
    await admin.press(t("btn-broadcast-anew"))
    assert admin.last_text.startswith(t("broadcast-compose-text-default", language="Kyrgyz"))
    assert t("broadcast-compose-now", value="Биринчи") not in admin.last_text


# ---- who may ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FAMILY])
async def test_forged_presses_are_refused_and_audited(desk: Desk, role: Role) -> None:
    koldo, t = desk.koldo, desk.t
    await desk.compose({"ky": "Чын", "ru": None, "en": None})
    key = _data(desk.admin.last, t("btn-broadcast-send"))
    await desk.admin.press(t("btn-broadcast-send"))
    [broadcast] = await desk.broadcasts_made()

    other = koldo.person(language_code="en")
    await make_staff(koldo, other.user.id, role, [BATKEN], "en")
    await other.send("/broadcast")
    assert other.last_text == t("broadcast-admins-only")
    await other.send("/broadcasts")
    assert other.last_text == t("broadcast-admins-only")
    forged = [
        key,  # the admin's own Send, copied
        ComposeCb(action=ComposeAction.SEND, key="0123456789abcdef").pack(),
        BroadcastCb(action=BroadcastAction.CANCEL_YES, broadcast=broadcast.id).pack(),
        BroadcastCb(action=BroadcastAction.CORRECT, broadcast=broadcast.id).pack(),
    ]
    for data in forged:
        await other.press_data(data, desk.admin.last)
    assert other.view.alerts == [t("broadcast-admins-only")] * len(forged)
    [still] = await desk.broadcasts_made()
    assert still.status != BroadcastStatus.CANCELLED

    # An admin pressing a button of a broadcast that is not there: refused, audited too.
    await desk.admin.press_data(
        BroadcastCb(action=BroadcastAction.CANCEL, broadcast=999_999).pack()
    )
    assert desk.admin.view.alerts[-1] == t("broadcast-not-found", id="999999")
    async with koldo.session() as session:
        refused = await audit.entries(session, "broadcast.refused")
    assert [e.actor_id for e in refused] == [other.user.id] * len(forged) + [desk.admin.user.id]
    assert refused[-1].subject == "broadcast:999999"


async def test_a_coordinator_who_lost_the_admin_role_mid_way_is_stopped(desk: Desk) -> None:
    koldo, t, admin = desk.koldo, desk.t, desk.admin
    await admin.send("/broadcast")
    await admin.send("Жарым")
    await make_staff(koldo, admin.user.id, Role.COORDINATOR, [BATKEN], "en")
    await admin.send("Половина")
    assert admin.last_text == t("broadcast-admins-only")
    await admin.press(t("btn-skip"))
    assert admin.view.alerts[-1] == t("broadcast-admins-only")
    assert await desk.broadcasts_made() == []


# ---- corrections --------------------------------------------------------------------------------


async def test_a_correction_says_which_update_it_corrects(desk: Desk) -> None:
    t, admin, koldo = desk.t, desk.admin, desk.koldo
    family = await desk.family("ru")
    await desk.compose({"ky": "Жол ачык.", "ru": "Дорога открыта.", "en": None})
    await admin.press(t("btn-broadcast-send"))
    await desk.run_workers(desk.worker())
    [first] = await desk.broadcasts_made()

    await admin.send("/broadcasts")
    await admin.press(t("btn-broadcast-correct", id=first.id))
    assert admin.last_text.startswith(t("broadcast-compose-correcting", id=first.id))
    await admin.send("Жол жабык.")
    await admin.send("Дорога закрыта.")
    await admin.press(t("btn-skip"))
    await admin.press(t("btn-broadcast-no-media"))
    await admin.send("Batken akimiat")
    await admin.press(t("btn-broadcast-everyone"))
    await admin.press(t("btn-broadcast-normal"))
    assert t("broadcast-preview-correction", id=first.id) in admin.last_text
    await admin.press(t("btn-broadcast-send"))
    _, second = await desk.broadcasts_made()
    assert second.corrects_id == first.id
    await desk.run_workers(desk.worker(), reports=2)

    assert first.started_at is not None
    date = broadcasts.local_date(first.started_at)
    line = koldo.t("ru")("broadcast-corrects", date=date)
    assert line == f"✏️ <b>Это исправление сообщения о безопасности от {date}.</b>"
    assert desk.received(family) == [
        "Дорога открыта.\n\n✅ Проверено: Batken akimiat",
        f"{line}\n\nДорога закрыта.\n\n✅ Проверено: Batken akimiat",
    ]


async def test_the_command_line_sends_a_correction(desk: Desk) -> None:
    koldo = desk.koldo
    family = await desk.family("ky")
    await desk.compose({"ky": "Суу жок.", "ru": None, "en": None})
    await desk.admin.press(desk.t("btn-broadcast-send"))
    await desk.run_workers(desk.worker())
    [first] = await desk.broadcasts_made()

    code, output = await koldo_cli(
        koldo, "send", "--text-ky", "Суу бар.", "--source", "MChS", "--corrects", str(first.id)
    )
    assert code == 0, output
    _, second = await desk.broadcasts_made()
    assert second.corrects_id == first.id and second.progress_chat_id is None
    worker = desk.worker()
    await worker.send_batch(worker.name)
    assert first.started_at is not None
    line = koldo.t("ky")("broadcast-corrects", date=broadcasts.local_date(first.started_at))
    assert desk.received(family)[-1] == f"{line}\n\nСуу бар.\n\n✅ Текшерген: MChS"

    code, output = await koldo_cli(
        koldo, "send", "--text-ky", "x", "--source", "MChS", "--corrects", "99999"
    )
    assert code == 2 and "there is no broadcast number 99999" in output


async def koldo_cli(koldo: Harness, *args: str) -> tuple[int, str]:
    settings = koldo.resources.settings
    env = {
        "KOLDO_DATABASE_URL": settings.database_url,
        "KOLDO_REDIS_URL": settings.redis_url,
        "KOLDO_REDIS_PREFIX": settings.redis_prefix,
        "KOLDO_DEFAULT_LOCALE": "ky",
    }
    done = await processes.run("broadcast", *args, env=env)
    return done.code, done.output


# ---- the progress message and the final report --------------------------------------------------


async def test_two_workers_send_one_final_report(desk: Desk) -> None:
    families = [await desk.family("ru") for _ in range(12)]
    await desk.compose({"ky": "Эки жумушчу", "ru": "Два процесса", "en": None})
    await desk.admin.press(desk.t("btn-broadcast-send"))
    await desk.run_workers(desk.worker(), desk.worker())
    assert len(desk.reports()) == 1
    for family in families:
        assert len(desk.received(family)) == 1


async def test_progress_edits_survive_not_modified_and_429(desk: Desk) -> None:
    koldo, t = desk.koldo, desk.t
    await desk.family("ky")
    await desk.compose({"ky": "Текшерүү", "ru": None, "en": None})
    await desk.admin.press(t("btn-broadcast-send"))
    not_modified = (
        '{"ok":false,"error_code":400,"description":"Bad Request: message is not modified: '
        'specified new message content and reply markup are exactly the same"}'
    )
    too_many = (
        '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1",'
        '"parameters":{"retry_after":1}}'
    )
    koldo.telegram.failures["editMessageText"] = [(400, not_modified), (429, too_many)]
    await desk.run_workers(desk.worker())
    assert koldo.telegram.failures["editMessageText"] == []  # both were met, and got over
    assert len(desk.reports()) == 1


async def test_the_report_of_an_update_made_on_the_command_line_goes_nowhere(desk: Desk) -> None:
    await desk.family("ky")
    code, output = await koldo_cli(desk.koldo, "send", "--text-ky", "CLI", "--source", "MChS")
    assert code == 0, output
    worker = desk.worker()
    await worker.send_batch(worker.name)
    async with desk.koldo.session() as session:
        assert await repo.finish_done(session, utcnow())
        await session.commit()
    await worker.tell_admins()
    assert desk.reports() == []
    async with desk.koldo.session() as session:
        assert (
            await session.scalar(select(func.count()).where(Broadcast.reported_at.is_not(None)))
            == 0
        )


@pytest.mark.parametrize(
    ("count", "sent", "unreachable"),
    [
        (1, "1 сообщение", "1 человек"),
        (3, "3 сообщения", "3 человека"),
        (5, "5 сообщений", "5 человек"),
        (21, "21 сообщение", "21 человек"),
    ],
)
def test_the_progress_message_counts_in_russian_plural_forms(
    count: int, sent: str, unreachable: str
) -> None:
    t = Localization().translator("ru")
    assert t("broadcast-figure-sent", count=count) == f"✅ Отправлено: {sent}"
    assert t("broadcast-figure-unreachable", count=count).endswith(f": {unreachable}")


async def test_finish_done_returns_only_what_it_finished(desk: Desk) -> None:
    await desk.family("ky")
    async with desk.koldo.session() as session:
        await broadcasts.create(session, broadcasts.Draft(texts={"ky": "a"}, source="s"))
    factory = desk.koldo.resources.session_factory
    await broadcasts.start_due(factory, desk.koldo.resources.settings)
    worker = desk.worker()
    await worker.send_batch(worker.name)
    async with desk.koldo.session() as session:
        assert len(await repo.finish_done(session, utcnow())) == 1
        await session.commit()
    async with desk.koldo.session() as session:
        assert await repo.finish_done(session, utcnow()) == []


# ---- the entry point for "Is this true?" --------------------------------------------------------


async def test_open_composer_with_texts_and_a_source_starts_at_the_audience(desk: Desk) -> None:
    koldo, t, admin = desk.koldo, desk.t, desk.admin
    family = await desk.family("ru")
    chat = Chat(id=admin.user.id, type="private")
    message = Message(message_id=1, date=0, chat=chat, from_user=admin.user).as_(koldo.bot)
    key = StorageKey(bot_id=koldo.bot.id, chat_id=admin.user.id, user_id=admin.user.id)
    state = FSMContext(storage=koldo.dispatcher.storage, key=key)
    await open_composer(
        message,
        state,
        t,
        koldo.resources.settings,
        texts={"ky": "Бул жалган.", "ru": "Это неправда."},
        source="Fact-checkers of Koldo",
    )
    assert admin.last_text == t("broadcast-compose-audience")
    await admin.press(t("btn-broadcast-languages"))
    await admin.press(t("toggle", on="no", label="Russian"))
    await admin.press(t("btn-continue"))
    await admin.press(t("btn-broadcast-normal"))
    await admin.press(t("btn-broadcast-send"))
    await desk.run_workers(desk.worker())
    assert desk.received(family) == ["Это неправда.\n\n✅ Проверено: Fact-checkers of Koldo"]


def _data(message: Shown, label: str) -> str:
    assert message.inline is not None
    found = [b for row in message.inline.inline_keyboard for b in row if b.text == label]
    assert found and found[0].callback_data
    return found[0].callback_data
