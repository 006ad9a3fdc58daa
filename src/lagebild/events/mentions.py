"""One event mention per trigger: type, actors, place, time, modality, attribution, evidence.

Source and target come from the trigger's clause through the roles the lexicon names for
the trigger (`source`, `target` columns): the subject of a verb (the `von`-agent in the
passive), its object, dative or prepositional partner; for a noun its genitive, its
`von`-phrase or a nationality adjective before it. A clause without its own subject (an
infinitive or purpose clause) takes the subject of the clause that governs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from weakref import WeakKeyDictionary

from lagebild.clauses import conjunct_bounds, is_preposition
from lagebild.document import (
    Actor,
    ActorRef,
    Article,
    BlockKind,
    Claimant,
    Clause,
    ClauseKind,
    Entity,
    Evidence,
    PlaceRef,
    Sentence,
    TimeExpression,
    Token,
)
from lagebild.entities.lexicon import country_place
from lagebild.entities.words import load_phrase_words
from lagebild.events.arguments import (
    CASE_ROLES,
    Mention,
    before_finite_verb,
    clause_subject_and_objects,
    inside_attribute,
    is_noun,
    is_passive,
    is_stative,
    mentions_in_clause,
    owners_listed,
)
from lagebild.events.lexicon import HOME, load_triggers
from lagebild.events.triggers import TriggerHit, opener_index
from lagebild.lang import Language
from lagebild.plover import SYMMETRIC_TYPES as SYMMETRIC_TYPES  # re-exported for merge, stage

MUTUAL_TYPES = {"CONSULT", "COOPERATE", "AGREE", "ASSAULT"}
JOINT_TYPES = MUTUAL_TYPES - {"ASSAULT"}  # acts two sides do together; allies also attack side by side
MEDIATION = "third-party"  # the mode of talks a third side brings about
VISIT = "visit"  # the mode of a trip to a host
OWN_MEASURE_TYPES = {"CONCEDE", "RETREAT"}  # what one lifts or ends is one's own: "die Offensive X wurde beendet"
SPEECH_ACT_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE"}
EVENT_BLOCKS = {BlockKind.HEADLINE, BlockKind.PARAGRAPH, BlockKind.CAPTION}  # blocks whose sentences tell events


@dataclass
class EventMention:
    type: str
    mode: str | None
    context: list[str]
    source: ActorRef | None
    target: ActorRef | None
    modality: str
    evidence: Evidence
    location: PlaceRef | None = None
    time: TimeExpression | None = None
    attribution: list[Claimant] = field(default_factory=list)
    # where what a speech act speaks of happened ("verurteilte die Hinrichtungen im Iran"), not its location
    spoken_of: PlaceRef | None = None
    order: int = 0  # position of the trigger in the text
    block: int = 0  # the block (line) of the article the mention stands in
    # the object names an earlier event whose doer is the target ("verurteilte den Angriff"): the types
    # it may have (empty: any), None when it names none
    object_event: tuple[str, ...] | None = None
    verbal: bool = False  # told by a verb or support verb of its clause, not by a noun or an attributive participle
    agentless: bool = False  # a passive verb that names no doer ("wurde kritisiert"): the text leaves the doer unnamed

    @property
    def completeness(self) -> int:
        """How much this mention tells: the most explicit mention represents a merged event."""
        return sum(x is not None for x in (self.source, self.target, self.time, self.location)) + (
            self.source is not None and self.source.actor.name is not None
        )


@dataclass
class ClauseRoles:
    """The actor mentions of one clause and who is subject and object there."""

    mentions: list[Mention]
    subject: list[int]  # indices into mentions
    objects: list[int]
    passive: bool
    grammar: Language  # the clause's language
    stative: bool = False  # "sein" with a participle: the passive of a verb that takes an object ("waren festgenommen")


# read once per clause, asked for every trigger, speech act and governed clause; gone with the clause
CLAUSE_ROLES: WeakKeyDictionary[Clause, ClauseRoles] = WeakKeyDictionary()


def clause_roles(clause: Clause, article: Article) -> ClauseRoles:
    """The clause's roles, found once per clause (like its mentions); callers only read them."""
    roles = CLAUSE_ROLES.get(clause)
    if roles is None:
        roles = CLAUSE_ROLES[clause] = find_clause_roles(clause, article)
    return roles


def find_clause_roles(clause: Clause, article: Article) -> ClauseRoles:
    mentions = mentions_in_clause(clause, article)
    subject, objects = clause_subject_and_objects(clause, article)
    if clause.kind == ClauseKind.INFINITIVE or (
        clause.kind == ClauseKind.MAIN
        and clause.coordinated
        and not fronted_subject(subject, mentions, clause, article)
    ):
        # "Russland Waffen zu liefern": a zu-infinitive has no subject; "und warf Russland ... vor"
        # shares the subject of the clause it continues
        subject, objects = [], sorted(subject + objects)
    passive = is_passive(clause, article.tokens)
    return ClauseRoles(mentions, subject, objects, passive, clause.grammar, is_stative(clause, article.tokens))


