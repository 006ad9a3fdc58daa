"""Named-entity recognition: PER, LOC, ORG and LOCderiv spans.

Small spaCy models (data/models/ner-de/, trained by scripts/train_ner.py on GermEval 2014)
label words already tokenised, reading beside each word HanTa's tag, a lexicon mark and the
word's frequency (name_features); with several models (an ensemble, one NER component each), a
span needs the vote of more than half of them. The rules of name_rules may then correct and
complete the spans (RULE_FILL_KINDS, RELABEL_KNOWN_NAMES). `find_names` runs this over an
article's sentences and maps the spans back to character offsets in `Article.text`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from lagebild.document import Article, Entity
from lagebild.entities.germeval import bio_spans, span_labels
from lagebild.entities.name_features import WORD_CACHE_SIZE, frequency_classes, lexicon_marks
from lagebild.entities.name_rules import merge_labels, relabel_known_names, rule_labels

MODEL_PATH = "data/models/ner-de"
# What the model embeds per word: spaCy's lexical attributes, HanTa's tag in TAG, the lexicon
# mark of name_features in LEMMA and its frequency class in MORPH (slots otherwise unused by the model).
FEATURE_ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "LEMMA", "MORPH")
# How the rules of name_rules combine with the model, chosen on held-out GermEval data
# (bench/ner_germeval.py --method): classes whose rule names fill the model's gaps, and whether
# a model span that is exactly one known name takes that name's class.
RULE_FILL_KINDS: tuple[str, ...] = ("ORG", "PER")  # = model alone on held-out data (±0.001), adds known actors
RELABEL_KNOWN_NAMES = False
BATCH_SIZE = 64


@cache
def load_ner_model() -> Language:
    import spacy

    with resources.as_file(resources.files("lagebild").joinpath(MODEL_PATH)) as path:
        return spacy.load(path)


@cache
def load_word_tagger() -> Callable[[str], str]:
    """HanTa's context-free STTS tag of a word, as language.py gives it: 'NE' marks known names."""
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")

    @lru_cache(maxsize=WORD_CACHE_SIZE)
    def word_tag(word: str) -> str:
        return tagger.analyze(word, taglevel=1)[1].replace("(", "").replace(")", "")

    return word_tag


def word_tags(words: list[str]) -> list[str]:
    word_tag = load_word_tagger()
    return [word_tag(word) for word in words]


def make_doc(nlp: Language, words: list[str], tags: list[str] | None = None) -> Doc:
    """A Doc of the words with the features the model reads; tags are computed when not given."""
    tags = word_tags(words) if tags is None else tags
    return Doc(nlp.vocab, words=words, tags=tags, lemmas=lexicon_marks(words), morphs=frequency_classes(words))


def doc_labels(doc: Doc) -> list[str]:
    return [f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in ("B", "I") else "O" for token in doc]


def label_sentences(
    sentences: list[tuple[list[str], list[str]]],
    fill_kinds: tuple[str, ...] = RULE_FILL_KINDS,
    relabel: bool = RELABEL_KNOWN_NAMES,
    nlp: Language | None = None,
) -> list[list[str]]:
    """BIO labels for each (words, tags) pair: the models' vote, combined with the rules as asked."""
    nlp = load_ner_model() if nlp is None else nlp
    docs = [make_doc(nlp, words, tags) for words, tags in sentences]
    per_model = [model_labels(component, docs) for _, component in nlp.pipeline]
    return [
        combine_with_rules(doc, voted_labels(list(labels)), fill_kinds, relabel)
        for doc, *labels in zip(docs, *per_model, strict=True)
    ]


def model_labels(component: Pipe, docs: list[Doc]) -> list[list[str]]:
    """One NER component's labels for copies of the docs (each model of an ensemble sees clean docs)."""
    return [doc_labels(doc) for doc in component.pipe((doc.copy() for doc in docs), batch_size=BATCH_SIZE)]


def voted_labels(labels_per_model: list[list[str]]) -> list[str]:
    """The spans that more than half of the models found; two such spans never overlap."""
    votes = Counter(span for labels in labels_per_model for span in bio_spans(labels))
    labels = ["O"] * len(labels_per_model[0])
    for (start, end, kind), count in votes.items():
        if 2 * count > len(labels_per_model):
            labels[start:end] = span_labels(kind, end - start)
    return labels


def combine_with_rules(doc: Doc, labels: list[str], fill_kinds: tuple[str, ...], relabel: bool) -> list[str]:
    marks = [token.lemma_ for token in doc]
    if relabel:
        labels = relabel_known_names(labels, marks)
    if fill_kinds:
        words, tags = [token.text for token in doc], [token.tag_ for token in doc]
        labels = merge_labels(labels, rule_labels(words, tags, marks), fill_kinds)
    return labels


def tag_tokens(words: list[str]) -> list[str]:
    """BIO labels (B-PER, I-LOC, ..., O) for one sentence of words."""
    if not words:
        return []
    return label_sentences([(words, word_tags(words))])[0]


def find_names(article: Article) -> list[Entity]:
    """PER, LOC, ORG and LOCderiv spans of an article whose tokens and sentences are set."""
    sentences = [article.sentence_tokens(sentence) for sentence in article.sentences]
    inputs = [([t.text for t in tokens], [t.pos for t in tokens]) for tokens in sentences if tokens]
    entities = []
    for tokens, labels in zip([s for s in sentences if s], label_sentences(inputs), strict=True):
        for first, last, kind in sorted(bio_spans(labels)):
            start, end = tokens[first].start, tokens[last - 1].end
            entities.append(Entity(start=start, end=end, text=article.text[start:end], label=kind))
    return entities
