"""Names in apposition: 'die Sprecherin des Verteidigungsausschusses im Sejm, Anna Nowak,'.

A name the lexicon does not know, set off by a comma right after a noun phrase, names the person
that phrase describes. The person takes the country and sector of the first actor in the phrase
that has a country ("Der Sprecher der kenianischen Polizei, Ali Musa," is KEN; "Der venezolanische
Botschafter in Washington, Juan Pérez," is VEN, not the capital he serves in); a phrase whose
actors have no country yet leaves the person to the scene, like the body it names.
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
    return found


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
