"""What an act is about, not an event of its own: the content of a demand, threat, accusation or talks
("forderte den Abzug", "drohte mit Sanktionen", "sprachen über die Zusammenarbeit"), the purpose of an act,
an earlier act that is condemned or rejected, and whom a speech act addresses through its complement."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import replace

from lagebild.clauses import is_preposition
from lagebild.document import (
    Article,
    Clause,
    ClauseKind,
    Entity,
    Token,
)
from lagebild.events.lexicon import Cues, TriggerLexicon
from lagebild.events.mentions import (
    SPEECH_ACT_TYPES,
    ClauseRoles,
    EventMention,
    actor_ref,
    clause_roles,
    is_private,
    opener_before,
    opener_index,
    same_actor,
)
from lagebild.events.modality import is_perfect_infinitive
from lagebild.events.speech import DEMAND_TYPES
from lagebild.events.triggers import TriggerHit
from lagebild.lang import Language
from lagebild.plover import PLOVER_TYPES


def is_patient_of_deed(
    entity: Entity, roles: ClauseRoles, article: Article, lexicon: TriggerLexicon, cues: Cues
) -> bool:
    """'verurteilte die Ausweisung seiner Diplomaten', 'forderte die Freilassung der Geiseln': the
    genitive of a deed done to someone is its victim, not whom the condemnation or demand addresses. A deed
    whose genitive may name either side ('die Hinrichtung eines Staatsbürgers', 'Hinrichtungen des Regimes')
    has people outside the state as its victims; a violation ('die Verletzung des japanischen Luftraums')
    names in its genitive what was violated."""
    for mention in roles.mentions:
        if mention.role != "gen" or mention.head_noun is None or article.entities[mention.entity] is not entity:
            continue
        head = article.tokens[mention.head_noun].lemma
        if head in cues.violation_nouns:
            return True
        senses = lexicon.nouns(head)
        victim = is_private(entity)  # "die Hinrichtung eines Staatsbürgers", not "die Angriffe der Demonstranten"
        if senses and all(
            "gen" in sense.target and ("gen" not in sense.source or (victim and sense.target[0] == "gen"))
            for sense in senses
        ):
            return True
    return False


SPEECH_ACTS_WITH_CONTENT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}


THREAT_OPENERS = frozenset({"mit"})  # "drohte mit Sanktionen"
CONFLICT_TYPES = ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN")
AGREED_ACTS = ("AGREE", *(t for t in PLOVER_TYPES if t != "AGREE"))  # an agreement first, else any act


# What a verb of each type (or mode) stops or withdraws: aid, trade and visits are cut (SANCTION), sanctions and
# repression eased (CONCEDE), attacks, deployments and missions ended (RETREAT), talks called off or broken off
# (REJECT, mode meet: "sagte die Gespräche ab"), aid or sanctions blocked (REJECT, mode veto: "blockierte das
# Hilfspaket").
UNDOING = {
    "SANCTION": ("AID", "COOPERATE", "CONSULT"),
    "CONCEDE": ("SANCTION", "COERCE"),
    "RETREAT": ("ASSAULT", "MOBILIZE", "AID"),
    "meet": ("CONSULT",),
    "veto": ("AID", "SANCTION"),
}
# Senses (type, mode) whose nouns undo as their verbs do: "die Absage an Gespräche", "die Nichtteilnahme am Gipfel"
UNDOING_NOUNS = frozenset({("REJECT", "meet")})


def without_content(
    clause_hits: list[TriggerHit], verbs: set[str], tokens: list[Token], language: Language
) -> list[TriggerHit]:
    """What a threat threatens with ('drohte mit einem Militärschlag'), what a demand asks for
    ('forderte den Abzug der Soldaten'), what talks are about ('sprachen über die Zusammenarbeit') and
    what an act is for ('entsandte Soldaten zum Kampf gegen ...') are their content, no events of their own.
    `verbs`: the event types the clause's verbs carry, and those of their modes that UNDOING names."""
    clause_hits = without_called_for(clause_hits, tokens, language)
    clause_hits = [hit for hit in clause_hits if not unreal(hit, tokens, language)]
    aims = {
        language.aim_prepositions[hit.entry.mode] for hit in clause_hits if hit.entry.mode in language.aim_prepositions
    }
    if aims:  # "demonstrierten für die Freilassung", "warnte vor Waffenlieferungen": sought or feared, not done
        clause_hits = [hit for hit in clause_hits if not noun_after(hit, aims, tokens, language)]
    if "REQUEST" in verbs:  # what is asked for stands as object or after "zu"/"um", not in "nach dem Einmarsch"
        openers = request_openers([hit for hit in clause_hits if hit.entry.pos != "N"], language)
        return said_content_removed(clause_hits, "REQUEST", openers, tokens, language)
    if any(hit.entry.pos != "N" for hit in clause_hits):  # "entsandte Truppen zum Kampf gegen ...": a purpose
        clause_hits = [hit for hit in clause_hits if not purpose_of_act(hit, tokens, language)]
    undone = {kind for verb in verbs for kind in UNDOING.get(verb, ())}
    if undone:  # "setzte die Hilfe aus", "hob die Sanktionen auf": what is stopped is no event of its own
        clause_hits = [hit for hit in clause_hits if not (hit.entry.pos == "N" and hit.entry.type in undone)]
    if "THREATEN" in verbs:  # "drohte mit ...", "drohte Sanktionen an", "schließt einen Angriff nicht aus"
        clause_hits = said_content_removed(clause_hits, "THREATEN", THREAT_OPENERS, tokens, language)
    if "CONSULT" in verbs:  # "sprachen über die Zusammenarbeit": what talks are about
        clause_hits = [hit for hit in clause_hits if not noun_after(hit, TALK_TOPICS, tokens, language)]
    clause_hits = without_agreed(clause_hits, tokens, language)
    stances = stance_prepositions(clause_hits)
    if stances:  # "sprach sich gegen neue Sanktionen aus": what one is for or against has not happened
        clause_hits = [hit for hit in clause_hits if not noun_after(hit, stances, tokens, language)]
    return clause_hits


