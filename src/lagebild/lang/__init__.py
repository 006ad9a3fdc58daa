"""One object per language: the closed-class words, punctuation and STTS tag sets every stage
reads, loaded from `data/<code>/grammar.yaml` (the file's header explains each key).

    from lagebild.lang import load_language
    german = load_language("de")
    "dem" in german.dative_articles

The pipeline builds its stages with a language code (default: `DEFAULT_LANGUAGE`); each stage
loads the data of that language. A language is a `data/<code>/` folder with a grammar.yaml
beside its lexicons; an unknown code is refused with E023.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

import yaml

from lagebild.errors import ErrorCode, LagebildError

DEFAULT_LANGUAGE = "de"  # the one place the pipeline's default language is named
GRAMMAR_FILE = "grammar.yaml"
# libyaml's parser where PyYAML was built with it: the same data, read about ten times faster
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """A data file's YAML, read safely (plain data only), as every loader of language data reads it."""
    return yaml.load(text, Loader=YAML_LOADER)


@dataclass(frozen=True)
class Language:
    code: str
    # language identification and sentences (lagebild.language)
    neighbours: frozenset[str]
    function_words: frozenset[str]
    sentence_end: frozenset[str]
    closing_marks: frozenset[str]
    opening_marks: frozenset[str]
    sentence_opener_tags: frozenset[str]
    ordinal_determiner_tags: frozenset[str]
    initial_closed_class: frozenset[str]
    # clauses (clauses.py)
    segment_breaks: frozenset[str]
    stretch_breaks: frozenset[str]
    quote_marks: frozenset[str]
    subordinators: frozenset[str]
    ambiguous_subordinators: frozenset[str]
    relative_pronouns: frozenset[str]
    relative_indefinites: frozenset[str]
    relative_object_pronouns: frozenset[str]
    relative_either_pronouns: frozenset[str]
    relative_genitive_pronouns: frozenset[str]
    relative_masculine_pronouns: frozenset[str]
    infinitive_openers: frozenset[str]
    coordinators: frozenset[str]
    clause_coordinators: frozenset[str]
    asyndetic_links: frozenset[str]
    complement_subordinators: frozenset[str]
    interrogative_subordinators: frozenset[str]
    # tense (temporal/tense.py)
    finite_werden: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    perfect_infinitives: frozenset[str]
    haben_forms: frozenset[str]
    modal_infinitives: frozenset[str]
    hearsay_modals: frozenset[str]
    scheduling_modals: frozenset[str]
    impersonal_report_verbs: frozenset[str]
    expletive_pronouns: frozenset[str]
    first_person_singular: frozenset[str]
    plan_comparisons: frozenset[str]
    intent_modals: frozenset[str]
    not_preterite: frozenset[str]
    weak_preterite_endings: tuple[str, ...]  # suffixes (every key ending in "_endings" is a tuple)
    strong_preterite_endings: tuple[str, ...]
    infinitive_tags: frozenset[str]
    participle_tags: frozenset[str]
    particle_tags: frozenset[str]
    attribute_determiner_tags: frozenset[str]
    attribute_gap_tags: frozenset[str]
    attribute_participle_tags: frozenset[str]
    attribute_endings: tuple[str, ...]
    inseparable_prefixes: frozenset[str]
    target_prepositions: frozenset[str]
    # case and roles (events/arguments.py)
    nominative_articles: frozenset[str]
    subject_opening_articles: frozenset[str]
    inclusion_openers: frozenset[str]
    feminine_endings: tuple[str, ...]
    genitive_adjective_endings: tuple[str, ...]
    dative_articles: frozenset[str]
    accusative_articles: frozenset[str]
    genitive_articles: frozenset[str]
    genitive_possessives: frozenset[str]
    genitive_quantifiers: frozenset[str]
    oblique_possessives: frozenset[str]
    argument_modifier_tags: frozenset[str]
    contractions: dict[str, str]
    coordination_links: frozenset[str]
    coordination_pairs: dict[str, str]  # second half of a paired conjunction (words joined by spaces) -> its opener
    noun_tags: frozenset[str]
    nominative_pronouns: frozenset[str]
    ambiguous_subject_pronouns: frozenset[str]
    plural_finite_endings: tuple[str, ...]
    plural_finite_forms: frozenset[str]
    comparatives: frozenset[str]
    comparison_particles: frozenset[str]
    additive_prepositions: frozenset[str]
    additive_adverbs: frozenset[str]
    # event stage, places, attribution, modality, trigger lexicon (events/)
    subject_pronouns: frozenset[str]
    anaphoric_pronouns: frozenset[str]
    accusative_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    content_gap_tags: frozenset[str]
    request_openers: frozenset[str]
    request_complements: dict[str, str]
    manner_openers: frozenset[str]
    purpose_openers: frozenset[str]
    absence_openers: frozenset[str]
    aim_prepositions: dict[str, str]
    question_marks: frozenset[str]
    finite_tags: frozenset[str]
    interrogative_tags: frozenset[str]
    counterfactual_forms: frozenset[str]
    fear_words: frozenset[str]
    fear_prepositions: frozenset[str]
    agreement_topics: frozenset[str]
    anniversary_nouns: frozenset[str]
    plan_heads: frozenset[str]
    series_heads: frozenset[str]
    light_verb_heads: frozenset[str]
    linking_elements: frozenset[str]
    meeting_openers: frozenset[str]
    occasion_openers: frozenset[str]
    presupposing_openers: frozenset[str]
    response_prepositions: frozenset[str]
    pressure_prepositions: frozenset[str]
    reason_prepositions: frozenset[str]
    defiance_prepositions: frozenset[str]
    compliance_prepositions: frozenset[str]
    readiness_adjectives: frozenset[str]
    readiness_prepositions: frozenset[str]
    reciprocal_words: frozenset[str]
    mutual_nouns: frozenset[str]
    shared_nouns: frozenset[str]
    contrast_phrases: frozenset[str]
    contrast_adverbs: frozenset[str]
    comitative_words: frozenset[str]
    help_nouns: frozenset[str]
    impending_verbs: frozenset[str]
    relation_nouns: frozenset[str]
    both_words: frozenset[str]
    both_sides_nouns: frozenset[str]
    against_prepositions: frozenset[str]
    coordination_gap: frozenset[str]
    time_coordinators: frozenset[str]
    destination_prepositions: frozenset[str]
    destination_articles: frozenset[str]
    two_way_prepositions: frozenset[str]
    event_place_prepositions: frozenset[str]
    statement_prepositions: frozenset[str]
    place_preposition_phrases: frozenset[str]
    origin_prepositions: frozenset[str]
    vantage_circumposition: dict[str, str]  # opening word -> closing word
    recipient_prepositions: frozenset[str]
    place_anaphors: frozenset[str]
    border_words: frozenset[str]
    between_prepositions: frozenset[str]
    circumstance_openers: frozenset[str]
    since_prepositions: frozenset[str]
    when_openers: frozenset[str]
    occurrence_verbs: frozenset[str]
    during_prepositions: frozenset[str]
    within_prepositions: frozenset[str]
    report_date_prepositions: frozenset[str]
    superlative_lemmas: frozenset[str]
    act_phrase_prepositions: frozenset[str]
    likeness_conjunctions: frozenset[str]
    first_time_adverbs: frozenset[str]
    phase_heads: frozenset[str]
    new_referent_openers: frozenset[str]
    indefinite_articles: frozenset[str]
    ordinal_stems: frozenset[str]
    further_stems: frozenset[str]
    repetition_adverbs: frozenset[str]
    earlier_adverbs: frozenset[str]
    subjunctive_one: frozenset[str]
    marker_openers: frozenset[str]
    past_auxiliaries: frozenset[str]
    pluperfect_auxiliaries: frozenset[str]
    pluperfect_sein: frozenset[str]
    pluperfect_sein_participles: frozenset[str]
    sein_perfect_lemmas: frozenset[str]
    role_prepositions: frozenset[str]
    demonstratives: frozenset[str]
    coordination_words: frozenset[str]
    source_prepositions: frozenset[str]
    source_postpositions: frozenset[str]
    report_genitive_articles: frozenset[str]
    source_inserts: frozenset[str]
    speaker_marks: frozenset[str]
    quoting_verbs: frozenset[str]
    topic_prepositions: frozenset[str]
    werden_preterites: frozenset[str]
    past_endings: tuple[str, ...]
    # entity stage (entities/)
    phrase_opener_tags: frozenset[str]
    masculine_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    feminine_object_pronouns: frozenset[str]
    possessives: frozenset[str]
    masculine_possessives: frozenset[str]
    feminine_or_plural_articles: frozenset[str]
    masculine_or_neuter_articles: frozenset[str]
    masculine_person_articles: frozenset[str]
    neuter_articles: frozenset[str]
    feminine_role_endings: tuple[str, ...]
    description_nouns: frozenset[str]
    age_nouns: frozenset[str]
    oblique_age_endings: tuple[str, ...]
    description_articles: frozenset[str]
    feminine_oblique_articles: frozenset[str]
    body_descriptions: dict[str, str]
    body_articles: frozenset[str]
    genitive_openers: tuple[str, ...]  # prefixes, each with its space: "des " opens "des Landes"
    left_modifier_tags: frozenset[str]
    article_words: frozenset[str]
    membership_prepositions: frozenset[str]
    membership_gap_tags: frozenset[str]
    mention_openers: frozenset[str]
    actor_prepositions: frozenset[str]
    spelling_variants: dict[str, str]  # a letter and how another orthography writes it (Swiss: ß -> ss)
    preterite_adjectives: dict[str, str]  # a strong preterite the tagger reads as an adjective -> its verb


