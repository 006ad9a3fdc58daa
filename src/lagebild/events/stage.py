"""The event stage: triggers in clauses become event mentions, merged into one record per event.

Steps for each sentence of the headline, paragraphs and captions (duplicated blocks and the
dateline itself are skipped):
1. read the sentence's clauses, cut by the clause stage (lagebild/clauses.py);
2. find trigger words in each clause (triggers.py, with the lexicon in data/de/triggers.tsv);
3. give each trigger its source, target, place, time, modality and attribution (mentions.py,
   modality.py, attribution.py);
4. when the article is done, merge the mentions into events (merge.py).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from itertools import combinations, pairwise

from lagebild.clauses import is_finite
from lagebild.document import (
    Actor,
    ActorRef,
    Article,
    BlockKind,
    Claimant,
    Clause,
    ClauseKind,
    Entity,
    Event,
    Evidence,
    PlaceRef,
    Sentence,
    TimeExpression,
    Token,
)
from lagebild.events.attribution import (
    AttributionContext,
    attribution_chain,
    governing_reporters,
    is_reporting_clause,
    is_subjunctive_one,
    marker_claimants,
    reports_or_announces,
    speaker_of,
)
from lagebild.events.counterparts import (
    APPROVING_TYPES,
    complete_counterparts,
    complete_recipients,
    is_party,
    resolve_event_objects,
)
from lagebild.events.lexicon import Cues, TriggerEntry, TriggerLexicon, load_cues, load_triggers
from lagebild.events.mentions import (
    AGENT_ROLES,
    JOINT_TYPES,
    SPEECH_ACT_TYPES,
    SYMMETRIC_TYPES,
    ClauseRoles,
    EventMention,
    actor_ref,
    between_pair,
    clause_roles,
    closing_von_group,
    day_of,
    inherited_subject,
    is_destination,
    is_located,
    is_mutual,
    noun_arguments,
    noun_doer,
    place_in,
    same_actor,
    time_in,
    verb_arguments,
)
from lagebild.events.merge import CROWD_TYPES, merge_mentions
from lagebild.events.modality import modality_of, opens_condition, verb_lemmas
from lagebild.events.speech import DEMAND_TYPES, SAID_MODES, SaidAct, demanded_clauses, said_acts
from lagebild.events.timing import (
    block_of,
    event_times,
    is_ahead,
    names_no_time,
    news_day,
    own_time,
    present_report,
    time_of_mention,
    told_as_earlier,
)
from lagebild.events.triggers import TriggerHit, find_triggers
from lagebild.lang import DEFAULT_LANGUAGE, Language, load_language

EVENT_BLOCKS = {BlockKind.HEADLINE, BlockKind.PARAGRAPH, BlockKind.CAPTION}


class EventStage:
    name = "events"
    requires = ("sentences", "clauses", "entities", "times", "main_country")
    assigns = ("events",)

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = load_language(language)
        self.lexicon: TriggerLexicon = load_triggers(language)
        self.cues: Cues = load_cues(language)
        self.plans = plan_nouns(self.cues, self.lexicon)

    def __call__(self, article: Article) -> Article:
        mentions: list[EventMention] = []
        statements: list[Occasion] = []
        context = AttributionContext()
        times = event_times(
            article, self.cues, self.lexicon, self.language
        )  # once per article: the times that can date an event
        lead = lead_lemmas(article)
        previous: list[EventMention] = []  # the mentions of the sentence before
        for sentence in article.sentences:
            block = article.blocks[sentence.block]
            if block.kind not in EVENT_BLOCKS or block.duplicate_of is not None:
                continue
            clauses = sentence_clauses(article, sentence)
            attribute_back(previous, clauses, article, context, self.cues)
            first_new = len(mentions)
            blocked = name_tokens(article, sentence)
            summarised = lead if block.kind == BlockKind.HEADLINE else []
            hits = [self.triggers_of(clauses, index, article, summarised, blocked) for index in range(len(clauses))]
            speaking = {index for index, found in enumerate(hits) if any(h.entry.type in SAID_TYPES for h in found)}
            # "Die Diplomaten müssten das Land verlassen, sagte X": the order is the clause's own event
            ordered = {index for index, found in enumerate(hits) if any(is_order(hit.entry) for hit in found)}
            said = said_acts(clauses, article, self.cues, speaking, context.reported_claimant, self.language, ordered)
            demanded = demanded_clauses(said)
            mentions.extend(self.said_mention(act, clauses, article, sentence, context, times) for act in said)
            for index in range(len(clauses)):
                if index in demanded or is_content_of_speech_act(clauses, hits, index, article.tokens, self.plans):
                    continue  # "forderten, die Kämpfe zu beenden": the ending is what is demanded
                told: list[EventMention] = []
                for hit in hits[index]:
                    found = self.mentions_of(hit, hits[index], clauses, index, article, sentence, context, times)
                    found = complete_speech_act(found, hit, clauses, index, article)
                    found = reciprocal(found, hit, clauses[index], article, sentence, self.language)
                    told.extend(split_by_times(found, clauses[index], article, self.language))
                mentions.extend(fold_manner_nouns(told, hits[index], article.tokens, self.language))
            previous = mentions[first_new:]
            remember_claimants(clauses, article, context, self.cues)
            statements.extend(self.dated_statements(clauses, sentence, article, times))
        resolve_event_objects(mentions)
        complete_counterparts(mentions, article, self.language)
        complete_recipients(mentions, article)
        article.events = borrow_time_and_place(
            share_occasion(merge_mentions(mentions), statements, article, times, self.language),
            article,
            times,
            self.cues,
            self.language,
        )
        return article

    def said_mention(
        self,
        act: SaidAct,
        clauses: list[Clause],
        article: Article,
        sentence: Sentence,
        context: AttributionContext,
        times: list[TimeExpression],
    ) -> EventMention:
        """The mention of a speech act read off what was said (lagebild.events.speech)."""
        span = evidence_span(article, sentence)
        voice = clauses[act.reporter] if act.reporter is not None else clauses[act.reported[0]]
        time = time_in((article.tokens[voice.first].start, article.tokens[voice.last].end), times)
        chain = [] if act.reporter is None else attribution_chain(clauses, act.reporter, article, context, self.cues)
        return EventMention(
            type=act.type,
            mode=SAID_MODES[act.type],
            context=[],
            source=act.speaker,
            target=actor_ref(act.addressee, article) if act.addressee else None,
            modality="asserted",
            evidence=Evidence(*span),
            time=time or time_in(span, times),
            attribution=[claimant for claimant in chain if claimant.text != act.speaker.text],
            order=article.tokens[voice.first].start,
            block=sentence.block,
        )

    def dated_statements(
        self, clauses: list[Clause], sentence: Sentence, article: Article, times: list[TimeExpression]
    ) -> list[Occasion]:
        """'..., schrieb der EU-Kommissar am Mittwoch auf Twitter', '..., kündigte Chávez am Donnerstag an':
        who spoke, when and where."""
        found = []
        for clause in clauses:
            if not reports_or_announces(clause, article, self.cues):
                continue
            roles = clause_roles(clause, article)
            span = (article.tokens[clause.first].start, article.tokens[clause.last].end)
            time = time_in(span, times)
            place = place_in(clause.tokens, article, self.language)
            if roles.subject and (time or place):
                speaker = actor_ref(article.entities[roles.mentions[roles.subject[0]].entity], article)
                found.append(Occasion(sentence.block, speaker, time, place))
        return found

    def announces(self, clause: Clause, article: Article, clause_hits: list[TriggerHit]) -> bool:
        """A clause whose verb only reports, carries out or answers with a noun event ('gab Festnahmen
        bekannt', 'verübte einen Anschlag', 'reagierte mit Luftangriffen'): the subject is the noun's doer."""
        if any(hit.entry.pos != "N" for hit in clause_hits):
            return False
        cues = self.cues
        carriers = self.lexicon.support_verbs() | cues.reporting_verbs | cues.planned_verbs | cues.response_verbs
        lemmas = {article.tokens[i].lemma for i in clause.tokens if article.tokens[i].pos.startswith("VV")}
        words = [article.tokens[i] for i in clause.tokens if article.tokens[i].pos[:1] != "$"]
        particle = words[-1].text.lower() if words else ""  # "kündigte ... an." (the tagger may read "an" as APPR)
        return bool(lemmas & carriers or {particle + lemma for lemma in lemmas} & carriers)

    def protesters(self, entity: Entity, article: Article) -> bool:
        """'Tausende Demonstranten', 'die Demonstrierenden': a crowd of protesters."""
        words = article.tokens_before(entity.end, len(entity.text.split()) + 1)
        return any(t.lemma in self.cues.protester_nouns for t in words if t.start >= entity.start)

    def triggers_of(
        self, clauses: list[Clause], index: int, article: Article, summarised: list[str], blocked: set[int]
    ) -> list[TriggerHit]:
        """The clause's triggers, senses chosen with its context (and, for a headline, the lead's words)."""
        context = sense_context(clauses, index, article) + summarised
        hits = find_triggers(clauses[index], article.tokens, self.lexicon, context, blocked)
        verbs = {hit.entry.type for hit in hits if hit.entry.pos != "N"} | self.talk(clauses[index], article)
        return without_content(hits, verbs, article.tokens, self.language)

    def promises(self, hit: TriggerHit, tokens: list[Token]) -> bool:
        """A verb of promise that is itself the trigger of another act ('zusagen' = AID pledged), or the
        support verb of one ('versprach eine Waffenruhe'); an agreement's promise is the event itself."""
        if hit.entry.type == "AGREE":
            return False
        if hit.entry.pos == "V":
            return hit.entry.lemma in self.cues.promise_verbs
        return hit.entry.pos == "LVC" and any(tokens[i].lemma in self.cues.promise_verbs for i in hit.tokens)

    def talk(self, clause: Clause, article: Article) -> set[str]:
        """{'CONSULT'} when a verb of the clause can mean talks ('sprachen über ...' without 'mit')."""
        verbs = (article.tokens[i] for i in clause.tokens if article.tokens[i].pos.startswith("VV"))
        consulting = any(entry.type == "CONSULT" for verb in verbs for entry in self.lexicon.verbs(verb.lemma))
        return {"CONSULT"} if consulting else set()

    def weighs(self, clause: Clause, article: Article) -> bool:
        """A clause whose verb plans or considers ('plant', 'erwägt', 'prüft')."""
        return has_verb_among(clause, article, self.cues.planned_verbs | self.cues.possible_verbs)

    def intends(self, clauses: list[Clause], index: int, article: Article) -> bool:
        """An infinitive clause under a verb of intention or announcement ('kündigte an, ... zu')."""
        clause = clauses[index]
        if clause.kind != ClauseKind.INFINITIVE or clause.parent is None:
            return False
        return has_verb_among(clauses[clause.parent], article, self.cues.planned_verbs)

    def noun_actors(
        self,
        hit: TriggerHit,
        clause_hits: list[TriggerHit],
        clauses: list[Clause],
        index: int,
        article: Article,
        roles: ClauseRoles,
    ) -> tuple[list[Entity], list[Entity], list[Claimant]]:
        """(sources, targets, reporter) of an event noun: its own phrase first, then who the clause says does it."""
        clause = clauses[index]
        reporter: list[Claimant] = []
        verb_triggered = any(h.entry.pos != "N" for h in clause_hits)
        sources, targets = noun_arguments(hit, roles, article, verb_triggered)
        subject = [article.entities[roles.mentions[i].entity] for i in roles.subject]
        if not sources and not targets and self.announces(clause, article, clause_hits):
            # "Maduro gab zwei Festnahmen bekannt": the noun's doer is the clause's subject, who says so
            sources = subject
            if is_reporting_clause(clause, article.tokens, self.cues):
                reporter = [Claimant(actor_ref(e, article).text, e.actor.country) for e in sources[:1]]
        if not sources and targets and self.weighs(clause, article):
            sources = subject  # "Die EU erwägt Strafzölle gegen China": who plans or weighs a measure would take it
        if not sources and takes_part(hit, article.tokens, self.language):
            # "Scholz sagte bei einem Treffen mit Macron": who speaks at a meeting is in it
            sources = [e for e in subject if e not in targets]
        if not sources and self.intends(clauses, index, article):
            # "Moskau kündigte an, die Angriffe zu verstärken": who intends it does it
            sources = inherited_subject(clauses, index, article)
        return sources, targets, reporter

    def verb_actors(
        self,
        hit: TriggerHit,
        clauses: list[Clause],
        index: int,
        article: Article,
        sentence: Sentence,
        roles: ClauseRoles,
    ) -> tuple[list[Entity], list[Entity]]:
        """(sources, targets) of a verb or support-verb trigger: its clause's roles, then who else can do it."""
        clause = clauses[index]
        fallback = [] if roles.subject else inherited_subject(clauses, index, article)
        sources, targets = verb_arguments(hit, roles, article, fallback)
        gapped = gapped_subjects(roles, article, self.language)
        if gapped and sources:  # "Japan sagte 50 Millionen zu, Südkorea 20 Millionen": each gives
            sources, targets = [*sources, *gapped], [e for e in targets if e not in gapped]
        if hit.entry.pos == "LVC" and not sources:
            sources = noun_doer(hit, roles, article)  # "Der Abzug der Bundeswehr wird beginnen"
            if not sources and is_mutual(hit) and between_pair(roles, article)[0]:
                sources, targets = between_pair(roles, article)  # "Die Gespräche zwischen A und B wurden fortgesetzt"
        if not sources and has_pronoun_subject(clause, article, self.language.subject_pronouns):
            sources = speaker_entities(clauses, index, article, self.cues)  # "X sagt, es werde ..."
        if not sources and has_pronoun_subject(clause, article, self.language.anaphoric_pronouns):
            sources = pronoun_referents(article, sentence, self.language)
        return sources, targets

    def mentions_of(
        self,
        hit: TriggerHit,
        clause_hits: list[TriggerHit],
        clauses: list[Clause],
        index: int,
        article: Article,
        sentence: Sentence,
        context: AttributionContext,
        times: list[TimeExpression],
    ) -> list[EventMention]:
        clause = clauses[index]
        roles = clause_roles(clause, article)
        reporter: list[Claimant] = []
        if hit.attributive:
            sources, targets = participle_arguments(hit, roles, article)
            if any(is_office_holder(e) for e in targets) and not sources:
                return []  # "die Anhänger des gestürzten Präsidenten X": a holder's status, no event told
        elif hit.entry.pos == "N":
            sources, targets, reporter = self.noun_actors(hit, clause_hits, clauses, index, article, roles)
        else:
            sources, targets = self.verb_actors(hit, clauses, index, article, sentence, roles)
        # "waren 30 Personen festgenommen, meldete die Agentur": the media report events, they take no part in them
        sources = [e for e in sources if not (e.actor and e.actor.sector == "MED")]
        states = sources and all(names_a_state(e, article, self.language) for e in sources)
        if hit.entry.type in CROWD_TYPES and hit.entry.pos == "V" and states:
            hit = replace(hit, entry=replace(hit.entry, **STATE_PROTEST))  # "Die Türkei protestierte": diplomacy
        span = evidence_span(article, sentence)
        # "Das Außenministerium in Wien verurteilte die Anschläge": the condemned act did not happen in Wien
        referenced = hit.entry.pos == "N" and any(
            h.entry.pos != "N" and h.entry.type in SPEECH_ACT_TYPES for h in clause_hits
        )
        moving = hit.entry.type in MOVING_TYPES
        location = None if referenced else place_in(clause.tokens, article, self.language, moving)
        sources, targets = default_parties(hit, sources, targets, location, clause, article)
        joint = is_joint_exercise(hit, sources)
        if joint:  # "Soldaten Indiens und Frankreichs üben gemeinsam": the two sides are the parties
            targets = []
        time = time_of_mention(hit, clauses, index, article, times, span, self.language)
        chain = reporter + attribution_chain(clauses, index, article, context, self.cues)
        own_words = [article.tokens[i] for i in clause.tokens]
        if not chain and is_subjunctive_one(own_words, self.language) and context.reported_claimant:
            chain = [context.reported_claimant]
        if hit.entry.type == "REJECT":  # "wies Berichte der Ukraine zurück": the denied report's author is the target
            chain = [claimant for claimant in chain if all(claimant.text != e.text for e in targets)]
        claimed_by = {claimant.text for claimant in chain}
        targets = [e for e in targets if e.text not in claimed_by]  # "Nach Informationen des Spiegel": a source
        if roles.passive:  # "Nach Angaben von Menschenrechtlern wurden ... getötet": who says it did not kill
            sources = [e for e in sources if e.text not in claimed_by]
        trigger_tokens, reference_date = (hit.token, *hit.tokens), article.reference_date
        modality = modality_of(
            trigger_tokens, clauses, index, article.tokens, self.cues, self.language, day_of(time), reference_date
        )
        if hit.attributive:
            modality = "asserted"  # "der festgenommene Journalist soll freikommen": the arrest has happened
        kind = "COOPERATE" if joint else hit.entry.type
        if kind == "REQUEST" and sources and all(self.protesters(e, article) for e in sources):
            kind = "PROTEST"  # "Tausende Demonstranten forderten den Rücktritt": what a protest demands
        if kind in THREATENING_ACTS and modality != "asserted" and on_condition(clauses, index, article, self.cues):
            kind, modality = "THREATEN", "asserted"  # "Notfalls werde man eingreifen": the announcement threatens
        if hit.entry.type == "CONSULT" and any(e.actor and e.actor.sector == "MED" for e in targets):
            return []  # "sagte im Gespräch mit einer Zeitung": an interview, no diplomacy
        object_event = None
        if hit.entry.type in ACCUSING_TYPES | APPROVING_TYPES:
            targets = [e for e in targets if not is_patient_of_deed(e, roles, article, self.lexicon)]
        if hit.entry.type in ACCUSING_TYPES | APPROVING_TYPES and not targets:
            object_event = referenced_acts(clause, hit, article, self.lexicon, self.cues)
        elif hit.entry.type == "REJECT" and not targets:
            object_event = rejected_acts(clause, hit, article, self.lexicon)
        base = {
            "type": kind,
            "mode": hit.entry.mode if kind == hit.entry.type or joint else None,
            "context": list(hit.entry.context),
            "modality": modality,
            "evidence": Evidence(*span),
            "location": location,
            "time": time,
            "order": article.tokens[hit.token].start,
            "block": sentence.block,
            "object_event": object_event,
        }
        announced = announced_by(clauses, index, article)
        promised = self.promises(hit, article.tokens) and modality == "asserted"
        if promised:
            modality = base["modality"] = "planned"  # "sagte Haiti 50 Millionen Euro zu": pledged, not yet given
        base["time"] = own_time(time, modality, article, self.cues, [t for t in times if span[0] <= t.start < span[1]])
        return [
            EventMention(
                source=source,
                target=target,
                attribution=[announced[source.text]]
                if source and source.text in announced
                else [*without_self(chain, source, hit), *promiser(source, promised)],
                **base,
            )
            for source, target in pairs(base["type"], sources, targets, article, hit.entry.symmetric or joint)
        ]