def without_called_for(clause_hits: list[TriggerHit], tokens: list[Token], language: Language) -> list[TriggerHit]:
    """'ein Appell zur Unterstützung Somalias', 'der Aufruf zu Spenden': the event noun after a request noun,
    opened as a request's content is ("zu", "um", "für"), is what is asked for, no event of its own."""
    calls = [hit for hit in clause_hits if hit.entry.pos == "N" and hit.entry.type == "REQUEST"]
    if not calls:
        return clause_hits
    first, openers = min(call.token for call in calls), request_openers(calls, language)
    return [
        hit
        for hit in clause_hits
        if hit.token < first or hit.entry.type == "REQUEST" or not noun_after(hit, openers, tokens, language)
    ]


def request_openers(requests: list[TriggerHit], language: Language) -> frozenset[str]:
    """The prepositions that open what `requests` ask for: "zu", "um", "für", and the one a request word itself
    takes ("drängte auf Verhandlungen", "die Forderung nach Gesprächen")."""
    own = {
        language.request_complements[hit.entry.lemma]
        for hit in requests
        if hit.entry.lemma in language.request_complements
    }
    return language.request_openers | own


TALK_TOPICS = frozenset({"über"})
BAN_MODE = "ban"  # the mode of verbs that forbid (verbieten, untersagen)


def is_banned(hit: TriggerHit, clause_hits: list[TriggerHit], tokens: list[Token], language: Language) -> bool:
    """'verbot alle Demonstrationen': an event noun a verb of banning takes as object has not taken place (what
    came before the ban, "nach den Protesten", has). The noun stays a hit of its clause: it names whom the
    ban is done to."""
    if hit.entry.pos != "N" or not any(h.entry.pos == "V" and h.entry.mode == BAN_MODE for h in clause_hits):
        return False
    return said_for(tokens, hit.token, frozenset(), language)


STANCE_TYPES = ("SUPPORT", "REJECT")
STANCE_SLOTS = ("pp:für", "pp:gegen")  # "sich für/gegen etwas aussprechen", "für etwas werben"


def stance_prepositions(clause_hits: list[TriggerHit]) -> set[str]:
    """The prepositions ('für', 'gegen') after which a verb of stance names what it backs or opposes."""
    return {
        spec.removeprefix("pp:")
        for hit in clause_hits
        if hit.entry.pos != "N" and hit.entry.type in STANCE_TYPES
        for spec in hit.entry.target
        if spec in STANCE_SLOTS
    }


