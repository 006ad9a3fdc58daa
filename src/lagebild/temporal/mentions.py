"""What a temporal expression means before it is placed in time, and how it is placed.

The grammar turns text into these values; `resolve(context)` turns a value into a day
interval given the anchor date, the clause's tense and the day last mentioned (for
anaphoric words like "am Vortag"). A value that cannot be placed resolves to None.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from lagebild.calendar_de import make_date
from lagebild.temporal.intervals import (
    DayInterval,
    Tense,
    choose_by_tense,
    infer_year,
    iso_week,
    month_part,
    months_span,
    part_of_period,
    period_containing,
    shift,
    week_of_year,
    weekday_near,
)


@dataclass(frozen=True)
class Context:
    anchor: date  # the date deictic words count from ("gestern")
    tense: Tense | None  # the tense of the clause holding the expression
    referent: date  # the day anaphoric words count from ("am Vortag"): the day last mentioned, else anchor

    @classmethod
    def at(cls, anchor: date, tense: Tense | None = None) -> Context:
        return cls(anchor, tense, anchor)


class Resolvable(Protocol):
    def resolve(self, context: Context) -> DayInterval | None: ...


class YearBuilder(Protocol):
    def __call__(self, year: int) -> DayInterval | None: ...


# Builders: a calendar period in a given year ("4. September" in 2023, "Ende Juli" in 2023).


@dataclass(frozen=True)
class DayOfMonth:
    month: int
    day: int

    def __call__(self, year: int) -> DayInterval | None:
        found = make_date(year, self.month, self.day)
        return DayInterval.day(found) if found else None


@dataclass(frozen=True)
class DaysOfMonth:
    """Days `first`..`last` of a month; negative positions count from the month's end."""

    month: int
    first: int
    last: int

    def __call__(self, year: int) -> DayInterval | None:
        try:
            return month_part(year, self.month, self.first, self.last)
        except ValueError:
            return None


@dataclass(frozen=True)
class MonthsOfYear:
    """Months `first`..`last`; a last month before the first lies in the next year (winter)."""

    first: int
    last: int

    def __call__(self, year: int) -> DayInterval | None:
        return months_span(year, self.first, self.last)


@dataclass(frozen=True)
class IsoWeek:
    week: int

    def __call__(self, year: int) -> DayInterval | None:
        return week_of_year(year, self.week)


@dataclass(frozen=True)
class CalendarPeriod:
    """A period of the calendar; its year given, relative ("vergangenen Jahres"), or inferred."""

    build: YearBuilder
    year: int | None = None
    year_offset: int | None = None  # years from the anchor's year
    direction: int | None = None  # -1 "vergangenen Oktober", +1 "kommenden Oktober", 0 "diesen Oktober"

    @property
    def names_year(self) -> bool:
        return self.year is not None or self.year_offset is not None

    def year_for(self, context: Context) -> int | None:
        if self.year is not None:
            return self.year
        if self.year_offset is not None:
            return context.anchor.year + self.year_offset
        return None

    def resolve(self, context: Context) -> DayInterval | None:
        year = self.year_for(context)
        if year is not None:
            return self.build(year)
        if self.direction is None:
            return infer_year(self.build, context.anchor, context.tense)
        return self.resolve_directed(context.anchor)

    def resolve_directed(self, anchor: date) -> DayInterval | None:
        if self.direction == 0:
            return self.build(anchor.year)
        years = range(anchor.year - 2, anchor.year + 3)
        candidates = [interval for year in years if (interval := self.build(year)) is not None]
        if self.direction is not None and self.direction < 0:
            earlier = [interval for interval in candidates if interval.last < anchor]
            return max(earlier, key=lambda interval: interval.first, default=None)
        later = [interval for interval in candidates if interval.first > anchor]
        return min(later, key=lambda interval: interval.first, default=None)


@dataclass(frozen=True)
class WeekdayRef:
    """ "am Montag", "vergangenen Freitag", "Montag nächster Woche"."""

    weekday: int  # 0 = Monday
    direction: int | None = None  # -1 before the anchor, +1 after it, 0 in the anchor's week
    week_offset: int | None = None  # the weekday of the week this many weeks from the anchor's

    def resolve(self, context: Context) -> DayInterval | None:
        anchor = context.anchor
        if self.week_offset is not None or self.direction == 0:
            week = iso_week(anchor, self.week_offset or 0)
            return DayInterval.day(week.first + timedelta(days=self.weekday))
        if self.direction is not None and self.direction < 0:
            return DayInterval.day(anchor - timedelta(days=(anchor.weekday() - self.weekday - 1) % 7 + 1))
        if self.direction is not None and self.direction > 0:
            return DayInterval.day(anchor + timedelta(days=(self.weekday - anchor.weekday() - 1) % 7 + 1))
        return DayInterval.day(weekday_near(anchor, self.weekday, context.tense))


@dataclass(frozen=True)
class WeekendRef:
    """ "am Wochenende": Saturday and Sunday; which weekend by direction, else tense."""

    direction: int | None = None

    def resolve(self, context: Context) -> DayInterval | None:
        anchor = context.anchor
        weekends = [
            DayInterval(week.first + timedelta(days=5), week.last)
            for week in (iso_week(anchor, offset) for offset in (-2, -1, 0, 1, 2))
        ]
        if self.direction == 0:
            return weekends[2]
        if self.direction is not None and self.direction < 0:
            return max((w for w in weekends if w.last < anchor), key=lambda w: w.first)
        if self.direction is not None and self.direction > 0:
            return min((w for w in weekends if w.first > anchor), key=lambda w: w.first)
        return choose_by_tense(weekends, anchor, context.tense)


