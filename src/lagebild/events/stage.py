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
from dataclasses import replace

from lagebild.clauses import conjunct_bounds, is_finite, is_preposition
from lagebild.document import (
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
)
from lagebild.events.actors import ActorReader, Site, has_verb_among
from lagebild.events.attribution import (
    AttributionContext,
    attribution_chain,
    clause_markers,
    is_reporting_clause,
    is_subjunctive_one,
    marker_claimants,
    marker_report_nouns,
    reports_or_announces,
    speaker_of,
)
from lagebild.events.content import (
    BAN_MODE,
    UNDOING,
    UNDOING_NOUNS,
    complete_speech_act,
    content_opener,
    fold_manner_nouns,
    is_banned,
    is_content_of_speech_act,
    is_patient_of_deed,
    plan_nouns,
    referenced_acts,
    rejected_acts,
    tells_absent_act,
    without_content,
)
from lagebild.events.counterparts import (
    APPROVING_TYPES,
    answer_earlier_demands,
    complete_counterparts,
    complete_recipients,
    complete_sanctioned,
    country_of,
    pair_refusals,
    resolve_event_objects,
)
from lagebild.events.lexicon import SPEAKER, Cues, TriggerEntry, TriggerLexicon, load_cues, load_triggers
from lagebild.events.mentions import (
    EVENT_BLOCKS,
    SPEECH_ACT_TYPES,
    ClauseRoles,
    EventMention,
    PlaceReading,
    actor_ref,
    attribute_place,
    border_side,
    clause_roles,
    closing_von_group,
    day_of,
    opener_before,
    opener_index,
    place_in,
    same_country,
    sentence_clauses,
    time_in,
)
from lagebild.events.merge import CROWD_TYPES, merge_mentions
from lagebild.events.modality import modality_of, opens_condition, tells_nothing, verb_lemmas
from lagebild.events.occasions import (
    Occasion,
    borrow_time_and_place,
    reached_places,
    share_occasion,
    split_by_times,
)
from lagebild.events.parties import (
    bare_forces,
    civilians,
    default_parties,
    is_joint_exercise,
    is_joint_operation,
    is_mutual_release,
    names_a_state,
    pairs,
    protest_crowd,
    reciprocal,
    serve_acting_state,
    settled_fighting,
    struck_victims,
    without_home_venue,
)
from lagebild.events.speech import (
    CIVILIANS,
    SAID_MODES,
    WARNING_MODES,
    SaidAct,
    demanded_clauses,
    said_acts,
    warns_of_nothing,
    warns_of_retaliation,
)
from lagebild.events.timing import (
    event_times,
    own_time,
    since_acts,
    time_of_mention,
)
from lagebild.events.triggers import TriggerHit, antecedent_indices, find_triggers
from lagebild.lang import DEFAULT_LANGUAGE, load_language


