"""Language layer: language identification, tokens, sentences, POS tags and lemmas.

All offline: spaCy's rule-based German tokenizer (no model), HanTa's packaged German
morphology model for lemma and STTS tag, py3langid's packaged model for the language.
"""

from __future__ import annotations

from functools import cache, lru_cache

from lagebild.clauses import is_preposition
from lagebild.document import Article, Block, Sentence, Token
from lagebild.lang import DEFAULT_LANGUAGE, Language, load_language

LANGUAGE_ID_CHARS = 600  # a paragraph: enough for a reliable decision; the classifier costs ~0.1 ms per 100 characters
MIN_WORDS_FOR_LANGUAGE_ID = 8
MIN_GERMAN_SHARE = 0.15  # below this, identification guesses; a German default is safer
WORD_CACHE_SIZE = 300_000  # word types seen by one worker; HanTa costs ~0.4 ms per new type
TOKEN_COLUMNS = ["IDX", "LENGTH", "IS_SPACE", "SPACY"]  # spaCy attributes: offset, length, space token, space after
# HanTa's cost grows with the square of a word's length (40 letters ~25 ms, 1,000 ~9 s). German words
# are shorter (the longest in our corpora has 29 letters); a longer "word" (a URL, a row of dashes)
# is analysed by its last TAGGED_TAIL_CHARS characters, the head of a compound.
MAX_TAGGED_CHARS = 40
TAGGED_TAIL_CHARS = 24
# Later stages look up a word's every ending (compound heads), which costs the square of its length:
# a longer run of characters (a 10,000-letter "word") becomes tokens of this length.
MAX_TOKEN_CHARS = 64
MAX_SENTENCE_TOKENS = 150  # a text without punctuation (a transcript) is cut into sentences of this length


def identify_language(text: str, expected: str = DEFAULT_LANGUAGE) -> str:
    """ISO 639-1 code of the text's language; the expected language (German) when the text is too
    short to tell.

    The classifier takes short German texts for Luxembourgish, its nearest neighbour; a text
    whose own function words are German is German."""
    import py3langid

    words = text[:LANGUAGE_ID_CHARS].split()
    if len(words) < MIN_WORDS_FOR_LANGUAGE_ID:
        return expected
    language, _ = py3langid.classify(text[:LANGUAGE_ID_CHARS])
    own = load_language(expected)
    if language in own.neighbours and function_word_share(words, own) >= MIN_GERMAN_SHARE:
        return expected
    return language


def function_word_share(words: list[str], language: Language) -> float:
    return sum(word.lower() in language.function_words for word in words) / len(words)


class LanguageIdStage:
    name = "language_id"
    requires = ("text",)
    assigns = ("lang",)

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        import py3langid

        self.language = load_language(language).code
        py3langid.classify("")  # the classifier loads its model on first use (~0.5 s): here, not in each worker

    def __call__(self, article: Article) -> Article:
        article.lang = identify_language(article.text, self.language)
        return article


