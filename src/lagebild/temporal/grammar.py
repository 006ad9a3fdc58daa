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
from dataclasses import dataclass, replace
from functools import cache, partial

from lagebild.entities.lexicon import country_entries
from lagebild.temporal import builders
from lagebild.temporal.builders import LOOKBACK_CHARS
from lagebild.temporal.gates import WordIndex, build_gates, opened_between, rule_gates, window_test
from lagebild.temporal.mentions import (
    COMPOUND_DESIGNATORS,
    CalendarPeriod,
    CompoundDuration,
    Duration,
    Enumeration,
    MonthsOfYear,
    Range,
    RelativePeriod,
    Resolvable,
    Rest,
    Since,
    SinceDuration,
    WeekdayRef,
)
from lagebild.temporal.vocabulary import Vocabulary, alternation, load_vocabulary

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

    def __init__(self, vocabulary: Vocabulary, language: str = "de") -> None:
        self.vocabulary = vocabulary
        self.fragments = build_fragments(vocabulary)
        self.gates = build_gates(vocabulary)
        self.word_index = WordIndex(self.gates)
        self.whole_word_gates = frozenset(name for name, g in self.gates.items() if g.whole_words and not g.digits)
        self.rules = build_rules(self.fragments)
        self.range_connector = re.compile(r"\s*(?:bis(?:\s+(?:zum|zur|einschließlich))?|-|–)\s*", re.I)
        self.between_connector = re.compile(r"\s*und(?:\s+(?:dem|der))?\s*", re.I)
        self.range_opener = re.compile(r"(?:\b(?:vom|von|zwischen)(?:\s+(?:dem|der))?)\s*$", re.I)
        self.between_opener = re.compile(r"\bzwischen(?:\s+(?:dem|der))?\s*$", re.I)
        self.since_opener = re.compile(r"\bseit(?:\s+(?:dem|der|den))?\s+$", re.I)
        self.since_inside = re.compile(r"seit\s", re.I)  # a rule's own opener: "seit Herbst", "seit Frühjahr 2022"
        self.rest_opener = re.compile(r"\bnoch\s+$", re.I)  # "noch in diesem Jahr": the rest of the period
        self.year_trigger = re.compile(rf"\b(?:{alternation(vocabulary.year_triggers)})\s+$", re.I)
        self.age_opener = re.compile(rf"\b(?:{alternation(vocabulary.duration_blocking_openers)})\s+$", re.I)
        self.year_blocker = re.compile(rf"\b(?:{alternation(vocabulary.year_blockers)})\.?\s+$", re.I)
        self.count_follower = re.compile(rf"\s+(?:{alternation(vocabulary.year_blocking_followers)})\b", re.I)
        self.object_article = re.compile(rf"\s+(?:{alternation(vocabulary.modern_year_followers)})\b", re.I)
        self.noun_follower = re.compile(r"\s+(?:[A-ZÄÖÜ]|(?:km|kg|m|t|mal|stück|prozent|mio|mrd)\b)")
        # a country or capital is no counted noun: "hatte Kim 2019 Russland besucht" names a year
        self.place_follower = re.compile(rf"\s+(?:{alternation(country_names(language))})\b")
        self.rank_follower = re.compile(
            rf"\s+(?:{alternation(vocabulary.rank_nouns)})(?![\w-])", re.I
        )  # "2024 Zweiter"
        parts = {part for parts in vocabulary.period_parts.values() for part in parts}
        self.calendar_words = frozenset([*vocabulary.months, *vocabulary.weekdays, *vocabulary.seasons, *parts])
        # a noun of a stretch of time, or a compound ending in one, in any case ("Haftstrafen")
        self.stretch_noun_end = re.compile(rf"(?:{alternation(vocabulary.stretch_nouns)})(?:s|es|n|en)?$")

    @property
    def rules(self) -> list[Rule]:
        return self._rules

    @rules.setter
    def rules(self, rules: list[Rule]) -> None:
        """The rules, with what `find_mentions` asks of them for every text, built once."""
        self._rules = rules
        self.numbered_rules = list(enumerate(rules))  # (priority, rule), as `open_rules` takes them
        self.searched_gates = searched_gates(self.numbered_rules, self)

    def number(self, text: str) -> float:
        word = text.lower()
        return float(word) if word.isdigit() else self.vocabulary.number_words[word]

    def is_calendar_word(self, word: str) -> bool:
        """A month, weekday, season or part of a period ("Juli Ende" is no name)."""
        return word.lower() in self.calendar_words

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
        return bool(
            (
                self.noun_follower.match(after)
                and not self.place_follower.match(text, end)
                and not self.rank_follower.match(text, end)
            )
            or self.count_follower.match(after)
        )


def country_names(language: str) -> list[str]:
    """The names and capitals of countries, as the entity lexicon reads them (countries.tsv)."""
    return [entry.form for entry in country_entries(language) if entry.kind in ("name", "capital")]