class EventStage:
    name = "events"
    requires = ("sentences", "clauses", "entities", "times", "main_country")
    assigns = ("events",)

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = load_language(language)
        self.lexicon: TriggerLexicon = load_triggers(language)
        self.cues: Cues = load_cues(language)
        self.plans = plan_nouns(self.cues, self.lexicon)
        self.actors = ActorReader(self.language, self.lexicon, self.cues)

    def __call__(self, article: Article) -> Article:
        mentions: list[EventMention] = []
        statements: list[Occasion] = []
        context = AttributionContext()
        times = event_times(
            article, self.cues, self.lexicon, self.language
        )  # once per article: the times that can date an event
        lead = lead_lemmas(article)
        previous: list[EventMention] = []  # the mentions of the sentence before
        spoke: Claimant | None = None  # who spoke with a verb of speech in the sentence before
        forces = bare_forces(article, self.language)
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
            speaker = context.reported_claimant or spoke
            said = said_acts(clauses, article, self.cues, speaking, speaker, self.language, ordered)
            demanded = demanded_clauses(said)
            mentions.extend(self.said_mention(act, clauses, article, sentence, context, times) for act in said)
            by_clause: dict[int, list[EventMention]] = {}
            for index in range(len(clauses)):
                if index in demanded or is_content_of_speech_act(clauses, hits, index, article.tokens, self.plans):
                    continue  # "forderten, die Kämpfe zu beenden": the ending is what is demanded
                if tells_absent_act(clauses[index]):
                    continue  # "statt zu verhandeln": no act took place
                if tells_nothing(clauses, index, article.tokens, self.cues):
                    continue  # "Hat China Waffen geliefert?", "falls X angreifen würde": asked or imagined
                told: list[EventMention] = []
                if forces:
                    serve_acting_state(forces, clauses[index], previous + mentions[first_new:], article)
                for hit in hits[index]:
                    site = Site(article, sentence, clauses, index)
                    found = self.mentions_of(hit, hits[index], site, context, times)
                    found = complete_speech_act(found, hit, clauses, index, article)
                    found = reciprocal(found, hit, clauses[index], article, sentence, self.language, self.cues)
                    told.extend(split_by_times(found, clauses[index], article, self.language))
                told = settled_fighting(told)
                told = struck_victims(told, previous + mentions[first_new:], article, sentence, self.language)
                by_clause[index] = fold_manner_nouns(told, hits[index], article.tokens, self.language)
                mentions.extend(by_clause[index])
            lifted_in_relative(by_clause, clauses)
            previous = mentions[first_new:]
            remember_claimants(clauses, article, context, self.cues)
            spoke = speaking_on(previous)
            statements.extend(self.dated_statements(clauses, sentence, article, times))
        resolve_event_objects(mentions, article, self.language)
        pair_refusals(mentions)
        complete_counterparts(mentions, article, self.language)
        answer_earlier_demands(mentions)
        complete_recipients(mentions, article)
        complete_sanctioned(mentions, article)
        events = reached_places(merge_mentions(mentions, article, self.language), article, self.language)
        events = share_occasion(events, statements, article, times, self.language)
        since = since_acts(events, article, self.lexicon, self.language)
        article.events = borrow_time_and_place(events, article, times, self.cues, self.language, since)
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
            place = place_in(clause.tokens, article, self.language, STATEMENT_READING)
            if roles.subject and (time or place):
                speaker = actor_ref(article.entities[roles.mentions[roles.subject[0]].entity], article)
                found.append(Occasion(sentence.block, speaker, time, place))
        return found

    def protesters(self, entity: Entity, article: Article) -> bool:
        """'Tausende Demonstranten', 'die Demonstrierenden': a crowd of protesters; also a crowd counted in
        thousands with no public role ('Tausende', 'Zehntausende Menschen'; not 'Tausende Soldaten')."""
        words = article.tokens_before(entity.end, len(entity.text.split()) + 1)
        words = [t for t in words if t.start >= entity.start]
        if any(t.lemma in self.cues.protester_nouns for t in words):
            return True
        civilian = entity.actor is None or entity.actor.sector in (None, CIVILIANS)
        return civilian and any(t.text.lower() in self.cues.crowd_counts for t in words)

    def protesters_described(self, site: Site) -> bool:
        """'Tausende Demonstranten, die den Rücktritt forderten': a relative clause on a crowd of protesters."""
        tokens = site.article.tokens
        return any(tokens[i].lemma in self.cues.protester_nouns for i in antecedent_indices(site.clause, tokens))

    def triggers_of(
        self, clauses: list[Clause], index: int, article: Article, summarised: list[str], blocked: set[int]
    ) -> list[TriggerHit]:
        """The clause's triggers, senses chosen with its context (and, for a headline, the lead's words)."""
        context = sense_context(clauses, index, article, self.cues) + summarised
        hits = find_triggers(clauses[index], article.tokens, self.lexicon, context, blocked)
        verbs = {kind for hit in hits if hit.entry.pos != "N" for kind in (hit.entry.type, hit.entry.mode) if kind}
        verbs |= {hit.entry.mode for hit in hits if (hit.entry.type, hit.entry.mode) in UNDOING_NOUNS}
        verbs |= self.talk(clauses[index], article)
        return without_content(hits, verbs, article.tokens, self.language)

    def promises(self, hit: TriggerHit, site: Site) -> bool:
        """A verb of promise or call that is itself the trigger of another act ('zusagen' = AID pledged,
        'rief zu einem Generalstreik auf' = PROTEST called for), the
        support verb of one ('versprach eine Waffenruhe'), the verb whose object the event noun is
        ('sagte der Ukraine Militärhilfe zu') or that governs its infinitive ('kündigte an, Panzer zu
        liefern'); an agreement offered ('bot eine Waffenruhe an') is promised, not reached. The promise
        of any other speech act (support, a threat: 'sicherte Moldau Unterstützung zu') is the event itself."""
        clause, article = site.clause, site.article
        if clause.kind == ClauseKind.INFINITIVE and clause.parent is not None:
            return has_verb_among(site.clauses[clause.parent], article, self.cues.promise_verbs)
        if hit.entry.type == "AGREE":
            return has_verb_among(clause, article, self.cues.offer_verbs)  # "bot eine Waffenruhe an": not agreed yet
        if hit.entry.type in SPEECH_ACT_TYPES:
            return False
        if hit.entry.pos == "V":
            return hit.entry.lemma in self.cues.promise_verbs | self.cues.call_verbs
        opener = opener_before(article.tokens, hit.token, self.language)  # "versprach bei dem Treffen ..."
        if opener is not None and opener.text.lower() in self.cues.intention_links:  # "rief zu Protesten auf"
            return has_verb_among(clause, article, self.cues.call_verbs)
        governed = hit.entry.pos == "LVC" or opener is None or not is_preposition(opener)
        # "hat Sanktionen verhängt und Waffen zugesagt": only a promise in the trigger's own conjunct
        bounds = conjunct_bounds(hit.token, clause, article.tokens)
        if bounds is not None:
            words = [article.tokens[i] for i in clause.tokens if bounds[0] <= i <= bounds[1]]
            return governed and bool(verb_lemmas(words) & self.cues.promise_verbs)
        return governed and has_verb_among(clause, article, self.cues.promise_verbs)

    def talk(self, clause: Clause, article: Article) -> set[str]:
        """{'CONSULT'} when a verb of the clause can mean talks ('sprachen über ...' without 'mit')."""
        verbs = (article.tokens[i] for i in clause.tokens if article.tokens[i].pos.startswith("VV"))
        consulting = any(entry.type == "CONSULT" for verb in verbs for entry in self.lexicon.verbs(verb.lemma))
        return {"CONSULT"} if consulting else set()

    def is_occasion(self, hit: TriggerHit, clause: Clause, article: Article) -> bool:
        """A noun after a preposition of occasion ("bei einem Besuch", "während der Gespräche") in a clause
        whose full verb is finite, neither a modal nor a future: the occasion is under way as it is told."""
        tokens = article.tokens
        if (
            hit.entry.pos != "N"
            or content_opener(tokens, hit.token, self.language) not in self.language.occasion_openers
        ):
            return False
        return any(tokens[i].pos == "VVFIN" for i in clause.tokens)

    def presupposed(self, hit: TriggerHit, article: Article) -> bool:
        """An event noun after a preposition of cause, concession or time after ("Wegen der Proteste sagte sie
        ihre Reise ab", "Trotz der Angriffe gibt Kiew nicht auf"), not named planned or possible ("nach dem
        geplanten Gipfel"): it has happened, whatever the clause says of its own act."""
        tokens = article.tokens
        if (
            hit.entry.pos != "N"
            or content_opener(tokens, hit.token, self.language) not in self.language.presupposing_openers
        ):
            return False
        opener = opener_index(tokens, hit.token, self.language)
        qualifiers = self.cues.planned_adjectives | self.cues.possible_adjectives
        return not any(t.lemma.lower() in qualifiers for t in tokens[opener + 1 : hit.token])

    def mentions_of(
        self,
        hit: TriggerHit,
        clause_hits: list[TriggerHit],
        site: Site,
        context: AttributionContext,
        times: list[TimeExpression],
    ) -> list[EventMention]:
        """The mentions one trigger tells: one per pair of parties, each with its place, time, modality,
        attribution and, for a condemnation or denial without a named target, the kind of act it is about."""
        clauses, index, article, sentence, clause = site.clauses, site.index, site.article, site.sentence, site.clause
        if is_banned(hit, clause_hits, article.tokens, self.language):
            return []
        roles = clause_roles(clause, article)
        actors = self.actors.actors_of(hit, clause_hits, site, roles)
        if actors is None:
            return []
        sources, targets, reporter = actors
        if hit.entry.type in CROWD_TYPES and hit.entry.pos == "V" and self.are_states(sources, article):
            hit = replace(hit, entry=replace(hit.entry, **STATE_PROTEST))  # "Die Türkei protestierte": diplomacy
        span = evidence_span(article, sentence)
        location, spoken_of = self.place_of(hit, clause_hits, clause, article)
        targets = without_home_venue(hit, sources, targets, location, roles, article)
        targets = targets or protest_crowd(
            hit, clause_hits, sources, location, article, sentence, self.cues.protester_nouns
        )
        if hit.entry.type == "CONCEDE" and not targets:
            targets = self.actors.pressing(roles, sources, article)  # "trat unter dem Druck der Militärs zurück"
        sources, targets = default_parties(hit, sources, targets, location, clause, roles, article)
        if location is None and hit.entry.type in BORDER_TYPES:
            location = border_side(clause.tokens, article, self.language, sources)
        if hit.entry.type == "COERCE" and hit.entry.mode == BAN_MODE and self.foreign_states(sources, targets, article):
            hit = replace(hit, entry=replace(hit.entry, **EMBARGO))  # "verhängte Verbote gegen die USA"
        joint = is_joint_exercise(hit, sources) or is_joint_operation(hit, sources, clause, article, self.language)
        mutual = is_mutual_release(hit, sources, clause, article, self.cues.exchange_words)
        if joint or mutual:  # "Soldaten Indiens und Frankreichs üben gemeinsam", "ließen je zwei Häftlinge frei":
            # the sides are the parties (each once: "Russland je zwei" also reads as a gapped subject)
            sources, targets = [e for i, e in enumerate(sources) if all(e.start != o.start for o in sources[:i])], []
        time = time_of_mention(
            hit, clause_hits, clauses, index, article, times, span, self.language, self.cues.protester_nouns
        )
        chain = self.chain_of(hit, reporter, targets, site, context)
        # "dürfe nicht mehr eingeführt werden, sagte X": the speaker who holds a stance acts, passive or not; so does
        # the author of the statement that makes a judgement or demand ("In einer Erklärung von X wurde Y kritisiert")
        spoken = hit.entry.source == (SPEAKER,) or hit.entry.type in SPOKEN_TYPES
        sources, targets = without_claimants(chain, sources, targets, roles.passive and not spoken)
        if spoken and roles.passive and not sources:
            sources = self.actors.statement_authors(roles, article)
        kind, modality = self.kind_and_modality(hit, joint, sources, site, time)
        threatened = kind == "THREATEN" != hit.entry.type  # "kündigte an, hart durchzugreifen": the threat is made
        if threatened and hit.entry.type == "COERCE" and not targets:
            targets = civilians(hit.token, sources, location, article)  # a crackdown threatened at home
        warning = kind == "ACCUSE" and hit.entry.mode in WARNING_MODES and not targets
        if warning and warns_of_nothing(clauses, index, article, self.cues):
            return []  # "Die Inflation gefährde den Aufschwung, warnte die Zentralbank"
        if modality == "negated" and judged(hit, clause_hits):
            modality = "asserted"  # "hat die Festnahme nicht verurteilt": the arrest happened all the same
        if hit.entry.type == "CONSULT" and any(e.actor and e.actor.sector == "MED" for e in targets):
            return []  # "sagte im Gespräch mit einer Zeitung": an interview, no diplomacy
        targets, object_event = self.object_of(hit, targets, clause, roles, article)
        promised = not threatened and modality in ("asserted", "planned") and self.promises(hit, site)
        if promised:
            modality = "planned"  # "sagte Haiti 50 Millionen Euro zu": pledged, not yet given
        base = {
            "type": kind,
            "mode": hit.entry.mode if kind == hit.entry.type or joint else None,
            "context": list(hit.entry.context),
            "modality": modality,
            "evidence": Evidence(*span),
            "location": location,
            "spoken_of": spoken_of,
            "time": own_time(time, modality, article, self.cues, [t for t in times if span[0] <= t.start < span[1]]),
            "order": article.tokens[hit.token].start,
            "block": sentence.block,
            "object_event": object_event,
            "verbal": hit.entry.pos != "N" and not hit.attributive,
            "agentless": roles.passive and hit.entry.pos == "V" and not hit.attributive and not sources,
        }
        announced = announced_by(clauses, index, article)
        return [
            EventMention(
                source=source,
                target=target,
                attribution=[announced[source.text]]
                if source and source.text in announced
                else [*without_self(chain, source, hit), *promiser(source, promised)],
                **base,
            )
            for source, target in pairs(kind, sources, targets, article, hit.entry.symmetric or joint or mutual)
        ]

    def are_states(self, sources: list[Entity], article: Article) -> bool:
        """States or international bodies ("Die Türkei", "die Arabische Liga"): they protest with words, not in the
        street."""
        return bool(sources) and all(
            (e.actor is not None and e.actor.sector == "IGO") or names_a_state(e, article, self.language)
            for e in sources
        )

    def foreign_states(self, sources: list[Entity], targets: list[Entity], article: Article) -> bool:
        """Targets that are all states or international bodies other than the acting side ("gegen die USA und
        die EU"): a measure aimed at them is diplomacy, not what a state does to people or groups."""
        own = {e.actor.country for e in sources if e.actor and e.actor.country}
        return bool(targets) and all(
            t.actor is not None
            and (t.actor.sector == "IGO" or names_a_state(t, article, self.language))
            and t.actor.country not in own
            for t in targets
        )

    def place_of(
        self, hit: TriggerHit, clause_hits: list[TriggerHit], clause: Clause, article: Article
    ) -> tuple[PlaceRef | None, PlaceRef | None]:
        """The place in the trigger's clause, none for an act a speech act refers to ("Das
        Außenministerium in Wien verurteilte die Anschläge": the condemned act did not happen in Wien); and,
        for a speech act, the place of what it speaks of ("verurteilte die Hinrichtungen im Iran")."""
        referenced = hit.entry.pos == "N" and any(
            h.entry.pos != "N" and h.entry.type in SPEECH_ACT_TYPES for h in clause_hits
        )
        if referenced:
            return None, None
        if hit.attributive:
            own = attribute_place(hit.token, clause.tokens, article, self.language)
            if own is not None:
                return own, None
        sources = frozenset(clause_markers(clause, article, self.cues)[0])
        kind = hit.entry.type
        leaving = kind in LEAVING_TYPES or hit.entry.mode in LEAVING_MODES
        reading = PlaceReading(kind in MOVING_TYPES, leaving, kind in SPOKEN_TYPES)
        location = place_in(clause.tokens, article, self.language, reading, sources)
        if not reading.spoken:
            return location, None
        # what is spoken of may be where someone was sent from ("die Ausweisung seiner Bürger aus den USA")
        spoken_of = place_in(
            clause.tokens, article, self.language, replace(reading, leaving=True, spoken=False), sources
        )
        return location, spoken_of

    def chain_of(
        self, hit: TriggerHit, reporter: list[Claimant], targets: list[Entity], site: Site, context: AttributionContext
    ) -> list[Claimant]:
        """Who the mention is attributed to: the clause's reporter and attribution markers; in
        Konjunktiv I without a marker, who was reported speaking last."""
        chain = reporter + attribution_chain(site.clauses, site.index, site.article, context, self.cues)
        if not chain and context.reported_claimant:
            own_words = [site.article.tokens[i] for i in site.clause.tokens]
            if is_subjunctive_one(own_words, self.language):
                chain = [context.reported_claimant]
        if hit.entry.type == "REJECT":  # "wies Berichte der Ukraine zurück": the denied report's author is the target
            chain = [claimant for claimant in chain if all(claimant.text != e.text for e in targets)]
        return chain

    def kind_and_modality(
        self, hit: TriggerHit, joint: bool, sources: list[Entity], site: Site, time: TimeExpression | None
    ) -> tuple[str, str]:
        """The mention's type and modality: the trigger's type unless the parties or a condition
        say otherwise."""
        clauses, index, article = site.clauses, site.index, site.article
        trigger_tokens, reference_date = (hit.token, *hit.tokens), article.reference_date
        modality = modality_of(
            trigger_tokens, clauses, index, article.tokens, self.cues, self.language, day_of(time), reference_date
        )
        if hit.attributive or self.presupposed(hit, article):
            modality = "asserted"  # "der festgenommene Journalist soll freikommen": the arrest has happened
        elif modality in ("planned", "possible") and self.is_occasion(hit, clauses[index], article):
            modality = "asserted"  # "kündigte bei einem Besuch in Kiew Hilfen an": the visit takes place
        kind = "COOPERATE" if joint else hit.entry.type
        if (
            kind == "ACCUSE"
            and hit.entry.mode in WARNING_MODES
            and warns_of_retaliation(clauses, index, article, self.cues)
        ):
            kind = "THREATEN"  # "warnte Nordkorea, man werde jeden Angriff vergelten"
        if kind == "REQUEST" and (
            all(self.protesters(e, article) for e in sources) if sources else self.protesters_described(site)
        ):
            kind = "PROTEST"  # "Tausende Demonstranten forderten den Rücktritt": what a protest demands
        if kind in THREATENING_ACTS and modality != "asserted" and on_condition(clauses, index, article, self.cues):
            kind, modality = "THREATEN", "asserted"  # "Notfalls werde man eingreifen": the announcement threatens
        if kind == "COERCE" and modality == "planned" and hit.entry.lemma in self.cues.crackdown_verbs:
            kind, modality = "THREATEN", "asserted"  # "kündigte an, hart durchzugreifen": a crackdown announced
        if kind == "SUPPORT" and hit.entry.mode == RECOGNITION and modality == "negated" and self.says_not(site):
            kind, modality = "REJECT", "asserted"  # "erkennt das Urteil nicht an": a refused recognition rejects
        return kind, modality

    def says_not(self, site: Site) -> bool:
        """The clause itself negates ('nicht', 'niemals', 'kein'), rather than a denial around it."""
        return any(site.article.tokens[i].text.lower() in self.cues.negation_words for i in site.clause.tokens)

    def object_of(
        self, hit: TriggerHit, targets: list[Entity], clause: Clause, roles: ClauseRoles, article: Article
    ) -> tuple[list[Entity], tuple[str, ...] | None]:
        """(targets, object_event): a condemnation, demand or praise does not target the victim of the deed
        it names; without a target, the act it is about (whose doer the article may name) or, for a
        denial, the accusation or demand it rejects."""
        if hit.entry.type in ACCUSING_TYPES | APPROVING_TYPES:
            targets = [e for e in targets if not is_patient_of_deed(e, roles, article, self.lexicon, self.cues)]
            if not targets:
                return targets, referenced_acts(clause, hit, article, self.lexicon, self.cues)
        elif hit.entry.type == "REJECT" and not targets:
            return targets, rejected_acts(clause, hit, article, self.lexicon)
        return targets, None


