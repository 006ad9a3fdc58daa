"""How the article presents an event: asserted, planned, possible or negated.

Cues are read in the trigger's own clause and in the clauses that govern it, so that
"könnte nach Peking reisen, um dort den Präsidenten zu treffen" makes the meeting possible too.
Negation counts only in the trigger's own clause ("hat nicht angegriffen", "keine Sanktionen").
A governing clause counts only through infinitive, purpose and complement clauses: what a
relative clause says is not made uncertain by its host.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from weakref import WeakKeyDictionary

from lagebild.clauses import conjunct_bounds, is_preposition, separable_verbs
from lagebild.document import Clause, ClauseKind, Token
from lagebild.events.lexicon import Cues, lemma_key, load_triggers
from lagebild.events.mentions import SPEECH_ACT_TYPES, opener_before, opener_index
from lagebild.events.triggers import plan_head
from lagebild.lang import Language

ASSERTED, PLANNED, POSSIBLE, NEGATED = "asserted", "planned", "possible", "negated"
INHERITING = (ClauseKind.INFINITIVE, ClauseKind.SUBORDINATE)


def governing_chain(clauses: list[Clause], index: int) -> list[Clause]:
    """The clause and the clauses whose modality it inherits, innermost first."""
    chain = [clauses[index]]
    clause = clauses[index]
    while clause.parent is not None and clause.kind in INHERITING:
        grammar = clause.grammar
        if clause.kind == ClauseKind.SUBORDINATE and not (
            clause.opener in grammar.complement_subordinators or is_indirect_question(clause)
        ):
            break  # "nachdem", "weil": facts of their own
        clause = clauses[clause.parent]
        chain.append(clause)
    return chain


def modality_of(
    trigger: tuple[int, ...],
    clauses: list[Clause],
    clause_index: int,
    tokens: list[Token],
    cues: Cues,
    language: Language,
    event_day: date | None = None,
    reference_day: date | None = None,
) -> str:
    head = trigger[0]
    clause_words = [tokens[i] for i in clauses[clause_index].tokens]
    own = [w for i, w in zip(clauses[clause_index].tokens, clause_words, strict=True) if i not in trigger]
    if is_negated(own, cues, clause_words) or is_refused(own, tokens[head], cues, language):
        return NEGATED
    chain = governing_chain(clauses, clause_index)
    # the trigger itself is no cue: "ankündigen" marks what is announced, "ablehnen" what is refused; nor
    # is the full verb of another conjunct ("hat Sanktionen verhängt und Waffen zugesagt")
    skipped = set(trigger) | other_conjuncts_verbs(head, clauses[clause_index], tokens)
    words = [tokens[i] for clause in chain for i in clause.tokens if i not in skipped]
    governing = [tokens[i] for clause in chain[1:] for i in clause.tokens]
    if (
        any(w.lemma in cues.negating_verbs and is_verb_token(w) for w in governing)
        or verb_lemmas(governing) & cues.denial_verbs
    ):
        return NEGATED  # "dementierte, dass Putin sich mit X getroffen habe"
    if denied_before(clauses, clause_index, tokens, cues) or denied_report(clauses, clause_index, tokens, cues):
        return NEGATED  # "wies die Vorwürfe zurück, sie habe Oppositionelle verhaftet", "dementierte Berichte, wonach"
    read = CueWords.of(words)
    if is_possible(read, head, tokens, cues) or any(opens_condition(clause, tokens, cues) for clause in chain):
        return POSSIBLE
    if any(w.lemma in cues.speculation_nouns for w in governing) or speculated(head, tokens, cues):
        return POSSIBLE  # "Es gebe Hinweise, dass ...", "Spekulationen über ein Treffen"
    questioned = tokens[head].pos not in language.noun_tags  # "ob bei dem Angriff ...": the attack is given
    if questioned and any(is_indirect_question(clause) for clause in chain):
        return POSSIBLE  # "Unklar ist, ob Nordkorea Soldaten geschickt hat": asked, not asserted
    tense = [tokens[i] for clause in chain for i in clause.tokens]  # the trigger's own verb forms the future
    if is_planned(read, trigger, tokens, cues, language) or has_future_werden(tense, language):
        return PLANNED
    if is_announced(chain, tokens, cues):
        return PLANNED
    if tokens[head].pos in language.noun_tags and plan_head(tokens[head].lemma, language):
        return PLANNED  # "Putschpläne", "Angriffsvorbereitungen": the event is intended
    if tokens[head].pos in language.noun_tags and read.verbs & cues.expiry_verbs:
        return ASSERTED  # "Ein Ultimatum läuft am Mittwoch aus": given already, it expires then
    if event_day and reference_day and event_day > reference_day and not has_past_tense(own, language):
        return PLANNED
    past_day = event_day and reference_day and event_day < reference_day
    if tokens[head].pos.startswith("VV") and is_scheduled(clause_words, language) and not past_day:
        return PLANNED  # "Der Präsident soll am Montag nach Paris reisen", "Die Zahl soll reduziert werden"
    return ASSERTED


def other_conjuncts_verbs(head: int, clause: Clause, tokens: list[Token]) -> set[int]:
    """The full verbs of the clause's other verb-final conjuncts; auxiliaries and modals are shared by all
    ("will Mali verlassen und Niger unterstützen": both are intended)."""
    bounds = conjunct_bounds(head, clause, tokens)
    if bounds is None:
        return set()
    return {i for i in clause.tokens if not bounds[0] <= i <= bounds[1] and tokens[i].pos.startswith("VV")}


def is_scheduled(words: list[Token], language: Language) -> bool:
    """'soll' with a present infinitive tells what is arranged to happen; with a perfect infinitive
    ('soll ... besprochen haben', 'sollen getötet worden sein') it reports hearsay of the past. The
    Konjunktiv I 'solle' of reported speech passes on a demand instead."""
    modal = any(w.pos == "VMFIN" and w.text.lower() in language.scheduling_modals for w in words)
    return modal and not is_perfect_infinitive(words, language)


def is_indirect_question(clause: Clause) -> bool:
    """A clause opened by "ob": what it tells is asked or weighed, not stated."""
    return clause.kind == ClauseKind.SUBORDINATE and clause.opener in clause.grammar.interrogative_subordinators


def tells_nothing(clauses: list[Clause], index: int, tokens: list[Token], cues: Cues) -> bool:
    """What is asked or imagined is no event: a direct question ("Hat China Waffen geliefert?"), a condition in
    the Konjunktiv II ("falls China Taiwan angreifen würde")."""
    grammar = clauses[index].grammar
    chain = governing_chain(clauses, index)
    if any(opens_condition(c, tokens, cues) and has_form(c, tokens, grammar.counterfactual_forms) for c in chain):
        return True
    top = topmost_clause(clauses, chain[-1])
    opening = [tokens[i] for i in top.tokens[:2] if tokens[i].pos != "$("]
    if not opening or not (
        opening[0].pos in grammar.finite_tags or any(w.pos in grammar.interrogative_tags for w in opening)
    ):
        return False
    return closes_question(max(c.last for c in clauses if topmost_clause(clauses, c) is top), tokens, grammar)


def topmost_clause(clauses: list[Clause], clause: Clause) -> Clause:
    """The main clause that `clause` hangs from, through any kind of clause."""
    while clause.parent is not None:
        clause = clauses[clause.parent]
    return clause


def closes_question(last: int, tokens: list[Token], grammar: Language) -> bool:
    """A question mark ends the clause with its dependents ("Wann greift X an?", '"Wird X angreifen?", fragte er');
    not one closing a later clause ("X hat angegriffen, warum?")."""
    cursor = last + 1 if tokens[last].text not in grammar.question_marks else last
    while cursor < len(tokens) and tokens[cursor].pos == "$(":
        cursor += 1
    return cursor < len(tokens) and tokens[cursor].text in grammar.question_marks


def has_form(clause: Clause, tokens: list[Token], forms: frozenset[str]) -> bool:
    return any(tokens[i].text.lower() in forms for i in clause.tokens)


def opens_condition(clause: Clause, tokens: list[Token], cues: Cues) -> bool:
    """'falls die USA Waffen liefern', 'Sollte Russland angreifen, ...': a clause opened by a conditional
    subordinator or by a conditional modal in first place (not "sollte nicht" inside a clause)."""
    if clause.kind == ClauseKind.SUBORDINATE:
        return clause.opener in cues.condition_openers
    head = tokens[clause.tokens[0]]
    return head.pos.startswith("VM") and head.text.lower() in cues.condition_openers


def denied_before(clauses: list[Clause], index: int, tokens: list[Token], cues: Cues) -> bool:
    """A main clause in reported speech right after a main clause of denial: what is denied, without "dass"."""
    if index == 0 or clauses[index].kind != ClauseKind.MAIN or clauses[index - 1].kind != ClauseKind.MAIN:
        return False
    reported = any(tokens[i].text.lower() in cues.subjunctive_forms for i in clauses[index].tokens)
    return reported and bool(clause_verbs(clauses[index - 1], tokens) & cues.denial_verbs)


def denied_report(clauses: list[Clause], index: int, tokens: list[Token], cues: Cues) -> bool:
    """'Das Ministerium dementierte Berichte, wonach Truppen verlegt worden seien': what a report says ("wonach")
    is denied when the clause it depends on denies a report (a denial verb and a report noun)."""
    clause = clauses[index]
    if clause.opener not in cues.report_openers or clause.parent is None:
        return False
    parent = clauses[clause.parent]
    if not clause_verbs(parent, tokens) & cues.denial_verbs:
        return False
    keys = (lemma_key(tokens[i].lemma) for i in parent.tokens if tokens[i].pos in parent.grammar.noun_tags)
    return any(key.endswith(noun) for key in keys for noun in cues.denied_report_nouns)


def is_announced(chain: list[Clause], tokens: list[Token], cues: Cues) -> bool:
    """'erklärte, Panzer zu liefern', 'die Ankündigung von X, Panzer zu senden': a zu-infinitive under
    a speech verb or an announcement noun is a commitment, hence planned; not a perfect infinitive."""
    if len(chain) < 2 or chain[0].kind != ClauseKind.INFINITIVE or chain[0].opener is not None:
        return False
    if is_perfect_infinitive([tokens[i] for i in chain[0].tokens], chain[0].grammar):
        return False  # "bestätigte, Waffen geliefert zu haben": a past act, told as done
    governing = [tokens[i] for i in chain[1].tokens]
    intention_nouns = {lemma for group in cues.groups["planned"] for lemma in group.lemmas if lemma[:1].isupper()}
    speaking = any(w.lemma in cues.reporting_verbs or w.lemma in intention_nouns for w in governing)
    return speaking or any_phrase(vocabulary(governing), cues.reporting_phrases)


def is_perfect_infinitive(words: list[Token], grammar: Language) -> bool:
    """'geliefert haben', 'getötet worden sein': a participle, then "haben" or "sein" closing the clause."""
    verbs = [w for w in words if w.pos.startswith("V")]
    return len(verbs) >= 2 and verbs[-1].text.lower() in grammar.perfect_infinitives and verbs[-2].pos.endswith("PP")


def is_negated(words: list[Token], cues: Cues, clause: list[Token]) -> bool:
    """A negation of the event itself in `words` (the clause without the trigger: "dementierte" is a
    denial, not a negated denial); not "nicht nur", nor "nicht vor Weihnachten" (later, not never).
    Set phrases are read in the whole `clause`: the trigger may close one ("schließt einen Angriff nicht aus")."""
    present: set[str] | None = None  # the words' vocabulary, read only once a negation word is there
    for position, word in enumerate(words):
        if word.text.lower() not in cues.negation_words:
            continue
        following = words[position + 1].text.lower() if position + 1 < len(words) else ""
        if following in cues.time_scope_forms or any(phrase[1:2] == (following,) for phrase in cues.not_negations):
            continue
        present = vocabulary(clause) if present is None else present
        if any(phrase[0] == word.text.lower() and all(p in present for p in phrase) for phrase in cues.not_negations):
            continue  # "schließt ... nicht aus": the verb's particle closes the clause
        return True
    return False


def is_refused(words: list[Token], head: Token, cues: Cues, language: Language) -> bool:
    """A verb of refusal, denial or cancellation in the trigger's clause: "lehnte Gespräche ab", "schloss
    einen Einsatz aus", "das Treffen wurde abgesagt" did not happen. A rejected accusation, demand or
    offer ("wies den Vorwurf zurück") was still made: a noun naming what was said is not refused. A refusal
    that is itself negated ("schließt ... nicht aus") refuses nothing."""
    if any(w.text.lower() in cues.negation_words for w in words):
        return False
    if head.pos not in language.noun_tags:
        # only an infinitive is governed by the refusing verb ("weigerte sich zu verhandeln"); a finite
        # verb or participle is a predicate of its own ("hatten verhandelt, eine Einigung verschoben")
        return head.pos in language.infinitive_tags and any(w.lemma in cues.negating_verbs for w in words)
    return not names_a_said_act(head.lemma, language) and bool(verb_lemmas(words) & cues.negating_verbs)


def names_a_said_act(lemma: str, language: Language) -> bool:
    lexicon = load_triggers(language.code)
    senses = lexicon.nouns(lemma) or lexicon.nouns(lexicon.compound_head(lemma))
    return bool(senses) and all(entry.type in SPEECH_ACT_TYPES for entry in senses)


@dataclass(frozen=True)
class CueWords:
    """The words that may hold a modality cue, read once for every kind of cue."""

    tokens: list[Token]
    forms: list[str]  # the tokens' texts, lower case (read by several cues: lowered once)
    verbs: set[str]  # verb_lemmas
    present: set[str]  # vocabulary

    @classmethod
    def of(cls, words: list[Token]) -> CueWords:
        forms = [w.text.lower() for w in words]
        return cls(words, forms, verb_lemmas(words), vocabulary(words, forms))


def is_possible(read: CueWords, trigger: int, tokens: list[Token], cues: Cues) -> bool:
    if any(form in cues.possible_forms for form in read.forms):
        return True
    if read.verbs & cues.possible_verbs:
        return True
    adverbs = cues.possible_adverbs
    if any(form in adverbs and w.pos in ("ADV", "ADJD") for form, w in zip(read.forms, read.tokens, strict=True)):
        return True
    if any_phrase(read.present, cues.possible_phrases):
        return True
    return modifier_before(trigger, tokens, cues.possible_adjectives) or possible_predicate(read, trigger, tokens, cues)


def possible_predicate(read: CueWords, trigger: int, tokens: list[Token], cues: Cues) -> bool:
    """'Ein Treffen ist im November denkbar', 'Eine Einigung sei möglich': an event noun said to be possible with
    "sein" of the present or subjunctive; not "so bald wie möglich", not "war möglich"."""
    if not tokens[trigger].pos.startswith("NN") or not any(form in cues.predicate_copulas for form in read.forms):
        return False
    words = read.tokens
    return any(
        w.pos == "ADJD"
        and w.lemma.lower() in cues.possible_predicates
        and (i == 0 or words[i - 1].text.lower() != "wie")
        for i, w in enumerate(words)
    )


def is_planned(read: CueWords, trigger: tuple[int, ...], tokens: list[Token], cues: Cues, language: Language) -> bool:
    head = trigger[0]
    if read.verbs & cues.planned_verbs and not in_adjunct_phrase(trigger, tokens, cues, language):
        return True
    if any_phrase(read.present, cues.planned_phrases):
        return True
    under_way = bool(read.verbs & cues.onset_verbs)  # "begann mit der angekündigten Lieferung"
    return (modifier_before(head, tokens, cues.planned_adjectives) and not under_way) or governed_by_intention(
        head, tokens, cues, language
    )


def governed_by_intention(trigger: int, tokens: list[Token], cues: Cues, language: Language) -> bool:
    """A noun trigger whose phrase hangs on an intention noun: "ein Vorschlag für eine Waffenruhe"."""
    cursor = opener_index(tokens, trigger, language)
    if cursor < 1 or tokens[cursor].text.lower() not in cues.intention_links:
        return False
    return tokens[cursor - 1].lemma in cues.intention_nouns


def in_adjunct_phrase(trigger: tuple[int, ...], tokens: list[Token], cues: Cues, language: Language) -> bool:
    """A lone noun trigger in a prepositional adjunct ("Mit dem Abkommen verpflichtet sich X, ..."): what
    the clause plans is not this event. "rief zu einem Streik auf" links what is planned with "zu", and the
    noun of a light verb construction is part of the verb ("will Belarus mit Sanktionen belegen")."""
    head = trigger[0]
    opener = opener_before(tokens, head, language)
    return (
        len(set(trigger)) == 1
        and tokens[head].pos == "NN"
        and opener is not None
        and is_preposition(opener)
        and opener.text.lower() not in cues.intention_links
    )


# a whole clause's verbs are asked for by the cues of reporting, announcing, denying and promising; gone with the clause
CLAUSE_VERBS: WeakKeyDictionary[Clause, frozenset[str]] = WeakKeyDictionary()


def clause_verbs(clause: Clause, tokens: list[Token]) -> frozenset[str]:
    """`verb_lemmas` of the clause's words, read once per clause."""
    verbs = CLAUSE_VERBS.get(clause)
    if verbs is None:
        verbs = CLAUSE_VERBS[clause] = frozenset(verb_lemmas([tokens[i] for i in clause.tokens]))
    return verbs


