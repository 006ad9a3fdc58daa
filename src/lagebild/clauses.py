"""The clause layer: every sentence cut once, from tokens and STTS tags alone (no parser), for the
temporal stage and the event stage to read (`Article.clauses`, one `SentenceClauses` per sentence).

Two grains:
- clauses (the event stage's unit): the sentence, without a dateline that opens it, is cut into
  segments at commas, semicolons, colons and dashes outside brackets. Each segment is classified
  by how it opens: a subordinator ("dass", "weil"), a relative pronoun, "um ... zu", a verb first
  ("..., sagte der Minister"), a coordinating "und" with a finite verb, or nothing special.
  Segments without any verb (appositions such as ", der Hauptstadt Nordkoreas,") continue the
  clause they interrupt. Every dependent clause points to the clause that governs it, so that a
  purpose clause can inherit its subject and its modality ("könnte reisen, um sich mit Putin zu
  treffen").
- stretches (the tense's unit, temporal/tense.py): the runs of words between any two of the
  marks in `stretch_breaks` (commas, colons, dashes, brackets, quotes), over the whole sentence.

The punctuation and words each step reads are the language's (`data/<code>/grammar.yaml`).
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from lagebild.document import Article, Clause, ClauseKind, Sentence, SentenceClauses, Token
from lagebild.lang import DEFAULT_LANGUAGE, Language, load_language


class ClauseStage:
    """Sets `article.clauses`: the clauses and stretch marks of every sentence."""

    name = "clauses"
    requires = ("sentences", "dateline")
    assigns = ("clauses",)

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = load_language(language)

    def __call__(self, article: Article) -> Article:
        article.clauses = [self.clauses_of(article, sentence) for sentence in article.sentences]
        return article

    def clauses_of(self, article: Article, sentence: Sentence) -> SentenceClauses:
        first = first_after_dateline(article, sentence)
        tokens = article.tokens[first : sentence.last_token]
        clauses = segment_clauses(tokens, first, self.language) if tokens else []
        breaks = stretch_breaks(article.sentence_tokens(sentence), sentence.first_token, self.language)
        return SentenceClauses(clauses, breaks)


def first_after_dateline(article: Article, sentence: Sentence) -> int:
    """The sentence's first token after the dateline ("WASHINGTON, 4. September (Yonhap) –") when
    the sentence holds it, else its first token."""
    first, dateline = sentence.first_token, article.dateline
    if dateline is not None and sentence.start <= dateline.start < sentence.end:
        while first < sentence.last_token and article.tokens[first].start < dateline.end:
            first += 1
    return first


def stretch_breaks(tokens: list[Token], first_index: int, grammar: Language) -> list[int]:
    """Article-level indices of the sentence's tokens that end a stretch; not a comma of an enumeration inside an
    open verb bracket (`lists_inside_bracket`)."""
    marks = [offset for offset, token in enumerate(tokens) if token.text in grammar.stretch_breaks]
    starts = [0, *(mark + 1 for mark in marks)]
    ends = [*marks, len(tokens)]
    return [
        first_index + mark
        for number, mark in enumerate(marks)
        if not lists_inside_bracket(tokens, starts[number], mark, ends[number + 1], grammar)
    ]


NOUN_TAGS = ("NN", "NE")


def lists_inside_bracket(tokens: list[Token], start: int, comma: int, end: int, grammar: Language) -> bool:
    """A comma between two nouns of an enumeration while the finite auxiliary or modal before it still waits for
    its participle or infinitive, which comes after the list: "hätten Wohnungen in Minsk, Grodno und Brest
    durchsucht" is one stretch, in the perfect."""
    if tokens[comma].text != "," or comma + 1 >= end or tokens[comma - 1].pos not in NOUN_TAGS:
        return False
    if tokens[comma + 1].pos not in NOUN_TAGS:
        return False
    before, after = tokens[start:comma], tokens[comma + 1 : end]
    complements = (*grammar.participle_tags, *grammar.infinitive_tags)
    waiting = any(t.pos in ("VAFIN", "VMFIN") for t in before) and not any(t.pos in complements for t in before)
    return waiting and not any(is_finite(t) for t in after) and any(t.pos in complements for t in after)


