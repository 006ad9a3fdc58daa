"""Trigger words in a clause: verbs (with separable particles), event nouns, light-verb constructions.

The lexicon (data/de/triggers.tsv) says which lemma means which PLOVER type; this module only
finds them: it rejoins a separable particle with its verb ("schoss ... ab" = "abschießen"), reads
compounds by their head ("Waffenlieferung" is a "Lieferung" whose first part says "Waffe"),
prefers a light-verb construction over its parts ("Sanktionen verhängen"), and picks one sense
per word: a sense whose `requires` words occur in the clause beats one that requires nothing.
Words inside an actor's name or title ("EU-Kommissar für humanitäre Hilfe") are no triggers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lagebild.clauses import is_finite, is_preposition, is_verb
from lagebild.document import Clause, ClauseKind, Token
from lagebild.events.lexicon import ALL_OF, TriggerEntry, TriggerLexicon, clause_keys, compound_ending, lemma_key
from lagebild.lang import Language
from lagebild.language import is_fronted_phrase


@dataclass
class TriggerHit:
    entry: TriggerEntry
    token: int  # the head: verb or noun
    tokens: tuple[int, ...]  # every token of the trigger (verb + particle, noun + support verb)
    attributive: bool = False  # a participle before its noun: "der festgenommene Journalist"


def find_triggers(
    clause: Clause, tokens: list[Token], lexicon: TriggerLexicon, context: list[str], blocked: set[int]
) -> list[TriggerHit]:
    """Triggers of a clause. `context`: lemmas that senses may require (the clause and what depends
    on it); `blocked`: token indices inside actor names."""
    particle = trailing_particle(clause, tokens, lexicon.separable_particles())
    # "Die USA stellen ... bereit", "froren ... ein": the tagger reads a plural present as the infinitive and some
    # strong preterites as participles; in a main clause with no finite verb, that word is the finite verb
    untagged_finite = clause.kind == ClauseKind.MAIN and not any(is_finite(tokens[i]) for i in clause.tokens)
    keys = clause_keys(context + antecedent_lemmas(clause, tokens) + particle_verbs(clause, tokens, particle))
    hits: list[TriggerHit] = []
    used: set[int] = set(blocked)
    # a sense whose required words occur beats one that requires none, as for single words (`best_sense`)
    lvc_hits = sorted(
        light_verb_hits(clause, tokens, lexicon, particle, untagged_finite), key=lambda h: not h.entry.requires
    )
    circumstance: dict[int, str] = {}  # verb index -> type of the prepositional noun read with it
    for hit in lvc_hits:
        if hit.token not in used and hit.entry.fits_keys(keys):
            hits.append(hit)
            if after_reason_preposition(clause, tokens, hit.token):
                # "nahm ihn unter dem Vorwurf der Spionage fest": the noun tells why; the verb keeps its own event
                used.add(hit.token)
                circumstance.update((index, hit.entry.type) for index in hit.tokens[1:])
            else:
                used.update(hit.tokens)
    for index in clause.tokens:
        token = tokens[index]
        if not may_trigger(token, clause.grammar):
            continue  # an article, preposition, pronoun, ...: read no further
        if index in used or (token.pos == "VVPP" and later_participle(clause, tokens, index)):
            continue  # "verstärkt zu Kämpfen gekommen": the clause's verb comes last; this one is an adverb
        if (token.pos == "ADJA" and token.verb and before_noun(clause, tokens, index)) or reads_as_attribute(
            clause, tokens, index
        ):
            # "der im Mai festgenommene Journalist", "die verhängten Sanktionen": a passive event of the noun
            best = best_sense(list(lexicon.verbs(token.verb or token.lemma)), keys)
            if best is not None and best.target[:1] != ("subj",):
                hits.append(TriggerHit(best, index, (index,), attributive=True))
            continue
        if token.pos.startswith("VV"):
            closing = tokens[particle].text.lower() if particle is not None else None
            senses = verb_senses(token, closing, lexicon, takes_particle(token, untagged_finite))
            extent = (index, particle) if senses and senses[0][1] and particle is not None else (index,)
            best = best_sense([entry for entry, _ in senses], keys)
        elif token.pos in ("ADJA", "ADJD") and not attributive(clause, tokens, index):
            # "gewährte", "vereinbarten": weak preterites the tagger read as adjectives
            verb = misread_preterite(token, clause.grammar)
            senses = lexicon.verbs(verb) if verb else lexicon.verbs_from_participle(token.lemma)
            extent, best = (index,), best_sense(list(senses), keys)
        elif is_event_noun(token, clause, lexicon):  # with nominalised verbs: "auf Drängen der USA"
            entries = (
                noun_senses(token, lexicon)
                or planned_senses(token.lemma, lexicon, clause.grammar)
                or series_senses(token.lemma, lexicon, clause.grammar)
            )
            modifier = compound_modifier(token.lemma, entries)
            extent, best = (index,), best_sense(entries, keys | clause_keys(modifier) if modifier else keys)
        else:
            continue
        if best is not None and circumstance.get(index) != best.type:
            hits.append(TriggerHit(best, index, extent + idiom_negation(best, clause, tokens)))
    return hits


def after_reason_preposition(clause: Clause, tokens: list[Token], noun: int) -> bool:
    """Whether a preposition of reason opens the noun's phrase ("unter dem Vorwurf", "wegen des Verdachts"; not
    "forderte sie zur Ausreise auf", where the noun is what the verb asks for)."""
    opener = opener_index(tokens, noun, clause.grammar)
    return opener in clause.tokens and tokens[opener].text.lower() in clause.grammar.reason_prepositions


def opener_index(tokens: list[Token], index: int, language: Language) -> int:
    """Where the word before a noun's articles, adjectives and numbers stands; -1 if none."""
    cursor = index - 1
    while cursor >= 0 and tokens[cursor].pos in language.content_gap_tags:
        cursor -= 1
    return cursor


