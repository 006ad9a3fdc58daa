"""The entity stage: who and where, coded for the spec's ACTOR and PLACE records.

Steps, in order:
1. actor phrases in each sentence (phrases.py), coded as a whole by `code_actor` on the
   article's reference date, so that "der russische Verteidigungsminister" names the holder;
2. places: countries, capitals and what follows a locative preposition ("in Wladiwostok",
   "in der Region Sagaing"), resolved in the gazetteer near the countries already named;
3. the scene country: a body without a country of its own ("die Polizei", "Demonstranten",
   "das Militär") takes the country of a place in its sentence, else the article's main country;
4. coreference: a surname alone repeats the person named in full before it (also one the lexicon
   does not know); "er" refers to the last person.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher
from functools import cache
from typing import TypeVar

from wordfreq import zipf_frequency

from lagebild.clauses import is_preposition, opens_phrase
from lagebild.document import Actor, Article, Entity, Place, Sentence, Token
from lagebild.entities.acronyms import acronym_entities
from lagebild.entities.appositions import appositive_names
from lagebild.entities.descriptions import BodyDescription, Description, body_description, person_description
from lagebild.entities.gender import owner_gender
from lagebild.entities.lexicon import (
    ADJECTIVE_ENDINGS,
    PlaceCandidate,
    code_actor,
    code_actor_of,
    country_entries,
    curated_place_heads,
    dateline_place_name,
    load_actor_lexicon,
    load_places,
)
from lagebild.entities.owners import (
    earlier_namesake,
    genitive_owner,
    next_entity,
    sentence_place_country,
    title_offices,
)
from lagebild.entities.phrases import Phrase, find_phrases, form_matcher
from lagebild.entities.shared_titles import home_country, resolve_shared_titles
from lagebild.entities.words import country_kinds, load_phrase_words
from lagebild.lang import DEFAULT_LANGUAGE, Language, load_language

MAX_PLACE_TOKENS = 4
# A town whose name is a frequent German noun ("Waren", "Zug", "Lage", "Hof") is read as the noun
# when the tagger says noun: "Zölle auf Waren", "im Zug". Big cities ("aus Essen", "in Halle") stay.
COMMON_NOUN_ZIPF = 4.5  # wordfreq's Zipf scale: 4.5 is about 30 per million words
COMMON_NOUN_TOWN_POPULATION = 100_000
FUNCTION_WORD_ZIPF = 6.0  # the words above it are all function words ("von", "an", "mit", "sie")
GERMAN_WORD_ZIPF = 3.0  # one in a million words: a German word, not a foreign alias that happens to match
NAMED_CITY_POPULATION = 100_000  # a city named without "in"/"nach" before it is a place when this big
SCENE_SECTORS = {"GOV", "MIL", "CVL", "REB", "BUS", "MED"}


class EntityStage:
    name = "entities"
    requires = ("tokens", "sentences")
    assigns = ("entities", "main_country")

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = load_language(language)
        self.matcher = form_matcher(language)
        self.places = load_places(language)
        zipf_frequency("und", "de")  # wordfreq reads its German table on first use (~0.5 s): here, not in each worker

    def __call__(self, article: Article) -> Article:
        entities: list[Entity] = []
        for sentence in article.sentences:
            entities.extend(self.actor_entities(article, sentence))
        entities = add_places(article, entities, self.places, self.language)
        entities += capitalised_dateline_place(article, self.places)
        article.main_country = main_country(article, entities)
        resolve_shared_titles(article, entities, self.language.code)
        entities += country_anaphors(article, entities, self.language)
        entities += appositive_names(article, entities, self.matcher, self.places, self.language)
        fill_scene_countries(article, entities, self.language)
        entities += acronym_entities(article, entities)
        resolve_coreference(article, entities, self.language)
        article.entities = in_text_order(entities)
        return article

    def actor_entities(self, article: Article, sentence: Sentence) -> list[Entity]:
        tokens = article.tokens
        found = []
        for phrase in find_phrases(tokens, sentence.first_token, sentence.last_token, self.matcher):
            if phrase.kinds == {"adjective"} and is_city_adjective(tokens[phrase.last].text, self.language):
                continue  # "auf dem Pariser Gipfel": a place, not an actor, unless a body follows
            words = phrase.words(tokens, phrase.name_first)  # an unknown name says nothing to the lexicon
            actor = code_actor(words, article.reference_date, self.language.code)
            if actor is None:
                continue
            if phrase.name_first is not None:
                actor = named_in_text(article, phrase, actor, self.places, self.language)
            start, end = tokens[phrase.first].start, tokens[phrase.last].end
            found.append(Entity(start, end, article.text[start:end], label_of(phrase, actor), actor=actor))
        return found


def named_in_text(article: Article, phrase: Phrase, actor: Actor, gazetteer, language: Language) -> Actor:
    """'Präsident Ali Bongo', 'der US-Handelsbeauftragte Robert Lighthizer': a role with a name the
    lexicon does not know is that person, not the office's holder of the day; the role keeps its
    country and sector. A place after a body ('die Polizei Hamburg') is no name, and a name spelt
    near the holder's ('Präsident Mohammed Mursy') is the holder."""
    tokens = article.tokens
    name = article.text[tokens[phrase.name_first].start : tokens[phrase.last].end]
    if gazetteer.lookup(name) or (actor.name and spells_holder(name, actor.name, language)):
        return actor
    return replace(actor, name=name)


def spells_holder(name: str, holder: str, language: Language) -> bool:
    surname = name.split()[-1]
    forms = {form.split()[-1] for term in load_actor_lexicon(language.code).terms_of(holder) for form in term.forms}
    return any(SequenceMatcher(None, surname, form).ratio() >= TRANSLITERATION_RATIO for form in forms)


TRANSLITERATION_RATIO = 0.75  # "Mursy"/"Mursi", "Selenski"/"Selenskyj" are one name; "Biden"/"Harris" are not