def without_agreed(clause_hits: list[TriggerHit], tokens: list[Token], language: Language) -> list[TriggerHit]:
    """'unterzeichneten ein Abkommen über den Abzug der Truppen', 'einigten sich auf einen Austausch von Gefangenen':
    what an agreement is about, after it, is its content, no event of its own."""
    agreed = [hit.token for hit in clause_hits if hit.entry.type == "AGREE"]
    return [
        hit
        for hit in clause_hits
        if not agreed
        or hit.entry.type == "AGREE"
        or hit.token < min(agreed)
        or not noun_after(hit, language.agreement_topics, tokens, language)
    ]


def unreal(hit: TriggerHit, tokens: list[Token], language: Language) -> bool:
    """An act said to be lacking ("ohne Zustimmung des Parlaments", "statt Gesprächen"), feared or recalled by an
    anniversary ("zum Jahrestag des Einmarsches": told elsewhere) does not happen in this clause."""
    return (
        noun_after(hit, language.absence_openers, tokens, language)
        or feared(hit, tokens, language)
        or recalled(hit, tokens, language)
    )


def recalled(hit: TriggerHit, tokens: list[Token], language: Language) -> bool:
    opener = opener_before(tokens, hit.token, language) if hit.entry.pos == "N" else None
    return opener is not None and opener.lemma in language.anniversary_nouns


def feared(hit: TriggerHit, tokens: list[Token], language: Language) -> bool:
    """'Taiwan fürchtet einen Angriff', 'die Angst vor einem Einmarsch': the event noun names a fear, not an act."""
    cursor = opener_index(tokens, hit.token, language) if hit.entry.pos == "N" else -1
    if cursor > 0 and tokens[cursor].text.lower() in language.fear_prepositions:
        cursor -= 1
    return cursor >= 0 and tokens[cursor].lemma in language.fear_words


def noun_after(hit: TriggerHit, prepositions: Container[str], tokens: list[Token], language: Language) -> bool:
    """An event noun whose phrase one of `prepositions` opens."""
    return hit.entry.pos == "N" and content_opener(tokens, hit.token, language) in prepositions


def said_content_removed(
    clause_hits: list[TriggerHit], speech_act: str, openers: frozenset[str], tokens: list[Token], language: Language
) -> list[TriggerHit]:
    """The clause's hits without the nouns that say what a demand or threat is about."""
    return [
        hit
        for hit in clause_hits
        if hit.entry.pos != "N" or hit.entry.type == speech_act or not said_for(tokens, hit.token, openers, language)
    ]


def purpose_of_act(hit: TriggerHit, tokens: list[Token], language: Language) -> bool:
    """An event noun after "zum"/"zur" in a clause whose verb is an act: what the act is for."""
    return noun_after(hit, language.purpose_openers, tokens, language)


def said_for(tokens: list[Token], index: int, openers: frozenset[str], language: Language) -> bool:
    """A noun that no preposition opens, or one of `openers` ("rief zu einer Waffenruhe auf", "bat um Hilfe")."""
    opener = opener_before(tokens, index, language)
    return opener is None or not is_preposition(opener) or opener.text.lower() in openers


def fold_manner_nouns(
    told: list[EventMention], clause_hits: list[TriggerHit], tokens: list[Token], language: Language
) -> list[EventMention]:
    """'Bei den Luftangriffen der USA wurden 20 Menschen getötet': the noun after "bei"/"mit" tells the
    verb's own event; what it names (the doer here) completes the verb's mention, and it is no event
    of its own."""
    verb_types = {hit.entry.type for hit in clause_hits if hit.entry.pos != "N"}
    manner = {
        tokens[hit.token].start
        for hit in clause_hits
        if hit.entry.type in verb_types and noun_after(hit, language.manner_openers, tokens, language)
    }
    kept = []
    for mention in told:
        verbs = [m for m in told if m.type == mention.type and m.order not in manner]
        if mention.order not in manner or not verbs:
            kept.append(mention)
            continue
        for verb in verbs:
            verb.source = verb.source or mention.source
            verb.target = verb.target or mention.target
            verb.location = verb.location or mention.location
    return kept


def takes_part(hit: TriggerHit, tokens: list[Token], language: Language) -> bool:
    """A meeting noun after a preposition of occasion ("bei einem Besuch", "nach Gesprächen mit X")."""
    return hit.entry.type == "CONSULT" and content_opener(tokens, hit.token, language) in language.meeting_openers


def content_opener(tokens: list[Token], index: int, language: Language) -> str:
    """The preposition before a noun and its modifiers ('mit einem Militärschlag' -> 'mit')."""
    opener = opener_before(tokens, index, language)
    return opener.text.lower() if opener is not None else ""


