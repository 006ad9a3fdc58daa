"""Who takes part when the clause does not say it plainly: participles, gapped and pronoun subjects,
"beide Seiten", lists of parties, and the parties a type implies (protesters where they protest, the state
that arrests, the civilians of an attacked place)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import combinations, pairwise, permutations

from lagebild.clauses import is_preposition
from lagebild.document import (
    Actor,
    ActorRef,
    Article,
    Clause,
    ClauseKind,
    Entity,
    PlaceRef,
    Sentence,
    Token,
)
from lagebild.entities.gender import is_neuter, owner_gender
from lagebild.entities.owners import earlier_namesake, genitive_owner, sentence_place_country
from lagebild.entities.words import load_phrase_words
from lagebild.events.arguments import Mention, before_finite_verb, is_noun, is_plural_finite
from lagebild.events.attribution import (
    governing_reporters,
    is_reporting_clause,
    is_subjunctive_one,
)
from lagebild.events.counterparts import is_party
from lagebild.events.lexicon import HOME, MIN_HEAD_MATCH, Cues, lemma_key
from lagebild.events.mentions import (
    AGENT_ROLES,
    JOINT_TYPES,
    SPEECH_ACT_TYPES,
    SYMMETRIC_TYPES,
    VISIT,
    ClauseRoles,
    EventMention,
    actor_ref,
    clause_roles,
    is_located,
    is_mutual,
    opener_index,
    same_actor,
    same_country,
    sentence_clauses,
)
from lagebild.events.merge import CROWD_TYPES
from lagebild.events.modality import clause_verbs
from lagebild.events.triggers import TriggerHit
from lagebild.lang import Language


def names_a_state(entity: Entity, article: Article, language: Language) -> bool:
    """A country or its capital named as an actor ("die Türkei", "Peking"), not as a place ("in Taipeh"):
    its government."""
    named = entity.label == "LOC" and entity.actor is not None and entity.actor.sector == "GOV"
    return named and not is_located(article, entity.start, language)


def is_joint_exercise(hit: TriggerHit, sources: list[Entity]) -> bool:
    """A drill of forces of two or more countries ("An der Übung nehmen indische und französische
    Soldaten teil") is joint: COOPERATE between them, not a MOBILIZE of each."""
    if hit.entry.type != "MOBILIZE" or hit.entry.mode != "exercise":
        return False
    return len({e.actor.country for e in sources if e.actor and e.actor.country}) >= 2


JOINT_OPERATION_TYPES = ("COERCE",)  # police or border measures that two states may carry out together


def is_joint_operation(
    hit: TriggerHit, sources: list[Entity], clause: Clause, article: Article, language: Language
) -> bool:
    """Two or more states acting together against third parties ("Spanien und Marokko gehen gemeinsam gegen
    Schleuser vor"): a joint operation is security cooperation between them, not a crackdown of each."""
    if hit.entry.type not in JOINT_OPERATION_TYPES:
        return False
    if len({e.actor.country for e in sources if e.actor and e.actor.country}) < 2:
        return False
    return any(article.tokens[i].text.lower() in language.comitative_words for i in clause.tokens)


def is_mutual_release(
    hit: TriggerHit, sources: list[Entity], clause: Clause, article: Article, words: frozenset[str]
) -> bool:
    """Sides of two or more countries releasing prisoners "je", "jeweils" or in an exchange (`words`; a lemma ending in
    one: "Gefangenenaustausch") each release the other's people ("ließen die USA und Russland je zwei Häftlinge frei").
    """
    countries = {e.actor.country for e in sources if e.actor and e.actor.country}
    if hit.entry.type not in EACH_WAY_TYPES or len(countries) < 2:
        return False
    keys = (lemma_key(article.tokens[i].lemma) for i in clause.tokens)
    return any(key in words or any(len(w) >= MIN_HEAD_MATCH and key.endswith(w) for w in words) for key in keys)


def gapped_subjects(roles: ClauseRoles, article: Article, language: Language) -> list[Entity]:
    """Subjects of a gapped clause that repeats the verb without saying it: after a comma or "und" (and
    the actor's article), an actor right before an amount, which may be hedged ("..., Südkorea 20 Millionen,
    die USA rund 50 und Kanada mehr als zehn")."""
    tokens = article.tokens
    found = []
    for mention in roles.mentions:
        first = mention.first
        while first > 0 and tokens[first - 1].pos == "ART":
            first -= 1
        before = tokens[first - 1]
        opens = before.text == "," or before.text.lower() in language.coordination_words
        if opens and before_amount(tokens, mention.last + 1, language) and not mention.is_place:
            found.append(article.entities[mention.entity])
    return found


AMOUNT_HEDGES = 2  # words that may hedge an amount: "rund", "etwa", "mehr als", "knapp"
HEDGE_TAGS = ("ADV", "ADJD")


def before_amount(tokens: list[Token], start: int, language: Language) -> bool:
    """An amount begins at `start`, after at most AMOUNT_HEDGES hedging words ("etwa 1,6 Milliarden")."""
    for index in range(start, min(start + AMOUNT_HEDGES + 1, len(tokens))):
        if tokens[index].pos == "CARD":
            return True
        if tokens[index].pos not in HEDGE_TAGS and tokens[index].text.lower() not in language.comparison_particles:
            return False
    return False


def with_companions(
    hit: TriggerHit, sources: list[Entity], targets: list[Entity], roles: ClauseRoles, article: Article
) -> tuple[list[Entity], list[Entity]]:
    """'Frankreich verurteilte gemeinsam mit Deutschland den Angriff': who acts together with the subject
    acts too (one event each); in talks or joint acts only when there is another partner ("führte
    gemeinsam mit Deutschland Gespräche mit Russland"), else the companion is the partner."""
    along = [
        m
        for m in roles.mentions
        if m.role == "pp:mit"
        and not m.is_place
        and (
            goes_along(m.first, article.tokens, roles.grammar) or travels_along(hit, m, targets, article, roles.grammar)
        )
    ]
    members = {n for m in along for n in m.group} | {roles.mentions.index(m) for m in along}
    companions = [article.entities[roles.mentions[n].entity] for n in sorted(members)]
    others = [e for e in targets if e not in companions]
    if not companions or not sources or (is_mutual(hit) and not others):
        return sources, targets
    return [*sources, *(e for e in companions if e not in sources)], others


def with_likened(
    sources: list[Entity], targets: list[Entity], roles: ClauseRoles, article: Article
) -> tuple[list[Entity], list[Entity]]:
    """'Ebenso wie die USA verurteilte Großbritannien den Angriff', 'Neben der Ukraine erhält auch Moldau Hilfe': who
    is likened (role "like") takes the side of the actor "auch" stresses, else the subject's, one event each; never
    the other side."""
    likened = [article.entities[m.entity] for m in roles.mentions if m.role == "like" and not m.is_place]
    if not likened:
        return sources, targets
    sources = [e for e in sources if e not in likened]
    targets = [e for e in targets if e not in likened]
    peer = stressed_entity(roles, article) or next(
        (article.entities[roles.mentions[i].entity] for i in roles.subject), None
    )
    if peer is not None and peer in targets:
        return sources, [*targets, *likened]
    return ([*sources, *likened] if sources else sources), targets


def stressed_entity(roles: ClauseRoles, article: Article) -> Entity | None:
    """The actor right after an additive adverb ("auch Japan", "auch den Außenminister Chinas")."""
    tokens, grammar = article.tokens, roles.grammar
    for mention in roles.mentions:
        index = mention.first - 1
        while index > 0 and tokens[index].pos in grammar.phrase_opener_tags:
            index -= 1
        if mention.role != "like" and tokens[index].text.lower() in grammar.additive_adverbs:
            return article.entities[mention.entity]
    return None


def travels_along(
    hit: TriggerHit, mention: Mention, targets: list[Entity], article: Article, grammar: Language
) -> bool:
    """'Scholz reiste mit Macron nach Kiew': on a trip to a host named apart, who travels 'mit' the
    subject goes along; not a 'mit' after a noun ("zu Gesprächen mit Macron"), a time aside ("am Montag")."""
    entity = article.entities[mention.entity]
    if hit.entry.mode != VISIT or hit.entry.pos != "V" or not targets or entity in targets:
        return False
    hosts = {e.actor.country for e in targets if e.actor}
    if entity.actor is None or entity.actor.country in (None, *hosts):
        return False  # "mit einer Delegation": no party of its own, nor one of the host's
    cursor = opener_index(article.tokens, mention.first, grammar)
    if cursor < 1 or article.tokens[cursor].text.lower() != "mit":
        return False
    word = article.tokens[cursor - 1]
    timed = any(t.start <= word.start < t.end for t in article.times)
    return not (word.pos in ("NN", "NE") and not timed)


def goes_along(first: int, tokens: list[Token], grammar: Language) -> bool:
    """'gemeinsam mit (dem) X': the words before the mention at `first` say that X acts along."""
    index = opener_index(tokens, first, grammar)
    return (
        index > 0 and tokens[index].text.lower() == "mit" and tokens[index - 1].text.lower() in grammar.comitative_words
    )


def is_office_holder(entity: Entity) -> bool:
    return entity.label == "PER" and entity.actor is not None and entity.actor.sector == "GOV"


def participle_arguments(hit: TriggerHit, roles, article: Article) -> tuple[list[Entity], list[Entity]]:
    """'der von Russland angegriffene Nachbar': the noun after the participle is acted upon, a 'von' or
    'durch' phrase before it acts (a phrase that took the participle in is its noun), with the names
    coordinated in it ('der von Armenien und Aserbaidschan unterzeichnete Vertrag')."""
    mentions = roles.mentions
    nouns = [m for m in mentions if m.first <= hit.token <= m.last or 0 < m.first - hit.token <= 2]
    agents = [m for m in mentions if m.role in AGENT_ROLES and 0 < hit.token - m.last <= 4]
    doers = [mentions[i] for i in agents[-1].group] if agents and agents[-1].group else agents[-1:]
    sources = [article.entities[m.entity] for m in doers]
    if nouns or hit.entry.target[:1] == ("obj",):
        return sources, [as_party(article.entities[m.entity]) for m in nouns[:1]]
    # "die 2017 gegen Serbien verhängten Sanktionen": a verb whose patient takes a preposition names it in
    # the participle's phrase; the noun after is the measure itself
    inside = [m for m in mentions if m.role in hit.entry.target and 0 < hit.token - m.last <= 3 and not m.is_place]
    partners = [mentions[i] for i in inside[-1].group] if inside and inside[-1].group else inside[-1:]
    return sources, [article.entities[m.entity] for m in partners]


def with_antecedent(
    sources: list[Entity],
    targets: list[Entity],
    clauses: list[Clause],
    index: int,
    roles: ClauseRoles,
    article: Article,
    object_source: bool = False,
) -> tuple[list[Entity], list[Entity]]:
    """The noun a relative clause describes takes part in its act: acted upon when the clause is passive
    or the pronoun its object ("der Journalist, der festgenommen wurde", "der Botschafter, den Polen
    auswies", "die Ukraine, die Russland überfiel"), the doer when the pronoun is the only subject.
    `object_source`: the verb's object is its source ("empfangen": "Lula, der von Xi empfangen wurde" is
    the guest)."""
    antecedent = relative_antecedent(clauses, index, article)
    if antecedent is None:
        return sources, targets
    grammar, pronoun = clauses[index].grammar, clauses[index].opener
    either = pronoun in grammar.relative_either_pronouns
    if roles.passive or roles.stative or pronoun in grammar.relative_object_pronouns or (either and roles.subject):
        if object_source:
            return sources or [as_party(antecedent)], targets
        return sources, targets or [as_party(antecedent)]
    if antecedent.actor is None or pronoun in grammar.relative_genitive_pronouns:
        return sources, targets
    if roles.subject and pronoun in grammar.relative_masculine_pronouns and antecedent.label == "PER":
        # "Putin, der im Juni Nordkorea besucht hatte": "der" after a man is his nominative; the bare name
        # the clause would take for its subject is the object
        named = [article.entities[roles.mentions[i].entity] for i in roles.subject]
        if all(roles.mentions[i].role == "core" for i in roles.subject):
            return [antecedent], [*named, *(e for e in targets if e not in named and e is not antecedent)]
    if roles.subject or sources:
        return sources, targets
    return [antecedent], targets


def relative_antecedent(clauses: list[Clause], index: int, article: Article) -> Entity | None:
    """The actor or place of a known country right before a relative clause opened by a pronoun (not "in der",
    "was"); an unplaced noun ("der Botschafter, den ...") leaves its role to the counterpart search."""
    clause = clauses[index]
    if clause.kind != ClauseKind.RELATIVE or clause.parent is None:
        return None
    if clause.opener not in clause.grammar.relative_pronouns:
        return None
    host = clause_roles(clauses[clause.parent], article)
    before = next((m for m in reversed(host.mentions) if m.last < clause.first), None)
    if before is None or any(not t.pos.startswith("$") for t in article.tokens[before.last + 1 : clause.first]):
        return None
    entity = article.entities[before.entity]
    party = as_party(entity)
    return entity if party.actor is not None and party.actor.country else None


def as_party(entity: Entity) -> Entity:
    """An actor as it is; a place that is no actor stands for its country ("die bombardierte Stadt Sirte",
    "annektierte die Krim")."""
    if entity.actor is None and entity.place is not None and entity.place.country:
        return replace(entity, actor=Actor(None, entity.place.country, None))
    return entity


def has_pronoun_subject(clause: Clause, article: Article, pronouns: frozenset[str]) -> bool:
    """One of `pronouns` opening the clause, or right after its finite verb ("In dem Brief verlangen sie")."""
    return pronoun_subject(clause, article, pronouns) is not None


def pronoun_subject(clause: Clause, article: Article, pronouns: frozenset[str]) -> str | None:
    """The pronoun of `has_pronoun_subject`, lowercase."""
    tokens = article.tokens
    finite = next((n for n, i in enumerate(clause.tokens) if tokens[i].pos.endswith("FIN")), None)
    places = [*clause.tokens[:4], *clause.tokens[finite + 1 : finite + 2]] if finite is not None else clause.tokens[:4]
    found = (tokens[i].text.lower() for i in places if tokens[i].pos in ("PPER", "PIS"))
    return next((word for word in found if word in pronouns), None)


def pronoun_referents(
    article: Article, sentence: Sentence, language: Language, pronoun: str, plural: bool = False
) -> list[Entity]:
    """'Peru kritisierte Chile scharf. Sie drohte mit Sanktionen.': a pronoun subject continues the
    named subject of the first main clause of the sentences just before (in its paragraph or the one
    before it) that agrees with it: 'er' no feminine, plural or neuter subject, 'sie' no man. A plural 'sie'
    (`plural`: its verb is plural) after one person's clause is the list that clause addressed ("Der Minister
    forderte Peru und Chile auf, ... Sie kritisierten ihn scharf")."""
    position = article.sentence_index(sentence.start)
    for previous in reversed(article.sentences[max(0, position - PRONOUN_REACH) : position]):
        if previous.block < sentence.block - 1:
            break
        main = next((c for c in sentence_clauses(article, previous) if c.kind == ClauseKind.MAIN), None)
        if main is None:
            continue
        roles = clause_roles(main, article)
        actors = [article.entities[roles.mentions[i].entity] for i in roles.subject]
        if plural and actors and all(entity.label == "PER" for entity in actors):
            actors = listed_objects(roles, article)
        actors = [entity for entity in actors if entity.actor is not None and agrees(entity, pronoun, language)]
        if actors:
            return actors
    return []


def listed_objects(roles: ClauseRoles, article: Article) -> list[Entity]:
    """The first object of the clause that lists two actors or more ("forderte Saudi-Arabien und Bahrain auf")."""
    for index in roles.objects:
        group = roles.mentions[index].group
        if len(group) >= 2 and not any(roles.mentions[n].is_place for n in group):
            return [article.entities[roles.mentions[n].entity] for n in group]
    return []


def has_plural_verb(clause: Clause, article: Article) -> bool:
    """The finite verb of the clause is plural ("benutzten", "drohen", "sind")."""
    finite = before_finite_verb(clause, article.tokens)
    return finite <= clause.last and is_plural_finite(article.tokens[finite], clause.grammar)


def main_subject(clauses: list[Clause], index: int, article: Article, language: Language, pronoun: str) -> list[Entity]:
    """'Die USA lockerten die Sanktionen, die sie 2019 verhängt hatten': the pronoun subject of a relative clause
    is the named subject of the main clause it hangs on, when they agree (the relative pronoun is the noun)."""
    main = next((c for c in reversed(clauses[:index]) if c.kind == ClauseKind.MAIN), None)
    if main is None:
        return []
    roles = clause_roles(main, article)
    actors = [article.entities[roles.mentions[i].entity] for i in roles.subject]
    return [entity for entity in actors if entity.actor is not None and agrees(entity, pronoun, language)]


def referring_pronoun(clause: Clause, roles: ClauseRoles, article: Article, language: Language) -> str | None:
    """The pronoun subject that refers back ("Er drohte ..."); "es" only where the clause makes it the subject and
    names another actor ("Es drohte den USA": not "Es wurde vereinbart", "Es droht ein Krieg")."""
    pronoun = pronoun_subject(clause, article, language.anaphoric_pronouns | language.expletive_pronouns)
    if pronoun in language.expletive_pronouns and (roles.passive or roles.subject or not roles.objects):
        return None
    return pronoun


def agrees(entity: Entity, pronoun: str, language: Language) -> bool:
    if pronoun in language.expletive_pronouns:
        return is_neuter(entity, language)
    gender = owner_gender(entity, language)
    if pronoun in language.masculine_pronouns:  # a country or city without article is neuter
        return gender != "feminine" and not (gender == "masculine" and entity.label == "LOC")
    return not (gender == "masculine" and entity.label == "PER")


OBJECT_SLOTS = ("obj", "dat")  # where a reflexive "sich" can stand for the other party
PRONOUN_REACH = 2  # sentences back: further, a pronoun more likely points to someone named in between


def speaker_entities(clauses: list[Clause], index: int, article: Article, cues: Cues) -> list[Entity]:
    """In reported speech a pronoun subject is the speaker: 'Nordkorea sagt, es werde ... unternehmen',
    '«Wir verlangen Respekt», sagte der Präsident' (a reporting clause after what it reports)."""
    reporters = (
        governing_reporters(clauses, index, article.tokens, cues)[-1:]
        or [
            number
            for number, clause in enumerate(clauses[index + 1 :], index + 1)
            if clause.kind == ClauseKind.VERB_FIRST and is_reporting_clause(clause, article.tokens, cues)
        ][:1]
    )
    for reporter in reporters or announcing_frame(clauses, index, article, cues):
        roles = clause_roles(clauses[reporter], article)
        return [article.entities[roles.mentions[i].entity] for i in roles.subject]
    return []


def announcing_frame(clauses: list[Clause], index: int, article: Article, cues: Cues) -> list[int]:
    """The clause announcing or promising what a clause below it says ("Die Rebellen kündigten an, sie seien zu
    einem Austausch bereit"): its subject speaks of its own act, as a reporting clause's does."""
    clause = clauses[index]
    frames = [clause.parent] if clause.parent is not None else []
    if clause.kind == ClauseKind.MAIN and index > 0 and clauses[index - 1].kind == ClauseKind.MAIN:
        frames.append(index - 1)  # "X kündigte an, es werde ...": the complement without "dass"
    return [n for n in frames if clause_verbs(clauses[n], article.tokens) & cues.planned_verbs][:1]


def continued_speaker(
    clauses: list[Clause], index: int, article: Article, sentence: Sentence, cues: Cues, language: Language
) -> list[Entity]:
    """'X erklärte, man wolle helfen. Man werde die Regierung unterstützen.': in reported speech (Konjunktiv I)
    that goes on after the sentence that names its speaker, 'man' and 'wir' are the speaker's side."""
    clause = clauses[index]
    if not is_subjunctive_one([article.tokens[i] for i in clause.tokens], language):
        return []
    if not has_pronoun_subject(clause, article, language.speaker_pronouns):
        return []
    position = article.sentence_index(sentence.start)
    if position == 0 or article.sentences[position - 1].block != sentence.block:
        return []
    for previous in sentence_clauses(article, article.sentences[position - 1]):
        if is_reporting_clause(previous, article.tokens, cues):
            roles = clause_roles(previous, article)
            return [article.entities[roles.mentions[i].entity] for i in roles.subject]
    return []


def reciprocal(
    found: list[EventMention],
    hit: TriggerHit,
    clause: Clause,
    article: Article,
    sentence: Sentence,
    grammar: Language,
    cues: Cues,
) -> list[EventMention]:
    """'Beide Lager warfen einander Verstöße vor': each of the two last-named states acts on the other;
    'Beide Länder unterzeichneten ein Abkommen': a joint event of the two, when the clause names no actor."""
    words = {article.tokens[i].text.lower() for i in clause.tokens}
    each = "jede" in words and "seite" in words  # "jede Seite hatte 1.000 Gefangene freigelassen"
    # what lies between two is acted on by each: "A und B brachen ihre Beziehungen ab"
    relation = bool(words & grammar.possessives) and any(
        article.tokens[i].lemma in grammar.mutual_nouns for i in clause.tokens
    )
    named = [m.source for m in found if m.source is not None and m.target is None]  # "(die beiden Länder) A und B"
    pair = len(named) == 2 and named[0].actor.country != named[1].actor.country
    shared = shared_by_two(found, clause, article, grammar)
    # a noun's act has its own doer ("Beide Länder verurteilten den Anschlag"): only the verb's subject is both
    both_subject = (
        bool(found)
        and hit.entry.pos != "N"
        and not hit.attributive
        and subject_is_both(clause, article, sentence, grammar, cues)
    )
    if not found or not (words & grammar.both_words or each or (relation and pair) or shared or both_subject):
        # "A und B werfen sich vor, ...": the reflexive stands where the verb's object would
        objectless = "sich" in words and any(spec in OBJECT_SLOTS for spec in hit.entry.target)
        return each_on_the_others(found) if words & grammar.reciprocal_words or objectless else found
    symmetric = hit.entry.symmetric or hit.entry.type in SYMMETRIC_TYPES
    if addressed := addressed_to_both(found, clause, article, sentence, grammar):
        return addressed
    # "Beide Seiten werfen sich vor, ...": with a reflexive, a one-sided act goes both ways
    mutual = bool(words & grammar.reciprocal_words) or each or ("sich" in words and not symmetric) or relation
    mutual = mutual or shared
    named_both = found[0].source is not None and names_both(found[0].source, clause, article, grammar)
    joint = symmetric and found[0].target is None and (found[0].source is None or named_both)
    if not (mutual or joint) and both_subject:
        # "Beide Länder öffneten die Grenzübergänge", "Beide Staatschefs kündigten an, ... abzuziehen": each acts
        return [acting_side(found[0], *sides) for sides in both_ways(last_two_states(article, sentence))]
    if mutual and pair:
        parties: tuple[ActorRef, ActorRef] | None = (named[0], named[1])
    else:
        parties = last_two_states(article, sentence) if mutual or joint else None
    if parties is None:
        return found
    first, second = parties
    if mutual or found[0].type in EACH_WAY_TYPES:  # "tauschten beide Seiten Gefangene aus": each releases some
        return [replace(found[0], source=first, target=second), replace(found[0], source=second, target=first)]
    return [replace(found[0], source=first, target=second)]


def subject_is_both(clause: Clause, article: Article, sentence: Sentence, grammar: Language, cues: Cues) -> bool:
    """'Beide Länder öffneten ...', 'Am Montag zogen die beiden Regierungen ... ab', 'Beide Staatschefs kündigten an,
    ... zu öffnen': the subject of the clause (or of the clause an infinitive depends on) is a word for both and a
    noun for the story's states or their leaders (grammar.yaml both_sides_nouns), before the finite verb and alone
    there, or right after it."""
    if clause.kind == ClauseKind.INFINITIVE and clause.parent is not None:
        clause = sentence_clauses(article, sentence)[clause.parent]
        if not clause_verbs(clause, article.tokens) & cues.planned_verbs:
            return False  # "einigten sich darauf, die Waffenruhe einzuhalten": what is agreed is no act of its own
    tokens = [article.tokens[i] for i in clause.tokens]
    finite = next((n for n, token in enumerate(tokens) if token.pos.endswith("FIN")), None)
    if finite is None:
        return False
    opening = tokens[:finite]
    plain = all(
        t.pos in ("ART", "ADJA") or t.text.lower() in grammar.both_words or is_noun(t, grammar) for t in opening
    )
    for phrase in (opening if plain else [], tokens[finite + 1 : finite + 3]):
        if any(
            a.text.lower() in grammar.both_words and b.text in grammar.both_sides_nouns for a, b in pairwise(phrase)
        ):
            return True
    return False


def both_ways(parties: tuple[ActorRef, ActorRef] | None) -> list[tuple[ActorRef, ActorRef]]:
    """The two sides, each first once; none when the story names no two states."""
    if parties is None or same_country(*parties):
        return []
    return [parties, (parties[1], parties[0])]


def acting_side(mention: EventMention, side: ActorRef, other: ActorRef) -> EventMention:
    """The mention done by `side`: a deed with no one of another country named as its target is done to the other
    side ("Beide Länder zogen ihre Truppen ab"); what is said keeps whom it names, or no one, for later passes."""
    target = mention.target
    if mention.type not in SPEECH_ACT_TYPES and (target is None or target.actor.country in (None, side.actor.country)):
        target = other
    return replace(mention, source=side, target=target)


def shared_by_two(found: list[EventMention], clause: Clause, article: Article, grammar: Language) -> bool:
    """'Am Montag brachen Kämpfe an ihrer Grenze aus': an act of no one named, at what two states share, named with
    a possessive that may be plural ('ihr', not 'sein'), is between the two states named last."""
    if any(m.source is not None or m.target is not None for m in found):
        return False
    tokens = [article.tokens[i] for i in clause.tokens]
    plural = any(t.text.lower() in grammar.possessives - grammar.masculine_possessives for t in tokens)
    return plural and any(t.lemma in grammar.shared_nouns for t in tokens)


CEASEFIRE_MODES = {"ceasefire"}  # AGREE modes of a truce: agreed by the sides that fought
CLASH_MODES = {"clash"}  # ASSAULT modes of fighting between sides, not of one side's strike


def settled_fighting(told: list[EventMention]) -> list[EventMention]:
    """'Nach tagelangen Gefechten vereinbarten A und B eine Waffenruhe': fighting of no one named, in the clause of a
    truce between two states, was fought by those two, each on the other."""
    truces = [m for m in told if m.type == "AGREE" and m.mode in CEASEFIRE_MODES and m.source and m.target]
    sides = {(m.source.actor.country, m.target.actor.country): m for m in truces}
    if len(sides) != 1 or None in next(iter(sides)) or len(set(next(iter(sides)))) != 2:
        return told
    truce = truces[0]
    found = []
    for mention in told:
        if mention.mode in CLASH_MODES and mention.source is None and mention.target is None:
            found.append(replace(mention, source=truce.source, target=truce.target))
            found.append(replace(mention, source=truce.target, target=truce.source))
        else:
            found.append(mention)
    return found


def addressed_to_both(
    found: list[EventMention], clause: Clause, article: Article, sentence: Sentence, grammar: Language
) -> list[EventMention]:
    """'Die EU rief beide Seiten zur Zurückhaltung auf', 'warf beiden Seiten vor, ...', 'forderte beide Länder auf':
    a third party acts on each of the story's two sides (the last two states); a side that is the doer itself acts on
    the other."""
    first = found[0]
    if first.source is None or names_both(first.source, clause, article, grammar):
        return []
    if first.target is None and not addresses_both(clause, article, grammar):
        return []
    if first.target is not None and not names_both(first.target, clause, article, grammar):
        return []
    parties = last_two_states(article, sentence)
    if parties is None or same_country(*parties) or not all(side.actor.country for side in parties):
        return []  # "die Polizei und die Demonstranten": two sides of one state are no two states
    return [replace(first, target=side) for side in parties if not same_country(side, first.source)]


BOTH_OBJECT_REACH = 5  # words after the finite verb where "beide Länder" is its object ("forderte am Montag beide")


def addresses_both(clause: Clause, article: Article, grammar: Language) -> bool:
    """'forderte beide Länder auf', 'warf beiden Staaten vor': a word for both and a noun for the story's states
    (grammar.yaml both_sides_nouns) right after the finite verb, before any comma or preposition, are its object."""
    tokens = [article.tokens[i] for i in clause.tokens]
    finite = next((n for n, token in enumerate(tokens) if token.pos.endswith("FIN")), None)
    if finite is None:
        return False
    after = tokens[finite + 1 : finite + 1 + BOTH_OBJECT_REACH]
    for word, noun in pairwise(after):
        if word.pos.startswith("$") or is_preposition(word):
            return False
        if word.text.lower() in grammar.both_words and noun.text in grammar.both_sides_nouns:
            return True
    return False


def each_on_the_others(found: list[EventMention]) -> list[EventMention]:
    """'Äthiopien und Eritrea führten gegeneinander Krieg': coordinated doers of a one-sided act with a
    reciprocal pronoun and no target each act on the others."""
    sources = [m.source for m in found if m.source is not None]
    if len(sources) < 2 or any(m.target is not None for m in found):
        return found
    return [replace(found[0], source=a, target=b) for a, b in permutations(sources, 2) if not same_actor(a, b)]


def names_both(source: ActorRef, clause: Clause, article: Article, language: Language) -> bool:
    """'Beide Seiten', 'Vertreter beider Seiten', 'Die Außenminister beider Länder': the actor is the two
    parties together (its head after the word for both, or right before it: the genitive of the two)."""
    words = [article.tokens[i].text.lower() for i in clause.tokens]
    head = source.text.split()[-1].lower()
    both = language.both_words
    return any(
        word in both and (head in words[position + 1 : position + 3] or words[position - 1 : position] == [head])
        for position, word in enumerate(words)
    )


SALIENT_MENTIONS = 3  # names of a country before 'beide Seiten' that make it one of the story's two


def last_two_states(article: Article, sentence: Sentence) -> tuple[ActorRef, ActorRef] | None:
    """The two countries the article has named most (each at least SALIENT_MENTIONS times) before the
    sentence: the story's two sides, not a mediator named last; else the two named last, in the order
    they were named; failing two country names, the last two parties of different country or sector
    ("Scholz traf Modi. Beide Länder ...", "der Armee und der RSF-Miliz. Beide Seiten ..."); the agency
    of a dateline or other media are no party."""
    before = sorted((e for e in article.entities if e.start < sentence.start and is_party(e, article)),
                    key=lambda e: -e.start)  # fmt: skip
    sides = story_sides([e for e in before if e.label == "LOC"], article)
    if sides is not None:
        return sides
    for candidates, side in (([e for e in before if e.label == "LOC"], country_of), (before, country_and_sector)):
        parties: list[ActorRef] = []
        for entity in candidates:
            if all(side(p.actor) != side(entity.actor) for p in parties):
                parties.append(actor_ref(entity, article))
            if len(parties) == 2:
                return parties[1], parties[0]
    return None


def story_sides(countries: list[Entity], article: Article) -> tuple[ActorRef, ActorRef] | None:
    """The two countries named most among `countries` (latest first), each worded as named last."""
    named = Counter(e.actor.country for e in countries)
    salient = [country for country, count in named.most_common(2) if count >= SALIENT_MENTIONS]
    if len(salient) < 2:
        return None
    latest = sorted((next(e for e in countries if e.actor.country == c) for c in salient), key=lambda e: e.start)
    return actor_ref(latest[0], article), actor_ref(latest[1], article)


def country_of(actor: Actor) -> tuple[str | None, ...]:
    return (actor.country,)


def country_and_sector(actor: Actor) -> tuple[str | None, ...]:
    return (actor.country, actor.sector)


TARGETED_PLACE_TYPES = {"ASSAULT"}


WITHDRAWAL_TYPES = {"RETREAT"}
WITHDRAWAL_MODES = {"withdraw", "end_operation"}  # troops leave a country; a programme cut back leaves none


STATE_ACT_TYPES = {"COERCE"}  # arrests, bans, curfews: done by a state where they happen


def default_parties(
    hit: TriggerHit, sources: list, targets: list, location, clause: Clause, roles: ClauseRoles, article: Article
) -> tuple[list, list]:
    """Who is implied when no one is named: protesters are civilians where they protest; an unnamed
    coercer is the state of the place where people are arrested or a rally is banned; an attack on a
    place ('traf ein Wohnhaus in Charkiw', 'bombardierten Gaza') hits that place's country, and a
    seized or annexed territory is taken from its country; troops withdraw from the country where
    the story is set."""
    country = location.place.country if location else article.main_country
    if hit.entry.type in CROWD_TYPES and not sources and country:
        head = article.tokens[hit.token]
        sources = [Entity(head.start, head.end, head.text, "NOM", actor=Actor(None, country, "CVL"))]
    own = {e.actor.country for e in sources if e.actor}
    if not targets and (hit.entry.type in TARGETED_PLACE_TYPES or hit.entry.mode in TERRITORY_MODES):
        targets = [e for e in object_places(roles, article) if e.actor.country not in own][:1]
    placed = location is not None and location.place.country not in (None, *own)  # not at home: "die Taliban in Kabul"
    if hit.entry.type in TARGETED_PLACE_TYPES and not targets and hit.entry.pos != "N" and not hit.attributive:
        targets = pronoun_patient(clause, roles, article)  # the verb's own object, not a noun's or participle's
    if (
        hit.entry.type in TARGETED_PLACE_TYPES
        and not targets
        and (placed or attacked_at_home(hit, location, roles, article))
    ):
        targets = [place_as_actor(location, article, "CVL")]
    if hit.entry.type in STATE_ACT_TYPES and not sources and targets and location and location.place.country:
        # "Der Oppositionelle wurde in Minsk festgenommen": the state of the place arrests, bans, disperses
        sources = [place_as_actor(location, article, "GOV")]
    elif (
        hit.entry.type in STATE_ACT_TYPES
        and not sources
        and roles.passive
        and has_pronoun_subject(clause, article, roles.grammar.anaphoric_pronouns)
    ):
        # "Nawalny kehrte nach Moskau zurück. Er wurde festgenommen": held at home, by the state of the one held
        sources = home_state(hit, targets, location, roles, article)
    if (
        hit.entry.type in STATE_VOICE_TYPES
        and roles.passive
        and not sources
        and location
        and is_seat(location, article)
    ):
        # "Die Entscheidung wurde in Peking scharf kritisiert": the government that sits there speaks
        sources = [place_as_actor(location, article, "GOV")]
    if hit.entry.type == "ACCUSE" and DIPLOMATIC in hit.entry.context and location and location.place.country:
        sources, targets = diplomatic_parties(sources, targets, location, article)
    withdrawal = hit.entry.type in WITHDRAWAL_TYPES and hit.entry.mode in WITHDRAWAL_MODES
    if withdrawal and sources and not targets and country and country not in own:
        # "500 weitere Soldaten sollen abgezogen werden": from the country the article is about
        head = article.tokens[hit.token]
        targets = [Entity(head.start, head.end, head.text, "NOM", actor=Actor(None, country, None))]
    if HOME in hit.entry.target and not targets:
        targets = home_state(hit, sources, location, roles, article)
    return sources, targets


def home_state(
    hit: TriggerHit, sources: list[Entity], location: PlaceRef | None, roles: ClauseRoles, article: Article
) -> list[Entity]:
    """The one country of the sources, as the target of what a state does at home ('Die Junta in Mali löste die
    Parteien auf'); none when the act is placed in another country ('löste die Parteien in Burkina Faso auf')."""
    countries = {e.actor.country for e in sources if e.actor}
    if len(countries) != 1 or None in countries:
        return []
    (country,) = countries
    outside = (article.entities[m.entity] for n, m in enumerate(roles.mentions) if n not in roles.subject)
    places = [e.place.country for e in outside if e.place] + ([location.place.country] if location else [])
    if any(place not in (None, country) for place in places):
        return []
    head = article.tokens[hit.token]
    return [Entity(head.start, head.end, head.text, "NOM", actor=Actor(None, country, None))]


def attacked_at_home(hit: TriggerHit, location: PlaceRef | None, roles: ClauseRoles, article: Article) -> bool:
    """'Sudanesische Paramilitärs überfielen ein Flüchtlingslager in Darfur': the place hangs on a noun after the
    verb (what is hit), not on the subject ('die Taliban in Kabul'), so an attack at home hits its own country.
    Only a verb: after the noun of 'Angriffe in Afghanistan durchführen' the place is where, not whom."""
    if location is None or location.place.country is None or hit.entry.pos != "V" or hit.attributive:
        return False
    place = next(e for e in article.entities if e.place is location.place)
    tokens = article.tokens
    first = next((i for i, t in enumerate(tokens) if t.start == place.start), None)
    if first is None or first < 2:
        return False
    before = first - 1
    while before > 0 and tokens[before].pos in roles.grammar.phrase_opener_tags:
        before -= 1  # "in der Region Sagaing"
    if not (tokens[before].text.lower() in roles.grammar.event_place_prepositions or tokens[before].pos == "APPRART"):
        return False
    subject_end = max((roles.mentions[i].last for i in roles.subject), default=-1)
    noun = before - 1
    return noun > subject_end and is_noun(tokens[noun], roles.grammar)


def pronoun_patient(clause: Clause, roles: ClauseRoles, article: Article) -> list[Entity]:
    """A victim named by a pronoun that no actor mention covers: the subject of a passive ("Er wurde in
    Pakistan getötet") or an accusative pronoun ("Soldaten erschossen ihn in Kabul"). The attack hit that
    person, of no country the text gives, not the country of the place."""
    pronouns = roles.grammar.accusative_pronouns | (roles.grammar.anaphoric_pronouns if roles.passive else frozenset())
    covered = {i for m in roles.mentions for i in range(m.first, m.last + 1)}
    for index in clause.tokens:
        token = article.tokens[index]
        if token.pos == "PPER" and token.text.lower() in pronouns and index not in covered:
            return [Entity(token.start, token.end, token.text, "PER", actor=Actor(None, None, None))]
    return []


CROWD_CONTROL_MODES = {"repress", "restrict"}  # force and cordons are used on crowds; arrests name whom they take
BAN_MODES = {"ban"}  # "verbot alle Kundgebungen": a ban binds everyone, it is done to no crowd


def protest_crowd(
    hit: TriggerHit,
    clause_hits: list[TriggerHit],
    sources: list[Entity],
    location: PlaceRef | None,
    article: Article,
    sentence: Sentence,
    protester_nouns: frozenset[str],
) -> list[Entity]:
    """'Die Polizei löste die Kundgebung auf', 'Proteste wurden gewaltsam unterdrückt', 'Bei den Protesten griff
    die Polizei hart durch': a crackdown told with a protest in its clause and no one named is done to the
    protesters, civilians of the place, else of the coercer's country, else of the article's. Only a verb ("setzte
    Tränengas ein" too): a noun ("Festnahmen bei Protesten", "der Putsch, gegen den demonstriert wurde") has its own
    phrase. So is force or a cordon told in a sentence that names protesters ("Die Polizei setzte Wasserwerfer ein,
    nachdem Demonstranten Absperrungen durchbrochen hatten"): whom else would the police use water cannon on. A ban
    of protests ("verbot alle Kundgebungen") is done to no one in particular."""
    if hit.entry.type not in STATE_ACT_TYPES or hit.entry.pos == "N" or hit.entry.mode in BAN_MODES:
        return []
    protest = next((h.token for h in clause_hits if h.entry.type in CROWD_TYPES and h.entry.pos == "N"), None)
    if protest is None and hit.entry.mode in CROWD_CONTROL_MODES:
        protest = protesters_in(sentence, sources, article, protester_nouns)
    if protest is None:
        return []
    return civilians(protest, sources, location, article)


VENUE_ROLES = ("pp:vor",)  # "demonstrierten vor dem Parlament": where a protest is held


def without_home_venue(
    hit: TriggerHit, sources: list[Entity], targets: list[Entity], location: PlaceRef | None, roles, article: Article
) -> list[Entity]:
    """'versammelten sich vor der Wahlkommission': a protest before a building of the protesters' own state is held
    there, not aimed at it (it is aimed at whom it is "gegen"); before a foreign embassy it is aimed at that state
    ('demonstrierten in Peking vor der japanischen Botschaft')."""
    if hit.entry.type not in CROWD_TYPES:
        return targets
    home = {e.actor.country for e in sources if e.actor and e.actor.country}
    home |= {location.place.country} if location and location.place.country else set()
    venues = [article.entities[m.entity] for m in roles.mentions if m.role in VENUE_ROLES]
    return [e for e in targets if not (any(e is v for v in venues) and e.actor and e.actor.country in home)]


def protesters_in(
    sentence: Sentence, sources: list[Entity], article: Article, protester_nouns: frozenset[str]
) -> int | None:
    """The first word of the sentence that names protesters ("Demonstranten", "die Demonstrierenden"), outside
    the doers."""
    first, last = article.token_index(sentence.start), article.token_index(sentence.end - 1)
    for index in range(first, last + 1):
        token = article.tokens[index]
        if token.lemma in protester_nouns and not any(e.start <= token.start < e.end for e in sources):
            return index
    return None


def civilians(token: int, sources: list[Entity], location: PlaceRef | None, article: Article) -> list[Entity]:
    """The people a crackdown is done or threatened to, named by the word at `token`: civilians of the place, else
    of the coercer's country, else of the article's."""
    own = next((e.actor.country for e in sources if e.actor and e.actor.country), None)
    country = (location.place.country if location else None) or own or article.main_country
    if country is None:
        return []
    word = article.tokens[token]
    return [Entity(word.start, word.end, word.text, "NOM", actor=Actor(None, country, "CVL"))]


DIPLOMATIC = "diplomatic"


def diplomatic_parties(sources: list, targets: list, location: PlaceRef, article: Article) -> tuple[list, list]:
    """A diplomatic protest takes place between two states: an ambassador 'in Warschau einbestellt' is summoned
    by Poland; who 'protestierte bei Algerien' or 'in Algier' addresses Algeria."""
    country = location.place.country
    if not sources and targets and all(e.actor is None or e.actor.country != country for e in targets):
        return [place_as_actor(location, article, "GOV")], targets
    if sources and not targets and all(e.actor is not None and e.actor.country not in (None, country) for e in sources):
        return sources, [place_as_actor(location, article, "GOV")]
    return sources, targets


TERRITORY_MODES = {"seize", "occupy"}  # acts whose object is a territory, taken from its country


def object_places(roles: ClauseRoles, article: Article) -> list[Entity]:
    """Places named as the object of the clause ("eroberten Bachmut", "annektierte die Krim") or as the
    nominative of a passive ("Die Stadt Sumy wurde getroffen"), each as an actor of its country."""
    patients = ("obj", "core") if roles.passive else ("obj",)
    objects = (article.entities[m.entity] for m in roles.mentions if m.role in patients and m.is_place)
    return [party for party in map(as_party, objects) if party.actor is not None]


STATE_VOICE_TYPES = {"ACCUSE", "SUPPORT", "REJECT"}  # judged in a capital without a speaker: by its government


def is_seat(location: PlaceRef, article: Article) -> bool:
    """A place that stands for a government (a capital, a country): the lexicon codes its name GOV."""
    place = next((e for e in article.entities if e.place is location.place), None)
    return place is not None and place.actor is not None and place.actor.sector == "GOV"


def place_as_actor(location: PlaceRef, article: Article, sector: str) -> Entity:
    """The place's name as an actor of its country: 'in Caracas festgenommen' by Caracas (GOV)."""
    place = next(e for e in article.entities if e.place is location.place)
    return Entity(place.start, place.end, place.text, "LOC", actor=Actor(None, location.place.country, sector))


def pairs(event_type: str, sources: list[Entity], targets: list[Entity], article: Article, symmetric: bool):
    """(source, target) ActorRefs: one event per source; coordinated parties of a symmetric event pair up."""
    refs_source = [actor_ref(e, article) for e in sources]
    targets = [e for e in targets if e not in sources]
    refs_target = [actor_ref(e, article) for e in targets]
    if (symmetric or event_type in SYMMETRIC_TYPES) and len(refs_source) >= 2 and not refs_target:
        # "A, B und C hielten ein Manöver ab": each pair takes part
        return each_way(list(combinations(refs_source, 2)), event_type, symmetric)
    if not refs_source and not refs_target:
        return [(None, None)]
    if event_type in SINGLE_TARGET_TYPES:
        refs_target = struck_states(targets, refs_target)
    found = [
        (None if one_side(event_type, s, t) else s, t)
        for s in (refs_source or [None])
        for t in (refs_target or [None])
        if not same_actor(s, t)
    ]
    if event_type in ALL_TOGETHER_TYPES and len(refs_source) >= 2:
        # "Russland und Nordkorea planen eine Übung mit China": the two hold it together as well
        found += list(combinations(refs_source, 2))
    return each_way(found, event_type, symmetric)


ALL_TOGETHER_TYPES = {"COOPERATE"}  # a joint exercise or project: every party works with every other


EACH_WAY_TYPES = {"CONCEDE"}  # a prisoner exchange: each side releases prisoners of the other


def each_way(found: list[tuple], event_type: str, symmetric: bool) -> list[tuple]:
    """A two-sided act of a one-way type ("Russland und die Ukraine tauschten Gefangene aus") is one event
    per side, each to the other."""
    if not symmetric or event_type not in EACH_WAY_TYPES:
        return found
    return found + [(t, s) for s, t in found if s is not None and t is not None]


def one_side(event_type: str, source: ActorRef | None, target: ActorRef | None) -> bool:
    """Talks, cooperation and agreements have two sides: a nameless state actor that took its country
    from the scene ("Der Minister sagte, man werde die Zusammenarbeit mit Kenia ausbauen") is no
    partner of that same state; it is someone the text does not name. (The government and the
    opposition of one country are two sides: other sectors.)"""
    if event_type not in JOINT_TYPES or source is None or target is None:
        return False
    state = source.actor.sector == target.actor.sector == "GOV"
    return state and source.actor.name is None and source.actor.country == target.actor.country


SINGLE_TARGET_TYPES = {"ASSAULT"}


def struck_states(targets: list[Entity], refs: list[ActorRef]) -> list[ActorRef]:
    """The first target of an attack, and each further country named as a target ("Angriffe auf Syrien und
    den Irak": strikes on two states are two attacks); other targets are its victims, evidence of one attack
    ("töteten zwölf Soldaten und einen Polizisten", "griffen Aleppo und Homs an")."""
    kept = refs[:1]
    for entity, ref in zip(targets[1:], refs[1:], strict=True):
        is_state = entity.label == "LOC" and entity.actor is not None and entity.actor.sector == "GOV"
        if is_state and entity.actor.country is not None and all(k.actor.country != entity.actor.country for k in kept):
            kept.append(ref)
    return kept


def bare_forces(article: Article, language: Language) -> list[Entity]:
    """The armed forces the text names with a bare definite and no owner ("Die Luftwaffe", not "die Luftwaffe
    Israels", "ihre Armee", "die israelische Armee"): the scene gave them its country. Once per article."""
    words = load_phrase_words(language.code)
    ordered = sorted(article.entities, key=lambda e: e.start)
    return [
        entity for entity in ordered
        if entity.actor is not None and entity.actor.sector == "MIL" and entity.actor.name is None
        and len(entity.text.split()) == 2 and entity.text.split()[0].lower() in words.country_anaphor_articles
        and entity.text.split()[1] in words.military_bodies
        and genitive_owner(entity, ordered, article, language) is None and earlier_namesake(entity, ordered) is None
    ]  # fmt: skip


def serve_acting_state(forces: list[Entity], clause: Clause, acts: list[EventMention], article: Article) -> None:
    """'Israel flog Luftangriffe im Gazastreifen. Die Luftwaffe traf ...': a bare armed force in `clause` is the
    military of the state whose attack the text just told (`acts`: the mentions of this sentence and the one
    before), not of the country it strikes."""
    start, end = article.tokens[clause.first].start, article.tokens[clause.last].end
    for force in forces:
        if not start <= force.start < end:
            continue
        attacks = [
            act for act in acts
            if act.type in MILITARY_ACT_TYPES and act.order < force.start and act.source is not None
            and act.source.actor.sector in ACTING_STATE_SECTORS and act.source.actor.country
        ]  # fmt: skip
        if attacks and force.actor is not None:
            force.actor = replace(force.actor, country=max(attacks, key=lambda act: act.order).source.actor.country)


def struck_victims(
    told: list[EventMention], acts: list[EventMention], article: Article, sentence: Sentence, language: Language
) -> list[EventMention]:
    """'Russland griff die Ukraine an. Dabei wurden drei Menschen getötet': victims told without a doer or a place
    are the people of the side the attack just told struck (`acts`: the mentions of this sentence and the one
    before), not of the article's main country; so they join that attack (one attack, one record)."""
    return [
        victims_of(mention, acts, article, sentence, language) if is_nameless_victim(mention) else mention
        for mention in told
    ]


def is_nameless_victim(mention: EventMention) -> bool:
    target = mention.target
    return (
        mention.type in MILITARY_ACT_TYPES and mention.source is None and mention.location is None
        and target is not None and target.actor.sector == "CVL" and target.actor.name is None
    )  # fmt: skip


def victims_of(
    mention: EventMention, acts: list[EventMention], article: Article, sentence: Sentence, language: Language
) -> EventMention:
    struck = [
        act for act in acts
        if act.type in MILITARY_ACT_TYPES and act.order < mention.order and act.source is not None
        and act.target is not None and act.target.actor.country
    ]  # fmt: skip
    if not struck or sentence_place_country(article, sentence, article.entities, language) is not None:
        return mention
    country = max(struck, key=lambda act: act.order).target.actor.country
    victims = mention.target
    return replace(mention, target=victims and replace(victims, actor=replace(victims.actor, country=country)))


MILITARY_ACT_TYPES = {"ASSAULT"}
ACTING_STATE_SECTORS = {"GOV", "MIL"}
