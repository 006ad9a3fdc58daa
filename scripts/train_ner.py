"""Train the spaCy NER model shipped in src/lagebild/data/models/ner-de/ from GermEval 2014.

    python scripts/train_ner.py --train dev test-a --out src/lagebild/data/models/ner-de
    python scripts/train_ner.py --train dev --evaluate test-a --out /tmp/ner-dev

Reads ../shared/corpus/germeval2014/NER-de-{name}.tsv. A fixed seed and one thread make
reruns repeat; a tenth of the training sentences (every tenth) is held out to choose the
epoch, so a file given with --evaluate never influences the model.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # share the machine: one core

import spacy
from spacy.language import Language
from spacy.training import Example, iob_to_biluo
from spacy.util import minibatch

from lagebild.entities.germeval import GermEvalSentence, bio_spans, read_germeval, score_labels
from lagebild.entities.name_features import load_name_lexicon
from lagebild.entities.ner import FEATURE_ATTRS, doc_labels, make_doc

GERMEVAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "germeval2014"
SEED = 2014
HELD_OUT_EVERY = 10


def ner_config(width: int, depth: int, embed_rows: int) -> dict:
    return {
        "model": {
            "@architectures": "spacy.TransitionBasedParser.v2",
            "state_type": "ner",
            "extra_state_tokens": False,
            "hidden_width": 64,
            "maxout_pieces": 2,
            "use_upper": True,
            "tok2vec": {
                "@architectures": "spacy.Tok2Vec.v2",
                "embed": {
                    "@architectures": "spacy.MultiHashEmbed.v2",
                    "width": width,
                    "attrs": list(FEATURE_ATTRS),
                    "rows": [embed_rows] * len(FEATURE_ATTRS),
                    "include_static_vectors": False,
                },
                "encode": {
                    "@architectures": "spacy.MaxoutWindowEncoder.v2",
                    "width": width,
                    "depth": depth,
                    "window_size": 1,
                    "maxout_pieces": 3,
                },
            },
        }
    }


def load_sentences(names: list[str]) -> list[GermEvalSentence]:
    sentences = []
    for name in names:
        path = GERMEVAL / f"NER-de-{name}.tsv"
        if not path.exists():
            sys.exit(f"missing {path}")
        sentences.extend(read_germeval(path))
    return sentences


def to_examples(nlp: Language, labelled: list[tuple[list[str], list[str]]]) -> list[Example]:
    examples = []
    for words, labels in labelled:
        examples.append(Example.from_dict(make_doc(nlp, words), {"entities": iob_to_biluo(labels)}))
    return examples


def name_pools() -> dict[str, list[tuple[str, ...]]]:
    """Known names by class, from the lexicons the model reads (for --augment)."""
    classes = {"PLACE": "LOC", "ORG": "ORG", "PERSON": "PER"}
    pools: dict[str, list[tuple[str, ...]]] = {"LOC": [], "ORG": [], "PER": []}
    for name, mark in sorted(load_name_lexicon().names.items()):
        if name[0][:1].isupper():
            pools[classes[mark]].append(name)
    return pools


def with_names_swapped(
    words: list[str], labels: list[str], pools: dict[str, list[tuple[str, ...]]], rng: random.Random
) -> tuple[list[str], list[str]]:
    """A copy of the sentence with each PER, LOC and ORG replaced by a known name of its class."""
    new_words: list[str] = []
    new_labels: list[str] = []
    previous_end = 0
    for start, end, kind in sorted(bio_spans(labels)):
        new_words += words[previous_end:start]
        new_labels += labels[previous_end:start]
        replacement = list(rng.choice(pools[kind])) if kind in pools else words[start:end]
        new_words += replacement
        new_labels += [f"B-{kind}"] + [f"I-{kind}"] * (len(replacement) - 1)
        previous_end = end
    return new_words + words[previous_end:], new_labels + labels[previous_end:]


def evaluate(nlp: Language, sentences: list[GermEvalSentence]) -> float:
    docs = nlp.pipe(make_doc(nlp, s.words) for s in sentences)
    predicted = [doc_labels(doc) for doc in docs]
    return score_labels([s.labels for s in sentences], predicted).prf()[2]


def train(sentences: list[GermEvalSentence], epochs: int, width: int, depth: int, embed_rows: int,
          dropout: float, augment: int, batch_size: int) -> Language:
    """Train on all but every tenth sentence; keep the weights of the best epoch on those.

    With augment > 0, each training sentence with names is added that many more times with
    its names swapped for known names of the same class.
    """
    spacy.util.fix_random_seed(SEED)
    random.seed(SEED)
    held_out = sentences[::HELD_OUT_EVERY]
    training = [(s.words, s.labels) for i, s in enumerate(sentences) if i % HELD_OUT_EVERY]
    if augment:
        rng, pools = random.Random(SEED), name_pools()
        named = [(words, labels) for words, labels in training if any(label != "O" for label in labels)]
        training += [with_names_swapped(w, lab, pools, rng) for _ in range(augment) for w, lab in named]
    nlp = spacy.blank("de")
    nlp.add_pipe("ner", config=ner_config(width, depth, embed_rows))
    examples = to_examples(nlp, training)
    optimizer = nlp.initialize(lambda: examples)
    best_f1, best_bytes = -1.0, nlp.to_bytes()
    for epoch in range(epochs):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=batch_size):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        with nlp.use_params(optimizer.averages):
            f1 = evaluate(nlp, held_out)
            if f1 > best_f1:
                best_f1, best_bytes = f1, nlp.to_bytes()
        print(f"epoch {epoch:2d} loss {losses['ner']:8.1f} held-out F1 {f1:.4f}", flush=True)
    print(f"best held-out F1 {best_f1:.4f}")
    return nlp.from_bytes(best_bytes)


def without_training_words(nlp: Language, width: int, depth: int, embed_rows: int) -> Language:
    """The same weights in a fresh pipeline, so that the saved vocab holds no GermEval words.

    The model reads words through hashes; the string table a trained pipeline saves would
    list every training word, and GermEval text must not be shipped.
    """
    trained = nlp.get_pipe("ner")
    clean = spacy.blank("de")
    ner = clean.add_pipe("ner", config=ner_config(width, depth, embed_rows))
    for label in trained.labels:
        ner.add_label(label)
    clean.initialize()
    ner.from_bytes(trained.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    clean.meta.update(nlp.meta)
    return clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", nargs="+", default=["dev", "test-a"])
    parser.add_argument("--evaluate", nargs="*", default=[])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=14)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--embed-rows", type=int, default=5000)
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--augment", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    started = time.perf_counter()
    nlp = train(load_sentences(args.train), args.epochs, args.width, args.depth, args.embed_rows, args.dropout,
                args.augment, args.batch_size)
    nlp.meta["name"] = "ner_de_germeval"
    nlp.meta["description"] = f"NER for PER, LOC, ORG, LOCderiv trained on GermEval 2014 {' + '.join(args.train)}"
    nlp = without_training_words(nlp, args.width, args.depth, args.embed_rows)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    for name in args.evaluate:
        print(f"{name}: micro F1 {evaluate(nlp, load_sentences([name])):.4f}")
    print(f"trained in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
