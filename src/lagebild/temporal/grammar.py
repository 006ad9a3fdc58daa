"""The German grammar of temporal expressions: patterns that turn text into `Mention`s.

Steps, in order:
1. every rule's pattern runs over the text; its builder turns a match into a value or refuses it;
2. the longest matches win, without overlaps (an earlier rule wins a tie);
3. neighbouring mentions joined by "bis" (or "zwischen ... und") become one range;
4. a mention after "seit" becomes an interval that runs up to the anchor.
A range or enumeration keeps its pieces ("vom 2." and "4. Juni"): each is a TIMEX3 of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from lagebild.calendar_de import NATIONAL_DAY, national_day_country
from lagebild.temporal.gates import build_gates, rule_gates
from lagebild.temporal.mentions import (
    Bound,
    CalendarPeriod,
    ClockTime,
    DayOfMonth,
    DayPart,
    DayShift,
    DaysOfMonth,
    Duration,
    Enumeration,
    Epoch,
    EveningNight,
    Holiday,
    IsoWeek,
    MonthsOfYear,
    Night,
    Range,
    Recurrence,
    RelativePeriod,
    Resolvable,
    Shift,
    Since,
    SinceDuration,
    VagueReference,
    WeekdayRef,
    WeekendRef,
    Window,
)
from lagebild.temporal.timex import duration_value
from lagebild.temporal.vocabulary import Vocabulary, alternation, load_vocabulary

TWO_DIGIT_YEAR_PIVOT = 50  # "3.10.90" is 1990, "4.9.23" is 2023
EARLIEST_BARE_YEAR = 1900  # before it, a number in a pair ("1200 und 1400") is a count, not a year
LOOKBACK_CHARS = 24
NATIONAL_DAY_LOOKBACK = 120  # text before "Nationalfeiertag" searched for the country it belongs to
BOUND_BEFORE = re.compile(
    r"\b(?:vor|nach)\s+$", re.I
)  # "vor Weihnachten": a bound, not the day  # text before a match read to judge triggers ("im Jahr", "seit")
PIECE_GROUP = re.compile(r"p\d|plast")  # pattern groups that hold one piece of a range or list

Piece = tuple[int, int, Resolvable]  # span and value of one TIMEX3 inside a range or enumeration


@dataclass(frozen=True)
class Mention:
    """A temporal expression found in the text: its span and what it means."""

    start: int
    end: int
    value: Resolvable
    pieces: tuple[Piece, ...] = ()  # the TIMEX3s of a range or enumeration, in text order


Builder = Callable[[re.Match[str], "Grammar"], Resolvable | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Builder
    gates: tuple[str, ...] = ()  # gates (lagebild.temporal.gates) that every match of the rule opens


class Grammar:
    """The compiled rules for one language's vocabulary."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.fragments = build_fragments(vocabulary)
        self.rules = build_rules(self.fragments)
        self.gates = build_gates(vocabulary)
        self.range_connector = re.compile(r"\s*(?:bis(?:\s+(?:zum|zur|einschließlich))?|-|–)\s*", re.I)
        self.between_connector = re.compile(r"\s*und(?:\s+(?:dem|der))?\s*", re.I)
        self.range_opener = re.compile(r"(?:\b(?:vom|von|zwischen)(?:\s+(?:dem|der))?)\s*$", re.I)
        self.between_opener = re.compile(r"\bzwischen(?:\s+(?:dem|der))?\s*$", re.I)
        self.since_opener = re.compile(r"\bseit(?:\s+(?:dem|der|den))?\s+$", re.I)
        self.year_trigger = re.compile(rf"\b(?:{alternation(vocabulary.year_triggers)})\s+$", re.I)
        self.age_opener = re.compile(rf"\b(?:{alternation(vocabulary.duration_blocking_openers)})\s+$", re.I)
        self.year_blocker = re.compile(rf"\b(?:{alternation(vocabulary.year_blockers)})\.?\s+$", re.I)
        self.count_follower = re.compile(rf"\s+(?:{alternation(vocabulary.year_blocking_followers)})\b", re.I)
        self.noun_follower = re.compile(r"\s+(?:[A-ZÄÖÜ]|(?:km|kg|m|t|mal|stück|prozent|mio|mrd)\b)")

    def number(self, text: str) -> float:
        word = text.lower()
        return float(word) if word.isdigit() else self.vocabulary.number_words[word]

    def month(self, text: str) -> int:
        word = text.lower().rstrip(".")
        return int(word) if word.isdigit() else self.vocabulary.months[word]

    def relative(self, text: str | None) -> int | None:
        return None if text is None else self.vocabulary.relative_words[text.lower()]

    def part(self, unit: str, word: str) -> tuple[int, int]:
        return self.vocabulary.period_parts[unit][word.lower()]

    def mod(self, word: str | None) -> str | None:
        return None if word is None else self.vocabulary.part_mods[word.lower()]

    def counts_something(self, text: str, end: int) -> bool:
        """Is the number ending at `end` a count of what follows ("1500 Demonstranten")?"""
        after = text[end : end + 20]
        return bool(self.noun_follower.match(after) or self.count_follower.match(after))