class LanguageDataError(ValueError):
    pass


def known_languages() -> list[str]:
    """Codes of the languages with data: the `data/<code>/` folders that hold a grammar.yaml."""
    data = resources.files("lagebild").joinpath("data")
    return sorted(folder.name for folder in data.iterdir() if folder.joinpath(GRAMMAR_FILE).is_file())


def load_language(code: str = DEFAULT_LANGUAGE) -> Language:
    """The language's data, loaded once per process (one object per language); E023 for a
    language without data."""
    return language_of(code)


@cache
def language_of(code: str) -> Language:
    if code not in known_languages():
        raise LagebildError(ErrorCode.E023, lang=code, known=", ".join(known_languages()))
    path = resources.files("lagebild").joinpath(f"data/{code}/{GRAMMAR_FILE}")
    return parse_grammar(code, read_grammar_text(path.read_text("utf-8")), f"data/{code}/{GRAMMAR_FILE}")


def read_grammar_text(text: str) -> object:
    """The grammar file's mapping; a key given twice is refused, since YAML would keep only the last."""
    keys = [line.split(":", 1)[0] for line in text.splitlines() if line[:1].isalpha() and ":" in line]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise LanguageDataError(f"{GRAMMAR_FILE}: keys given twice: {repeated}")
    return parse_yaml(text)


