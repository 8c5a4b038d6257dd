"""The situation report as one picture for a phone: 1080 x 1600 pixels, portrait.

From the top: the title with the date and time in Kyrgyzstan; three figures (open cases,
urgent cases nobody claimed and how long the longest has waited, the median time to first
response with its 90th percentile); open cases by district and need (a stacked bar per
district, one colour per need, the legend under it); the median time to first response by the
day a case came in; shelters' places by district (taken and free).

Sizes are in pixels of the picture: shown 390 points wide on a phone, its smallest text
(10.5 pt at 150 dpi, 22 px) is about 8 points there, its headings about 11; Telegram lets one
zoom in.

matplotlib is imported when a picture is drawn, never when the bot or another command starts.
Only its object API is used (no pyplot, no global figure): each call draws a figure of its own,
so pictures may be drawn in threads. Every label is drawn in DejaVu Sans, the font matplotlib
ships, which has the letters Kyrgyz adds to Russian (U+04E9, U+04AF, U+04A3); nothing is
downloaded.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from bot.i18n import Translator
from bot.screens import report as screens
from storage.places import Geography

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from bot.services.report import SituationReport

WIDTH_PX, HEIGHT_PX, DPI = 1080, 1600, 150
FONT = "DejaVu Sans"
MARGIN = 54  # left and right, px
LABELS = 350  # room for the district names left of the bars, px
INK, MUTED, FAINT, CARD = "#1f2933", "#5f6b7a", "#d9dee4", "#f1f3f6"
URGENT, TAKEN, FREE, RESPONSE = "#c0392b", "#8a99a8", "#2e9e5b", "#2f6db5"
# One colour per kind of need, the same in every report (colour-blind safe where it can be).
NEED_COLOURS = {
    "food_water": "#e69f00",
    "medical": "#d55e00",
    "shelter": "#0072b2",
    "clothes_hygiene": "#cc79a7",
    "psychological": "#56b4e9",
    "cash": "#009e73",
    "documents": "#9a9a9a",
    "transport": "#f0e442",
    "damaged_property": "#8c564b",
    "legal": "#6a3d9a",
    "missing": "#332288",
}
OTHER_NEED = "#bbbbbb"
# Heights of the fixed parts, px.
TOP, HEADER, CARDS, GAP, HEADING, TICKS, LEGEND_ROW, DAY_CHART = 34, 104, 214, 28, 64, 34, 30, 140
MAX_ROW = 48  # a bar's row when there are few of them
TICK_PT, TEXT_PT, NOTE_PT = 11.0, 11.5, 10.5


@cache
def _matplotlib() -> Any:
    """matplotlib, once, set to draw every text in the font it ships."""
    import matplotlib

    matplotlib.rcParams.update(
        {
            "font.family": FONT,
            "font.size": TEXT_PT,
            "axes.edgecolor": FAINT,
            "axes.labelcolor": MUTED,
            "xtick.color": MUTED,
            "ytick.color": INK,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return matplotlib


class _Column:
    """Lays the parts out from the top down, in pixels."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.y = float(TOP)

    def fy(self, px_from_top: float) -> float:
        return 1 - px_from_top / HEIGHT_PX

    def axes(self, height: float, left: float = MARGIN, right: float = MARGIN) -> Axes:
        box = (left / WIDTH_PX, self.fy(self.y + height), (WIDTH_PX - left - right) / WIDTH_PX)
        axes = self.figure.add_axes((*box, height / HEIGHT_PX))
        self.y += height
        return axes

    def text(self, x: float, y: float, text: str, **style: Any) -> None:
        self.figure.text(x / WIDTH_PX, self.fy(y), text, va="top", **style)

    def heading(self, text: str, note: str = "") -> None:
        self.text(MARGIN, self.y, text, fontsize=14.5, weight="bold", color=INK)
        if note:
            self.text(MARGIN, self.y + 31, note, fontsize=NOTE_PT, color=MUTED)
        self.y += HEADING


def render(report: SituationReport, t: Translator, geography: Geography) -> bytes:
    """The picture as PNG bytes, in the language of `t`."""
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    column = _Column(figure)
    legend_rows = (len(report.need_kinds) + 1) // 2
    fixed = TOP + HEADER + CARDS + 3 * GAP + 3 * HEADING + 3 * TICKS + DAY_CHART + 20
    fixed += legend_rows * LEGEND_ROW
    bars = max(len(report.districts), 1) + max(len(report.shelters), 1)
    row = min(MAX_ROW, (HEIGHT_PX - fixed) / bars)
    _header(column, report, t)
    _cards(column, report, t)
    _needs(column, report, t, geography, row, legend_rows)
    _responses(column, report, t)
    _shelters(column, report, t, geography, row)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
    return buffer.getvalue()