def fronted_subject(subject: list[int], mentions: list[Mention], clause: Clause, article: Article) -> bool:
    """'..., doch Berlin lehnte ab': a coordinated main clause with a name of its own between the coordinator and
    the finite verb (the first place of verb-second order) has its own subject."""
    if not subject:
        return False
    mention = mentions[subject[0]]
    finite = before_finite_verb(clause, article.tokens)
    return mention.first == clause.tokens[1] and mention.last < finite and article.tokens[mention.last].pos == "NE"


def actor_ref(entity: Entity, article: Article) -> ActorRef:
    """An entity as event actor; a place that is no actor stands for its country ("reiste nach Wladiwostok")."""
    actor = entity.actor
    if actor is None:
        assert entity.place is not None
        actor = Actor(None, entity.place.country, None)
    return ActorRef(text=article.text[entity.start : entity.end], actor=actor)


def inherited_subject(clauses: list[Clause], index: int, article: Article) -> list[Entity]:
    """The subject of the nearest governing clause that has one (for infinitive and purpose clauses),
    or of the clause a coordinated one continues ("wies die Kritik zurück und warf ... vor")."""
    clause = clauses[index]
    if clause.coordinated and clause.kind == ClauseKind.MAIN:
        first = next((c for c in reversed(clauses[:index]) if c.kind == ClauseKind.MAIN and not c.coordinated), None)
        roles = clause_roles(first, article) if first is not None else None
        if roles is not None and roles.subject:
            return [article.entities[roles.mentions[i].entity] for i in roles.subject]
    while clause.parent is not None and clause.kind in (ClauseKind.INFINITIVE, ClauseKind.SUBORDINATE):
        if clause.kind == ClauseKind.SUBORDINATE and clause.opener not in clause.grammar.complement_subordinators:
            break
        parent = clauses[clause.parent]
        roles = clause_roles(parent, article)
        announcers = closing_von_group(roles, parent, article)
        if clause.kind == ClauseKind.INFINITIVE and announcers:
            return announcers  # "die Ankündigung von Deutschland und den USA, Panzer zu senden"
        if roles.subject:
            return [article.entities[roles.mentions[i].entity] for i in roles.subject]
        clause = parent
    return []


def continued_targets(clauses: list[Clause], index: int, article: Article) -> list[Entity]:
    """The named objects of the clause a coordinated one continues ("kritisierte die USA und drohte mit
    Gegenmaßnahmen": the USA are threatened too)."""
    clause = clauses[index]
    if not (clause.coordinated and clause.kind == ClauseKind.MAIN):
        return []
    first = next((c for c in reversed(clauses[:index]) if c.kind == ClauseKind.MAIN and not c.coordinated), None)
    if first is None:
        return []
    roles = clause_roles(first, article)
    return [
        article.entities[roles.mentions[i].entity]
        for i in roles.objects
        if not roles.mentions[i].is_place and roles.mentions[i].role in CASE_OBJECT_ROLES
    ]


CASE_OBJECT_ROLES = CASE_ROLES - {"subj"}  # an object the case marks, or a bare noun phrase


def closing_von_group(roles: ClauseRoles, clause: Clause, article: Article) -> list[Entity]:
    """Actors in a 'von' phrase or a genitive that ends the clause, right after a noun: who announced,
    offered, planned ("die Ankündigung von Deutschland und den USA", "die Entscheidung Berlins")."""
    content = [i for i in clause.tokens if article.tokens[i].pos[:1] != "$"]
    owners = [m for m in roles.mentions if m.role in ("pp:von", "gen") and not m.is_place]
    if not owners or owners[-1].last != content[-1]:
        return []
    group = [m for m in owners if m.role == owners[-1].role]
    first = group[0].first
    noun_before = any(article.tokens[i].pos == "NN" for i in clause.tokens if first - 3 <= i < first)
    return [article.entities[m.entity] for m in group] if noun_before else []


def between_pair(roles: ClauseRoles, article: Article) -> tuple[list[Entity], list[Entity]]:
    """'zwischen Soldaten und Rebellen': the two sides of a clash or a talk; of more than two ("Gespräche
    zwischen A, B und C"), all as sides together (each pair takes part in what is mutual)."""
    sides = [article.entities[m.entity] for m in roles.mentions if m.role == "pp:zwischen" and not m.is_place]
    if len(sides) > 2:
        return sides, []
    return (sides[:1], sides[1:2]) if len(sides) >= 2 else ([], [])


