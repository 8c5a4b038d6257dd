"""Figures for partners: cases counted by district, ISO week and kind of need, small cells hidden.

Pure: plain rows in (`CaseFacts`, nothing that names or reaches a family), a table of text
cells out. No aiogram, no database: tested and benchmarked alone (`koldo export figures` feeds
it from storage/repositories/figures.py).

The table is tidy: one row per district x week x need, and one more per district x week with
the need "all", where each case counts once (a family asking for food and shelter is in both
need rows, so need rows never add up to the total). Rows without a case are left out.

Disclosure control, so that no household can be singled out:
- a count of 1 to 4 is written "<5" (0 stays 0);
- people are written "x" (withheld) when they are those of 1 to 4 households, since that would
  tell a household's size; a median over 1 to 4 cases is withheld too ("" when there is none);
- then secondary suppression: within a district and week, priorities and statuses add up to
  the cases of their row, and the "all" row bounds the need rows. Whoever reads the table can
  solve those sums; wherever they would pin a hidden cell to one value, more cells are
  withheld ("x") until none is. A reader is assumed to know that "<5" is 1 to 4 and nothing
  of "x" but that it is not negative.
"""

from __future__ import annotations

import enum
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

SMALL_CELL = 5  # counts below this (but 0) are not shown
SMALL = "<5"
WITHHELD = "x"
UNKNOWN_DISTRICT = "unknown"
UNKNOWN_DISTRICT_NAME = "Unknown"
ALL_NEEDS = "all"
ALL_NEEDS_NAME = "All needs (each case once)"
UNSPECIFIED_NEED = "unspecified"
RUMOUR = "rumour"  # "is this true?" questions are no needs: never counted here

# Koldo's kinds of need (bot/services/needs.py, and "missing" for a missing relative's report),
# named as partners name them; the codes are Koldo's own.
NEEDS: tuple[tuple[str, str], ...] = (
    ("food_water", "Food and water"),
    ("medical", "Medicine and medical care"),
    ("shelter", "Shelter"),
    ("clothes_hygiene", "Clothes and hygiene items"),
    ("psychological", "Psychological support"),
    ("cash", "Cash"),
    ("documents", "Lost documents"),
    ("transport", "Transport"),
    ("damaged_property", "Damaged home or livestock"),
    ("legal", "Legal aid"),
    ("missing", "Missing relative"),
    (UNSPECIFIED_NEED, "Not given"),
)
NEED_NAMES = dict(NEEDS)

PRIORITIES = ("urgent", "high", "normal")
# "withdrawn": closed because the family erased its data; the caller maps it (it is no
# resolution, and is left out of the time to resolution).
STATUSES = ("new", "in_progress", "waiting_family", "resolved", "withdrawn")
COUNTS = ("cases", *PRIORITIES, *STATUSES, "households", "people")
MEDIANS = ("hours_to_first_response", "hours_to_resolution")


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What figures may know of one case: nothing that names, places or reaches a family."""

    kind: str  # "needs", "missing" ("rumour" is skipped)
    needs: tuple[str, ...]
    priority: str  # one of PRIORITIES
    status: str  # one of STATUSES
    district: str | None
    created_at: datetime
    household: int | None = None  # the household's id: counted once per row
    household_size: int | None = None
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None  # None unless resolved (and not withdrawn)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    tag: str


COLUMNS: tuple[Column, ...] = (
    Column("district_name", "District", "#adm2+name"),
    Column("district", "District code", "#adm2+code"),
    Column("week", "Week", "#date+week"),
    Column("week_start", "Week starts", "#date+start"),
    Column("need_name", "Need", "#sector"),
    Column("need", "Need code", "#sector+code"),
    Column("cases", "Cases", "#indicator+num+cases"),
    Column("urgent", "Urgent", "#indicator+num+cases+urgent"),
    Column("high", "High", "#indicator+num+cases+high"),
    Column("normal", "Normal", "#indicator+num+cases+normal"),
    Column("new", "New", "#indicator+num+cases+new"),
    Column("in_progress", "In progress", "#indicator+num+cases+in_progress"),
    Column("waiting_family", "Waiting for the family", "#indicator+num+cases+waiting"),
    Column("resolved", "Resolved", "#indicator+num+cases+resolved"),
    Column("withdrawn", "Withdrawn (data erased)", "#indicator+num+cases+withdrawn"),
    Column("households", "Households", "#affected+hh"),
    Column("people", "People", "#affected+ind"),
    Column(
        "hours_to_first_response",
        "Median hours to first response",
        "#indicator+num+median+hours_first_response",
    ),
    Column(
        "hours_to_resolution", "Median hours to resolution", "#indicator+num+median+hours_resolved"
    ),
)


@dataclass(frozen=True, order=True)
class RowKey:
    week_start: date  # the Monday of the ISO week
    district: str
    need: str


@dataclass
class Tally:
    """The true figures of one row, before anything is hidden."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    response_hours: list[float] = field(default_factory=list)
    resolution_hours: list[float] = field(default_factory=list)
    seen_households: set[object] = field(default_factory=set)

    def add(self, case: CaseFacts, index: int) -> None:
        self.counts["cases"] += 1
        self.counts[case.priority] += 1
        self.counts[case.status] += 1
        if case.household_size is not None:
            household = case.household if case.household is not None else ("case", index)
            if household not in self.seen_households:
                self.seen_households.add(household)
                self.counts["households"] += 1
                self.counts["people"] += case.household_size
        if case.first_response_at is not None:
            self.response_hours.append(_hours(case.first_response_at - case.created_at))
        if case.resolved_at is not None:
            self.resolution_hours.append(_hours(case.resolved_at - case.created_at))

    def hours(self, key: str) -> list[float]:
        """The times a median of MEDIANS is taken over."""
        return self.response_hours if key == "hours_to_first_response" else self.resolution_hours