# ---- parts ------------------------------------------------------------------------------------


def _header(column: _Column, report: SituationReport, t: Translator) -> None:
    column.text(MARGIN, column.y, t("report-picture-title"), fontsize=20, weight="bold", color=INK)
    when = t("report-picture-time", at=screens.moment(report))
    column.text(MARGIN, column.y + 52, when, fontsize=12, color=MUTED)
    column.y += HEADER


def _cards(column: _Column, report: SituationReport, t: Translator) -> None:
    from matplotlib.patches import FancyBboxPatch

    median, p90, wait = report.response_median, report.response_p90, report.oldest_wait
    waited = (
        ""
        if wait is None
        else t("report-picture-oldest", wait=_unbroken(screens.duration(t, wait)))
    )
    within = "" if p90 is None else t("report-picture-p90", p90=_unbroken(screens.duration(t, p90)))
    cards = [
        (str(report.open_cases), t("report-picture-open"), "", INK),
        (
            str(report.urgent_unclaimed),
            t("report-picture-urgent"),
            waited,
            URGENT if report.urgent_unclaimed else INK,
        ),
        (
            "–" if median is None else screens.duration(t, median),
            t("report-picture-response", days=len(report.days)),
            within,
            RESPONSE,
        ),
    ]
    gap = 16
    width = (WIDTH_PX - 2 * MARGIN - 2 * gap) / 3
    top = column.y
    for n, (figure_text, label, note, colour) in enumerate(cards):
        left = MARGIN + n * (width + gap)
        box = column.figure.add_axes(
            (left / WIDTH_PX, column.fy(top + CARDS), width / WIDTH_PX, CARDS / HEIGHT_PX)
        )
        box.set_axis_off()
        box.add_patch(
            FancyBboxPatch(
                (0, 0),
                1,
                1,
                boxstyle="round,pad=0,rounding_size=0.07",
                facecolor=CARD,
                edgecolor="none",
                transform=box.transAxes,
            )
        )
        x = left + 20
        size = 26 if len(figure_text) <= 7 else 19 if len(figure_text) <= 11 else 15
        column.text(x, top + 16, figure_text, fontsize=size, weight="bold", color=colour)
        lines = _wrap(label, 19)
        column.text(x, top + 86, lines, fontsize=TEXT_PT, color=INK, linespacing=1.15)
        if note:
            below = top + 86 + 27 * (lines.count("\n") + 1) + 6
            column.text(x, below, _wrap(note, 22), fontsize=NOTE_PT, color=MUTED, linespacing=1.1)
    column.y = top + CARDS + GAP


def _nothing(axes: Axes, text: str) -> None:
    axes.set_axis_off()
    axes.text(0.0, 0.5, text, fontsize=TEXT_PT, color=MUTED, va="center", transform=axes.transAxes)


def _needs(
    column: _Column,
    report: SituationReport,
    t: Translator,
    geography: Geography,
    row: float,
    legend_rows: int,
) -> None:
    column.heading(t("report-picture-needs"), t("report-picture-needs-note"))
    axes = column.axes(row * max(len(report.districts), 1), left=LABELS)
    column.y += TICKS
    if not report.districts:
        _nothing(axes, t("report-picture-no-open-cases"))
        column.y += GAP - TICKS
        return
    rows = list(range(len(report.districts)))
    starts = [0] * len(rows)
    for kind in report.need_kinds:
        counts = [dict(district.needs).get(kind, 0) for district in report.districts]
        axes.barh(
            rows,
            counts,
            left=starts,
            height=0.68,
            color=NEED_COLOURS.get(kind, OTHER_NEED),
            label=screens.need_name(t, kind, plain=True),
            edgecolor="white",
            linewidth=0.6,
        )
        starts = [start + count for start, count in zip(starts, counts, strict=True)]
    labels = [
        t(
            "report-picture-district",
            district=screens.district_name(t, geography, district.district),
            count=district.cases,
        )
        for district in report.districts
    ]
    _rows(axes, rows, labels)
    axes.set_xlim(0, max(starts) * 1.04)
    handles, names = axes.get_legend_handles_labels()
    legend = column.axes(legend_rows * LEGEND_ROW)
    legend.set_axis_off()
    legend.legend(
        handles,
        names,
        loc="upper left",
        ncol=2,
        frameon=False,
        fontsize=TICK_PT,
        handlelength=1.1,
        handleheight=1.0,
        columnspacing=1.0,
        labelspacing=0.3,
        borderaxespad=0,
        borderpad=0,
    )
    column.y += GAP


