"""Names in apposition: 'die Sprecherin des Verteidigungsausschusses im Sejm, Anna Nowak,'.

A name the lexicon does not know, set off by a comma right after a noun phrase, names the person
that phrase describes. The person takes the country and sector of the first actor in the phrase
that has a country ("Der Sprecher der kenianischen Polizei, Ali Musa," is KEN; "Der venezolanische
Botschafter in Washington, Juan Pérez," is VEN, not the capital he serves in); a phrase whose
actors have no country yet leaves the person to the scene, like the body it names.

The other order too: "Ali Musa, der Sprecher der kenianischen Polizei, sagte" and "General Ali Musa,
Kommandeur der sudanesischen Armee," tie the name to the phrase after it, when that phrase is closed
by a comma or the sentence's end (in "sagte Ali Musa, die Armee werde kämpfen" a clause follows).
"""

from __future__ import annotations

from lagebild.document import Actor, Article, Entity, Sentence
from lagebild.entities.phrases import MAX_NAME_TOKENS, FormMatcher, is_name_part
from lagebild.lang import Language

MIN_NAME_TOKENS = 2  # a single capitalised word after a comma is too often a list item or a place
# Tags of the words a noun phrase before the comma is made of, genitives and prepositional parts included.
PHRASE_TAGS = frozenset({"ART", "ADJA", "NN", "NE", "APPR", "APPRART", "CARD", "FM", "PPOSAT", "TRUNC"})
NAME_CLOSERS = frozenset({",", ".", ")", ":", ";", "–", "-"})
NAME_CLOSING_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})  # "..., Ali Musa sagte": the name ends at the verb


def appositive_names(
    article: Article, entities: list[Entity], matcher: FormMatcher, gazetteer, language: Language
) -> list[Entity]:
    """Person entities for names in apposition to an actor phrase."""
    found = []
    for sentence in article.sentences:
        for comma in range(sentence.first_token + 1, sentence.last_token - MIN_NAME_TOKENS):
            if article.tokens[comma].text != ",":
                continue
            last = name_end(article, comma + 1, sentence, matcher, language)
            if last is None:
                continue
            start, end = article.tokens[comma + 1].start, article.tokens[last].end
            owner = phrase_owner(article, comma, sentence, entities)
            if owner is None or gazetteer.lookup(article.text[start:end]) or covered(entities, start, end):
                continue
            name = article.text[start:end]
            found.append(Entity(start, end, name, "PER", actor=Actor(name, owner.country, owner.sector)))
        found.extend(names_before_appositions(article, sentence, entities, gazetteer, language))
    return found


def names_before_appositions(
    article: Article, sentence: Sentence, entities: list[Entity], gazetteer, language: Language
) -> list[Entity]:
    """Persons named before a comma and described after it; a titled person without a country takes it."""
    found = []
    tokens = article.tokens
    for comma in range(sentence.first_token + MIN_NAME_TOKENS, sentence.last_token - 1):
        if tokens[comma].text != ",":
            continue
        owner = apposition_owner(article, comma, sentence, entities)
        if owner is None or owner.country is None:
            continue
        titled = next((e for e in entities if e.end == tokens[comma - 1].end and e.label == "PER"), None)
        if titled is not None:
            if titled.actor and titled.actor.name and titled.actor.country is None:
                titled.actor = Actor(titled.actor.name, owner.country, titled.actor.sector or owner.sector)
            continue
        first = name_start(article, comma, sentence, language)
        if first is None:
            continue
        start, end = tokens[first].start, tokens[comma - 1].end
        if gazetteer.lookup(article.text[start:end]) or covered(entities, start, end):
            continue
        name = article.text[start:end]
        found.append(Entity(start, end, name, "PER", actor=Actor(name, owner.country, owner.sector)))
    return found


def name_start(article: Article, comma: int, sentence: Sentence, language: Language) -> int | None:
    """The first token of an unknown name of two to four words ending right before the comma."""
    tokens = article.tokens
    first = comma
    while first - 1 >= sentence.first_token and comma - first < MAX_NAME_TOKENS:
        token = tokens[first - 1]
        if not token.text[:1].isupper() or not is_name_part(token, language, after_name=True):
            break
        first -= 1
    if comma - first < MIN_NAME_TOKENS or tokens[first].pos not in ("NE", "FM"):
        return None
    return first


def apposition_owner(article: Article, comma: int, sentence: Sentence, entities: list[Entity]) -> Actor | None:
    """The actor of a noun phrase right after the comma that the next comma or the sentence's end closes."""
    tokens = article.tokens
    last = comma + 1
    while last < sentence.last_token and tokens[last].pos in PHRASE_TAGS:
        last += 1
    if last == comma + 1 or (last < sentence.last_token and tokens[last].text not in NAME_CLOSERS):
        return None
    start, end = tokens[comma + 1].start, tokens[last - 1].end
    inside = sorted((e for e in entities if start <= e.start and e.end <= end and e.actor), key=lambda e: e.start)
    with_country = [e for e in inside if e.actor.country and e.label != "LOC"]
    return with_country[0].actor if with_country else None


def name_end(article: Article, first: int, sentence: Sentence, matcher: FormMatcher, language: Language) -> int | None:
    """The last token of an unknown name of two to four words starting at `first`, closed by a comma,
    the sentence's end or a verb; None if no such name starts there."""
    tokens, stop = article.tokens, sentence.last_token
    last = first - 1
    while last + 1 < stop and last + 1 - first < MAX_NAME_TOKENS:
        token = tokens[last + 1]
        if not is_name_part(token, language, after_name=last >= first) or not token.text[:1].isupper():
            break
        if matcher.match(tokens, last + 1, stop)[0]:
            return None  # a known actor: a list, not a name
        last += 1
    if last + 1 - first < MIN_NAME_TOKENS:
        return None
    closed = last + 1 >= stop or tokens[last + 1].text in NAME_CLOSERS or tokens[last + 1].pos in NAME_CLOSING_TAGS
    return last if closed else None


def phrase_owner(article: Article, comma: int, sentence: Sentence, entities: list[Entity]) -> Actor | None:
    """The actor of the noun phrase ending at the comma: its first actor with a country, else its first actor."""
    tokens = article.tokens
    first = comma
    while first > sentence.first_token and tokens[first - 1].pos in PHRASE_TAGS:
        first -= 1
    if first == comma:
        return None
    start, end = tokens[first].start, tokens[comma].start
    inside = sorted((e for e in entities if start <= e.start and e.end <= end and e.actor), key=lambda e: e.start)
    with_country = [e for e in inside if e.actor.country]
    chosen = (with_country or inside)[:1]
    return chosen[0].actor if chosen else None


def covered(entities: list[Entity], start: int, end: int) -> bool:
    return any(e.start < end and start < e.end for e in entities)