def own_conjunct(
    roles: ClauseRoles, hit: TriggerHit, clause_hits: list[TriggerHit], clause: Clause, article: Article
) -> ClauseRoles:
    """The clause's roles as the trigger's conjunct of a verb-final coordination sees them when another
    conjunct tells an act of another type: 'Russland hat die Ukraine angegriffen und Polen gedroht' (the objects
    before 'und' are the attack's, those after it the threat's; the subject is both conjuncts'). Acts of one
    type ("angegriffen und dabei zwölf Soldaten getötet") are one act whose objects are all its evidence."""
    bounds = conjunct_bounds(hit.token, clause, article.tokens)
    if bounds is None:
        return roles
    low, high = bounds
    others = [h for h in clause_hits if h.entry.pos != "N" and not low <= h.token <= high]
    if not any(other.entry.type != hit.entry.type for other in others):
        return roles
    keep = [i for i, m in enumerate(roles.mentions) if i in roles.subject or low <= m.first <= high]
    if len(keep) == len(roles.mentions):
        return roles
    new = {old: position for position, old in enumerate(keep)}
    mentions = [replace(roles.mentions[i], group=[new[g] for g in roles.mentions[i].group if g in new]) for i in keep]
    objects = [new[i] for i in roles.objects if i in new]
    return replace(roles, mentions=mentions, subject=[new[i] for i in roles.subject], objects=objects)