def verb_lemmas(words: list[Token]) -> set[str]:
    """Lemmas of the verbs, also with a clause-final separable particle ('kündigte ... an': 'ankündigen')."""
    return {w.lemma for w in words if is_verb_token(w)} | separable_verbs(words)


def is_verb_token(word: Token) -> bool:
    """Verb cues count as verbs only: 'die mit Spannung erwartete Rede' expects nothing."""
    return word.pos.startswith(("VV", "VM", "VA"))


def has_future_werden(words: list[Token], language: Language) -> bool:
    """'wird ... reisen': a finite 'werden' with an infinitive and no participle (that would be passive)."""
    past = language.werden_preterites
    werden = any(w.lemma == "werden" and w.pos == "VAFIN" and w.text.lower() not in past for w in words)
    infinitive = any(w.pos in ("VVINF", "VMINF") for w in words)
    participle = any(w.pos == "VVPP" for w in words)
    return werden and infinitive and not participle


def has_past_tense(words: list[Token], language: Language) -> bool:
    past_auxiliaries = language.past_auxiliaries
    return any(w.text.lower() in past_auxiliaries for w in words) or any(
        w.pos == "VVFIN" and w.text.lower().endswith(language.past_endings) for w in words
    )


SPECULATED_LINKS = ("über", "von", "auf")  # "Spekulationen über", "die Option von", "Hinweise auf"


