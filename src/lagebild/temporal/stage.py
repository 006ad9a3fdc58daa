"""The temporal stage: every temporal expression of an article as a day interval."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date

from lagebild.calendar_de import find_full_date
from lagebild.clauses import stretch_around
from lagebild.document import Article, BlockKind, ClauseKind, Sentence, TimeExpression, Timex, Token
from lagebild.lang import DEFAULT_LANGUAGE, load_language
from lagebild.temporal.expressions import Named, Scope, resolve_mentions, shifted
from lagebild.temporal.grammar import Mention, find_mentions, load_grammar
from lagebild.temporal.intervals import Tense
from lagebild.temporal.mentions import WeekdayRef
from lagebild.temporal.tense import (
    attribute_tense,
    clause_tense,
    governs_plan,
    in_pluperfect,
    is_aim,
    is_preterite,
    scheduling_verb_end,
)
from lagebild.temporal.vocabulary import load_vocabulary

POSTPONED_TO = re.compile(r"\bauf\s+(?:den\s+)?$", re.I)
DEADLINE = re.compile(r"\bbis\s+(?:(?:zum|zur|spätestens)\s+)?$", re.I)
WARNED_OF = re.compile(r"\b(?:vor|für)\s[^.;!?]*$", re.I)  # a "vor" or "für" before the time in its sentence
PLANNED_FOR = re.compile(r"\bfür\s+(?:(?:den|die|das)\s+)?$", re.I)  # the time a plan is for ("für Sonntag")
# "ab" opening a time: a start ahead in a present clause, unless it is one in the past ("gilt rückwirkend ab")
STARTS_FROM = re.compile(
    r"(?<!rückwirkend\s)\bab\s+(?:(?:dem|der|den|kommendem|kommender|nächstem|nächster)\s+)?$", re.I
)
NOUN_DATED = re.compile(r"\b\w+\s+vom\s+$", re.I)  # "die Entscheidung vom Donnerstag": the day a noun's act was
RANGE_GOES_ON = re.compile(r"\s*(?:bis|-|–)\s", re.I)
HEADING_BLOCKS = {BlockKind.PARAGRAPH, BlockKind.DATE}  # a day heading with its year reads as a date line
HEADING_MARKS = " ,.:;-–—+*#|"  # what may stand around a day heading


class TemporalStage:
    """Finds temporal expressions block by block and sets `article.times` (those with a day
    interval, spans with their preposition) and `article.timexes` (every TIMEX3).

    Anchors: the article's reference date (dateline, else publication); a photo caption that
    states a full date is dated by it, a block under a day heading of a chronology by that day
    (`day_headings`). Anaphoric words ("am Vortag") count from the last single day named in the
    same or the previous sentence (which may end the paragraph before), or earlier in
    the paragraph a day of the week up to the anchor, skipping days of the background (pluperfect);
    in a past clause with none, the last such day of the article (`expressions.context_for`,
    `on_report_line`). Without a reference date nothing is found.
    """

    name = "temporal"
    requires = ("sentences", "clauses")
    assigns = ("times", "timexes")

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.grammar = load_grammar(language)
        self.vocabulary = load_vocabulary(language)
        self.language = load_language(language)

    def __call__(self, article: Article) -> Article:
        article.times, article.timexes = [], []
        anchor = article.reference_date
        if anchor is None:
            return article
        self.resolve_blocks(article, anchor, {})
        if headed := heading_anchors(article):  # a chronology by day: rare, so resolved a second time
            self.resolve_blocks(article, anchor, headed)
        self.date_headline_weekdays(article)
        return article

    def resolve_blocks(self, article: Article, anchor: date, headed: dict[int, date]) -> None:
        """Every block's times, each block anchored at `anchor` or at the day of the heading it stands under."""
        article.times, article.timexes = [], []
        named: list[Named] = []  # what earlier blocks placed, for "im Jahr darauf" further on
        sentence_starts = [sentence.start for sentence in article.sentences]
        for index in range(len(article.blocks)):
            times, timexes = self.times_in_block(article, index, headed.get(index, anchor), named, sentence_starts)
            article.times.extend(times)
            article.timexes.extend(timexes)
        article.times.sort(key=lambda expression: (expression.start, expression.end))
        article.timexes.sort(key=lambda timex: (timex.start, timex.end))

    def date_headline_weekdays(self, article: Article) -> None:
        """A headline without a finite verb has no tense to place a weekday or weekend by; it sums up the lead, so
        its weekday is the one the article names next ("Streif-Abfahrt am Samstag" over "Die Abfahrt folgt am
        Samstag, 24. Jänner" is that Saturday, not the one gone by; "A7 am Wochenende gesperrt" over "am kommenden
        Wochenende")."""
        for block in article.blocks:
            if block.kind != BlockKind.HEADLINE or self.has_finite_verb(article, block.start, block.end):
                continue
            for index, expression in enumerate(article.times):
                word = headline_weekday(expression, block.start, block.end, self.vocabulary.weekdays)
                if word is None:
                    continue
                later = next((e for e in article.times[index + 1 :] if opens_with(e, word)), None)
                if later is not None and same_length(later, expression) and later.first_day != expression.first_day:
                    redate(article, expression, later)

    def has_finite_verb(self, article: Article, start: int, end: int) -> bool:
        return any(token.pos.endswith("FIN") for token in article.tokens if start <= token.start < end)

    def times_in_block(
        self, article: Article, block_index: int, anchor: date, named: list[Named], sentence_starts: list[int]
    ) -> tuple[list[TimeExpression], list[Timex]]:
        block = article.blocks[block_index]
        block_text = article.text[block.start : block.end]
        if block.kind == BlockKind.CAPTION and (stated := find_full_date(block_text)):
            anchor = stated[1]
        sentences = [sentence for sentence in article.sentences if sentence.block == block_index]
        cuts = [sentence.start - block.start for sentence in sentences]
        mentions = shifted(find_mentions(block_text, self.grammar, cuts), block.start)
        starts = [sentence.start for sentence in sentences]

        def sentence_index(mention: Mention) -> int | None:
            position = bisect.bisect_right(starts, mention.start) - 1
            return position if position >= 0 else None

        def tense_for(mention: Mention) -> Tense | None:
            position = sentence_index(mention)
            if position is None:
                return None
            if self.moved_ahead(article, sentences[position], mention.start):
                return Tense.FUTURE
            tense = self.tense_at(article, sentences[position], mention)
            if tense is Tense.PAST and self.fixed_ahead(article, sentences[position], mention.start):
                return Tense.FUTURE
            # a caption tells in the present what the photo shows, which was: "Demonstranten blockieren am Montag ..."
            return Tense.PAST if block.kind == BlockKind.CAPTION and tense == Tense.PRESENT else tense

        # the sentence before the block's first is the last of the block before ("1989 ... ¶ Drei Jahre später")
        before = bisect.bisect_left(sentence_starts, block.start) - 1
        block_earliest = sentence_starts[before] if before >= 0 else block.start

        def scope_of(mention: Mention) -> Scope:
            position = sentence_index(mention)
            if position is None:
                return Scope(block_earliest, block.start, block.start)
            earliest = sentences[position - 1].start if position > 0 else block_earliest
            background = in_pluperfect(article, sentences[position], mention.start, self.language)
            clause = article.clause_at(mention.start)
            first = clause.first if clause is not None else None
            relative = first if clause is not None and clause.kind == ClauseKind.RELATIVE else None
            return Scope(earliest, sentences[position].start, block.start, background, first, relative)

        return resolve_mentions(article.text, mentions, anchor, tense_for, scope_of, self.vocabulary, named)

    def promises(self, tokens: list[Token]) -> bool:
        """Does the sentence promise or plan something ("sagte ... zu", "versprach"), so that a deadline or a day
        it is for lies ahead of it? Not a plan participle ("war für März geplant") nor a pluperfect or passive
        past ("hatte bis Ende März 18 Panzer zugesagt"): they tell of a plan of its own time, which the clause's
        tense places."""
        if any(token.text.lower() in self.vocabulary.plan_participles for token in tokens):
            return False
        if any(
            token.text.lower() in self.language.past_auxiliaries and is_preterite(token, self.vocabulary, self.language)
            for token in tokens
        ):
            return False
        return governs_plan(tokens, self.vocabulary, self.language)

    def reports(self, stretch: list[Token]) -> bool:
        """Is the clause reported speech in the present subjunctive ("der Krieg sei bis Weihnachten vorbei")?"""
        return any(token.text.lower() in self.vocabulary.reported_speech_forms for token in stretch)

    def moved_ahead(self, article: Article, sentence: Sentence, offset: int) -> bool:
        """Is the time at `offset` where something is moved to ("auf den 9. Dezember vertagt") or what it is
        made to last until ("bis zum 5. Juni verlängert")? Either lies ahead, whatever the tense."""
        postponed = POSTPONED_TO.search(article.text, max(sentence.start, offset - 9), offset)
        extended = DEADLINE.search(article.text, max(sentence.start, offset - 18), offset)
        if not (postponed or extended):
            return False
        lemmas = {token.lemma.lower() for token in article.sentence_tokens(sentence) if token.pos.startswith("V")}
        verbs = (self.vocabulary.postponement_verbs if postponed else frozenset()) | (
            self.vocabulary.extension_verbs if extended else frozenset()
        )
        return bool(lemmas & verbs)

    def fixed_ahead(self, article: Article, sentence: Sentence, offset: int) -> bool:
        """Is the time at `offset` the day a thing is fixed for, after the verb that fixes it ("setzte einen neuen
        Termin an, den 5. Mai")? It lies ahead, though told in the past."""
        fixed = scheduling_verb_end(article.sentence_tokens(sentence), self.vocabulary, self.language)
        return fixed is not None and fixed <= offset

    def dates_noun(self, article: Article, tokens: list[Token], first: int, mention: Mention) -> bool:
        """'Auslöser ist die Entscheidung der Regierung vom Donnerstag': a day after 'vom' that dates the noun
        before it names when its act was, whatever the clause's tense; not the start of a range ('vom 3. bis
        5. Juni')."""
        text = article.text
        if first < 2 or not NOUN_DATED.search(text, max(0, mention.start - 30), mention.start):
            return False
        return tokens[first - 2].pos in self.language.noun_tags and not RANGE_GOES_ON.match(text, mention.end)

    def warns_of(self, article: Article, sentence: Sentence, tokens: list[Token], mention: Mention) -> bool:
        """Is the time what a warning of its sentence is about: after its "vor" or "für" ("warnte am Mittwoch vor
        Hagel, vor allem am Donnerstag")? Not the time before them, which dates the warning itself."""
        if not any(token.lemma.lower() in self.vocabulary.warning_verbs for token in tokens):
            return False
        own_for = article.text[mention.start : mention.start + 4].lower() == "für "  # "für die Nacht" holds its "für"
        return own_for or WARNED_OF.search(article.text, sentence.start, mention.start) is not None

    def in_present_perfect(self, stretch: list[Token]) -> bool:
        """Is the clause a present perfect ("hat ... verhängt", "ist ... gesperrt worden"), not a preterite or
        pluperfect?"""
        return any(t.pos == "VAFIN" and t.text.lower() in self.language.perfect_auxiliaries for t in stretch)

    def tense_at(self, article: Article, sentence: Sentence, mention: Mention) -> Tense | None:
        tokens = article.sentence_tokens(sentence)
        if not tokens:
            return None
        first = next((i for i, token in enumerate(tokens) if token.end > mention.start), len(tokens) - 1)
        after = next((i for i, token in enumerate(tokens) if token.start >= mention.end), len(tokens))
        attributed = attribute_tense(tokens, first, after, self.vocabulary, self.language)
        if attributed is not None:
            return attributed
        stretch = stretch_around(article, sentence, sentence.first_token + first)
        before = article.text[max(sentence.start, mention.start - 18) : mention.start]
        deadline = DEADLINE.search(before) is not None
        planned_for = article.text[mention.start : mention.start + 4].lower() == "für " or PLANNED_FOR.search(before)
        if self.dates_noun(article, tokens, first, mention):
            return Tense.PAST
        if deadline and is_aim(stretch, self.language):
            return Tense.FUTURE  # "sagte zu, die Panzer bis Ende März zu liefern"
        if (deadline or planned_for) and self.promises(tokens):
            return Tense.FUTURE  # "sagte die Lieferung bis März zu", "versprach eine Waffenruhe für Sonntag"
        tense = clause_tense(stretch, tokens, self.vocabulary, self.language)
        if tense is Tense.PRESENT and starts_from(article.text, sentence.start, mention):
            return Tense.FUTURE  # "die Grundsteuer steigt ab Januar": a start the present announces lies ahead
        if (
            tense is Tense.PAST
            and isinstance(mention.value, WeekdayRef)
            and starts_from(article.text, sentence.start, mention)
            and self.in_present_perfect(stretch)
        ):
            return Tense.FUTURE  # "hat das Wasser ab Montag rationiert": the start a decision set; one past is "seit"
        if tense is Tense.PAST and self.warns_of(article, sentence, tokens, mention):
            return Tense.FUTURE  # "hat für die Nacht zum Mittwoch vor Starkregen gewarnt"
        if tense is Tense.PRESENT and deadline and not self.reports(stretch):
            return Tense.FUTURE  # "der Takt gilt bis Ende Juni", written in September: the June ahead
        return tense