NEGATION_TAG = "PTKNEG"  # STTS: the negation particle "nicht"


def idiom_negation(entry: TriggerEntry, clause: Clause, tokens: list[Token]) -> tuple[int, ...]:
    """The negation a sense requires in every reading ("nicht infrage kommen": a refusal) is a word of the trigger,
    not a negation of it."""
    if not entry.requires:
        return ()
    negations = [i for i in clause.tokens if tokens[i].pos == NEGATION_TAG]
    if not negations or not all(ALL_OF in word for word in entry.requires):
        return ()
    required = {lemma_key(part) for word in entry.requires for part in word.split(ALL_OF)}
    return tuple(i for i in negations[:1] if lemma_key(tokens[i].lemma) in required)


def may_trigger(token: Token, grammar: Language) -> bool:
    """A full verb, an adjective (a participle), a noun or a name: the only words `find_triggers` reads as triggers."""
    return token.pos.startswith("VV") or token.pos in ("ADJA", "ADJD", "NE") or token.pos in grammar.noun_tags


def particle_verbs(clause: Clause, tokens: list[Token], particle: int | None) -> list[str]:
    """The clause's finite verbs with its closing particle joined: senses that require or exclude
    'ablehnen' see it in 'lehnte ... ab'."""
    if particle is None:
        return []
    return [tokens[particle].text.lower() + tokens[i].lemma for i in clause.tokens if tokens[i].pos == "VVFIN"]


ANTECEDENT_REACH = 4  # tokens before a relative clause that may belong to the noun it describes


def antecedent_lemmas(clause: Clause, tokens: list[Token]) -> list[str]:
    """The noun a relative clause describes is a word of its clause for choosing senses: in "20 Diplomaten,
    die ausgewiesen wurden" the expelled are diplomats."""
    return [tokens[i].lemma for i in antecedent_indices(clause, tokens)]


def antecedent_indices(clause: Clause, tokens: list[Token]) -> list[int]:
    """The words of the noun phrase right before a relative clause, last first."""
    if clause.kind != ClauseKind.RELATIVE:
        return []
    index = clause.first - 1
    while index >= 0 and tokens[index].pos[:1] == "$":
        index -= 1
    while index >= 0 and clause.first - index <= ANTECEDENT_REACH and tokens[index].pos.startswith("V"):
        index -= 1  # "um 20 Diplomaten handle, die ...": the relative clause comes after the verb
    indices = []
    for position in range(index, max(0, index - ANTECEDENT_REACH + 1) - 1, -1):
        pos = tokens[position].pos
        if pos not in clause.grammar.noun_tags and pos not in ("NE", "ADJA", "ART", "CARD"):
            break
        indices.append(position)
    return indices