@cache
def load_grammar(language: str = "de") -> Grammar:
    return Grammar(load_vocabulary(language), language)


def find_mentions(text: str, grammar: Grammar | None = None, cuts: Sequence[int] = ()) -> list[Mention]:
    """All temporal expressions in `text`, longest first without overlaps, sorted by offset.

    `cuts` (offsets, ascending) split the text into windows that no expression crosses, e.g. at
    the start of each sentence: a rule then scans only the windows whose gates it passes."""
    grammar = grammar or load_grammar()
    folded = text.lower()  # unlike casefold(), keeps every offset
    openings = grammar.word_index.openings(folded)
    gates = grammar.gates
    searched = {name: partial(gates[name].opens, text, folded) for name in grammar.searched_gates}
    rules = open_rules(0, len(text), grammar.numbered_rules, openings, searched)
    bounds = [0, *(cut for cut in cuts if 0 < cut < len(text)), len(text)]
    if len(bounds) > 2:  # the gates the open rules ask, each prepared once per text, not per window
        searched = {name: window_test(gates[name], text, folded) for name in searched_gates(rules, grammar)}
    candidates: list[Candidate] = []
    for start, end in itertools.pairwise(bounds):
        window_rules = rules if len(bounds) == 2 else open_rules(start, end, rules, openings, searched)
        candidates.extend(window_candidates(text, start, end, window_rules, grammar))
    mentions = select_longest(candidates)
    mentions = join_durations(text, join_ranges(text, mentions, grammar))
    return attach_rest(text, attach_since(text, mentions, grammar), grammar)


def open_rules(
    start: int,
    end: int,
    rules: list[tuple[int, Rule]],
    openings: tuple[list[int], list[frozenset[str]]],
    searched: dict[str, Callable[[int, int], bool]],
) -> list[tuple[int, Rule]]:
    """The (priority, rule) pairs whose gates text[start:end] opens; the others cannot match in it.
    `searched`: for each of the `searched_gates` of `rules`, whether it opens in a window."""
    opened = opened_between(openings, start, end)
    opened |= {name for name, opens in searched.items() if opens(start, end)}
    return [(priority, rule) for priority, rule in rules if opened.issuperset(rule.gates)]


def searched_gates(rules: list[tuple[int, Rule]], grammar: Grammar) -> frozenset[str]:
    """The gates of `rules` that a search of the text tests (the whole-word ones come from `WordIndex`)."""
    return frozenset().union(*(rule.gates for _, rule in rules)) - grammar.whole_word_gates


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


COMPOUND_JOINT = re.compile(r"\s+und\s+")
BETWEEN_BEFORE = re.compile(r"\bzwischen\s+$", re.I)  # "zwischen zwei und drei Jahren": two bounds, not one length


def join_durations(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "drei Jahre und vier Monate" -> one DURATION (P3Y4M): two lengths joined by "und", the second in a
    smaller unit; "zwei Wochen und drei Tage" too, not "drei Tage und zwei Wochen" (two lengths)."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and COMPOUND_JOINT.fullmatch(text, previous.end, mention.start)
            and not BETWEEN_BEFORE.search(text, max(0, previous.start - 12), previous.start)
        ):
            parts = compound_parts(previous.value, mention.value)
            if parts is not None:
                joined[-1] = Mention(previous.start, mention.end, CompoundDuration(parts))
                continue
        joined.append(mention)
    return joined


def compound_parts(first: Resolvable, second: Resolvable) -> tuple[Duration, ...] | None:
    """The parts of one length in falling units, or None when the two are not one."""
    parts = first.parts if isinstance(first, CompoundDuration) else (first,)
    if not (isinstance(second, Duration) and all(isinstance(part, Duration) for part in parts)):
        return None
    units = [part.designator for part in (*parts, second)]
    if any(part.amount is None for part in (*parts, second)) or not all(u in COMPOUND_DESIGNATORS for u in units):
        return None
    order = [COMPOUND_DESIGNATORS.index(unit) for unit in units]
    return (*parts, second) if order == sorted(set(order)) else None


def pieces_of(mention: Mention) -> tuple[Piece, ...]:
    return mention.pieces or ((mention.start, mention.end, mention.value),)


def is_range(text: str, first: Mention, last: Mention, grammar: Grammar) -> bool:
    if not same_kind(first.value, last.value) or part_before_whole_year(first.value, last.value):
        return False
    gap = text[first.end : last.start]
    if grammar.range_connector.fullmatch(gap):
        return True
    return bool(grammar.between_connector.fullmatch(gap) and grammar.between_opener.search(text, 0, first.start))