def _responses(column: _Column, report: SituationReport, t: Translator) -> None:
    column.heading(t("report-picture-by-day"), t("report-picture-by-day-note"))
    axes = column.axes(DAY_CHART, left=MARGIN + 70)
    column.y += TICKS + GAP
    medians = [day.median.total_seconds() if day.median else None for day in report.days]
    known = [seconds for seconds in medians if seconds is not None]
    if not known:
        _nothing(axes, t("report-picture-no-answers", days=len(report.days)))
        return
    in_hours = max(known) >= 2 * 3600
    unit = 3600.0 if in_hours else 60.0
    heights = [(seconds or 0.0) / unit for seconds in medians]
    positions = list(range(len(report.days)))
    axes.bar(positions, heights, width=0.62, color=RESPONSE)
    top = max(heights)
    for position, day in zip(positions, report.days, strict=True):
        shown = "–" if day.median is None else str(day.answered)
        y = heights[position] + top * 0.03
        axes.text(position, y, shown, ha="center", va="bottom", fontsize=TICK_PT, color=MUTED)
    axes.set_xticks(positions, [f"{day.day:%d.%m}" for day in report.days], fontsize=TICK_PT)
    axes.set_ylim(0, top * 1.32)
    axes.set_ylabel(t("report-picture-hours" if in_hours else "report-picture-minutes"))
    axes.tick_params(axis="y", labelsize=TICK_PT)
    axes.tick_params(axis="x", length=0)
    axes.grid(axis="y", color=FAINT, linewidth=0.6)
    axes.set_axisbelow(True)


def _shelters(
    column: _Column, report: SituationReport, t: Translator, geography: Geography, row: float
) -> None:
    note = t("report-picture-shelters-note", free=report.free_places, capacity=report.capacity)
    column.heading(t("report-picture-shelters"), note)
    axes = column.axes(row * max(len(report.shelters), 1), left=LABELS)
    if not report.shelters:
        _nothing(axes, t("report-picture-no-shelters"))
        return
    rows = list(range(len(report.shelters)))
    taken = [room.taken for room in report.shelters]
    free = [room.free for room in report.shelters]
    axes.barh(rows, taken, height=0.64, color=TAKEN, label=t("report-picture-taken"))
    axes.barh(rows, free, left=taken, height=0.64, color=FREE, label=t("report-picture-free"))
    for n, room in enumerate(report.shelters):
        label = " " + t("report-picture-free-of", free=room.free, capacity=room.capacity)
        axes.text(room.taken + room.free, n, label, va="center", fontsize=TICK_PT, color=INK)
    labels = [screens.district_name(t, geography, room.district) for room in report.shelters]
    _rows(axes, rows, labels)
    axes.set_xlim(0, max(max(room.capacity for room in report.shelters), 1) * 1.65)
    axes.legend(
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncol=2,
        frameon=False,
        fontsize=TICK_PT,
        handlelength=1.1,
        borderaxespad=0.2,
    )


def _rows(axes: Axes, rows: Sequence[int], labels: Sequence[str]) -> None:
    # A long name (Russian districts with three-digit counts) is set a little smaller to fit.
    size = TICK_PT if max(map(len, labels)) <= 22 else TICK_PT - 1.5
    axes.set_yticks(list(rows), labels, fontsize=size)
    axes.set_ylim(len(rows) - 0.5, -0.5)  # the first row on top
    axes.tick_params(axis="x", labelsize=TICK_PT)
    axes.tick_params(axis="y", length=0)
    axes.grid(axis="x", color=FAINT, linewidth=0.6)
    axes.set_axisbelow(True)


def _wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width=width, break_long_words=False)


def _unbroken(text: str) -> str:
    """A duration kept on one line when its card's text is wrapped ("2 h 17 min")."""
    return text.replace(" ", "\u00a0")