def stretch_around(article: Article, sentence: Sentence, index: int) -> list[Token]:
    """The stretch holding the article's token `index` (for a mark itself: the stretch it closes). Brackets
    interrupt a stretch without ending it: "hat am Donnerstag (Ortszeit) eine Resolution verabschiedet"
    is read as one stretch around the bracketed words."""
    breaks = article.clauses_of(sentence).breaks
    position = bisect_left(breaks, index)
    tokens = article.tokens[stretch_start(breaks, position, sentence) : stretch_end(breaks, position, sentence)]
    opening = stretch_end(breaks, position, sentence)
    if opening < sentence.last_token and article.tokens[opening].text == "(":
        closing = next((p for p in range(position + 1, len(breaks)) if article.tokens[breaks[p]].text == ")"), None)
        if closing is not None:
            tokens = tokens + article.tokens[breaks[closing] + 1 : stretch_end(breaks, closing + 1, sentence)]
    closed = stretch_start(breaks, position, sentence) - 1
    if position and article.tokens[closed].text == ")":
        opened = next((p for p in range(position - 2, -1, -1) if article.tokens[breaks[p]].text == "("), None)
        if opened is not None:
            tokens = article.tokens[stretch_start(breaks, opened, sentence) : breaks[opened]] + tokens
    return tokens


def stretch_start(breaks: list[int], position: int, sentence: Sentence) -> int:
    return breaks[position - 1] + 1 if position else sentence.first_token


def stretch_end(breaks: list[int], position: int, sentence: Sentence) -> int:
    return breaks[position] if position < len(breaks) else sentence.last_token


def is_verb(token: Token) -> bool:
    return token.pos.startswith(("VV", "VA", "VM"))


def is_finite(token: Token) -> bool:
    return token.pos.endswith("FIN") and is_verb(token)


def is_punctuation(token: Token) -> bool:
    return token.pos[:1] == "$"


def without_punctuation(words: list[Token]) -> list[Token]:
    return [w for w in words if not is_punctuation(w)]


PARTICLE_TAGS = ("PTKVZ", "PTKZU", "APPR", "ADV", "ADJD")  # tags the tagger gives a separable particle


def separable_verbs(words: list[Token]) -> set[str]:
    """The finite verbs joined with the particle that closes their clause: 'kündigte ... an' is
    'ankündigen'. The tagger reads a closing particle as one, or as 'zu', a preposition, an adverb or
    an adjective ("sagte ... zu", "teilte ... mit", "wies ... hin")."""
    closing = next((w for w in reversed(words) if not is_punctuation(w)), None)
    if closing is None or closing.pos not in PARTICLE_TAGS:
        return set()
    particle = closing.text.lower()
    return {particle + w.lemma for w in words if is_finite(w)}


def is_preposition(token: Token) -> bool:
    """A preposition, also one merged with its article ("im", "zum")."""
    return token.pos in ("APPR", "APPRART")


def opens_phrase(token: Token) -> bool:
    """A preposition, or "zu" before a name ("zu Iran"): the tagger takes every "zu" for the infinitive particle."""
    return is_preposition(token) or token.text.lower() == "zu"


def split_segments(tokens: list[Token], first_index: int, grammar: Language) -> list[list[int]]:
    """Token index lists between breaks; quotation marks belong to no segment."""
    segments: list[list[int]] = []
    current: list[int] = []
    depth = 0
    for offset, token in enumerate(tokens):
        text = token.text
        if text == "(":
            depth += 1
        elif text == ")":
            depth = max(0, depth - 1)
        if text in grammar.quote_marks:
            continue
        is_break = text in grammar.segment_breaks or (text == "-" and token.space_after and offset > 0)
        if depth == 0 and is_break:
            if current:
                segments.append(current)
                current = []
            continue
        coordinator = text.lower() in grammar.clause_coordinators  # asked first: the rest costs more
        if coordinator and depth == 0 and current and opens_coordinated_clause(tokens, offset, first_index, current):
            segments.append(current)  # "wies die Kritik zurück und warf ... vor"
            current = []
        current.append(first_index + offset)
    if current:
        segments.append(current)
    return segments


