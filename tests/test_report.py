"""The situation report: admins get a picture and its figures (/report, the menu, every day if
they ask), nobody else does; `koldo report` writes the same picture. Figures match the database:
open cases by district and need, urgent ones nobody claimed, time to first response,
shelters' free places."""

from __future__ import annotations

import asyncio
import itertools
import struct
import warnings
from datetime import UTC, date, datetime, time, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from aiogram.methods import SendPhoto
from PIL import Image
from sqlalchemy import select

from bot import cli, commands, keyboards, report_picture
from bot.callbacks import MenuCb, MenuItem, ReportCb
from bot.config import REGION_TIME
from bot.i18n import Localization, Translator
from bot.screens import report as screens
from bot.services import report
from storage.models import (
    Case,
    CaseKind,
    CaseStatus,
    JobRun,
    Priority,
    Role,
    ShelterStatus,
    User,
    utcnow,
)
from storage.places import Geography
from storage.repositories import audit
from storage.repositories.report import ShelterRow, Unclaimed
from tests.conftest import Harness
from tests.support.cases import registered_case, staff_member
from tests.support.fake_telegram import Shown
from tests.support.people import Person
from tests.support.shelters import ORIGIN, add_shelter
from tests.test_cli import koldo_here

BATKEN, LEILEK, BATKEN_TOWN, SULUKTA = (
    "batken-district",
    "leilek-district",
    "batken-town",
    "sulukta-town",
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_codes = (f"RP{n:04d}" for n in itertools.count(1))
_reader_ids = itertools.count(64_000_001)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's own header (its IHDR chunk comes first)."""
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


async def add_case(
    koldo: Harness,
    district: str | None,
    needs: list[str],
    *,
    kind: CaseKind = CaseKind.NEEDS,
    priority: Priority = Priority.NORMAL,
    status: CaseStatus = CaseStatus.NEW,
    assignee_id: int | None = None,
    age: timedelta = timedelta(hours=1),
    answered_after: timedelta | None = None,
) -> None:
    created = utcnow() - age
    async with koldo.session() as session:
        session.add(
            Case(
                code=next(_codes),
                kind=kind,
                language="ky",
                needs=needs,
                priority=priority,
                status=status,
                district=district,
                assignee_id=assignee_id,
                created_at=created,
                first_response_at=None if answered_after is None else created + answered_after,
            )
        )
        await session.commit()


async def admin_of(koldo: Harness, language: str = "en") -> Person:
    return await staff_member(koldo, role=Role.ADMIN, language=language)


def photos(person: Person) -> list[Shown]:
    return [message for message in person.view.messages if message.photo is not None]


async def stored_user(koldo: Harness, user_id: int) -> User:
    async with koldo.session() as session:
        found = await session.get(User, user_id)
    assert found is not None
    return found


async def seed(koldo: Harness) -> Person:
    """Cases in three districts (one urgent nobody claimed, from a family's own form), some
    that do not count, and shelters with free places; returns the coordinator of them."""
    family = koldo.person(language_code="ky")
    await registered_case(koldo, family)  # urgent, Batken district: medicine, food and water
    coordinator = await staff_member(koldo, [BATKEN, LEILEK], "en")
    await add_case(koldo, BATKEN, ["shelter"], age=timedelta(hours=30))
    await add_case(
        koldo,
        LEILEK,
        ["food_water", "cash"],
        priority=Priority.URGENT,
        status=CaseStatus.IN_PROGRESS,
        assignee_id=coordinator.user.id,
        age=timedelta(hours=5),
        answered_after=timedelta(minutes=20),
    )
    await add_case(koldo, LEILEK, ["missing"], kind=CaseKind.MISSING, priority=Priority.HIGH)
    await add_case(
        koldo,
        SULUKTA,
        ["medical"],
        status=CaseStatus.WAITING_FAMILY,
        age=timedelta(days=2),
        answered_after=timedelta(hours=3),
    )
    # Not counted as open: resolved, or a rumour; answered long ago: outside the 7 days.
    await add_case(
        koldo,
        BATKEN,
        ["cash"],
        status=CaseStatus.RESOLVED,
        age=timedelta(hours=10),
        answered_after=timedelta(hours=1),
    )
    await add_case(koldo, BATKEN, [], kind=CaseKind.RUMOUR)
    await add_case(
        koldo,
        BATKEN,
        ["legal"],
        status=CaseStatus.RESOLVED,
        age=timedelta(days=9),
        answered_after=timedelta(days=1),
    )
    await add_shelter(koldo, "School", ORIGIN, capacity=120, free=30, district=BATKEN_TOWN)
    await add_shelter(
        koldo, "Gym", ORIGIN, capacity=80, free=4, district=BATKEN_TOWN, status=ShelterStatus.FULL
    )
    await add_shelter(koldo, "Club", ORIGIN, capacity=60, free=25, district=SULUKTA)
    await add_shelter(
        koldo, "Closed", ORIGIN, capacity=90, free=90, district=LEILEK, status=ShelterStatus.CLOSED
    )
    return coordinator


def need(t: Translator, kind: str, count: int) -> str:
    return t("report-need-count", need=t(f"need-{kind}"), count=count)


# ---- admins get it -------------------------------------------------------------------------------


async def test_an_admin_gets_the_picture_and_figures_that_match_the_database(
    koldo: Harness,
) -> None:
    await seed(koldo)
    admin = await admin_of(koldo, "en")
    t = koldo.t("en")
    await admin.send("/report")

    [picture] = photos(admin)
    assert picture.photo is not None and png_size(picture.photo) == (1080, 1600)
    with Image.open(BytesIO(picture.photo)) as image:
        assert image.format == "PNG" and image.size == (1080, 1600)
    local = datetime.now(REGION_TIME)
    assert picture.text.startswith("📊 Situation report, ")
    assert picture.text.endswith("(Kyrgyzstan time)") and f"{local:%d.%m.%Y}" in picture.text
    [upload] = [call for call in koldo.telegram.calls if isinstance(call, SendPhoto)]
    assert upload.chat_id == admin.user.id

    text = admin.last_text
    assert admin.view.messages[-2] is picture  # the figures come right under the picture
    lines = text.split("\n")
    assert lines[0] == f"<b>{picture.text}</b>"
    assert t("report-open", count=5) in lines
    # Most open cases first; a case counts under each of its needs.
    batken = t(
        "report-district",
        district="Batken District",
        count=2,
        needs=" · ".join([need(t, "food_water", 1), need(t, "medical", 1), need(t, "shelter", 1)]),
    )
    leilek = t(
        "report-district",
        district="Leilek District",
        count=2,
        needs=" · ".join([need(t, "food_water", 1), need(t, "cash", 1), need(t, "missing", 1)]),
    )
    sulukta = t("report-district", district="Sulukta", count=1, needs=need(t, "medical", 1))
    start = lines.index(t("report-open", count=5))
    assert lines[start + 1 : start + 4] == [batken, leilek, sulukta]
    # The family's urgent case, just made, is the one nobody claimed (Leilek's is held).
    urgent = next(line for line in lines if line.startswith("<b>Urgent"))
    assert urgent.startswith("<b>Urgent, nobody claimed: 1</b>. The longest has waited ")
    assert urgent.endswith((f"{t('report-under-a-minute')}.", " min."))
    # Answered within the 7 days: 20 min (Leilek), 3 h (Sulukta), 1 h (resolved in Batken).
    response = t(
        "report-response",
        days=7,
        median=t("report-hours", hours=1, minutes=0),
        p90=t("report-hours", hours=2, minutes=36),
        answered=3,
        waiting=3,
    )
    assert response in lines
    # Open and full shelters count (a full one has no free places); a closed one does not.
    assert t("report-shelters", count=3, free=55, capacity=260) in lines
    assert t("report-shelter-district", district="Batken", free=30, capacity=200) in lines
    assert t("report-shelter-district", district="Sulukta", free=25, capacity=60) in lines
    shelter_lines = text.split(t("report-shelters", count=3, free=55, capacity=260))[1]
    assert "Leilek" not in shelter_lines  # its only shelter is closed
    assert admin.last.buttons() == [
        t("btn-report-daily-on", at="08:00"),
        t("btn-main-menu"),
    ]

    async with koldo.session() as session:
        [sent] = await audit.entries(session, "report.sent")
    assert sent.actor_id == admin.user.id and sent.details["daily"] is False


async def test_a_russian_admin_reads_it_in_russian_from_the_menu(koldo: Harness) -> None:
    await add_case(koldo, LEILEK, ["medical"], age=timedelta(days=1), answered_after=timedelta(0))
    admin = await admin_of(koldo, "ru")
    ru = koldo.t("ru")
    await admin.send("/menu")
    assert ru("menu-report") in admin.last.buttons()
    assert keyboards.fits_half_a_row(ru("menu-report"))
    await admin.press(ru("menu-report"))

    [picture] = photos(admin)
    assert picture.photo is not None and png_size(picture.photo) == (1080, 1600)
    assert picture.text.startswith("📊 Сводка о положении, ")
    text = admin.last_text
    assert "<b>Открытые заявки: 1</b>" in text
    assert f"Лейлекский район: 1 — {ru('need-medical')} 1" in text
    assert "<b>Первый ответ</b> на заявки за 7 дней: медиана меньше минуты" in text
    assert ru("report-shelters-none") in text
    assert "report" in commands.ADMIN


def test_russian_plurals_carry_their_number() -> None:
    ru = Localization().translator("ru")
    for days, words in ((1, "1 день"), (3, "3 дня"), (7, "7 дней"), (21, "21 день")):
        assert f"за {words}:" in ru("report-response-none", days=days, waiting=0)
    for capacity, words in ((1, "из 1 места"), (21, "из 21 места"), (5, "из 5 мест")):
        assert words in ru("report-shelters", count=1, free=0, capacity=capacity)


# ---- nobody else gets it ---------------------------------------------------------------------


async def test_a_coordinator_or_a_family_is_refused_and_gets_no_picture(koldo: Harness) -> None:
    coordinator = await seed(koldo)
    family = koldo.person(language_code="ky")
    await family.send("/start")
    refused = {coordinator: koldo.t("en"), family: koldo.t("ky")}
    for person, t in refused.items():
        await person.send("/report")
        assert person.last_text == t("broadcast-admins-only")
        await person.press_data(MenuCb(item=MenuItem.REPORT).pack())
        assert person.view.alerts[-1] == t("broadcast-admins-only")
        # A forged switch: refused, audited, and nothing changes.
        await person.press_data(ReportCb(daily=True).pack())
        assert person.view.alerts[-1] == t("broadcast-admins-only")
        assert (await stored_user(koldo, person.user.id)).daily_report is False
        assert photos(person) == []
    assert not [call for call in koldo.telegram.calls if isinstance(call, SendPhoto)]
    async with koldo.session() as session:
        assert await audit.entries(session, "report.sent") == []
        refusals = await audit.entries(session, "report.refused")
    assert sorted(entry.actor_id or 0 for entry in refusals) == sorted(
        [coordinator.user.id, family.user.id]
    )
    # The daily run never sends it to them either.
    async with koldo.session() as session:
        for person in refused:
            user = await session.get(User, person.user.id)
            assert user is not None
            user.daily_report = True
        await session.commit()
    await send_if_due(koldo, at_local(utcnow().date() + timedelta(days=1), time(9, 0)))
    assert all(photos(person) == [] for person in refused)


# ---- every day -----------------------------------------------------------------------------


async def test_the_daily_switch_turns_it_on_and_off(koldo: Harness) -> None:
    admin = await admin_of(koldo, "ky")
    ky = koldo.t("ky")
    await admin.send("/report")
    await admin.press(ky("btn-report-daily-on", at="08:00"))
    assert admin.view.alerts[-1] == ky("report-daily-on", at="08:00")
    assert (await stored_user(koldo, admin.user.id)).daily_report is True
    assert admin.last.buttons()[0] == ky("btn-report-daily-off")
    # The old button again (a second press of a slow phone): still on, as asked.
    await admin.press_data(ReportCb(daily=True).pack())
    assert (await stored_user(koldo, admin.user.id)).daily_report is True
    await admin.press(ky("btn-report-daily-off"))
    assert admin.view.alerts[-1] == ky("report-daily-off")
    assert (await stored_user(koldo, admin.user.id)).daily_report is False
    assert admin.last.buttons()[0] == ky("btn-report-daily-on", at="08:00")
    async with koldo.session() as session:
        switches = await audit.entries(session, "report.daily")
    assert [entry.details["on"] for entry in switches] == [True, False]


def at_local(day: date, clock: time) -> datetime:
    """A moment of Kyrgyzstan's day `day` at `clock`, in UTC."""
    return datetime.combine(day, clock, tzinfo=REGION_TIME).astimezone(UTC)


async def send_if_due(koldo: Harness, now: datetime, **settings: object) -> None:
    resources = koldo.resources
    await report.send_if_due(
        resources.session_factory,
        koldo.bot,
        resources.localization,
        resources.settings.model_copy(update=settings),
        now=now,
    )


async def subscriber(
    koldo: Harness, language: str, role: Role = Role.ADMIN, daily: bool = True
) -> Person:
    person = await staff_member(koldo, role=role, language=language)
    async with koldo.session() as session:
        user = await session.get(User, person.user.id)
        assert user is not None
        user.daily_report = daily
        await session.commit()
    return person


async def test_the_daily_report_goes_once_a_day_to_subscribed_admins_only(
    koldo: Harness,
) -> None:
    await add_case(koldo, BATKEN, ["food_water"], priority=Priority.URGENT)
    english = await subscriber(koldo, "en")
    kyrgyz = await subscriber(koldo, "ky")
    not_asked = await subscriber(koldo, "en", daily=False)
    # Asked for it while an admin; a coordinator now: no report.
    no_longer = await subscriber(koldo, "en", role=Role.COORDINATOR)
    blocked = await subscriber(koldo, "en")
    koldo.telegram.blocked.add(blocked.user.id)
    day = (utcnow() + timedelta(days=3)).astimezone(REGION_TIME).date()

    await send_if_due(koldo, at_local(day, time(7, 59)))  # not yet
    assert photos(english) == [] and photos(kyrgyz) == []

    # Two replicas at the hour: one of them sends, each admin gets it once.
    moment = at_local(day, time(8, 0))
    await asyncio.gather(send_if_due(koldo, moment), send_if_due(koldo, moment))
    assert len(photos(english)) == 1 and len(photos(kyrgyz)) == 1
    assert photos(english)[0].text.startswith("📊 Situation report, ")
    assert photos(kyrgyz)[0].text.startswith("📊 Кырдаал тууралуу маалымат, ")
    assert f"{day:%d.%m.%Y} 08:00" in photos(kyrgyz)[0].text
    assert kyrgyz.last_text.startswith(f"<b>{photos(kyrgyz)[0].text}</b>")
    assert kyrgyz.last.buttons()[0] == koldo.t("ky")("btn-report-daily-off")
    assert photos(not_asked) == [] and photos(no_longer) == [] and photos(blocked) == []
    assert (await stored_user(koldo, blocked.user.id)).blocked is True

    # Later that day, and after a restart: nothing more. The next day: once again.
    await send_if_due(koldo, at_local(day, time(17, 0)))
    await send_if_due(koldo, at_local(day, time(23, 59)))
    assert len(photos(english)) == 1 and len(photos(kyrgyz)) == 1
    await send_if_due(koldo, at_local(day + timedelta(days=1), time(8, 3)))
    assert len(photos(english)) == 2 and len(photos(kyrgyz)) == 2

    async with koldo.session() as session:
        sent = await audit.entries(session, "report.sent")
        run = await session.scalar(select(JobRun).where(JobRun.name == report.JOB))
    assert sorted(entry.subject or "" for entry in sent) == sorted(
        [f"user:{english.user.id}", f"user:{kyrgyz.user.id}"] * 2
    )
    assert all(entry.actor_id is None and entry.details["daily"] is True for entry in sent)
    assert run is not None and run.ran_at == at_local(day + timedelta(days=1), time(8, 3))


async def test_the_daily_report_waits_for_the_hour_set(koldo: Harness) -> None:
    admin = await subscriber(koldo, "en")
    day = (utcnow() + timedelta(days=10)).astimezone(REGION_TIME).date()
    await send_if_due(koldo, at_local(day, time(18, 29)), report_at=time(18, 30))
    assert photos(admin) == []
    await send_if_due(koldo, at_local(day, time(18, 45)), report_at=time(18, 30))
    assert len(photos(admin)) == 1
    assert admin.last.buttons()[0] == koldo.t("en")("btn-report-daily-off")
    async with koldo.session() as session:
        assert len(await audit.entries(session, "report.sent")) == 1


# ---- the figures, pure -----------------------------------------------------------------------


def test_median_and_90th_percentile_of_the_first_responses() -> None:
    now = datetime(2026, 5, 3, 6, 0, tzinfo=UTC)  # 12:00 in Kyrgyzstan
    came = now - timedelta(hours=2)
    responses = [(came, came + timedelta(minutes=m), False) for m in range(1, 11)]
    responses += [(came, None, True), (came, None, False)]  # waiting; closed without a word
    figures = report.summarize([], Unclaimed(0, None), responses, [], now)
    assert figures.response_median == timedelta(minutes=5, seconds=30)
    assert figures.response_p90 == timedelta(minutes=9, seconds=6)
    assert (figures.answered, figures.unanswered) == (10, 1)
    assert [day.day.isoformat() for day in figures.days][-1] == "2026-05-03"
    assert len(figures.days) == 7 and figures.days[-1].answered == 10
    assert report.window_start(now) == datetime(2026, 4, 26, 18, 0, tzinfo=UTC)
    one = report.summarize([], Unclaimed(0, None), responses[:1], [], now)
    assert one.response_median == one.response_p90 == timedelta(minutes=1)


def test_districts_most_cases_first_and_an_unknown_place_last() -> None:
    now = datetime(2026, 5, 3, 6, 0, tzinfo=UTC)
    rows = [(None, ["cash"]), (LEILEK, ["legal"]), (BATKEN, ["cash"]), (BATKEN, ["cash", "legal"])]
    figures = report.summarize(rows, Unclaimed(0, None), [], [], now, [BATKEN, LEILEK])
    assert [(d.district, d.cases) for d in figures.districts] == [
        (BATKEN, 2),
        (LEILEK, 1),
        (None, 1),
    ]
    assert figures.districts[0].needs == (("cash", 2), ("legal", 1))
    assert figures.need_kinds == ("cash", "legal")


# ---- the picture -------------------------------------------------------------------------------


def busy_report() -> report.SituationReport:
    now = datetime(2026, 5, 3, 2, 5, tzinfo=UTC)
    kinds = list(report.NEED_ORDER)
    codes = [area.code for area in Geography.load().areas]
    rows = [(code, kinds[n % len(kinds) :][:3] or kinds[:2]) for n, code in enumerate(codes * 3)]
    responses = [
        (now - timedelta(days=d, hours=1), now - timedelta(days=d, minutes=50 - d), True)
        for d in range(7)
    ]
    rooms = [ShelterRow(code, 2, 100 + n, 10 * n) for n, code in enumerate(codes)]
    unclaimed = Unclaimed(4, now - timedelta(days=1, hours=3))
    return report.summarize(rows, unclaimed, responses, rooms, now, codes)


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_every_label_renders_with_kyrgyz_letters_and_no_glyph_missing(language: str) -> None:
    t = Localization().translator(language)
    geography = Geography.load()
    figures = busy_report()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = report_picture.render(figures, t, geography)
    assert png_size(png) == (1080, 1600)
    assert [str(w.message) for w in caught if "missing from font" in str(w.message)] == []
    if language == "ky":
        drawn = " ".join(
            [
                t("report-picture-oldest", wait="1"),
                t("report-picture-open"),
                *(screens.district_name(t, geography, room.district) for room in figures.shelters),
            ]
        )
        assert all(letter in drawn for letter in "өүң")
    import matplotlib
    from matplotlib import font_manager

    shipped = Path(matplotlib.get_data_path())
    assert Path(font_manager.findfont(report_picture.FONT)).is_relative_to(shipped)


def test_the_glyph_check_would_notice_a_missing_letter() -> None:
    """The warnings caught above are where matplotlib says a glyph is missing."""
    report_picture._matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1), dpi=50)
    FigureCanvasAgg(figure)
    figure.text(0.1, 0.5, "Өң \u4e2d")  # a CJK letter DejaVu Sans does not have
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(BytesIO(), format="png")
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing and all("4E2D" in m or "CJK" in m for m in missing)


