"""The closed-class German words of the entity stage (data/de/phrase_words.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lagebild.lang import DEFAULT_LANGUAGE, parse_yaml


@dataclass(frozen=True)
class PhraseWords:
    name_particles: frozenset[str]
    seated_bodies: frozenset[str]
    verb_prefixes: frozenset[str]
    group_nouns: frozenset[str]
    locative_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    not_places: frozenset[str]
    envoy_nouns: frozenset[str]
    not_actor_heads: frozenset[str]
    stance_prefixes: frozenset[str]
    regional_adjectives: frozenset[str]
    unknown_doers: frozenset[str]
    many_states: frozenset[str]
    whole_sides: frozenset[str]
    office_plurals: frozenset[str]
    plural_determiners: frozenset[str]
    country_anaphors: frozenset[str]
    country_descriptions: frozenset[str]
    neighbour_countries: frozenset[str]
    title_anaphors: frozenset[str]
    country_anaphor_articles: frozenset[str]
    body_nouns: frozenset[str]
    leading_participles: frozenset[str]
    relational_nouns: frozenset[str]
    foreign_relational_nouns: frozenset[str]
    military_bodies: frozenset[str]


def load_phrase_words(language: str = DEFAULT_LANGUAGE) -> PhraseWords:
    """The language's phrase words, loaded once per process (called with or without the language)."""
    return phrase_words_of(language)


@cache
def phrase_words_of(language: str) -> PhraseWords:
    raw = read_phrase_words(language)
    return PhraseWords(**{key: frozenset(raw[key]) for key in PhraseWords.__dataclass_fields__})


@cache
def country_kinds(language: str = DEFAULT_LANGUAGE) -> dict[str, frozenset[str]]:
    """Noun of a kind of state -> the countries of that kind ("Emirat" -> Qatar, the Emirates, Kuwait)."""
    return {noun: frozenset(countries) for noun, countries in read_phrase_words(language)["country_kinds"].items()}


@cache
def read_phrase_words(language: str) -> dict[str, Any]:
    """The file's mapping, read once for the phrase words and the country kinds."""
    path = resources.files("lagebild").joinpath(f"data/{language}/phrase_words.yaml")
    return parse_yaml(path.read_text("utf-8"))
