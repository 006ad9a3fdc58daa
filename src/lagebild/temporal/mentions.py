"""What a temporal expression means before it is placed in time, and how it is placed.

The grammar turns text into these values; `resolve(context)` turns a value into a day
interval given the anchor date, the clause's tense and the day last mentioned (for
anaphoric words like "am Vortag"). A value that cannot be placed resolves to None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Protocol

from lagebild.calendar_de import holiday, make_date, nth_weekday
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
from lagebild.temporal.timex import (
    TimexValue,
    day_value,
    duration_value,
    months_value,
    number_text,
    unit_interval,
    unit_value,
    week_value,
)


@dataclass(frozen=True)
class Context:
    anchor: date  # the date deictic words count from ("gestern")
    tense: Tense | None  # the tense of the clause holding the expression
    referent: date  # the day anaphoric words count from ("am Vortag"): the day last mentioned, else anchor
    named_year: int | None = None  # a year named before in the sentence ("Im März 2014 ... im April")
    period_referent: date | None = None  # start of the last period or day named ("1989 ... drei Jahre später")
    story_year: int | None = None  # the last year named anywhere before ("im Jahr darauf")
    night: date | None = None  # the evening of a night named last, in place of a referent day ("Silvesternacht")
    day_named: bool = False  # the referent is a day named before, not the anchor by default
    period_value: str | None = None  # the TIMEX3 value of the last part of a year named ("2024-Q3", "2024-07")
    referent_in_sentence: bool = False  # the referent day was named in the expression's own sentence
    # a stretch of a few days named last, in the sentence or the one before ("am 9., 10. und 11. August"), or
    # earlier in the paragraph if it lies ahead
    named_days: DayInterval | None = None
    # the period that named `named_year` when it runs into the next year ("im Winter 2024/25")
    named_period: DayInterval | None = None
    clock: datetime | None = None  # the clock time named last, in the sentence or the one before


class Resolvable(Protocol):
    def resolve(self, context: Context) -> DayInterval | None: ...

    def timex(self, context: Context) -> TimexValue | None: ...


class YearBuilder(Protocol):
    def __call__(self, year: int) -> DayInterval | None: ...

    def timex(self, interval: DayInterval) -> TimexValue: ...


# Builders: a calendar period in a given year ("4. September" in 2023, "Ende Juli" in 2023).


@dataclass(frozen=True)
class DayOfMonth:
    month: int
    day: int

    def __call__(self, year: int) -> DayInterval | None:
        found = make_date(year, self.month, self.day)
        return DayInterval.day(found) if found else None

    def timex(self, interval: DayInterval) -> TimexValue:
        return TimexValue("DATE", day_value(interval.first))


@dataclass(frozen=True)
class DaysOfMonth:
    """Days `first`..`last` of a month; negative positions count from the month's end."""

    month: int
    first: int
    last: int
    mod: str | None = None  # START, MID, END for "Anfang", "Mitte", "Ende"

    def __call__(self, year: int) -> DayInterval | None:
        try:
            return month_part(year, self.month, self.first, self.last)
        except ValueError:
            return None

    def timex(self, interval: DayInterval) -> TimexValue:
        return TimexValue("DATE", unit_value("month", interval.first), self.mod)


@dataclass(frozen=True)
class MonthsOfYear:
    """Months `first`..`last`; a last month before the first lies in the next year (winter)."""

    first: int
    last: int
    mod: str | None = None  # START, MID, END: a part of the year ("Ende 2023")

    def __call__(self, year: int) -> DayInterval | None:
        return months_span(year, self.first, self.last)

    def timex(self, interval: DayInterval) -> TimexValue:
        if self.mod:
            return TimexValue("DATE", unit_value("year", interval.first), self.mod)
        return TimexValue("DATE", months_value(self.first, self.last, interval.first))


@dataclass(frozen=True)
class IsoWeek:
    week: int

    def __call__(self, year: int) -> DayInterval | None:
        return week_of_year(year, self.week)

    def timex(self, interval: DayInterval) -> TimexValue:
        return TimexValue("DATE", week_value(interval.first))