def attributive(clause: Clause, tokens: list[Token], index: int) -> bool:
    """An adjective before its noun ('die verletzten Soldaten') is no verb, unless it stands right
    after the clause's first noun phrase, where the finite verb goes ('Die USA verhängten neue Sanktionen')."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or following.pos not in ("NN", "ADJA"):
        return False
    return not in_verb_second_place(clause, tokens, index)


def before_noun(clause: Clause, tokens: list[Token], index: int) -> bool:
    """A participle that qualifies the noun or name after it ('die angegriffene Ukraine', 'festgenommene
    Oppositionelle': a nominalised adjective is a noun too)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        following is not None
        and (following.pos in clause.grammar.noun_tags or following.pos in ("NE", "ADJA"))
        and not in_verb_second_place(clause, tokens, index)
    )


def reads_as_attribute(clause: Clause, tokens: list[Token], index: int) -> bool:
    """A participle the tagger reads as a preterite, for weak verbs without "ge-" whose two forms are one
    ("die von Russland unterstützten Separatisten griffen ... an"): inflected, right before the noun, after
    a determiner and a prepositional phrase, in a clause whose finite verb stands elsewhere, later or before
    ("Die Türkei begrüßte die von Katar vermittelte Waffenruhe")."""
    token, grammar = tokens[index], clause.grammar
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if token.pos != "VVFIN" or not token.text.endswith(grammar.attribute_endings) or following is None:
        return False
    if following.pos not in ("NN", "NE") or not any(i != index and is_finite(tokens[i]) for i in clause.tokens):
        return False
    before = [i for i in clause.tokens if i < index]
    for n in range(len(before) - 1, -1, -1):  # "Der von den USA unterstützte": the determiner that opens it
        if tokens[before[n]].pos not in grammar.attribute_gap_tags | grammar.attribute_determiner_tags:
            return False
        phrase = [tokens[i] for i in before[n + 1 :]]
        opened = tokens[before[n]].pos in grammar.attribute_determiner_tags
        if opened and any(is_preposition(t) for t in phrase):
            return True
    return False


def in_verb_second_place(clause: Clause, tokens: list[Token], index: int) -> bool:
    """After a subject-like noun phrase, with no preposition or finite verb before it in the clause; or
    after a fronted phrase of place or time in a clause with no finite verb of its own ("In Istanbul
    verhandelten Russland und die Ukraine")."""
    before = [tokens[i] for i in clause.tokens if i < index]
    if not before or before[-1].pos not in ("NE", "NN", "PPER"):
        return False
    if not any(is_preposition(t) or is_finite(t) for t in before):
        return True
    return is_fronted_phrase(before) and not any(is_finite(tokens[i]) for i in clause.tokens if i != index)


def later_participle(clause: Clause, tokens: list[Token], index: int) -> bool:
    """A participle or infinitive later in the clause that this participle modifies as an adverb; not one
    coordinated with it ("beschuldigt und mit Strafen bedroht", "getötet, ... verletzt")."""
    later = next((i for i in clause.tokens if i > index and tokens[i].pos in ("VVPP", "VVINF")), None)
    if later is None:
        return False
    return not any(t.pos == "KON" or t.text == "," for t in tokens[index + 1 : later])


def best_sense(entries: list[TriggerEntry], keys: frozenset[str]) -> TriggerEntry | None:
    """The first fitting sense that requires words of the clause, else the first fitting one (a sense is
    tested only until one is chosen: testing costs a scan of the clause's words per required word)."""
    specific = next((entry for entry in entries if entry.requires and entry.fits_keys(keys)), None)
    if specific is not None:
        return specific
    return next((entry for entry in entries if not entry.requires and entry.fits_keys(keys)), None)


def trailing_particle(clause: Clause, tokens: list[Token], particles: frozenset[str]) -> int | None:
    """A separable particle closing a main clause: 'Pjöngjang schoss zwei Raketen ab.'"""
    content = [i for i in clause.tokens if tokens[i].pos[:1] != "$"]
    if not content:
        return None
    last = content[-1]
    word = tokens[last].text.lower()
    if word in particles and (tokens[last].pos in ("PTKVZ", "ADV", "APPR", "ADJD") or len(content) > 1):
        return last
    return particle_before_comma(content, tokens, particles)


def particle_before_comma(content: list[int], tokens: list[Token], particles: frozenset[str]) -> int | None:
    """'Deutschland sicherte 50 Millionen zu, Frankreich 20 Millionen': a clause that goes on after a comma
    without a verb of its own; the particle closes the verb's bracket right before that comma."""
    for position, index in enumerate(content[1:-1], start=1):
        token = tokens[index]
        closes = index + 1 < len(tokens) and tokens[index + 1].text == ","
        if closes and token.text.lower() in particles and token.pos in ("PTKVZ", "PTKZU"):
            finite_before = any(is_finite(tokens[i]) for i in content[:position])
            finite_after = any(is_finite(tokens[i]) for i in content[position + 1 :])
            if finite_before and not finite_after:
                return index
    return None