def is_city_adjective(word: str, language: Language) -> bool:
    """'Moskauer', 'Pekinger': the indeclinable adjective of a city, listed as written."""
    entries = load_actor_lexicon(language.code).entries.get(word, ())
    return word.endswith("er") and any(entry.kind == "adjective" for entry in entries)


BODY_SECTORS = {"IGO", "REB"}  # a role word with a name of these sectors names the body, not a person


def label_of(phrase: Phrase, actor: Actor) -> str:
    if "person" in phrase.kinds or (actor.name and "role" in phrase.kinds and actor.sector not in BODY_SECTORS):
        return "PER"  # "Präsident X"; not "die Terrormiliz IS", "IS-Kämpfer": a body, named
    if phrase.kinds <= {"adjective"}:
        return "LOCderiv"
    if phrase.kinds <= {"name", "capital"}:
        return "LOC"
    return "ORG"


def capitalised_dateline_place(article: Article, gazetteer) -> list[Entity]:
    """'BAMAKO, 3. März (AFP) –': the place of a dateline in capitals is the town it spells, a place like
    'Bamako (dpa) –' in ordinary case; where the report was filed, so no actor."""
    dateline = article.dateline
    if dateline is None or not dateline.place or not dateline.place.isupper():
        return []
    name = dateline_place_name(dateline.place)
    candidate = gazetteer.best_place(name)
    if candidate is None:
        return []
    start, end = dateline.start, dateline.start + len(name)  # the place opens the dateline
    return [Entity(start, end, article.text[start:end], "LOC", place=place_of(candidate))]


def add_places(article: Article, entities: list[Entity], gazetteer, language: Language) -> list[Entity]:
    """Give country and capital mentions their place; add places named after locative prepositions."""
    near = {e.actor.country for e in entities if e.actor and e.actor.country}
    for entity in entities:
        if entity.label == "LOC":
            candidate = gazetteer.best_place(entity.text, near)
            entity.place = place_of(candidate)
    taken = {(e.start, e.end) for e in entities}
    taken |= {(t.start, t.end) for t in article.times}
    for sentence in article.sentences:
        found = [
            *locative_places(article, sentence, gazetteer, near, language),
            *named_places(article, sentence, gazetteer, near, language),
        ]
        for start, end, candidate in found:
            if (start, end) in taken or any(t.start <= start < t.end for t in article.times):
                continue  # "am 31. Mai" is a date, not the town of Mai
            existing = next((e for e in entities if e.start <= start and end <= e.end), None)
            if existing is not None:
                if not names_the_body(article, existing, start, language):
                    existing.place = existing.place or place_of(candidate)
                continue
            if widen_inner_place(article, entities, start, end, candidate):
                taken.add((start, end))
                continue
            entities.append(Entity(start, end, article.text[start:end], "LOC", place=place_of(candidate)))
            taken.add((start, end))
    return entities


def widen_inner_place(article: Article, entities: list[Entity], start: int, end: int, candidate) -> bool:
    """A longer place around a recognised one ("Region Kursk" around "Kursk") is the place meant: the oblast,
    not the city."""
    inner = next((e for e in entities if start <= e.start and e.end <= end and e.label == "LOC"), None)
    if inner is None:
        return False
    inner.start, inner.end, inner.text, inner.place = start, end, article.text[start:end], place_of(candidate)
    if inner.actor is not None and inner.actor.country != candidate.country:
        inner.actor = None  # "Mocímboa da Praia" is no stand-in for the government in Praia
    return True


def names_the_body(article: Article, entity: Entity, start: int, language: Language) -> bool:
    """A listed body whose own name a town shares ("der Duma" is Russia's parliament, not Douma in Syria) is
    not placed there; a place after a locative preposition inside it still is ("die Botschaft in Kabul")."""
    named = entity.label == "ORG" and entity.actor is not None and entity.actor.name is not None
    prepositions = load_phrase_words(language.code).locative_prepositions
    between = article.text[entity.start : start].lower().split()
    return named and not any(word in prepositions for word in between)


def country_anaphors(article: Article, entities: list[Entity], language: Language) -> list[Entity]:
    """'Iran stimmte zu. Die Zölle gegen das Land fallen weg.': "das Land" is the country named
    last before it (within ANAPHOR_REACH characters), else the one the article is about. A country
    described ("dem nordafrikanischen Land", "den Karibikstaat") is the one the article is about;
    "das Nachbarland" is the last country named before it, any actor's counting ("Indien wies pakistanische
    Diplomaten aus. Das Nachbarland ..."), not one that acts in its own clause."""
    words, tokens = load_phrase_words(language.code), article.tokens
    countries = sorted((e for e in entities if is_country_mention(e)), key=lambda e: e.start)
    actors = sorted((e for e in entities if e.actor and e.actor.country), key=lambda e: e.start)
    found = []
    anaphors = words.country_anaphors | words.country_descriptions | words.neighbour_countries | words.title_anaphors
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if token.text not in anaphors:
            continue  # nearly every word: the set is built once, not per word
        neighbour = token.text in words.neighbour_countries
        titled = token.text in words.title_anaphors
        if token.text in words.country_anaphors and tokens[index - 1].text.lower() in language.possessives:
            found += owned_country(article, actors, index)  # "die Solidarität seines Landes"
            continue
        opener = anaphor_article(tokens, index, words)
        if opener is None or tokens[index + 1].pos == "NE" or (opener > 0 and tokens[opener - 1].text.lower() == "auf"):
            continue  # "das Land Brandenburg", "auf dem Land"
        if titled:
            country = titled_before(countries, token, language)
        elif kind := of_kind_before(countries, token, language):
            subject = earlier_subject(article, countries, opener, language)  # "Spanien und Marokko ... Das Königreich"
            country = subject if subject in country_kinds(language.code)[token.text] else kind
        elif neighbour:
            country = neighbour_of(article, actors, index, language)
        elif token.text in words.country_descriptions or opener < index - 1:
            country = article.main_country or named_before(article, index, countries, None, language)
        elif (subject := earlier_subject(article, countries, opener, language)) is not None:
            country = subject
        else:
            acting = acting_countries(article, actors, index, language) if stands_bare(tokens, opener) else frozenset()
            fallback = article.main_country if article.main_country not in acting else None
            country = named_before(article, index, countries, fallback, language, acting)
        if country is not None:
            start, end = tokens[opener].start, token.end
            found.append(Entity(start, end, article.text[start:end], "LOC", actor=Actor(None, country, "GOV")))
    return found