@dataclass(frozen=True)
class Holiday:
    """A named holiday ("Pfingstmontag", computed from Easter) or a night named after one."""

    name: str
    night: bool = False  # "Silvesternacht": the night that begins on the holiday

    def __call__(self, year: int) -> DayInterval | None:
        day = holiday(self.name, year)
        if day is None:
            return None
        return DayInterval(day, day + timedelta(days=1)) if self.night else DayInterval.day(day)

    def timex(self, interval: DayInterval) -> TimexValue:
        if self.night:
            return TimexValue("TIME", day_value(interval.first) + "TNI")
        return TimexValue("DATE", day_value(interval.first))


@dataclass(frozen=True)
class WeekdayOfMonth:
    """The n-th weekday of a month ("der dritte Sonntag im September"); nth -1 is the last."""

    month: int
    nth: int
    weekday: int  # 0 = Monday

    def __call__(self, year: int) -> DayInterval | None:
        day = nth_weekday(year, self.month, self.nth, self.weekday)
        return None if day is None else DayInterval.day(day)

    def timex(self, interval: DayInterval) -> TimexValue:
        return TimexValue("DATE", day_value(interval.first))


@dataclass(frozen=True)
class MonthWeek:
    """ "die zweite Januarwoche": the ISO week of the month's n-th Thursday (ISO's own rule for the month a week
    belongs to); nth -1 is the last."""

    month: int
    nth: int

    def __call__(self, year: int) -> DayInterval | None:
        thursday = nth_weekday(year, self.month, self.nth, 3)
        return None if thursday is None else iso_week(thursday)

    def timex(self, interval: DayInterval) -> TimexValue:
        return TimexValue("DATE", week_value(interval.first))


@dataclass(frozen=True)
class CalendarPeriod:
    """A period of the calendar; its year given, relative ("vergangenen Jahres"), or inferred."""

    build: YearBuilder
    year: int | None = None
    year_offset: int | None = None  # years from the anchor's year
    direction: int | None = None  # -1 "vergangenen Oktober", +1 "kommenden Oktober", 0 "diesen Oktober"
    named_year_offset: int | None = None  # years from the year just named ("im Herbst des Jahres")
    ahead_in_present: bool = False  # a present clause means the one under way or the next ("im dritten Quartal")

    def year_for(self, context: Context) -> int | None:
        if self.year is not None:
            return self.year
        if self.year_offset is not None:
            return context.anchor.year + self.year_offset
        if self.named_year_offset is not None:
            return (context.story_year or context.anchor.year) + self.named_year_offset
        named_other = context.named_year not in (None, context.anchor.year)
        if self.direction is None and named_other and context.tense is not Tense.FUTURE:
            # "Im März 2014 besetzten ..., im April ...", "sei bis Weihnachten vorbei"
            return self.year_in_named(context)
        return None

    def year_in_named(self, context: Context) -> int | None:
        """The named year; after a period that runs into the next year, the next year for a time that would
        otherwise lie before that period: "Im Winter 2024/25 ... erst Anfang März" is March 2025."""
        year, period = context.named_year, context.named_period
        if year is None or period is None:
            return year
        built = self.build(year)
        return period.last.year if built is not None and built.last < period.first else year

    def resolve(self, context: Context) -> DayInterval | None:
        year = self.year_for(context)
        if year is not None:
            return self.build(year)
        if self.direction is None:
            present_ahead = self.ahead_in_present and context.tense is Tense.PRESENT
            return infer_year(self.build, context.anchor, Tense.FUTURE if present_ahead else context.tense)
        return self.resolve_directed(context.anchor)

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        return None if interval is None else self.build.timex(interval)

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


SCHEDULE_DAYS = 14  # a day named up to two weeks ahead carries the weekdays after it into its week


def weekday_in(days: DayInterval, weekday: int) -> date | None:
    """The day of `weekday` (0 = Monday) among `days`, if one is."""
    day = days.first + timedelta(days=(weekday - days.first.weekday()) % 7)
    return day if day <= days.last else None


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
        if (named := context.named_days) is not None and (in_stretch := weekday_in(named, self.weekday)) is not None:
            return DayInterval.day(in_stretch)  # "Am 9., 10. und 11. August ... Das Fest beginnt am Freitag": the 9th
        day = weekday_near(anchor, self.weekday, context.tense)
        referent_week = context.referent - timedelta(days=context.referent.weekday())
        if (
            context.tense in (Tense.PRESENT, Tense.FUTURE)
            and context.referent_in_sentence
            and anchor <= day < referent_week
            and (context.referent - anchor).days < SCHEDULE_DAYS
        ):  # a schedule goes on in the week of a day ahead named in its sentence: "beginnen am Freitag, 23. Jänner,
            # die Abfahrt folgt am Samstag" (written on the 15th) is the 24th, not the coming Saturday
            day = referent_week + timedelta(days=self.weekday)
        return DayInterval.day(day)

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        return None if interval is None else TimexValue("DATE", day_value(interval.first))