def opens_coordinated_clause(tokens: list[Token], offset: int, first_index: int, current: list[int]) -> bool:
    """A coordinator ('und', 'oder': the grammar's clause_coordinators) with a finite verb right after
    it, once the clause so far has its own finite verb or is an infinitive group, which no finite verb
    continues ("warf X vor, die Lage zu gefährden und rief zur Ruhe auf")."""
    following = tokens[offset + 1] if offset + 1 < len(tokens) else None
    if following is None or not is_finite(following):
        return False
    words = [tokens[i - first_index] for i in current]
    return any(is_finite(word) for word in words) or has_zu_infinitive(words)


def classify_segment(
    tokens: list[Token], indices: list[int], first_index: int, previous: list[Clause], grammar: Language
) -> tuple[ClauseKind, str | None]:
    """What a segment is, judged by how it opens; `previous` are the sentence's clauses so far."""
    words = [tokens[i - first_index] for i in indices]
    head = words[0].text.lower()
    if head in grammar.coordinators and len(words) > 1:
        words, head = words[1:], words[1].text.lower()
    ambiguous = head in grammar.ambiguous_subordinators  # also comparisons and prepositions
    if head in grammar.subordinators and (not ambiguous or ends_with_finite_verb(words)) and not is_verb_second(words):
        return ClauseKind.SUBORDINATE, head
    if head in grammar.infinitive_openers and has_zu_infinitive(words):
        return ClauseKind.INFINITIVE, head
    if previous and is_relative_opening(words, grammar):
        return ClauseKind.RELATIVE, head
    if is_finite(words[0]) and not is_coordination_start(tokens, indices, first_index, grammar):
        # after fronted subordinate clauses the verb-first clause is the main clause itself
        fronted_only = all(c.kind == ClauseKind.SUBORDINATE for c in previous)
        return (ClauseKind.MAIN if fronted_only else ClauseKind.VERB_FIRST), None
    if has_zu_infinitive(words) and not has_finite_outside_zu(words):
        return ClauseKind.INFINITIVE, None
    return ClauseKind.MAIN, None


def is_relative_opening(words: list[Token], grammar: Language) -> bool:
    """A relative pronoun (or preposition + relative pronoun) opening a verb-final segment, or two verb-final
    parts coordinated ("das dort Stützpunkte hat und beide vereint": the tagger may read the last as a participle)."""
    if not opens_with_relative(words, grammar):
        return False
    if not is_verb_final(words, grammar):
        return False  # "die Regierung kündigte ... an", "der Hauptstadt": an article, not a relative pronoun
    # "räumte ein, die Ukraine beschossen zu haben": "haben" after "zu" is no finite verb
    return not (has_zu_infinitive(words) and not has_finite_outside_zu(words))


def opens_with_relative(words: list[Token], grammar: Language) -> bool:
    """A relative pronoun, alone or after a preposition, as the first word (tested first: it is cheap)."""
    if words[0].text.lower() in grammar.relative_pronouns | grammar.relative_indefinites:
        return True
    return len(words) > 1 and is_preposition(words[0]) and words[1].text.lower() in grammar.relative_pronouns


def is_verb_final(words: list[Token], grammar: Language) -> bool:
    """A dependent clause closed by its finite verb, also before a coordinated last part the tagger may read as a
    participle."""
    return ends_with_finite_verb(words) or finite_before_coordinator(words, grammar)


def finite_before_coordinator(words: list[Token], grammar: Language) -> bool:
    return any(is_finite(a) and b.text.lower() in grammar.clause_coordinators for a, b in pairwise(words))


def continues_main_clause(
    tokens: list[Token], indices: list[int], first_index: int, previous: list[Clause], grammar: Language
) -> bool:
    """A verb-first segment with a linking adverb right after its verb ("..., kritisierte aber die USA") that
    follows a main clause of the sentence in the same mood and not closed by a quote: the second half of a
    coordination without "und", sharing the first half's subject. A postposed "..., sagte jedoch X" reports
    in the indicative what was said before it in quotes or in Konjunktiv I."""
    words = [tokens[i - first_index] for i in indices]
    if len(words) < 3 or words[1].text.lower() not in grammar.asyndetic_links:
        return False
    before = tokens[indices[0] - first_index - 2] if indices[0] - first_index >= 2 else None
    main = next((c for c in reversed(previous) if c.kind == ClauseKind.MAIN), None)
    if main is None or (before is not None and before.text in grammar.quote_marks):
        return False
    reported = any(tokens[i - first_index].text.lower() in grammar.subjunctive_one for i in main.tokens)
    return reported == (words[0].text.lower() in grammar.subjunctive_one)