def is_patient_of_deed(entity: Entity, roles: ClauseRoles, article: Article, lexicon: TriggerLexicon) -> bool:
    """'verurteilte die Ausweisung seiner Diplomaten', 'forderte die Freilassung der Geiseln': the
    genitive of a deed done to someone is its victim, not whom the condemnation or demand addresses."""
    for mention in roles.mentions:
        if mention.role != "gen" or mention.head_noun is None or article.entities[mention.entity] is not entity:
            continue
        senses = lexicon.nouns(article.tokens[mention.head_noun].lemma)
        if senses and all("gen" in sense.target and "gen" not in sense.source for sense in senses):
            return True
    return False


def names_a_state(entity: Entity, article: Article, language: Language) -> bool:
    """A country or its capital named as an actor ("die Türkei", "Peking"), not as a place ("in Taipeh"):
    its government."""
    named = entity.label == "LOC" and entity.actor is not None and entity.actor.sector == "GOV"
    return named and not is_located(article, entity.start, language)


THREATENING_ACTS = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}  # what is threatened when announced on a condition


def on_condition(clauses: list[Clause], index: int, article: Article, cues: Cues) -> bool:
    """An act announced on a condition: another clause of the sentence is the condition ("Sollte X ...",
    "falls X ...") or the clause says "notfalls", "andernfalls". The condition's own act is none."""
    if opens_condition(clauses[index], article.tokens, cues):
        return False
    own = (article.tokens[i] for i in clauses[index].tokens)
    if any(token.text.lower() in cues.threat_conditions for token in own):  # "notfalls" (tagged as a noun at times)
        return True
    return any(opens_condition(clause, article.tokens, cues) for n, clause in enumerate(clauses) if n != index)