def lifted_in_relative(by_clause: dict[int, list[EventMention]], clauses: list[Clause]) -> None:
    """'Die USA lockerten die Sanktionen, die sie 2019 gegen Venezuela verhängt hatten': a measure lifted without a
    named target is lifted from whom the relative clause on it says it was imposed on, by the same side; imposed
    without a named side ("bereit, die Sanktionen, die am Montag verhängt wurden, aufzuheben"), by who lifts it.
    The lift may stand in the clause the relative one hangs on or in the infinitive it interrupts."""
    for index, clause in enumerate(clauses):
        if clause.kind != ClauseKind.RELATIVE or clause.parent is None:
            continue
        lifts = [m for n, found in by_clause.items() if n != index and n >= clause.parent for m in found]
        for lifted in (m for m in lifts if m.type in UNDOING):
            for imposed in by_clause.get(index, []):
                if imposed.type not in UNDOING[lifted.type]:
                    continue
                if imposed.source is None and imposed.target is not None:
                    imposed.source = lifted.source
                if lifted.target is None and same_country(imposed.source, lifted.source):
                    lifted.target = imposed.target


JUDGING_TYPES = ("ACCUSE", "SUPPORT")  # verbs that judge an act without undoing or refusing it


def judged(hit: TriggerHit, clause_hits: list[TriggerHit]) -> bool:
    """An event noun that a verb of its clause judges ("kritisierte den Angriff nicht", "vermied es, den
    Einmarsch eine Invasion zu nennen"): a negation of the judgement does not deny the act."""
    return hit.entry.pos == "N" and any(h.entry.pos != "N" and h.entry.type in JUDGING_TYPES for h in clause_hits)