def is_coordination_start(tokens: list[Token], indices: list[int], first_index: int, grammar: Language) -> bool:
    return tokens[indices[0] - first_index].text.lower() in grammar.coordinators


def is_verb_second(words: list[Token]) -> bool:
    """'Damit wolle X nur ablenken', 'Da griff Russland an': a finite verb right after the opener, far from the
    segment's end, makes the opener an adverb of a main clause; a dependent clause closes on its verb."""
    return len(words) > 1 and is_finite(words[1]) and not ends_with_finite_verb(words)


def ends_with_finite_verb(words: list[Token]) -> bool:
    """Verb-final clause: a finite verb among the last three words (before a particle or punctuation)."""
    return any(is_finite(w) for w in without_punctuation(words)[-3:])


def has_zu_infinitive(words: list[Token]) -> bool:
    return any(w.pos == "VVIZU" for w in words) or any(
        a.pos == "PTKZU" and b.pos.startswith(("VV", "VA", "VM")) for a, b in pairwise(words)
    )


def has_finite_outside_zu(words: list[Token]) -> bool:
    """A finite verb, not counting one right after "zu" (no finite verb follows "zu": in "verlegt zu haben"
    the tagger's finite "haben" is the perfect infinitive)."""
    return any(is_finite(w) and not (i and words[i - 1].pos == "PTKZU") for i, w in enumerate(words))


def has_finite_verb(tokens: list[Token], indices: list[int], first_index: int) -> bool:
    return any(is_finite(tokens[i - first_index]) for i in indices)


def segment_clauses(tokens: list[Token], first_index: int, grammar: Language) -> list[Clause]:
    """Clauses of one sentence; `tokens` are the sentence's tokens starting at article index `first_index`."""
    clauses: list[Clause] = []
    loose: tuple[int, list[int]] | None = None  # a verbless fragment put after a complete clause, and where
    infinitive_hosts: dict[int, int] = {}  # infinitive clause -> the clause it depends on, where known
    resumed: int | None = None  # the clause an inserted "sagte X" interrupted
    segments = split_segments(tokens, first_index, grammar)
    for number, indices in enumerate(segments):
        kind, opener = classify_segment(tokens, indices, first_index, clauses, grammar)
        coordinated = tokens[indices[0] - first_index].text.lower() in grammar.coordinators
        if kind == ClauseKind.VERB_FIRST and continues_main_clause(tokens, indices, first_index, clauses, grammar):
            kind, coordinated = ClauseKind.MAIN, True  # "räumte Fehler ein, kritisierte aber die USA"
        fragment = kind == ClauseKind.MAIN and not coordinated and not has_finite_verb(tokens, indices, first_index)
        if fragment and clauses and all(c.kind == ClauseKind.SUBORDINATE for c in clauses):
            # "Während X ..., besucht seine Frau ...": after a fronted clause the verb comes first
            fragment = not is_verb(tokens[indices[0] - first_index])
        if clauses and fragment:
            # an apposition, or the rest of a clause after one, continues the clause it belongs to
            host = host_after_closed_clause(clauses, tokens, first_index)
            loose = (host, list(indices)) if is_complete(clauses[host], tokens, first_index) else None
            clauses[host].tokens.extend(indices)
            continue
        host = interrupted_host(clauses, tokens, first_index) if resumed is None else resumed
        inserted = kind == ClauseKind.VERB_FIRST and continues_after(segments, number, tokens, first_index)
        resumed = host if inserted else None  # the clause the segment after the insert goes on with
        if host is not None and kind in (ClauseKind.MAIN, ClauseKind.VERB_FIRST) and not coordinated and not inserted:
            clauses[host].tokens.extend(indices)  # the rest of a clause interrupted by a relative clause or an insert
            continue
        between = clauses[loose[0] + 1 :] if loose else []
        if kind == ClauseKind.INFINITIVE and between and all(c.kind == ClauseKind.RELATIVE for c in between):
            # "bereit, die Sanktionen, die ... verhängt wurden, aufzuheben": the infinitive's object stood
            # before the relative clause that interrupts it
            host, opening = loose
            clauses[host].tokens = [i for i in clauses[host].tokens if i not in opening]
            indices = [*opening, *indices]
            infinitive_hosts[len(clauses)] = host
        if kind != ClauseKind.RELATIVE:
            loose = None
        clauses.append(Clause(kind, list(indices), opener, coordinated=coordinated, grammar=grammar))
    link_parents(clauses)
    for index, host in infinitive_hosts.items():
        clauses[index].parent = host
    return clauses


