"""The situation report's figures as text, in the admin's language: what the picture shows.

The picture (bot/report_picture.py) uses the same names of districts, needs and durations.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.config import REGION_TIME
from bot.i18n import Translator
from storage.places import Geography

if TYPE_CHECKING:
    from bot.services.report import SituationReport

DATE_FORMAT = "%d.%m.%Y %H:%M"
_LEADING_SYMBOLS = re.compile(r"^\W+")


def moment(report: SituationReport) -> str:
    return report.at.astimezone(REGION_TIME).strftime(DATE_FORMAT)


def title(t: Translator, report: SituationReport) -> str:
    return t("report-title", at=moment(report))


def district_name(t: Translator, geography: Geography, code: str | None) -> str:
    area = geography.area(code)
    if area is not None:
        return area.name(t.locale)
    return t("report-district-unknown")


def need_name(t: Translator, kind: str, *, plain: bool = False) -> str:
    """The need as the form's button names it; `plain` without its emoji (for the picture)."""
    name = t(f"need-{kind}")
    return _LEADING_SYMBOLS.sub("", name).strip() if plain else name


def duration(t: Translator, length: timedelta) -> str:
    """Rounded to minutes under a day, to hours from a day on."""
    minutes = int(length.total_seconds() // 60)
    if minutes < 1:
        return t("report-under-a-minute")
    if minutes < 60:
        return t("report-minutes", minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return t("report-hours", hours=hours, minutes=minutes)
    days, hours = divmod(hours, 24)
    return t("report-days", days=days, hours=hours)


def figures(t: Translator, report: SituationReport, geography: Geography) -> str:
    lines = [f"<b>{title(t, report)}</b>", ""]
    if report.open_cases:
        lines.append(t("report-open", count=report.open_cases))
        for district in report.districts:
            needs = " · ".join(
                t("report-need-count", need=need_name(t, kind), count=count)
                for kind, count in district.needs
            )
            name = district_name(t, geography, district.district)
            lines.append(t("report-district", district=name, count=district.cases, needs=needs))
    else:
        lines.append(t("report-open-none"))
    lines.append("")
    if report.urgent_unclaimed and report.oldest_wait is not None:
        wait = duration(t, report.oldest_wait)
        lines.append(t("report-urgent", count=report.urgent_unclaimed, wait=wait))
    else:
        lines.append(t("report-urgent-none"))
    lines.append("")
    if report.response_median is not None and report.response_p90 is not None:
        lines.append(
            t(
                "report-response",
                days=len(report.days),
                median=duration(t, report.response_median),
                p90=duration(t, report.response_p90),
                answered=report.answered,
                waiting=report.unanswered,
            )
        )
    else:
        lines.append(t("report-response-none", days=len(report.days), waiting=report.unanswered))
    lines.append("")
    if report.shelters:
        lines.append(
            t(
                "report-shelters",
                count=report.shelter_count,
                free=report.free_places,
                capacity=report.capacity,
            )
        )
        for room in report.shelters:
            name = district_name(t, geography, room.district)
            lines.append(
                t("report-shelter-district", district=name, free=room.free, capacity=room.capacity)
            )
    else:
        lines.append(t("report-shelters-none"))
    return "\n".join(lines)