ORDER_MODALS = ("müssen", "sollen")


def is_order(entry: TriggerEntry) -> bool:
    """A sense phrased with a modal of obligation ("müssen+Diplomat": diplomats who must leave are
    expelled): the order is the event, not a demand on whoever must obey."""
    return any(word.split("+")[0] in ORDER_MODALS for word in entry.requires if "+" in word)


def is_joint_exercise(hit: TriggerHit, sources: list[Entity]) -> bool:
    """A drill of forces of two or more countries ("An der Übung nehmen indische und französische
    Soldaten teil") is joint: COOPERATE between them, not a MOBILIZE of each."""
    if hit.entry.type != "MOBILIZE" or hit.entry.mode != "exercise":
        return False
    return len({e.actor.country for e in sources if e.actor and e.actor.country}) >= 2


def gapped_subjects(roles: ClauseRoles, article: Article, language: Language) -> list[Entity]:
    """Subjects of a gapped clause that repeats the verb without saying it: after a comma or "und",
    an actor right before an amount ("..., Südkorea 20 Millionen und Kanada zehn")."""
    tokens = article.tokens
    found = []
    for mention in roles.mentions:
        before, after = tokens[mention.first - 1], tokens[min(mention.last + 1, len(tokens) - 1)]
        opens = before.text == "," or before.text.lower() in language.coordination_words
        if opens and after.pos == "CARD" and not mention.is_place:
            found.append(article.entities[mention.entity])
    return found