def speculated(trigger: int, tokens: list[Token], cues: Cues) -> bool:
    """An event noun that a speculation noun governs: "Spekulationen über ein Treffen"."""
    for index in range(trigger - 1, max(-1, trigger - 4), -1):
        if tokens[index].text.lower() in SPECULATED_LINKS:
            return index > 0 and tokens[index - 1].lemma in cues.speculation_nouns
        if tokens[index].pos not in ("ART", "ADJA", "PIAT", "CARD"):
            return False
    return False


def modifier_before(trigger: int, tokens: list[Token], adjectives: frozenset[str]) -> bool:
    """'das mögliche Waffengeschäft', 'der geplante Besuch': an adjective right before a noun trigger."""
    for index in range(trigger - 1, max(-1, trigger - 3), -1):
        if tokens[index].lemma.lower() in adjectives or tokens[index].text.lower().rstrip("nrsm") in adjectives:
            return True
        if tokens[index].pos not in ("ADJA", "ADV"):
            return False
    return False


def any_phrase(present: set[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """A multiword cue ("in Erwägung ziehen", "zieht ... in Erwägung") among the words' `vocabulary`,
    in any order; a separable verb counts with its particle ("schließt ... nicht aus": "ausschließen")."""
    return any(present.issuperset(phrase) for phrase in phrases)  # parts are lower case


def vocabulary(words: list[Token], forms: list[str] | None = None) -> set[str]:
    """Lemmas and forms of the words, lowercased, and verbs joined with a clause-final particle
    (`forms`: the words' texts lowercased, where the caller has them already)."""
    present = {w.lemma.lower() for w in words} | set(forms if forms is not None else (w.text.lower() for w in words))
    return present | {verb.lower() for verb in separable_verbs(words)}
