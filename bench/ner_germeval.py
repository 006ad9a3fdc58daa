"""NER on GermEval 2014: precision, recall and F1 per class and micro over PER, LOC, ORG, LOCderiv.

    python bench/ner_germeval.py [--json] [--model DIR] [--method METHOD] [--files test-a dev]

Methods: shipped (the model combined with the rules as lagebild.entities.ner does), model
(alone; for an ensemble, the spans most of its models find), rules, fill (model, then rule
names of --fill classes where it found nothing), relabel (a model span that is exactly one
known name takes that name's class).

Exact spans, outer labels; reads ../shared/corpus/germeval2014 relative to the repository.
The shipped model was trained on dev and test-a together (see scripts/train_ner.py), so its
numbers on those files are training-set numbers; held-out numbers come from models trained
on one file and run on the other (--model).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language

from lagebild.entities import ner
from lagebild.entities.germeval import KEPT_LABELS, read_germeval, score_labels
from lagebild.entities.name_features import lexicon_marks
from lagebild.entities.name_rules import rule_labels

GERMEVAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "germeval2014"


def label_file(
    path: Path, method: str, fill_kinds: tuple[str, ...], nlp: Language
) -> tuple[list[list[str]], list[list[str]], float]:
    """Gold labels, predicted labels and tokens per second for one GermEval file."""
    sentences = read_germeval(path)
    inputs = [(s.words, ner.word_tags(s.words)) for s in sentences]
    started = time.perf_counter()
    if method == "rules":
        predicted = [rule_labels(words, tags, lexicon_marks(words)) for words, tags in inputs]
    else:
        predicted = predict(inputs, method, fill_kinds, nlp)
    seconds = time.perf_counter() - started
    tokens = sum(len(words) for words, _ in inputs)
    return [s.labels for s in sentences], predicted, tokens / seconds


def predict(
    inputs: list[tuple[list[str], list[str]]], method: str, fill_kinds: tuple[str, ...], nlp: Language
) -> list[list[str]]:
    if method == "shipped":
        return ner.label_sentences(inputs, nlp=nlp)
    fill = fill_kinds if method == "fill" else ()
    return ner.label_sentences(inputs, fill, relabel=method == "relabel", nlp=nlp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", type=Path, help="a model directory instead of the shipped model")
    parser.add_argument("--method", choices=["shipped", "model", "rules", "fill", "relabel"], default="shipped")
    parser.add_argument("--fill", nargs="*", default=["ORG"], help="classes the rules add with --method fill")
    parser.add_argument("--files", nargs="+", default=["test-a", "dev"])
    args = parser.parse_args()
    if not GERMEVAL.exists():
        if os.environ.get("CI") == "true":
            sys.exit(f"missing {GERMEVAL}")
        print(f"skipped: {GERMEVAL} not found")
        return
    nlp = spacy.load(args.model) if args.model else ner.load_ner_model()
    ner.word_tags(["warm", "up"])
    fill = tuple(args.fill)
    results = {}
    for name in args.files:
        gold, predicted, speed = label_file(GERMEVAL / f"NER-de-{name}.tsv", args.method, fill, nlp)
        results[name] = score_labels(gold, predicted).report() | {"tokens_per_second": round(speed)}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, report in results.items():
        print(f"{name} ({args.method}, {report['tokens_per_second']} tokens/s)")
        for kind in [*KEPT_LABELS, "micro"]:
            row = report[kind]
            print(
                f"  {kind:9s} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  n {row['support']}"
            )


if __name__ == "__main__":
    main()