@dataclass(frozen=True)
class WeekendRef:
    """ "am Wochenende": Saturday and Sunday; which weekend by direction, else tense; "am folgenden Wochenende",
    "am Wochenende darauf": the first after the day last named."""

    direction: int | None = None
    following: bool = False

    def resolve(self, context: Context) -> DayInterval | None:
        anchor = context.anchor
        if self.following:
            saturday = context.referent + timedelta(days=(5 - context.referent.weekday() - 1) % 7 + 1)
            return DayInterval(saturday, saturday + timedelta(days=1))
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
        if context.tense is Tense.PRESENT:  # "fahren am Wochenende": this one or the coming one, as a weekday
            return next(w for w in weekends if w.last >= anchor)
        return choose_by_tense(weekends, anchor, context.tense)

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        return None if interval is None else TimexValue("DATE", week_value(interval.first) + "-WE")


@dataclass(frozen=True)
class HolidayWeekend:
    """ "am Pfingstwochenende": the Saturday and Sunday of the holiday's week; "in der Karwoche" (whole_week):
    all of it."""

    day: Resolvable
    whole_week: bool = False

    def resolve(self, context: Context) -> DayInterval | None:
        holiday = self.day.resolve(context)
        if holiday is None:
            return None
        monday = holiday.first - timedelta(days=holiday.first.weekday())
        return DayInterval(monday if self.whole_week else monday + timedelta(days=5), monday + timedelta(days=6))

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        if interval is None:
            return None
        return TimexValue("DATE", week_value(interval.first) + ("" if self.whole_week else "-WE"))


@dataclass(frozen=True)
class DayShift:
    """A day counted from the anchor ("gestern") or, anaphorically, from the day last mentioned."""

    days: int
    anaphoric: bool = False

    def resolve(self, context: Context) -> DayInterval | None:
        base = context.referent if self.anaphoric else context.anchor
        return DayInterval.day(base + timedelta(days=self.days))

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        return None if interval is None else TimexValue("DATE", day_value(interval.first))


@dataclass(frozen=True)
class Night:
    """A night spans two days. `to_day` names the morning ("in der Nacht zu Sonntag"); without it
    the night just named, else the night after a day named before ("Am Samstag ... In der Nacht"),
    else the one before the anchor, or after it in a future clause."""

    to_day: Resolvable | None = None
    anaphoric_offset: int | None = None  # -1 "in der Nacht zuvor", +1 "in der folgenden Nacht"

    def resolve(self, context: Context) -> DayInterval | None:
        if self.to_day is not None:
            morning = self.to_day.resolve(context)
            return DayInterval(morning.first - timedelta(days=1), morning.first) if morning else None
        if self.anaphoric_offset is not None:
            evening = context.referent + timedelta(days=min(self.anaphoric_offset, 0))
            return DayInterval(evening, evening + timedelta(days=1))
        if context.night is not None:
            return DayInterval(context.night, context.night + timedelta(days=1))  # the night just named
        if context.day_named and context.referent != context.anchor:
            return DayInterval(context.referent, context.referent + timedelta(days=1))  # "Am Samstag ... In der Nacht"
        if context.tense is Tense.FUTURE:
            return DayInterval(context.anchor, context.anchor + timedelta(days=1))
        return DayInterval(context.anchor - timedelta(days=1), context.anchor)

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        return None if interval is None else TimexValue("TIME", day_value(interval.first) + "TNI")


@dataclass(frozen=True)
class EveningNight:
    """ "Sonntagnacht": the night that follows the named day."""

    day: Resolvable

    def resolve(self, context: Context) -> DayInterval | None:
        evening = self.day.resolve(context)
        return DayInterval(evening.first, evening.first + timedelta(days=1)) if evening else None

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        return None if interval is None else TimexValue("TIME", day_value(interval.first) + "TNI")


@dataclass(frozen=True)
class NewYear:
    """ "im neuen Jahr": the year whose first day lies nearest the anchor (in December the next, in January this)."""

    def period(self, context: Context) -> CalendarPeriod:
        return CalendarPeriod(MonthsOfYear(1, 12), year=context.anchor.year + (context.anchor.month > 6))

    def resolve(self, context: Context) -> DayInterval | None:
        return self.period(context).resolve(context)

    def timex(self, context: Context) -> TimexValue | None:
        return self.period(context).timex(context)


