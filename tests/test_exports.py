"""`koldo export figures|cases` and `koldo audit`, on both backends, with cases made as families
and coordinators make them (and some seeded at chosen days)."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, redirect_stderr, redirect_stdout
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli import _dispatch, _parser
from bot.cli.demo import DEMO_FILE, prepare_database
from bot.config import REGION_TIME, Settings
from bot.services import exports, privacy, sample_cases
from storage.database import create_engine, create_session_factory
from storage.models import AuditEntry, Case, CaseKind, CaseStatus, Household, Priority, utcnow
from storage.repositories import audit, cases, users
from tests.conftest import Harness
from tests.support.cases import BATKEN, LEILEK, registered_case, staff_member
from tests.test_cli import koldo_apart

HXL_TAG = re.compile(r"^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$")
FAMILY_PHONE = "+996555123456"  # what fill_needs_form shares
FAMILY_WORDS = "Бала ооруп жатат"  # what it writes in the details


async def koldo_cli(koldo: Harness, *argv: str) -> tuple[int, str, str]:
    """A `koldo` command in this process, on the test's database: exit code, the screen
    (stdout) and what it says on stderr."""
    args = _parser().parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = await _dispatch(args, koldo.resources.settings)
    return code, out.getvalue(), err.getvalue()


@asynccontextmanager
async def database_session(url: str) -> AsyncIterator[AsyncSession]:
    engine = create_engine(url)
    try:
        async with create_session_factory(engine)() as session:
            yield session
    finally:
        await engine.dispose()


def read_csv(text: str, *, hxl: bool = False) -> list[dict[str, str]]:
    lines = list(csv.reader(io.StringIO(text)))
    header, body = lines[0], lines[2:] if hxl else lines[1:]
    return [dict(zip(header, line, strict=True)) for line in body]


def seeded(
    *needs: str,
    at: datetime,
    district: str | None = BATKEN,
    size: int | None = 3,
    kind: CaseKind = CaseKind.NEEDS,
    status: CaseStatus = CaseStatus.NEW,
    priority: Priority = Priority.HIGH,
    **fields: object,
) -> Case:
    """A case as a form would have left it, made some day in the past."""
    household = Household(size=size, district=district) if size is not None else None
    return Case(
        code=f"T{next(_codes):05d}",
        kind=kind,
        language="ky",
        needs=list(needs or ["food_water"]),
        household=household,
        household_size=size,
        priority=priority,
        status=status,
        district=district,
        created_at=at,
        updated_at=at,
        **fields,
    )


_codes = itertools.count(1)
# Wednesday 6 May 2026, 10:00 in Kyrgyzstan: ISO week 19 runs from Monday 4 to Sunday 10 May.
WEDNESDAY = datetime(2026, 5, 6, 4, 0, tzinfo=UTC)
MONDAY_EARLY = datetime(2026, 5, 3, 18, 10, tzinfo=UTC)  # Monday 4 May, 00:10 in Kyrgyzstan
NEXT_MONDAY = datetime(2026, 5, 10, 18, 30, tzinfo=UTC)  # Monday 11 May, 00:30 in Kyrgyzstan


# ---- figures ------------------------------------------------------------------------------


def answered(i: int) -> Case:
    """The i-th of seven households in Batken asking for food in week 19 (the first two also
    for shelter): answered after i + 1 hours, the first five resolved after 20 + i hours."""
    at = (MONDAY_EARLY if i == 0 else WEDNESDAY) + timedelta(minutes=i)
    return seeded(
        "food_water",
        *(["shelter"] if i < 2 else []),
        at=at,
        size=4,
        priority=(Priority.URGENT, Priority.HIGH, Priority.NORMAL)[(i > 3) + (i > 5)],
        status=CaseStatus.RESOLVED if i < 5 else CaseStatus.IN_PROGRESS,
        first_response_at=at + timedelta(hours=i + 1),
        resolved_at=at + timedelta(hours=20 + i) if i < 5 else None,
        outcome="helped" if i < 5 else None,
    )


async def test_figures_count_the_cases_of_whole_weeks_by_district_and_need(
    koldo: Harness,
) -> None:
    async with koldo.session() as session:
        session.add_all(
            [
                *(answered(i) for i in range(7)),
                # Its family erased its data: the case still counts, as withdrawn.
                seeded(
                    "food_water",
                    at=WEDNESDAY,
                    size=4,
                    priority=Priority.URGENT,
                    status=CaseStatus.RESOLVED,
                    outcome=privacy.ERASED_OUTCOME,
                    resolved_at=WEDNESDAY + timedelta(hours=2),
                    erased_at=WEDNESDAY + timedelta(hours=2),
                ),
                seeded("missing", at=WEDNESDAY, kind=CaseKind.MISSING, size=None),
                seeded("legal", at=WEDNESDAY, district=LEILEK, size=2),
                seeded("shelter", at=WEDNESDAY, district=None, size=6),
                seeded(at=WEDNESDAY, kind=CaseKind.RUMOUR, size=None),  # not a need
                seeded("food_water", at=NEXT_MONDAY),  # week 20: outside the range
                seeded("food_water", at=MONDAY_EARLY - timedelta(hours=1)),  # week 18
            ]
        )
        await session.commit()

    code, out, err = await koldo_cli(
        koldo, "export", "figures", "--from", "2026-05-06", "--to", "2026-05-07", "--hxl"
    )

    assert code == 0, err
    assert "cases created 2026-05-04 to 2026-05-10" in err  # widened to the whole week
    rows = {(r["District code"], r["Need code"]): r for r in read_csv(out, hxl=True)}
    assert set(rows) == {
        (BATKEN, "all"),
        (BATKEN, "food_water"),
        (BATKEN, "shelter"),
        (BATKEN, "missing"),
        (LEILEK, "all"),
        (LEILEK, "legal"),
        ("unknown", "all"),
        ("unknown", "shelter"),
    }
    assert {r["Week"] for r in rows.values()} == {"2026-W19"}
    food = rows[(BATKEN, "food_water")]
    assert food["District"] == "Batken District" and food["Need"] == "Food and water"
    assert (food["Cases"], food["Households"], food["People"]) == ("8", "8", "32")
    assert (food["Urgent"], food["High"], food["Normal"]) == ("5", "<5", "<5")
    assert (food["New"], food["In progress"], food["Waiting for the family"]) == ("0", "<5", "0")
    assert (food["Resolved"], food["Withdrawn (data erased)"]) == ("5", "<5")
    # Medians over the 7 answered and the 5 resolved: the withdrawn one is no resolution.
    assert food["Median hours to first response"] == "4.0"
    assert food["Median hours to resolution"] == "22.0"
    everything = rows[(BATKEN, "all")]
    assert (everything["Cases"], everything["Households"], everything["People"]) == (
        "9",
        "8",
        "32",
    )
    assert (everything["New"], everything["High"]) == ("<5", "<5")  # the missing relative
    shelter = rows[(BATKEN, "shelter")]
    assert (shelter["Cases"], shelter["Households"], shelter["People"]) == ("<5", "<5", "x")
    assert shelter["Median hours to first response"] == "x"  # two answered: withheld
    assert rows[(BATKEN, "missing")]["Households"] == "0"
    assert rows[("unknown", "shelter")]["District"] == "Unknown"
    assert rows[(LEILEK, "legal")]["People"] == "<5"

    async with koldo.session() as session:
        entries = await audit.entries(session, "export.figures")
    assert [e.details for e in entries] == [
        {"from": "2026-05-04", "to": "2026-05-10", "rows": len(rows)}
    ]


async def test_figures_count_what_families_and_coordinators_did_and_an_erasure_stays(
    koldo: Harness, tmp_path: Path
) -> None:
    family = koldo.person(language_code="ky")
    case = await registered_case(koldo, family, "ky")
    coordinator = await staff_member(koldo, [BATKEN], "en")
    await coordinator.send("/queue")
    await coordinator.press(coordinator.last.buttons()[0])
    await coordinator.press(koldo.t("en")("btn-case-claim"))
    await coordinator.send("We are coming tomorrow.")
    leaving = koldo.person(language_code="ky")
    await registered_case(koldo, leaving, "ky")
    await leaving.send("/erase")
    await leaving.press(koldo.t("ky")("btn-erase-confirm"))
    target = tmp_path / "figures.csv"

    code, out, err = await koldo_cli(koldo, "export", "figures", "--out", str(target))

    assert code == 0 and out == ""
    assert f"to {target}" in err
    rows = read_csv(target.read_text(encoding="utf-8"))
    batken = {r["Need code"]: r for r in rows if r["District code"] == BATKEN}
    assert set(batken) == {"all", "medical", "food_water"}
    # Two families, one of whom erased its data: both there, each written "<5".
    assert batken["all"]["Cases"] == "<5"
    assert batken["all"]["In progress"] == "<5"  # the one the coordinator answered
    assert batken["all"]["Withdrawn (data erased)"] == "<5"  # the erased one
    assert batken["all"]["New"] == batken["all"]["Resolved"] == "0"
    assert batken["all"]["Urgent"] == "<5" and batken["all"]["Normal"] == "0"
    assert batken["all"]["People"] == "x"  # two households of 4: their size is not told
    assert case.code not in target.read_text(encoding="utf-8")


# ---- the case list --------------------------------------------------------------------------


async def test_the_case_list_has_no_contacts_unless_asked_and_that_is_audited(
    koldo: Harness,
) -> None:
    family = koldo.person(language_code="ky")
    case = await registered_case(koldo, family, "ky")

    code, out, err = await koldo_cli(koldo, "export", "cases", "--hxl")

    assert code == 0, err
    header, tags = list(csv.reader(io.StringIO(out)))[:2]
    assert all(HXL_TAG.match(tag) for tag in tags) and len(tags) == len(header)
    (line,) = read_csv(out, hxl=True)
    assert line["Case"] == case.code and line["Kind"] == "needs"
    assert (line["Status"], line["Priority"], line["District"]) == (
        "new",
        "urgent",
        "Batken District",
    )
    assert line["Needs"] == "medical, food_water" and line["Vulnerabilities"] == "young_children"
    assert (line["Household size"], line["Erased"]) == ("4", "no")
    for personal in (FAMILY_PHONE, FAMILY_WORDS, "Kok-Tash", "kok-tash", family.user.first_name):
        assert personal not in out
    assert not {"Phone", "Village", "Details"} & set(header)

    code, out, _ = await koldo_cli(koldo, "export", "cases", "--with-contacts")

    assert code == 0
    (line,) = read_csv(out)
    assert line["Phone"] == FAMILY_PHONE and line["Village"] == "Kok-Tash"
    assert line["Details"].startswith(FAMILY_WORDS)
    async with koldo.session() as session:
        plain = await audit.entries(session, "export.cases")
        with_contacts = await audit.entries(session, "export.cases_with_contacts")
    assert [e.details for e in plain] == [{"count": 1, "from": None, "to": None}]
    assert [e.details for e in with_contacts] == [{"count": 1, "from": None, "to": None}]
    assert with_contacts[0].subject is None and FAMILY_PHONE not in json.dumps(
        with_contacts[0].details
    )


async def test_the_case_list_takes_the_days_asked_and_marks_erased_cases(koldo: Harness) -> None:
    async with koldo.session() as session:
        session.add_all(
            [
                seeded(at=MONDAY_EARLY, phone="+996700000001", details="secret"),
                seeded(at=WEDNESDAY, erased_at=WEDNESDAY, outcome=privacy.ERASED_OUTCOME),
                seeded(at=NEXT_MONDAY),
            ]
        )
        await session.commit()

    code, out, err = await koldo_cli(
        koldo, "export", "cases", "--from", "2026-05-04", "--to", "2026-05-10"
    )

    assert code == 0
    lines = read_csv(out)
    assert [line["Created (UTC+6)"] for line in lines] == ["2026-05-04 00:10", "2026-05-06 10:00"]
    assert [line["Erased"] for line in lines] == ["no", "yes"]
    assert "secret" not in out and "+996700000001" not in out
    assert "2 cases (cases created 2026-05-04 to 2026-05-10" in err

    code, _, err = await koldo_cli(
        koldo, "export", "cases", "--from", "2026-05-10", "--to", "2026-05-04"
    )
    assert code == 2 and "is after" in err


def test_the_withdrawn_outcome_is_the_one_an_erasure_leaves() -> None:
    assert privacy.ERASED_OUTCOME in exports.WITHDRAWN_OUTCOMES


# ---- the audit trail ------------------------------------------------------------------------


async def test_the_audit_trail_filters_by_case_actor_action_and_time(koldo: Harness) -> None:
    family = koldo.person(language_code="ky")
    case = await registered_case(koldo, family, "ky")
    other = await registered_case(koldo, koldo.person(language_code="ky"), "ky")
    coordinator = await staff_member(koldo, [BATKEN], "en")
    long_ago = utcnow() - timedelta(days=400)
    async with koldo.session() as session:
        staff = await users.get(session, coordinator.user.id)
        assert staff is not None
        staff.organisation = "Red Crescent Batken"
        # An entry of more than a year ago, to filter by time.
        session.add(AuditEntry(at=long_ago, action="case.opened", subject=other.code))
        await session.commit()
    await coordinator.send("/queue")
    await coordinator.press(next(b for b in coordinator.last.buttons() if case.code in b))
    await coordinator.press(koldo.t("en")("btn-case-claim"))
    await koldo_cli(koldo, "export", "cases")

    code, out, err = await koldo_cli(koldo, "audit", "--case", case.code.lower())
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == [
        "At",
        "(UTC+6)",
        "Actor",
        "Role",
        "Organisation",
        "Action",
        "Subject",
        "Details",
    ]
    # The columns line up under the header's.
    column = lines[0].index("Action")
    actions = [line[column:].split()[0] for line in lines[1:]]
    assert actions[0] == "case.created" and "case.opened" in actions and "case.claimed" in actions
    assert all(case.code in line for line in lines[1:])
    assert other.code not in out
    assert "Red Crescent Batken" in next(line for line in lines if "case.claimed" in line)

    code, out, _ = await koldo_cli(koldo, "audit", "--actor", str(coordinator.user.id), "--csv")
    entries = list(csv.DictReader(io.StringIO(out)))
    assert entries and {e["actor_id"] for e in entries} == {str(coordinator.user.id)}
    assert {e["role"] for e in entries} == {"coordinator"}
    assert {e["organisation"] for e in entries} == {"Red Crescent Batken"}
    assert all(isinstance(json.loads(e["details"]), dict) for e in entries)
    assert all(datetime.fromisoformat(e["at"]).utcoffset() == timedelta(hours=6) for e in entries)

    code, out, _ = await koldo_cli(koldo, "audit", "--action", "export", "--csv")
    (export,) = csv.DictReader(io.StringIO(out))
    assert export["action"] == "export.cases" and export["actor_id"] == ""
    assert json.loads(export["details"]) == {"count": 2, "from": None, "to": None}

    a_year_ago = (long_ago + timedelta(days=35)).astimezone(REGION_TIME).date().isoformat()
    code, out, _ = await koldo_cli(koldo, "audit", "--until", a_year_ago, "--csv")
    assert [e["subject"] for e in csv.DictReader(io.StringIO(out))] == [other.code]
    code, out, _ = await koldo_cli(koldo, "audit", "--since", a_year_ago, "--csv")
    since = list(csv.DictReader(io.StringIO(out)))
    assert since and all(e["at"] >= a_year_ago for e in since)
    _, everything, _ = await koldo_cli(koldo, "audit", "--csv")
    assert len(list(csv.DictReader(io.StringIO(everything)))) == len(since) + 1

    # Filters combine: this case, this coordinator, claims only.
    code, out, _ = await koldo_cli(
        koldo,
        "audit",
        "--case",
        case.code,
        "--actor",
        str(coordinator.user.id),
        "--action",
        "case.cl",
        "--csv",
    )
    assert [e["action"] for e in csv.DictReader(io.StringIO(out))] == ["case.claimed"]

    code, out, err = await koldo_cli(koldo, "audit", "--case", "ZZZZZZ")
    assert code == 0 and out == "No audit entries match.\n"
    assert "there is no case ZZZZZZ" in err


async def test_an_erasure_shows_under_each_case_it_touched_with_nobody_as_its_actor(
    koldo: Harness,
) -> None:
    family = koldo.person(language_code="ky")
    case = await registered_case(koldo, family, "ky")
    await family.send("/erase")
    await family.press(koldo.t("ky")("btn-erase-confirm"))

    code, out, _ = await koldo_cli(koldo, "audit", "--case", case.code, "--csv")

    assert code == 0
    entries = list(csv.DictReader(io.StringIO(out)))
    assert [e["action"] for e in entries] == ["case.created", "user.erased"]
    erased = entries[1]
    assert erased["actor_id"] == "" and erased["subject"] == ""
    assert json.loads(erased["details"]) == {"cases": [case.code]}
    # Who erased is not kept: the family's id is in no line about the erasure.
    assert str(family.user.id) not in erased.values()


# ---- the demo's data ------------------------------------------------------------------------


async def test_the_demo_data_gives_a_valid_hxl_table_with_small_cells_hidden(
    tmp_path: Path,
) -> None:
    demo_file = tmp_path / "demo.sqlite3"
    demo = Settings(_env_file=None, demo_database_path=demo_file).for_demo()
    cast = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    await prepare_database(demo, cast)
    await prepare_database(demo, cast)  # `koldo demo` started again adds nothing
    async with database_session(demo.effective_database_url) as session:
        assert await cases.count(session) == sample_cases.COUNT
        # The cases the demo coordinator holds are theirs to hold: none handed back.
        assert await audit.entries(session, "case.released") == []

    # As a person runs it next to `./dev demo`.
    code, out, err = await koldo_apart(
        "export", "figures", "--hxl", "--demo", env={"KOLDO_DEMO_DATABASE_PATH": str(demo_file)}
    )

    assert code == 0, err
    lines = list(csv.reader(io.StringIO(out)))
    header, tags, body = lines[0], lines[1], lines[2:]
    assert header[0] == "District" and len(tags) == len(header)
    assert all(HXL_TAG.match(tag) for tag in tags)
    assert len(body) > 50 and all(len(line) == len(header) for line in body)
    counts = [cell for line in body for cell in line[header.index("Cases") :]]
    assert "<5" in counts and "0" in counts
    assert any(cell.isdigit() and int(cell) >= 5 for cell in counts)
    districts = {line[header.index("District")] for line in body}
    assert {"Batken District", "Leilek District", "Kadamjay District"} <= districts