def is_office_holder(entity: Entity) -> bool:
    return entity.label == "PER" and entity.actor is not None and entity.actor.sector == "GOV"


def promiser(source: ActorRef | None, promised: bool) -> list[Claimant]:
    """Who pledges its own act stands in its attribution: the event is only its word so far."""
    return [Claimant(source.text, source.actor.country)] if promised and source is not None else []


def participle_arguments(hit: TriggerHit, roles, article: Article) -> tuple[list[Entity], list[Entity]]:
    """'der von Russland angegriffene Nachbar': the noun after the participle is acted upon, a 'von' or
    'durch' phrase before it acts (a phrase that took the participle in is its noun)."""
    mentions = roles.mentions
    nouns = [m for m in mentions if m.first <= hit.token <= m.last or 0 < m.first - hit.token <= 2]
    agents = [m for m in mentions if m.role in AGENT_ROLES and 0 < hit.token - m.last <= 4]
    return [article.entities[m.entity] for m in agents[-1:]], [article.entities[m.entity] for m in nouns[:1]]


def has_verb_among(clause: Clause, article: Article, lemmas: frozenset[str]) -> bool:
    """A verb of the clause, with its separable particle ('kündigte ... an'), is one of `lemmas`."""
    return bool(verb_lemmas([article.tokens[i] for i in clause.tokens]) & lemmas)