@dataclass(frozen=True)
class RelativePeriod:
    """ "nächste Woche", "im vergangenen Monat", "Ende des Jahres", "Anfang nächster Woche"."""

    unit: str  # day, week, month, year
    offset: int
    part: tuple[int, int] | None = None  # positions inside the period (see temporal.yaml)
    mod: str | None = None  # START, MID, END: which part
    from_named_year: bool = False  # "Vorjahr": from a year named in the sentence or the one before, if any

    def resolve(self, context: Context) -> DayInterval | None:
        period = period_containing(self.base(context), self.unit, self.offset)
        if self.part is None:
            return period
        return part_of_period(period, self.unit, *self.part)

    def base(self, context: Context) -> date:
        named = context.named_year or (context.period_referent.year if context.period_referent else None)
        if not self.from_named_year or named is None or named >= context.anchor.year:
            return context.anchor  # a later year named in passing is no report's year ("bis 2022 ... über dem Vorjahr")
        return date(named, 1, 1)

    def timex(self, context: Context) -> TimexValue | None:
        period = period_containing(self.base(context), self.unit, self.offset)
        return TimexValue("DATE", unit_value(self.unit, period.first), self.mod)


YEAR_BEFORE_SHAPES = {
    "quarter": r"\d{4}-Q[1-4]",
    "month": r"\d{4}-\d\d",
    "period": r"\d{4}-(?:Q[1-4]|H[12]|\d\d|SP|SU|FA|WI)",
}


@dataclass(frozen=True)
class YearBefore:
    """ "Vorjahresquartal", "Vorjahresmonat", "Vorjahreszeitraum": the part of a year just named, a year back
    ("Im dritten Quartal sank der Umsatz gegenüber dem Vorjahresquartal" = the third quarter of the year
    before; a month just named gives its quarter: "Von Juli bis September ... Vorjahresquartal"); without one,
    the anchor's quarter or month a year back ("Vorjahreszeitraum": nothing)."""

    kind: str  # quarter, month or period (any part of a year), as YEAR_BEFORE_SHAPES

    def resolve(self, context: Context) -> DayInterval | None:
        value = self.value(context)
        return None if value is None else unit_interval(value)[0]

    def value(self, context: Context) -> str | None:
        named = context.period_value
        if named is not None and self.kind == "quarter" and re.fullmatch(YEAR_BEFORE_SHAPES["month"], named):
            named = f"{named[:4]}-Q{(int(named[5:]) - 1) // 3 + 1}"  # "von Juli bis September": the quarter they end
        if named is not None and re.fullmatch(YEAR_BEFORE_SHAPES[self.kind], named):
            return f"{int(named[:4]) - 1:04d}{named[4:]}"
        year = context.anchor.year - 1
        if self.kind == "quarter":
            return f"{year:04d}-Q{(context.anchor.month - 1) // 3 + 1}"
        return f"{year:04d}-{context.anchor.month:02d}" if self.kind == "month" else None

    def timex(self, context: Context) -> TimexValue | None:
        value = self.value(context)
        return None if value is None else TimexValue("DATE", value)


@dataclass(frozen=True)
class Shift:
    """A day some units away: "vor zwei Wochen", "in drei Tagen", anaphoric "zwei Tage später"."""

    amount: float
    unit: str
    anaphoric: bool = False

    def resolve(self, context: Context) -> DayInterval | None:
        if self.is_stretch(context):
            return None
        return DayInterval.day(shift(self.base(context), self.amount, self.unit))

    def is_stretch(self, context: Context) -> bool:
        """ "in vier Tagen" in a past clause ("zerstörte in vier Tagen ein Viertel der Stadt") cannot be a day
        ahead of the text: it is how long it took."""
        return not self.anaphoric and self.amount > 0 and context.tense is Tense.PAST

    def base(self, context: Context) -> date:
        if not self.anaphoric:
            return context.anchor
        if self.unit in ("month", "year", "decade") and context.period_referent is not None:
            return context.period_referent  # "1989 ... drei Jahre später"
        return context.referent

    def timex(self, context: Context) -> TimexValue:
        if self.is_stretch(context):
            return TimexValue("DURATION", duration_value(self.amount, UNIT_DESIGNATORS[self.unit]))
        return TimexValue("DATE", unit_value(self.unit, shift(self.base(context), self.amount, self.unit)))


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

    def timex(self, context: Context) -> TimexValue:
        return TimexValue("DURATION", duration_value(abs(self.amount), UNIT_DESIGNATORS[self.unit]))