def test_an_empty_report_still_draws() -> None:
    now = datetime(2026, 5, 3, 2, 5, tzinfo=UTC)
    figures = report.summarize([], Unclaimed(0, None), [], [], now)
    t = Localization().translator("en")
    assert png_size(report_picture.render(figures, t, Geography.load())) == (1080, 1600)
    text = screens.figures(t, figures, Geography.load())
    assert t("report-open-none") in text and t("report-urgent-none") in text
    assert t("report-response-none", days=7, waiting=0) in text


# ---- the command line --------------------------------------------------------------------------


async def test_koldo_report_writes_the_picture_and_prints_the_figures(
    koldo: Harness, tmp_path: Path
) -> None:
    await seed(koldo)
    out = tmp_path / "report.png"
    code, output = await koldo_here(
        "report", "--out", str(out), "--language", "ru", settings=koldo.resources.settings
    )
    assert code == 0, output
    data = out.read_bytes()
    assert png_size(data) == (1080, 1600)
    with Image.open(out) as image:
        assert image.size == (1080, 1600)
    assert "Открытые заявки: 5" in output and "<b>" not in output
    assert "Баткенский район: 2" in output
    assert "Убежища: свободно 55 из 260 мест" in output
    assert f"wrote {out}" in output

    async with koldo.session() as session:
        [written] = await audit.entries(session, "report.written")
    assert written.details == {"language": "ru", "open_cases": 5}


def test_koldo_report_is_in_english_unless_told() -> None:
    args = cli._parser().parse_args(["report", "--demo"])
    assert (args.language, args.out, args.demo) == ("en", Path("report.png"), True)
