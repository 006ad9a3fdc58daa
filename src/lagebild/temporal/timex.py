"""TIMEX3 values (TimeML): how a resolved expression is written, and the day interval a value denotes.

A DATE value names a calendar unit: a day "2023-09-11", an ISO week "2023-W37" (its weekend
"2023-W37-WE"), a month "2023-09", a season "2023-SU" (SP, SU, FA, WI), a quarter "2023-Q3", a
half year "2023-H2", a year "2023", a decade "202", a century "20", a business year "FY2024" (no day
interval); or a vague reference PRESENT_REF, PAST_REF, FUTURE_REF. A TIME value is a day with a clock
time "2023-09-11T15:00" or a part of the day "2023-09-11TEV" (MO, MI, AF, EV, NI). A DURATION is "P3D",
"P2W", "PT5H", "PXY" (some years). A SET repeats: "P1W" (weekly), "XXXX-WXX-1" (every Monday).
The modifiers START, MID and END take the part of the unit given in temporal.yaml (period_parts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from lagebild.document import Timex
from lagebild.temporal.intervals import (
    DayInterval,
    months_span,
    part_of_period,
    week_of_year,
    whole_month,
    whole_year,
)

SEASON_CODES = {(3, 5): "SP", (6, 8): "SU", (9, 11): "FA", (12, 2): "WI"}
SEASON_MONTHS = {code: months for months, code in SEASON_CODES.items()}
MOD_PARTS = {"START": "anfang", "MID": "mitte", "END": "ende"}
DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
WEEK_VALUE = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
MONTH_VALUE = re.compile(r"(\d{4})-(\d{2})")
SECTION_VALUE = re.compile(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])")


@dataclass(frozen=True)
class TimexValue:
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def year_value(day: date) -> str:
    return f"{day.year:04d}"


def unit_value(unit: str, day: date) -> str:
    """The value of the `unit` (day, week, month, year) that holds `day`; a day decades away is
    named by its year ("zwei Jahrzehnte später")."""
    values = {
        "day": day_value,
        "week": week_value,
        "month": month_value,
        "quarter": quarter_value,
        "year": year_value,
        "decade": year_value,
    }
    return values[unit](day)


def quarter_value(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def months_value(first: int, last: int, day: date) -> str:
    """A span of months of the year that holds `day`: the whole year, a season, quarter or half."""
    if (first, last) == (1, 12):
        return year_value(day)
    if (first, last) in SEASON_CODES:
        return f"{day.year:04d}-{SEASON_CODES[(first, last)]}"
    if last - first == 2 and first % 3 == 1:
        return f"{day.year:04d}-Q{first // 3 + 1}"
    if last - first == 5 and first in (1, 7):
        return f"{day.year:04d}-H{1 if first == 1 else 2}"
    return year_value(day)


def number_text(amount: float | None) -> str:
    if amount is None:
        return "X"
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def duration_value(amount: float | None, designator: str) -> str:
    """ "P3D", "P2W", "PT5H", "PXY"; a designator starting with T counts hours, minutes, seconds."""
    if designator.startswith("T"):
        return f"PT{number_text(amount)}{designator[1:]}"
    return f"P{number_text(amount)}{designator}"


def interval_of_value(value: str, mod: str | None, parts: dict[str, dict[str, tuple[int, int]]]) -> DayInterval | None:
    """The day interval a DATE or TIME value denotes (None for durations, sets, vague references).

    `parts` are temporal.yaml's period_parts, which a START, MID or END modifier selects."""
    whole, unit = unit_interval(value)
    if whole is None or mod not in MOD_PARTS or unit not in parts:
        return whole
    first, last = parts[unit][MOD_PARTS[mod]]
    return part_of_period(whole, unit, first, last)


def unit_interval(value: str) -> tuple[DayInterval | None, str | None]:
    """The interval of a value and the unit whose parts a modifier takes (week, month or year)."""
    if match := DAY_VALUE.fullmatch(value):
        try:
            return DayInterval.day(date(int(match[1]), int(match[2]), int(match[3]))), None
        except ValueError:
            return None, None
    if match := WEEK_VALUE.fullmatch(value):
        week = week_of_year(int(match[1]), int(match[2]))
        if week is not None and match[3]:
            return DayInterval(week.first + timedelta(days=5), week.last), None
        return week, "week"
    if match := MONTH_VALUE.fullmatch(value):
        month = int(match[2])
        return (whole_month(int(match[1]), month), "month") if 1 <= month <= 12 else (None, None)
    if match := SECTION_VALUE.fullmatch(value):
        return section_interval(int(match[1]), match[2]), None
    if re.fullmatch(r"\d{4}", value):
        return whole_year(int(value)), "year"
    if re.fullmatch(r"\d{3}", value):
        return DayInterval(date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)), None
    if re.fullmatch(r"\d{2}", value) and int(value) > 0:
        return DayInterval(date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)), None
    return None, None


def section_interval(year: int, code: str) -> DayInterval:
    if code in SEASON_MONTHS:
        return months_span(year, *SEASON_MONTHS[code])
    if code.startswith("Q"):
        first = 3 * int(code[1]) - 2
        return months_span(year, first, first + 2)
    return months_span(year, 1, 6) if code == "H1" else months_span(year, 7, 12)


def tagged_in_order(timexes: Iterable[Timex]) -> list[Timex]:
    """The TIMEX3s as TimeML tags them inline: in text order, a longer one first at the same start,
    one that overlaps an earlier one left out (tags do not nest). The n-th is tid "t<n>", in the
    JSON output (`lagebild extract`) as in the TimeML files (`lagebild time --timeml`)."""
    kept: list[Timex] = []
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if not kept or timex.start >= kept[-1].end:
            kept.append(timex)
    return kept