RECOGNITION = "recognize"  # the SUPPORT mode of recognising a state, a government, a result or a ruling

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


def promiser(source: ActorRef | None, promised: bool) -> list[Claimant]:
    """Who pledges its own act stands in its attribution: the event is only its word so far."""
    return [Claimant(source.text, source.actor.country)] if promised and source is not None else []


def sense_context(clauses: list[Clause], index: int, article: Article, cues: Cues) -> list[str]:
    """Lemmas a trigger's sense may require: its clause, the infinitive it governs ("setzte ihnen eine
    Frist von zwei Tagen, um auszureisen"), for a relative clause the clause its noun stands in, and the
    subordinator of a clause it governs ("Wir erwarten, dass Russland abzieht": 'erwarten' + 'dass' is a demand).
    The report noun of a source marker is no such word: "nach Informationen der Zeitung" says who tells it,
    not what is delivered."""
    members = [clauses[index]] + [c for c in clauses if c.parent == index and c.kind == ClauseKind.INFINITIVE]
    clause = clauses[index]
    if clause.kind == ClauseKind.RELATIVE and clause.parent is not None:
        members.append(clauses[clause.parent])  # "Die Raketen, die Nordkorea abfeuerte, fielen ins Meer"
    openers = [c.opener for c in clauses if c.parent == index and c.kind == ClauseKind.SUBORDINATE and c.opener]
    lemmas = []
    for member in members:
        markers = set(marker_report_nouns(member, article, cues))
        lemmas.extend(article.tokens[i].lemma for position, i in enumerate(member.tokens) if position not in markers)
    return lemmas + openers


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
    lead = article.lead_block()
    sentence = next((s for s in article.sentences if s.block == lead), None)
    return [] if sentence is None else [token.lemma for token in article.sentence_tokens(sentence)]


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


