"""Whose a bare body or role is, read off the words around it: an owner in the genitive ("die Armee Malis"), an
earlier namesake ("die Diplomaten" after "US-Diplomaten"), or the place its sentence is set in. The entity stage
uses them to place bodies; the event stage asks them again when an act re-assigns a bare body (events/parties.py).
"""

from __future__ import annotations

from bisect import bisect_right

from lagebild.document import Article, Entity, Sentence
from lagebild.entities.lexicon import load_actor_lexicon, strip_leading_articles
from lagebild.entities.words import load_phrase_words
from lagebild.lang import Language, load_language


def genitive_owner(entity: Entity, ordered: list[Entity], article: Article, language: Language) -> str | None:
    """'Die Marine des syrischen Präsidenten', 'die Armee Malis': a body belongs to the actor in
    the genitive right after it, or after 'von' ('die Regierung von Präsident Castro', 'der Stadtrat von Charkiw':
    a place after 'von' is the body's seat)."""
    following = next_entity(entity, ordered)
    if following is None:
        return None
    gap = article.text[entity.end : following.start].strip()
    if gap == "von" and following.actor is None and following.place is not None:
        return following.place.country
    if not following.actor or not following.actor.country or serves_no_medium(entity, following):
        return None
    if gap == "von" and following.label in ("PER", "LOC"):
        return following.actor.country
    if gap and not is_genitive_chain(article, entity.end, following.start, language):
        return None
    text = following.text
    return following.actor.country if text.startswith(language.genitive_openers) or text.endswith("s") else None


STATE_SECTORS = {"GOV", "MIL"}  # officials and soldiers, who work for a state, not for a newspaper


def serves_no_medium(entity: Entity, owner: Entity) -> bool:
    """'sagte ein Offizier der Nachrichtenagentur AFP': an official or a soldier before a medium is no member of it;
    the medium is whom he told (a dative), so it gives him no country."""
    return (
        owner.actor is not None
        and owner.actor.sector == "MED"
        and entity.actor is not None
        and entity.actor.sector in STATE_SECTORS
    )


def next_entity(entity: Entity, ordered: list[Entity]) -> Entity | None:
    """The entity that starts next after `entity` in the text; `ordered`: the entities sorted by start."""
    index = bisect_right(ordered, entity.start, key=lambda e: e.start)
    return ordered[index] if index < len(ordered) else None


def is_genitive_chain(article: Article, start: int, end: int, language: Language) -> bool:
    """'Der Vorsitzende des Verteidigungsausschusses der Duma': genitive phrases without an actor of their own
    between a body and its owner ("des" or "der", adjectives, nouns) pass the owner on."""
    index, stop = article.token_index(start), article.token_index(end)
    tokens = article.tokens[index:stop]
    openers = {opener.strip() for opener in language.genitive_openers}
    if not tokens or tokens[0].text.lower() not in openers:
        return False
    return all(t.pos in GENITIVE_CHAIN_TAGS or t.text.lower() in openers for t in tokens)


GENITIVE_CHAIN_TAGS = {"ADJA", "NN"}


def earlier_namesake(entity: Entity, entities: list[Entity]) -> str | None:
    """'Die Diplomaten' after 'US-Diplomaten': a bare role noun repeats the last actor it heads; a person's
    title also one it heads in another case, with the country after it ('der Präsident' after 'den Präsidenten
    Venezuelas': one office, one holder; 'die Behörden' after 'den Behörden in Tunesien' may be others)."""
    head = entity.text.split()[-1]
    if len(entity.text.split()) > 2 or len(head) < 5:
        return None
    forms = {head, *(head + ending for ending in NOUN_CASE_ENDINGS)}
    before = [  # every form holds the head: "head in e.text" turns most entities away at once
        e for e in entities
        if e.end <= entity.start and head in e.text and e.actor and e.actor.country and e.text != entity.text
        and (e.text.endswith(head) or (e.label == "PER" and any(w.rpartition("-")[2] in forms for w in e.text.split())))
    ]  # fmt: skip
    return max(before, key=lambda e: e.start).actor.country if before else None


NOUN_CASE_ENDINGS = ("en", "n", "s", "es")  # "den Präsidenten", "des Ministers": the noun in another case


def title_offices(text: str, language: str) -> tuple[str, ...]:
    """The offices of a bare title of one person ("der Präsident": head_of_state), else none; not of several ("die
    Außenminister der Mitgliedstaaten")."""
    words, grammar = strip_leading_articles(text.split(), language), load_language(language)
    singular = grammar.masculine_person_articles | grammar.masculine_or_neuter_articles  # "der", "des": one man
    if len(words) != 1 or words[0] == text or text.split()[0].lower() not in singular:
        return ()
    return tuple(o for e in load_actor_lexicon(language).lookup(words[0]) if e.role for o in e.role.offices)


def sentence_place_country(
    article: Article, sentence: Sentence, entities: list[Entity], language: Language
) -> str | None:
    """The country of the first place the sentence is set in ('in Moskau', 'in Tiflis'); 'liefert der
    Ukraine' names a recipient, not a scene, and 'reiste nach Kiew' where someone goes: a traveller is not of
    the place he goes to."""
    for entity in entities:
        inside = sentence.start <= entity.start < sentence.end
        located = inside and entity.place and entity.place.country and is_locative(article, entity, language)
        if located and not is_goal(article, entity, language):
            return entity.place.country
    return None


def is_goal(article: Article, entity: Entity, language: Language) -> bool:
    """'reiste nach Kiew', 'ins Land', 'in die Ukraine': where someone goes, told by the last preposition before
    the place ('nach Angaben aus Kiew': 'aus'). After a two-way preposition only a feminine or plural article
    tells the accusative: 'in den' may be dative plural ('in den USA')."""
    words = [t.text.lower() for t in article.tokens_before(entity.start, 3)]
    words += [word for word in article.text[entity.start : entity.end].split()[:1] if word.islower()]
    prepositions = load_phrase_words(language.code).locative_prepositions | language.destination_prepositions
    for index in range(len(words) - 1, -1, -1):
        if words[index] in prepositions:
            following = words[index + 1 : index + 2]
            accusative = bool(following) and following[0] in language.feminine_or_plural_articles
            two_way = words[index] in language.two_way_prepositions
            return words[index] in language.destination_prepositions or (two_way and accusative)
    return False


def is_locative(article: Article, entity: Entity, language: Language) -> bool:
    prepositions = load_phrase_words(language.code).locative_prepositions
    return any(t.text.lower() in prepositions for t in article.tokens_before(entity.start, 3))
