"""Builders of the temporal grammar: one regular-expression match in, one value out (None refuses
the match). lagebild.temporal.grammar names, for each rule, its pattern and builder."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from lagebild.calendar_de import NATIONAL_DAY, is_holiday_reading, national_day_country
from lagebild.temporal.mentions import (
    Bound,
    CalendarPeriod,
    ClockShift,
    ClockTime,
    CompoundDuration,
    DayOfMonth,
    DayPart,
    DayShift,
    DaysOfMonth,
    Duration,
    Enumeration,
    Epoch,
    EveningNight,
    FiscalYear,
    Holiday,
    HolidayWeekend,
    IsoWeek,
    MonthsOfYear,
    MonthWeek,
    NamedDecade,
    NewYear,
    Night,
    Range,
    Recurrence,
    RelativeEpoch,
    RelativePeriod,
    Resolvable,
    Shift,
    SinceDuration,
    VagueAgo,
    VagueReference,
    WeekdayOfMonth,
    WeekdayRef,
    WeekendRef,
    Window,
    Within,
    YearBefore,
)
from lagebild.temporal.timex import duration_value

if TYPE_CHECKING:
    from lagebild.temporal.grammar import Grammar

TWO_DIGIT_YEAR_PIVOT = 50  # "3.10.90" is 1990, "4.9.23" is 2023
EARLIEST_BARE_YEAR = 1900  # before it, a number in a pair ("1200 und 1400") is a count, not a year
LOOKBACK_CHARS = 24  # text before a match read to judge triggers ("im Jahr", "seit")
STRETCH_NOUN = re.compile(r"\s+([A-ZÄÖÜ]\w*)")  # the noun after an adjective
NAME_GOVERNOR = re.compile(r"(?:von|mit)\s", re.I)  # before a name as before a month: "von Juli"
SURNAME_AFTER = re.compile(r"\s+([A-ZÄÖÜ][a-zäöüß]+)\b")
BOUND_BEFORE = re.compile(r"\b(?:vor|nach)\s+$", re.I)  # "vor Weihnachten": a bound, not the day
COUNT_RANGE_BEFORE = re.compile(r"(?<![\d.,])\d+\s*(?:bis|-|–)\s*$")  # "1500 bis " before the number
UNTIL_NOW = re.compile(r"\s+bis\s+(?:heute|jetzt|zuletzt)\b", re.I)  # "1816 bis heute": a year, not a count's range
SENTENCE_OPENING = re.compile(r"(?:^|[.!?:]\s+|\n|[„\"]\s*)$")  # before the first word of a sentence
YEAR_LIST_BEFORE = re.compile(r"(?<![\d.,])(?:1[0-9]|20)\d{2}\s*(?:,|und|sowie|oder)\s*$")  # "1964, 2008 und "
ARTICLE_AFTER = re.compile(r"\s+(?:der|die|das|den|dem|des)\b")
# a subject noun inside the clause before a number and an article: the number dates the clause, as a count stands
# before its noun ("als der Alpenverein 1891 die erste Hütte baute"; "verloren 1500 die Arbeit" counts)
SUBJECT_BEFORE = re.compile(r"(?:\b[a-zäöüß]+|(?:^|[.!?]\s+)[A-ZÄÖÜ]\w*)\s+(?:[A-ZÄÖÜ][\w-]*[a-zäöüß]\s+){1,3}$")
# a passive's agent and participle after the number: ", 1856 von Alfred Escher gegründet,", "war 2014 von Russland
# annektiert worden.", "2015 von der Armee erobert wurde." (no "ge-" in participles of -ieren and inseparable verbs,
# whose auxiliary tells them)
APPOSITION_DEED = re.compile(
    r"\s+von\s+(?:(?:der|dem|den)\s+)?(?:[A-ZÄÖÜ][\w.-]*\s+){1,3}"
    r"(?:[a-zäöü]*ge[a-zäöüß]+(?:t|en)|[a-zäöü]+iert|[a-zäöü]+t(?=\s+(?:worden|wurde|wurden)\b))"
    r"(?:\s+(?:worden|wurde|wurden))?\s*[,.;)]"
)


def explicit_year(match: re.Match[str]) -> int | None:
    text = match.groupdict().get("year")
    if not text:
        return None
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    return year


def calendar(build: object, match: re.Match[str], grammar: Grammar, direction: int | None = None) -> CalendarPeriod:
    groups = match.groupdict()
    return CalendarPeriod(
        build=build,  # type: ignore[arg-type]
        year=explicit_year(match),
        year_offset=-1 if groups.get("prior") else grammar.relative(groups.get("rel")),  # "des Vorjahres"
        direction=direction,
        named_year_offset=0 if groups.get("named") else None,  # "im März des Jahres": of the year just named
    )


def build_day_date(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "am 12. März 1871", "Montag, 3. Mai", "am Abend des 9. November" (a TIME)."""
    day, month = int(match["day"]), grammar.month(match["month"])
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return with_day_part(calendar(DayOfMonth(month, day), match, grammar), match.groupdict().get("dpart"), grammar)