def _hours(delta: timedelta) -> float:
    return max(delta.total_seconds(), 0.0) / 3600


def week_start(moment: datetime, zone: tzinfo) -> date:
    """The Monday of the ISO week `moment` falls in, by the days of `zone`."""
    day = moment.astimezone(zone).date()
    return day - timedelta(days=day.weekday())


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def whole_weeks(first: date | None, last: date | None) -> tuple[date | None, date | None]:
    """A range of days widened to whole ISO weeks (Monday to Sunday). Rows are weeks: a week
    cut short would read as a whole one, and two exports a day apart could be subtracted to
    find one day's few cases."""
    start = first - timedelta(days=first.weekday()) if first else None
    end = last + timedelta(days=6 - last.weekday()) if last else None
    return start, end


def tally(cases: Iterable[CaseFacts], zone: tzinfo) -> dict[RowKey, Tally]:
    """The true figures: each case in the row of each of its needs and in the "all" row."""
    rows: dict[RowKey, Tally] = defaultdict(Tally)
    for index, case in enumerate(cases):
        if case.kind == RUMOUR:
            continue
        monday = week_start(case.created_at, zone)
        district = case.district or UNKNOWN_DISTRICT
        needs = list(dict.fromkeys(case.needs)) or [UNSPECIFIED_NEED]
        for need in [ALL_NEEDS, *needs]:
            rows[RowKey(monday, district, need)].add(case, index)
    return dict(rows)


# --- disclosure control ----------------------------------------------------------------------


class Shown(enum.Enum):
    NUMBER = "number"
    SMALL = "small"  # "<5": 1 to 4
    WITHHELD = "withheld"  # "x": anything from 0 up


@dataclass
class Cell:
    value: int
    shown: Shown = Shown.NUMBER
    protected: bool = False  # hidden for its own sake: must not be worked out

    @property
    def text(self) -> str:
        if self.shown is Shown.SMALL:
            return SMALL
        if self.shown is Shown.WITHHELD:
            return WITHHELD
        return str(self.value)

    def bounds(self) -> tuple[float, float]:
        """What a reader of the table knows of the value."""
        if self.shown is Shown.SMALL:
            return 1.0, float(SMALL_CELL - 1)
        if self.shown is Shown.WITHHELD:
            return 0.0, math.inf
        return float(self.value), float(self.value)


CellKey = tuple[str, str]  # (need, column) within one district and week


@dataclass(frozen=True)
class Sum:
    """total = sum(parts), as a reader can check it."""

    total: CellKey
    parts: tuple[CellKey, ...]


@dataclass(frozen=True)
class Cover:
    """The "all" row's cell counts each case of the need rows' cells once: it is at least the
    largest of them and at most their sum."""

    total: CellKey
    parts: tuple[CellKey, ...]


@dataclass(frozen=True)
class AtMost:
    small: CellKey
    large: CellKey


Constraint = Sum | Cover | AtMost


