"""Gates: cheap tests that let `find_mentions` skip a grammar rule for a text.

A rule's gates name parts that every one of its matches contains (a mandatory group of its
pattern). A gate is open when the text holds a digit (for a digit gate) or, case-folded, one of
the gate's words as a substring (for a phrase, its longest word). That is a superset of what
the rule's case-insensitive pattern can match, so skipping a rule behind a closed gate never
changes the result. Scanning every text with all full patterns was most of the temporal
stage's cost; a typical paragraph opens few gates, and each gate is one regex search at C speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lagebild.temporal.vocabulary import Vocabulary

DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Gate:
    words: tuple[str, ...] = ()  # case-folded
    digits: bool = False  # open also for any digit
    whole_words: bool = False  # the words must stand as whole words (the rule's pattern bounds them too)
    finder: re.Pattern[str] | None = field(default=None, init=False, compare=False)  # any of the words

    def __post_init__(self) -> None:
        if self.words:  # one regex search beats a Python loop of substring tests for long word lists
            words = "|".join(map(re.escape, self.words))
            object.__setattr__(self, "finder", re.compile(rf"\b(?:{words})\b" if self.whole_words else words))

    def opens(self, text: str, folded: str) -> bool:
        if self.digits and DIGIT.search(text):
            return True
        return self.finder is not None and self.finder.search(folded) is not None


def gate_words(entries: Iterable[str]) -> tuple[str, ...]:
    """The longest word of each entry (every word of a phrase is in every match of it), case-folded."""
    return tuple(sorted({max(entry.split(), key=len).casefold() for entry in entries if entry.strip()}))


def build_gates(v: Vocabulary) -> dict[str, Gate]:
    """The gates, from the same vocabulary the rules' fragments are built from."""
    return {
        "digit": Gate(digits=True),
        "month": Gate(gate_words([*v.months, *v.full_month_names])),
        "part": Gate(gate_words(part for parts in v.period_parts.values() for part in parts)),
        "relative": Gate(gate_words(v.relative_words)),
        "section": Gate(gate_words([*v.year_sections, "quartals", "halbjahres", "halbjahrs"])),
        "season": Gate(gate_words(v.seasons)),
        "unit_noun": Gate(("woche", "monat", "jahr")),
        "relative_noun": Gate(gate_words(v.relative_nouns)),
        "night": Gate(("nacht",)),
        "weekday": Gate(gate_words(v.weekdays)),
        "weekend": Gate(("wochenende",)),
        "anaphoric": Gate(gate_words(v.anaphoric_days)),
        "same_day": Gate(gate_words(v.same_day_phrases)),
        "deictic": Gate(gate_words([*v.deictic_days, "morgen"])),
        "unit": Gate(gate_words(v.units)),
        "number": Gate(gate_words(v.number_words), digits=True),
        "holiday": Gate(gate_words([*v.holidays, *v.holiday_nights]), whole_words=True),
        "decade": Gate(("jahr",)),
        "century": Gate(("jahrhundert",)),
        "clock": Gate(("uhr",)),
        "duration_unit": Gate(gate_words(v.duration_units), whole_words=True),
        "vague_duration": Gate(gate_words(v.vague_durations)),
        "set_word": Gate(gate_words(v.set_words), whole_words=True),
        "set_noun": Gate(gate_words(v.set_nouns), whole_words=True),
        "every": Gate(("jede", "alle", "mal")),
        "vague_reference": Gate(gate_words(v.vague_references), whole_words=True),
    }


def rule_gates() -> dict[str, tuple[str, ...]]:
    """For each rule, the gates that every match of it opens (a rule not named here always runs)."""
    return {
        "iso_date": ("digit",),
        "day_range": ("digit", "month"),
        "day_month_name": ("digit", "month"),
        "numeric_date": ("digit",),
        "month_year": ("month",),
        "month_part": ("part", "month"),
        "month_in": ("month",),
        "month_after_trigger": ("month",),
        "month_directed": ("relative", "month"),
        "month_range": ("month",),
        "year_part": ("part", "digit"),
        "year_range": ("digit",),
        "year": ("digit",),
        "section": ("section",),
        "quarter_code": ("digit",),
        "season": ("season",),
        "season_year": ("season", "digit"),
        "calendar_week": ("digit",),
        "period_part": ("part", "unit_noun"),
        "relative_period": ("relative", "unit_noun"),
        "relative_noun": ("relative_noun",),
        "night_to": ("night", "weekday"),
        "night": ("night",),
        "weekday": ("weekday",),
        "weekend": ("weekend",),
        "anaphoric_day": ("anaphoric",),
        "same_day": ("same_day",),
        "deictic_day": ("deictic",),
        "shift_back": ("number", "unit"),
        "shift_ahead": ("number", "unit"),
        "shift_anaphoric": ("number", "unit"),
        "window": ("number", "unit"),
        "window_within": ("number", "unit"),
        "since_duration": ("number", "unit"),
        "day_list": ("digit", "month"),
        "named_year": ("unit_noun",),
        "holiday": ("holiday",),
        "holiday_night": ("holiday",),
        "decade": ("digit", "decade"),
        "century": ("digit", "century"),
        "clock_time": ("digit", "clock"),
        "clock_range": ("digit", "clock"),
        "duration": ("duration_unit",),
        "duration_plural": ("duration_unit",),
        "duration_ahead": ("duration_unit",),
        "vague_duration": ("vague_duration",),
        "set_every": ("every", "set_noun"),
        "set_word": ("set_word",),
        "set_interval": ("every", "number", "duration_unit"),
        "set_frequency": ("every",),
        "vague_reference": ("vague_reference",),
    }