def earlier_subject(article: Article, countries: list[Entity], opener: int, language: Language) -> str | None:
    """'Japan protestierte gegen China. Das Land verurteilte ...': "das Land" opening its sentence, its subject,
    goes on with the subject of the sentence before, the first country that sentence names outside a phrase of
    a preposition, as "er" does; elsewhere (an object, "gegen das Land") it is the country named last."""
    number = article.sentence_index(article.tokens[opener].start)
    if number < 1 or article.sentences[number].first_token != opener:
        return None
    before = article.sentences[number - 1]
    named = (e for e in countries if before.start <= e.start < before.end and preposition_before(article, e) is None)
    first = next(named, None)
    return first.actor.country if first else None


def of_kind_before(countries: list[Entity], token: Token, language: Language) -> str | None:
    """The last country named before `token` of the kind its noun names ("das Emirat": Qatar after "Katar", though
    Afghanistan was named since), else none."""
    kind = country_kinds(language.code).get(token.text)
    before = [e.actor.country for e in countries if e.end <= token.start and e.actor.country in (kind or ())]
    return before[-1] if before else None


def owned_country(article: Article, actors: list[Entity], index: int) -> list[Entity]:
    """'Der tschechische Senatspräsident bekräftigte die Solidarität seines Landes': a possessive's country is the
    country of the last actor its sentence names before it, the owner the possessive points back to."""
    tokens = article.tokens
    sentence = article.sentences[article.sentence_index(tokens[index].start)]
    owners = [e for e in actors if sentence.start <= e.start and e.end <= tokens[index - 1].start]
    if not owners:
        return []
    start, end = tokens[index - 1].start, tokens[index].end
    return [Entity(start, end, article.text[start:end], "LOC", actor=Actor(None, owners[-1].actor.country, "GOV"))]


def titled_before(countries: list[Entity], token: Token, language: Language) -> str | None:
    """The last country named before `token` whose official name holds its word ("die Volksrepublik": China after
    "China", North Korea after "Nordkorea"), else none."""
    titled = titled_countries(token.text, language.code)
    before = [e.actor.country for e in countries if e.end <= token.start and e.actor.country in titled]
    return before[-1] if before else None


@cache
def titled_countries(word: str, language: str) -> frozenset[str]:
    """The countries one of whose names holds `word` ("Volksrepublik China", "Demokratische Volksrepublik Korea")."""
    return frozenset(e.country for e in country_entries(language) if e.kind == "name" and word in e.form.split())


def named_before(
    article: Article,
    index: int,
    countries: list[Entity],
    fallback: str | None,
    language: Language,
    acting: frozenset[str] = frozenset(),
) -> str | None:
    """The country named last before token `index` (within ANAPHOR_REACH), not the subject of its own
    clause ("Die USA setzten die Hilfe für das Land aus": of the subject it would be "ihr Land"), nor
    another party of it ("Zölle auf Waren aus Japan verhängte das Land"): only where it happens; nor one of
    the `acting` countries."""
    token = article.tokens[index]
    starts = [e.start for e in countries]
    last = bisect_left(starts, token.start) - 1
    own_clause = clause_start(article, index)
    others = set(acting)  # the countries of the clause's other parties
    while last >= 0 and (
        (starts[last] >= own_clause and not after_preposition(article, countries[last], language))
        or countries[last].actor.country in others
    ):
        if starts[last] >= own_clause:
            others.add(countries[last].actor.country)
        last -= 1
    near = last >= 0 and starts[last] >= token.start - ANAPHOR_REACH
    return countries[last].actor.country if near else fallback


def acting_countries(article: Article, actors: list[Entity], index: int, language: Language) -> frozenset[str]:
    """The countries of the actors its clause names before token `index` outside a phrase of place: "Die
    französischen Truppen verließen das Land" is not France (of the troops' own it would be "ihr Land")."""
    opening, token = clause_start(article, index), article.tokens[index]
    return frozenset(
        e.actor.country
        for e in actors
        if opening <= e.start and e.end <= token.start and not after_preposition(article, e, language)
    )


def after_preposition(article: Article, entity: Entity, language: Language) -> bool:
    """'im Sudan', 'in der Ukraine': a mention inside a prepositional phrase of place."""
    preposition = preposition_before(article, entity)
    return (
        preposition is not None and preposition.text.lower() in load_phrase_words(language.code).locative_prepositions
    )


def preposition_before(article: Article, entity: Entity) -> Token | None:
    """The preposition that opens the phrase of a mention ('gegen Russland', 'in der Ukraine'), if any."""
    before = [t for t in article.tokens_before(entity.start, 2) if t.pos != "ART"]
    opens = bool(before) and opens_phrase(before[-1])  # "gegen Russland", "zu Pakistan"
    return before[-1] if opens else None


def clause_start(article: Article, index: int) -> int:
    """The offset where the clause holding token `index` begins (its sentence's start if none)."""
    sentence = article.sentences[article.sentence_index(article.tokens[index].start)]
    holding = (c for c in article.clauses_of(sentence).clauses if index in c.tokens)
    clause = next(holding, None)
    return article.tokens[clause.tokens[0]].start if clause else sentence.start