ACCUSING_TYPES = {"ACCUSE", "REQUEST", "SANCTION"}
SAID_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN"}  # a verb of these needs no reading of its content
# Who speaks with a verb of these speaks on in the Konjunktiv I after it ("Ecuador wies die Vorwürfe zurück. Damit wolle
# Kolumbien nur ablenken."). Not after an accusation: the sentence after it mostly retells the accusation's content,
# the same act once more (with ACCUSE, own-blind 0.595 -> 0.593; session 17).
SPEAKING_ON_TYPES = {"REQUEST", "SUPPORT", "REJECT", "THREATEN"}
# A protest is by civilians; a government that protests does so with words (spec: PROTEST, ACCUSE)
STATE_PROTEST = {"type": "ACCUSE", "mode": "disapprove", "context": ("diplomatic",)}
EMBARGO = {"type": "SANCTION", "mode": "embargo", "context": ("economic",)}  # a ban aimed at another state


def announced_by(clauses: list[Clause], index: int, article: Article) -> dict[str, Claimant]:
    """'die Ankündigung von Deutschland und den USA, Panzer zu senden': each announcer claims its own act."""
    clause = clauses[index]
    if clause.kind != ClauseKind.INFINITIVE or clause.parent is None:
        return {}
    parent = clauses[clause.parent]
    announcers = closing_von_group(clause_roles(parent, article), parent, article)
    claimants = (actor_ref(entity, article) for entity in announcers)
    return {ref.text: Claimant(ref.text, ref.actor.country) for ref in claimants}