class LanguageStage:
    """Tokens with offsets, sentences inside blocks, STTS tags and lemmas."""

    name = "language"
    requires = ("blocks",)
    assigns = ("tokens", "sentences")

    def __init__(self) -> None:
        from HanTa import HanoverTagger

        self.tokenizer = german_tokenizer()
        self.grammar = load_language()
        tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        self.analyze = lru_cache(maxsize=WORD_CACHE_SIZE)(lambda word: lemma_and_tag(tagger, word))

    def __call__(self, article: Article) -> Article:
        article.tokens, article.sentences = [], []
        for block_index, block in enumerate(article.blocks):
            tokens = self.tokenize_block(article.text, block)
            first = len(article.tokens)
            article.tokens.extend(tokens)
            for start, end in split_sentences(tokens):
                sentence_tokens = article.tokens[first + start : first + end]
                self.retag_closed_class_opener(sentence_tokens)
                present_lookalikes(sentence_tokens, self.grammar)
                infinitives_after_zu(sentence_tokens)
                article.sentences.append(
                    Sentence(
                        start=sentence_tokens[0].start,
                        end=sentence_tokens[-1].end,
                        first_token=first + start,
                        last_token=first + end,
                        block=block_index,
                    )
                )
        return article

    def retag_closed_class_opener(self, tokens: list[Token]) -> None:
        """A closed-class word that opens the sentence ("Von Russland angegriffene Städte ...") gets the
        lemma and tag of its lowercase form when the tagger took the capitalised word for a name or noun."""
        first = next((t for t in tokens if t.text not in self.grammar.opening_marks), None)
        if first is not None and first.pos in ("NE", "NN") and first.text.lower() in self.grammar.initial_closed_class:
            first.lemma, first.pos, _ = self.analyze(first.text.lower())

    def tokenize_block(self, text: str, block: Block) -> list[Token]:
        block_text = text[block.start : block.end]
        # offsets, lengths and flags as one array: creating spaCy's Token objects cost more than tokenizing
        columns = self.tokenizer(block_text).to_array(TOKEN_COLUMNS).tolist()
        tokens = []
        analyze, base = self.analyze, block.start
        for offset, length, is_space, space_after in columns:
            if is_space:
                continue
            if length <= MAX_TOKEN_CHARS:  # nearly every token: one piece, the loop below without its arithmetic
                word = block_text[offset : offset + length]
                lemma, tag, verb = analyze(word)
                start = base + offset
                tokens.append(Token(word, start, start + len(word), lemma, tag, bool(space_after), verb))
                continue
            for piece in range(offset, offset + length, MAX_TOKEN_CHARS):
                word = block_text[piece : min(piece + MAX_TOKEN_CHARS, offset + length)]
                lemma, tag, verb = self.analyze(word)
                start = block.start + piece
                last = piece + MAX_TOKEN_CHARS >= offset + length
                space = bool(space_after) if last else False
                tokens.append(Token(word, start, start + len(word), lemma, tag, space, verb))
        return tokens


@cache
def german_tokenizer():  # -> spacy.tokenizer.Tokenizer (spaCy is imported only when it is needed)
    """spaCy's rule-based German tokenizer, built once per process (it takes ~0.5 s)."""
    import spacy

    return spacy.blank("de").tokenizer


def lemma_and_tag(tagger: object, word: str) -> tuple[str, str, str]:
    """HanTa's lemma and STTS tag of one word, the tag without HanTa's brackets ("(VVFIN)"), and for
    an adjective that is a participle ("festgenommene" -> "festgenommen") the verb it comes from.

    A word longer than MAX_TAGGED_CHARS is tagged by its tail; its lemma is its head plus the tail's lemma."""
    if len(word) > MAX_TAGGED_CHARS:
        head, tail = word[:-TAGGED_TAIL_CHARS], word[-TAGGED_TAIL_CHARS:]
        lemma, tag, _ = lemma_and_tag(tagger, tail[0].upper() + tail[1:] if head[0].isupper() else tail)
        return head + tail[0] + lemma[1:], tag, ""
    lemma, tag = tagger.analyze(word, taglevel=1)  # type: ignore[attr-defined]
    tag = tag.replace("(", "").replace(")", "")
    verb = ""
    if tag in ("ADJA", "ADJD") and lemma != word:
        verb_lemma, lemma_tag = tagger.analyze(lemma, taglevel=1)  # type: ignore[attr-defined]
        verb = verb_lemma if lemma_tag == "VV(PP)" else ""
    return lemma, tag, verb


PARTICIPLE, FINITE = "VVPP", "VVFIN"