@cache
def load_grammar(language: str = "de") -> Grammar:
    return Grammar(load_vocabulary(language))


def find_mentions(text: str, grammar: Grammar | None = None, cuts: Sequence[int] = ()) -> list[Mention]:
    """All temporal expressions in `text`, longest first without overlaps, sorted by offset.

    `cuts` (offsets, ascending) split the text into windows that no expression crosses, e.g. at
    the start of each sentence: a rule then scans only the windows whose gates it passes."""
    grammar = grammar or load_grammar()
    rules = open_rules(text, grammar, list(enumerate(grammar.rules)))
    bounds = [0, *(cut for cut in cuts if 0 < cut < len(text)), len(text)]
    candidates: list[Candidate] = []
    for start, end in itertools.pairwise(bounds):
        window_rules = rules if len(bounds) == 2 else open_rules(text[start:end], grammar, rules)
        candidates.extend(window_candidates(text, start, end, window_rules, grammar))
    mentions = select_longest(candidates)
    mentions = join_ranges(text, mentions, grammar)
    return attach_since(text, mentions, grammar)


def open_rules(text: str, grammar: Grammar, rules: list[tuple[int, Rule]]) -> list[tuple[int, Rule]]:
    """The (priority, rule) pairs whose gates `text` opens; the others cannot match in it."""
    folded = text.casefold()
    asked = {name for _, rule in rules for name in rule.gates}
    closed = {name for name in asked if not grammar.gates[name].opens(text, folded)}
    return [(priority, rule) for priority, rule in rules if closed.isdisjoint(rule.gates)]


Candidate = tuple[int, int, int, Resolvable, tuple[Piece, ...]]


def window_candidates(
    text: str, start: int, end: int, rules: list[tuple[int, Rule]], grammar: Grammar
) -> list[Candidate]:
    """The rules' matches inside text[start:end] (lookbehinds still see the text before `start`)."""
    candidates = []
    for priority, rule in rules:
        for match in rule.pattern.finditer(text, start, end):
            value = rule.build(match, grammar)
            span_start, span_end = core_span(match)
            if value is not None and span_end > span_start:
                candidates.append((span_start, span_end, priority, value, match_pieces(match, value)))
    return candidates


def match_pieces(match: re.Match[str], value: Resolvable) -> tuple[Piece, ...]:
    """The pieces of a range or list matched by one pattern: its groups p1, p2, ..., plast."""
    items = (
        value.items if isinstance(value, Enumeration) else (value.first, value.last) if isinstance(value, Range) else ()
    )
    spans = [match.span(name) for name in match.re.groupindex if PIECE_GROUP.fullmatch(name) and match.group(name)]
    if not items or len(spans) != len(items):
        return ()
    return tuple((start, end, item) for (start, end), item in zip(sorted(spans), items, strict=True))


def core_span(match: re.Match[str]) -> tuple[int, int]:
    """The span of the named group `core` when the pattern has one (context words excluded)."""
    if "core" in match.re.groupindex and match.group("core") is not None:
        return match.span("core")
    return match.span()


def select_longest(candidates: list[Candidate]) -> list[Mention]:
    taken: list[Mention] = []
    for start, end, _, value, pieces in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(end <= other.start or start >= other.end for other in taken):
            taken.append(Mention(start, end, value, pieces))
    return sorted(taken, key=lambda mention: mention.start)