def continues_after(segments: list[list[int]], number: int, tokens: list[Token], first_index: int) -> bool:
    """A verb-first segment set between commas inside a clause that still lacks its verb, which the next
    segment brings: "Russland, sagte Scholz, habe ... angegriffen" ("sagte Scholz" is inserted)."""
    if number + 1 >= len(segments) or number == 0:
        return False
    return is_finite(tokens[segments[number + 1][0] - first_index])


def is_complete(clause: Clause, tokens: list[Token], first_index: int) -> bool:
    """A main clause is complete with its finite verb; a dependent one when it ends with a verb."""
    words = [tokens[i - first_index] for i in clause.tokens]
    if clause.kind == ClauseKind.MAIN:
        return any(is_finite(w) for w in words)
    content = without_punctuation(words)
    return bool(content) and is_verb(content[-1])


def interrupted_host(clauses: list[Clause], tokens: list[Token], first_index: int) -> int | None:
    """The clause still waiting for its finite verb, if only dependent clauses follow it."""
    for index in range(len(clauses) - 1, -1, -1):
        clause = clauses[index]
        if clause.kind in (ClauseKind.MAIN, ClauseKind.SUBORDINATE):
            return None if is_complete(clause, tokens, first_index) else index
        if clause.kind == ClauseKind.VERB_FIRST:
            return None
    return None


def host_after_closed_clause(clauses: list[Clause], tokens: list[Token], first_index: int) -> int:
    """Where a verbless fragment goes: the last clause, unless that is a finished relative clause."""
    last = clauses[-1]
    words = [tokens[i - first_index] for i in last.tokens]
    if last.kind != ClauseKind.RELATIVE or not is_verb_final(words, last.grammar):
        return len(clauses) - 1
    for index in range(len(clauses) - 2, -1, -1):
        if clauses[index].kind != ClauseKind.RELATIVE:
            return index
    return len(clauses) - 1


def link_parents(clauses: list[Clause]) -> None:
    """Dependent clauses hang on the nearest clause before them that can govern them."""
    for index, clause in enumerate(clauses):
        if clause.kind == ClauseKind.MAIN and not clause.coordinated:
            continue
        if clause.kind == ClauseKind.VERB_FIRST:
            continue  # a postposed "sagte X" governs what precedes it; attribution handles that
        for candidate in range(index - 1, -1, -1):
            if clauses[candidate].kind != ClauseKind.VERB_FIRST or clause.kind != ClauseKind.MAIN:
                clause.parent = candidate
                break


NON_FINITE_TAGS = ("VVPP", "VVINF", "VVIZU")  # verbs that close a verb-final conjunct before "und"


def conjunct_bounds(token: int, clause: Clause, tokens: list[Token]) -> tuple[int, int] | None:
    """(first, last) token of the verb-final conjunct of the clause that holds `token`; None when the clause
    coordinates no verb-final conjuncts ("hat X angegriffen und Y gedroht": 'und' after a participle)."""
    coordinators = clause.grammar.clause_coordinators
    cuts = [
        i for i in clause.tokens[1:] if tokens[i - 1].pos in NON_FINITE_TAGS and tokens[i].text.lower() in coordinators
    ]
    if not cuts:
        return None
    low = max((cut for cut in cuts if cut < token), default=clause.first)
    return low, min((cut for cut in cuts if cut > token), default=clause.last)