def parse_grammar(code: str, raw: object, source_name: str) -> Language:
    """A `Language` from a grammar file's mapping; a missing, unknown or malformed key is refused."""
    keys = [f.name for f in fields(Language) if f.name != "code"]
    if not isinstance(raw, dict):
        raise LanguageDataError(f"{source_name}: expected a mapping of keys to word lists")
    missing, unknown = sorted(set(keys) - set(raw)), sorted(set(raw) - set(keys))
    if missing or unknown:
        raise LanguageDataError(f"{source_name}: missing keys {missing}, unknown keys {unknown}")
    values: dict[str, object] = {"code": code}
    for key in keys:
        values[key] = parse_value(key, raw[key], source_name)
    return Language(**values)  # type: ignore[arg-type]


def parse_value(key: str, value: object, source_name: str) -> object:
    if key in (
        "contractions",
        "spelling_variants",
        "preterite_adjectives",
        "vantage_circumposition",
        "request_complements",
        "body_descriptions",
        "aim_prepositions",
    ):
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise LanguageDataError(f"{source_name}: {key} must map words to words")
        return dict(value)
    if not isinstance(value, list) or not value or not all(isinstance(word, str) for word in value):
        raise LanguageDataError(f"{source_name}: {key} must be a non-empty list of strings")
    if key == "genitive_openers":
        return tuple(f"{word} " for word in value)
    if key == "coordination_pairs":
        return {second: opener for opener, second in (pair.split("|", 1) for pair in value)}
    if key.endswith("_endings"):
        return tuple(value)  # for str.endswith
    return frozenset(value)