@dataclass(frozen=True)
class DayShift:
    """A day counted from the anchor ("gestern") or, anaphorically, from the day last mentioned."""

    days: int
    anaphoric: bool = False

    def resolve(self, context: Context) -> DayInterval | None:
        base = context.referent if self.anaphoric else context.anchor
        return DayInterval.day(base + timedelta(days=self.days))


@dataclass(frozen=True)
class Night:
    """A night spans two days. `to_day` names the morning ("in der Nacht zu Sonntag"); without it
    the night is the one before the anchor, or after it in a future clause."""

    to_day: Resolvable | None = None
    anaphoric_offset: int | None = None  # -1 "in der Nacht zuvor", +1 "in der folgenden Nacht"

    def resolve(self, context: Context) -> DayInterval | None:
        if self.to_day is not None:
            morning = self.to_day.resolve(context)
            return DayInterval(morning.first - timedelta(days=1), morning.first) if morning else None
        if self.anaphoric_offset is not None:
            evening = context.referent + timedelta(days=min(self.anaphoric_offset, 0))
            return DayInterval(evening, evening + timedelta(days=1))
        if context.tense is Tense.FUTURE:
            return DayInterval(context.anchor, context.anchor + timedelta(days=1))
        return DayInterval(context.anchor - timedelta(days=1), context.anchor)


@dataclass(frozen=True)
class EveningNight:
    """ "Sonntagnacht": the night that follows the named day."""

    day: Resolvable

    def resolve(self, context: Context) -> DayInterval | None:
        evening = self.day.resolve(context)
        return DayInterval(evening.first, evening.first + timedelta(days=1)) if evening else None


@dataclass(frozen=True)
class RelativePeriod:
    """ "nächste Woche", "im vergangenen Monat", "Ende des Jahres", "Anfang nächster Woche"."""

    unit: str  # day, week, month, year
    offset: int
    part: tuple[int, int] | None = None  # positions inside the period (see temporal.yaml)

    def resolve(self, context: Context) -> DayInterval | None:
        period = period_containing(context.anchor, self.unit, self.offset)
        if self.part is None:
            return period
        return part_of_period(period, self.unit, *self.part)


@dataclass(frozen=True)
class Shift:
    """A day some units away: "vor zwei Wochen", "in drei Tagen", anaphoric "zwei Tage später"."""

    amount: float
    unit: str
    anaphoric: bool = False

    def resolve(self, context: Context) -> DayInterval | None:
        base = context.referent if self.anaphoric else context.anchor
        return DayInterval.day(shift(base, self.amount, self.unit))


@dataclass(frozen=True)
class Window:
    """N units from the base day on (amount > 0: "in den nächsten zwei Wochen") or up to it
    (amount < 0: "in den vergangenen drei Tagen"), the base day included."""

    amount: float
    unit: str
    anaphoric: bool = False

    def resolve(self, context: Context) -> DayInterval | None:
        base = context.referent if self.anaphoric else context.anchor
        if self.amount > 0:
            return DayInterval(base, shift(base, self.amount, self.unit) - timedelta(days=1))
        return DayInterval(shift(base, self.amount, self.unit) + timedelta(days=1), base)


@dataclass(frozen=True)
class Since:
    """ "seit 2013", "seit Januar": from the start of what is named up to the anchor."""

    inner: Resolvable

    def resolve(self, context: Context) -> DayInterval | None:
        past = Context(context.anchor, Tense.PAST, context.referent)
        start = self.inner.resolve(past)
        if start is None or start.first > context.anchor:
            return None
        return DayInterval(start.first, context.anchor)


@dataclass(frozen=True)
class SinceDuration:
    """ "seit zwei Wochen": the span that ends at the anchor."""

    amount: float
    unit: str

    def resolve(self, context: Context) -> DayInterval | None:
        return DayInterval(shift(context.anchor, -self.amount, self.unit), context.anchor)


@dataclass(frozen=True)
class Range:
    """ "vom 10. September bis 2. Oktober", "von Montag bis Mittwoch", "zwischen 2010 und 2015"."""

    first: Resolvable
    last: Resolvable

    def resolve(self, context: Context) -> DayInterval | None:
        if isinstance(self.first, CalendarPeriod) and isinstance(self.last, CalendarPeriod):
            return resolve_calendar_range(self.first, self.last, context)
        start = self.first.resolve(context)
        if start is None:
            return None
        end = self.last.resolve(Context(start.first, Tense.FUTURE, context.referent))
        if end is None or end.last < start.first:
            return None
        return DayInterval(start.first, end.last)


def resolve_calendar_range(first: CalendarPeriod, last: CalendarPeriod, context: Context) -> DayInterval | None:
    """A range whose ends may name no year: the named year is shared, the order decides the rest."""
    first_year, last_year = first.year_for(context), last.year_for(context)
    if first_year is not None and last_year is not None:
        return span(first.build(first_year), last.build(last_year))
    if last_year is not None:
        return span(*ordered_pair(first, last, last_year, anchored_end=True))
    if first_year is not None:
        return span(*ordered_pair(first, last, first_year, anchored_end=False))

    def build(year: int) -> DayInterval | None:
        return span(*ordered_pair(first, last, year, anchored_end=False))

    return infer_year(build, context.anchor, context.tense)


def ordered_pair(
    first: CalendarPeriod, last: CalendarPeriod, year: int, anchored_end: bool
) -> tuple[DayInterval | None, DayInterval | None]:
    """Both ends placed around `year` so that the first does not come after the last."""
    start, end = first.build(year), last.build(year)
    if start is None or end is None or start.first <= end.first:
        return start, end
    return (first.build(year - 1), end) if anchored_end else (start, last.build(year + 1))


def span(start: DayInterval | None, end: DayInterval | None) -> DayInterval | None:
    if start is None or end is None or end.last < start.first:
        return None
    return DayInterval(start.first, end.last)