def verb_senses(
    token: Token, particle: str | None, lexicon: TriggerLexicon, is_finite: bool
) -> list[tuple[TriggerEntry, bool]]:
    """Senses of a verb, with whether the clause-final particle belongs to it (only to a finite verb)."""
    if particle and is_finite:
        joined = lexicon.verbs(particle + token.lemma)
        if joined:
            return [(entry, True) for entry in joined]
    return [(entry, False) for entry in lexicon.verbs(token.lemma)]


def takes_particle(token: Token, untagged_finite: bool) -> bool:
    """The verb a clause-closing particle belongs to: the finite verb, or the infinitive or participle the tagger
    read in its place (`untagged_finite`); a real participle holds its particle ("festgenommen")."""
    return token.pos == "VVFIN" or (untagged_finite and token.pos in ("VVINF", "VVPP"))


def opens_light_verbs(lemma: str, lexicon: TriggerLexicon, grammar: Language) -> bool:
    """Whether the noun, or its compound head, opens any light-verb construction (most nouns open none)."""
    return lexicon.has_light_verbs(lemma) or any(map(lexicon.has_light_verbs, compound_heads(lemma, lexicon, grammar)))


def compound_heads(lemma: str, lexicon: TriggerLexicon, grammar: Language) -> tuple[str, str]:
    """The event noun ending a compound ('Waffenlieferung' -> 'Lieferung') and the light-verb noun of
    grammar.light_verb_heads ending it ('Untersuchungshaft' -> 'Haft'); '' where none does."""
    return lexicon.compound_head(lemma), light_verb_head(lemma, grammar.light_verb_heads)


def is_event_noun(token: Token, clause: Clause, lexicon: TriggerLexicon) -> bool:
    """A noun, or a compound the tagger took for a name because it did not know it ('Großmanöver' as NE)
    whose last part is an event noun."""
    return token.pos in clause.grammar.noun_tags or (token.pos == "NE" and bool(lexicon.compound_head(token.lemma)))


def misread_preterite(token: Token, grammar: Language) -> str | None:
    """The verb of a strong preterite the tagger read as an adjective ("bekannte sich" -> bekennen): only an
    inflected form; "bekannt" itself is the participle or the adjective ("bekannt geben")."""
    inflected = token.text.lower() != token.lemma.lower()
    return grammar.preterite_adjectives.get(token.lemma) if inflected else None


def noun_senses(token: Token, lexicon: TriggerLexicon) -> list[TriggerEntry]:
    return list(lexicon.nouns(token.lemma) or lexicon.nouns(lexicon.compound_head(token.lemma)))


def plan_head(lemma: str, grammar: Language) -> str:
    """The last part of a compound that makes its first part an intention ('Putschplan' -> 'Plan'), or ''."""
    return compound_head_among(lemma, grammar.plan_heads)


HEAD_AMONG_CACHE_SIZE = 100_000  # noun lemmas per process


@lru_cache(maxsize=HEAD_AMONG_CACHE_SIZE)  # asked for every noun of every clause; a pure function of a word and a set
def compound_head_among(lemma: str, heads: frozenset[str]) -> str:
    """The one of `heads` that ends the compound ('Putschplan' -> 'Plan'), or ''."""
    folded = lemma.lower()
    return next((h for h in heads if folded.endswith(h.lower()) and len(folded) > len(h)), "")


@lru_cache(maxsize=HEAD_AMONG_CACHE_SIZE)  # asked for every noun of every clause, as compound_head_among
def light_verb_head(lemma: str, heads: frozenset[str]) -> str:
    """The one of `heads` that ends the compound, split as event nouns are ('Untersuchungshaft' -> 'Haft'), or ''."""
    return compound_ending(lemma, heads.__contains__)


def planned_senses(lemma: str, lexicon: TriggerLexicon, grammar: Language) -> list[TriggerEntry]:
    """'Putschpläne', 'Angriffsvorbereitungen', 'Hilfsangebot': the senses of the event the first part
    names (Putsch, Angriff, Hilfe); lagebild.events.modality makes it planned."""
    return first_part_senses(lemma, plan_head(lemma, grammar), lexicon, grammar)