def evidence_span(article: Article, sentence: Sentence) -> tuple[int, int]:
    start = sentence.start
    if article.dateline is not None and sentence.start <= article.dateline.end <= sentence.end:
        start = article.dateline.end
    return start, sentence.end


MOVING_TYPES = {"CONSULT", "MOBILIZE", "ASSAULT", "RETREAT", "AID", "COERCE", "SANCTION"}  # may happen where they go
BORDER_TYPES = {"MOBILIZE", "COOPERATE"}  # deployments and exercises at a border: on the holder's side
STATEMENT_READING = PlaceReading(spoken=True)  # a report's place is not where what it reports happened
LEAVING_TYPES = {"RETREAT"}  # happen where they come from: "zogen sich aus Cherson zurück"
LEAVING_MODES = {"deport"}  # "wurden aus Venezuela deportiert": by Venezuela, in Venezuela
SPOKEN_TYPES = SPEECH_ACT_TYPES - {"AGREE"}  # not where what they speak of happened; an agreement is signed


def without_claimants(
    chain: list[Claimant], sources: list[Entity], targets: list[Entity], passive: bool
) -> tuple[list[Entity], list[Entity]]:
    """Who a mention is attributed to is no party: "Nach Informationen des Spiegel" names a source, and
    "Nach Angaben von Menschenrechtlern wurden ... getötet" not who killed."""
    claimed_by = {claimant.text for claimant in chain}
    targets = [e for e in targets if e.text not in claimed_by]
    if passive:
        sources = [e for e in sources if e.text not in claimed_by]
    return sources, targets


def without_self(chain: list[Claimant], source, hit: TriggerHit) -> list[Claimant]:
    """A speech act is the claim itself: 'X verurteilte ...' is not attributed to X."""
    if hit.entry.type not in SPEECH_ACT_TYPES or source is None:
        return chain
    return [c for c in chain if c.text != source.text and not (source.actor.name and source.actor.name in c.text)]


def speaking_on(told: list[EventMention]) -> Claimant | None:
    """'Ecuador wies die Vorwürfe zurück. Damit wolle Kolumbien nur ablenken.': an actor of known country that
    rejects, demands, threatens or praises with a verb of speech speaks on in the Konjunktiv I of the next sentence."""
    for mention in told:
        if mention.verbal and mention.type in SPEAKING_ON_TYPES and country_of(mention.source) is not None:
            return Claimant(text=mention.source.text, country=country_of(mention.source))
    return None


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
