"""Who does a trigger's act and to whom, as its clause tells it: the phrases of an event noun, the subject and
objects of a verb, and who else the clause makes the doer (who announces, claims, weighs or intends the act, the
speaker of a pronoun subject, a relative clause's antecedent). Parties the clause leaves unsaid are in parties.py."""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.clauses import is_preposition, separable_verbs
from lagebild.document import Article, Claimant, Clause, ClauseKind, Entity, Sentence
from lagebild.events.arguments import before_finite_verb
from lagebild.events.attribution import is_reporting_clause
from lagebild.events.content import UNDOING, takes_part
from lagebild.events.lexicon import SPEAKER, Cues, TriggerLexicon
from lagebild.events.mentions import (
    SPEECH_ACT_TYPES,
    ClauseRoles,
    actor_ref,
    between_pair,
    continued_targets,
    inherited_subject,
    is_mutual,
    leads_the_clause,
    noun_arguments,
    noun_doer,
    opener_index,
    own_conjunct,
    verb_arguments,
)
from lagebild.events.modality import clause_verbs
from lagebild.events.parties import (
    continued_speaker,
    gapped_subjects,
    has_plural_verb,
    has_pronoun_subject,
    is_office_holder,
    main_subject,
    participle_arguments,
    pronoun_referents,
    referring_pronoun,
    speaker_entities,
    with_antecedent,
    with_companions,
    with_likened,
)
from lagebild.events.speech import opinion_holder
from lagebild.events.triggers import TriggerHit, misread_preterite
from lagebild.lang import Language
from lagebild.plover import SYMMETRIC_TYPES

LIFT_TYPE = "CONCEDE"  # easing or lifting a measure
MEASURE_TYPE = "SANCTION"  # the measures lifted (an embargo, sanctions, a ban)
ADDRESSED_TYPES = {"THREATEN", "REQUEST"}  # said to someone, whom a continued clause need not name again
DEFIED_TYPES = {"ACCUSE", "REQUEST", "THREATEN"}  # said to someone, who may act against it
HEEDED_TYPES = {"REQUEST"}  # asked of someone, who may do it


@dataclass(frozen=True)
class Site:
    """Where a trigger stands: its article, its sentence, the sentence's clauses and its clause's index."""

    article: Article
    sentence: Sentence
    clauses: list[Clause]
    index: int

    @property
    def clause(self) -> Clause:
        return self.clauses[self.index]