def join_ranges(text: str, mentions: list[Mention], grammar: Grammar) -> list[Mention]:
    """ "vom 10. September bis 2. Oktober", "zwischen Montag und Mittwoch" -> one range each."""
    joined: list[Mention] = []
    index = 0
    while index < len(mentions):
        current = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and is_range(text, current, following, grammar):
            opener = grammar.range_opener.search(text, 0, current.start)
            start = opener.start() if opener else current.start
            pieces = (*pieces_of(current), *pieces_of(following))
            joined.append(Mention(start, following.end, Range(current.value, following.value), pieces))
            index += 2
            continue
        joined.append(current)
        index += 1
    return joined


def pieces_of(mention: Mention) -> tuple[Piece, ...]:
    return mention.pieces or ((mention.start, mention.end, mention.value),)


def is_range(text: str, first: Mention, last: Mention, grammar: Grammar) -> bool:
    if not same_kind(first.value, last.value):
        return False
    gap = text[first.end : last.start]
    if grammar.range_connector.fullmatch(gap):
        return True
    return bool(grammar.between_connector.fullmatch(gap) and grammar.between_opener.search(text, 0, first.start))


def same_kind(first: Resolvable, last: Resolvable) -> bool:
    if isinstance(first, CalendarPeriod) and isinstance(last, CalendarPeriod):
        return type(first.build) is type(last.build)
    return type(first) is type(last) and isinstance(first, WeekdayRef)


def attach_since(text: str, mentions: list[Mention], grammar: Grammar) -> list[Mention]:
    attached = []
    for mention in mentions:
        window_start = max(0, mention.start - LOOKBACK_CHARS)
        opener = grammar.since_opener.search(text[window_start : mention.start])
        if opener and not isinstance(mention.value, Since | SinceDuration):
            attached.append(Mention(window_start + opener.start(), mention.end, Since(mention.value), mention.pieces))
        else:
            attached.append(mention)
    return attached


# Fragments: regular-expression pieces built from the vocabulary.


def build_fragments(v: Vocabulary) -> dict[str, str]:
    return {
        "month": alternation(v.months),
        "full_month": alternation(v.full_month_names),
        "weekday": alternation(v.weekdays),
        "number": rf"\d{{1,3}}|{alternation(v.number_words)}",
        "ordinal": alternation(v.ordinal_words),
        "unit": alternation(v.units),
        "relative": alternation(v.relative_words),
        "relative_noun": alternation(v.relative_nouns),
        "deictic": alternation(v.deictic_days),
        "anaphoric": alternation(v.anaphoric_days),
        "same_day": alternation(v.same_day_phrases),
        "day_part": alternation(v.day_parts),
        "weekday_adjective": alternation(v.weekday_adjectives),
        "part": alternation({part for parts in v.period_parts.values() for part in parts}),
        "section": alternation(v.year_sections) + "|quartals|halbjahres|halbjahrs",
        "season": alternation(v.seasons),
        "month_trigger": alternation(set(v.month_triggers) - set(v.period_parts["month"]) - {"im", "in"}),
        "local_time": r"(?:\s*\((?:ortszeit|[^()]{0,25}\bortszeit|mez|mesz|utc|gmt)\))?",
        "year": r"(?:1[0-9]|20)\d{2}",
        "holiday": alternation(v.holidays),
        "holiday_night": alternation(v.holiday_nights),
        "duration_unit": alternation(v.duration_units),
        "vague_amount": alternation(v.vague_amounts),
        "approx": alternation(v.approximations),
        "vague_duration": alternation(v.vague_durations),
        "set_word": alternation(v.set_words),
        "set_noun": alternation(v.set_nouns),
        "vague_reference": alternation(v.vague_references),
    }


