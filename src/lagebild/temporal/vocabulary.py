"""The German temporal vocabulary: data/de/temporal.yaml plus the calendar of data/de/calendar.yaml."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lagebild.calendar_de import (
    ADVENT_HOLIDAYS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    HOLIDAY_NIGHTS,
    MONTHS,
    NATIONAL_DAY,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)
from lagebild.lang import parse_yaml


@dataclass(frozen=True)
class Vocabulary:
    number_words: dict[str, float]
    ordinal_words: dict[str, int]
    units: dict[str, str]
    relative_words: dict[str, int]
    relative_nouns: dict[str, tuple[str, int, str | None]]
    year_before_nouns: dict[str, str]
    deictic_days: dict[str, int]
    anaphoric_days: dict[str, int]
    same_day_phrases: dict[str, str | None]  # phrase -> TIMEX3 part-of-day code
    day_parts: dict[str, str]  # word -> TIMEX3 part-of-day code
    weekday_adjectives: tuple[str, ...]
    period_parts: dict[str, dict[str, tuple[int, int]]]
    year_sections: dict[str, dict[int, tuple[int, int]]]
    seasons: dict[str, tuple[int, int]]
    month_triggers: tuple[str, ...]
    year_triggers: tuple[str, ...]
    year_blockers: tuple[str, ...]
    future_governors: frozenset[str]
    plan_participles: frozenset[str]
    state_participles: frozenset[str]
    strong_preterites: dict[str, str]
    months: dict[str, int]
    weekdays: dict[str, int]
    holidays: tuple[str, ...]
    holiday_nights: tuple[str, ...]
    part_mods: dict[str, str]
    decade_stages: tuple[str, ...]
    year_blocking_followers: frozenset[str]
    modern_year_followers: frozenset[str]
    count_openers: frozenset[str]
    rank_nouns: frozenset[str]
    year_anaphora: frozenset[str]
    fiscal_year_nouns: tuple[str, ...]
    timex_leading_words: tuple[str, ...]
    timex_articles: tuple[str, ...]
    finite_verbs_like_attributes: frozenset[str]
    decade_words: dict[str, int]
    holiday_weekends: dict[str, str]
    holiday_weeks: dict[str, str]
    postponement_verbs: frozenset[str]
    first_name_months: frozenset[str]
    extension_verbs: frozenset[str]
    scheduling_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    duration_units: dict[str, str]
    vague_amounts: tuple[str, ...]
    genitive_vague_amounts: tuple[str, ...]
    duration_blocking_followers: tuple[str, ...]
    duration_blocking_openers: tuple[str, ...]
    approximations: tuple[str, ...]
    vague_durations: dict[str, tuple[float | None, str]]
    set_words: dict[str, str]
    set_nouns: dict[str, str]
    vague_references: dict[str, str]
    comparative_references: frozenset[str]
    ahead_only_references: frozenset[str]
    reported_speech_forms: frozenset[str]
    duration_adjectives: dict[str, str]
    stretch_nouns: frozenset[str]
    duration_fillers: tuple[str, ...]

    @property
    def full_month_names(self) -> dict[str, int]:
        """Month names that are not abbreviations ("Juli", not "Jul"): safe without a day or year."""
        return {name: number for name, number in self.months.items() if not is_abbreviation(name)}


def is_abbreviation(name: str) -> bool:
    longer = [other for other, number in MONTHS.items() if number == MONTHS[name] and len(other) > len(name)]
    return any(other.startswith(name) for other in longer) or (len(name) <= 3 and name != "mai")


@cache
def load_vocabulary(language: str = "de") -> Vocabulary:
    path = resources.files("lagebild").joinpath(f"data/{language}/temporal.yaml")
    raw = parse_yaml(path.read_text("utf-8"))
    return Vocabulary(
        number_words={k: float(v) for k, v in raw["number_words"].items()},
        ordinal_words=dict(raw["ordinal_words"]),
        units=dict(raw["units"]),
        relative_words=dict(raw["relative_words"]),
        relative_nouns={k: (v[0], int(v[1]), v[2] if len(v) > 2 else None) for k, v in raw["relative_nouns"].items()},
        year_before_nouns=dict(raw["year_before_nouns"]),
        deictic_days=dict(raw["deictic_days"]),
        anaphoric_days=dict(raw["anaphoric_days"]),
        same_day_phrases=dict(raw["same_day_phrases"]),
        day_parts=dict(raw["day_parts"]),
        weekday_adjectives=tuple(raw["weekday_adjectives"]),
        period_parts={unit: {k: (v[0], v[1]) for k, v in parts.items()} for unit, parts in raw["period_parts"].items()},
        year_sections={
            name: {int(k): (v[0], v[1]) for k, v in parts.items()} for name, parts in raw["year_sections"].items()
        },
        seasons={k: (v[0], v[1]) for k, v in raw["seasons"].items()},
        month_triggers=tuple(raw["month_triggers"]),
        year_triggers=tuple(raw["year_triggers"]),
        year_blockers=tuple(raw["year_blockers"]),
        future_governors=frozenset(raw["future_governors"]),
        plan_participles=frozenset(raw["plan_participles"]),
        state_participles=frozenset(raw["state_participles"]),
        # case-folded, so that Swiss spelling matches ("liess" is "ließ")
        strong_preterites={lemma.casefold(): stem.casefold() for lemma, stem in raw["strong_preterites"].items()},
        months=dict(MONTHS),
        weekdays=dict(WEEKDAYS),
        holidays=(
            *FIXED_HOLIDAYS,
            *EASTER_HOLIDAYS,
            *ADVENT_HOLIDAYS,
            *WEEKDAY_HOLIDAYS,
            NATIONAL_DAY,
            NATIONAL_DAY + "s",
        ),
        holiday_nights=tuple(HOLIDAY_NIGHTS),
        part_mods=dict(raw["part_mods"]),
        decade_stages=tuple(raw["decade_stages"]),
        year_blocking_followers=frozenset(raw["year_blocking_followers"]),
        modern_year_followers=frozenset(raw["modern_year_followers"]),
        count_openers=frozenset(raw["count_openers"]),
        rank_nouns=frozenset(raw["rank_nouns"]),
        year_anaphora=frozenset(raw["year_anaphora"]),
        fiscal_year_nouns=tuple(raw["fiscal_year_nouns"]),
        timex_leading_words=tuple(raw["timex_leading_words"]),
        timex_articles=tuple(raw["timex_articles"]),
        finite_verbs_like_attributes=frozenset(raw["finite_verbs_like_attributes"]),
        decade_words=dict(raw["decade_words"]),
        holiday_weekends=dict(raw["holiday_weekends"]),
        holiday_weeks=dict(raw["holiday_weeks"]),
        postponement_verbs=frozenset(raw["postponement_verbs"]),
        first_name_months=frozenset(raw["first_name_months"]),
        extension_verbs=frozenset(raw["extension_verbs"]),
        scheduling_verbs=frozenset(raw["scheduling_verbs"]),
        warning_verbs=frozenset(raw["warning_verbs"]),
        duration_units=dict(raw["duration_units"]),
        vague_amounts=tuple(raw["vague_amounts"]),
        genitive_vague_amounts=tuple(raw["genitive_vague_amounts"]),
        duration_blocking_followers=tuple(raw["duration_blocking_followers"]),
        duration_blocking_openers=tuple(raw["duration_blocking_openers"]),
        approximations=tuple(raw["approximations"]),
        vague_durations={k: (v[0], v[1]) for k, v in raw["vague_durations"].items()},
        set_words=dict(raw["set_words"]),
        set_nouns=dict(raw["set_nouns"]),
        vague_references=dict(raw["vague_references"]),
        comparative_references=frozenset(raw["comparative_references"]),
        ahead_only_references=frozenset(raw["ahead_only_references"]),
        reported_speech_forms=frozenset(raw["reported_speech_forms"]),
        duration_adjectives=dict(raw["duration_adjectives"]),
        stretch_nouns=frozenset(raw["stretch_nouns"]),
        duration_fillers=tuple(raw["duration_fillers"]),
    )


def alternation(words: Iterable[object]) -> str:
    """A regex alternation of words or phrases, longest first, spaces matching any whitespace.

    Written as a trie ("mo(?:nat|ntag)") where that matches the same: at each position the regex
    engine then tests one branch per letter instead of every word, and still tries a longer word
    before its prefix, as the flat alternation longest first does. Words that differ only in case
    where they share a prefix would be tried in another order under re.I: they stay flat."""
    unique = {str(word) for word in words}
    prefixes = {word[:end] for word in unique for end in range(1, len(word) + 1)}
    if len({prefix.lower() for prefix in prefixes}) < len(prefixes):
        ordered = sorted(unique, key=len, reverse=True)
        return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)
    trie: dict = {}
    for word in unique:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[WORD_END] = {}
    return trie_pattern(trie)


WORD_END = ""  # trie key: a word ends here


def trie_pattern(node: dict) -> str:
    """The regex of a trie node: its branches in letter order, then the end of a word (longer words first)."""
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if WORD_END in node and branches:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})" if branches else ""