class ActorReader:
    """Reads the sources and targets of triggers with one language's grammar, trigger lexicon and cues."""

    def __init__(self, language: Language, lexicon: TriggerLexicon, cues: Cues) -> None:
        self.language = language
        self.lexicon = lexicon
        self.cues = cues

    def actors_of(
        self, hit: TriggerHit, clause_hits: list[TriggerHit], site: Site, roles: ClauseRoles
    ) -> tuple[list[Entity], list[Entity], list[Claimant]] | None:
        """(sources, targets, reporter) of a participle, noun or verb trigger; None when the trigger
        tells no event ("die Anhänger des gestürzten Präsidenten X": a holder's status)."""
        reporter: list[Claimant] = []
        if hit.attributive:
            sources, targets = participle_arguments(hit, roles, site.article)
            if any(is_office_holder(e) for e in targets) and not sources:
                return None
            undoer = undoing_verb(hit, clause_hits)
            if undoer is not None and not sources and targets:
                # "Die USA hoben die gegen Serbien verhängten Sanktionen auf": who lifts a measure imposed it (on
                # someone named: "öffnen die geschlossenen Grenzübergänge" tells no one it was done to)
                sources = self.verb_actors(undoer, clause_hits, site, roles)[0]
        elif hit.entry.pos == "N":
            sources, targets, reporter = self.noun_actors(hit, clause_hits, site, roles)
        elif impends(hit, site.clause, roles, site.article):
            return None
        else:
            sources, targets = self.verb_actors(hit, clause_hits, site, roles)
            if hit.entry.type == LIFT_TYPE and not sources and self.imposed_by(targets, roles, site.article):
                sources, targets = targets, []  # "das Embargo der USA lockern": who imposed a measure lifts it
            if hit.entry.type not in SPEECH_ACT_TYPES:  # a speech act's noun: content.relative_speech_act
                object_source = "obj" in hit.entry.source and "obj" not in hit.entry.target
                sources, targets = with_antecedent(
                    sources, targets, site.clauses, site.index, roles, site.article, object_source
                )
        # "waren 30 Personen festgenommen, meldete die Agentur": the media report events, they take no part in them
        sources = [e for e in sources if not (e.actor and e.actor.sector == "MED")]
        return sources, targets, reporter

    def noun_actors(
        self, hit: TriggerHit, clause_hits: list[TriggerHit], site: Site, roles: ClauseRoles
    ) -> tuple[list[Entity], list[Entity], list[Claimant]]:
        """(sources, targets, reporter) of an event noun: its own phrase first, then who the clause says does it."""
        clauses, index, article, clause = site.clauses, site.index, site.article, site.clause
        reporter: list[Claimant] = []
        verb_triggered = any(h.entry.pos != "N" for h in clause_hits)
        speaking = any(h.entry.pos != "N" and h.entry.type in SPEECH_ACT_TYPES for h in clause_hits)
        judging = before_finite_verb(clause, article.tokens) if speaking else None
        sources, targets = noun_arguments(hit, roles, article, verb_triggered, judging)
        subject = [article.entities[roles.mentions[i].entity] for i in roles.subject]
        if not subject and clause.coordinated and clause.kind == ClauseKind.MAIN:
            subject = inherited_subject(clauses, index, article)  # "kritisierte X und kündigte Sanktionen an"
        if not subject and has_pronoun_subject(clause, article, self.language.subject_pronouns):
            subject = speaker_entities(clauses, index, article, self.cues)  # "X sagte, man prüfe Sanktionen"
        if sources and not targets and self.answered(hit, clause, article):
            # "Als Reaktion auf die Sanktionen des Westens stoppt Russland ...": what one answers was done to one
            targets = [e for e in subject if e not in sources]
        if sources and not targets and hit.entry.type in DEFIED_TYPES and self.defied(hit, article):
            # "Pelosi besuchte Taiwan trotz der Drohungen Chinas", "öffnete auf Drängen der USA die Grenze": a warning
            # acted against, a demand acted upon, was aimed at the clause's subject
            targets = [e for e in subject if e not in sources]
        # what is reported may stand first ("Die Festnahmen gab Maduro bekannt"): then it is the object all the same
        leads = leads_the_clause(hit, roles, clause, article) and not is_reporting_clause(
            clause, article.tokens, self.cues
        )
        if not sources and not targets and not leads and self.announces(clause, article, clause_hits):
            # "Maduro gab zwei Festnahmen bekannt": the noun's doer is the clause's subject, who says so
            sources = subject
            if is_reporting_clause(clause, article.tokens, self.cues):
                reporter = [Claimant(actor_ref(e, article).text, e.actor.country) for e in sources[:1]]
        if not sources and self.claims(clause, article):
            sources = [e for e in subject if e not in targets]  # "Der IS bekannte sich zu dem Anschlag in Moskau"
        if not sources and self.readies(hit, clause, article):
            sources = [e for e in subject if e not in targets]  # "Kiew ist zu einem Gefangenenaustausch bereit"
        if not sources and (targets or hit.entry.target == ("none",)) and self.weighs(clause, article):
            # "Die EU erwägt Strafzölle gegen China", "Pjöngjang erwägt einen Atomtest": who plans or weighs a
            # measure would take it
            sources = subject
        if not sources and takes_part(hit, article.tokens, self.language):
            # "Scholz sagte bei einem Treffen mit Macron": who speaks at a meeting is in it
            sources = [e for e in subject if e not in targets]
        if not sources and self.intends(clauses, index, article):
            # "Moskau kündigte an, die Angriffe zu verstärken": who intends it does it
            sources = inherited_subject(clauses, index, article)
        return sources, targets, reporter

    def verb_actors(
        self, hit: TriggerHit, clause_hits: list[TriggerHit], site: Site, roles: ClauseRoles
    ) -> tuple[list[Entity], list[Entity]]:
        """(sources, targets) of a verb or support-verb trigger: its clause's roles, then who else can do it."""
        clauses, index, article, sentence, clause = site.clauses, site.index, site.article, site.sentence, site.clause
        if hit.entry.source == (SPEAKER,):
            return self.spoken_stance(hit, site, roles)
        roles = own_conjunct(roles, hit, clause_hits, clause, article)
        fallback = [] if roles.subject else inherited_subject(clauses, index, article)
        sources, targets = verb_arguments(hit, roles, article, fallback)
        sources, targets = with_companions(hit, sources, targets, roles, article)
        sources, targets = with_likened(sources, targets, roles, article)
        gapped = gapped_subjects(roles, article, self.language)
        if gapped and sources:  # "Japan sagte 50 Millionen zu, Südkorea 20 Millionen": each gives
            sources, targets = [*sources, *gapped], [e for e in targets if e not in gapped]
        if hit.entry.pos == "LVC" and not sources:
            sources = noun_doer(hit, roles, article)  # "Der Abzug der Bundeswehr wird beginnen"
            if not sources and is_mutual(hit) and between_pair(roles, article)[0]:
                sources, targets = between_pair(roles, article)  # "Die Gespräche zwischen A und B wurden fortgesetzt"
        if not sources and has_pronoun_subject(clause, article, self.language.subject_pronouns):
            sources = speaker_entities(clauses, index, article, self.cues)  # "X sagt, es werde ..."
        pronoun = referring_pronoun(clause, roles, article, self.language)
        if not sources and pronoun and clause.kind == ClauseKind.RELATIVE:
            sources = main_subject(clauses, index, article, self.language, pronoun)
        if pronoun and roles.passive and hit.entry.type not in SYMMETRIC_TYPES:
            # "Dafür wurde er kritisiert": the subject of a passive is acted upon; in talks or a visit it is a party
            # either way ("In Berlin wird er zu Gesprächen erwartet": the guest, whom a visit has for its source)
            targets = targets or pronoun_referents(article, sentence, self.language, pronoun)
        elif not sources and pronoun:
            plural = has_plural_verb(clause, article)
            sources = pronoun_referents(article, sentence, self.language, pronoun, plural)
        if not sources:
            sources = continued_speaker(clauses, index, article, sentence, self.cues, self.language)
        if fallback and not targets and hit.entry.type in ADDRESSED_TYPES:
            targets = continued_targets(clauses, index, article)  # "kritisierte die USA und drohte mit ..."
        elif fallback and names_the_subject(targets, fallback) and has_object_pronoun(clause, article, self.language):
            # "empfing den Präsidenten Somalias und sagte ihm Hilfe zu": an object pronoun is not the shared subject
            targets = continued_targets(clauses, index, article)
        return sources, targets

    def spoken_stance(self, hit: TriggerHit, site: Site, roles: ClauseRoles) -> tuple[list[Entity], list[Entity]]:
        """(sources, targets) of a stance whose subject is the thing judged ("Ein Treffen mit X komme nicht infrage,
        sagte Y"): who holds it is named after "für" or is the speaker; whom it concerns stands inside the subject."""
        article = site.article
        named = [m for m in roles.mentions if not m.is_place]
        sources = [article.entities[m.entity] for m in named if m.role == "pp:für"]
        holder = opinion_holder(site.clause, article, self.cues)  # "Nach Ansicht Polens trägt Belarus ..."
        sources = sources or ([holder] if holder else speaker_entities(site.clauses, site.index, article, self.cues))
        for spec in hit.entry.target:
            targets = [article.entities[m.entity] for m in named if m.role == spec]
            if targets:
                return sources, [e for e in targets if e not in sources]
        return sources, []

    def imposed_by(self, targets: list[Entity], roles: ClauseRoles, article: Article) -> bool:
        """The targets are the genitive of a measure noun ("das Embargo der USA", "die Sanktionen der EU"): who
        imposed it, not whom it hits."""
        for mention in roles.mentions:
            if mention.role != "gen" or mention.head_noun is None or article.entities[mention.entity] not in targets:
                continue
            senses = self.lexicon.nouns(article.tokens[mention.head_noun].lemma)
            if any(sense.type == MEASURE_TYPE for sense in senses):
                return True
        return False

    def statement_authors(self, roles: ClauseRoles, article: Article) -> list[Entity]:
        """'In einer Erklärung des Außenministeriums wurde X kritisiert': a judgement or demand told in the passive
        is made by the authors named in the genitive of the statement that carries it ("der Regierungen Chiles und
        Perus": each of a list)."""
        tokens = article.tokens
        for mention in roles.mentions:
            noun = mention.head_noun
            if mention.role != "gen" or mention.is_place or noun is None:
                continue
            if tokens[noun].lemma not in self.cues.report_nouns:
                continue
            opener = next((i for i in range(noun - 1, max(-1, noun - 4), -1) if is_preposition(tokens[i])), None)
            word = tokens[opener].text.lower() if opener is not None else ""
            if self.language.contractions.get(word, word) in self.language.statement_prepositions:
                listed = [roles.mentions[i] for i in mention.group] or [mention]
                return [article.entities[m.entity] for m in listed if not m.is_place]
        return []

    def pressing(self, roles: ClauseRoles, sources: list[Entity], article: Article) -> list[Entity]:
        """Whom a concession yields to: the genitive or von-phrase of a noun of pressure after 'unter' ("unter
        dem Druck der Militärs", "unter Druck von Demonstranten")."""
        tokens = article.tokens
        for mention in roles.mentions:
            if mention.role not in ("gen", "pp:von") or mention.is_place:
                continue
            cursor = opener_index(tokens, mention.first, self.language)  # "der" or "von" skipped back to the noun
            cursor = cursor - 1 if mention.role == "pp:von" else cursor
            if cursor < 1 or tokens[cursor].lemma not in self.cues.pressure_nouns:
                continue
            if tokens[opener_index(tokens, cursor, self.language)].text.lower() in self.language.pressure_prepositions:
                entity = article.entities[mention.entity]
                return [] if entity in sources else [entity]
        return []

    def announces(self, clause: Clause, article: Article, clause_hits: list[TriggerHit]) -> bool:
        """A clause whose verb only reports, carries out or answers with a noun event ('gab Festnahmen
        bekannt', 'verübte einen Anschlag', 'reagierte mit Luftangriffen'): the subject is the noun's doer."""
        if any(hit.entry.pos != "N" for hit in clause_hits):
            return False
        cues = self.cues
        carriers = self.lexicon.support_verbs() | cues.reporting_verbs | cues.planned_verbs | cues.response_verbs
        words = [article.tokens[i] for i in clause.tokens]
        return bool(({w.lemma for w in words if w.pos.startswith("VV")} | separable_verbs(words)) & carriers)

    def claims(self, clause: Clause, article: Article) -> bool:
        """A clause whose verb claims an act ('bekannte sich zu dem Anschlag', also the preterite the tagger reads
        as the adjective 'bekannt')."""
        if has_verb_among(clause, article, self.cues.claim_verbs):
            return True
        words = (article.tokens[i] for i in clause.tokens)
        return any(misread_preterite(w, self.language) in self.cues.claim_verbs for w in words)

    def answered(self, hit: TriggerHit, clause: Clause, article: Article) -> bool:
        """An event noun after 'auf' that a noun or verb of response governs ('als Reaktion auf die Sanktionen',
        'reagierte auf den Angriff')."""
        tokens, cues = article.tokens, self.cues
        cursor = opener_index(tokens, hit.token, self.language)
        if cursor < 1 or tokens[cursor].text.lower() not in self.language.response_prepositions:
            return False
        return tokens[cursor - 1].lemma in cues.response_nouns or has_verb_among(clause, article, cues.response_verbs)

    def defied(self, hit: TriggerHit, article: Article) -> bool:
        """An event noun right after a preposition of defiance ('trotz der Warnungen', 'ungeachtet der Kritik'), or
        a demand after one of compliance ('auf Drängen der USA'): it was said to the clause's subject."""
        cursor = opener_index(article.tokens, hit.token, self.language)
        word = article.tokens[cursor].text.lower() if cursor >= 0 else ""
        heeded = hit.entry.type in HEEDED_TYPES and word in self.language.compliance_prepositions
        return word in self.language.defiance_prepositions or heeded

    def readies(self, hit: TriggerHit, clause: Clause, article: Article) -> bool:
        """An event noun after 'zu' in a clause whose predicate is an adjective of readiness ('ist zu Gesprächen
        bereit', 'zeigte sich bereit zum Austausch'): the subject is ready to do the act itself."""
        tokens, language = article.tokens, self.language
        cursor = opener_index(tokens, hit.token, language)
        if cursor < 0 or tokens[cursor].text.lower() not in language.readiness_prepositions:
            return False
        return any(tokens[i].text.lower() in language.readiness_adjectives for i in clause.tokens)

    def weighs(self, clause: Clause, article: Article) -> bool:
        """A clause whose verb plans or considers ('plant', 'erwägt', 'prüft')."""
        return has_verb_among(clause, article, self.cues.planned_verbs | self.cues.possible_verbs)

    def intends(self, clauses: list[Clause], index: int, article: Article) -> bool:
        """An infinitive clause under a verb of intention or announcement ('kündigte an, ... zu')."""
        clause = clauses[index]
        if clause.kind != ClauseKind.INFINITIVE or clause.parent is None:
            return False
        return has_verb_among(clauses[clause.parent], article, self.cues.planned_verbs)