def part_before_whole_year(first: Resolvable, last: Resolvable) -> bool:
    """ "im Frühjahr bis 2029 verlängert": a yearless season before a year written out is when something happened
    and the year the end of what it set, not one stretch (that names the start's year: "vom Frühjahr 2024 bis
    2029")."""
    return (
        isinstance(first, CalendarPeriod)
        and isinstance(last, CalendarPeriod)
        and first.year is None
        and first.build != WHOLE_YEAR
        and last.year is not None
        and last.build == WHOLE_YEAR
    )


WHOLE_YEAR = MonthsOfYear(1, 12)


def same_kind(first: Resolvable, last: Resolvable) -> bool:
    if isinstance(first, CalendarPeriod) and isinstance(last, CalendarPeriod):
        return type(first.build) is type(last.build)
    return type(first) is type(last) and isinstance(first, WeekdayRef)


def attach_since(text: str, mentions: list[Mention], grammar: Grammar) -> list[Mention]:
    """A mention after "seit", or one whose rule takes "seit" in ("seit Herbst"), runs up to the anchor."""
    attached = []
    for mention in mentions:
        window_start = max(0, mention.start - LOOKBACK_CHARS)
        opener = grammar.since_opener.search(text[window_start : mention.start])
        inside = isinstance(mention.value, CalendarPeriod) and grammar.since_inside.match(text, mention.start)
        if (opener or inside) and not isinstance(mention.value, Since | SinceDuration):
            start = mention.start if inside else window_start + opener.start()
            attached.append(Mention(start, mention.end, Since(mention.value), mention.pieces))
        else:
            attached.append(mention)
    return attached


def attach_rest(text: str, mentions: list[Mention], grammar: Grammar) -> list[Mention]:
    """A period right after "noch" ("noch in diesem Jahr", "noch diesen Monat") keeps its span and TIMEX3; as a
    day interval, it is what is left of it (`Rest`)."""
    return [
        replace(mention, value=Rest(mention.value))
        if grammar.rest_opener.search(text, max(0, mention.start - LOOKBACK_CHARS), mention.start)
        and isinstance(mention.value, CalendarPeriod | RelativePeriod)
        else mention
        for mention in mentions
    ]


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
        "relative_noun": alternation([*v.relative_nouns, *v.year_before_nouns]),
        "deictic": alternation(v.deictic_days),
        "anaphoric": alternation(v.anaphoric_days),
        "same_day": alternation(v.same_day_phrases),
        "same_day_on": alternation(phrase[3:] for phrase in v.same_day_phrases if phrase.startswith("am ")),
        "day_part": alternation(v.day_parts),
        "weekday_adjective": alternation(v.weekday_adjectives),
        "part": alternation({part for parts in v.period_parts.values() for part in parts}),
        "section": alternation(v.year_sections) + "|quartals|halbjahres|halbjahrs",
        "season": alternation(v.seasons),
        "decade_word": alternation(v.decade_words),
        "decade_stage": alternation(v.decade_stages),
        "holiday_weekend": alternation({**v.holiday_weekends, **v.holiday_weeks}),
        "month_trigger": alternation(set(v.month_triggers) - set(v.period_parts["month"]) - {"im", "in"}),
        # "(Ortszeit)", "(MEZ)"; a zone's abbreviation without brackets is part of the TIMEX3 ("14.30 Uhr MEZ")
        "local_time": r"(?:\s*\((?:ortszeit|[^()]{0,25}\bortszeit|mez|mesz|utc|gmt)\)"
        r"|\s+(?-i:MEZ|MESZ|UTC|GMT|CET|CEST)\b)?",
        "year": r"(?:1[0-9]|20)\d{2}",
        "holiday": alternation(v.holidays),
        "holiday_night": alternation(v.holiday_nights),
        "duration_unit": alternation(v.duration_units),
        "vague_amount": alternation(v.vague_amounts),
        "genitive_amount": alternation(v.genitive_vague_amounts),
        "approx": alternation(v.approximations),
        "vague_duration": alternation(v.vague_durations),
        "duration_adjective": alternation(v.duration_adjectives),
        "duration_filler": alternation(v.duration_fillers),
        "set_word": alternation(v.set_words),
        "set_noun": alternation(v.set_nouns),
        "vague_reference": alternation(v.vague_references),
        "fiscal_year": alternation(v.fiscal_year_nouns),
        "times": rf"(?:(?:{alternation(v.number_words)})mal|mehrmals|\d+\s*-?\s*mal)",  # "viermal", "3-mal"
    }