def neighbour_of(article: Article, actors: list[Entity], index: int, language: Language) -> str | None:
    """The last country named before 'das Nachbarland' that is not the one acting in its own clause:
    "Ecuador protestierte. Ecuador zog den Botschafter aus dem Nachbarland ab" is not Ecuador."""
    token = article.tokens[index]
    opening = clause_start(article, index)
    own = {
        e.actor.country
        for e in actors
        if opening <= e.start < token.start and e.label == "LOC" and preposition_before(article, e) is None
    }
    others = [e for e in actors if e.actor.country not in own]
    return last_country(others, token.start, article.main_country if article.main_country not in own else None)


def last_country(mentions: list[Entity], before: int, fallback: str | None) -> str | None:
    """The country of the last mention starting before `before` within ANAPHOR_REACH, else `fallback`."""
    last = bisect_left([e.start for e in mentions], before) - 1
    near = last >= 0 and mentions[last].start >= before - ANAPHOR_REACH
    return mentions[last].actor.country if near else fallback


def sentence_start(article: Article, offset: int) -> int:
    return next((s.start for s in article.sentences if s.start <= offset < s.end), offset)


ANAPHOR_REACH = 400  # characters back: about the paragraph a reader keeps in mind
MAX_ANAPHOR_ADJECTIVES = 2  # "dem ölreichen nordafrikanischen Land"


def stands_bare(tokens: list[Token], opener: int) -> bool:
    """'verließen das Land': an anaphor that is the verb's own object, not in a phrase of a preposition ("im
    Land", "aus dem Land") nor a noun's genitive ("im Norden des Landes"), where the actor's own country may
    stand too."""
    before = tokens[opener - 1] if opener > 0 else None
    inside = before is not None and (before.pos in ("APPR", "APPRART", "NN", "NE") or is_preposition(before))
    return tokens[opener].pos != "APPRART" and tokens[opener].text.lower() != "des" and not inside


def anaphor_article(tokens: list[Token], index: int, words) -> int | None:
    """The index of the definite article that opens 'das Land', 'dem nordafrikanischen Land', if any."""
    opener = index - 1
    while opener > 0 and index - 1 - opener < MAX_ANAPHOR_ADJECTIVES and tokens[opener].pos == "ADJA":
        opener -= 1
    return opener if tokens[opener].text.lower() in words.country_anaphor_articles else None


def is_country_mention(entity: Entity) -> bool:
    return entity.actor is not None and entity.actor.country is not None and entity.label in ("LOC", "LOCderiv")


def place_of(candidate: PlaceCandidate | None) -> Place | None:
    return candidate.place() if candidate else None


def locative_places(article: Article, sentence: Sentence, gazetteer, near: set[str], language: Language):
    """(start, end, candidate) for the longest known place after each locative preposition."""
    tokens, words, modifiers = article.tokens, load_phrase_words(language.code), language.phrase_opener_tags
    for index in range(sentence.first_token, sentence.last_token - 1):
        word = tokens[index].text
        if word.lower() not in words.locative_prepositions and word not in words.place_nouns:
            continue
        found = longest_place(article, index + 1, sentence.last_token, gazetteer, near, words.not_places)
        if found is None:  # "in der Region Sagaing": past the article (not the adjective of "im Gelben Meer")
            first = skip_modifiers(tokens, index + 1, sentence.last_token, modifiers)
            if first < sentence.last_token and tokens[first].text in words.not_places:
                # "im Norden Gazas", "im Süden des Gazastreifens": the place is the genitive after the direction;
                # an adjective may open its name ("im Osten der Demokratischen Republik Kongo")
                article_end = skip_modifiers(tokens, first + 1, sentence.last_token, {"ART"})
                found = longest_place(article, article_end, sentence.last_token, gazetteer, near, words.not_places)
                first = skip_modifiers(tokens, article_end, sentence.last_token, modifiers)
            found = found or longest_place(article, first, sentence.last_token, gazetteer, near, words.not_places)
        if found is not None:
            yield found


def named_places(article: Article, sentence: Sentence, gazetteer, near: set[str], language: Language):
    """(start, end, candidate) for a place named where no preposition of place stands before it:
    "Russland griff Charkiw an", "Raketen trafen Odessa", "annektierte die Krim". Only cities big
    enough to be news on their own and the regions, islands and sites of places.tsv, and not inside a
    longer name ("Paris Hilton")."""
    tokens, words, curated = article.tokens, load_phrase_words(language.code), curated_place_heads(language.code)
    for index in range(sentence.first_token, sentence.last_token):
        before = tokens[index - 1] if index > sentence.first_token else None
        token = tokens[index]
        if token.pos != "NE" and not (token.pos == "NN" and token.text in curated):
            continue  # the tagger reads some places of places.tsv as common nouns ("die Krim")
        if before is not None and names_before(before, article, language):
            continue
        found = longest_place(article, index, sentence.last_token, gazetteer, near, words.not_places)
        if found is None or not is_news_place(found[2], tokens[index]):
            continue
        after = next((i for i in range(index, sentence.last_token) if tokens[i].end >= found[1]), index) + 1
        if after < sentence.last_token and tokens[after].pos == "NE":
            continue
        yield found


GEONAMES_KINDS = ("city", "country")  # the gazetteer's own kinds; every other kind is a place of places.tsv


def is_news_place(candidate: PlaceCandidate, token: Token) -> bool:
    """A city big enough to be news on its own, named as a proper name, or a place of places.tsv."""
    if candidate.kind in GEONAMES_KINDS:
        return candidate.kind == "city" and token.pos == "NE" and candidate.population >= NAMED_CITY_POPULATION
    return True


def names_before(token: Token, article: Article, language: Language) -> bool:
    """A proper name or a title ("Verteidigungsminister Aden Duale") before it: part of a person's name."""
    return token.pos == "NE" or (token.pos == "NN" and code_actor([token.text], article.reference_date, language.code))