def undoing_verb(hit: TriggerHit, clause_hits: list[TriggerHit]) -> TriggerHit | None:
    """The verb of the clause that stops or lifts the act an attributive participle tells ("hob die verhängten
    Sanktionen auf", "ließ den festgenommenen Journalisten frei", "zog die stationierten Truppen ab")."""
    return next(
        (
            h
            for h in clause_hits
            if h.entry.pos == "V" and not h.attributive and hit.entry.type in UNDOING.get(h.entry.type, ())
        ),
        None,
    )


def names_the_subject(targets: list[Entity], subject: list[Entity]) -> bool:
    """No target, or only ones that are the subject again (a pronoun read as the person named before it)."""
    return all(any(e.actor == s.actor for s in subject) for e in targets)


def has_object_pronoun(clause: Clause, article: Article, language: Language) -> bool:
    """'ihm', 'ihn', 'ihr' as an object of the clause ("und warf ihm Spionage vor")."""
    tokens = article.tokens
    return any(tokens[i].pos == "PPER" and tokens[i].text.lower() in language.object_pronouns for i in clause.tokens)


def impends(hit: TriggerHit, clause: Clause, roles: ClauseRoles, article: Article) -> bool:
    """'Die Gespräche drohen zu scheitern': an impending verb (grammar.yaml impending_verbs) with a
    zu-infinitive in its own clause, whose subject is no actor, tells no act. The subject is the bare noun
    phrase before the verb ('Mit Sanktionen drohte Russland, ...' opens with a preposition)."""
    tokens = article.tokens
    if tokens[hit.token].lemma not in clause.grammar.impending_verbs:
        return False
    if not any(tokens[i].pos in ("PTKZU", "VVIZU") for i in clause.tokens):
        return False
    before = [i for i in clause.tokens if i < hit.token]
    named = {i for m in roles.mentions for i in range(m.first, m.last + 1)}
    return any(tokens[i].pos in clause.grammar.noun_tags for i in before) and not any(
        is_preposition(tokens[i]) or i in named for i in before
    )


def has_verb_among(clause: Clause, article: Article, lemmas: frozenset[str]) -> bool:
    """A verb of the clause, with its separable particle ('kündigte ... an'), is one of `lemmas`."""
    return bool(clause_verbs(clause, article.tokens) & lemmas)