def is_content_of_speech_act(
    clauses: list[Clause], hits: list[list[TriggerHit]], index: int, tokens: list[Token], plans: frozenset[str]
) -> bool:
    """An infinitive under a demand or accusation is its content, not an event of its own; so is a
    "dass" clause under a demand ("verlangen, dass Katar den Sender schließt": it has not happened).
    An infinitive after a noun of plan or decision is that noun's content ("kritisierte die Entscheidung
    Berlins, Panzer zu liefern": the delivery is decided, the criticism is about it)."""
    clause, parent = clauses[index], clauses[index].parent
    if parent is None:
        return demanded_before(clauses, hits, index) is not None
    if clause.kind == ClauseKind.INFINITIVE:
        acts = [hit for hit in hits[parent] if hit.entry.type in SPEECH_ACTS_WITH_CONTENT]
        if is_perfect_infinitive([tokens[i] for i in clause.tokens], clause.grammar):
            acts = [hit for hit in acts if hit.entry.type != "REJECT"]  # "bestritt, Waffen geliefert zu haben": denied
        return any(not names_plan(clauses[parent], hit, tokens, plans) for hit in acts)
    demanded = clause.kind == ClauseKind.SUBORDINATE and clause.opener in clause.grammar.complement_subordinators
    return demanded and any(hit.entry.type == "REQUEST" and hit.entry.pos != "N" for hit in hits[parent])


def tells_absent_act(clause: Clause) -> bool:
    """'griff an, statt zu verhandeln', 'Ohne Russland zu nennen, verurteilte X ...': an infinitive opened by
    "ohne" or "statt" tells an act that did not take place."""
    return clause.kind == ClauseKind.INFINITIVE and clause.opener in clause.grammar.absence_openers


def plan_nouns(cues: Cues, lexicon: TriggerLexicon) -> frozenset[str]:
    """Nouns that name a plan or a decision and are no speech act themselves (Forderung, Aufruf are)."""
    nouns = cues.intention_nouns | cues.decision_nouns
    return frozenset(n for n in nouns if not any(e.type in SPEECH_ACTS_WITH_CONTENT for e in lexicon.nouns(n)))


def names_plan(clause: Clause, hit: TriggerHit, tokens: list[Token], plans: frozenset[str]) -> bool:
    """A noun of plan or decision after a speech act's verb ('warnte vor dem Plan', 'kritisierte die
    Entscheidung'); a speech-act noun ('erneuerte die Forderung, ...') keeps its own content."""
    if hit.entry.pos == "N":
        return False
    after = (i for i in clause.tokens if i > hit.token and i not in hit.tokens)
    return any(tokens[i].pos == "NN" and tokens[i].lemma in plans for i in after)


def demanded_before(clauses: list[Clause], hits: list[list[TriggerHit]], index: int) -> int | None:
    """'Russland müsse abziehen, forderte X': a main clause before a postposed demand ("..., forderte X",
    "..., verlangte Y") is what is demanded; returns the demand's clause."""
    if clauses[index].kind != ClauseKind.MAIN:
        return None
    for later in range(index + 1, len(clauses)):
        if is_postposed(clauses, later):
            demand = any(hit.entry.type in DEMAND_TYPES and hit.token == clauses[later].first for hit in hits[later])
            return later if demand else None
    return None


def complete_speech_act(
    found: list[EventMention], hit: TriggerHit, clauses: list[Clause], index: int, article: Article
) -> list[EventMention]:
    """'X warnte, dass Pjöngjang ...', 'Y kritisierte, Scholz handle zu spät': the accused is the
    subject of the clause that says what X said."""
    if hit.entry.type == "ACCUSE" and clauses[index].kind == ClauseKind.RELATIVE:
        return relative_speech_act(found, clauses, index, article)
    if hit.entry.type not in SPEECH_ACT_TYPES - {"REJECT"} or any(m.target is not None for m in found):
        return found  # a denial's complement is what is denied, not whom it answers
    complement = complement_clause(clauses, index)
    if complement is not None and sets_apart(complement, article):
        complement = None  # "X pocht auf ..., Brasilien lehnt dagegen ab": a statement of its own
    opens = hit.token == clauses[index].first  # "..., forderte X", not "..., werde man Beziehungen aufnehmen"
    if complement is None and opens and hit.entry.type != "THREATEN":  # who threatens is mostly its subject
        complement = postposed_content(clauses, index)
    if complement is None:
        return found
    roles = clause_roles(complement, article)
    doers = complement_doers(roles)
    if not doers:
        return found
    # "lobte, dass Deutschland und Frankreich den Plan abgelehnt hätten": each of a list of doers
    listed = roles.mentions[doers[0]].group or doers[:1]
    targets = [actor_ref(article.entities[roles.mentions[n].entity], article) for n in listed]
    return [replace(m, target=t) for t in targets for m in found if not same_actor(m.source, t)]