def skip_modifiers(tokens: list[Token], first: int, stop: int, tags: set[str] | frozenset[str]) -> int:
    while first < stop and tokens[first].pos in tags:
        first += 1
    return first


def longest_place(article: Article, first: int, stop: int, gazetteer, near: set[str], not_places: frozenset[str]):
    """(start, end, candidate) of the longest known place starting at token `first`. A word that is no place
    on its own may open a longer name ("Region Kursk" is the oblast, not the city)."""
    tokens = article.tokens
    if first >= stop or not tokens[first].text[:1].isupper():
        return None
    shortest = 2 if tokens[first].text in not_places else 1
    for length in range(MAX_PLACE_TOKENS, shortest - 1, -1):
        last = first + length - 1
        if last >= stop:
            continue
        start, end = tokens[first].start, tokens[last].end
        for form in inflection_variants(article.text[start:end]):
            candidate = gazetteer.best_place(form, near)
            if candidate is not None and not (length == 1 and is_common_noun(tokens, first, candidate)):
                return start, end, candidate
    return None


def is_common_noun(tokens: list[Token], index: int, candidate: PlaceCandidate) -> bool:
    """A word that names no place here: a German noun (is_noun_not_town), or a word after an article, which a
    town never takes ("zur Mine" is no Japanese town Mine; "Den Haag" opens with a capitalised article, part
    of the name)."""
    if is_noun_not_town(tokens[index], candidate):
        return True
    if candidate.kind != "city" or index == 0:
        return False
    before = tokens[index - 1]
    return before.pos in ("ART", "APPRART") and before.text.islower()


def is_noun_not_town(token: Token, candidate: PlaceCandidate) -> bool:
    """A function word capitalised ("Von der Leyen": no town "Von"), a small town whose name is a frequent
    German noun, or whose other name is a German noun at all ("im Stadtzentrum" is no alias of a Spanish town)."""
    frequency = common_word_frequency(token.text.lower())
    if frequency >= FUNCTION_WORD_ZIPF:
        return True
    if candidate.kind != "city" or candidate.population >= COMMON_NOUN_TOWN_POPULATION or token.pos != "NN":
        return False
    return frequency >= COMMON_NOUN_ZIPF or (token.text != candidate.name and frequency >= GERMAN_WORD_ZIPF)


@cache
def common_word_frequency(word: str) -> float:
    return zipf_frequency(word, "de")


def inflection_variants(form: str) -> list[str]:
    """'Gelben Meer' is listed as 'Gelbes Meer': an inflected adjective opening a place name;
    'Gazas', 'Kongos': a name in the genitive."""
    first, _, rest = form.partition(" ")
    if not rest:
        return [form, form[:-1]] if form.endswith("s") and len(form) > 4 else [form]
    if not first.endswith("en"):
        return [form]
    stem = first[:-2]
    return [form, *(f"{stem}{ending} {rest}" for ending in ("es", "e", "er"))]


def fill_scene_countries(article: Article, entities: list[Entity], language: Language) -> None:
    """A body without a country acts where its sentence is set, else in the article's main country.
    Soldiers without a country are the last named army's ('Der Abzug der Bundeswehr ... 5000 Soldaten
    in Afghanistan'): troops serve abroad, police and governments at home. A person with a title and a
    name ('General Ali Musa') takes the country of another mention of the name that has one, else the
    scene's: the last army named is no tie to a person."""
    main = article.main_country
    last_army: str | None = None
    tied = named_countries(entities)
    ordered = sorted(entities, key=lambda e: e.start)
    scenes: dict[int, str | None] = {}  # sentence index -> its scene, read once per sentence
    for entity in ordered:
        actor = entity.actor
        if actor is not None and actor.sector == "MIL" and actor.country:
            last_army = actor.country
        if actor is None or actor.country or actor.sector not in SCENE_SECTORS:
            continue
        if actor.name and entity.label != "PER":
            continue  # a listed body without a country (the Islamic State) has none
        number = article.sentence_index(entity.start)
        inside = number >= 0 and entity.start < article.sentences[number].end
        if inside and number not in scenes:
            scenes[number] = sentence_place_country(article, article.sentences[number], entities, language)
        scene = scenes[number] if inside else None
        owner = (
            possessor_country(entity, entities, article, language)
            or genitive_owner(entity, ordered, article, language)
            or earlier_namesake(entity, entities)
            or (tied.get(actor.name.split()[-1]) if entity.label == "PER" and actor.name else None)
        )
        group = named_group_before(entity, ordered, language) if owner is None else None
        owner = owner or (group.actor.country if group and group.actor else None)
        if owner is None and (
            is_envoy(entity, language)
            or is_of_no_one_country(entity, language)
            or are_whole_sides(article, entity, language)
            or are_many_office_holders(article, entity, language)
            or serves_many_states(entity, ordered, article, language)
            or serves_stateless_group(entity, ordered, article, language)
            or group is not None  # repeats a group of no country ("die Extremisten" after the IS)
            or is_regional(entity, language)
            or is_relational(entity, language)
        ):
            continue  # "Venezuela wies sieben Botschafter aus": foreign where they serve; "die Angreifer": unknown
        troops = actor.sector == "MIL" and not (entity.label == "PER" and actor.name)  # a named officer is no troop
        if entity.label == "PER" and scene is not None and scene in partner_countries(entity, entities, article):
            # "Premierminister X und der chinesische Minister ... in Peking": X is the other side, not the host's
            country = owner or (main if main != scene else None)
        else:
            owner = owner or (home_of_title(entity, article, language) if not troops else None)
            country = owner or (last_army if troops else None) or scene or main
        if owner and not actor.name:  # "Japan ... seine Außenministerin": the owner's office holder of the day
            entity.actor = code_actor_of(entity.text.split(), owner, article.reference_date, language.code) or actor
            entity.label = "PER" if entity.actor.name else entity.label
        if country:
            entity.actor = replace(entity.actor, country=country)
            if actor.sector == "MIL":
                last_army = country


