"""The figures engine alone (bot/figures.py): counts, weeks, small cells, HXL. No database."""

from __future__ import annotations

import csv
import io
import itertools
import random
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from bot import figures
from bot.config import REGION_TIME
from bot.figures import (
    COLUMNS,
    COUNTS,
    PRIORITIES,
    STATUSES,
    CaseFacts,
    FigureRow,
    Shown,
    constraints,
    primary,
    table,
    tally,
)
from bot.services.tables import write_table

DISTRICTS = [("batken-district", "Batken District"), ("leilek-district", "Leilek District")]
BATKEN, LEILEK = "batken-district", "leilek-district"
# Monday 4 May 2026 at noon in Kyrgyzstan (06:00 UTC): ISO week 19.
WEEK_19 = datetime(2026, 5, 4, 6, 0, tzinfo=UTC)
HXL_TAG = re.compile(r"^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$")
_households = itertools.count(1)


def case(
    *needs: str,
    district: str | None = BATKEN,
    at: datetime = WEEK_19,
    priority: str = "high",
    status: str = "new",
    size: int | None = 4,
    kind: str = "needs",
    responded_after: float | None = None,
    resolved_after: float | None = None,
) -> CaseFacts:
    return CaseFacts(
        kind=kind,
        needs=needs or ("food_water",),
        priority=priority,
        status=status,
        district=district,
        created_at=at,
        household=next(_households) if size is not None else None,
        household_size=size,
        first_response_at=at + timedelta(hours=responded_after) if responded_after else None,
        resolved_at=at + timedelta(hours=resolved_after) if resolved_after else None,
    )


def rows_of(cases: list[CaseFacts]) -> dict[tuple[str, str, str], FigureRow]:
    found = figures.figures(cases, REGION_TIME, DISTRICTS)
    return {(r.key.district, figures.week_label(r.key.week_start), r.key.need): r for r in found}


def test_cases_are_counted_by_district_week_and_need_by_kyrgyzstans_days() -> None:
    # Sunday 10 May, 23:30 in Kyrgyzstan, is still week 19; Monday 00:30 is week 20, though
    # both are Sunday in UTC.
    late_sunday = datetime(2026, 5, 10, 17, 30, tzinfo=UTC)
    early_monday = datetime(2026, 5, 10, 18, 30, tzinfo=UTC)
    cases = [
        *(case("food_water", "shelter", size=5) for _ in range(6)),
        case("food_water", at=late_sunday, size=3),
        case("medical", at=early_monday),
        case("legal", district=LEILEK),
        case("shelter", district=None),
        case("missing", kind="missing", size=None),
        case(kind="rumour"),  # is this true? questions are no needs
    ]

    rows = rows_of(cases)

    assert set(rows) == {
        (BATKEN, "2026-W19", "all"),
        (BATKEN, "2026-W19", "food_water"),
        (BATKEN, "2026-W19", "shelter"),
        (BATKEN, "2026-W19", "missing"),
        (BATKEN, "2026-W20", "all"),
        (BATKEN, "2026-W20", "medical"),
        (LEILEK, "2026-W19", "all"),
        (LEILEK, "2026-W19", "legal"),
        ("unknown", "2026-W19", "all"),
        ("unknown", "2026-W19", "shelter"),
    }
    # Each case once in "all", once in each of its needs.
    all_needs = rows[(BATKEN, "2026-W19", "all")].cells
    assert (all_needs["cases"], all_needs["households"], all_needs["people"]) == ("8", "7", "33")
    food = rows[(BATKEN, "2026-W19", "food_water")].cells
    assert (food["cases"], food["households"], food["people"]) == ("7", "7", "33")
    assert rows[(BATKEN, "2026-W19", "shelter")].cells["cases"] == "6"
    # A missing relative's report has no household.
    missing = rows[(BATKEN, "2026-W19", "missing")].cells
    assert (missing["households"], missing["people"]) == ("0", "0")
    unknown = rows[("unknown", "2026-W19", "shelter")]
    assert (unknown.district_name, unknown.cells["district"]) == ("Unknown", "unknown")
    assert rows[(BATKEN, "2026-W20", "medical")].cells["week_start"] == "2026-05-11"
    assert rows[(BATKEN, "2026-W19", "food_water")].need_name == "Food and water"
    assert rows[(LEILEK, "2026-W19", "legal")].district_name == "Leilek District"