def has_pronoun_subject(clause: Clause, article: Article, pronouns: frozenset[str]) -> bool:
    """One of `pronouns` opening the clause, or right after its finite verb ("In dem Brief verlangen sie")."""
    tokens = article.tokens
    finite = next((n for n, i in enumerate(clause.tokens) if tokens[i].pos.endswith("FIN")), None)
    places = [*clause.tokens[:4], *clause.tokens[finite + 1 : finite + 2]] if finite is not None else clause.tokens[:4]
    return any(tokens[i].pos in ("PPER", "PIS") and tokens[i].text.lower() in pronouns for i in places)


def pronoun_referents(article: Article, sentence: Sentence, language: Language) -> list[Entity]:
    """'Peru kritisierte Chile scharf. Sie drohte mit Sanktionen.': a pronoun subject continues the
    named subject of the first main clause of the sentences just before (in its paragraph or the one
    before it)."""
    position = article.sentence_index(sentence.start)
    for previous in reversed(article.sentences[max(0, position - PRONOUN_REACH) : position]):
        if previous.block < sentence.block - 1:
            break
        main = next((c for c in sentence_clauses(article, previous) if c.kind == ClauseKind.MAIN), None)
        if main is None:
            continue
        roles = clause_roles(main, article)
        actors = [article.entities[roles.mentions[i].entity] for i in roles.subject]
        actors = [entity for entity in actors if entity.actor is not None]
        if actors:
            return actors
    return []


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
    for reporter in reporters:
        roles = clause_roles(clauses[reporter], article)
        return [article.entities[roles.mentions[i].entity] for i in roles.subject]
    return []


def sense_context(clauses: list[Clause], index: int, article: Article) -> list[str]:
    """Lemmas a trigger's sense may require: its clause and the infinitive it governs
    ("setzte ihnen eine Frist von zwei Tagen, um auszureisen")."""
    members = [clauses[index]] + [c for c in clauses if c.parent == index and c.kind == ClauseKind.INFINITIVE]
    return [article.tokens[i].lemma for clause in members for i in clause.tokens]


def attribute_back(
    previous: list[EventMention], clauses: list[Clause], article: Article, context: AttributionContext, cues: Cues
) -> None:
    """'Das teilte Gouverneur X mit.', 'Das kündigte X an.': the sentence before is X's account."""
    if not previous or not clauses:
        return
    clause = clauses[0]
    opener = article.tokens[clause.first]
    verb = article.tokens[clause.tokens[1]] if len(clause.tokens) > 1 else None
    if opener.text.lower() not in clause.grammar.demonstratives or verb is None or not is_finite(verb):
        return  # the pronoun alone before the verb: "Das teilte ... mit", not "Das Ministerium teilte ..."
    if not reports_or_announces(clause, article, cues):
        return  # "Das teilte X mit", "Das kündigte X an"
    speaker = speaker_of(clause, article, context, cues)
    for mention in previous:
        if speaker is not None and not mention.attribution:
            mention.attribution = [speaker]


def lead_lemmas(article: Article) -> list[str]:
    """Lemmas of the lead, the first sentence of the first paragraph: a headline's words are read with
    them ("feuert Rakete ab" is the test launch "in Richtung Japanisches Meer" the lead reports)."""
    for sentence in article.sentences:
        if article.blocks[sentence.block].kind == BlockKind.PARAGRAPH:
            return [token.lemma for token in article.sentence_tokens(sentence)]
    return []


def name_tokens(article: Article, sentence: Sentence) -> set[int]:
    """Nouns inside an actor's title after its head: 'Hilfe' in 'Kommissar für humanitäre Hilfe' is no aid."""
    blocked: set[int] = set()
    first = sentence.first_token
    starts = [token.start for token in article.tokens[first : sentence.last_token]]  # ascending: found by bisection
    for number in article.entities_within(sentence.start, sentence.end):
        entity = article.entities[number]
        if entity.actor is None:
            continue
        inside = range(first + bisect_left(starts, entity.start), first + bisect_left(starts, entity.end))
        nouns = [i for i in inside if article.tokens[i].pos == "NN"]
        blocked.update(nouns[1:])
    return blocked


SPEECH_ACTS_WITH_CONTENT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
ACCUSING_TYPES = {"ACCUSE", "REQUEST", "SANCTION"}
SAID_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN"}  # a verb of these needs no reading of its content
# A protest is by civilians; a government that protests does so with words (spec: PROTEST, ACCUSE)
STATE_PROTEST = {"type": "ACCUSE", "mode": "disapprove", "context": ("diplomatic",)}
CONFLICT_TYPES = ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN")