def build_day_range(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "vom 2. bis 4. Juni" (a range), "am 8. und 9. Mai", "am 1. oder 2. April" (two days; with "zwischen" a
    range)."""
    first, last, month = int(match["day1"]), int(match["day"]), grammar.month(match["month"])
    if not 1 <= first < last <= 31:
        return None
    ends = (CalendarPeriod(DayOfMonth(month, first)), calendar(DayOfMonth(month, last), match, grammar))
    connector = match["conn"].lower()
    if connector.startswith(("und", "oder")) and (match["opener"] or "").lower() != "zwischen":
        return Enumeration(ends)
    return Range(*ends)


def build_day_list(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "am 8., 9. und 10. Mai": every day named, in order."""
    month = grammar.month(match["month"])
    days = [int(match[name]) for name in ("d1", "d2", "d3") if match[name]] + [int(match["day"])]
    if not all(1 <= a < b <= 31 for a, b in itertools.pairwise(days)):
        return None
    items = [CalendarPeriod(DayOfMonth(month, day)) for day in days[:-1]]
    return Enumeration((*items, calendar(DayOfMonth(month, days[-1]), match, grammar)))


def build_month(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    if NAME_GOVERNOR.match(match.group()) and is_first_name(match, grammar):
        return None  # "eine Uraufführung von Juli Zeh", "an der Seite von August Brenner"
    month = grammar.month(match["month"])
    direction = grammar.relative(match.groupdict().get("dir"))
    return calendar(DaysOfMonth(month, 1, -1), match, grammar, direction=direction)


def build_month_with_article(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "Der April war der kälteste", "für den Dezember"; not a first name ("der August Brenner")."""
    return None if is_first_name(match, grammar) else build_month(match, grammar)


def build_fiscal_year(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "im Geschäftsjahr 2023", "Geschäftsjahr 2023/24" (named by the year it ends in, as TIMEX2's FY)."""
    year, following = int(match["year"]), match["year2"]
    if following:
        year = int(following) if len(following) == 4 else year // 100 * 100 + int(following)
    return FiscalYear(year)


def is_first_name(match: re.Match[str], grammar: Grammar) -> bool:
    """A month name that is also a first name, followed by a capitalised word that is no calendar word."""
    if match["month"].lower() not in grammar.vocabulary.first_name_months:
        return False
    following = SURNAME_AFTER.match(match.string, match.end())
    return following is not None and not grammar.is_calendar_word(following[1])


def build_month_part(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    first, last = grammar.part("month", match["part"])
    return calendar(DaysOfMonth(grammar.month(match["month"]), first, last, grammar.mod(match["part"])), match, grammar)


def build_month_range(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "von März bis Mai" (a range), "im März und April" (two months)."""
    first_year = int(match["year1"]) if match["year1"] else None
    first = CalendarPeriod(DaysOfMonth(grammar.month(match["month1"]), 1, -1), year=first_year)
    last = calendar(DaysOfMonth(grammar.month(match["month"]), 1, -1), match, grammar)
    if match["conn"].lower() in ("und", "sowie", "oder") and (match["opener"] or "").lower() != "zwischen":
        return Enumeration((first, last))
    return Range(first, last)


def build_year_part(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    first, last = grammar.part("year", match["part"])
    return calendar(MonthsOfYear(first, last, grammar.mod(match["part"])), match, grammar)


def build_year_range(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    connector = match["conn"].lower()
    if connector == "und" and (match["opener"] or "").lower() != "zwischen":
        return None
    first, last = int(match["year1"]), int(match["year"])
    if first >= last or (grammar.counts_something(match.string, match.end()) and not close_modern_years(first, last)):
        return None  # "zwischen 1200 und 1400 Metern"
    return Range(CalendarPeriod(MonthsOfYear(1, 12), year=first), CalendarPeriod(MonthsOfYear(1, 12), year=last))


def close_modern_years(first: int, last: int) -> bool:
    """ "zwischen 2014 und 2017 Leistungen abgerechnet": two recent years a few apart are years before a noun, as
    the bounds of a count are round ("zwischen 1500 und 2000 Menschen", "zwischen 1980 und 1990 Teilnehmern")."""
    return (
        MODERN_YEARS[0] <= first < last <= MODERN_YEARS[1] and last - first <= CLOSE_YEARS and (first % 10 or last % 10)
    )


MODERN_YEARS = (1900, 2099)
CLOSE_YEARS = 30


def build_year(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """A bare four-digit number is a year after a trigger word or when no noun follows it; also the
    last of a list of years ("nach 1964, 2008 und 2012 der vierte Titel") and the date of an apposition's
    participle (", 1856 von Alfred Escher gegründet,")."""
    text = match.string
    before = text[max(0, match.start() - LOOKBACK_CHARS) : match.start()]
    named = match.group().lower().startswith(("im", "des"))
    listed = YEAR_LIST_BEFORE.search(before) and ARTICLE_AFTER.match(text, match.end())
    if COUNT_RANGE_BEFORE.search(before) and grammar.counts_something(text, match.end()):
        return None  # "1500 bis 2000 Menschen": the end of a count's range, though "bis" opens years
    if not named and not listed and not grammar.year_trigger.search(before):
        if grammar.year_blocker.search(before):
            return None  # "rund 1500 von Soldaten kontrolliert": a count even before a passive's agent
        if APPOSITION_DEED.match(text, match.end()):
            return CalendarPeriod(MonthsOfYear(1, 12), year=int(match["year"]))
        modern_object = grammar.object_article.match(text, match.end()) and (
            int(match["year"]) >= EARLIEST_BARE_YEAR or SUBJECT_BEFORE.search(before)
        )
        if grammar.counts_something(text, match.end()) and not modern_object and not year_before_noun(match, grammar):
            return None
        if (
            int(match["year"]) < EARLIEST_BARE_YEAR
            and re.match(r"\s*(?:und|bis|oder|auf|-|–)\s", text[match.end() :])
            and not UNTIL_NOW.match(text, match.end())
        ):
            return None  # "zwischen 1200 und 1400 Metern": a count; not "nennen 1816 bis heute"
    return CalendarPeriod(MonthsOfYear(1, 12), year=int(match["year"]))


def year_before_noun(match: re.Match[str], grammar: Grammar) -> bool:
    """ "Die EU verhängte 2018 Sanktionen", "Zuletzt hatte Indien 2019 Ziele bombardiert": a recent year before a
    noun, right after a verb, an adverb or a subject, dates the clause. Counts that large are rounded ("2000
    Soldaten", "1950 Polizisten") or stand after an article, a preposition or a verb of counting ("die 2019
    Teilnehmer", "mit 2013 Stimmen", "zählte 2019 Demonstranten"; `count_openers`), and some nouns are only
    counted ("2019 Menschen"; `year_blocking_followers`)."""
    year = int(match["year"])
    if not MODERN_YEARS[0] <= year <= MODERN_YEARS[1] or year % ROUND_COUNT == 0:
        return False
    word = LAST_WORD.search(match.string, max(0, match.start() - LOOKBACK_CHARS), match.start())
    return (
        word is not None
        and word[1].lower() not in grammar.vocabulary.count_openers
        and not grammar.count_follower.match(match.string, match.end())
    )


ROUND_COUNT = 50  # a count of thousands is rounded to this at least ("1950 Soldaten"); a year need not be
LAST_WORD = re.compile(r"(\w+)\s+$")


def build_approximate_year(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "Um 800 gründeten Mönche ...", "Gegen 1850 erreichten die Gletscher ...": a number after "um" or "gegen"
    that opens the sentence, its verb after it, is a year (also before 1000), not a count as in "um 1500 Euro" or
    "stieg um 1850 auf 4000"."""
    return CalendarPeriod(MonthsOfYear(1, 12), year=int(match["year"]))


def build_section(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    groups = match.groupdict()
    number = int(groups["ordnum"]) if groups.get("ordnum") else grammar.vocabulary.ordinal_words[groups["ord"].lower()]
    section = (groups.get("section") or "quartal").lower()
    section = {"quartals": "quartal", "halbjahres": "halbjahr", "halbjahrs": "halbjahr"}.get(section, section)
    months = grammar.vocabulary.year_sections[section].get(number)
    if months is None:
        return None
    return replace(calendar(MonthsOfYear(*months), match, grammar), ahead_in_present=True)


def build_season(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    first, last = grammar.vocabulary.seasons[match["season"].lower()]
    groups = match.groupdict()
    direction = grammar.relative(groups.get("dir") or groups.get("dir2"))
    year = explicit_year(match)
    if year is not None and first > last and not groups.get("year2"):
        return None  # "Winter 2023" does not say which winter
    named = 0 if groups.get("named") else None  # "im Herbst des Jahres": of the year just named
    offset = -1 if groups.get("prior") else grammar.relative(groups.get("rel"))  # "im Herbst vergangenen Jahres"
    return CalendarPeriod(
        MonthsOfYear(first, last),
        year=year,
        year_offset=offset,
        direction=direction,
        named_year_offset=named,
    )


def build_calendar_week(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    week = int(match["week"] or match["week2"])
    if not 1 <= week <= 53:
        return None
    return CalendarPeriod(IsoWeek(week), year=explicit_year(match))


def build_period_part(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    part = match["part"]
    if match["unit"].lower() == "jahrzehnts":  # "Ende des Jahrzehnts": the whole decade, the part as mod
        return RelativeEpoch(grammar.relative(match["rel"]) or 0, 10, grammar.mod(part))
    if match["unit"].lower() == "jahrhunderts":  # "bis zur Mitte des Jahrhunderts": the century, the part as mod
        return RelativeEpoch(grammar.relative(match["rel"]) or 0, 100, grammar.mod(part))
    unit = {"woche": "week", "monats": "month", "monat": "month", "jahres": "year", "jahr": "year"}[
        match["unit"].lower()
    ]
    return RelativePeriod(unit, grammar.relative(match["rel"]) or 0, grammar.part(unit, part), grammar.mod(part))


def build_course_of_period(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    if match["season"]:
        first, last = grammar.vocabulary.seasons[match["season"].lower()]
        return CalendarPeriod(MonthsOfYear(first, last))
    return RelativePeriod(grammar.vocabulary.units[(match["unit"] or match["week"]).lower()], 0)


def build_relative_period(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    unit, offset = match["unit"].lower(), grammar.relative(match["rel"]) or 0
    if unit.startswith("jahrzehnt"):
        return RelativeEpoch(offset, 10)
    if unit.startswith("jahrhundert"):
        return RelativeEpoch(offset, 100)
    if unit.startswith("quartal"):
        return RelativePeriod("quarter", offset)
    return RelativePeriod(grammar.vocabulary.units[unit], offset)


def build_relative_noun(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    noun = match["noun"].lower()
    if noun in grammar.vocabulary.year_before_nouns:
        return YearBefore(grammar.vocabulary.year_before_nouns[noun])
    unit, offset, part = grammar.vocabulary.relative_nouns[noun]
    named = noun in grammar.vocabulary.year_anaphora
    return RelativePeriod(unit, offset, grammar.part(unit, part) if part else None, grammar.mod(part), named)


def build_night(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    groups = match.groupdict()
    if groups.get("wd"):
        return Night(to_day=WeekdayRef(grammar.vocabulary.weekdays[groups["wd"].lower()]))
    if groups.get("day"):  # "in der Nacht zum 3. Jänner 2013"
        return Night(to_day=calendar(DayOfMonth(grammar.month(groups["month"]), int(groups["day"])), match, grammar))
    relative = (groups.get("rel") or groups.get("rel2") or "").lower()
    after = (groups.get("after") or "").lower()
    if relative in ("folgenden", "darauffolgenden") or after in ("darauf", "danach"):
        return Night(anaphoric_offset=1)
    if after in ("zuvor", "davor"):
        return Night(anaphoric_offset=-1)
    if relative in ("kommenden", "nächsten", "kommende", "nächste"):
        return EveningNight(DayShift(0))  # the coming night: anchor day to the next
    if relative:
        return Night(to_day=DayShift(0))  # the past night: previous day to the anchor day
    return Night()


def build_weekday(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    weekday = grammar.vocabulary.weekdays[match["wd"].lower()]
    direction = grammar.relative(match["dir"])
    if direction is None and match.group().lower().startswith("an "):
        direction = 0  # "an diesem Montag"
    week = grammar.relative(match["week"])
    day = WeekdayRef(weekday, direction=direction, week_offset=week)
    return with_day_part(day, match["part"] or match["early"], grammar)


def build_weekday_of_month(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "der dritte Sonntag im September", "am letzten Samstag im Juni"."""
    ordinal = match["ord"].lower()
    nth = -1 if ordinal.startswith("letzte") else grammar.vocabulary.ordinal_words[ordinal]
    weekday = grammar.vocabulary.weekdays[match["wd"].lower()]
    return calendar(WeekdayOfMonth(grammar.month(match["month"]), nth, weekday), match, grammar)


def with_day_part(day: Resolvable, part: str | None, grammar: Grammar) -> Resolvable:
    """ "Montagabend" is a TIME on Monday; "Montagnacht" the night after Monday."""
    if part is None:
        return day
    code = grammar.vocabulary.day_parts[part.lower()]
    return EveningNight(day) if code == "NI" else DayPart(day, code)


def build_weekend(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    direction = grammar.relative(match["dir"])
    if direction is None and match.group().lower().startswith("an "):
        direction = 0
    return WeekendRef(direction, following=bool(match["following"] or match["after"]))


def build_anaphoric(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    phrase = re.sub(r"\s+", " ", match["phrase"].lower())
    return DayShift(grammar.vocabulary.anaphoric_days[phrase], anaphoric=True)


def build_same_day(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    phrase = match["phrase"] if "phrase" in match.re.groupindex else "am " + match["on_day"]
    code = grammar.vocabulary.same_day_phrases[re.sub(r"\s+", " ", phrase.lower())]
    day = DayShift(0, anaphoric=True)
    return DayPart(day, code) if code else day


def build_deictic(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    word = match["word"]
    days = grammar.vocabulary.deictic_days[word.lower()] if word else 1
    if (match["part"] or "").lower() == "nacht":
        return Night() if days == 0 else Night(to_day=DayShift(days + 1))
    return with_day_part(DayShift(days), match["part"], grammar)


def build_shift(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    amount = grammar.number(match["num"])
    unit = grammar.vocabulary.units[match["unit"].lower()]
    direction = (match.groupdict().get("dir") or "").lower()
    if direction:
        sign = -1 if direction in ("zuvor", "davor", "vorher", "früher") else 1
        return Shift(sign * amount, unit, anaphoric=True)
    sign = -1 if match.group().lower().startswith("vor") else 1
    return Shift(sign * amount, unit)


def build_clock_shift(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "eine Stunde später" = the clock time named last, an hour on; "30 Minuten zuvor" = half an hour before it."""
    minutes = grammar.number(match["num"]) * (60 if match["unit"].lower().startswith("stunde") else 1)
    sign = -1 if match["dir"].lower() in ("zuvor", "davor", "vorher") else 1
    return ClockShift(round(sign * minutes))


def build_duration_adjective(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "die zweitägige Konferenz" = P2D; "-jährig" only before a noun of a stretch of time ("150-jähriges
    Bestehen"), as it mostly gives an age ("der 45-jährige Minister"); capitalised inside a sentence it is part of a
    name ("der Dreißigjährige Krieg")."""
    suffix = match["suffix"]
    if suffix == "jährig" and not names_a_stretch(match.string[match.end() : match.end() + 40], grammar):
        return None
    opening = SENTENCE_OPENING.search(match.string, max(0, match.start() - 3), match.start())
    if match["num"][0].isupper() and not opening:
        return None
    return Duration(grammar.number(match["num"].rstrip("-")), grammar.vocabulary.duration_adjectives[suffix])


def names_a_stretch(after: str, grammar: Grammar) -> bool:
    """Does the noun after the adjective name a stretch of time ("Bestehen", "Haftstrafe")?"""
    noun = STRETCH_NOUN.match(after)
    return noun is not None and grammar.stretch_noun_end.search(noun[1].lower()) is not None


def build_vague_ago(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return VagueAgo(grammar.vocabulary.units[match["unit"].lower()])


def build_window(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "in den nächsten zwei Wochen" (the two weeks), "binnen 14 Tagen" (a time limit, `Within`)."""
    amount = grammar.number(match["num"])
    unit = grammar.vocabulary.units[match["unit"].lower()]
    direction = (match.groupdict().get("dir") or "").lower()
    limit = match.groupdict().get("limit") is not None  # "binnen", "innerhalb": a time limit
    if limit and direction in ("", "nächsten", "kommenden"):
        return Within(amount, unit, ahead=bool(direction))
    sign = -1 if direction in ("vergangenen", "letzten", "zurückliegenden") else 1
    return Window(sign * amount, unit, anaphoric=direction in ("folgenden", "darauffolgenden"))


def build_since_duration(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return SinceDuration(grammar.number(match["num"]), grammar.vocabulary.units[match["unit"].lower()])


def build_named_year(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "im selben Jahr", "im Jahr darauf": a year counted from the year just named."""
    word = (match["which"] or match["after"]).lower()
    offset = {"darauffolgenden": 1, "folgenden": 1, "darauf": 1, "danach": 1, "zuvor": -1, "davor": -1}.get(word, 0)
    return CalendarPeriod(MonthsOfYear(1, 12), named_year_offset=offset)


def build_new_year(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return NewYear()


def build_month_week(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "in der zweiten Januarwoche": the ISO week of the month's second Thursday."""
    ordinal = match["ord"].lower()
    nth = -1 if ordinal.startswith("letzte") else grammar.vocabulary.ordinal_words[ordinal]
    return calendar(MonthWeek(grammar.month(match["month"]), nth), match, grammar)


def build_holiday(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    name = match["name"].lower()
    if not is_holiday_reading(name, match.string[: match.start()], match.string[match.end() : match.end() + 3]):
        return None  # "an der Auffahrt zur A1", "an Nikolaus Harnoncourt"
    if name.startswith(NATIONAL_DAY):
        # the country named last before it, in its sentence or earlier in the text (a dateline's "Wien.")
        country = national_day_country(match.string[: match.start()])
        if country is None:
            return None  # whose national day is not said
        name = f"{NATIONAL_DAY}:{country}"
    day = CalendarPeriod(Holiday(name, night=name in grammar.vocabulary.holiday_nights), year=explicit_year(match))
    if match.groupdict().get("part"):
        return with_day_part(day, match["part"], grammar)
    return Bound(day) if BOUND_BEFORE.search(match.string, max(0, match.start() - 6), match.start()) else day


def build_holiday_weekend(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    word, vocabulary = match["weekend"].lower(), grammar.vocabulary
    name = vocabulary.holiday_weekends.get(word) or vocabulary.holiday_weeks[word]
    return HolidayWeekend(
        CalendarPeriod(Holiday(name), year=explicit_year(match)), whole_week=word in vocabulary.holiday_weeks
    )


def build_decade(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "in den 1990er Jahren", "die 90er-Jahre", "Mitte der 90er", "der frühen 1980er-Jahre" (two digits: the
    century by the pivot), "in den Achtzigerjahren" (a word: the last such decade before the text)."""
    part = match["part"] or match["stage"]
    if not (match["tail"] or part):
        return None  # a bare "90er" or "Neunziger" may be a bus line or a person of ninety
    mod = grammar.mod(part) if part else None
    if match.groupdict().get("word"):
        return NamedDecade(grammar.vocabulary.decade_words[match["word"].lower()], mod)
    digits = match["decade"]
    if len(digits) == 4:
        return Epoch(int(digits), 10, mod)
    if len(digits) == 2:
        return Epoch((1900 if int(digits) >= TWO_DIGIT_YEAR_PIVOT else 2000) + int(digits), 10, mod)
    return None


def build_century(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "im 19. Jahrhundert", "Ende des 19. Jahrhunderts", "im späten 17. Jahrhundert" (the whole century, the part
    or stage as TIMEX3 mod)."""
    return Epoch((int(match["century"]) - 1) * 100, 100, grammar.mod(match["part"] or match["stage"]))


def build_clock_time(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if hour == 24 and minute:
        return None
    if (match["part"] or "").lower() in ("nachmittags", "abends", "nachts") and 1 <= hour < 12:
        hour += 12
    return ClockTime(hour, minute)


CLOCK_FRACTIONS = {"halb": (-1, 30), "viertel nach": (0, 15), "viertel vor": (-1, 45), "dreiviertel": (-1, 45)}


def build_clock_words(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "um halb acht" = 7.30, "Viertel nach neun" = 9.15, "Viertel vor zwölf", "dreiviertel zwölf" = 11.45: the
    morning hour unless a part of the day after it says otherwise."""
    named = match["hour"].lower()
    hour = int(grammar.number("ein" if named == "eins" else named))
    offset, minute = CLOCK_FRACTIONS[" ".join(match["frac"].lower().replace("drei viertel", "dreiviertel").split())]
    hour = (hour + offset - 1) % 12 + 1  # "halb eins" = 12.30
    if (match["part"] or "").lower() in ("nachmittags", "abends", "nachts") and hour < 12:
        hour += 12
    return ClockTime(hour, minute)


def build_clock_range(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "zwischen 14 und 17 Uhr", "von 8 bis 18 Uhr": two clock times on one day; "von 22 Uhr bis 1 Uhr"
    ends on the next."""
    first = ClockTime(int(match["hour1"]), int(match["minute1"] or 0))
    last = ClockTime(int(match["hour"]), int(match["minute"] or 0))
    if (first.hour, first.minute) == (last.hour, last.minute) or (last.hour == 24 and last.minute):
        return None
    return Enumeration((first, last))


def build_duration(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "drei Tage lang", "rund fünf Stunden", "mehrere Wochen", "seit Jahren"."""
    groups = match.groupdict()
    after = match.string[match.end() : match.end() + 12].lower().split()
    if after and after[0].strip(",.") in grammar.vocabulary.duration_blocking_followers:
        return None  # "20 Jahre alt"
    if grammar.age_opener.search(match.string, max(0, match.start() - LOOKBACK_CHARS), match.start()):
        return None  # "im Alter von 96 Jahren"
    number = (groups.get("num") or "").lower()
    vague = (*grammar.vocabulary.vague_amounts, *grammar.vocabulary.genitive_vague_amounts)
    amount = None if not number or number in vague else grammar.number(number)
    return Duration(amount, grammar.vocabulary.duration_units[match["dunit"].lower()])


def build_clock_duration(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "in 2:09:14 Stunden" = PT2H9M14S, "nach 1:45 Minuten" = PT1M45S: hours, minutes and seconds of a clock
    reading; a zero part is left out."""
    if match["short_minutes"]:
        amounts = [(match["short_minutes"], "TM"), (match["short_seconds"], "TS")]
    else:
        amounts = [(match["hours"], "TH"), (match["minutes"], "TM"), (match["seconds"] or "0", "TS")]
    parts = tuple(Duration(float(amount), designator) for amount, designator in amounts if int(amount))
    if not parts:
        return None
    return CompoundDuration(parts) if len(parts) > 1 else parts[0]


def build_vague_duration(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return Duration(*grammar.vocabulary.vague_durations[match["word"].lower()])


NTH = {"zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5}


def build_set_every(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "jeden Montag" = XXXX-WXX-1, "jedes Jahr" = P1Y; "jedes zweite Jahr" = P2Y, "jeden zweiten Sonntag" =
    XXXX-WXX-7 (a day's value has no room for the step)."""
    value = grammar.vocabulary.set_nouns[match["noun"].lower()]
    nth = (match.groupdict().get("nth") or "").lower()
    return Recurrence(f"P{NTH[nth]}{value[2:]}" if nth and value.startswith("P1") else value)


def build_set_word(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return Recurrence(grammar.vocabulary.set_words[match["word"].lower()])


def build_set_interval(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "alle zwei Jahre" = every two years (P2Y)."""
    designator = grammar.vocabulary.duration_units[match["dunit"].lower()]
    return Recurrence(duration_value(grammar.number(match["num"]), designator))


AHEAD_ONLY_BLOCKERS = re.compile(r"\s+(?:\d|(?:darauf|danach|nach|nachdem)\b)", re.I)


def build_vague_reference(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    phrase = re.sub(r"\s+", " ", match["word"].lower())
    vocabulary = grammar.vocabulary
    ahead_only = phrase in vocabulary.ahead_only_references
    following = match.string[match.end() : match.end() + 12].split()
    if ahead_only and (
        AHEAD_ONLY_BLOCKERS.match(match.string, match.end())
        or (following and following[0].lower() in vocabulary.number_words)
        or match.string[: match.start()].lower().endswith("so ")
    ):
        return None  # "bald darauf", "seit bald 30 Jahren", "so bald wie möglich"
    return VagueReference(vocabulary.vague_references[phrase], phrase in vocabulary.comparative_references, ahead_only)