def primary(tally_: Tally) -> dict[str, Cell]:
    """The counts of one row with the small ones hidden."""
    cells: dict[str, Cell] = {}
    for key in COUNTS:
        value = tally_.counts[key]
        cells[key] = Cell(value)
        if 0 < value < SMALL_CELL:
            cells[key] = Cell(value, Shown.SMALL, protected=True)
    households = tally_.counts["households"]
    if 0 < households < SMALL_CELL and cells["people"].shown is Shown.NUMBER:
        # The people of a few households would tell how big each of them is.
        cells["people"] = Cell(tally_.counts["people"], Shown.WITHHELD, protected=True)
    return cells


def constraints(needs: Sequence[str]) -> list[Constraint]:
    """What a reader can use to work out hidden cells of one district and week."""
    found: list[Constraint] = []
    for need in [ALL_NEEDS, *needs]:
        found.append(Sum((need, "cases"), tuple((need, p) for p in PRIORITIES)))
        found.append(Sum((need, "cases"), tuple((need, s) for s in STATUSES)))
        found.append(AtMost((need, "households"), (need, "cases")))
        found.append(AtMost((need, "households"), (need, "people")))
    if needs:
        for key in COUNTS:
            found.append(Cover((ALL_NEEDS, key), tuple((need, key) for need in needs)))
    return found


def _propagate(
    cells: Mapping[CellKey, Cell], rules: Sequence[Constraint]
) -> dict[CellKey, tuple[float, float]]:
    """The tightest bounds a reader gets for every cell by going over the sums until nothing
    changes (bounds only narrow, so this ends)."""
    keys = list(cells)
    index = {key: i for i, key in enumerate(keys)}
    low, high = zip(*(cells[key].bounds() for key in keys), strict=True)
    lows, highs = list(low), list(high)
    changed = True

    def narrow(i: int, new_low: float, new_high: float) -> None:
        nonlocal changed
        if new_low > lows[i]:
            lows[i], changed = new_low, True
        if new_high < highs[i]:
            highs[i], changed = new_high, True

    compiled = [
        (type(rule), index[rule.small], (index[rule.large],))
        if isinstance(rule, AtMost)
        else (type(rule), index[rule.total], tuple(index[p] for p in rule.parts))
        for rule in rules
    ]
    for _ in range(100):
        if not changed:
            break
        changed = False
        for kind, total, parts in compiled:
            if kind is AtMost:
                (large,) = parts
                narrow(total, -math.inf, highs[large])
                narrow(large, lows[total], math.inf)
                continue
            low_sum = sum(lows[p] for p in parts)
            finite = [highs[p] for p in parts if highs[p] != math.inf]
            unbounded, finite_sum = len(parts) - len(finite), sum(finite)
            high_sum = math.inf if unbounded else finite_sum
            smallest = low_sum if kind is Sum else max(lows[p] for p in parts)
            narrow(total, smallest, high_sum)
            for p in parts:
                # The others' sum, done apart from this part's (inf - inf would be nan).
                if highs[p] == math.inf:
                    others_high = math.inf if unbounded > 1 else finite_sum
                else:
                    others_high = math.inf if unbounded else finite_sum - highs[p]
                if kind is Sum:
                    narrow(p, lows[total] - others_high, highs[total] - (low_sum - lows[p]))
                else:
                    narrow(p, lows[total] - others_high, highs[total])
    return {key: (lows[i], highs[i]) for i, key in enumerate(keys)}


def disclosed(cells: Mapping[CellKey, Cell], rules: Sequence[Constraint]) -> list[CellKey]:
    """Protected cells a reader could work out exactly."""
    bounds = _propagate(cells, rules)
    return sorted(
        key for key, cell in cells.items() if cell.protected and bounds[key][0] == bounds[key][1]
    )


def secondary(cells: dict[CellKey, Cell], rules: Sequence[Constraint]) -> None:
    """Withholds cells until no protected one can be worked out. Tries, in order, single cells
    (those in a sum with the exposed one first, a "<5" before a number since it tells least,
    breakdowns before totals, small numbers before large), then a need row's cell with the
    same cell of the "all" row (which mirrors it when a district had one need that week); the
    first move that saves the exposed cell, else the one leaving fewest exposed."""
    while exposed := disclosed(cells, rules):
        target = exposed[0]
        best: tuple[CellKey, ...] = ()
        fewest = len(cells) + 1
        for move in _moves(cells, rules, target):
            left = disclosed({**cells, **{k: _withheld(cells[k]) for k in move}}, rules)
            if target not in left:
                best = move
                break
            if len(left) < fewest:
                best, fewest = move, len(left)
        if not best:
            return  # everything is withheld already
        cells.update({k: _withheld(cells[k]) for k in best})