def test_the_rows_come_by_week_then_district_then_all_before_the_needs() -> None:
    cases = [
        case("shelter", district=None),
        case("shelter", district=LEILEK),
        case("shelter", "food_water", district=BATKEN),
        case("food_water", at=WEEK_19 - timedelta(days=7)),
    ]
    order = [
        (figures.week_label(r.key.week_start), r.key.district, r.key.need)
        for r in figures.figures(cases, REGION_TIME, DISTRICTS)
    ]
    assert order == [
        ("2026-W18", BATKEN, "all"),
        ("2026-W18", BATKEN, "food_water"),
        ("2026-W19", BATKEN, "all"),
        ("2026-W19", BATKEN, "food_water"),
        ("2026-W19", BATKEN, "shelter"),
        ("2026-W19", LEILEK, "all"),
        ("2026-W19", LEILEK, "shelter"),
        ("2026-W19", "unknown", "all"),
        ("2026-W19", "unknown", "shelter"),
    ]


def test_one_to_four_is_written_small_zero_and_five_or_more_as_numbers() -> None:
    # 12 cases: 6 urgent, 3 high, 3 normal; 6 new and 6 in progress. Two small cells in the
    # priorities (3 + 3 = 6 could be 2 + 4 as well), so nothing more needs hiding.
    cases = [
        *(case(priority="urgent", status="new", size=2) for _ in range(6)),
        *(case(priority="high", status="in_progress", size=3) for _ in range(3)),
        *(case(priority="normal", status="in_progress", size=3) for _ in range(3)),
    ]
    row = rows_of(cases)[(BATKEN, "2026-W19", "food_water")].cells
    assert {c: row[c] for c in COUNTS} == {
        "cases": "12",
        "urgent": "6",
        "high": "<5",
        "normal": "<5",
        "new": "6",
        "in_progress": "6",
        "waiting_family": "0",
        "resolved": "0",
        "withdrawn": "0",
        "households": "12",
        "people": "30",
    }
    single = rows_of([case(size=3)])[(BATKEN, "2026-W19", "food_water")].cells
    assert single["cases"] == single["high"] == single["new"] == single["households"] == "<5"
    assert single["urgent"] == single["resolved"] == "0"
    assert single["people"] == "<5"


def test_people_of_fewer_than_five_households_are_withheld() -> None:
    cells = rows_of([case(size=9), case(size=7)])[(BATKEN, "2026-W19", "all")].cells
    assert cells["households"] == "<5"
    assert cells["people"] == figures.WITHHELD  # 16 would tell two families' sizes


def test_medians_in_hours_over_five_cases_or_more_else_withheld() -> None:
    hours = [1.0, 2.0, 3.0, 4.0, 10.0]
    five = [
        case(status="resolved", responded_after=h, resolved_after=h * 10, priority="urgent")
        for h in hours
    ]
    cells = rows_of(five)[(BATKEN, "2026-W19", "food_water")].cells
    assert cells["hours_to_first_response"] == "3.0"
    assert cells["hours_to_resolution"] == "30.0"

    four = [*five[:4], case(priority="urgent")]  # 5 cases, but only 4 answered
    cells = rows_of(four)[(BATKEN, "2026-W19", "food_water")].cells
    assert cells["cases"] == "5"
    assert cells["hours_to_first_response"] == cells["hours_to_resolution"] == "x"
    nobody = rows_of([case() for _ in range(5)])[(BATKEN, "2026-W19", "food_water")].cells
    assert nobody["hours_to_first_response"] == nobody["hours_to_resolution"] == ""


def test_a_small_cell_that_its_total_would_give_away_is_covered_by_another() -> None:
    # 6 cases: 1 urgent and 5 high. "<5" urgent and 5 high next to 6 cases tell 1.
    cases = [case(priority="urgent", size=2), *(case(size=2) for _ in range(5))]
    row = rows_of(cases)[(BATKEN, "2026-W19", "food_water")].cells
    assert row["cases"] == "6" and row["urgent"] == "<5"
    assert row["high"] == figures.WITHHELD
    # Whatever a reader tries, more than one number of urgent cases fits.
    assert len(_urgent_counts_a_reader_could_find(row)) > 1


def _urgent_counts_a_reader_could_find(row: dict[str, str]) -> set[int]:
    """By brute force, independent of the engine: urgent + high + normal = cases."""

    def values(text: str) -> range:
        if text == figures.SMALL:
            return range(1, 5)
        if text == figures.WITHHELD:
            return range(50)
        return range(int(text), int(text) + 1)

    return {
        urgent
        for urgent, high, normal, cases in itertools.product(
            values(row["urgent"]), values(row["high"]), values(row["normal"]), values(row["cases"])
        )
        if urgent + high + normal == cases
    }


