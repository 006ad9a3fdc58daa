"""Placing found expressions in time: anchor, tense and the day or year last mentioned; TIMEX3s."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache

from lagebild.document import TimeExpression, Timex
from lagebild.temporal.grammar import Mention, Piece, find_mentions
from lagebild.temporal.intervals import DayInterval, Tense, parse_tense
from lagebild.temporal.mentions import (
    Bound,
    CalendarPeriod,
    ClockTime,
    Context,
    DayPart,
    DayShift,
    Duration,
    Enumeration,
    Epoch,
    EveningNight,
    HolidayWeekend,
    NamedDecade,
    Night,
    Range,
    Recurrence,
    RelativeEpoch,
    RelativePeriod,
    Resolvable,
    Shift,
    Since,
    SinceDuration,
    VagueAgo,
    VagueReference,
    Window,
    YearBefore,
    item_timex,
)
from lagebild.temporal.timex import TimexValue, interval_of_value
from lagebild.temporal.vocabulary import Vocabulary, alternation, load_vocabulary


@dataclass(frozen=True)
class Named:
    """An expression already placed, as a referent for later anaphora."""

    end: int
    start: int
    first_day: date | None  # None for a vague past ("damals"), kept only for past_reach
    single_day: bool
    year: int | None  # the year it names explicitly ("1989", "am 9. November 1989")
    past_reach: str | None = None  # a distant past: how far on a "heute" is the present age (see past_reach)
    night: bool = False  # a night ("in der Silvesternacht"): first_day is its evening
    # named in a pluperfect clause after a day of the report's line: its background ("hatte am Freitag ...")
    background: bool = False
    relative_clause: int | None = None  # the first token of the relative clause it stands in
    value: str | None = None  # its (first) TIMEX3 value, for "Vorjahresquartal"
    lends_year: bool = True  # not a year something is for ("Der Vorverkauf für 2024 beginnt am 1. Oktober")
    list_last_day: date | None = None  # the last day of a range or list of days it names ("vom 2. bis 4. Juni")
    year_end_day: date | None = None  # the last day of a period named with its year that ends in the next year
    heads_paragraph: bool = False  # a day that opens its paragraph before a colon, as a listing's entry does


@dataclass(frozen=True)
class Scope:
    """Where a mention's referents may lie. `earliest`: a day or a year counted from ("drei Jahre später"),
    the sentence before at most; `sentence_start`: the years a yearless date takes; `paragraph_start`: a
    day anaphora count from ("Am Montag ... . ... Am Vortag hatte ..."), never before `earliest`'s
    paragraph; `background`: the mention stands in a pluperfect clause; `clause`: the first token of
    the clause it stands in, `relative_clause` that of the relative clause it stands in (None outside one):
    a year named in a relative clause dates only that clause ("Das Gericht, das 1951 seine Arbeit aufnahm,
    feiert im September")."""

    earliest: int
    sentence_start: int
    paragraph_start: int
    background: bool = False
    clause: int | None = None
    relative_clause: int | None = None


def find_time_expressions(text: str, anchor: date, tense: str | Tense | None = None) -> list[TimeExpression]:
    """German temporal expressions in `text` as day intervals, sorted by offset.

    `anchor` is the date deictic words count from ("gestern", "nächste Woche"); `tense`
    ("past", "present", "future"/"planned" or None) picks which Monday or October is meant.
    Anaphoric words ("am Vortag") count from the last single day named earlier in the text.
    """
    return find_timexes(text, anchor, tense)[0]


def find_timexes(text: str, anchor: date, tense: str | Tense | None = None) -> tuple[list[TimeExpression], list[Timex]]:
    """The expressions with a day interval, and every TIMEX3 (durations, sets, vague references too)."""
    fixed = parse_tense(tense)
    return resolve_mentions(text, find_mentions(text), anchor, lambda mention: fixed, lambda mention: Scope(0, 0, 0))


def resolve_mentions(
    text: str,
    mentions: list[Mention],
    anchor: date,
    tense_for: Callable[[Mention], Tense | None],
    scope_of: Callable[[Mention], Scope],
    vocabulary: Vocabulary | None = None,
    named: list[Named] | None = None,
) -> tuple[list[TimeExpression], list[Timex]]:
    """Resolve mentions in text order; days and years found become referents for later anaphora.

    `scope_of(mention)` says where its referents may lie (`Scope`);
    `named` holds what earlier blocks placed (it grows), for "im Jahr darauf" further on.
    """
    vocabulary = vocabulary or load_vocabulary()
    found: list[TimeExpression] = []
    timexes: list[Timex] = []
    named = [] if named is None else named
    for index, mention in enumerate(mentions):
        tense = tense_for(mention) if needs_tense(mention.value) else None  # finding it costs
        scope = scope_of(mention)
        earliest, sentence_start = scope.earliest, scope.sentence_start
        context = context_for(mention, named, anchor, tense, scope, tense_for)
        if counts_from_a_day(mention.value) and not context.day_named:
            context = on_report_line(context, named, mention, tense_for)
        if (yearly := yearly_timex(text, mentions, index, context, vocabulary)) is not None:
            timexes.append(yearly)  # a day of every year is no day of this one: no interval, no referent
            continue
        interval = mention.value.resolve(context)
        pieces = mention_timexes(text, mention, context, interval, vocabulary)
        present_age = (
            is_bare_today(text, mention)
            and (
                contrasts_with_past(mention, named, earliest, sentence_start)
                or contrasts_with_dated_past(text, mention, mentions, anchor, tense_for, scope_of)
                or in_generic_who_clause(text, mention, sentence_start, tense_for)
            )
        ) or (is_until_today(text, mention) and reaches_from_distant_past(mention, named, anchor, earliest))
        if present_age:
            pieces = [replace(piece, value="PRESENT_REF", first_day=None, last_day=None) for piece in pieces]
        timexes.extend(pieces)
        past = past_reach(mention.value, interval, anchor)
        if interval is None:
            if past:
                named.append(Named(mention.end, mention.start, None, False, None, past))
            continue
        surface = text[mention.start : mention.end]
        found.append(TimeExpression(mention.start, mention.end, surface, interval.first, interval.last, tuple(pieces)))
        single_day = interval.first == interval.last and not present_age  # the present age: no day to count from
        year = named_year(mention.value, interval)
        named.append(
            Named(
                mention.end,
                mention.start,
                interval.first,
                single_day,
                year,
                past,
                is_night(interval, pieces),
                scope.background and any(item.single_day and not item.background for item in named),
                scope.relative_clause,
                pieces[0].value if pieces else None,
                not is_year_for(text, mention),
                interval.last if isinstance(mention.value, Range | Enumeration) else None,
                interval.last if year is not None and interval.last.year > interval.first.year else None,
                mention.start == scope.paragraph_start and LISTING_COLON.match(text, mention.end) is not None,
            )
        )
    return found, timexes


def yearly_timex(
    text: str, mentions: list[Mention], index: int, context: Context, vocabulary: Vocabulary
) -> Timex | None:
    """A date without a year that recurs every year, its year written XXXX: next to "jedes Jahr" or
    "jährlich" ("Jedes Jahr am 1. Mai demonstrieren ...", "Mitte Juni treiben sie jährlich ...") a DATE
    beside that SET; after "jeden", "an jedem" ("an jedem 3. Oktober") one SET with it. None for any
    other mention."""
    mention = mentions[index]
    value = mention.value
    if not isinstance(value, CalendarPeriod) or value.year_for(context) is not None or value.direction is not None:
        return None
    every = EVERY_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    neighbours = [mentions[i] for i in (index - 1, index + 1) if 0 <= i < len(mentions)]
    beside_yearly = any(
        isinstance(other.value, Recurrence)
        and other.value.value == "P1Y"
        and not text[min(other.end, mention.end) : max(other.start, mention.start)].strip()
        for other in neighbours
    )
    if every is None and not beside_yearly:
        return None
    found = mention.value.timex(context)
    if found is None or not YEAR_LED.match(found.value):
        return None
    generic = replace(found, type="SET" if every else "DATE", value="XXXX" + found.value[4:])
    start = every.start() if every else mention.start
    return timex(text, (start, mention.end), generic, vocabulary)  # XXXX denotes no day interval


def is_bare_today(text: str, mention: Mention) -> bool:
    """ "heute" alone (not "heute Abend", not "bis heute"), which against a past just named means the
    present age ("Damals gab es zwölf Werkstätten, heute ist es eine"): TIMEX3 PRESENT_REF."""
    surface = text[mention.start : mention.end].lower()
    return surface == "heute" and not text[max(0, mention.start - 4) : mention.start].lower().endswith("bis ")


def is_until_today(text: str, mention: Mention) -> bool:
    """ "bis heute" alone (not "bis heute Abend")."""
    surface = text[mention.start : mention.end].lower()
    return surface == "heute" and text[max(0, mention.start - 4) : mention.start].lower().endswith("bis ")


def reaches_from_distant_past(mention: Mention, named: list[Named], anchor: date, earliest: int) -> bool:
    """Does "bis heute" continue a distant past named in its sentence or the one before, a year over
    DISTANT_PAST_YEARS back among them, even in its own clause ("Chronisten nennen 1816 bis heute das Jahr ohne
    Sommer", "Damals zogen sie auf die Almen, in manchen Dörfern bis heute")? Then it is the present age, not the
    day ("Die Anmeldung ist bis heute möglich")."""
    return any(
        item.end <= mention.start
        and item.start >= earliest
        and (item.past_reach or (item.year is not None and item.year <= anchor.year - DISTANT_PAST_YEARS))
        for item in named
    )


def past_reach(value: Resolvable, interval: DayInterval | None, anchor: date) -> str | None:
    """Does the expression name a distant past, and how far on does a "heute" after it mean the
    present age: a vague past ("damals", "früher") or a decade or century over DISTANT_PAST_YEARS
    before the anchor ("in den Achtzigerjahren") into the next sentence ("previous"); an age counted
    back ("vor 20 Jahren") in its own sentence only ("sentence"), since "Vor 50 Jahren wurde der
    Verein gegründet. Heute feiert er" is news of the day. A date or year named outright does not
    count: "Der 1990 gegründete Verein feiert heute"."""
    if isinstance(value, VagueReference):
        return "previous" if value.value == "PAST_REF" else None
    if interval is None or interval.last.year > anchor.year - DISTANT_PAST_YEARS:
        return None
    if isinstance(value, Epoch | NamedDecade | RelativeEpoch):
        return "previous"
    return "sentence" if isinstance(value, Shift) and not value.anaphoric else None


def contrasts_with_past(mention: Mention, named: list[Named], earliest: int, sentence_start: int) -> bool:
    """Was a distant past named before the mention, within its reach (see past_reach)?"""
    return any(
        item.past_reach
        and item.end <= mention.start
        and item.start >= (sentence_start if item.past_reach == "sentence" else earliest)
        for item in named
    )


def written_year(value: Resolvable) -> int | None:
    """The year written in a date, or in the last date of a range or list ("von 1702 bis 1736")."""
    if isinstance(value, Range):
        value = value.last
    elif isinstance(value, Enumeration):
        value = value.items[-1]
    return value.year if isinstance(value, CalendarPeriod) else None


# a relative clause of a noun that a later position stands in (", das 1951 seine Arbeit aufnahm"; not "wer", "was")
NOUN_RELATIVE_BEFORE = re.compile(r",\s+(?:\w+\s+)?(?:der|die|das|dem|den|denen|dessen|deren)\s+[^,]*$", re.I)


def contrasts_with_dated_past(
    text: str,
    mention: Mention,
    mentions: list[Mention],
    anchor: date,
    tense_for: Callable[[Mention], Tense | None],
    scope_of: Callable[[Mention], Scope],
) -> bool:
    """Does a present clause with "heute" stand against a past clause of its sentence that names a year over
    DISTANT_PAST_YEARS back ("Wer 1990 geboren wurde, ist heute erwachsen", "eine Tat, die heute jedes Schulkind
    kennt", "Wer heute durch das Dorf geht, ahnt nichts von dem, was im Sommer 1945 geschah")? Then "heute" is the
    present age. Not a year in the clause of "heute" ("Der 1990 gegründete Verein feiert heute") or in a relative
    clause of a noun ("Das Gericht, das 1951 seine Arbeit aufnahm, entscheidet heute"), nor in the sentence before
    ("Der Verein wurde 1990 gegründet. Heute feiert er" is news of the day)."""
    scope = scope_of(mention)
    dated = [
        other
        for other in mentions
        if other is not mention
        and (year := written_year(other.value)) is not None
        and year <= anchor.year - DISTANT_PAST_YEARS
    ]
    if not dated or tense_for(mention) is not Tense.PRESENT:
        return False
    for other in dated:
        other_scope = scope_of(other)
        if (
            other_scope.sentence_start == scope.sentence_start
            and other_scope.clause != scope.clause
            and not NOUN_RELATIVE_BEFORE.search(text, scope.sentence_start, other.start)
            and tense_for(other) is Tense.PAST
        ):
            return True
    return False


# the generic "wer" opening the sentence, up to the mention ("Wer heute durch die Altstadt geht, ..."); not an
# indirect question after a verb ("Er fragte, wer heute kommt")
GENERIC_WHO_BEFORE = re.compile(r"(?:[„\"]\s*)?(?:(?:Doch|Und|Aber|Denn)\s+)?[Ww]er\s+[^,;:.!?]*$")


def in_generic_who_clause(
    text: str, mention: Mention, sentence_start: int, tense_for: Callable[[Mention], Tense | None]
) -> bool:
    """Does "heute" stand in a present clause of the generic "wer", which speaks of anyone now ("Wer heute ein
    Haus baut, zahlt das Doppelte", "Wer das Kloster heute besucht")? Then it is the present age."""
    opened = GENERIC_WHO_BEFORE.match(text, sentence_start, mention.start)
    return opened is not None and tense_for(mention) is Tense.PRESENT


def is_night(interval: DayInterval, pieces: list[Timex]) -> bool:
    """A night ("Silvesternacht", "in der Nacht zum Sonntag") or clock times over midnight ("zwischen 22
    und 4 Uhr"): two days that later clock times and "in der Nacht" refer to."""
    return (interval.last - interval.first).days == 1 and bool(pieces) and all(p.type == "TIME" for p in pieces)


def context_for(
    mention: Mention,
    named: list[Named],
    anchor: date,
    tense: Tense | None,
    scope: Scope,
    tense_for: Callable[[Mention], Tense | None] | None = None,
) -> Context:
    """The referents of a mention. The day anaphora and parts of the day count from is the last one named in
    the sentence before it or its own, or earlier in its paragraph a day of the week up to the anchor (the
    report's line; "Am 2. Februar 2020 begann der Streit. ... am Vortag" is not 1 February) or a day that heads the
    paragraph before a colon, as a listing's entry does ("Samstag, 3. Mai: Markt. ... Am Abend spielt ..."),
    skipping days of the background (pluperfect clauses) unless the mention is of the background too: "Nawalny
    war vor einer Woche festgenommen worden. Die USA verurteilten ... noch in der Nacht" is not the night after
    that day. With no such day, a clock time or night of a past clause (`tense_for`) goes on with a full date of
    another year in its paragraph (not "am Vortag", whose reach stays as above)."""
    in_scope = [item for item in named if item.end <= mention.start and item.start >= scope.earliest]
    days = [
        item
        for item in named
        if item.end <= mention.start
        and (
            item.start >= scope.earliest
            or (item.start >= scope.paragraph_start and (is_recent(item, anchor) or item.heads_paragraph))
        )
        and (scope.background or not item.background)
    ]
    dayless = not any(item.single_day or item.night for item in days)
    told_on = dayless and tense_for is not None and is_time_of_a_day(mention.value)
    story = story_day(named, mention, scope, anchor) if told_on else None
    if story is not None and tense_for(mention) is Tense.PAST:  # the tense is asked only then: finding it costs
        days.append(story)
    last_day = next((item for item in reversed(days) if item.single_day or item.night), None)
    night = last_day.first_day if last_day is not None and last_day.night else None
    day_item = next((item for item in reversed(days) if item.single_day), None)
    day = day_item.first_day if day_item is not None else None
    in_sentence = (
        item for item in reversed(in_scope) if item.start >= scope.sentence_start and lends_year(item, scope)
    )
    year_item = next((item for item in in_sentence if item.year is not None), None)
    year = year_item.year if year_item is not None else None
    named_period = (
        DayInterval(year_item.first_day, year_item.year_end_day)
        if year_item is not None and year_item.first_day is not None and year_item.year_end_day is not None
        else None
    )
    if year is None and scope.background:  # the pluperfect goes on with the story of a day of another year just
        # named ("In der Nacht zum 28. Juli 1943 ... Die Angriffe hatten am 24. Juli begonnen"), not after a bare
        # year, which news names in passing ("nach 1964, 2008 und 2012 der vierte Titel. Das Turnier hatte am ..."), and
        # within its paragraph: a new paragraph opens another strand of the report
        dated = (
            item
            for item in reversed(in_scope)
            if (item.single_day or item.night) and item.start >= scope.paragraph_start
        )
        year = next((item.year for item in dated if item.year not in (None, anchor.year)), None)
    period = next((item.first_day for item in reversed(in_scope) if item.single_day or item.year is not None), None)
    period_value = next(
        (item.value for item in reversed(in_scope) if item.value and PART_OF_YEAR.match(item.value)), None
    )
    story_year = next(
        (item.year for item in reversed(named) if item.year is not None and item.end <= mention.start), None
    )
    in_sentence_day = day_item is not None and day_item.start >= scope.sentence_start
    stretch = next(
        (
            DayInterval(item.first_day, item.list_last_day)
            for item in reversed(named)
            if item.end <= mention.start
            and (item.start >= scope.earliest or (item.start >= scope.paragraph_start and is_ahead(item, anchor)))
            and item.first_day is not None
            and item.list_last_day is not None
            and 0 < (item.list_last_day - item.first_day).days < STRETCH_DAYS
        ),
        None,
    )
    return Context(
        anchor,
        tense,
        day or anchor,
        year,
        period,
        story_year,
        night,
        day is not None,
        period_value,
        in_sentence_day,
        stretch,
        named_period,
        last_clock(in_scope),
    )


def last_clock(in_scope: list[Named]) -> datetime | None:
    """The clock time named last among `in_scope`, from its TIMEX3 value ("2024-03-15T20:15")."""
    value = next((item.value for item in reversed(in_scope) if item.value and CLOCK_VALUE.match(item.value)), None)
    if value is None:
        return None
    day, clock = value.split("T")
    hour, minute = clock.split(":")  # "24:00" is midnight at the day's end
    return datetime.fromisoformat(day) + timedelta(hours=int(hour), minutes=int(minute))


def is_time_of_a_day(value: Resolvable) -> bool:
    """A clock time or a night with no day of its own ("um 18 Uhr", "in der Nacht")."""
    return (isinstance(value, ClockTime) and value.day is None) or (isinstance(value, Night) and value.to_day is None)


def story_day(named: list[Named], mention: Mention, scope: Scope, anchor: date) -> Named | None:
    """The last full date of another year named earlier in the paragraph, which a past clause goes on telling
    ("Am 9. November 1989 öffnete die DDR die Grenzen. ... Um 18 Uhr trat ein Sprecher vor die Presse")."""
    return next(
        (
            item
            for item in reversed(named)
            if scope.paragraph_start <= item.start
            and item.end <= mention.start
            and item.single_day
            and item.year not in (None, anchor.year)
            and not item.background
        ),
        None,
    )


# a stretch of days named just before that a weekday falls in: "am 9., 10. und 11. August ... am Freitag"
STRETCH_DAYS = 7


DISTANT_PAST_YEARS = 10
LISTING_COLON = re.compile(r"\s*:")  # "Samstag, 24. Mai: Flohmarkt ...": the day of the paragraph's entries
CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d$")  # a TIME of a clock reading, no zone or part of day
PART_OF_YEAR = re.compile(r"\d{4}-(?:Q[1-4]|H[12]|\d\d|SP|SU|FA|WI)$")  # a quarter, half, month or season


def lends_year(item: Named, scope: Scope) -> bool:
    """May the year of `item` date a yearless time of its sentence in `scope`'s clause? Not a year something
    is for, nor one named in a relative clause the time is not in."""
    return item.lends_year and (item.relative_clause is None or item.relative_clause == scope.clause)


# "für" + year after a noun ("Der Vorverkauf für 2024"); not after a verb or opening the clause ("rechnet für 2025
# im zweiten Halbjahr mit ...", "Für 2025 erwartet ...": the year of the clause)
FOR_YEAR = re.compile(r"(?<![.!?:]\s)\b[A-ZÄÖÜ][\w-]*\s+für\s+(?:das\s+Jahr\s+)?$")
BARE_YEAR = re.compile(r"\d{4}")


def is_year_for(text: str, mention: Mention) -> bool:
    """ "Der Vorverkauf für 2024", "die Karten für 2025": the year a thing is for, not when the clause happens."""
    return bool(
        BARE_YEAR.fullmatch(text[mention.start : mention.end])
        and FOR_YEAR.search(text, max(0, mention.start - 40), mention.start)
    )


def counts_from_a_day(value: Resolvable) -> bool:
    """ "am Vortag", "am selben Tag", "am Abend": a day counted from the day last named (not clock times, nights)."""
    day = value.day if isinstance(value, DayPart) else value
    return isinstance(day, DayShift) and day.anaphoric


def on_report_line(
    context: Context, named: list[Named], mention: Mention, tense_for: Callable[[Mention], Tense | None]
) -> Context:
    """With no day in its paragraph, a past clause goes on about the last day of the report's line named before
    it in the article (a day of the week up to the anchor, not of the background): "Am Montag empfing Scholz
    Tusk. ¶ Russland kritisierte Scholz noch am Abend" is Monday evening; in a present or future clause "am
    Abend" is the anchor's."""
    day = next(
        (
            item.first_day
            for item in reversed(named)
            if item.end <= mention.start and item.single_day and not item.background and is_recent(item, context.anchor)
        ),
        None,
    )
    if day is None or tense_for(mention) is not Tense.PAST:
        return context
    return replace(context, referent=day, day_named=True)


def is_ahead(item: Named, anchor: date) -> bool:
    """A programme's days ahead ("feiert vom 12. bis 14. Mai ... Zum Auftakt am Freitagabend"), which the weekdays
    of its paragraph fall in; a stretch gone by is as far as the sentence after it."""
    return item.first_day is not None and item.first_day > anchor


REPORT_WEEK = timedelta(days=6)  # the days a report's line is about: the week up to its anchor


def is_recent(item: Named, anchor: date) -> bool:
    return item.first_day is not None and anchor - REPORT_WEEK <= item.first_day <= anchor


EVERY_BEFORE = re.compile(r"\b(?:an\s+)?jede[nm]\s+$", re.I)  # "jeden 1. Mai", "an jedem 3. Oktober"
APPOSITION_END = re.compile(r"\s*(?:[,;.)]|$)")  # a noun phrase between commas: an apposition
# "Jahr" and its article before a year ("aus dem Jahr 1997", "Das Jahr 2023 war"): TIMEX3 span only; for events
# the time stays the year itself, as "seit dem Jahr 2014" is no "seit" stretch to them
YEAR_NOUN_BEFORE = re.compile(r"\b(?:(?P<article>dem|das)\s+|ins\s+)(?P<noun>jahre?)\s+$", re.I)
YEAR_LED = re.compile(r"\d{4}-\d\d")  # a TIMEX3 value of a day, month or part of a month
# an attributive adjective or participle and its noun: an article before the time belongs to that noun
ATTRIBUTE_AFTER = re.compile(r"\s+(?P<word>[a-zäöüß]+(?:e|en|er|es|em))\s+[A-ZÄÖÜ]")
TENSELESS = (
    Duration,
    VagueAgo,
    Recurrence,
    VagueReference,
    Epoch,
    NamedDecade,
    RelativeEpoch,
    DayShift,
    Shift,
    RelativePeriod,
    Window,
    SinceDuration,
    Since,
    YearBefore,
)


def needs_tense(value: Resolvable) -> bool:
    """Does placing the value depend on the clause's tense (which Monday, which October)?"""
    if isinstance(value, DayPart | EveningNight | HolidayWeekend):
        return needs_tense(value.day)
    if isinstance(value, Bound):
        return needs_tense(value.inner)
    if isinstance(value, ClockTime):
        return value.day is not None and needs_tense(value.day)
    if isinstance(value, CalendarPeriod):
        return value.year is None and value.year_offset is None and value.named_year_offset is None
    if isinstance(value, Shift):
        return not value.anaphoric and value.amount > 0  # "in vier Tagen": a day ahead, or a stretch in a past clause
    if isinstance(value, VagueReference):
        return value.comparative or value.ahead_only  # "früher": a vague past or a comparative, by the tense
    return not isinstance(value, TENSELESS)


def named_year(value: Resolvable, interval: DayInterval) -> int | None:
    """The year an expression names outright ("1989", "im vergangenen Jahr"), for later anaphora."""
    if isinstance(value, CalendarPeriod) and (value.year is not None or value.named_year_offset is not None):
        return interval.first.year
    if isinstance(value, Night) and value.to_day is not None:
        return named_year(value.to_day, interval)  # "in der Nacht zum 28. Juli 1943"
    if isinstance(value, DayPart):
        return named_year(value.day, interval)  # "am Abend des 9. November 1989"
    if isinstance(value, RelativePeriod) and value.unit == "year":
        return interval.first.year
    if isinstance(value, Shift) and value.unit == "year" and not value.anaphoric:
        return interval.first.year  # "Vor einem Jahr war es an Weihnachten warm": that year's Christmas
    return None


def mention_timexes(
    text: str, mention: Mention, context: Context, interval: DayInterval | None, vocabulary: Vocabulary
) -> list[Timex]:
    """The TIMEX3s of a mention: one, or one per piece of a range or enumeration."""
    if not mention.pieces:
        found = timex(text, (mention.start, mention.end), mention.value.timex(context), vocabulary)
        return [found] if found else []
    value, piece_context = mention.value, context
    if isinstance(value, Since):
        value, piece_context = value.inner, replace(context, tense=Tense.PAST)
        interval = value.resolve(piece_context)
    if interval is None:
        return []
    days = [interval.first, *[interval.first] * (len(mention.pieces) - 2), interval.last]
    return [
        found
        for piece, day in zip(mention.pieces, days, strict=True)
        if (found := piece_timex(text, piece, day, piece_context, vocabulary))
    ]


def piece_timex(text: str, piece: Piece, day: date, context: Context, vocabulary: Vocabulary) -> Timex | None:
    start, end, item = piece
    return timex(text, (start, end), item_timex(item, day, context), vocabulary)


def timex(text: str, span: tuple[int, int], value: TimexValue | None, vocabulary: Vocabulary) -> Timex | None:
    if value is None:
        return None
    start, end = span
    if text[end - 1] == "." and text[start : end - 1].split()[-1].lower() in vocabulary.full_month_names:
        end -= 1  # the full stop after "Ende November."
    lead = leading_words(vocabulary.timex_leading_words).match(text, start, end)
    if lead and lead.end() < end and not opens_with_approximation(text[start:end], vocabulary):
        start = lead.end()
    start = year_noun_start(text, start, end)
    start = with_article(text, start, end, vocabulary)
    interval = interval_of_value(value.value, value.mod, vocabulary.period_parts)
    first, last = (interval.first, interval.last) if interval else (None, None)
    return Timex(start, end, text[start:end], value.type, value.value, value.mod, first, last)


def year_noun_start(text: str, start: int, end: int) -> int:
    """ "aus dem Jahr 1997", "bis ins Jahr 2030": a bare year's TIMEX3 holds the noun "Jahr" before it (and its
    article); the start unchanged otherwise."""
    found = BARE_YEAR.fullmatch(text, start, end) and YEAR_NOUN_BEFORE.search(text, max(0, start - 12), start)
    if not found:
        return start
    return found.start("article") if found["article"] else found.start("noun")


def opens_with_approximation(span: str, vocabulary: Vocabulary) -> bool:
    """ "bis zu drei Jahre": a modifier of two words that opens like a preposition stays in the span."""
    folded = span.lower()
    return any(" " in phrase and folded.startswith(phrase + " ") for phrase in vocabulary.approximations)


def with_article(text: str, start: int, end: int, vocabulary: Vocabulary) -> int:
    """The start moved back over the article that opens the expression's noun phrase, if there is one.

    The phrase needs a noun or numeral at its end ("den vergangenen Jahren", "den 9. Dezember"), not
    an adverb ("das heuer ..."); an article after a comma is a relative pronoun (", die 16 Jahre
    regierte") unless the phrase ends there, an apposition ("am Samstag, dem Nationalfeiertag,"); one
    before an attribute belongs to the noun after it ("der drei Tage dauernde Streik", "der 1990
    gegründete Verein") unless a preposition governs it ("die für den 21. März geplante")."""
    article = article_before(vocabulary.timex_articles).search(text, max(0, start - 12), start)
    last_word = text[start:end].split()[-1]
    if article is None or not (last_word[0].isupper() or any(c.isdigit() for c in last_word)):
        return start
    if any(suffix in last_word for suffix in vocabulary.duration_adjectives):
        return start  # "der 16-jährigen Amtszeit": an adjective, the article is its noun's
    if BARE_YEAR.fullmatch(text, start, end):
        return start  # a bare year takes no article: ", in der 1951 die Hochzeit war" is a relative pronoun
    before = text[: article.start()].rstrip()
    if before.endswith(",") and not APPOSITION_END.match(text, end):
        return start  # ", die 16 Jahre regierte"; but an apposition keeps it: "am Samstag, dem Nationalfeiertag,"
    governed = bool(before) and before.split()[-1].lower() in vocabulary.timex_leading_words
    attribute = ATTRIBUTE_AFTER.match(text, end)
    if attribute and attribute["word"].lower() in vocabulary.finite_verbs_like_attributes:
        attribute = None  # "der vergangenen Tage mussten Helfer": a verb, not an attribute
    return start if attribute and not governed else article.start()


BARE_YEAR = re.compile(r"\d{4}")


@cache
def article_before(articles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(articles)})\s+$", re.I)


@cache
def leading_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Prepositions and articles that open an expression but stay outside its TIMEX3 span."""
    return re.compile(rf"(?:\b(?:{alternation(words)})\s+)+", re.I)


def shifted(mentions: list[Mention], offset: int) -> list[Mention]:
    """Mentions found in a block, moved to article offsets."""
    return [
        replace(
            mention,
            start=mention.start + offset,
            end=mention.end + offset,
            pieces=tuple((start + offset, end + offset, value) for start, end, value in mention.pieces),
        )
        for mention in mentions
    ]