def _moves(
    cells: Mapping[CellKey, Cell], rules: Sequence[Constraint], target: CellKey
) -> list[tuple[CellKey, ...]]:
    near = {k for rule in rules if target in _members(rule) for k in _members(rule)}
    open_ = [key for key, cell in cells.items() if cell.shown is not Shown.WITHHELD]

    def cost(key: CellKey) -> tuple[bool, bool, bool, bool, int]:
        cell = cells[key]
        is_total = key[0] == ALL_NEEDS or key[1] == "cases"
        return key not in near, cell.shown is Shown.NUMBER, cell.value == 0, is_total, cell.value

    singles = sorted(open_, key=lambda key: (cost(key), key))
    pairs = sorted(
        (
            (key, (ALL_NEEDS, key[1]))
            for key in open_
            if key[0] != ALL_NEEDS and (ALL_NEEDS, key[1]) in open_
        ),
        key=lambda pair: (min(cost(pair[0]), cost(pair[1])), pair),
    )
    return [(key,) for key in singles] + list(pairs)


def _withheld(cell: Cell) -> Cell:
    return Cell(cell.value, Shown.WITHHELD, protected=cell.protected)


def _members(rule: Constraint) -> tuple[CellKey, ...]:
    if isinstance(rule, AtMost):
        return rule.small, rule.large
    return rule.total, *rule.parts


# --- the table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureRow:
    key: RowKey
    district_name: str
    need_name: str
    cells: dict[str, str]  # column key -> the text written


def publish(
    rows: Mapping[RowKey, Tally], district_names: Sequence[tuple[str, str]]
) -> list[FigureRow]:
    """The rows of `tally` as they may be shared, in order: week, district (as
    `district_names` lists them, others after, "unknown" last), then "all" and the needs in
    Koldo's order."""
    names = dict(district_names)
    district_order = {code: i for i, (code, _) in enumerate(district_names)}
    need_order = {code: i for i, (code, _) in enumerate(NEEDS)}
    blocks: dict[tuple[date, str], dict[str, Tally]] = defaultdict(dict)
    for key, row in rows.items():
        blocks[(key.week_start, key.district)][key.need] = row
    published: list[FigureRow] = []
    for (monday, district), block in sorted(
        blocks.items(),
        key=lambda item: (
            item[0][0],
            item[0][1] == UNKNOWN_DISTRICT,
            district_order.get(item[0][1], len(district_order)),
            item[0][1],
        ),
    ):
        needs = sorted(
            (n for n in block if n != ALL_NEEDS), key=lambda n: (need_order.get(n, len(NEEDS)), n)
        )
        cells = {
            (need, column): cell
            for need, row in block.items()
            for column, cell in primary(row).items()
        }
        secondary(cells, constraints(needs))
        district_name = (
            UNKNOWN_DISTRICT_NAME if district == UNKNOWN_DISTRICT else names.get(district, district)
        )
        for need in [ALL_NEEDS, *needs]:
            texts = {column: cells[(need, column)].text for column in COUNTS}
            texts.update({key: _median_text(block[need], key) for key in MEDIANS})
            texts.update(
                district_name=district_name,
                district=district,
                week=week_label(monday),
                week_start=monday.isoformat(),
                need_name=ALL_NEEDS_NAME if need == ALL_NEEDS else NEED_NAMES.get(need, need),
                need=need,
            )
            published.append(
                FigureRow(RowKey(monday, district, need), district_name, texts["need_name"], texts)
            )
    return published


def _median_text(row: Tally, key: str) -> str:
    hours = row.hours(key)
    if not hours:
        return ""
    if len(hours) < SMALL_CELL:
        return WITHHELD
    return f"{statistics.median(hours):.1f}"


def figures(
    cases: Iterable[CaseFacts], zone: tzinfo, district_names: Sequence[tuple[str, str]]
) -> list[FigureRow]:
    """Everything at once: the rows to share."""
    return publish(tally(cases, zone), district_names)


def table(rows: Sequence[FigureRow], *, hxl: bool) -> list[list[str]]:
    """Plain English headers, then (with `hxl`) the HXL hashtags, then the rows."""
    header = [[c.header for c in COLUMNS]]
    if hxl:
        header.append([c.tag for c in COLUMNS])
    return header + [[row.cells[c.key] for c in COLUMNS] for row in rows]