def build_rules(f: dict[str, str]) -> list[Rule]:
    """The rules, most specific first (an earlier rule wins a tie in length)."""
    lt = f["local_time"]
    year_suffix = rf"(?:,?\s+(?P<year>{f['year']})|\s+(?:des\s+)?(?P<rel>{f['relative']})\s+jahres)"
    specs: list[tuple[str, str, Builder]] = [
        ("iso_date", r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])", build_day_date),
        (
            "day_range",
            rf"(?:\b(?P<opener>vom|von|zwischen)(?:\s+dem)?\s+)?(?<![\d.])(?P<p1>(?P<day1>[0-3]?\d)\.)\s*"
            rf"(?P<conn>bis(?:\s+zum)?|und(?:\s+dem)?|-|–|/)\s*(?P<plast>(?P<day>[0-3]?\d)\.\s*(?P<month>{f['month']})\b\.?"
            rf"{year_suffix}?){lt}",
            build_day_range,
        ),
        (
            "day_month_name",
            rf"(?:\bam\s+)?(?:\b(?P<wd>{f['weekday']}),?\s+(?:(?:den|dem)\s+)?)?(?<![\d.])"
            rf"(?P<day>[0-2]?\d|3[01])\.\s*(?P<month>{f['month']})\b\.?{year_suffix}?{lt}",
            build_day_date,
        ),
        (
            "numeric_date",
            rf"(?:\bam\s+)?(?:\b(?P<wd>{f['weekday']}),?\s+(?:den\s+)?)?(?<![\d.])(?P<day>[0-2]?\d|3[01])\."
            r"(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d{2}|\d{2}(?!\d))?(?![\d]|\.\d)" + lt,
            build_day_date,
        ),
        (
            "day_list",
            rf"(?<![\d.])(?P<p1>(?P<d1>[0-3]?\d)\.)\s*,\s*(?P<p2>(?P<d2>[0-3]?\d)\.)(?:\s*,\s*(?P<p3>(?P<d3>[0-3]?\d)\.))?"
            rf"\s*,?\s*(?:und|sowie|oder)\s+(?P<plast>(?P<day>[0-3]?\d)\.\s*(?P<month>{f['month']})\b\.?{year_suffix}?)",
            build_day_list,
        ),
        (
            "month_year",
            rf"(?:\b(?:im|in)\s+)?\b(?P<month>{f['month']})\b\.?"
            rf"(?:{year_suffix}|\s+(?P<named>des\s+(?:selben\s+|gleichen\s+)?jahres)\b)",
            build_month,
        ),
        (
            "month_part",
            rf"\b(?P<part>{f['part']})\s+(?P<month>{f['month']})\b\.?{year_suffix}?",
            build_month_part,
        ),
        ("month_in", rf"\b(?:im|in)\s+(?P<month>{f['full_month']})\b", build_month),
        ("month_after_trigger", rf"\b(?:{f['month_trigger']})\s+(?P<core>(?P<month>{f['full_month']}))\b", build_month),
        (
            "month_directed",
            rf"(?:\bim\s+)?\b(?P<dir>{f['relative']})\s+(?P<month>{f['full_month']})\b",
            build_month,
        ),
        (
            "month_range",
            rf"(?:\b(?P<opener>von|vom|zwischen)\s+)?\b(?P<p1>(?P<month1>{f['full_month']})(?:\s+(?P<year1>{f['year']}))?)"
            rf"\s*(?P<conn>bis|und|sowie|oder|-|–)\s*(?P<plast>(?P<month>{f['full_month']})\b{year_suffix}?)",
            build_month_range,
        ),
        ("year_part", rf"\b(?P<part>{f['part']})\s+(?P<year>{f['year']})\b", build_year_part),
        (
            "year_range",
            rf"(?:\b(?P<opener>von|zwischen)\s+)?(?<![\d.,/])(?P<p1>(?P<year1>{f['year']}))\s*(?P<conn>bis|und|-|–)\s*"
            rf"(?P<plast>(?P<year>{f['year']}))(?![\d])",
            build_year_range,
        ),
        (
            "year",
            rf"(?:\b(?:im\s+jahre?|des\s+jahres)\s+)?(?<![\d.,/-])(?P<year>{f['year']})(?![\d]|[.,]\d|/\d|-\d)",
            build_year,
        ),
        (
            "section",
            rf"(?:\b(?:im|in\s+der|das|dem|des|der)\s+)?(?:\b(?P<ord>{f['ordinal']})|(?<![\d.])(?P<ordnum>[1-4])\.)"
            rf"\s+(?P<section>{f['section']})\b(?:{year_suffix}|\s+(?:des|dieses)\s+jahres)?",
            build_section,
        ),
        ("quarter_code", rf"\bQ(?P<ordnum>[1-4])(?:\s*/?\s*(?P<year>{f['year']}))?\b", build_section),
        (
            "season",
            rf"(?:\b(?:im|in\s+diesem|in\s+dem|dem)\s+|\b(?P<dir>{f['relative']})\s+|\bim\s+(?P<dir2>{f['relative']})\s+)"
            rf"(?P<season>{f['season']})\b(?:\s+(?P<year>{f['year']})(?:/(?P<year2>\d{{2}}|\d{{4}}))?"
            rf"|\s+(?P<named>des\s+(?:selben\s+|gleichen\s+)?jahres)\b)?",
            build_season,
        ),
        (
            "season_year",
            rf"\b(?P<season>{f['season']})\s+(?P<year>{f['year']})(?:/(?P<year2>\d{{2}}|\d{{4}}))?\b",
            build_season,
        ),
        (
            "calendar_week",
            rf"(?:\bin\s+der\s+)?(?:(?<![\d.])(?P<week>\d{{1,2}})\.\s*(?:kalenderwoche|kw)\b|\bkw\s*(?P<week2>\d{{1,2}})\b)"
            rf"(?:\s+(?P<year>{f['year']}))?",
            build_calendar_week,
        ),
        (
            "period_part",
            rf"\b(?P<part>{f['part']})\s+(?:(?:der|des)\s+)?(?:(?P<rel>{f['relative']})\s+)?"
            r"(?P<unit>woche|monats|jahres)\b",
            build_period_part,
        ),
        (
            "relative_period",
            rf"(?:\b(?:im|in|in\s+der|des|der)\s+)?\b(?P<rel>{f['relative']})\s+(?P<unit>woche|monat|monats|jahr|jahres|jahrs)\b",
            build_relative_period,
        ),
        ("relative_noun", rf"(?:\b(?:im|zum|am|des)\s+)?\b(?P<noun>{f['relative_noun']})\b", build_relative_noun),
        (
            "named_year",
            r"\b(?:im|in)\s+(?P<which>selben|gleichen|demselben|jenem|darauffolgenden|folgenden)\s+jahre?\b"
            r"|\b(?:im\s+)?jahre?\s+(?P<after>darauf|danach|zuvor|davor)\b",
            build_named_year,
        ),
        (
            "holiday",
            rf"\b(?P<name>{f['holiday']})\b(?:\s+(?P<year>{f['year']}))?",
            build_holiday,
        ),
        ("holiday_night", rf"\b(?P<name>{f['holiday_night']})\b(?:\s+(?P<year>{f['year']}))?", build_holiday),
        (
            "decade",
            r"(?<![\d.])(?P<decade>(?:1[0-9]|20)?[0-9]0)er(?:\s*-?\s*)jahren?e?\b",
            build_decade,
        ),
        ("century", r"(?<![\d.])(?P<century>[1-9]|1\d|2[01])\.\s*jahrhunderts?\b", build_century),
        (
            "clock_time",
            r"(?:\b(?:um|gegen|ab|bis|seit|kurz\s+vor|kurz\s+nach)\s+)?(?<![\d.,:])(?P<hour>[01]?\d|2[0-4])"
            r"(?:[.:](?P<minute>[0-5]\d))?\s*uhr\b(?:\s+(?P<part>morgens|früh|vormittags|mittags|nachmittags|abends|nachts))?"
            + lt,
            build_clock_time,
        ),
        (
            "clock_range",
            r"(?<![\d.,:])(?P<p1>(?P<hour1>[01]?\d|2[0-4])(?:[.:](?P<minute1>[0-5]\d))?)\s*(?:und|bis|-|–)\s*"
            r"(?P<plast>(?P<hour>[01]?\d|2[0-4])(?:[.:](?P<minute>[0-5]\d))?\s*uhr)\b",
            build_clock_range,
        ),
        (
            "duration",
            rf"(?:\b(?P<approx>{f['approx']}|ersten|letzten)\s+)?\b(?P<num>{f['number']}|{f['vague_amount']})\s+"
            rf"(?P<dunit>{f['duration_unit']})\b",
            build_duration,
        ),
        (
            "duration_ahead",
            r"\b(?:die|den|der)\s+(?P<core>(?:nächsten|kommenden|vergangenen|letzten|ersten|folgenden)\s+"
            r"(?P<dunit>jahre|jahren|monate|monaten|wochen|tage|tagen|stunden))\b",
            build_duration,
        ),
        (
            "duration_plural",
            r"\bseit\s+(?P<core>(?P<dunit>jahren|jahrzehnten|monaten|wochen|tagen|stunden))\b",
            build_duration,
        ),
        ("vague_duration", rf"\b(?P<word>{f['vague_duration']})\b", build_vague_duration),
        ("set_every", rf"\b(?:jede[nrs]?|alle)\s+(?P<noun>{f['set_noun']})\b", build_set_every),
        ("set_word", rf"\b(?P<word>{f['set_word']})\b", build_set_word),
        ("set_interval", rf"\balle\s+(?P<num>{f['number']})\s+(?P<dunit>{f['duration_unit']})\b", build_set_interval),
        (
            "set_frequency",
            r"\b(?:einmal|zweimal|dreimal|viermal|mehrmals|\d+\s*-?\s*mal)\s+(?:im|in\s+der|pro|am|die|jede[nrs]?)\s+"
            r"(?P<noun>tag|woche|monat|jahr)\b",
            build_set_every,
        ),
        ("vague_reference", rf"\b(?P<word>{f['vague_reference']})\b(?!\s+als\b)", build_vague_reference),
        (
            "night_to",
            rf"\bin\s+der\s+nacht\s+(?:(?:zum|zu|auf|auf\s+den)\s+|von\s+(?:{f['weekday']})\s+(?:auf|zum|zu)\s+)"
            rf"(?P<wd>{f['weekday']})\b{lt}",
            build_night,
        ),
        (
            "night",
            rf"\b(?:in\s+der\s+(?P<rel>vergangenen|letzten|folgenden|darauffolgenden|kommenden|nächsten)\s+nacht"
            rf"|in\s+der\s+nacht(?:\s+(?P<after>zuvor|davor|darauf|danach))?"
            rf"|(?P<rel2>vergangene|letzte|kommende|nächste)\s+nacht)\b{lt}",
            build_night,
        ),
        (
            "weekday",
            rf"(?:\b(?:am|an\s+diesem|an\s+dem)\s+)?(?:\b(?P<dir>{f['relative']})\s+)?(?:\b(?:{f['weekday_adjective']})\s+)?"
            rf"\b(?P<wd>{f['weekday']})(?P<part>{f['day_part']})?\b(?!-)"
            rf"(?:\s+(?:der\s+)?(?P<week>{f['relative']})\s+woche\b)?{lt}",
            build_weekday,
        ),
        (
            "weekend",
            rf"(?:\b(?:am|an\s+diesem|übers|über\s+das)\s+)?(?:\b(?P<dir>{f['relative']})\s+)?\bwochenende\b",
            build_weekend,
        ),
        ("anaphoric_day", rf"\b(?P<phrase>{f['anaphoric']})\b{lt}", build_anaphoric),
        ("same_day", rf"\b(?P<phrase>{f['same_day']})\b{lt}", build_same_day),
        (
            "deictic_day",
            rf"(?:\b(?P<word>{f['deictic']})|(?<![\w-])(?P<tomorrow>(?-i:morgen))|(?:^|(?<=[.!?:]\s)|(?<=\n))(?P<tomorrow2>Morgen))"
            rf"(?:\s+(?P<part>{f['day_part']}))?\b(?!-){lt}",
            build_deictic,
        ),
        (
            "shift_back",
            rf"\bvor\s+(?:(?:gut|rund|knapp|etwa|fast|ungefähr|genau)\s+)?(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b",
            build_shift,
        ),
        ("shift_ahead", rf"\bin\s+(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b", build_shift),
        (
            "shift_anaphoric",
            rf"\b(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\s+(?P<dir>später|danach|darauf|zuvor|davor|vorher|früher)\b",
            build_shift,
        ),
        (
            "window",
            rf"\b(?:in|innerhalb|während|im\s+laufe)\s+(?:der|den)\s+(?P<dir>nächsten|kommenden|vergangenen|letzten|"
            rf"zurückliegenden|folgenden|darauffolgenden)\s+(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b",
            build_window,
        ),
        (
            "window_within",
            rf"\b(?:innerhalb\s+von|innerhalb|binnen)\s+(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b",
            build_window,
        ),
        (
            "since_duration",
            rf"\bseit\s+(?:(?:gut|rund|knapp|etwa|fast|über|mehr\s+als|genau)\s+)?(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b",
            build_since_duration,
        ),
    ]
    gates = rule_gates()
    return [Rule(name, re.compile(pattern, re.I), build, gates.get(name, ())) for name, pattern, build in specs]