# What a verb of each type stops or withdraws: aid, trade and talks are cut (SANCTION), sanctions and
# repression eased (CONCEDE), attacks and deployments ended (RETREAT).
UNDOING = {
    "SANCTION": ("AID", "COOPERATE", "CONSULT"),
    "CONCEDE": ("SANCTION", "COERCE"),
    "RETREAT": ("ASSAULT", "MOBILIZE"),
}


def without_content(
    clause_hits: list[TriggerHit], verbs: set[str], tokens: list[Token], language: Language
) -> list[TriggerHit]:
    """What a threat threatens with ('drohte mit einem Militärschlag'), what a demand asks for
    ('forderte den Abzug der Soldaten'), what talks are about ('sprachen über die Zusammenarbeit') and
    what an act is for ('entsandte Soldaten zum Kampf gegen ...') are their content, no events of their own.
    `verbs`: the event types the clause's verbs carry."""
    if "REQUEST" in verbs:  # what is asked for stands as object or after "zu"/"um", not in "nach dem Einmarsch"
        return [
            hit
            for hit in clause_hits
            if hit.entry.pos != "N" or hit.entry.type == "REQUEST" or not asked_for(tokens, hit.token, language)
        ]
    if any(hit.entry.pos != "N" for hit in clause_hits):  # "entsandte Truppen zum Kampf gegen ...": a purpose
        clause_hits = [hit for hit in clause_hits if not purpose_of_act(hit, tokens, language)]
    undone = {kind for verb in verbs for kind in UNDOING.get(verb, ())}
    if undone:  # "setzte die Hilfe aus", "hob die Sanktionen auf": what is stopped is no event of its own
        clause_hits = [hit for hit in clause_hits if not (hit.entry.pos == "N" and hit.entry.type in undone)]
    content = {"THREATEN": "mit", "CONSULT": "über"}  # "drohte mit ...", "sprachen über ..."
    openers = {content[kind] for kind in verbs if kind in content}
    if not openers:
        return clause_hits
    return [
        hit
        for hit in clause_hits
        if not (hit.entry.pos == "N" and content_opener(tokens, hit.token, language) in openers)
    ]


def purpose_of_act(hit: TriggerHit, tokens: list[Token], language: Language) -> bool:
    """An event noun after "zum"/"zur" in a clause whose verb is an act: what the act is for."""
    return hit.entry.pos == "N" and content_opener(tokens, hit.token, language) in language.purpose_openers


def asked_for(tokens: list[Token], index: int, language: Language) -> bool:
    opener = opener_before(tokens, index, language)
    openers = language.request_openers  # "rief zu einer Waffenruhe auf", "bat um Hilfe"
    return opener is None or opener.pos not in ("APPR", "APPRART") or opener.text.lower() in openers


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
        if hit.entry.pos == "N"
        and hit.entry.type in verb_types
        and content_opener(tokens, hit.token, language) in language.manner_openers
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


def opener_before(tokens: list[Token], index: int, language: Language) -> Token | None:
    """The word before a noun's articles, adjectives and numbers."""
    cursor = index - 1
    gap = language.content_gap_tags
    while cursor >= 0 and tokens[cursor].pos in gap:
        cursor -= 1
    return tokens[cursor] if cursor >= 0 else None


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
        return any(not names_plan(clauses[parent], hit, tokens, plans) for hit in acts)
    demanded = clause.kind == ClauseKind.SUBORDINATE and clause.opener in clause.grammar.complement_subordinators
    return demanded and any(hit.entry.type == "REQUEST" and hit.entry.pos != "N" for hit in hits[parent])


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
    if hit.entry.type not in SPEECH_ACT_TYPES - {"REJECT"} or any(m.target is not None for m in found):
        return found  # a denial's complement is what is denied, not whom it answers
    complement = complement_clause(clauses, index)
    opens = hit.token == clauses[index].first  # "..., forderte X", not "..., werde man Beziehungen aufnehmen"
    if complement is None and opens and hit.entry.type != "THREATEN":  # who threatens is mostly its subject
        complement = postposed_content(clauses, index)
    if complement is None:
        return found
    roles = clause_roles(complement, article)
    if not roles.subject:
        return found
    target = actor_ref(article.entities[roles.mentions[roles.subject[0]].entity], article)
    return [replace(m, target=target) for m in found if not same_actor(m.source, target)]


def reciprocal(
    found: list[EventMention], hit: TriggerHit, clause: Clause, article: Article, sentence: Sentence, grammar: Language
) -> list[EventMention]:
    """'Beide Lager warfen einander Verstöße vor': each of the two last-named states acts on the other;
    'Beide Länder unterzeichneten ein Abkommen': a joint event of the two, when the clause names no actor."""
    words = {article.tokens[i].text.lower() for i in clause.tokens}
    each = "jede" in words and "seite" in words  # "jede Seite hatte 1.000 Gefangene freigelassen"
    if not found or not (words & grammar.both_words or each):
        return found
    symmetric = hit.entry.symmetric or hit.entry.type in SYMMETRIC_TYPES
    # "Beide Seiten werfen sich vor, ...": with a reflexive, a one-sided act goes both ways
    mutual = bool(words & grammar.reciprocal_words) or each or ("sich" in words and not symmetric)
    named_both = found[0].source is not None and names_both(found[0].source, clause, article, grammar)
    joint = symmetric and found[0].target is None and (found[0].source is None or named_both)
    parties = last_two_states(article, sentence) if mutual or joint else None
    if parties is None:
        return found
    first, second = parties
    if mutual:
        return [replace(found[0], source=first, target=second), replace(found[0], source=second, target=first)]
    return [replace(found[0], source=first, target=second)]


def names_both(source: ActorRef, clause: Clause, article: Article, language: Language) -> bool:
    """'Beide Seiten', 'Vertreter beider Seiten': the actor is the two parties together."""
    words = [article.tokens[i].text.lower() for i in clause.tokens]
    head = source.text.split()[-1].lower()
    both = language.both_words
    return any(word in both and head in words[position + 1 : position + 3] for position, word in enumerate(words))


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