def day_headings(article: Article) -> list[TimeExpression]:
    """'Dienstag, 14. Mai ¶ ... ¶ Mittwoch, 15. Mai ¶ ...': a chronology or live ticker told by day heads each day's
    entries with a block that names only that day; what stands below it happens on it, up to the next heading.
    Only with two such blocks or more: a single date line gives the publication date."""
    headings = [time for time in article.times if heads_block(article, time)]
    return headings if len(headings) > 1 else []


def heads_block(article: Article, time: TimeExpression) -> bool:
    """Does `time` name one day and is it all its block says ("Mittwoch, 15. Mai", "Montag, 3. März 2025:")?"""
    if time.first_day != time.last_day:
        return False
    block = next((b for b in article.blocks if b.start <= time.start < b.end), None)
    if block is None or block.kind not in HEADING_BLOCKS:
        return False
    rest = article.text[block.start : time.start] + article.text[time.end : block.end]
    return not rest.strip(HEADING_MARKS)


def heading_anchors(article: Article) -> dict[int, date]:
    """The day each block under a day heading is told from (`day_headings`), by block index."""
    headings = day_headings(article)
    anchors: dict[int, date] = {}
    for index, block in enumerate(article.blocks):
        above = [time for time in headings if time.end <= block.start]
        if above:
            anchors[index] = above[-1].first_day
    return anchors