def home_of_title(entity: Entity, article: Article, language: Language) -> str | None:
    """'Ankara (dpa) - ... Der Regierungschef drohte ...': a bare title of one man's office that names no holder
    before it is the office of the state the article is set in (its dateline, else its main country), not of a
    place in its sentence."""
    return home_country(article, language.code) if title_offices(entity.text, language.code) else None


PARTNER_JOINS = (" und ", " sowie ")


def partner_countries(entity: Entity, entities: list[Entity], article: Article) -> set[str]:
    """The countries of the actors joined to `entity` by 'und' ('X und der chinesische Minister', 'der
    chinesische Minister und X')."""
    found = set()
    for other in entities:
        if other is entity or other.actor is None or not other.actor.country:
            continue
        first, second = (entity, other) if entity.start < other.start else (other, entity)
        if article.text[first.end : second.start] in PARTNER_JOINS:
            found.add(other.actor.country)
    return found


def named_countries(entities: list[Entity]) -> dict[str, str]:
    """Surname -> country of the persons the text names with a country of their own ('der ecuadorianische
    Präsident Rafael Correa'), for their other mentions without one ('Präsident Correa')."""
    return {
        e.actor.name.split()[-1]: e.actor.country
        for e in entities
        if e.label == "PER" and e.actor and e.actor.name and e.actor.country
    }


def is_envoy(entity: Entity, language: Language) -> bool:
    return entity.text.split()[-1] in load_phrase_words(language.code).envoy_nouns


def is_relational(entity: Entity, language: Language) -> bool:
    """'ihre Verbündeten', 'seine Gegner': others named by their relation to the owner, of no country the
    owner or the scene gives; allies and counterparts are others also without a possessive ('die Verbündeten')."""
    words, phrase_words = entity.text.split(), load_phrase_words(language.code)
    if words[-1] in phrase_words.foreign_relational_nouns:
        return True
    return words[0].lower() in language.possessives and words[-1] in phrase_words.relational_nouns


def is_of_no_one_country(entity: Entity, language: Language) -> bool:
    """'die Angreifer': doers the text does not identify; 'viele Staaten': many countries."""
    words = load_phrase_words(language.code)
    head = entity.text.split()[-1].rpartition("-")[2]  # "G7-Staaten", "UN-Mitgliedstaaten"
    return head in words.unknown_doers | words.many_states


def are_whole_sides(article: Article, entity: Entity, language: Language) -> bool:
    """'rief alle Seiten zur Mäßigung auf', 'alle Beteiligten': the sides of a dispute asked or warned together are no
    one country; 'Opfer auf beiden Seiten' is where the victims are, which the scene may tell."""
    sides = entity.text.split()[-1] in load_phrase_words(language.code).whole_sides
    return sides and not after_preposition(article, entity, language)


def are_many_office_holders(article: Article, entity: Entity, language: Language) -> bool:
    """'Die Staats- und Regierungschefs beschlossen ...': the holders of an office each state has one of, after a
    determiner of the plural, are of several states, not of the scene (an owner, asked first, names them)."""
    words = load_phrase_words(language.code)
    if entity.text.split()[-1] not in words.office_plurals:
        return False
    before = [t.text for t in article.tokens_before(entity.start, PLURAL_REACH)] + entity.text.split()[:-1]
    # "die Staats- und Regierungschefs", "die beiden Präsidenten": over truncated nouns, "und", adjectives
    for word in reversed(before):
        if word.lower() in words.plural_determiners:
            return True
        if not (word.endswith("-") or word in ("und", ",") or word[:1].islower()):
            return False
    return False


PLURAL_REACH = 4  # words before an office noun where its determiner may stand ("die Staats- und Regierungschefs")


def is_regional(entity: Entity, language: Language) -> bool:
    """'westafrikanische Staatschefs', 'ausländische Journalisten': of a region or from abroad, so of
    no one country, and not of the scene."""
    stems = load_phrase_words(language.code).regional_adjectives
    return any(
        word.lower().removesuffix(ending) in stems for word in entity.text.split() for ending in ADJECTIVE_ENDINGS
    )


def possessor_country(entity: Entity, entities: list[Entity], article: Article, language: Language) -> str | None:
    """'Er und seine Diplomaten': the diplomats belong to whoever 'sein' points back to, an actor of
    its own sentence or the one before (further back, 'ihr' more likely means what was no actor)."""
    if entity.text.split()[0].lower() not in language.possessives or is_relational(entity, language):
        return None
    reach = article.sentences[max(0, article.sentence_index(entity.start) - POSSESSOR_REACH)].start
    owner = "masculine" if entity.text.split()[0].lower() in language.masculine_possessives else "feminine"
    before = [
        e for e in entities
        if reach <= e.start and e.end <= entity.start and e.actor and e.actor.country
        and owner_gender(e, language) in (owner, None)
    ]  # fmt: skip
    return max(before, key=lambda e: e.start).actor.country if before else None


POSSESSOR_REACH = 1  # sentences before the possessive's own


def serves_many_states(entity: Entity, ordered: list[Entity], article: Article, language: Language) -> bool:
    """'Die Staats- und Regierungschefs der Europäischen Union', 'die Außenminister der 27 Mitgliedstaaten',
    'die Regierungschefs der Nato-Staaten': a body in the genitive of an international organisation or of many
    states is of no one country, not of the scene."""
    following = next_entity(entity, ordered)
    if following is None or following.actor is None or following.actor.country is not None:
        return False
    if article.text[entity.end : following.start].strip() or not following.text.startswith(language.genitive_openers):
        return False
    return following.actor.sector == "IGO" or is_of_no_one_country(following, language)