@dataclass(frozen=True)
class Within:
    """A time limit counted from the anchor ("binnen 14 Tagen", "innerhalb der kommenden sechs
    Monate", "im Zeitraum von 135 Tagen"): a period that starts on the anchor day ends N units after it,
    as a legal term does (BGB § 188), so the interval runs from the anchor to that day. In a past clause
    it runs back from the anchor ("Innerhalb von 24 Stunden wurden ... getötet"); `ahead` fixes the
    direction when the words name it ("innerhalb der kommenden ...")."""

    amount: float
    unit: str
    ahead: bool = False

    def resolve(self, context: Context) -> DayInterval | None:
        if context.tense is Tense.PAST and not self.ahead:
            return DayInterval(shift(context.anchor, -self.amount, self.unit), context.anchor)
        return DayInterval(context.anchor, shift(context.anchor, self.amount, self.unit))

    def timex(self, context: Context) -> TimexValue:
        return TimexValue("DURATION", duration_value(self.amount, UNIT_DESIGNATORS[self.unit]))


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

    def timex(self, context: Context) -> TimexValue | None:
        return self.inner.timex(Context(context.anchor, Tense.PAST, context.referent, context.named_year))


@dataclass(frozen=True)
class SinceDuration:
    """ "seit zwei Wochen": the span that ends at the anchor."""

    amount: float
    unit: str

    def resolve(self, context: Context) -> DayInterval | None:
        return DayInterval(shift(context.anchor, -self.amount, self.unit), context.anchor)

    def timex(self, context: Context) -> TimexValue:
        return TimexValue("DURATION", duration_value(self.amount, UNIT_DESIGNATORS[self.unit]))


@dataclass(frozen=True)
class Enumeration:
    """ "am 8., 9. und 10. Mai", "im März und April": the days from the first to the last named."""

    items: tuple[Resolvable, ...]

    def resolve(self, context: Context) -> DayInterval | None:
        return Range(self.items[0], self.items[-1]).resolve(context)

    def timex(self, context: Context) -> TimexValue | None:
        return Range(self.items[0], self.items[-1]).timex(context)


UNIT_DESIGNATORS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}


@dataclass(frozen=True)
class Duration:
    """ "drei Tage lang", "seit Jahren", "fünf Stunden": a length of time, not placed in time."""

    amount: float | None  # None: unspecified ("jahrelang", "mehrere Wochen")
    designator: str  # D, W, M, Y, DE (decade), CE (century), TH, TM, TS (hours, minutes, seconds)

    def resolve(self, context: Context) -> DayInterval | None:
        return None

    def timex(self, context: Context) -> TimexValue:
        return TimexValue("DURATION", duration_value(self.amount, self.designator))


# units a compound duration joins, longest first: a date part, then a time part after "T"
COMPOUND_DESIGNATORS = ("Y", "M", "W", "D", "TH", "TM", "TS")


@dataclass(frozen=True)
class CompoundDuration:
    """ "drei Jahre und vier Monate", "zwei Stunden und 30 Minuten": one length in two units (P3Y4M, PT2H30M)."""

    parts: tuple[Duration, ...]  # numeric amounts, their units in COMPOUND_DESIGNATORS order

    def resolve(self, context: Context) -> DayInterval | None:
        return None

    def timex(self, context: Context) -> TimexValue:
        days = "".join(f"{number_text(p.amount)}{p.designator}" for p in self.parts if not p.designator.startswith("T"))
        times = "".join(
            f"{number_text(p.amount)}{p.designator[1:]}" for p in self.parts if p.designator.startswith("T")
        )
        return TimexValue("DURATION", f"P{days}" + (f"T{times}" if times else ""))


@dataclass(frozen=True)
class Bound:
    """ "vor Weihnachten", "nach Ostern": the day is a TIMEX3, but what happens lies before or after
    it, so the expression gives an event no day interval."""

    inner: Resolvable

    def resolve(self, context: Context) -> DayInterval | None:
        return None

    def timex(self, context: Context) -> TimexValue | None:
        return self.inner.timex(context)