# Builders: one match in, one value out (None refuses the match).


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
        year_offset=grammar.relative(groups.get("rel")),
        direction=direction,
        named_year_offset=0 if groups.get("named") else None,  # "im März des Jahres": of the year just named
    )


def build_day_date(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    day, month = int(match["day"]), grammar.month(match["month"])
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return calendar(DayOfMonth(month, day), match, grammar)


def build_day_range(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "vom 2. bis 4. Juni" (a range), "am 8. und 9. Mai" (two days; with "zwischen" a range)."""
    first, last, month = int(match["day1"]), int(match["day"]), grammar.month(match["month"])
    if not 1 <= first < last <= 31:
        return None
    ends = (CalendarPeriod(DayOfMonth(month, first)), calendar(DayOfMonth(month, last), match, grammar))
    connector = match["conn"].lower()
    if connector.startswith("und") and (match["opener"] or "").lower() != "zwischen":
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
    month = grammar.month(match["month"])
    direction = grammar.relative(match.groupdict().get("dir"))
    return calendar(DaysOfMonth(month, 1, -1), match, grammar, direction=direction)


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
    if first >= last or grammar.counts_something(match.string, match.end()):
        return None  # "zwischen 1200 und 1400 Metern"
    return Range(CalendarPeriod(MonthsOfYear(1, 12), year=first), CalendarPeriod(MonthsOfYear(1, 12), year=last))


def build_year(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """A bare four-digit number is a year after a trigger word or when no noun follows it."""
    text = match.string
    before = text[max(0, match.start() - LOOKBACK_CHARS) : match.start()]
    named = match.group().lower().startswith(("im", "des"))
    if not named and not grammar.year_trigger.search(before):
        if grammar.year_blocker.search(before) or grammar.counts_something(text, match.end()):
            return None
        if int(match["year"]) < EARLIEST_BARE_YEAR and re.match(r"\s*(?:und|bis|oder|auf|-|–)\s", text[match.end() :]):
            return None  # "zwischen 1200 und 1400 Metern": a count
    return CalendarPeriod(MonthsOfYear(1, 12), year=int(match["year"]))


def build_section(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    groups = match.groupdict()
    number = int(groups["ordnum"]) if groups.get("ordnum") else grammar.vocabulary.ordinal_words[groups["ord"].lower()]
    section = (groups.get("section") or "quartal").lower()
    section = {"quartals": "quartal", "halbjahres": "halbjahr", "halbjahrs": "halbjahr"}.get(section, section)
    months = grammar.vocabulary.year_sections[section].get(number)
    if months is None:
        return None
    return calendar(MonthsOfYear(*months), match, grammar)


def build_season(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    first, last = grammar.vocabulary.seasons[match["season"].lower()]
    groups = match.groupdict()
    direction = grammar.relative(groups.get("dir") or groups.get("dir2"))
    year = explicit_year(match)
    if year is not None and first > last and not groups.get("year2"):
        return None  # "Winter 2023" does not say which winter
    named = 0 if groups.get("named") else None  # "im Herbst des Jahres": of the year just named
    return CalendarPeriod(MonthsOfYear(first, last), year=year, direction=direction, named_year_offset=named)


def build_calendar_week(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    week = int(match["week"] or match["week2"])
    if not 1 <= week <= 53:
        return None
    return CalendarPeriod(IsoWeek(week), year=explicit_year(match))


def build_period_part(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    unit = {"woche": "week", "monats": "month", "jahres": "year"}[match["unit"].lower()]
    part = match["part"]
    return RelativePeriod(unit, grammar.relative(match["rel"]) or 0, grammar.part(unit, part), grammar.mod(part))


def build_relative_period(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    unit = grammar.vocabulary.units[match["unit"].lower()]
    return RelativePeriod(unit, grammar.relative(match["rel"]) or 0)


def build_relative_noun(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    unit, offset, part = grammar.vocabulary.relative_nouns[match["noun"].lower()]
    return RelativePeriod(unit, offset, grammar.part(unit, part) if part else None, grammar.mod(part))


def build_night(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    groups = match.groupdict()
    if groups.get("wd"):
        return Night(to_day=WeekdayRef(grammar.vocabulary.weekdays[groups["wd"].lower()]))
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
    return with_day_part(day, match["part"], grammar)


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
    return WeekendRef(direction)


def build_anaphoric(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    phrase = re.sub(r"\s+", " ", match["phrase"].lower())
    return DayShift(grammar.vocabulary.anaphoric_days[phrase], anaphoric=True)


def build_same_day(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    code = grammar.vocabulary.same_day_phrases[re.sub(r"\s+", " ", match["phrase"].lower())]
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


def build_window(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    amount = grammar.number(match["num"])
    unit = grammar.vocabulary.units[match["unit"].lower()]
    direction = (match.groupdict().get("dir") or "nächsten").lower()
    sign = -1 if direction in ("vergangenen", "letzten", "zurückliegenden") else 1
    return Window(sign * amount, unit, anaphoric=direction in ("folgenden", "darauffolgenden"))


def build_since_duration(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return SinceDuration(grammar.number(match["num"]), grammar.vocabulary.units[match["unit"].lower()])


def build_named_year(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "im selben Jahr", "im Jahr darauf": a year counted from the year just named."""
    word = (match["which"] or match["after"]).lower()
    offset = {"darauffolgenden": 1, "folgenden": 1, "darauf": 1, "danach": 1, "zuvor": -1, "davor": -1}.get(word, 0)
    return CalendarPeriod(MonthsOfYear(1, 12), named_year_offset=offset)


def build_holiday(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    name = match["name"].lower()
    if name.startswith(NATIONAL_DAY):
        country = national_day_country(match.string[max(0, match.start() - NATIONAL_DAY_LOOKBACK) : match.start()])
        if country is None:
            return None  # whose national day is not said
        name = f"{NATIONAL_DAY}:{country}"
    day = CalendarPeriod(Holiday(name, night=name in grammar.vocabulary.holiday_nights), year=explicit_year(match))
    return Bound(day) if BOUND_BEFORE.search(match.string, max(0, match.start() - 6), match.start()) else day


def build_decade(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    digits = match["decade"]
    year = (
        int(digits)
        if len(digits) == 4
        else 1900 + int(digits)
        if int(digits) >= TWO_DIGIT_YEAR_PIVOT
        else 2000 + int(digits)
    )
    return Epoch(year, 10) if len(digits) in (2, 4) else None


def build_century(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return Epoch((int(match["century"]) - 1) * 100, 100)


def build_clock_time(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if hour == 24 and minute:
        return None
    if (match["part"] or "").lower() in ("nachmittags", "abends", "nachts") and 1 <= hour < 12:
        hour += 12
    return ClockTime(hour, minute)


def build_clock_range(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "zwischen 14 und 17 Uhr", "von 8 bis 18 Uhr": two clock times on one day."""
    first = ClockTime(int(match["hour1"]), int(match["minute1"] or 0))
    last = ClockTime(int(match["hour"]), int(match["minute"] or 0))
    if (first.hour, first.minute) >= (last.hour, last.minute) or (last.hour == 24 and last.minute):
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
    amount = None if not number or number in grammar.vocabulary.vague_amounts else grammar.number(number)
    return Duration(amount, grammar.vocabulary.duration_units[match["dunit"].lower()])


def build_vague_duration(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return Duration(*grammar.vocabulary.vague_durations[match["word"].lower()])


def build_set_every(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return Recurrence(grammar.vocabulary.set_nouns[match["noun"].lower()])


def build_set_word(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    return Recurrence(grammar.vocabulary.set_words[match["word"].lower()])


def build_set_interval(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    """ "alle zwei Jahre" = every two years (P2Y)."""
    designator = grammar.vocabulary.duration_units[match["dunit"].lower()]
    return Recurrence(duration_value(grammar.number(match["num"]), designator))


def build_vague_reference(match: re.Match[str], grammar: Grammar) -> Resolvable | None:
    phrase = re.sub(r"\s+", " ", match["word"].lower())
    return VagueReference(grammar.vocabulary.vague_references[phrase])