def sets_apart(clause: Clause, article: Article) -> bool:
    """A clause with an adverb of contrast ("dagegen", "hingegen") sets its subject against another's."""
    return any(article.tokens[i].text.lower() in clause.grammar.contrast_adverbs for i in clause.tokens)


def relative_speech_act(
    found: list[EventMention], clauses: list[Clause], index: int, article: Article
) -> list[EventMention]:
    """A speech act in a relative clause is about the noun the clause describes. An object pronoun
    ("die Diplomaten, denen Moskau Spionage vorwirft") or a pronoun subject of the clause's own ("Politiker,
    denen es ... vorwirft", "Firmen, die sie beschuldigen") makes it the one accused, and a pronoun subject
    is the subject of the governing clause; otherwise the noun speaks ("Der Iran, der Israel für den
    Anschlag verantwortlich macht": IRN accuses ISR)."""
    clause = clauses[index]
    if clause.parent is None or clause.opener not in clause.grammar.relative_pronouns:
        return found  # "..., was X als Verstoß bezeichnete": the clause before is what is meant
    host = clause_roles(clauses[clause.parent], article)
    antecedent = next((m for m in reversed(host.mentions) if m.last < clause.first and not m.is_place), None)
    if antecedent is None or article.entities[antecedent.entity].actor is None:
        return found
    noun = actor_ref(article.entities[antecedent.entity], article)
    pronoun = any(article.tokens[i].text.lower() in clause.grammar.subject_pronouns for i in clause.tokens[1:])
    if clause.opener in clause.grammar.relative_object_pronouns or pronoun:
        speakers = [article.entities[host.mentions[i].entity] for i in host.subject] if pronoun else []
        speaker = actor_ref(speakers[0], article) if speakers else None
        return [replace(m, source=speaker or m.source, target=noun) for m in found if not same_actor(m.source, noun)]
    return [
        replace(m, source=noun, target=m.target or (None if same_actor(m.source, noun) else m.source)) for m in found
    ]


PASSIVE_AGENTS = ("pp:von", "pp:durch")


def complement_doers(roles: ClauseRoles) -> list[int]:
    """Who does what a speech act is about: the subject, or in a passive the agent ("Russland werde von
    der Nato eingekreist": the Nato is blamed); a passive without an agent names no doer."""
    if not roles.passive:
        return roles.subject
    return [i for i, mention in enumerate(roles.mentions) if mention.role in PASSIVE_AGENTS]


def complement_clause(clauses: list[Clause], index: int) -> Clause | None:
    for clause in clauses[index + 1 :]:
        opens_complement = clause.opener in clause.grammar.complement_subordinators
        if clause.parent == index and clause.kind == ClauseKind.SUBORDINATE and opens_complement:
            return clause
    following = clauses[index + 1] if index + 1 < len(clauses) else None
    if following is not None and following.kind == ClauseKind.MAIN and not following.coordinated:
        return following  # reported speech without "dass"
    return None


def is_postposed(clauses: list[Clause], index: int) -> bool:
    """A verb-first clause after a main clause: '..., sagte X', '..., forderte Y'."""
    return (
        clauses[index].kind == ClauseKind.VERB_FIRST and index > 0 and clauses[index - 1].kind != ClauseKind.SUBORDINATE
    )


def postposed_content(clauses: list[Clause], index: int) -> Clause | None:
    """What a postposed speech act ("..., forderte X") is about: the main clause before it (after a
    subordinate clause a verb-first clause is a consequence: "erst wenn ..., werde man ...")."""
    if not is_postposed(clauses, index):
        return None
    return next((c for c in reversed(clauses[:index]) if c.kind == ClauseKind.MAIN), None)