@dataclass(frozen=True)
class Rest:
    """ "noch in diesem Jahr", "noch im Juni" (written in June): in a clause not in the past, the rest of a
    period that holds the anchor, from the anchor on; in the past, "noch im Juni" is as late as June."""

    inner: Resolvable

    def resolve(self, context: Context) -> DayInterval | None:
        period = self.inner.resolve(context)
        if period is None or context.tense is Tense.PAST or not period.first < context.anchor <= period.last:
            return period
        return DayInterval(context.anchor, period.last)

    def timex(self, context: Context) -> TimexValue | None:
        return self.inner.timex(context)


@dataclass(frozen=True)
class Recurrence:
    """ "jeden Montag", "jährlich": a SET, not placed in time."""

    value: str  # "XXXX-WXX-1", "P1Y"

    def resolve(self, context: Context) -> DayInterval | None:
        return None

    def timex(self, context: Context) -> TimexValue:
        return TimexValue("SET", self.value)


@dataclass(frozen=True)
class VagueAgo:
    """ "vor wenigen Tagen", "vor einigen Wochen": some units before the anchor, TIMEX3 PAST_REF. As a day
    interval, so many units as make the next larger one (a writer meaning more would name that unit) up
    to one unit before the anchor: some (two or more) units ago is not the last one ("vor ein paar Jahren
    abgebrochen" is not this week's break), and not the anchor day itself."""

    unit: str

    def resolve(self, context: Context) -> DayInterval | None:
        first = shift(context.anchor, -VAGUE_COUNTS[self.unit], self.unit)
        return DayInterval(first, min(shift(context.anchor, -1, self.unit), context.anchor - timedelta(days=1)))

    def timex(self, context: Context) -> TimexValue:
        return TimexValue("DATE", "PAST_REF")


VAGUE_COUNTS = {"day": 7, "week": 4, "month": 12, "year": 10, "decade": 10}


@dataclass(frozen=True)
class VagueReference:
    """ "derzeit", "früher", "künftig": PRESENT_REF, PAST_REF, FUTURE_REF. A word that is a comparative too
    ("früher") is a reference only in a past clause or one without a verb, not in "sollen früher gehen"."""

    value: str
    comparative: bool = False
    ahead_only: bool = False  # "bald": a reference only outside a past clause ("bald darauf" counts from the story)

    def resolve(self, context: Context) -> DayInterval | None:
        return None

    def timex(self, context: Context) -> TimexValue | None:
        if self.comparative and context.tense in (Tense.PRESENT, Tense.FUTURE):
            return None
        if self.ahead_only and context.tense is Tense.PAST:
            return None
        return TimexValue("DATE", self.value)


@dataclass(frozen=True)
class FiscalYear:
    """A business year ("Geschäftsjahr 2023/24"): TIMEX2's "FY2024", by the year it ends in. Whether it is the
    calendar year the text does not say, so it names no day interval."""

    year: int

    def resolve(self, context: Context) -> DayInterval | None:
        return None

    def timex(self, context: Context) -> TimexValue:
        return TimexValue("DATE", f"FY{self.year:04d}")


@dataclass(frozen=True)
class Epoch:
    """A decade ("in den 1990er Jahren") or century ("im 19. Jahrhundert") by its first year; a part
    of it ("Mitte der 90er Jahre") keeps the whole as its interval and the part as TIMEX3 mod."""

    first_year: int
    years: int  # 10 or 100
    mod: str | None = None

    def resolve(self, context: Context) -> DayInterval | None:
        return DayInterval(date(self.first_year, 1, 1), date(self.first_year + self.years - 1, 12, 31))

    def timex(self, context: Context) -> TimexValue:
        digits = 3 if self.years == 10 else 2
        return TimexValue("DATE", f"{self.first_year:04d}"[:digits], self.mod)


class OfEpoch:
    """A mention that names an epoch (decade, century) by a rule: it resolves as that epoch."""

    def epoch(self, context: Context) -> Epoch:
        raise NotImplementedError

    def resolve(self, context: Context) -> DayInterval | None:
        return self.epoch(context).resolve(context)

    def timex(self, context: Context) -> TimexValue:
        return self.epoch(context).timex(context)


