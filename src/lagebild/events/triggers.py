"""Trigger words in a clause: verbs (with separable particles), event nouns, light-verb constructions.

The lexicon (data/de/triggers.tsv) says which lemma means which PLOVER type; this module only
finds them: it rejoins a separable particle with its verb ("schoss ... ab" = "abschießen"), reads
compounds by their head ("Waffenlieferung" is a "Lieferung" whose first part says "Waffe"),
prefers a light-verb construction over its parts ("Sanktionen verhängen"), and applies each
sense's `requires` and `excludes` words against the clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.document import Token
from lagebild.events.clauses import Clause, is_verb
from lagebild.events.lexicon import TriggerEntry, TriggerLexicon

MIN_COMPOUND_HEAD = 4  # shortest noun that may head a compound ("Hilfe" in "Militärhilfe")


@dataclass
class TriggerHit:
    entry: TriggerEntry
    token: int  # the head: verb or noun
    tokens: tuple[int, ...]  # every token of the trigger (verb + particle, noun + support verb)


def find_triggers(clause: Clause, tokens: list[Token], lexicon: TriggerLexicon) -> list[TriggerHit]:
    words = [tokens[i] for i in clause.tokens]
    context = clause_context(words)
    particle = trailing_particle(clause, tokens, lexicon.separable_particles())
    hits: list[TriggerHit] = []
    used: set[int] = set()
    for hit in light_verb_hits(clause, tokens, lexicon, particle):
        if sense_fits(hit.entry, context):
            hits.append(hit)
            used.update(hit.tokens)
    for index in clause.tokens:
        if index in used:
            continue
        token = tokens[index]
        if is_verb(token) and token.pos.startswith("VV"):
            particle_word = tokens[particle].text.lower() if particle is not None else None
            hits.extend(verb_hits(index, token, particle, particle_word, lexicon, context))
        elif token.pos == "NN":
            hits.extend(noun_hits(index, token, lexicon, context))
    return hits


def clause_context(words: list[Token]) -> str:
    """Lowercased lemmas and forms of a clause, for `requires`/`excludes` (substring match: compounds count)."""
    return " ".join(f"{w.lemma.lower()} {w.text.lower()}" for w in words)


def sense_fits(entry: TriggerEntry, context: str) -> bool:
    if entry.requires and not any(word.lower() in context for word in entry.requires):
        return False
    return not any(word.lower() in context for word in entry.excludes)


def trailing_particle(clause: Clause, tokens: list[Token], particles: frozenset[str]) -> int | None:
    """A separable particle closing a main clause: 'Pjöngjang schoss zwei Raketen ab.'"""
    content = [i for i in clause.tokens if tokens[i].pos[:1] != "$"]
    if not content:
        return None
    last = content[-1]
    word = tokens[last].text.lower()
    if word in particles and (tokens[last].pos in ("PTKVZ", "ADV", "APPR", "ADJD") or len(content) > 1):
        return last
    return None


def verb_hits(
    index: int, token: Token, particle: int | None, particle_word: str | None, lexicon: TriggerLexicon, context: str
) -> list[TriggerHit]:
    if particle is not None and particle_word and token.pos == "VVFIN":
        entries = lexicon.verbs(particle_word + token.lemma)
        if entries:
            return [TriggerHit(e, index, (index, particle)) for e in entries if sense_fits(e, context)]
    return [TriggerHit(e, index, (index,)) for e in lexicon.verbs(token.lemma) if sense_fits(e, context)]


def noun_hits(index: int, token: Token, lexicon: TriggerLexicon, context: str) -> list[TriggerHit]:
    entries = lexicon.nouns(token.lemma) or lexicon.nouns(compound_head(token.lemma, lexicon))
    return [TriggerHit(e, index, (index,)) for e in entries if sense_fits(e, context)]


def compound_head(lemma: str, lexicon: TriggerLexicon) -> str:
    """The longest event noun that ends the compound: 'Waffenlieferung' -> 'Lieferung'."""
    for cut in range(1, len(lemma) - MIN_COMPOUND_HEAD + 1):
        head = lemma[cut:]
        candidate = head[0].upper() + head[1:]
        if lexicon.nouns(candidate):
            return candidate
    return ""


def light_verb_hits(
    clause: Clause, tokens: list[Token], lexicon: TriggerLexicon, particle: int | None
) -> list[TriggerHit]:
    verbs = {}
    for index in clause.tokens:
        token = tokens[index]
        if is_verb(token):
            verbs[token.lemma] = index
            if particle is not None and token.pos == "VVFIN":
                verbs[tokens[particle].text.lower() + token.lemma] = index
    hits = []
    for index in clause.tokens:
        token = tokens[index]
        if token.pos != "NN":
            continue
        for verb_lemma, verb_index in verbs.items():
            for entry in lexicon.light_verbs(token.lemma, verb_lemma):
                hits.append(TriggerHit(entry, index, (index, verb_index)))
    return hits