def present_lookalikes(tokens: list[Token], grammar: Language) -> None:
    """Retag as finite the present-tense verbs HanTa took for participles. HanTa tags each word out of
    context, and the third person present of a verb without ge- participle has the participle's form
    ("Moskau verurteilt den Angriff", "Kiew kritisiert Berlin", "Russland begeht Verbrechen"). In a
    stretch between clause breaks without a finite verb, such a word (stem + t) with words before and
    after it is the finite verb; a participle that ends its stretch stays one (the headline passive
    "Journalist in Moskau verhaftet"), as does one that opens it (", unterstützt von der Armee,")."""
    stretch: list[Token] = []
    for token in [*tokens, None]:
        if token is None or token.text in grammar.segment_breaks or token.text in grammar.quote_marks:
            retag_stretch(stretch, grammar)
            stretch = []
        else:
            stretch.append(token)


def retag_stretch(stretch: list[Token], grammar: Language) -> None:
    words = [t for t in stretch if t.pos not in ("$.", "$,", "$(")]
    if any(t.pos.endswith("FIN") or t.pos.startswith(("VA", "VM")) for t in words):
        participle_lookalikes(words)
        return  # a finite verb, or an auxiliary the tagger left infinite ("dass ... trainiert werden")
    for position, token in enumerate(words[1:-1], start=1):
        following = words[position + 1]
        if token.pos == PARTICIPLE and is_present_form(token) and following.pos != "PTKVZ":
            token.pos = FINITE
            return
        if is_preterite_lookalike(token, following, words[:position], grammar):
            token.pos, token.lemma = FINITE, token.verb  # the verb HanTa read the participle of
            return


def participle_lookalikes(words: list[Token]) -> None:
    """The converse: HanTa reads some participles without ge- as the present ("attackiert", "mobilisiert").
    Beside a finite auxiliary or modal, such a word (stem + t) before another auxiliary or closing the stretch
    is the participle ("seien von Angreifern attackiert worden", "hat Reservisten mobilisiert")."""
    if not any(t.pos in ("VAFIN", "VMFIN") for t in words):
        return
    for token, following in zip(words, [*words[1:], None], strict=True):
        closing = following is None or following.pos.startswith("VA")
        if token.pos == FINITE and closing and is_present_form(token):
            token.pos = PARTICIPLE


def infinitives_after_zu(tokens: list[Token]) -> None:
    """Retag as infinitive an -en word after the infinitive particle that HanTa took for an attributive
    adjective ("sich weigern, den Plan zu billigen": billig): an attributive adjective needs a noun after it,
    and this one closes its clause."""
    for particle, word, following in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False):
        closes = following is None or following.pos.startswith("$") or following.pos == "KON"
        adjective_en = word.pos == "ADJA" and word.text.islower() and word.text.endswith("en")
        if particle.pos == "PTKZU" and adjective_en and closes:
            word.pos, word.lemma, word.verb = "VVINF", word.text, ""


# What an attributive adjective stands before: a preterite HanTa took for an inflected participle ("Am
# Donnerstag eskalierten dort die Kämpfe", "In Genf verhandelten Armenien und Aserbaidschan") is the verb
# when none of these follows, or right after a fronted phrase in a stretch without another finite verb.
ATTRIBUTE_HEADS = ("NN", "NE", "ADJA", "ADJD", "CARD", "TRUNC")


def is_preterite_lookalike(token: Token, following: Token, before: list[Token], grammar: Language) -> bool:
    """An inflected participle of a known verb with a preterite ending, not before a noun or right after a
    fronted phrase: the stretch's finite verb."""
    if token.pos != "ADJA" or not token.verb or not token.text.endswith(grammar.past_endings):
        return False
    return following.pos not in ATTRIBUTE_HEADS or is_fronted_phrase(before)


FRONTED_PHRASE_TAGS = ("ART", "ADJA", "CARD", "NN", "NE")  # after the preposition: "Am Montag", "In der Stadt X"