def series_senses(lemma: str, lexicon: TriggerLexicon, grammar: Language) -> list[TriggerEntry]:
    """'Verhaftungswelle', 'Anschlagsserie', 'Sanktionsrunde': a series of the event the first part names."""
    return first_part_senses(lemma, compound_head_among(lemma, grammar.series_heads), lexicon, grammar)


def first_part_senses(lemma: str, head: str, lexicon: TriggerLexicon, grammar: Language) -> list[TriggerEntry]:
    """The senses of the event noun before `head`, with or without a linking element ('Angriff-s-plan')."""
    if not head:
        return []
    first = lemma[: len(lemma) - len(head)]
    stems = [first] + [first[: -len(link)] for link in grammar.linking_elements if first.endswith(link)]
    for stem in stems:
        noun = stem[:1].upper() + stem[1:]
        found = lexicon.nouns(noun) or lexicon.nouns(lexicon.compound_head(noun))
        if found:
            return list(found)
    return []


def compound_modifier(lemma: str, entries: list[TriggerEntry]) -> list[str]:
    """'Waffenlieferung' read as 'Lieferung': its first part 'Waffen' counts as a word of the clause."""
    if not entries or lemma.lower() == entries[0].lemma.lower():
        return []
    modifier = lemma[: len(lemma) - len(entries[0].lemma)]
    return [modifier.rstrip("s").capitalize(), modifier.rstrip("ns").capitalize()] if modifier else []


def perfect_auxiliary_indices(clause: Clause, tokens: list[Token]) -> set[int]:
    """The finite 'haben'/'sein' of a clause that holds a participle of a full verb: they form its perfect or
    pluperfect and are no support verb of their own."""
    grammar = clause.grammar
    if not any(tokens[i].pos == "VVPP" for i in clause.tokens):
        return set()
    forms = grammar.perfect_auxiliaries | grammar.pluperfect_auxiliaries | grammar.pluperfect_sein
    return {i for i in clause.tokens if tokens[i].pos == "VAFIN" and tokens[i].text.lower() in forms}


def light_verb_hits(
    clause: Clause, tokens: list[Token], lexicon: TriggerLexicon, particle: int | None, untagged_finite: bool
) -> list[TriggerHit]:
    """Nouns with their support verbs; `untagged_finite`: the clause's infinitive or participle is its finite verb (see
    find_triggers), so a clause-final particle belongs to it ("Russland und China halten ... eine Übung ab")."""
    antecedents = antecedent_indices(clause, tokens)[:1]
    nouns = [
        index
        for index in [*clause.tokens, *antecedents]
        if is_event_noun(tokens[index], clause, lexicon)
        and opens_light_verbs(tokens[index].lemma, lexicon, clause.grammar)
    ]
    if not nouns:
        return []  # most clauses have no such noun: their verbs need not be read
    verbs = {}
    auxiliaries = perfect_auxiliary_indices(clause, tokens)
    for index in clause.tokens:
        token = tokens[index]
        if index in auxiliaries:
            continue  # "war zu zehn Jahren Haft verurteilt worden": the auxiliary of "verurteilt", not "in Haft sein"
        if token.pos in ("ADJA", "ADJD") and not attributive(clause, tokens, index):
            # "überquerten ... die Grenzlinie": a weak preterite the tagger read as an adjective
            support = lexicon.support_verb_from_participle(token.lemma)
            if support is not None:
                verbs[support] = index
        elif is_verb(token):
            verbs[token.lemma] = index
            if particle is not None and takes_particle(token, untagged_finite):
                verbs[tokens[particle].text.lower() + token.lemma] = index
    hits = []
    for index in nouns:
        token = tokens[index]
        # "hielten ein Großmanöver ab", "saß in Untersuchungshaft": a compound takes its head's support verbs
        heads = compound_heads(token.lemma, lexicon, clause.grammar)
        for verb_lemma, verb_index in verbs.items():
            entries = lexicon.light_verbs(token.lemma, verb_lemma) or next(
                (found for head in heads if (found := lexicon.light_verbs(head, verb_lemma))), ()
            )
            # "die Gespräche, die X und Y führten": the noun the clause describes is its verb's object;
            # the verb heads the event so that its actors are the clause's
            head = verb_index if index in antecedents else index
            hits.extend(TriggerHit(entry, head, (index, verb_index)) for entry in entries)
    return hits
