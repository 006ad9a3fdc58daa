"""Train the spaCy NER models shipped in src/lagebild/data/models/ner-de/ from GermEval 2014.

    python scripts/train_ner.py --train dev test-a --out src/lagebild/data/models/ner-de
    python scripts/train_ner.py --train dev --evaluate test-a --out /tmp/ner-dev

Reads ../shared/corpus/germeval2014/NER-de-{name}.tsv. An ensemble of --models models (3),
alike but for their seeds, is saved as one pipeline with an NER component per model;
lagebild.entities.ner keeps the spans most of them find. Fixed seeds and one thread make
reruns repeat; a tenth of the training sentences (every tenth) is held out to choose each
model's epoch, so a file given with --evaluate never influences the models.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # share the machine: one core

import spacy
from spacy.language import Language
from spacy.training import Example, iob_to_biluo
from spacy.util import minibatch

from lagebild.entities.germeval import GermEvalSentence, bio_spans, read_germeval, score_labels, span_labels
from lagebild.entities.name_features import load_name_lexicon
from lagebild.entities.ner import FEATURE_ATTRS, label_sentences, make_doc, word_tags

GERMEVAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "germeval2014"
HELD_OUT_EVERY = 10
# Embedding rows of the features with few distinct values (one first letter, word shapes, tags, marks,
# word classes); words and their last three letters get Recipe.embed_rows each.
SMALL_FEATURE_ROWS = 1000
OPEN_FEATURES = ("NORM", "SUFFIX")


@dataclass(frozen=True)
class Recipe:
    """How the model is built and trained; the defaults are the shipped model's."""

    epochs: int = 14
    width: int = 64
    depth: int = 2
    window: int = 1
    embed_rows: int = 5000
    dropout: float = 0.3
    augment: int = 0
    batch_size: int = 32
    seed: int = 2014
    models: int = 3  # an ensemble: a span needs the vote of more than half of the models


def embed_config(recipe: Recipe) -> dict:
    rows = [recipe.embed_rows if attr in OPEN_FEATURES else SMALL_FEATURE_ROWS for attr in FEATURE_ATTRS]
    return {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": recipe.width,
        "attrs": list(FEATURE_ATTRS),
        "rows": rows,
        "include_static_vectors": False,
    }


def ner_config(recipe: Recipe) -> dict:
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
                "embed": embed_config(recipe),
                "encode": {
                    "@architectures": "spacy.MaxoutWindowEncoder.v2",
                    "width": recipe.width,
                    "depth": recipe.depth,
                    "window_size": recipe.window,
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
        new_labels += span_labels(kind, len(replacement))
        previous_end = end
    return new_words + words[previous_end:], new_labels + labels[previous_end:]


def evaluate(nlp: Language, sentences: list[GermEvalSentence]) -> float:
    """Micro F1 of the model (or the vote of an ensemble) alone, without the rules."""
    predicted = label_sentences(
        [(s.words, word_tags(s.words)) for s in sentences], fill_kinds=(), relabel=False, nlp=nlp
    )
    return score_labels([s.labels for s in sentences], predicted).prf()[2]


def train(sentences: list[GermEvalSentence], recipe: Recipe) -> Language:
    """Train on all but every tenth sentence; keep the weights of the best epoch on those.

    With augment > 0, each training sentence with names is added that many more times with
    its names swapped for known names of the same class.
    """
    spacy.util.fix_random_seed(recipe.seed)
    random.seed(recipe.seed)
    held_out = sentences[::HELD_OUT_EVERY]
    training = [(s.words, s.labels) for i, s in enumerate(sentences) if i % HELD_OUT_EVERY]
    if recipe.augment:
        rng, pools = random.Random(recipe.seed), name_pools()
        named = [(words, labels) for words, labels in training if any(label != "O" for label in labels)]
        training += [with_names_swapped(w, lab, pools, rng) for _ in range(recipe.augment) for w, lab in named]
    nlp = spacy.blank("de")
    nlp.add_pipe("ner", config=ner_config(recipe))
    examples = to_examples(nlp, training)
    optimizer = nlp.initialize(lambda: examples)
    best_f1, best_bytes = -1.0, nlp.to_bytes()
    for epoch in range(recipe.epochs):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=recipe.batch_size):
            nlp.update(batch, sgd=optimizer, drop=recipe.dropout, losses=losses)
        with nlp.use_params(optimizer.averages):
            f1 = evaluate(nlp, held_out)
            if f1 > best_f1:
                best_f1, best_bytes = f1, nlp.to_bytes()
        print(f"epoch {epoch:2d} loss {losses['ner']:8.1f} held-out F1 {f1:.4f}", flush=True)
    print(f"best held-out F1 {best_f1:.4f}")
    return nlp.from_bytes(best_bytes)


def train_ensemble(sentences: list[GermEvalSentence], recipe: Recipe) -> list[Language]:
    """Recipe.models models, trained alike but for their seeds (seed, seed + 1, ...)."""
    return [train(sentences, replace(recipe, seed=recipe.seed + index)) for index in range(recipe.models)]


def without_training_words(models: list[Language], recipe: Recipe) -> Language:
    """The models' weights as the NER components of one fresh pipeline, whose saved vocab holds no GermEval words.

    The models read words through hashes; the string table a trained pipeline saves would
    list every training word, and GermEval text must not be shipped.
    """
    clean = spacy.blank("de")
    components = [clean.add_pipe("ner", name=f"ner_{index}", config=ner_config(recipe)) for index in range(len(models))]
    for component, nlp in zip(components, models, strict=True):
        for label in nlp.get_pipe("ner").labels:
            component.add_label(label)
    clean.initialize()
    for component, nlp in zip(components, models, strict=True):
        component.from_bytes(nlp.get_pipe("ner").to_bytes(exclude=["vocab"]), exclude=["vocab"])
    return clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", nargs="+", default=["dev", "test-a"])
    parser.add_argument("--evaluate", nargs="*", default=[])
    parser.add_argument("--out", type=Path, required=True)
    for name, default in vars(Recipe()).items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(default), default=default)
    args = parser.parse_args()
    recipe = Recipe(**{name: getattr(args, name) for name in vars(Recipe())})
    started = time.perf_counter()
    nlp = without_training_words(train_ensemble(load_sentences(args.train), recipe), recipe)
    nlp.meta["name"] = "ner_de_germeval"
    nlp.meta["description"] = f"NER for PER, LOC, ORG, LOCderiv trained on GermEval 2014 {' + '.join(args.train)}"
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    for name in args.evaluate:
        print(f"{name}: micro F1 {evaluate(nlp, load_sentences([name])):.4f}")
    print(f"trained in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