def is_fronted_phrase(words: list[Token]) -> bool:
    """One prepositional phrase before the verb's place ("In Genf verhandelten ...", "Am Dienstag
    attackierten ..."): a preposition, then its article, adjectives, numbers and nouns; its noun may
    carry a phrase of its own ("Nach Gesprächen in Riad vereinbarten ...", "Mit einem Handschlag in Genf")."""
    starts = [n for n, t in enumerate(words) if is_preposition(t)]
    if not starts or starts[0] != 0:
        return False
    pieces = [words[a:b] for a, b in zip(starts, [*starts[1:], len(words)], strict=True)]
    return all(
        len(piece) >= 2 and piece[-1].pos in ("NN", "NE") and all(t.pos in FRONTED_PHRASE_TAGS for t in piece[1:])
        for piece in pieces
    )


def verb_stem(lemma: str) -> str:
    """The stem a regular verb's endings attach to: 'verurteil' of verurteilen, 'verhandel' of verhandeln."""
    lemma = lemma.lower()
    return lemma[:-2] if lemma.endswith("en") else lemma[:-1]


def is_present_form(token: Token) -> bool:
    """'verurteilt' of verurteilen, 'ermordet' of ermorden, 'verhandelt' of verhandeln: stem + (e)t."""
    stem = verb_stem(token.lemma)
    return token.text.lower() in (stem + "t", stem + "et")


def split_sentences(tokens: list[Token]) -> list[tuple[int, int]]:
    """(first, last-exclusive) token indices of each sentence in one block.

    A sentence ends at terminal punctuation (with any closing quotes after it) when the
    next token opens a new sentence: capitalised, a digit or an opening quote; and after
    MAX_SENTENCE_TOKENS tokens without such an end, so that no stage sees an unbounded sentence.
    A number with its full stop ("2023.") ends a sentence as decided by `is_number_ending_sentence`.
    """
    grammar = load_language()
    bounds, start, index = [], 0, 0
    while index < len(tokens):
        if index - start == MAX_SENTENCE_TOKENS:
            bounds.append((start, index))
            start = index
        if tokens[index].text in grammar.sentence_end or is_number_word(tokens[index].text):
            end = index + 1
            while end < len(tokens) and tokens[end].text in grammar.closing_marks:
                end += 1
            if end == len(tokens) or (
                opens_sentence(tokens[end].text) and is_sentence_end(tokens, index, tokens[end], grammar)
            ):
                bounds.append((start, end))
                start, index = end, end
                continue
        index += 1
    if start < len(tokens):
        bounds.append((start, len(tokens)))
    return bounds


def is_number_word(word: str) -> bool:
    return word.endswith(".") and word[:-1].isdigit()


def is_sentence_end(tokens: list[Token], index: int, following: Token, grammar: Language) -> bool:
    """Whether the stop at `index`, before the capitalised `following`, ends the sentence."""
    word = tokens[index].text
    if not is_number_word(word):
        return True
    before = tokens[index - 1] if index > 0 else None
    return is_number_ending_sentence(word, before, following, grammar)


def is_number_ending_sentence(word: str, before: Token | None, following: Token, grammar: Language) -> bool:
    """'im Januar 2009. Zugleich ...', 'auf 20. Die Polizei ...': the number's full stop ends the sentence.

    German writes an ordinal as a number with a full stop ("am 3. Spieltag", "die 68. Internationalen
    Filmfestspiele"); an ordinal stands before its noun or adjective, never before an article, pronoun,
    conjunction or adverb, so such a word after the stop opens a new sentence whatever the number. Before a
    noun or adjective the number ends a sentence only when it is too large for a day (a year, a count) and
    no determiner stands before it ("zum 75. Jahrestag" is an ordinal; "im Jahr 2023. Soldaten ..." ends)."""
    if following.pos in grammar.sentence_opener_tags:
        return True
    if int(word[:-1]) <= 31:
        return False  # a day before its month ("am 3. Mai") or a small ordinal ("der 5. Panzerdivision")
    return before is None or before.pos not in grammar.ordinal_determiner_tags


def opens_sentence(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or word in load_language().opening_marks