def verb_arguments(
    hit: TriggerHit, roles: ClauseRoles, article: Article, fallback_subject: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """(sources, targets) of a verb trigger."""
    mentions = roles.mentions
    by_role: dict[str, list[Entity]] = {}
    for mention in mentions:
        # "die von Russland angegriffene Ukraine erhält Hilfe": the participle's agent, not the giver
        if not (mention.in_attribute and mention.role in AGENT_ROLES):
            by_role.setdefault(mention.role, []).append(article.entities[mention.entity])
    # "X wurde von Y empfangen", "30 Personen waren festgenommen": the agent acts, the subject is acted upon
    if roles.passive or (roles.stative and hit.entry.target[:1] == ("obj",)):
        sources = by_role.get("pp:von", []) or by_role.get("pp:durch", [])
        subject = [article.entities[mentions[i].entity] for i in roles.subject]
        if hit.entry.target[:1] == ("subj",) and hit.entry.source[:1] == ("obj",):
            return subject, sources  # "Macron wurde von Biden empfangen": the guest comes, the host receives
        if not hit.entry.target or hit.entry.target[0] == "obj":
            # "Mitglieder der Organisation wurden abgeführt": the patient may hang on the subject noun
            return sources, subject or object_partner(hit, roles, article)
        if hit.entry.target[0] == "obj.gen" and hit.entry.type not in OWN_MEASURE_TYPES:
            return sources, subject  # "Die Forderung Polens wurde abgelehnt": whose demand it was is the target
        recipients = [e for spec in hit.entry.target for e in by_role.get(spec, [])][:1]
        if hit.entry.target[0] == "dat" and not recipients:
            return sources, subject  # "Russland wird vorgeworfen", "Kiew wurden Panzer geliefert": a dative, no subject
        # "500 Soldaten sollen abgezogen werden": what is moved belongs to the side that acts
        return sources or subject, recipients
    if hit.entry.target[:1] == ("subj",):  # "die Diplomaten hätten zwei Tage Zeit, ... auszureisen"
        subject = [article.entities[mentions[i].entity] for i in roles.subject]
        if "obj" in hit.entry.source:  # "Putin empfing Lukaschenko": the guest comes, the host receives
            guests = mentions[roles.objects[0]].group or roles.objects[:1] if roles.objects else []
            return [article.entities[mentions[i].entity] for i in guests], subject
        # "Die Ukraine erhielt Panzer aus Polen und Kanada": givers in a prepositional phrase
        return [e for spec in hit.entry.source for e in by_role.get(spec, [])], subject
    sources = [article.entities[mentions[i].entity] for i in roles.subject] or fallback_subject
    if not sources:  # "Aus Chile kam Kritik an ...", "In Lima gab es Lob für ...": where the words come from speaks
        sources = [e for spec in hit.entry.source if spec.startswith("pp:") for e in by_role.get(spec, [])][:1]
    if not sources and is_mutual(hit) and between_pair(roles, article)[0]:
        return between_pair(roles, article)
    objects = [article.entities[mentions[i].entity] for i in roles.objects]
    targets = []
    for spec in hit.entry.target:
        if spec == "obj":
            targets = objects
        elif spec in by_role:
            targets = by_role[spec]
        if targets:
            break
    if not targets and "dat" in hit.entry.target:
        # case is often invisible: "Russland Waffen liefern", "drohte den Vereinigten Staaten" (plural dative)
        targets = [article.entities[mentions[i].entity] for i in roles.objects if mentions[i].role in ("core", "obj")]
    joint = hit.entry.symmetric or hit.entry.type in JOINT_TYPES
    if joint and len(sources) >= 2 and not targets:
        return sources, []  # "Russland und die USA haben Gespräche aufgenommen": the two are the sides
    if not targets and set(hit.entry.target) - {"none", HOME}:
        targets = object_partner(hit, roles, article)
    return sources, targets


AGENT_ROLES = ("pp:von", "pp:durch")  # who does what a passive or a participle tells
OBJECT_PARTNER_ROLES = ("gen", "pp:gegen", "pp:auf", "pp:zu", "pp:aus")


def object_partner(hit: TriggerHit, roles: ClauseRoles, article: Article) -> list[Entity]:
    """The actor inside a noun object: 'stimmte dem Beitritt Schwedens zu', 'lockerte die Sanktionen
    gegen Venezuela', 'brach die Beziehungen zu Iran ab'; it hangs on a noun and is not cut off from
    the verb by a comma."""
    tokens = article.tokens
    # what is criticised belongs to its doer ("die Durchfahrt eines Kriegsschiffs"); "Gewalt gegen Reporter"
    # names victims, not the accused
    # nor does what is praised ("begrüßte das Ende der Angriffe auf Israel")
    allowed = {"ACCUSE": ("gen",), "SUPPORT": ("gen",), "REJECT": ("gen", "pp:aus")}.get(
        hit.entry.type, OBJECT_PARTNER_ROLES
    )
    if "obj.gen" in hit.entry.target:  # "nahm die von Indien angebotene Hilfe an": who offered it
        allowed = (*allowed, "pp:von")
    subject_tokens = {i for n in roles.subject for i in range(roles.mentions[n].first, roles.mentions[n].last + 1)}
    for number, mention in enumerate(roles.mentions):
        if number in roles.subject or mention.is_place:
            continue
        # "kritisierte die von Peking verhängten Einreiseverbote": the participle's agent did what is judged
        agent = mention.in_attribute and mention.role in AGENT_ROLES
        related = praised_relation(hit, mention, tokens, roles.grammar) or refused_partner(hit, mention, tokens, roles)
        if mention.role not in allowed and not agent and not related:
            continue
        if mention.role == "pp:von" and subject_tokens and mention.first <= max(subject_tokens) + 2:
            continue  # "Die Regierung von Präsident X nahm ... an": the subject's own phrase
        if mention.head_noun in subject_tokens:
            continue  # "Soldaten der Armee putschten": the genitive belongs to the subject
        if (
            mention.head_noun is not None
            and tokens[mention.head_noun - 1].text.lower() in roles.grammar.source_prepositions
        ):
            continue  # "nach Angaben des Ministeriums": a source, not a partner
        between = tokens[min(mention.first, hit.token) : max(mention.first, hit.token)]
        owner = mention.head_noun is not None and mention.head_noun > mention.last  # "lobte Usbekistans Politik"
        near_noun = any(is_noun(t, roles.grammar) for t in tokens[max(0, mention.first - 3) : mention.first])
        on_noun = owner or near_noun or mention.in_attribute  # "die von X angebotene Hilfe": in the noun's attribute
        if on_noun and not any(t.text == "," for t in between):
            # "gegen Politiker aus Deutschland, Frankreich und Polen": each listed partner
            return [article.entities[roles.mentions[n].entity] for n in mention.group or [number]]
    return []


RELATION_ROLES = ("pp:mit", "pp:zu")  # the partner of a relation: "die Freundschaft mit X", "die Beziehungen zu X"


def praised_relation(hit: TriggerHit, mention: Mention, tokens: list[Token], grammar: Language) -> bool:
    """'pries die Freundschaft mit Pakistan', 'würdigte die Beziehungen zu Japan': praise of a relation
    (grammar.yaml relation_nouns) is praise of the partner it names."""
    if hit.entry.type != "SUPPORT" or mention.role not in RELATION_ROLES or mention.first < 2:
        return False
    return tokens[mention.first - 2].lemma in grammar.relation_nouns


def refused_partner(hit: TriggerHit, mention: Mention, tokens: list[Token], roles: ClauseRoles) -> bool:
    """'lehnte Gespräche mit Taiwan ab', 'verweigerte die Zusammenarbeit mit den Ermittlern': who refuses a joint act
    or a relation refuses the partner named after "mit"."""
    if hit.entry.type != "REJECT" or mention.role != "pp:mit":
        return False
    grammar = roles.grammar
    cursor = opener_index(tokens, mention.first, grammar)  # "mit"
    noun = tokens[cursor - 1] if cursor >= 1 else None
    if noun is None or not is_noun(noun, grammar):
        return False
    lexicon = load_triggers(grammar.code)
    senses = lexicon.nouns(noun.lemma) or lexicon.nouns(lexicon.compound_head(noun.lemma))
    return noun.lemma in grammar.relation_nouns or any(sense.type in JOINT_TYPES for sense in senses)


def noun_arguments(
    hit: TriggerHit, roles: ClauseRoles, article: Article, verb_triggered: bool, judging: int | None = None
) -> tuple[list[Entity], list[Entity]]:
    """(sources, targets) of a noun trigger, from what stands right after (or before) the noun.
    `verb_triggered`: the clause's verb is an event of its own ("verurteilten den Angriff"); `judging`: the token of
    the clause's finite verb when that verb is a speech act: passive, the agent after it is the speaker, not the doer
    of a noun before it ("Die Angriffe wurden von der Türkei verurteilt": Turkey condemns, it did not attack; "Der
    Anschlag wurde von Rebellen verübt" names the attackers)."""
    after = [m for m in roles.mentions if m.first > hit.token and not speaks_as_agent(m, hit, roles, judging)]
    sources = []
    targets = []
    if "pp:zwischen" in hit.entry.target:
        sides = between_pair(roles, article)
        if sides[0]:
            return sides  # "Gespräche zwischen Washington und Teheran"
    for spec in hit.entry.source:
        sources = noun_partner(spec, hit, after, roles, article)
        if sources:
            break
    if not sources and hit.entry.source:
        # "die von Berlin angeordnete Ausweisung russischer Diplomaten": the agent of the participle before
        # the noun is the doer of what it names
        sources = noun_partner("pp:von", hit, [], roles, article) or noun_partner("pp:durch", hit, [], roles, article)
    if sources and spec == "gen" and hit.entry.target[:1] == ("gen",) and all(is_private(e) for e in sources):
        # "die Hinrichtung eines Staatsbürgers": a genitive that may name either side, first the victim, is the
        # victim when it names people outside the state ("die Hinrichtungen des Regimes" are the regime's)
        sources, targets = [], sources
    for spec in hit.entry.target if not targets else ():
        targets = noun_partner(spec, hit, after, roles, article)
        if targets and targets != sources:
            break
        targets = []
    if not targets and sources:
        targets = patient_before_agent(hit, after, roles, article, sources)
    subject = [article.entities[roles.mentions[i].entity] for i in roles.subject]
    if hit.entry.mode == MEDIATION and sources and not targets:
        # "Unter Vermittlung Katars verhandelten Israel und Ägypten" (or "Israel mit Ägypten"): the
        # mediator with each side of the clause's talks
        partners = [article.entities[m.entity] for m in roles.mentions if m.role == "pp:mit" and not m.is_place]
        sides = [e for e in subject + partners if e not in sources]
        if len(sides) >= 2:
            return sources, sides
    if is_mutual(hit) and len(subject) >= 2 and not sources and not verb_triggered:
        # "Russland und Nordkorea erwägen eine gemeinsame Militärübung": the two are the sides; "... mit
        # China": each of them with the partner
        return subject, [e for e in targets if e not in subject]
    if not sources and not targets and is_mutual(hit):
        return between_pair(roles, article)
    return sources, targets


AGENT_ROLES = ("pp:von", "pp:durch")  # who does what a passive says
PATIENT_ROLES = ("gen", "pp:von")  # whom a noun's act is done to, when "durch" names its doer


def patient_before_agent(
    hit: TriggerHit, after: list[Mention], roles: ClauseRoles, article: Article, doers: list[Entity]
) -> list[Entity]:
    """'die Freilassung von Häftlingen durch Peru', 'der Beschuss von Charkiw durch russische Truppen': with its doer
    after "durch", the genitive or von-phrase right after the noun is whom the act is done to (as in the passive)."""
    if "pp:durch" not in hit.entry.source or "gen" not in hit.entry.target or len(after) < 2:
        return []
    patient, agent = after[0], after[1]
    if patient.role not in PATIENT_ROLES or agent.role != "pp:durch" or article.entities[agent.entity] not in doers:
        return []
    return [article.entities[roles.mentions[n].entity] for n in patient.group] or [article.entities[patient.entity]]


def speaks_as_agent(mention: Mention, hit: TriggerHit, roles: ClauseRoles, judging: int | None) -> bool:
    """The agent of a passive speech-act verb after it, seen from a noun before the verb."""
    if judging is None or not roles.passive:
        return False
    return hit.token < judging < mention.first and mention.role in AGENT_ROLES


STATE_SECTORS = ("GOV", "MIL", "REB", "IGO")  # who can carry out a deed on its own (not citizens, firms, media)
STATE_ADJECTIVE = "LOCderiv"  # the entity label of a nationality adjective


def is_private(entity: Entity) -> bool:
    """People, firms or media, not a state, its forces, a rebel group or a body of states; a nationality adjective
    ("syrischer Kampfjets") stands for its state."""
    return entity.actor is not None and entity.actor.sector not in STATE_SECTORS and entity.label != STATE_ADJECTIVE


def leads_the_clause(hit: TriggerHit, roles: ClauseRoles, clause: Clause, article: Article) -> bool:
    """'Der Anschlag versetzte Frankreich in Trauer': the noun stands before the finite verb, outside a prepositional
    phrase ("Nach dem Anschlag hat Russland ..." is no subject), and a state read as subject after it, so the noun
    is the subject and the state its object, not the noun's doer (people after the verb may still be who does it:
    "Die Mobilmachung hat Tausende Männer ... getrieben" is left as it was)."""
    finite = before_finite_verb(clause, article.tokens)
    fronted = [article.tokens[i] for i in clause.tokens if i < hit.token]
    subject = [article.entities[roles.mentions[i].entity] for i in roles.subject]
    return (
        hit.token < finite
        and not any(is_preposition(t) for t in fronted)
        and all(roles.mentions[i].first > finite for i in roles.subject)
        and all(e.label == STATE_LABEL for e in subject)
    )


STATE_LABEL = "LOC"  # a country or capital as actor


def noun_doer(hit: TriggerHit, roles: ClauseRoles, article: Article) -> list[Entity]:
    """Who does what a noun names, by its genitive, 'von' phrase or nationality adjective."""
    after = [m for m in roles.mentions if m.first > hit.token]
    for spec in ("gen", "pp:von", "adj"):
        found = noun_partner(spec, hit, after, roles, article)
        if found:
            return found
    return []


def is_mutual(hit: TriggerHit) -> bool:
    """Types in which both sides act alike: talks, cooperation, agreements, clashes."""
    return hit.entry.symmetric or hit.entry.type in MUTUAL_TYPES


def noun_partner(
    spec: str, hit: TriggerHit, after: list[Mention], roles: ClauseRoles, article: Article
) -> list[Entity]:
    if spec == "adj":
        before = [m for m in roles.mentions if m.last < hit.token and hit.token - m.last <= 2]
        entities = [article.entities[m.entity] for m in before]
        return [e for e in entities if e.label == "LOCderiv"]
    if spec == "subj":
        return [article.entities[roles.mentions[i].entity] for i in roles.subject]
    leading = [m for m in after[:1] if m.role == "gen"]
    owners = (
        owners_listed(roles.mentions, roles.mentions.index(leading[0]), article.tokens, roles.grammar)
        if leading
        else []
    )
    nearby = after[: 3 + len(owners)]  # "die Kritik der Minister von A und B an X": X after the owners
    if spec.startswith("pp:"):  # "die gegen Russland verhängten Sanktionen": the partner before the participle
        nearby = [*pre_nominal(hit, roles, article), *nearby]
    if spec == "pp:von":  # "gegen die Regierung von Präsident X": a von-phrase after another actor is its own
        # "die von Indien angebotene Hilfe": the agent of the participle before the noun is the noun's doer
        agents = [m for m in pre_nominal(hit, roles, article) if m.role == spec] or after[:1]
        if agents and agents[0].role == spec and agents[0].group and is_mutual(hit):
            # "die gemeinsame Übung von Belarus und Russland": both are its sides
            return [article.entities[roles.mentions[n].entity] for n in agents[0].group]
        return [article.entities[m.entity] for m in agents if m.role == spec]
    if spec == "gen":  # the genitive of this noun, not of a noun after it ("Razzien ... Mitglieder der X")
        own = [m for m in nearby[:1] if m.role == "gen" and m.head_noun in (hit.token, None)]
        if own and owners:  # "ein Treffen der Außenminister von A, B und C": the owners of the genitive's noun
            return [article.entities[roles.mentions[n].entity] for n in owners]
        if own and own[0].group and is_mutual(hit):  # "das Treffen der Präsidenten Russlands und der Türkei"
            return [article.entities[roles.mentions[n].entity] for n in own[0].group]
        return [article.entities[m.entity] for m in own]
    first = next((m for m in nearby if m.role == spec), None)
    if first is None:
        return []
    # "Sanktionen gegen Russland, Belarus und Iran": each listed partner
    return [article.entities[roles.mentions[n].entity] for n in first.group] or [article.entities[first.entity]]


def pre_nominal(hit: TriggerHit, roles: ClauseRoles, article: Article) -> list[Mention]:
    """A prepositional phrase inside the noun phrase, before the participle that qualifies the noun."""
    tokens = article.tokens
    found = []
    for mention in roles.mentions:
        between = tokens[mention.last + 1 : hit.token]
        if mention.last < hit.token and between and all(t.pos in ("ADJA", "ADV", "CARD") for t in between):
            found.append(mention)
    return found[-1:]


@dataclass(frozen=True)
class PlaceReading:
    """Which places an event's type lets place it: a destination only an event that moves there (a visit, a
    deployment, an attack), not a request made "nach dem Einmarsch in die Ukraine"; an origin ("aus Cherson")
    only an event that leaves it (a withdrawal), not "Vorwürfe aus Washington"; a speech act not the place of
    what it speaks about ("warf Russland Kriegsverbrechen in der Ukraine vor")."""

    moving: bool = True
    leaving: bool = False
    spoken: bool = False


def place_in(
    clause_tokens: list[int],
    article: Article,
    language: Language,
    reading: PlaceReading = PlaceReading(),
    sources: frozenset[int] = frozenset(),
) -> PlaceRef | None:
    """The first place named in the clause after a locative preposition that the event's `reading` admits;
    where a report comes from ("nach Angaben aus Seoul": the entity indices in `sources`) places nothing."""
    tokens = article.tokens
    first_char, last_char = tokens[clause_tokens[0]].start, tokens[clause_tokens[-1]].end
    within = (article.entities[i] for i in article.entities_within(first_char, last_char) if i not in sources)
    candidates = [e for e in within if e.place is not None and not is_attribute_agent(article, e, language)]
    for entity in candidates:
        if (
            (is_located(article, entity.start, language) or follows_place_phrase(article, entity.start, language))
            and (reading.moving or not is_destination(article, entity, language))
            and (reading.leaving or not is_origin(article, entity, language))
            and not (reading.spoken and qualifies_content(article, entity, language))
        ):
            return PlaceRef(text=article.text[entity.start : entity.end], place=entity.place)
    return None


def attribute_place(participle: int, clause_tokens: list[int], article: Article, language: Language) -> PlaceRef | None:
    """'Der in Moskau inhaftierte Journalist': a place inside the phrase of an attributive participle, before it, is
    where the participle's act happened (an agent there, "die vom Iran unterstützten", is no place)."""
    tokens = article.tokens
    if participle not in clause_tokens:
        return None
    first_char, last_char = tokens[clause_tokens[0]].start, tokens[participle].start
    for index in article.entities_within(first_char, last_char):
        entity = article.entities[index]
        if entity.place is None or not is_located(article, entity.start, language):
            continue
        if is_attribute_agent(article, entity, language):
            return PlaceRef(text=article.text[entity.start : entity.end], place=entity.place)
    return None


def border_side(
    clause_tokens: list[int], article: Article, language: Language, holders: list[Entity]
) -> PlaceRef | None:
    """A deployment or exercise 'an der Grenze zu Finnland', 'nahe der Grenze', 'an seiner Westgrenze' takes
    place in the country of whoever holds it there (the first of `holders` with a country), not in the
    neighbour; a border 'zwischen' two countries is no one's side."""
    tokens = article.tokens
    country = next((e.actor.country for e in holders if e.actor and e.actor.country), None)
    place = country_place(country) if country else None
    if place is None:
        return None
    for index in clause_tokens:
        word = tokens[index].text.lower()
        if not any(word.endswith(ending) for ending in language.border_words) or not is_located(
            article, tokens[index].start, language
        ):
            continue
        following = tokens[index + 1].text.lower() if index + 1 < len(tokens) else ""
        if following not in language.between_prepositions:
            return PlaceRef(text=tokens[index].text, place=place.place())
    return None


def qualifies_content(article: Article, entity: Entity, language: Language) -> bool:
    """A place phrase right after a noun that is neither an actor, a time nor an occasion qualifies that noun:
    "Kriegsverbrechen in der Ukraine" (what is spoken of), unlike "Ein Sprecher in Berlin", "am Montag in
    Genf", "bei einem Treffen in Genf"."""
    tokens = article.tokens
    found = preposition_before(article, entity.start, LOCATED_REACH + MAX_PLACE_ADJECTIVES)
    preposition = article.token_index(found.start) if found is not None else 0
    if preposition == 0 or tokens[preposition - 1].pos != "NN":
        return False
    noun = tokens[preposition - 1]
    if any(t.start <= noun.start < t.end for t in article.times):
        return False
    if any(e.start <= noun.start < e.end for e in article.entities):
        return False  # the speaker's seat
    opener = opener_before(tokens, preposition - 1, language)
    return opener is None or opener.text.lower() not in language.meeting_openers


def is_attribute_agent(article: Article, entity: Entity, language: Language) -> bool:
    """'die vom Iran unterstützten Rebellen': the agent of a participle before its noun, no place."""
    span = (article.token_index(entity.start), article.token_index(entity.end - 1))
    return inside_attribute(span, article.tokens, language)


def is_destination(article: Article, entity: Entity, language: Language) -> bool:
    """'in die Ukraine', 'ins Land', 'nach Kiew', 'an die Grenze': where something goes (the article may open
    the name)."""
    words = [t.text.lower() for t in article.tokens_before(entity.start, 3)]
    opener = article.text[entity.start : entity.end].split()[:1]
    words += [word for word in opener if word.islower()]  # "in die Ukraine", not "in Den Haag"
    accusative = language.destination_articles
    return any(
        word in language.destination_prepositions
        or (word in language.two_way_prepositions and words[i + 1 : i + 2] and words[i + 1] in accusative)
        for i, word in enumerate(words)
    )


def is_origin(article: Article, entity: Entity, language: Language) -> bool:
    """'aus Moskau', 'aus dem Irak': where someone or something comes from."""
    preposition = preposition_before(article, entity.start, LOCATED_REACH)
    return preposition is not None and preposition.text.lower() in language.origin_prepositions


def preposition_before(article: Article, start: int, reach: int) -> Token | None:
    """The last preposition among the `reach` words before `start`."""
    return next((t for t in reversed(article.tokens_before(start, reach)) if t.pos.startswith("APPR")), None)


LOCATED_REACH = 3  # words before a name that may hold its preposition of place: "in der Hauptstadt Belgrad"
MAX_PLACE_ADJECTIVES = 2  # adjectives besides: "in der umkämpften ostukrainischen Stadt Bachmut"


def is_located(article: Article, start: int, language: Language) -> bool:
    """A name at `start` after a preposition of place: 'in Kiew', 'im Gazastreifen', 'in der Ukraine', and
    with a noun between: 'im Süden des Gazastreifens', 'in der Hauptstadt Belgrad'. Only words
    of the same stretch count ("griff an. Die USA")."""
    preceding = article.tokens_before(start, LOCATED_REACH + MAX_PLACE_ADJECTIVES)
    marks = [n for n, t in enumerate(preceding) if t.pos.startswith("$")]
    preceding = preceding[marks[-1] + 1 :] if marks else preceding
    words = load_phrase_words(language.code)
    if preceding and preceding[-1].text in words.place_nouns:
        # "in der ukrainischen Hauptstadt Kiew": adjectives before a noun of place do not close the phrase
        preceding = [t for t in preceding if t.pos != "ADJA" or is_locative_word(t, language)]
    preceding = preceding[-LOCATED_REACH:]
    bare = article.text[start : start + 1].isupper()  # "an die USA": the article opens the name
    if preceding and bare and preceding[-1].text.lower() in language.recipient_prepositions:
        return False  # "Waffenlieferungen an Taiwan": to whom, not where
    if preceding and is_locative_word(preceding[-1], language):
        return True
    if len(preceding) >= 2 and is_locative_word(preceding[-2], language):
        # "in der Ukraine", "im Norden Syriens"; not "griffen am Montag Homs an": the noun closed the phrase
        between = preceding[-1]
        return between.pos != "NN" or between.text in words.place_nouns or between.text in words.not_places
    if len(preceding) < 3 or not is_locative_word(preceding[0], language):
        return False
    nouns = [t for t in preceding[1:] if t.pos == "NN"]  # a noun of place, not "auf die Sicherheit Russlands"
    return (
        all(t.pos in ("ART", "NN") for t in preceding[1:])
        and bool(nouns)
        and all(t.text in words.place_nouns or t.text in words.not_places for t in nouns)
    )


def follows_place_phrase(article: Article, start: int, language: Language) -> bool:
    """'rund um Taiwan', 'in der Nähe von Kiew': several words as one preposition of place. They place an event
    but leave the name a party ("Manöver rund um Taiwan" are directed at Taiwan)."""
    before = " " + " ".join(t.text.lower() for t in article.tokens_before(start, LOCATED_REACH + 1))
    return any(before.endswith(f" {phrase}") for phrase in language.place_preposition_phrases)


def is_locative_word(token: Token, language: Language) -> bool:
    return token.text.lower() in language.event_place_prepositions or token.pos == "APPRART"


def time_in(
    span: tuple[int, int], times: list[TimeExpression], near: tuple[int, int] | None = None
) -> TimeExpression | None:
    """The time inside `span`: the first, or the one nearest to the characters `near` (the trigger):
    "Der Präsident, seit 2009 im Amt, besuchte am Mittwoch Berlin" is dated Wednesday."""
    inside = [t for t in times if span[0] <= t.start < span[1]]
    if near is not None and inside:
        return min(inside, key=lambda t: max(near[0] - t.end, t.start - near[1], 0))
    return inside[0] if inside else None


def day_of(expression: TimeExpression | None) -> date | None:
    return expression.first_day if expression else None


def same_actor(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is not None and b is not None and a.text == b.text


def same_country(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is not None and b is not None and a.actor.country is not None and a.actor.country == b.actor.country


def sentence_clauses(article: Article, sentence: Sentence) -> list[Clause]:
    """Clauses of a sentence, as the clause stage cut them (lagebild.clauses; without the dateline)."""
    return article.clauses_of(sentence).clauses


def opener_before(tokens: list[Token], index: int, language: Language) -> Token | None:
    """The word before a noun's articles, adjectives and numbers."""
    cursor = opener_index(tokens, index, language)
    return tokens[cursor] if cursor >= 0 else None