def serves_stateless_group(entity: Entity, ordered: list[Entity], article: Article, language: Language) -> bool:
    """'Kämpfer der Terrormiliz IS', 'Kämpfer von al-Qaida': members of an armed group of no country are of none,
    not of the scene (spec: groups without a country, IS and al-Qaida, have country null)."""
    following = next_entity(entity, ordered)
    if following is None or following.actor is None or following.actor.country is not None:
        return False
    if not (following.actor.name and following.actor.sector == "REB"):
        return False
    gap = article.text[entity.end : following.start].strip()
    return gap == "von" or (not gap and following.text.startswith(language.genitive_openers))


def named_group_before(entity: Entity, ordered: list[Entity], language: Language) -> Entity | None:
    """'Die Hamas feuerte Raketen ab. Die Islamisten drohten ...': a bare definite noun for fighters ("die
    Rebellen", "die Islamisten", "die Miliz") repeats the armed group named last before it, and is of its country
    (of none after the IS); not of the scene, which is often the group's enemy's."""
    words = entity.text.split()
    if entity.actor is None or entity.actor.sector != "REB" or entity.actor.name or len(words) != 2:
        return None
    if words[0].lower() not in load_phrase_words(language.code).country_anaphor_articles:
        return None
    groups = [e for e in ordered if e.end <= entity.start and e.actor and e.actor.sector == "REB" and e.actor.name]
    return groups[-1] if groups else None


def main_country(article: Article, entities: list[Entity]) -> str | None:
    """The country whose places the article names most often; failing places, the country of most actors,
    not counting the agency of a dateline ('(AFP)' says nothing of where the story is set)."""
    counts = Counter(e.place.country for e in entities if e.place and e.place.country)
    if not counts:
        actors = [e for e in entities if e.actor and e.actor.country and not article.in_dateline(e.start)]
        counts = Counter(e.actor.country for e in actors)
    return counts.most_common(1)[0][0] if counts else None


def in_text_order(entities: list[Entity]) -> list[Entity]:
    """The entities sorted by offset, with `refers_to` pointing into the sorted list."""
    ordered = sorted(entities, key=lambda e: (e.start, -e.end))
    position = {id(entity): index for index, entity in enumerate(ordered)}
    for entity in ordered:
        if entity.refers_to is not None:
            entity.refers_to = position[id(entities[entity.refers_to])]
    return ordered


def resolve_coreference(article: Article, entities: list[Entity], language: Language) -> None:
    """Surnames repeat the full name before them; 'er' is the last person named."""
    link_titled_surnames(entities, language)
    named: dict[str, int] = {}
    ordered = sorted(range(len(entities)), key=lambda i: entities[i].start)
    for index in ordered:
        entity = entities[index]
        if entity.label != "PER" or entity.actor is None:
            continue
        surname = entity.text.split()[-1]
        earlier = named.get(surname)
        if earlier is not None and len(entity.text.split()) == 1 and entities[earlier].actor.name:
            entity.actor = entities[earlier].actor
            entity.refers_to = earlier
        elif entity.actor.name:
            named[surname] = index
    entities.extend(bare_surnames(article, entities, language))
    entities.extend(pronoun_entities(article, entities, language))
    entities.extend(described_bodies(article, entities, language))


def bare_surnames(article: Article, entities: list[Entity], language: Language) -> list[Entity]:
    """'Übergangspräsident Amani Mrema kehrte zurück. Mrema forderte ...': a surname alone, after a person the
    text named in full (with a title or in apposition) but the lexicon does not know, repeats that person; so does
    its genitive ("Mremas Rückkehr")."""
    lexicon = load_actor_lexicon(language.code)
    full = sorted(
        (e for e in entities if e.label == "PER" and e.actor and e.actor.name and len(e.actor.name.split()) > 1),
        key=lambda e: e.start,
    )
    unknown = {e.actor.name.split()[-1] for e in full if not lexicon.terms_of(e.actor.name)}
    covered = [(e.start, e.end) for e in entities]
    found = []
    for token in article.tokens:
        surname = token.text if token.text in unknown else token.text.removesuffix("s")
        if surname not in unknown or token.pos != "NE" or any(start <= token.start < end for start, end in covered):
            continue
        earlier = [e for e in full if e.actor.name.split()[-1] == surname and e.end <= token.start]
        if earlier:
            person = entities.index(earlier[-1])
            found.append(Entity(token.start, token.end, token.text, "PER", actor=earlier[-1].actor, refers_to=person))
    return found


def link_titled_surnames(entities: list[Entity], language: Language) -> None:
    """'Präsident Hichilema' is the person the text names in full ('Hakainde Hichilema'), before or after, when
    the lexicon knows neither: a title with a surname takes that person's name and country."""
    lexicon = load_actor_lexicon(language.code)
    named = [
        e for e in entities if e.label == "PER" and e.actor and e.actor.name and not lexicon.terms_of(e.actor.name)
    ]
    by_surname: dict[str, list[Entity]] = {}
    for entity in sorted(named, key=lambda e: e.start):
        if len(entity.actor.name.split()) > 1:
            by_surname.setdefault(entity.actor.name.split()[-1], []).append(entity)
    for entity in named:
        full = antecedent(by_surname.get(entity.actor.name, []), entity.start)
        if full is not None:
            entity.actor, entity.refers_to = full.actor, entities.index(full)


def antecedent(people: list[Entity], offset: int) -> Entity | None:
    """The last of `people` (in text order) named before `offset`, else the first named after it."""
    before = [p for p in people if p.start < offset]
    return before[-1] if before else (people[0] if people else None)


