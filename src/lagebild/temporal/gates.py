"""Gates: cheap tests that let `find_mentions` skip a grammar rule for a text.

A rule's gates name parts that every one of its matches contains (a mandatory group of its
pattern). A gate is open when the text holds a digit (for a digit gate) or, lower-cased, one of
the gate's words as a substring (for a phrase, its longest word), or as a whole word where every
rule behind the gate bounds the word by word boundaries too, or a shape of digits every match
has (a year, "1.5."; most numbers in news are counts). That is a superset of what
the rule's case-insensitive pattern can match, so skipping a rule behind a closed gate never
changes the result. Scanning every text with all full patterns was most of the temporal
stage's cost; a typical paragraph opens few gates, and each gate is one regex search at C speed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from lagebild.temporal.vocabulary import Vocabulary, alternation

DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Gate:
    words: tuple[str, ...] = ()  # lower-cased
    digits: bool = False  # open also for any digit
    whole_words: bool = False  # the words must stand as whole words (the rule's pattern bounds them too)
    shape: str = ""  # instead of words: a regex that every match contains, searched in the lower-cased text
    finder: re.Pattern[str] | None = field(default=None, init=False, compare=False)  # any of the words

    def __post_init__(self) -> None:
        if self.shape:
            object.__setattr__(self, "finder", re.compile(self.shape))
        elif self.words:  # one regex search beats a Python loop of substring tests for long word lists
            words = alternation(self.words)
            object.__setattr__(self, "finder", re.compile(rf"\b(?:{words})\b" if self.whole_words else words))

    def opens(self, text: str, folded: str, start: int = 0, end: int | None = None) -> bool:
        """Is the gate open in text[start:end]? `folded` is `text.lower()`, with the same offsets."""
        end = len(text) if end is None else end
        if self.digits and DIGIT.search(text, start, end):
            return True
        return self.finder is not None and self.finder.search(folded, start, end) is not None


class NextHit:
    """Where a gate without word boundaries opens next in a text, for its windows asked in order: a window
    before the hit last found is closed without a search, so most gates are searched once per text."""

    def __init__(self, gate: Gate, text: str, folded: str) -> None:
        self.finder, self.searched = (DIGIT, text) if gate.finder is None else (gate.finder, folded)
        self.at = -1  # where the hit last found starts (len(text): no further hit)

    def opens(self, start: int, end: int) -> bool:
        """Does a match start in text[start:end]? Whatever the gate finds inside the window does; one that
        starts inside and ends past it counts too, which only opens the gate more often."""
        if self.at < start:
            match = self.finder.search(self.searched, start)
            self.at = match.start() if match is not None else len(self.searched)
        return self.at < end


def window_test(gate: Gate, text: str, folded: str) -> Callable[[int, int], bool]:
    """How to ask whether `gate` opens in a window text[start:end] of a text of many windows: a gate of
    word boundaries is searched in each window (a window's end bounds a word that the text may go on),
    any other only past its last hit (`NextHit`: the windows are asked in order)."""
    if gate.whole_words or (gate.digits and gate.finder is not None):
        return partial(gate.opens, text, folded)
    return NextHit(gate, text, folded).opens


class WordIndex:
    """All whole-word gates at once: one scan of a text finds where each of them opens, so that
    the windows of the text (its sentences) are answered without scanning again. Whole words never
    overlap, so one alternation of all their words finds every one."""

    def __init__(self, gates: dict[str, Gate]) -> None:
        self.gates_of: dict[str, frozenset[str]] = {}
        for name, gate in gates.items():
            for word in gate.words if gate.whole_words and not gate.digits else ():
                self.gates_of[word] = self.gates_of.get(word, frozenset()) | {name}
        self.finder = re.compile(rf"\b(?:{alternation(self.gates_of)})\b")  # longest word first, as a trie

    def openings(self, folded: str) -> tuple[list[int], list[frozenset[str]]]:
        """Offsets of the gate words in `folded` (lower-cased text) and the gates each opens."""
        offsets, opened = [], []
        for match in self.finder.finditer(folded):
            offsets.append(match.start())
            opened.append(self.gates_of[match.group()])
        return offsets, opened


def opened_between(openings: tuple[list[int], list[frozenset[str]]], start: int, end: int) -> set[str]:
    """The whole-word gates that open inside [start, end), from `WordIndex.openings`."""
    offsets, opened = openings
    return set().union(*opened[bisect.bisect_left(offsets, start) : bisect.bisect_left(offsets, end)])


def gate_words(entries: Iterable[str]) -> tuple[str, ...]:
    """The longest word of each entry (every word of a phrase is in every match of it), lower-cased
    (not case-folded: "dreißig" stays as the text has it, and offsets stay those of the text)."""
    return tuple(sorted({max(entry.split(), key=len).lower() for entry in entries if entry.strip()}))


def build_gates(v: Vocabulary) -> dict[str, Gate]:
    """The gates, from the same vocabulary the rules' fragments are built from."""
    return {
        "digit": Gate(digits=True),
        "month": Gate(gate_words([*v.months, *v.full_month_names]), whole_words=True),
        "part": Gate(gate_words(part for parts in v.period_parts.values() for part in parts), whole_words=True),
        "relative": Gate(gate_words(v.relative_words), whole_words=True),
        "section": Gate(gate_words([*v.year_sections, "quartals", "halbjahres", "halbjahrs"]), whole_words=True),
        "season": Gate(gate_words(v.seasons), whole_words=True),
        "unit_noun": Gate(("woche", "monat", "jahr", "quartal")),
        "relative_noun": Gate(gate_words([*v.relative_nouns, *v.year_before_nouns]), whole_words=True),
        "night": Gate(("nacht",), whole_words=True),
        "weekday": Gate(gate_words(v.weekdays)),
        "weekend": Gate(("wochenende",), whole_words=True),
        "anaphoric": Gate(gate_words(v.anaphoric_days), whole_words=True),
        "same_day": Gate(gate_words(v.same_day_phrases), whole_words=True),
        "deictic": Gate(gate_words([*v.deictic_days, "morgen"])),
        "unit": Gate(gate_words(v.units), whole_words=True),
        "number": Gate(gate_words(v.number_words), digits=True, whole_words=True),
        "holiday": Gate(gate_words([*v.holidays, *v.holiday_nights]), whole_words=True),
        "holiday_stem": Gate(gate_words(v.holidays)),  # inside a compound: "Neujahrsmorgen"
        "day_part_stem": Gate(gate_words(v.day_parts)),
        "decade": Gate(("0er",)),  # "1990er", "90ern"
        "genitive": Gate(("des",), whole_words=True),
        "course": Gate(("laufe", "verlauf"), whole_words=True),
        "decade_word": Gate(gate_words(v.decade_words)),
        "holiday_weekend": Gate(gate_words({**v.holiday_weekends, **v.holiday_weeks}), whole_words=True),
        "century": Gate(("jahrhundert",)),
        "era": Gate(("zeit", "jahre")),
        "new": Gate(("neue",)),
        "month_week": Gate(shape=rf"(?:{alternation(v.full_month_names)})woche"),
        "clock": Gate(("uhr",)),
        "clock_word": Gate(("halb", "viertel", "dreiviertel"), whole_words=True),
        "duration_unit": Gate(gate_words(v.duration_units), whole_words=True),
        "vague_duration": Gate(gate_words(v.vague_durations), whole_words=True),
        "duration_adjective": Gate(gate_words(v.duration_adjectives)),
        "vague_amount": Gate(gate_words(v.vague_amounts), whole_words=True),
        "genitive_amount": Gate(gate_words(v.genitive_vague_amounts), whole_words=True),
        "set_word": Gate(gate_words(v.set_words), whole_words=True),
        "set_noun": Gate(gate_words(v.set_nouns), whole_words=True),
        "every": Gate(("jede", "alle", "mal")),
        "vague_reference": Gate(gate_words(v.vague_references), whole_words=True),
        # digit shapes: most sentences with a number have no date or year in it ("500 Soldaten")
        "year_digits": Gate(shape=r"(?:1\d|20)\d\d"),  # a year of the rules' pattern (1000-2099)
        "iso_digits": Gate(shape=r"\d{4}-\d{2}-\d{2}"),
        "day_month_digits": Gate(shape=r"\d\.\d"),  # "1.5.", "01.05.2023"
        "quarter_code": Gate(shape=r"q[1-4]"),
        "week": Gate(("kw", "kalenderwoche")),
        "fiscal_year": Gate(gate_words(v.fiscal_year_nouns), whole_words=True),
    }


def rule_gates() -> dict[str, tuple[str, ...]]:
    """For each rule, the gates that every match of it opens (a rule not named here always runs)."""
    return {
        "iso_date": ("digit", "iso_digits"),
        "day_range": ("digit", "month"),
        "day_month_name": ("digit", "month"),
        "day_part_date": ("digit", "month", "genitive"),
        "numeric_date": ("digit", "day_month_digits"),
        "month_year": ("month",),
        "month_part": ("part", "month"),
        "month_in": ("month",),
        "month_article": ("month",),
        "fiscal_year": ("fiscal_year", "digit"),
        "weekday_of_month": ("weekday", "month"),
        "month_after_trigger": ("month",),
        "month_directed": ("relative", "month"),
        "month_range": ("month",),
        "year_part": ("part", "digit"),
        "year_range": ("digit", "year_digits"),
        "year": ("digit", "year_digits"),
        "approximate_year": ("digit",),
        "era_year": ("digit", "era"),
        "new_year": ("unit_noun", "new"),
        "month_week": ("month_week",),
        "clock_duration": ("digit", "duration_unit"),
        "section": ("section",),
        "quarter_code": ("digit", "quarter_code"),
        "season": ("season",),
        "season_year": ("season", "digit"),
        "calendar_week": ("digit", "week"),
        "period_part": ("part", "unit_noun"),
        "course_of_period": ("course",),
        "relative_period": ("relative", "unit_noun"),
        "relative_noun": ("relative_noun",),
        "night_to": ("night",),
        "night": ("night",),
        "weekday": ("weekday",),
        "weekend": ("weekend",),
        "anaphoric_day": ("anaphoric",),
        "same_day": ("same_day",),
        "same_day_governed": ("same_day",),
        "deictic_day": ("deictic",),
        "shift_back": ("number", "unit"),
        "shift_vague": ("unit", "vague_amount"),
        "shift_ahead": ("number", "unit"),
        "shift_anaphoric": ("number", "unit"),
        "clock_shift": ("number", "duration_unit"),
        "window": ("number", "unit"),
        "window_within": ("number", "unit"),
        "since_duration": ("number", "unit"),
        "day_list": ("digit", "month"),
        "named_year": ("unit_noun",),
        "holiday": ("holiday",),
        "holiday_night": ("holiday",),
        "holiday_part": ("holiday_stem", "day_part_stem"),
        "decade": ("decade",),
        "decade_word": ("decade_word",),
        "holiday_weekend": ("holiday_weekend",),
        "century": ("digit", "century"),
        "clock_time": ("digit", "clock"),
        "clock_range": ("digit", "clock"),
        "clock_words": ("clock_word",),
        "duration": ("duration_unit",),
        "duration_plural": ("duration_unit",),
        "duration_bare": ("duration_unit",),
        "duration_over": ("duration_unit",),
        "duration_ahead": ("duration_unit",),
        "duration_genitive": ("duration_unit", "genitive_amount"),
        "vague_duration": ("vague_duration",),
        "duration_adjective": ("duration_adjective",),
        "set_every": ("every", "set_noun"),
        "set_word": ("set_word",),
        "set_interval": ("every", "number", "duration_unit"),
        "set_frequency": ("every",),
        "vague_reference": ("vague_reference",),
    }