WEEKEND = "wochenende"


def headline_weekday(expression: TimeExpression, start: int, end: int, weekdays: dict[str, int]) -> str | None:
    """The weekday word of a single weekday's TIMEX3 ("am Samstag") inside [start, end), or "wochenende"."""
    if not (start <= expression.start < end) or len(expression.timexes) != 1:
        return None
    word = expression.timexes[0].text.lower()
    return word if word == WEEKEND or (word in weekdays and expression.first_day == expression.last_day) else None


def opens_with(expression: TimeExpression, word: str) -> bool:
    """Is the expression's TIMEX3 that weekday ("Samstag", "Samstag, 24. Jänner") or a weekend ("kommenden
    Wochenende")?"""
    if len(expression.timexes) != 1:
        return False
    text = expression.timexes[0].text.lower()
    return text.endswith(WEEKEND) if word == WEEKEND else text.split(",")[0] == word


def same_length(one: TimeExpression, other: TimeExpression) -> bool:
    return one.last_day - one.first_day == other.last_day - other.first_day


def redate(article: Article, expression: TimeExpression, later: TimeExpression) -> None:
    """Give a single weekday's or weekend's expression and its TIMEX3 the days and value of `later`."""
    old = expression.timexes[0]
    new = replace(old, value=later.timexes[0].value, first_day=later.first_day, last_day=later.last_day)
    expression.first_day, expression.last_day = later.first_day, later.last_day
    expression.timexes = (new,)
    article.timexes[article.timexes.index(old)] = new


def starts_from(text: str, sentence_start: int, mention: Mention) -> bool:
    """Does "ab" open the time ("ab Januar", "ab dem 1. Juli")?"""
    opens = text[mention.start : mention.start + 3].lower() == "ab "  # "ab Sommer" holds its "ab"
    before = text[max(sentence_start, mention.start - 24) : mention.start + (3 if opens else 0)]
    return STARTS_FROM.search(before) is not None