def split_by_times(
    found: list[EventMention], clause: Clause, article: Article, language: Language
) -> list[EventMention]:
    """'Ende Mai und im August ... geschossen': two launches, one per coordinated time."""
    start, end = article.tokens[clause.first].start, article.tokens[clause.last].end
    times = [t for t in article.times if start <= t.start < end]
    if len(times) < 2 or not all(
        article.text[a.end : b.start].strip() in language.time_coordinators for a, b in pairwise(times)
    ):
        return found
    return [replace(mention, time=time) for mention in found for time in times]


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
    event, not an actor. Returns the types that event may have (empty: any act; a decision can be
    anything, a deed or an attack is hostile); None when the object names no event."""
    for index in clause.tokens:
        token = article.tokens[index]
        if index <= hit.token or token.pos != "NN":
            continue
        opener = opener_before(article.tokens, index, clause.grammar)
        governed = opener is not None and f"pp:{opener.text.lower()}" in hit.entry.target  # "reagierte auf"
        if opener is not None and opener.pos in ("APPR", "APPRART") and not governed:
            continue  # "beantragt, wenige Monate nach dem Einmarsch": a time, not what is asked for
        if token.lemma in cues.decision_nouns:
            return ()
        if token.lemma in cues.deed_nouns or any(e.type in CONFLICT_TYPES for e in lexicon.nouns(token.lemma)):
            return CONFLICT_TYPES
    return None


REJECTABLE_TYPES = ("ACCUSE", "REQUEST", "THREATEN")  # what one rejects: accusations, demands, threats


def rejected_acts(clause: Clause, hit: TriggerHit, article: Article, lexicon: TriggerLexicon) -> tuple[str, ...] | None:
    """'wies die kolumbianischen Vorwürfe zurück', 'lehnte die Forderung Chinas ab': the object is an
    act of someone else, who is then the one rejected. None when the clause names no such act."""
    for index in clause.tokens:
        token = article.tokens[index]
        if index != hit.token and token.pos == "NN":
            types = tuple(t for t in REJECTABLE_TYPES if any(e.type == t for e in lexicon.nouns(token.lemma)))
            if types:
                return types
    return None


@dataclass
class Occasion:
    """When and where an actor acted or spoke, in one block of the article."""

    block: int
    actor: ActorRef
    time: TimeExpression | None
    place: PlaceRef | None


def share_occasion(
    events: list[Event], statements: list[Occasion], article: Article, times: list[TimeExpression], language: Language
) -> list[Event]:
    """Statements of one actor in one paragraph share their occasion: 'verurteilte die Tat. ...,
    forderte Guterres am Dienstag in New York' dates and places both. A country acts through its
    government: 'Russland stoppt die Einfuhr ..., sagte Ministerpräsident Medwedew am Donnerstag'.
    A named speaker's only dated statement in the article dates its undated words elsewhere
    ('hatte am Freitag gesagt')."""
    occasions = statements + [
        Occasion(block_of(article, e.evidence[0].start), e.source, e.time, e.location) for e in events if e.source
    ]
    for event in events:
        if event.source is None or (event.time and event.location):
            continue
        blocks = {block_of(article, evidence.start) for evidence in event.evidence}
        mine = [o for o in occasions if speaks_for(o.actor, event.source) and (o.time or o.place)]
        nearby = [o for o in mine if o.block in blocks]
        named = [o for o in statements if event.source.actor.name and same_speaker(event.source, o.actor)]
        for occasion in nearby or (named if len(named) == 1 else []):
            event.time = event.time or (occasion.time if names_no_time(event, article, times, language) else None)
            event.location = event.location or occasion.place
    return events


def same_speaker(a, b) -> bool:
    if a.actor.name or b.actor.name:
        return a.actor.name == b.actor.name
    return a.text.lower() == b.text.lower()


def speaks_for(speaker: ActorRef, actor: ActorRef) -> bool:
    """The same speaker, or a government voice of a country named bare ('Russland', 'Peking')."""
    if same_speaker(speaker, actor):
        return True
    bare = actor.actor.name is None and actor.actor.sector in (None, "GOV")
    return bare and speaker.actor.sector == "GOV" and speaker.actor.country == actor.actor.country is not None


TARGETED_PLACE_TYPES = {"ASSAULT"}
WITHDRAWAL_TYPES = {"RETREAT"}
STATE_ACT_TYPES = {"COERCE"}  # arrests, bans, curfews: done by a state where they happen


def default_parties(
    hit: TriggerHit, sources: list, targets: list, location, clause: Clause, article: Article
) -> tuple[list, list]:
    """Who is implied when no one is named: protesters are civilians where they protest; an unnamed
    coercer is the state of the place where people are arrested or a rally is banned; an attack on a
    place ('traf ein Wohnhaus in Charkiw') hits the civilians of that place's country; troops withdraw
    from the country where the story is set."""
    country = location.place.country if location else article.main_country
    if hit.entry.type in CROWD_TYPES and not sources and country:
        head = article.tokens[hit.token]
        sources = [Entity(head.start, head.end, head.text, "NOM", actor=Actor(None, country, "CVL"))]
    own = {e.actor.country for e in sources if e.actor}
    placed = location is not None and location.place.country not in (None, *own)  # not at home: "die Taliban in Kabul"
    if hit.entry.type in TARGETED_PLACE_TYPES and not targets and placed:
        targets = [place_as_actor(location, article, "CVL")]
    if hit.entry.type in STATE_ACT_TYPES and not sources and targets and location and location.place.country:
        # "Der Oppositionelle wurde in Minsk festgenommen": the state of the place arrests, bans, disperses
        sources = [place_as_actor(location, article, "GOV")]
    if hit.entry.type in WITHDRAWAL_TYPES and sources and not targets and country and country not in own:
        # "500 weitere Soldaten sollen abgezogen werden": from the country the article is about
        head = article.tokens[hit.token]
        targets = [Entity(head.start, head.end, head.text, "NOM", actor=Actor(None, country, None))]
    return sources, targets


def place_as_actor(location: PlaceRef, article: Article, sector: str) -> Entity:
    """The place's name as an actor of its country: 'in Caracas festgenommen' by Caracas (GOV)."""
    place = next(e for e in article.entities if e.place is location.place)
    return Entity(place.start, place.end, place.text, "LOC", actor=Actor(None, location.place.country, sector))