def build_rules(f: dict[str, str]) -> list[Rule]:
    """The rules, most specific first (an earlier rule wins a tie in length)."""
    lt = f["local_time"]
    decade_tail = r"(?P<tail>(?:\s*-?\s*)jahren?e?\b|n\b)?\b"  # "90er Jahre", "90ern", "Mitte der 90er"
    decade_part = rf"\b(?P<part>{f['part']})\s+der\s+|\b(?P<stage>{f['decade_stage']})\s+"  # "der frühen 1980er-Jahre"
    # "am 3. März 2021", "im März vergangenen Jahres", "im März des Vorjahres"
    year_suffix = (
        rf"(?:,?\s+(?P<year>{f['year']})|\s+(?:des\s+)?(?P<rel>{f['relative']})\s+jahres"
        r"|\s+des\s+(?P<prior>vorjahres)\b)"
    )
    specs: list[tuple[str, str, Builder]] = [
        ("iso_date", r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])", builders.build_day_date),
        (
            "day_range",
            rf"(?:\b(?P<opener>vom|von|zwischen)(?:\s+dem)?\s+)?(?<![\d.])(?P<p1>(?P<day1>[0-3]?\d)\.)\s*"
            rf"(?P<conn>bis(?:\s+zum)?|und(?:\s+dem)?|oder|-|–|/)\s*(?P<plast>(?P<day>[0-3]?\d)\.\s*(?P<month>{f['month']})\b\.?"
            rf"{year_suffix}?){lt}",
            builders.build_day_range,
        ),
        (
            "day_month_name",
            rf"(?:\bam\s+)?(?:\b(?P<wd>{f['weekday']}),?\s+(?:(?:den|dem)\s+)?)?(?<![\d.])"
            rf"(?P<day>[0-2]?\d|3[01])\.\s*(?P<month>{f['month']})\b\.?{year_suffix}?{lt}",
            builders.build_day_date,
        ),
        (
            "day_part_date",
            rf"\b(?P<dpart>{f['day_part']})\s+des\s+(?<![\d.])(?P<day>[0-2]?\d|3[01])\.\s*(?P<month>{f['month']})\b\.?"
            rf"{year_suffix}?{lt}",
            builders.build_day_date,
        ),
        (
            "numeric_date",
            rf"(?:\bam\s+)?(?:\b(?P<wd>{f['weekday']}),?\s+(?:den\s+)?)?(?<![\d.])(?P<day>[0-2]?\d|3[01])\."
            r"(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d{2}|\d{2}(?!\d))?(?![\d]|\.\d)" + lt,
            builders.build_day_date,
        ),
        (
            "day_list",
            rf"(?<![\d.])(?P<p1>(?P<d1>[0-3]?\d)\.)\s*,\s*(?P<p2>(?P<d2>[0-3]?\d)\.)(?:\s*,\s*(?P<p3>(?P<d3>[0-3]?\d)\.))?"
            rf"\s*,?\s*(?:und|sowie|oder)\s+(?P<plast>(?P<day>[0-3]?\d)\.\s*(?P<month>{f['month']})\b\.?{year_suffix}?)",
            builders.build_day_list,
        ),
        (
            "month_year",
            rf"(?:\b(?:im|in)\s+)?\b(?P<month>{f['month']})\b\.?"
            rf"(?:{year_suffix}|\s+(?P<named>des\s+(?:selben\s+|gleichen\s+)?jahres)\b)",
            builders.build_month,
        ),
        (
            "month_part",
            rf"\b(?P<part>{f['part']})\s+(?P<month>{f['month']})\b\.?{year_suffix}?",
            builders.build_month_part,
        ),
        ("month_in", rf"\b(?:im|in)\s+(?P<month>{f['full_month']})\b", builders.build_month),
        (
            "month_article",  # "der Mai war", "für den Dezember"
            rf"\b(?:der|den|dem)\s+(?P<month>{f['full_month']})\b(?!-)",
            builders.build_month_with_article,
        ),
        (
            "fiscal_year",
            rf"\b(?:{f['fiscal_year']})\s+(?P<year>{f['year']})(?:/(?P<year2>\d{{2}}|\d{{4}}))?(?![\d])",
            builders.build_fiscal_year,
        ),
        (
            "month_after_trigger",
            rf"\b(?:{f['month_trigger']})\s+(?P<core>(?P<month>{f['full_month']}))\b",
            builders.build_month,
        ),
        (
            "month_directed",
            rf"(?:\bim\s+)?\b(?P<dir>{f['relative']})\s+(?P<month>{f['full_month']})\b",
            builders.build_month,
        ),
        (
            "month_range",
            rf"(?:\b(?P<opener>von|vom|zwischen)\s+)?\b(?P<p1>(?P<month1>{f['full_month']})(?:\s+(?P<year1>{f['year']}))?)"
            rf"\s*(?P<conn>bis|und|sowie|oder|-|–)\s*(?P<plast>(?P<month>{f['full_month']})\b{year_suffix}?)",
            builders.build_month_range,
        ),
        ("year_part", rf"\b(?P<part>{f['part']})\s+(?P<year>{f['year']})\b", builders.build_year_part),
        (
            "year_range",
            rf"(?:\b(?P<opener>von|zwischen)\s+)?(?<![\d.,/])(?P<p1>(?P<year1>{f['year']}))\s*(?P<conn>bis|und|-|–)\s*"
            rf"(?P<plast>(?P<year>{f['year']}))(?![\d])",
            builders.build_year_range,
        ),
        (
            "approximate_year",  # "Um 800 gründeten Mönche ...", "Gegen 1850 erreichten ...": see the builder
            r"(?:^|(?<=[.!?:]\s)|(?<=\n))(?:um|gegen)\s+(?P<year>[1-9]\d{2,3})"
            r"(?=\s+(?!(?:zu|auf|bis|und|oder|mal|pro|je|von|mehr|weniger)\b)(?-i:[a-zäöüß]))",
            builders.build_approximate_year,
        ),
        (
            "era_year",  # "aus der Zeit um 1900", "in den Jahren um 1800": an era named by a year it lies around
            r"\b(?:zeit|jahren?)\s+(?:um|gegen)\s+(?P<core>(?P<year>[1-9]\d{2,3}))(?![\d]|[.,]\d)",
            builders.build_approximate_year,
        ),
        (
            "year",
            rf"(?:\b(?:im\s+jahre?|des\s+jahres)\s+)?(?<![\d.,/-])(?P<year>{f['year']})(?![\d]|[.,]\d|/\d|-\d)",
            builders.build_year,
        ),
        (
            "section",
            rf"(?:\b(?:im|in\s+der|das|dem|des|der)\s+)?(?:\b(?P<ord>{f['ordinal']})|(?<![\d.])(?P<ordnum>[1-4])\.)"
            rf"\s+(?P<section>{f['section']})\b(?:{year_suffix}|\s+(?:des|dieses)\s+jahres)?",
            builders.build_section,
        ),
        ("quarter_code", rf"\bQ(?P<ordnum>[1-4])(?:\s*/?\s*(?P<year>{f['year']}))?\b", builders.build_section),
        (
            "season",
            rf"(?:\b(?:im|ins|in\s+diesem|in\s+dem|dem|den|seit|ab|bis|zum)\s+|\b(?P<dir>{f['relative']})\s+"
            rf"|\bim\s+(?P<dir2>{f['relative']})\s+)"
            rf"(?P<season>{f['season']})\b(?:\s+(?P<year>{f['year']})(?:/(?P<year2>\d{{2}}|\d{{4}}))?"
            rf"|\s+(?P<named>des\s+(?:selben\s+|gleichen\s+)?jahres)\b|\s+(?:des\s+)?(?P<rel>{f['relative']})\s+jahres\b"
            r"|\s+des\s+(?P<prior>vorjahres)\b)?",
            builders.build_season,
        ),
        (
            "season_year",
            rf"\b(?P<season>{f['season']})\s+(?P<year>{f['year']})(?:/(?P<year2>\d{{2}}|\d{{4}}))?\b",
            builders.build_season,
        ),
        (
            "calendar_week",
            rf"(?:\bin\s+der\s+)?(?:(?<![\d.])(?P<week>\d{{1,2}})\.\s*(?:kalenderwoche|kw)\b|\bkw\s*(?P<week2>\d{{1,2}})\b)"
            rf"(?:\s+(?P<year>{f['year']}))?",
            builders.build_calendar_week,
        ),
        (
            "period_part",
            rf"\b(?P<part>{f['part']})\s+(?:(?:der|des)\s+)?(?:(?P<rel>{f['relative']})\s+)?"
            r"(?P<unit>woche|monats|monat|jahres|jahr|jahrzehnts|jahrhunderts)\b",  # Swiss "Ende Monat", "Anfang Jahr"
            builders.build_period_part,
        ),
        (
            "course_of_period",  # "im Laufe des Jahres", "im Verlauf des Sommers": the period, no part of it
            rf"\bim\s+(?:weiteren\s+)?(?:laufe|verlauf)\s+(?P<core>des\s+(?:(?P<unit>jahres|monats)"
            rf"|(?P<season>{f['season']})e?s)|der\s+(?P<week>woche))\b",
            builders.build_course_of_period,
        ),
        (
            "relative_period",
            rf"(?:\b(?:im|in|in\s+der|des|der)\s+)?\b(?P<rel>{f['relative']})\s+"
            r"(?P<unit>woche|monat|monats|jahr|jahres|jahrs|jahrzehnts?|jahrhunderts?|quartal|quartals)\b",
            builders.build_relative_period,
        ),
        (
            "relative_noun",
            rf"(?:\b(?:im|zum|am|des)\s+(?:(?:gesamten|ganzen)\s+)?)?\b(?P<noun>{f['relative_noun']})\b",
            builders.build_relative_noun,
        ),
        (
            "new_year",  # "im neuen Jahr", "das neue Jahr"; not "ein neues Jahr"
            r"\b(?:im|ins|fürs|das|dem|des)\s+neue[ns]?\s+jahr(?:es)?\b",
            builders.build_new_year,
        ),
        (
            "month_week",  # "in der zweiten Januarwoche", "die letzte Augustwoche"
            rf"(?:\b(?:in\s+der|der|die)\s+)?\b(?P<ord>{f['ordinal']}|letzten?)\s+(?P<month>{f['full_month']})woche\b",
            builders.build_month_week,
        ),
        (
            "named_year",
            r"\b(?:im|in)\s+(?P<which>selben|gleichen|demselben|jenem|darauffolgenden|folgenden)\s+jahre?\b"
            r"|\b(?:im\s+)?jahre?\s+(?P<after>darauf|danach|zuvor|davor)\b",
            builders.build_named_year,
        ),
        (
            "holiday",
            rf"\b(?P<name>{f['holiday']})\b(?:\s+(?P<year>{f['year']}))?",
            builders.build_holiday,
        ),
        (
            "holiday_weekend",
            rf"\b(?P<weekend>{f['holiday_weekend']})\b(?:\s+(?P<year>{f['year']}))?",
            builders.build_holiday_weekend,
        ),
        ("holiday_night", rf"\b(?P<name>{f['holiday_night']})\b(?:\s+(?P<year>{f['year']}))?", builders.build_holiday),
        (
            "holiday_part",  # "Neujahrsmorgen", "Ostermontagabend": a part of the holiday (its night has a name)
            rf"\b(?P<name>{f['holiday']})s?(?P<part>(?!nacht){f['day_part']})\b",
            builders.build_holiday,
        ),
        (
            "decade",
            rf"(?:{decade_part})?(?<![\d.])(?P<decade>(?:1[0-9]|20)?[0-9]0)er{decade_tail}",
            builders.build_decade,
        ),
        (
            "decade_word",
            rf"(?:{decade_part})?\b(?P<word>{f['decade_word']}){decade_tail}",
            builders.build_decade,
        ),
        (
            "century",
            rf"(?:\b(?P<part>{f['part']})\s+des\s+|\b(?P<stage>{f['decade_stage']})\s+)?(?<![\d.])"
            r"(?P<century>[1-9]|1\d|2[01])\.\s*jahrhunderts?\b",
            builders.build_century,
        ),
        (
            "clock_time",
            r"(?:\b(?:um|gegen|ab|bis|seit|kurz\s+vor|kurz\s+nach)\s+)?(?<![\d.,:])(?P<hour>[01]?\d|2[0-4])"
            r"(?:[.:](?P<minute>[0-5]\d))?\s*uhr\b(?:\s+(?P<part>morgens|früh|vormittags|mittags|nachmittags|abends|nachts))?"
            + lt,
            builders.build_clock_time,
        ),
        (
            "clock_words",  # "um halb acht", "gegen Viertel nach neun": after a preposition, as "halb" is no time alone
            r"\b(?:um|gegen|ab|bis|kurz\s+vor|kurz\s+nach)\s+(?P<core>(?P<frac>halb|viertel\s+nach|viertel\s+vor"
            r"|dreiviertel|drei\s+viertel)\s+(?P<hour>eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf"
            r"|1[0-2]|[1-9])(?:\s+uhr)?\b(?:\s+(?P<part>morgens|früh|vormittags|mittags|nachmittags|abends|nachts)\b)?)"
            + lt,
            builders.build_clock_words,
        ),
        (
            "clock_range",
            r"(?<![\d.,:])(?P<p1>(?P<hour1>[01]?\d|2[0-4])(?:[.:](?P<minute1>[0-5]\d))?(?:\s*uhr\b)?)\s*(?:und|bis|-|–)\s*"
            r"(?P<plast>(?P<hour>[01]?\d|2[0-4])(?:[.:](?P<minute>[0-5]\d))?\s*uhr)\b",
            builders.build_clock_range,
        ),
        (
            "duration",
            rf"(?:\b(?P<approx>{f['approx']}|ersten|letzten)\s+)?\b(?P<num>{f['number']}|{f['vague_amount']})\s+"
            rf"(?:(?:{f['duration_filler']})\s+)?(?P<dunit>{f['duration_unit']})\b",  # "zwölf lange Tage"
            builders.build_duration,
        ),
        (
            "clock_duration",  # a length written as a clock reading: "in 2:09:14 Stunden", "nach 1:45 Minuten"
            r"(?<![\d.:,])(?:(?P<hours>\d{1,2}):(?P<minutes>[0-5]\d)(?::(?P<seconds>[0-5]\d))?\s*stunden"
            r"|(?P<short_minutes>\d{1,2}):(?P<short_seconds>[0-5]\d)\s*minuten)\b",
            builders.build_clock_duration,
        ),
        (
            "duration_genitive",  # "binnen weniger Wochen", "innerhalb einiger Tage"
            rf"\b(?:binnen|innerhalb|während)\s+(?P<core>(?P<num>{f['genitive_amount']})\s+(?P<dunit>{f['duration_unit']}))\b",
            builders.build_duration,
        ),
        (
            "duration_ahead",
            r"\b(?:die|den|der)\s+(?P<core>(?:nächsten|kommenden|vergangenen|letzten|ersten|folgenden)\s+"
            rf"(?:(?P<num>{f['number']})\s+)?(?P<dunit>jahrzehnte|jahrzehnten|jahrhunderte|jahrhunderten|jahre|jahren|monate|monaten|wochen|tage|tagen"
            r"|stunden|minuten))\b",  # "in den kommenden 48 Stunden"
            builders.build_duration,
        ),
        (
            "duration_plural",
            r"\b(?:seit|binnen|innerhalb\s+von)\s+(?P<core>(?P<dunit>jahrhunderten|jahrzehnten|jahren|monaten|wochen|tagen"
            r"|stunden|minuten|sekunden))\b",
            builders.build_duration,
        ),
        (
            "duration_over",  # "über Jahrzehnte (hinweg)"; not "über Tage", which in a mine is above ground
            r"\büber\s+(?P<core>(?P<dunit>jahrhunderte|jahrzehnte|jahre|monate|wochen))\b(?!\s+(?:alt|älter|jünger)\b)",
            builders.build_duration,
        ),
        (
            "duration_bare",  # "Die Arbeiten werden Monate dauern", "Wochen lang"
            r"\b(?P<core>(?P<dunit>tage|wochen|monate|jahre|jahrzehnte))\s+(?:lang|(?:an)?dauer(?:n|t|te|ten)|gedauert)\b",
            builders.build_duration,
        ),
        (
            "duration_adjective",
            rf"(?<![\w-])(?P<num>\d{{1,4}}-?|{f['number']})(?P<suffix>(?-i:{f['duration_adjective']}))(?:e[nmrs]?)?\b",
            builders.build_duration_adjective,
        ),
        (
            "vague_duration",  # "jahrelang", "knapp ein halbes Jahr"
            rf"(?:\b(?:{f['approx']})\s+)?\b(?P<word>{f['vague_duration']})\b",
            builders.build_vague_duration,
        ),
        (
            "set_every",  # "jeden Montag", "jeden zweiten Sonntag", "jedes dritte Jahr"
            rf"\b(?:jede[nrs]?|alle)\s+(?:(?P<nth>zweite|dritte|vierte|fünfte)[nrs]?\s+)?(?P<noun>{f['set_noun']})\b",
            builders.build_set_every,
        ),
        (
            "set_word",
            rf"(?:\b{f['times']}\s+)?\b(?P<word>{f['set_word']})\b",
            builders.build_set_word,
        ),
        (
            "set_interval",
            rf"\balle\s+(?P<num>{f['number']})\s+(?P<dunit>{f['duration_unit']})\b",
            builders.build_set_interval,
        ),
        (
            "set_frequency",
            rf"\b{f['times']}\s+(?:im|in\s+der|pro|am|die|jede[nrs]?)\s+"
            r"(?P<noun>tag|woche|monat|jahr)\b",
            builders.build_set_every,
        ),
        ("vague_reference", rf"\b(?P<word>{f['vague_reference']})\b(?!\s+als\b)", builders.build_vague_reference),
        (
            "night_to",
            # "in der Nacht zum", "für die Nacht zum", "und die Nacht zum Mittwoch"
            rf"(?:\b(?:in|für)\s+)?\b(?:der|die)\s+nacht\s+(?:(?:zum|zu|auf|auf\s+den)\s+|von\s+(?:{f['weekday']})\s+(?:auf|zum|zu)\s+"
            # "in der Nacht vom 9. auf den 10. März": the night before the second day
            rf"|vo(?:m|n)\s+(?:[0-2]?\d|3[01])\.(?:\s*{f['month']}\b\.?)?\s+(?:auf\s+den|auf|zum)\s+)"
            rf"(?:(?P<wd>{f['weekday']})\b|(?P<day>[0-2]?\d|3[01])\.\s*(?P<month>{f['month']})\b(?:\s+(?P<year>{f['year']})\b)?)"
            rf"{lt}",
            builders.build_night,
        ),
        (
            "night",
            rf"\b(?:in\s+der\s+(?P<rel>vergangenen|letzten|folgenden|darauffolgenden|kommenden|nächsten)\s+nacht"
            rf"|in\s+der\s+nacht(?:\s+(?P<after>zuvor|davor|darauf|danach))?|bis\s+(?:spät\s+)?in\s+die\s+nacht"
            rf"|(?P<rel2>vergangene|letzte|kommende|nächste)\s+nacht)\b{lt}",
            builders.build_night,
        ),
        (
            "weekday_of_month",  # "der dritte Sonntag im September", "am letzten Samstag im Juni"
            rf"(?:\b(?:am|der|den|dem)\s+)?\b(?P<ord>{f['ordinal']}|letzte[nr]?)\s+(?P<wd>{f['weekday']})\s+(?:im|des)\s+"
            rf"(?P<month>{f['full_month']})\b(?:\s+(?P<year>{f['year']})\b)?",
            builders.build_weekday_of_month,
        ),
        (
            "weekday",
            rf"(?:\b(?:am|an\s+diesem|an\s+dem)\s+)?(?:\b(?P<dir>{f['relative']})\s+)?(?:\b(?:{f['weekday_adjective']})\s+)?"
            # not "auf einen Montag": an indefinite weekday is no date
            rf"(?<!\beinen\s)(?<!\beinem\s)\b(?P<wd>{f['weekday']})(?P<part>{f['day_part']})?\b(?!-)"
            r"(?:\s+(?P<early>früh)\b(?!-))?"  # "Donnerstag früh" as "Donnerstagfrüh"
            rf"(?:\s+(?:der\s+)?(?P<week>{f['relative']})\s+woche\b)?{lt}",
            builders.build_weekday,
        ),
        (
            "weekend",
            rf"(?:\b(?:am|an\s+diesem|übers|über\s+das)\s+)?(?:\b(?P<dir>{f['relative']})\s+"
            r"|\b(?P<following>(?:darauf\s*)?folgenden)\s+)?\bwochenende\b(?:\s+(?P<after>darauf|danach)\b)?",
            builders.build_weekend,
        ),
        ("anaphoric_day", rf"\b(?P<phrase>{f['anaphoric']})\b{lt}", builders.build_anaphoric),
        ("same_day", rf"\b(?P<phrase>{f['same_day']})\b{lt}", builders.build_same_day),
        (
            "same_day_governed",  # "bis zum Nachmittag", "seit dem frühen Nachmittag": as "am Nachmittag"
            rf"\b(?:bis\s+zum|zum|seit\s+dem|ab\s+dem|vom)\s+(?P<on_day>{f['same_day_on']})\b{lt}",
            builders.build_same_day,
        ),
        (
            "deictic_day",
            rf"(?:\b(?P<word>{f['deictic']})|(?<![\w-])(?P<tomorrow>(?-i:morgen))|(?:^|(?<=[.!?:]\s)|(?<=\n))(?P<tomorrow2>Morgen))"
            rf"(?:\s+(?P<part>{f['day_part']})|\s+(?:{f['weekday']}|{f['holiday']}|tag)(?=\W))?\b(?!-){lt}",
            builders.build_deictic,  # "am heutigen Aschermittwoch" names the same day twice
        ),
        (
            "shift_back",
            rf"\bvor\s+(?:(?:gut|rund|knapp|etwa|fast|ungefähr|genau)\s+)?(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b",
            builders.build_shift,
        ),
        (
            "shift_vague",
            rf"\bvor\s+(?:(?:ein|einem)\s+)?(?P<amount>{f['vague_amount']})\s+(?P<unit>{f['unit']})\b",
            builders.build_vague_ago,
        ),
        ("shift_ahead", rf"\bin\s+(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b", builders.build_shift),
        (
            "shift_anaphoric",
            rf"\b(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\s+(?P<dir>später|danach|darauf|zuvor|davor|vorher|früher)\b"
            r"(?!\s+als\b)",  # "zwei Wochen später als sonst" compares lengths
            builders.build_shift,
        ),
        (
            "clock_shift",  # "eine Stunde später", "20 Minuten zuvor": a clock time counted from the one named last
            rf"\b(?P<num>{f['number']})\s+(?P<unit>stunden?|minuten?)\s+(?P<dir>später|danach|darauf|zuvor|davor|vorher)\b"
            r"(?!\s+als\b)",
            builders.build_clock_shift,
        ),
        (
            "window",
            rf"\b(?:(?:in|(?P<limit>innerhalb)|während|im\s+laufe)\s+)?(?:der|den|die)\s+(?P<dir>nächsten|kommenden|vergangenen|letzten|"
            rf"zurückliegenden|folgenden|darauffolgenden)\s+(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b",
            builders.build_window,
        ),
        (
            "window_within",
            rf"\b(?P<limit>innerhalb\s+von|innerhalb|binnen|im\s+zeitraum\s+von)\s+(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b",
            builders.build_window,
        ),
        (
            "since_duration",
            rf"\bseit\s+(?:(?:gut|rund|knapp|etwa|fast|über|mehr\s+als|genau)\s+)?(?P<num>{f['number']})\s+(?P<unit>{f['unit']})\b",
            builders.build_since_duration,
        ),
    ]
    gates = rule_gates()
    return [Rule(name, re.compile(pattern, re.I), build, gates.get(name, ())) for name, pattern, build in specs]