def referenced_acts(
    clause: Clause, hit: TriggerHit, article: Article, lexicon: TriggerLexicon, cues: Cues
) -> tuple[str, ...] | None:
    """'verurteilte den Angriff', 'die Tat', 'kritisierte die Entscheidung': the object is an earlier
    event, not an actor. Returns the types that event may have, the noun's own first (empty: any act; a
    decision can be anything, a deed or an attack is hostile); None when the object names no event. The object follows
    the verb, or precedes it when the verb closes the clause ('hat die Festnahme verurteilt', 'der
    Angriff wurde verurteilt'). A relative 'was' names the act of the clause before it ('besuchte Moskau, was
    die Ukraine verurteilte')."""
    if clause.kind == ClauseKind.RELATIVE and clause.opener in clause.grammar.relative_indefinites:
        return ()
    after = [i for i in clause.tokens if i > hit.token]
    if any(article.tokens[i].pos[0] != "$" for i in after):
        return object_act(after, clause, hit, article, lexicon, cues)
    return object_act([i for i in clause.tokens if i < hit.token], clause, hit, article, lexicon, cues)


def opens_attribute(preposition: Token, article: Article, grammar: Language) -> bool:
    """A preposition right after an article opens a participle's phrase inside the noun phrase ("kritisierte die
    [von Peking verhängten] Einreiseverbote"): the noun is still the object."""
    index = article.token_index(preposition.start)
    return index > 0 and article.tokens[index - 1].pos in grammar.attribute_determiner_tags


def object_act(
    indices: list[int], clause: Clause, hit: TriggerHit, article: Article, lexicon: TriggerLexicon, cues: Cues
) -> tuple[str, ...] | None:
    """The types of the first event noun among `indices` (see referenced_acts)."""
    for index in indices:
        token = article.tokens[index]
        if token.pos not in clause.grammar.noun_tags:  # also a nominalised infinitive: "das Vorgehen"
            continue
        opener = opener_before(article.tokens, index, clause.grammar)
        governed = opener is not None and f"pp:{opener.text.lower()}" in hit.entry.target  # "reagierte auf"
        if (
            opener is not None
            and is_preposition(opener)
            and not governed
            and not opens_attribute(opener, article, clause.grammar)
        ):
            continue  # "beantragt, wenige Monate nach dem Einmarsch": a time, not what is asked for
        if token.lemma in cues.agreement_nouns:
            return AGREED_ACTS
        if token.lemma in cues.decision_nouns:
            return ()
        own = tuple(dict.fromkeys(e.type for e in lexicon.nouns(token.lemma) if e.type in CONFLICT_TYPES))
        if own:  # "verurteilte den Umsturz": a coup first, not the threat told just before it
            return own + tuple(t for t in CONFLICT_TYPES if t not in own)
        if token.lemma in cues.deed_nouns:
            return CONFLICT_TYPES
    return None


REJECTABLE_TYPES = ("ACCUSE", "REQUEST", "THREATEN")  # what one rejects: accusations, demands, threats


def rejected_acts(clause: Clause, hit: TriggerHit, article: Article, lexicon: TriggerLexicon) -> tuple[str, ...] | None:
    """'wies die kolumbianischen Vorwürfe zurück', 'lehnte die Forderung Chinas ab', 'wies Foltervorwürfe zurück':
    the object is an act of someone else, who is then the one rejected; so is a demonstrative ('wies das zurück').
    None when the clause names no such act."""
    for index in clause.tokens:
        token = article.tokens[index]
        if index != hit.token and token.pos in clause.grammar.noun_tags:
            senses = lexicon.nouns(token.lemma) or lexicon.nouns(lexicon.compound_head(token.lemma))  # "Foltervorwürfe"
            types = tuple(t for t in REJECTABLE_TYPES if any(e.type == t for e in senses))
            if types:
                return types
    if any(refers_back(index, clause, article) for index in clause.tokens if index != hit.token):
        return REJECTABLE_TYPES  # "wies das zurück", "wies diese Darstellung zurück": what was said before
    return None


def refers_back(index: int, clause: Clause, article: Article) -> bool:
    """A demonstrative standing for what was said before: alone ('Kiew wies das zurück', 'dementierte dies'), not
    an article ('das Ministerium'), or before a noun ('diese Darstellung')."""
    token, grammar = article.tokens[index], clause.grammar
    if token.pos == "PDAT":
        return True
    following = article.tokens[index + 1] if index + 1 < len(article.tokens) else None
    alone = following is None or (following.pos not in grammar.noun_tags and following.pos != "ADJA")
    return token.text.lower() in grammar.demonstratives and alone