def announced_by(clauses: list[Clause], index: int, article: Article) -> dict[str, Claimant]:
    """'die Ankündigung von Deutschland und den USA, Panzer zu senden': each announcer claims its own act."""
    clause = clauses[index]
    if clause.kind != ClauseKind.INFINITIVE or clause.parent is None:
        return {}
    parent = clauses[clause.parent]
    announcers = closing_von_group(clause_roles(parent, article), parent, article)
    claimants = (actor_ref(entity, article) for entity in announcers)
    return {ref.text: Claimant(ref.text, ref.actor.country) for ref in claimants}


def sentence_clauses(article: Article, sentence: Sentence) -> list[Clause]:
    """Clauses of a sentence, as the clause stage cut them (lagebild.clauses; without the dateline)."""
    return article.clauses_of(sentence).clauses


def evidence_span(article: Article, sentence: Sentence) -> tuple[int, int]:
    start = sentence.start
    if article.dateline is not None and sentence.start <= article.dateline.end <= sentence.end:
        start = article.dateline.end
    return start, sentence.end


def pairs(event_type: str, sources: list[Entity], targets: list[Entity], article: Article, symmetric: bool):
    """(source, target) ActorRefs: one event per source; coordinated parties of a symmetric event pair up."""
    refs_source = [actor_ref(e, article) for e in sources]
    refs_target = [actor_ref(e, article) for e in targets if e not in sources]
    if (symmetric or event_type in SYMMETRIC_TYPES) and len(refs_source) >= 2 and not refs_target:
        return list(combinations(refs_source, 2))  # "A, B und C hielten ein Manöver ab": each pair takes part
    if not refs_source and not refs_target:
        return [(None, None)]
    if event_type in SINGLE_TARGET_TYPES:
        refs_target = refs_target[:1]  # "töteten zwölf Soldaten und einen Polizisten": one attack, its victims evidence
    return [
        (None if one_side(event_type, s, t) else s, t)
        for s in (refs_source or [None])
        for t in (refs_target or [None])
        if not same_actor(s, t)
    ]


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
MOVING_TYPES = {"CONSULT", "MOBILIZE", "ASSAULT", "RETREAT", "AID", "COERCE", "SANCTION"}  # may happen where they go


def without_self(chain: list[Claimant], source, hit: TriggerHit) -> list[Claimant]:
    """A speech act is the claim itself: 'X verurteilte ...' is not attributed to X."""
    if hit.entry.type not in SPEECH_ACT_TYPES or source is None:
        return chain
    return [c for c in chain if c.text != source.text and not (source.actor.name and source.actor.name in c.text)]


def remember_claimants(clauses: list[Clause], article: Article, context: AttributionContext, cues: Cues) -> None:
    """Carry named sources forward: for 'in dem Bericht' later, and for reported speech continued."""
    reported = None
    for clause in clauses:
        for claimant in marker_claimants(clause, article, context, cues):
            context.last_claimant = claimant
        if is_reporting_clause(clause, article.tokens, cues):
            speaker = speaker_of(clause, article, context, cues)
            if speaker is not None:
                reported = speaker
                if speaker.country or speaker is not context.last_claimant:
                    context.last_claimant = speaker
    context.reported_claimant = reported


def borrow_time_and_place(
    events: list[Event], article: Article, times: list[TimeExpression], cues: Cues, language: Language
) -> list[Event]:
    """An undated asserted event takes the last time named before it in its paragraph, an unplaced one
    the last place named there after a locative preposition: a report's sentences go on about the day
    and place its first sentence names (learning part of corpus/train: time_exact of matched events
    0.52 -> 0.56). With no time before it, an event told in the present tense happens on the day of
    the report, any other on the day of the news (`news_day`: 0.75 -> 0.82). A time ahead of the report
    or a deadline dates no event that happened (`is_ahead`). Planned and possible events borrow nothing, nor
    does an act told as earlier than what was just named ('Die Miliz hatte zuvor Raketen abgefeuert')."""
    for event in events:
        if event.modality != "asserted":
            continue
        start = event.evidence[0].start
        block = article.blocks[block_of(article, start)]
        if (
            event.time is None
            and names_no_time(event, article, times, language)
            and not told_as_earlier(event, article, cues)
        ):
            earlier = [t for t in times if block.start <= t.start < start and not is_ahead(t, article, cues)]
            event.time = (
                earlier[-1]
                if earlier
                else present_report(event, article, language) or news_day(article, times, EVENT_BLOCKS, language)
            )
        if event.location is None:
            event.location = last_place_before(article, block.start, start, language)
    return events


def last_place_before(article: Article, start: int, end: int, language: Language) -> PlaceRef | None:
    places = [
        article.entities[i]
        for i in article.entities_within(start, end)
        if article.entities[i].place is not None
        and is_located(article, article.entities[i].start, language)
        and not is_destination(article, article.entities[i], language)  # where something went, not where it was
    ]
    if not places:
        return None
    last = places[-1]
    return PlaceRef(text=article.text[last.start : last.end], place=last.place)