def test_statuses_that_add_up_are_not_left_to_be_solved_either() -> None:
    # 4 cases, four of the five statuses once each: "<5" x 4 with a 0 means 1 each.
    statuses = ["new", "in_progress", "resolved", "withdrawn"]
    cases = [case(status=s, size=2) for s in statuses]
    row = rows_of(cases)[(BATKEN, "2026-W19", "food_water")].cells
    assert figures.WITHHELD in [row[s] for s in STATUSES]


def _random_cases(rng: random.Random, count: int) -> Iterator[CaseFacts]:
    needs = ["food_water", "shelter", "medical", "cash", "legal"]
    for _ in range(count):
        status = rng.choice(STATUSES)
        yield case(
            *rng.sample(needs, rng.choice([1, 1, 2, 3])),
            district=rng.choice([BATKEN, LEILEK, None]),
            at=WEEK_19 + timedelta(hours=rng.uniform(-24 * 14, 24 * 7)),
            priority=rng.choice(PRIORITIES),
            status=status,
            size=rng.choice([None, 1, 2, 4, 6, 9]),
            responded_after=rng.uniform(0.5, 40) if status != "new" else None,
            resolved_after=rng.uniform(40, 200) if status == "resolved" else None,
        )


@pytest.mark.parametrize("seed", range(12))
def test_no_hidden_cell_can_be_worked_out_from_the_sums(seed: int) -> None:
    rng = random.Random(seed)
    cases = list(_random_cases(rng, rng.choice([15, 40, 120])))
    truth = tally(cases, REGION_TIME)
    published = figures.figures(cases, REGION_TIME, DISTRICTS)
    blocks: dict[tuple[date, str], list[FigureRow]] = {}
    for row in published:
        blocks.setdefault((row.key.week_start, row.key.district), []).append(row)
    for rows in blocks.values():
        needs = [r.key.need for r in rows if r.key.need != figures.ALL_NEEDS]
        cells = {}
        for r in rows:
            hidden = primary(truth[r.key])
            for column in COUNTS:
                text = r.cells[column]
                cell = figures.Cell(truth[r.key].counts[column], protected=hidden[column].protected)
                cell.shown = {"<5": Shown.SMALL, "x": Shown.WITHHELD}.get(text, Shown.NUMBER)
                assert text in ("<5", "x") or text == str(cell.value)
                cells[(r.key.need, column)] = cell
        rules = constraints(needs)
        bounds = figures._propagate(cells, rules)
        # The reader's bounds hold the truth, and pin no protected cell.
        assert all(low <= cells[k].value <= high for k, (low, high) in bounds.items())
        assert figures.disclosed(cells, rules) == []


def test_whole_weeks() -> None:
    assert figures.whole_weeks(date(2026, 5, 6), date(2026, 5, 12)) == (
        date(2026, 5, 4),
        date(2026, 5, 17),
    )
    assert figures.whole_weeks(None, None) == (None, None)


@pytest.mark.parametrize("hxl", [True, False])
def test_the_table_reads_back_as_csv_with_a_valid_hxl_row(hxl: bool) -> None:
    cases = [case("food_water", "shelter") for _ in range(7)] + [case("legal", district=None)]
    rows = figures.figures(cases, REGION_TIME, DISTRICTS)

    text = write_table(table(rows, hxl=hxl))
    read = list(csv.reader(io.StringIO(text)))

    assert read[0] == [c.header for c in COLUMNS]
    body = read[2:] if hxl else read[1:]
    assert len(body) == len(rows) == 5
    assert all(len(line) == len(COLUMNS) for line in read)
    if hxl:
        tags = read[1]
        assert all(HXL_TAG.match(tag) for tag in tags), tags
        assert len(set(tags)) == len(tags)
        assert {"#adm2+name", "#adm2+code", "#sector", "#affected+hh", "#affected+ind"} <= set(tags)
        assert "#date+week" in tags
    else:
        assert not any(cell.startswith("#") for cell in read[1])
    assert body[0][:6] == [
        "Batken District",
        "batken-district",
        "2026-W19",
        "2026-05-04",
        figures.ALL_NEEDS_NAME,
        "all",
    ]