def pronoun_entities(article: Article, entities: list[Entity], language: Language) -> list[Entity]:
    """'er' is a person named in its sentence or the two before it (which one: `last_before`): further
    back, the person it means is more likely one the lexicon does not know ("Bin Laden ... Er wurde
    getötet"); never a woman ("die Außenministerin"). An object pronoun ("ihn", "ihm"; "ihr" for a woman)
    is found the same way, but never the person its own clause names otherwise ("Putin warf ihm vor", "Er
    drohte ihm": not the one "er" is)."""
    named = [e for e in entities if e.label == "PER" and e.actor and e.actor.name]
    men = sorted((e for e in named if owner_gender(e, language) != "feminine"), key=lambda e: e.start)
    women = sorted((e for e in named if owner_gender(e, language) == "feminine"), key=lambda e: e.start)
    subjects = []
    for token in article.tokens:
        if token.pos != "PPER" or token.text.lower() not in language.masculine_pronouns:
            continue
        antecedent = within_reach(last_before(men, token, article), token, article)
        if antecedent is not None:
            found = pronoun_entity(token, antecedent, entities)
            subjects.append(found)
            insort(men, found, key=lambda e: e.start)  # "Dort traf er Xi. Er lobte ...": "er" keeps its referent
    described = described_people(article, entities, (men, women), language)
    return subjects + described + object_pronoun_entities(article, entities, subjects, (men, women), language)


Described = TypeVar("Described", Description, BodyDescription)


def described_people(
    article: Article, entities: list[Entity], people: tuple[list[Entity], list[Entity]], language: Language
) -> list[Entity]:
    """'Der 66-Jährige', 'die Politikerin': the last person of that gender named within reach, as for 'er'."""

    def antecedent_of(description: Description, start: int, token: Token) -> Entity | None:
        persons = people[0] if description.gender == "masculine" else people[1]
        return within_reach(last_before(persons, article.tokens[description.first], article), token, article)

    return described(article, entities, lambda tokens, i: person_description(tokens, i, language), antecedent_of, "PER")


def described_bodies(article: Article, entities: list[Entity], language: Language) -> list[Entity]:
    """'Das Bündnis', 'die Partei': the last body of that kind named within reach, as 'er' is the last man."""
    bodies = sorted((e for e in entities if e.label == "ORG" and e.actor and e.actor.name), key=lambda e: e.start)

    def antecedent_of(description: BodyDescription, start: int, token: Token) -> Entity | None:
        fitting = [b for b in bodies if b.end <= start and b.actor.sector in description.sectors]
        return within_reach(fitting[-1] if fitting else None, token, article)

    return described(article, entities, lambda tokens, i: body_description(tokens, i, language), antecedent_of, "ORG")


def described(
    article: Article,
    entities: list[Entity],
    describe: Callable[[list[Token], int], Described | None],
    antecedent_of: Callable[[Described, int, Token], Entity | None],
    label: str,
) -> list[Entity]:
    """The descriptions `describe` finds ending at each token, each an entity of the actor `antecedent_of` gives it;
    a description some actor phrase already covers ("der Politiker Dodik", "die Partei HDP") is that phrase's."""
    tokens, found = article.tokens, []
    covered = [(e.start, e.end) for e in entities]
    for index, token in enumerate(tokens):
        description = describe(tokens, index)
        if description is None:
            continue
        start, end = tokens[description.first].start, token.end
        if any(s < end and start < e for s, e in covered):
            continue
        antecedent = antecedent_of(description, start, token)
        if antecedent is not None:
            referent = antecedent.refers_to if antecedent.refers_to is not None else entities.index(antecedent)
            found.append(Entity(start, end, article.text[start:end], label, actor=antecedent.actor, refers_to=referent))
    return found


def object_pronoun_entities(
    article: Article,
    entities: list[Entity],
    subjects: list[Entity],
    people: tuple[list[Entity], list[Entity]],
    language: Language,
) -> list[Entity]:
    """'ihn', 'ihm' (a man), 'ihr' (a woman): the last person of that gender before the pronoun's clause whom
    the clause does not name already (`people`: the men and the women named, in text order)."""
    men, women = people
    objects = []
    for index, token in enumerate(article.tokens):
        if token.pos != "PPER":
            continue
        word = token.text.lower()
        if word not in language.object_pronouns:
            continue
        opening = clause_start(article, index)
        own = [e.actor for e in [*entities, *subjects] if opening <= e.start < token.start and e.actor]
        persons = women if word in language.feminine_object_pronouns else men
        persons = [p for p in persons if p.actor not in own and p.end <= opening]
        antecedent = within_reach(last_before(persons, token, article), token, article)
        if antecedent is not None:
            objects.append(pronoun_entity(token, antecedent, entities))
    return objects


def within_reach(antecedent: Entity | None, token: Token, article: Article) -> Entity | None:
    first = max(0, article.sentence_index(token.start) - ANTECEDENT_REACH)
    reach = article.sentences[first].start if article.sentences else 0
    return antecedent if antecedent is not None and antecedent.start >= reach else None


def pronoun_entity(token: Token, antecedent: Entity, entities: list[Entity]) -> Entity:
    """A pronoun as the person it refers to; an antecedent that is a pronoun itself passes on its referent."""
    referent = antecedent.refers_to if antecedent.refers_to is not None else entities.index(antecedent)
    return Entity(token.start, token.end, token.text, "PER", actor=antecedent.actor, refers_to=referent)


ANTECEDENT_REACH = 2  # sentences before the pronoun's own


def last_before(persons: list[Entity], token: Token, article: Article) -> Entity | None:
    """In the pronoun's own sentence the person named last before it; in an earlier sentence the
    first person that sentence names, most often its subject ("Putin bot Trump ein Treffen an. Er ...")."""
    before = [p for p in persons if p.end <= token.start]
    if not before:
        return None
    own = article.sentence_index(token.start)
    latest = article.sentence_index(before[-1].start)
    if latest == own:
        return before[-1]
    return next(p for p in before if article.sentence_index(p.start) == latest)