@dataclass(frozen=True)
class RelativeEpoch(OfEpoch):
    """ "im nächsten Jahrzehnt", "im vergangenen Jahrhundert": a decade or century counted from the
    one that holds the anchor."""

    offset: int
    years: int  # 10 or 100
    mod: str | None = None  # START, MID, END: "Ende des Jahrzehnts"

    def epoch(self, context: Context) -> Epoch:
        return Epoch(context.anchor.year // self.years * self.years + self.offset * self.years, self.years, self.mod)


@dataclass(frozen=True)
class NamedDecade(OfEpoch):
    """ "in den Achtzigerjahren", "Mitte der Neunziger": the last decade of that name over before
    the anchor (in 2022 "die Zwanzigerjahre" are the 1920s)."""

    tens: int  # 8 for "achtziger"
    mod: str | None = None

    def epoch(self, context: Context) -> Epoch:
        over = context.anchor.year - 10
        first = over - over % 100 + 10 * self.tens
        return Epoch(first if first <= over else first - 100, 10, self.mod)


@dataclass(frozen=True)
class ClockTime:
    """ "um 15 Uhr", "am Montag um 9.30 Uhr": a clock time on the day named, else the day last mentioned."""

    hour: int
    minute: int
    day: Resolvable | None = None

    def resolve(self, context: Context) -> DayInterval | None:
        if self.day is not None:
            return self.day.resolve(context)
        if context.night is not None:  # "In der Silvesternacht ... gegen 0.30 Uhr": after midnight, the next day
            return DayInterval.day(context.night + timedelta(days=1 if self.hour < NIGHT_TURNS_AT else 0))
        return DayInterval.day(context.referent)

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        if interval is None:
            return None
        return TimexValue("TIME", f"{day_value(interval.first)}T{self.hour:02d}:{self.minute:02d}")


@dataclass(frozen=True)
class ClockShift:
    """ "eine Stunde später", "20 Minuten zuvor": the clock time named last (in the sentence or the one before)
    moved by some minutes; without one, the length it counts (a DURATION, no day)."""

    minutes: int

    def moved(self, context: Context) -> datetime | None:
        return None if context.clock is None else context.clock + timedelta(minutes=self.minutes)

    def resolve(self, context: Context) -> DayInterval | None:
        moved = self.moved(context)
        return None if moved is None else DayInterval.day(moved.date())

    def timex(self, context: Context) -> TimexValue:
        moved = self.moved(context)
        if moved is None:
            hours, minutes = divmod(abs(self.minutes), 60)
            return TimexValue(
                "DURATION", duration_value(hours, "TH") if not minutes else duration_value(abs(self.minutes), "TM")
            )
        return TimexValue("TIME", f"{day_value(moved.date())}T{moved.hour:02d}:{moved.minute:02d}")


NIGHT_TURNS_AT = 12  # a clock time of a night named before: from this hour the night's evening, before it its morning


@dataclass(frozen=True)
class DayPart:
    """ "gestern Abend", "am Dienstagabend", "am Morgen": a part of the day named (TIME)."""

    day: Resolvable
    code: str  # MO, MI, AF, EV, NI

    def resolve(self, context: Context) -> DayInterval | None:
        return self.day.resolve(context)

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        return None if interval is None else TimexValue("TIME", f"{day_value(interval.first)}T{self.code}")


def item_timex(item: Resolvable, day: date, context: Context) -> TimexValue | None:
    """The value of one end or item of a range, given a day it holds."""
    if isinstance(item, CalendarPeriod):
        return replace(item, year=day.year, year_offset=None, named_year_offset=None).timex(context)
    return item.timex(Context(day, None, day))


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
        # a clock time ends the range on the day it starts ("zwischen 22 und 4 Uhr" of a night named before)
        referent = start.first if isinstance(self.last, ClockTime) else context.referent
        end = self.last.resolve(Context(start.first, Tense.FUTURE, referent))
        if end is None or end.last < start.first:
            return None
        if crosses_midnight(self.first, self.last):  # "von 22 Uhr bis 1 Uhr"
            return DayInterval(start.first, end.last + timedelta(days=1))
        return DayInterval(start.first, end.last)

    def timex(self, context: Context) -> TimexValue | None:
        interval = self.resolve(context)
        return None if interval is None else item_timex(self.first, interval.first, context)


def crosses_midnight(first: Resolvable, last: Resolvable) -> bool:
    """Two clock times of one day where the second comes earlier: it is on the next day."""
    if not (isinstance(first, ClockTime) and isinstance(last, ClockTime)) or last.day is not None:
        return False
    return (last.hour, last.minute) < (first.hour, first.minute)


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
